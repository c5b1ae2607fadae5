"""The ``govinfo-parse`` command.

Exit codes (the worst over all inputs wins):

====  ==========================================================
0     every input parsed (``validate``: and broke no rule)
2     the command line is wrong
3     ``validate``: a report breaks a consistency rule
4     an input holds no statistical table any layout can read
5     an input cannot be read or decoded
6     an input goes beyond a resource limit (size, pages, time)
70    internal error (please report it)
130   interrupted (Ctrl-C); a batch output file stays valid
====  ==========================================================

Bad input never produces a traceback: each failure is one line on stderr,
naming the file, and the other inputs are still processed.  Every route that
writes records (JSON lines, CSV, Parquet; to a file or to standard output)
writes the same record (``govinfo_parse.batch.parse_record``).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import itertools
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from govinfo_parse import api, batch, hookspecs, serialize
from govinfo_parse.errors import (
    DecodingError,
    GovinfoParseError,
    InputError,
    LayoutNotFoundError,
    MissingDependencyError,
    ResourceLimitError,
    UnreadableDocumentError,
)
from govinfo_parse.limits import Limits
from govinfo_parse.plugins import ENTRY_POINT_GROUP, default_plugin_manager

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from govinfo_parse.model import Report

__all__ = [
    "EXIT_INTERNAL", "EXIT_INTERRUPTED", "EXIT_LIMIT", "EXIT_NO_TABLES", "EXIT_OK", "EXIT_RULES",
    "EXIT_UNREADABLE", "EXIT_USAGE", "main",
]

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_RULES = 3
EXIT_NO_TABLES = 4
EXIT_UNREADABLE = 5
EXIT_LIMIT = 6
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

_FORMATS = ("summary", "json", "flat", "jsonl", "csv", "parquet")
#: Output file extensions and the format each one means.
_EXTENSIONS = {".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet", ".json": "json"}
_BUILT_IN_LAYOUTS = "canonical, tabular, pdf_text, html, markdown, docx"
_EPILOG = """\
exit codes (the worst over all inputs wins):
  0    every input parsed (validate: and broke no rule)
  2    the command line is wrong
  3    validate: a report breaks a consistency rule
  4    an input holds no statistical table any layout can read
  5    an input cannot be read or decoded (a batch with any failed input)
  6    an input goes beyond a resource limit (size, pages, time)
  70   internal error (please report it)
  130  interrupted (Ctrl-C); a batch output file stays valid
"""


class _UsageError(Exception):
    """A command line that cannot run: reported before any input is read."""


def _count(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            msg = f"{text!r} is not a whole number"
            raise argparse.ArgumentTypeError(msg) from None
        if value < minimum:
            msg = f"{value} is less than {minimum}"
            raise argparse.ArgumentTypeError(msg)
        return value
    return parse


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        msg = f"{text!r} is not a number of seconds"
        raise argparse.ArgumentTypeError(msg) from None
    if not value >= 0:  # also refuses nan
        msg = f"{text} is not a time (0 switches the limit off)"
        raise argparse.ArgumentTypeError(msg)
    return value


class _VersionAction(argparse.Action):
    """``--version``: the package's metadata is read only when asked for (it costs every run)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **_: object) -> None:
        super().__init__(option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0,
                         help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from govinfo_parse import __version__  # noqa: PLC0415

        print(f"{parser.prog} {__version__}")
        parser.exit()


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govinfo-parse",
        description="Parse government-information-disclosure annual reports (政府信息公开工作年度报告).",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text, epilog=_EPILOG,
                              formatter_class=argparse.RawDescriptionHelpFormatter)

    p = command("parse", "parse reports and print or write their values")
    _add_inputs(p)
    p.add_argument("-f", "--format", choices=_FORMATS, default=None,
                   help="summary (default, for people), json (whole model), flat (field ids), "
                   "jsonl (one record per input per line), csv, parquet (needs the frames extra); "
                   "with -o, taken from the file's extension (.jsonl .csv .parquet .json) when not given")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.add_argument("-j", "--jobs", type=_count(1), default=None, metavar="N",
                   help="with -o and jsonl/csv/parquet: parse in N processes (default: all cores)")
    p.add_argument("--resume", action="store_true",
                   help="with -o and jsonl/csv: skip inputs the output already has records for")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar: of the files of a batch, or of a scan's pages as they are "
                   "recognised (default: when standard error is a terminal)")
    p.add_argument("--include-narrative", action="store_true",
                   help="also give values read from prose: in records as narrative.<field id> columns, "
                   "in flat output mixed in, in the summary marked 'from a sentence'")
    p.add_argument("--bom", action=argparse.BooleanOptionalAction, default=True,
                   help="start a CSV file with a byte-order mark, so that Excel reads its Chinese "
                   "(default: yes; never on standard output)")
    _add_limit_options(p)
    v = command("validate", "print diagnostics; exit 3 when a report breaks a rule")
    _add_inputs(v)
    _add_limit_options(v)
    c = command("compare", "compare one body's reports across years: two files, or folders of many bodies")
    c.add_argument("paths", nargs="+", metavar="PATH", help="two reports of one body, or folders")
    _add_glob(c)
    _add_limit_options(c)
    a = command("audit", "write the audit page: every value beside the place it came from "
                "(one report, or a corpus page linking to a page per report)")
    _add_inputs(a)
    a.add_argument("-o", "--output", metavar="FILE", required=True,
                   help="the page to write (.html); for a folder or several files, the corpus page, "
                   "with each report's page written beside it")
    a.add_argument("--title", help="the corpus page's title (default: the folder's name)")
    _add_limit_options(a)
    command("plugins", "list installed layouts and checks, with the distribution each comes from")
    command("schema", "print the JSON Schema of the json output")
    return parser


def _add_inputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="report files, folders (every report file under them) or glob patterns")
    _add_glob(p)
    p.add_argument("--layout", metavar="NAME",
                   help=f"read tables only with this layout: {_BUILT_IN_LAYOUTS}, or an installed "
                   "plugin's (see `govinfo-parse plugins`)")


def _add_glob(p: argparse.ArgumentParser) -> None:
    p.add_argument("--glob", action="append", metavar="PATTERN",
                   help="in folders, read the files whose names match (repeatable; default: "
                   f"{' '.join(batch.DEFAULT_PATTERNS)})")


def _add_limit_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("resource limits (per input; 0 switches one off)")
    default = Limits()
    g.add_argument("--max-bytes", type=_count(0), default=default.max_bytes, metavar="N",
                   help=f"largest input file in bytes (default {default.max_bytes})")
    g.add_argument("--max-pages", type=_count(0), default=default.max_pages, metavar="N",
                   help=f"most pages of a PDF (default {default.max_pages})")
    g.add_argument("--max-decompressed-bytes", type=_count(0), default=default.max_decompressed_bytes,
                   metavar="N", help="most bytes a Word file's XML may unpack to, and characters of a PDF's "
                   f"text (default {default.max_decompressed_bytes})")
    g.add_argument("--timeout", type=_seconds, default=default.timeout, metavar="SECONDS",
                   help=f"longest time to parse one input (default {default.timeout:g})")
    g.add_argument("--plugin-timeout", type=_seconds, default=default.plugin_timeout, metavar="SECONDS",
                   help=f"longest time for one call of one plugin (default {default.plugin_timeout:g})")


def _limits(args: argparse.Namespace) -> Limits:
    def off_if_zero(value: float | None) -> float | None:
        return value or None

    return Limits(
        max_bytes=off_if_zero(args.max_bytes), max_pages=off_if_zero(args.max_pages),  # type: ignore[arg-type]
        max_decompressed_bytes=off_if_zero(args.max_decompressed_bytes),  # type: ignore[arg-type]
        timeout=off_if_zero(args.timeout), plugin_timeout=off_if_zero(args.plugin_timeout),
    )


def _inputs(args: argparse.Namespace) -> list[str]:
    return list(batch.iter_inputs(args.paths, args.glob or batch.DEFAULT_PATTERNS))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _build_parser().parse_args(argv)
    commands: dict[str, Callable[[], int]] = {
        "parse": lambda: _parse(args),
        "validate": lambda: _validate(_inputs(args), args.layout, sys.stdout, _limits(args)),
        "compare": lambda: _compare(args, sys.stdout),
        "audit": lambda: _audit(args),
        "plugins": lambda: _plugins(sys.stdout),
        "schema": lambda: _schema(sys.stdout),
    }
    try:
        return commands[args.command]()
    except (GovinfoParseError, _UsageError) as exc:  # e.g. an unknown --layout
        print(f"govinfo-parse: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into head
        return EXIT_OK


def _schema(out: TextIO) -> int:
    out.write(serialize.dumps_json(serialize.json_schema()) + "\n")
    return EXIT_OK


def _say(path: str, message: str) -> None:
    """``message`` as one line on stderr, naming the file once."""
    line = message if message.startswith(path) else f"{path}: {message}"
    print(f"govinfo-parse: {line}", file=sys.stderr)


#: One input's outcome: its path, its report or its failure record, and its exit code.
Outcome = tuple[str, "Report | None", "dict[str, Any] | None", int]


def _read_all(paths: Sequence[str], layout: str | None, limits: Limits | None = None) -> list[Outcome]:
    """Each input's outcome, never raising on bad input; each failure told once, on stderr."""
    out: list[Outcome] = []
    for path in paths:
        try:
            report = api.parse_file(path, layout=layout, limits=limits)
        except LayoutNotFoundError:
            raise
        except Exception as exc:  # noqa: BLE001 - a bad input or a bug must not stop the other inputs
            failure = batch.failure_record(path, exc)
            code = _exit_code_of(exc)
            if code == EXIT_INTERNAL:
                failure["error"] = f"{path}: internal error, please report it: {type(exc).__name__}: {exc}"
            _say(path, failure["error"])
            out.append((path, None, failure, code))
            continue
        code = EXIT_NO_TABLES if any(d.code == "no-tables" for d in report.diagnostics) else EXIT_OK
        if code:
            empty = any(d.code == "empty-document" for d in report.diagnostics)
            _say(path, "empty file" if empty else "no statistical table found")
        out.append((path, report, None, code))
    return out


def _exit_code_of(exc: BaseException) -> int:
    if isinstance(exc, ResourceLimitError):
        return EXIT_LIMIT
    if isinstance(exc, (InputError, DecodingError, UnreadableDocumentError, MissingDependencyError)):
        return EXIT_UNREADABLE
    return EXIT_INTERNAL


def _check_output_path(output: str) -> None:
    target = Path(output)
    if target.is_dir():
        msg = f"-o {output}: is a folder; name a file to write"
        raise _UsageError(msg)
    if not target.parent.is_dir():
        msg = f"-o {output}: the folder {target.parent} does not exist"
        raise _UsageError(msg)


def _output_format(args: argparse.Namespace) -> str:
    """The format to write, checked against -o and the extras installed, before any input is read."""
    if args.output:
        _check_output_path(args.output)
    fmt = args.format
    if fmt is None and args.output:
        fmt = _EXTENSIONS.get(Path(args.output).suffix.lower())
        if fmt is None:
            msg = (f"-o {args.output}: unknown output extension; write .jsonl, .csv, .parquet or .json, "
                   "or give -f")
            raise _UsageError(msg)
    fmt = fmt or "summary"
    if fmt == "parquet":
        if not args.output:
            msg = "parquet output needs -o FILE"
            raise _UsageError(msg)
        if args.resume:
            msg = "--resume works with jsonl and csv output, not parquet (write jsonl, then convert)"
            raise _UsageError(msg)
        missing = [m for m in ("pandas", "pyarrow") if importlib.util.find_spec(m) is None]
        if missing:
            msg = (f"parquet output needs {' and '.join(missing)}, in the frames extra: "
                   'pip install "govinfo-parse[frames]" (from a checkout: pip install ".[frames]")')
            raise _UsageError(msg)
    elif args.resume and (fmt not in batch.STREAM_FORMATS or not args.output):
        msg = "--resume works with -o and jsonl or csv output"
        raise _UsageError(msg)
    return fmt


def _parse(args: argparse.Namespace) -> int:
    fmt = _output_format(args)
    _check_layout(args.layout)
    inputs = _inputs(args)
    if not inputs:
        print(f"govinfo-parse: no input files in {' '.join(args.paths)}", file=sys.stderr)
        return EXIT_UNREADABLE
    if fmt == "parquet":
        return _parse_to_parquet(args)
    if fmt in batch.STREAM_FORMATS:
        return _parse_batch(args, fmt) if args.output else _records_to(sys.stdout, inputs, args, fmt)
    with _page_progress(sys.stderr.isatty() if args.progress is None else args.progress):
        results = _read_all(inputs, args.layout, _limits(args))
    text = _render(results, fmt, include_narrative=args.include_narrative)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return max((code for *_, code in results), default=EXIT_OK)


@contextlib.contextmanager
def _page_progress(show: bool) -> Iterator[None]:  # noqa: FBT001
    """A progress bar of the pages of each scan being recognised (OCR takes seconds a page)."""
    if not show:
        yield
        return
    from tqdm import tqdm  # noqa: PLC0415

    from govinfo_parse.ocr import PAGE_PROGRESS  # noqa: PLC0415 - only a terminal follows the pages

    bar: list[Any] = []

    def follow(done: int, total: int) -> None:
        if done == 1 or not bar:
            while bar:
                bar.pop().close()
            bar.append(tqdm(total=total, unit="page", desc="OCR", file=sys.stderr, leave=False))
        bar[0].update(done - bar[0].n)

    token = PAGE_PROGRESS.set(follow)
    try:
        yield
    finally:
        PAGE_PROGRESS.reset(token)
        while bar:
            bar.pop().close()


def _check_layout(name: str | None) -> None:
    """Refuse an unknown ``--layout`` before any input is read (the message lists the installed ones)."""
    layouts = [info for _, info in api.available_layouts()]
    if name is not None and not any(name in (i.name, *i.aliases) for i in layouts):
        raise LayoutNotFoundError(name, [i.name for i in layouts])


def _records_to(out: TextIO, inputs: list[str], args: argparse.Namespace, fmt: str) -> int:
    """The records of a batch, one by one, on standard output (the same records as a file gets)."""
    writer = batch.RecordWriter(out, fmt, include_narrative=args.include_narrative)
    worst = EXIT_OK
    for path in inputs:
        record = batch.parse_record(path, _limits(args), layout=args.layout,
                                    include_narrative=args.include_narrative)
        writer.write(record)
        if record["status"] == "failed":
            _say(path, record["error"])
        worst = max(worst, _record_exit_code(record))
    return worst


def _record_exit_code(record: dict[str, Any]) -> int:
    if record["status"] == "failed":
        return EXIT_LIMIT if record["error_kind"] in ("ResourceLimitError", "ParseTimeoutError") else (
            EXIT_INTERNAL if record["error_kind"] == "InternalError" else EXIT_UNREADABLE)
    return EXIT_NO_TABLES if record["status"] == "no_tables" else EXIT_OK


def _parse_to_parquet(args: argparse.Namespace) -> int:
    """A batch into a temporary JSON-lines file, then one wide Parquet table of all records."""
    import json  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    from govinfo_parse import export  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        staging = str(Path(folder) / "records.jsonl")
        code = _parse_batch(argparse.Namespace(**{**vars(args), "output": staging, "resume": False}), "jsonl")
        with open(staging, encoding="utf-8") as fh:  # noqa: PTH123
            frame = export.wide_frame(json.loads(line) for line in fh)
    export.write_frame(frame, args.output)
    return code


def _parse_batch(args: argparse.Namespace, fmt: str) -> int:
    """Stream one record per input into the output file, in parallel, with progress and a summary."""
    show = sys.stderr.isatty() if args.progress is None else args.progress
    patterns = args.glob or batch.DEFAULT_PATTERNS
    total = sum(1 for _ in batch.iter_inputs(args.paths, patterns))
    bar = None
    if show:
        from tqdm import tqdm  # noqa: PLC0415

        bar = tqdm(total=total, unit="report", file=sys.stderr)
    try:
        summary = batch.run_batch(args.paths, args.output, fmt=fmt, jobs=args.jobs,
                                  resume=args.resume, progress=bar.update if bar else None,
                                  limits=_limits(args), patterns=patterns, layout=args.layout,
                                  include_narrative=args.include_narrative, bom=args.bom)
    except KeyboardInterrupt:
        print("govinfo-parse: interrupted; the output holds every record written so far "
              "(run again with --resume)", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if bar is not None:
            bar.close()
    for line in summary.lines():
        print(line, file=sys.stderr)
    if summary.by_status["failed"]:
        return EXIT_UNREADABLE
    return EXIT_NO_TABLES if summary.by_status["no_tables"] else EXIT_OK


def _render(results: list[Outcome], fmt: str, *, include_narrative: bool = False) -> str:
    """Summaries, or JSON: a failed input is its failure record (``ParseError`` in the schema)."""
    if fmt == "summary":
        return "\n".join(_summary(p, r, f) for p, r, f, _ in results)
    if fmt == "flat":
        items: list[Any] = [
            serialize.flat_to_jsonable(r.to_flat(include_narrative=include_narrative)) if r else f
            for _, r, f, _ in results
        ]
    else:
        items = [serialize.to_dict(r) if r else f for _, r, f, _ in results]
    return serialize.dumps_json(items[0] if len(items) == 1 else items) + "\n"


def _summary(path: str, report: Report | None, failure: dict[str, Any] | None) -> str:
    if report is None:  # its message went to standard error: once is enough
        return f"{path}\n  not read ({(failure or {}).get('error_kind')})\n"
    meta = report.meta
    lines = [
        path,
        f"  title     {meta.title or '-'}",
        f"  organ     {meta.organ or '-'}",
        f"  year      {meta.year or '-'}    template {meta.template or '-'}    source {report.source.format}",
    ]
    for table in report.tables:
        stated = sum(1 for c in table if c.stated and c.origin.value != "narrative")
        lines.append(f"  {table.name:<9} {stated} values stated ({len(table)} cells read)")
    if report.source.format == "ocr":
        recognised = sum(1 for c in report.cells() if c.origin.value == "ocr")
        derived = sum(1 for c in report.cells() if c.origin.value == "derived")
        from govinfo_parse.ocr import READ_TWICE  # noqa: PLC0415

        read_twice = sum(len(d.field_ids) for d in report.diagnostics if d.code == READ_TWICE)
        left_out = sum(len(d.field_ids) for d in report.diagnostics
                       if d.code.startswith("ocr-") and d.code != READ_TWICE)
        lines.append(f"  OCR       {recognised} values recognised: {recognised - read_twice} vouched for by "
                     f"the rules, {read_twice} only read twice alike (in doubt); {derived} derived from "
                     f"them, {left_out} left out as doubtful")
    for label, key in (
        ("new requests", "requests.new_received.total"),
        ("granted", "requests.granted.total"),
        ("carried forward", "requests.carried_forward.total"),
        ("reviews", "appeals.review.total"),
    ):
        cell = report.cell(key)
        if cell is not None and cell.value is not None:
            marked = "    (from a sentence)" if cell.origin.value == "narrative" else ""
            lines.append(f"  {label:<16}{cell.value}{marked}")
    lines.append(f"  diagnostics {len(report.diagnostics)}")
    lines.extend(f"    {d}" for d in report.diagnostics)
    return "\n".join(lines) + "\n"


def _validate(paths: Sequence[str], layout: str | None, out: TextIO, limits: Limits | None = None) -> int:
    _check_layout(layout)
    if not paths:
        print("govinfo-parse: no input files", file=sys.stderr)
        return EXIT_UNREADABLE
    worst = EXIT_OK
    for path, report, _failure, code in _read_all(paths, layout, limits):
        if report is None:
            worst = max(worst, code)
            continue
        broken = any(d.code.startswith("rule-") for d in report.diagnostics)
        worst = max(worst, code, EXIT_RULES if broken else EXIT_OK)
        status = "breaks a rule" if broken else ("no tables" if code else "ok")
        out.write(f"{path}: {status}\n")
        out.writelines(f"  {d}\n" for d in report.diagnostics)
    return worst


def _plugins(out: TextIO) -> int:
    pm = default_plugin_manager()
    layouts = dict(api.available_layouts(pm))
    versions: dict[str, str] = getattr(pm, "plugin_versions", {})
    out.write(f"plugins (entry-point group {ENTRY_POINT_GROUP!r}):\n")
    for name, plugin in pm.list_name_plugin():
        info = layouts.get(name)
        module = getattr(plugin, "__name__", type(plugin).__name__)
        origin = versions.get(name, "registered in code")
        if info is not None:
            aliases = f" (aliases: {', '.join(info.aliases)})" if info.aliases else ""
            out.write(f"  {name:<12} layout {info.name}{aliases}, since {info.version_added} "
                      f"[{module}; {origin}]\n")
            out.write(f"  {'':<12} {info.description}\n")
        else:
            kind = "checks" if hasattr(plugin, "govinfo_check_report") else "plugin"
            out.write(f"  {name:<12} {kind} [{module}; {origin}]\n")
    out.writelines(
        f"  {failure.name:<12} FAILED to load {failure.target}: {failure.error}\n"
        for failure in getattr(pm, "load_failures", ())
    )
    out.write("\nwhat a plugin may import (the rest is internal; see docs/reference/hooks.md):\n")
    out.writelines(f"  {module:<32} {what}\n" for module, what in hookspecs.PLUGIN_MODULES.items())
    return EXIT_OK


_CHANGES = (
    ("new requests", "requests.new_received.total"), ("carried over", "requests.carried_over.total"),
    ("granted", "requests.granted.total"), ("handled", "requests.total.total"),
    ("carried forward", "requests.carried_forward.total"), ("reviews", "appeals.review.total"),
    ("lawsuits", "appeals.litigation_direct.total"),
)


def _audit(args: argparse.Namespace) -> int:
    """One report's audit page, or a corpus page with a page per report beside it."""
    from govinfo_parse import audit  # noqa: PLC0415

    _check_output_path(args.output)
    _check_layout(args.layout)
    audit.check_installed()
    inputs = _inputs(args)
    if not inputs:
        print(f"govinfo-parse: no input files in {' '.join(args.paths)}", file=sys.stderr)
        return EXIT_UNREADABLE
    output = Path(args.output)
    one = len(inputs) == 1 and len(args.paths) == 1 and Path(args.paths[0]).is_file()
    entries, worst, names = [], EXIT_OK, audit.PageNames(output)
    for path in inputs:
        with _page_progress(sys.stderr.isatty()):
            ((_, report, failure, code),) = _read_all([path], args.layout, _limits(args))
        worst = max(worst, code)
        if report is None:
            entries.append(audit.CorpusEntry(path=path, error=(failure or {}).get("error")))
            continue
        target = output if one else output.with_name(names.new(path))
        try:
            target.write_text(audit.render(report, Path(path)), encoding="utf-8")
        except (GovinfoParseError, OSError) as exc:
            _say(path, f"audit page not written: {exc}")
            entries.append(audit.CorpusEntry(path=path, report=report, error=f"page not written: {exc}"))
            worst = max(worst, EXIT_UNREADABLE)
            continue
        entries.append(audit.CorpusEntry(path=path, report=report, page=target.name))
    if not one:
        title = args.title or f"{Path(args.paths[0]).resolve().name}: {len(inputs)} reports"
        output.write_text(audit.render_corpus(entries, title=title), encoding="utf-8")
    print(f"govinfo-parse: wrote {output}" + ("" if one else f" and {len(entries)} report pages beside it"),
          file=sys.stderr)
    return worst


def _compare(args: argparse.Namespace, out: TextIO) -> int:
    paths = args.paths
    if len(paths) == 1 and Path(paths[0]).is_file():
        msg = f"compare needs two reports of one body, or a folder of several; {paths[0]} is one report"
        raise _UsageError(msg)
    two_files = len(paths) == 2 and all(Path(p).is_file() for p in paths)
    inputs = paths if two_files else list(batch.iter_inputs(paths, args.glob or batch.DEFAULT_PATTERNS))
    results = _read_all(inputs, None, _limits(args))
    reports = [r for _, r, _, _ in results if r is not None]
    worst = max((code for *_, code in results if code in (EXIT_UNREADABLE, EXIT_LIMIT)), default=EXIT_OK)
    if two_files and len(reports) == 2:
        organ = reports[0].meta.organ or reports[1].meta.organ
        groups = {organ: sorted(reports, key=lambda r: r.meta.year or 0)}
    else:
        from govinfo_parse.compare import group_by_organ  # noqa: PLC0415 - only this command needs it

        groups = group_by_organ(reports)
    for organ, members in groups.items():
        if organ is None and not two_files:
            out.writelines(f"{r.source.path}: the issuing body is not named; not compared\n"
                           for r in members)
            continue
        if len(members) < 2:
            out.writelines(f"{r.source.path}: the only report of {organ}; nothing to compare\n"
                           for r in members)
            continue
        for earlier, later in itertools.pairwise(members):
            _write_pair(out, organ, earlier, later)
    return worst


def _write_pair(out: TextIO, organ: str | None, earlier: Report, later: Report) -> None:
    from govinfo_parse.compare import compare_years  # noqa: PLC0415 - only this command needs it

    pair = compare_years(earlier, later)
    out.write(f"{organ or '(unnamed body)'}: {pair.earlier_year} {pair.earlier} → "
              f"{pair.later_year} {pair.later}\n")
    for label, key in _CHANGES:
        before, after = earlier.value(key), later.value(key)
        if before is not None and after is not None:
            out.write(f"  {label:<16}{before} → {after} ({after - before:+})\n")
    for reuse in pair.reuse:
        flag = "  COPIED" if reuse.copied else ""
        out.write(f"  text repeated from the year before, {reuse.section.value}: {reuse.share:.0%}{flag}\n")
    out.writelines(f"  {d}\n" for d in pair.diagnostics)
