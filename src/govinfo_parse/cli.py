"""The ``govinfo-parse`` command.

Exit codes (the worst over all inputs wins):

====  ==========================================================
0     every input parsed (``validate``: and broke no rule)
2     the command line is wrong
3     ``validate``: a report breaks a consistency rule
4     an input holds no statistical table any layout can read
5     an input cannot be read or decoded
130   interrupted (Ctrl-C); a batch output file stays valid
====  ==========================================================

Bad input never produces a traceback: each failure is one line on stderr,
and the other inputs are still processed.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from govinfo_parse import api, batch, compare, serialize
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
    from collections.abc import Callable, Sequence

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


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govinfo-parse",
        description="Parse government-information-disclosure annual reports (政府信息公开工作年度报告).",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse reports and print or write their values")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-f", "--format", choices=_FORMATS, default=None,
                   help="summary (default, for people), json (whole model), flat (field ids), "
                   "jsonl (one flat record per line), csv, parquet (needs the frames extra); "
                   "with -o, taken from the file's extension when not given")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--layout", help="read tables only with this layout")
    p.add_argument("-j", "--jobs", type=int, default=None,
                   help="with -o and jsonl/csv: parse in this many processes (default: all cores)")
    p.add_argument("--resume", action="store_true",
                   help="with -o and jsonl/csv: skip inputs the output already has records for")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: when standard error is a terminal)")
    _add_limit_options(p)
    v = sub.add_parser("validate", help="print diagnostics; exit 3 when a report breaks a rule")
    v.add_argument("paths", nargs="+", metavar="PATH")
    v.add_argument("--layout", help="read tables only with this layout")
    _add_limit_options(v)
    c = sub.add_parser("compare", help="compare one body's reports across years (A B, or folders)")
    c.add_argument("paths", nargs="+", metavar="PATH")
    sub.add_parser("plugins", help="list installed layout and check plugins")
    sub.add_parser("schema", help="print the JSON Schema of the json output")
    return parser


def _add_limit_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("resource limits (per input; 0 switches one off)")
    default = Limits()
    g.add_argument("--max-bytes", type=int, default=default.max_bytes, metavar="N",
                   help=f"largest input file in bytes (default {default.max_bytes})")
    g.add_argument("--max-pages", type=int, default=default.max_pages, metavar="N",
                   help=f"most pages of a PDF (default {default.max_pages})")
    g.add_argument("--max-decompressed-bytes", type=int, default=default.max_decompressed_bytes, metavar="N",
                   help="most bytes a Word file's XML may unpack to, and characters of a PDF's text "
                   f"(default {default.max_decompressed_bytes})")
    g.add_argument("--timeout", type=float, default=default.timeout, metavar="SECONDS",
                   help=f"longest time to parse one input (default {default.timeout:g})")
    g.add_argument("--plugin-timeout", type=float, default=default.plugin_timeout, metavar="SECONDS",
                   help=f"longest time for one call of one plugin (default {default.plugin_timeout:g})")


def _limits(args: argparse.Namespace) -> Limits:
    def off_if_zero(value: float | None) -> float | None:
        return value or None

    return Limits(
        max_bytes=off_if_zero(args.max_bytes), max_pages=off_if_zero(args.max_pages),  # type: ignore[arg-type]
        max_decompressed_bytes=off_if_zero(args.max_decompressed_bytes),  # type: ignore[arg-type]
        timeout=off_if_zero(args.timeout), plugin_timeout=off_if_zero(args.plugin_timeout),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _build_parser().parse_args(argv)
    commands: dict[str, Callable[[], int]] = {
        "parse": lambda: _parse(args),
        "validate": lambda: _validate(args.paths, args.layout, sys.stdout, _limits(args)),
        "compare": lambda: _compare(args.paths, sys.stdout),
        "plugins": lambda: _plugins(sys.stdout),
        "schema": lambda: _schema(sys.stdout),
    }
    try:
        return commands[args.command]()
    except GovinfoParseError as exc:  # e.g. an unknown --layout
        print(f"govinfo-parse: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into head
        return EXIT_OK


def _schema(out: TextIO) -> int:
    out.write(serialize.dumps_json(serialize.json_schema()) + "\n")
    return EXIT_OK


def _read_all(
    paths: Sequence[str], layout: str | None, limits: Limits | None = None,
) -> list[tuple[str, Report | None, str | None, int]]:
    """(path, report or None, error message, exit code) per input, never raising on bad input."""
    out: list[tuple[str, Report | None, str | None, int]] = []
    for path in paths:
        try:
            report = api.parse_file(path, layout=layout, limits=limits)
        except ResourceLimitError as exc:
            print(f"govinfo-parse: {exc}", file=sys.stderr)
            out.append((path, None, str(exc), EXIT_LIMIT))
            continue
        except (InputError, DecodingError, UnreadableDocumentError, MissingDependencyError) as exc:
            print(f"govinfo-parse: {exc}", file=sys.stderr)
            out.append((path, None, str(exc), EXIT_UNREADABLE))
            continue
        except LayoutNotFoundError:
            raise
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the other inputs
            message = f"{path}: internal error, please report it: {type(exc).__name__}: {exc}"
            print(f"govinfo-parse: {message}", file=sys.stderr)
            out.append((path, None, message, EXIT_INTERNAL))
            continue
        code = EXIT_NO_TABLES if any(d.code == "no-tables" for d in report.diagnostics) else EXIT_OK
        if code:
            print(f"govinfo-parse: {path}: no statistical table found", file=sys.stderr)
        out.append((path, report, None, code))
    return out


def _parse(args: argparse.Namespace) -> int:
    if next(batch.iter_inputs(args.paths), None) is None:
        print(f"govinfo-parse: no input files in {' '.join(args.paths)}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.format is None:
        suffix = Path(args.output).suffix.lstrip(".") if args.output else ""
        args.format = suffix if suffix in ("jsonl", "csv", "parquet") else "summary"
    if args.format == "parquet":
        if not args.output:
            print("govinfo-parse: parquet output needs -o FILE", file=sys.stderr)
            return EXIT_USAGE
        return _parse_to_parquet(args)
    if args.output and args.format in batch.STREAM_FORMATS and args.layout is None:
        return _parse_batch(args)
    results = _read_all(list(batch.iter_inputs(args.paths)), args.layout, _limits(args))
    text = _render(results, args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return max((code for *_, code in results), default=EXIT_OK)


def _parse_to_parquet(args: argparse.Namespace) -> int:
    """A batch into a temporary JSON-lines file, then one wide Parquet table of all records."""
    import json  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    from govinfo_parse import export  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        staging = str(Path(folder) / "records.jsonl")
        code = _parse_batch(argparse.Namespace(**{**vars(args), "output": staging, "format": "jsonl",
                                                  "resume": False}))
        with open(staging, encoding="utf-8") as fh:  # noqa: PTH123
            frame = export.wide_frame(json.loads(line) for line in fh)
    export.write_frame(frame, args.output)
    return code


def _parse_batch(args: argparse.Namespace) -> int:
    """Stream one record per input into the output file, in parallel, with progress and a summary."""
    show = sys.stderr.isatty() if args.progress is None else args.progress
    total = sum(1 for _ in batch.iter_inputs(args.paths))
    bar = None
    if show:
        from tqdm import tqdm  # noqa: PLC0415

        bar = tqdm(total=total, unit="report", file=sys.stderr)
    try:
        summary = batch.run_batch(args.paths, args.output, fmt=args.format, jobs=args.jobs,
                                  resume=args.resume, progress=bar.update if bar else None,
                                  limits=_limits(args))
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


def _record(path: str, report: Report | None, error: str | None) -> dict[str, Any]:
    record: dict[str, Any] = {"path": path}
    if report is None:
        record["error"] = error
    else:
        record.update(serialize.flat_to_jsonable(report.to_flat()))
        record["warnings"] = len(report.warnings)
    return record


def _render(results: list[tuple[str, Report | None, str | None, int]], fmt: str) -> str:
    if fmt == "summary":
        return "\n".join(_summary(p, r, e) for p, r, e, _ in results)
    if fmt == "jsonl":
        return "".join(serialize.dumps_json(_record(p, r, e), indent=None) + "\n" for p, r, e, _ in results)
    if fmt == "csv":
        return serialize.reports_to_csv(
            [_record(p, r, e) for p, r, e, _ in results], extra=("path", "error", "warnings")
        )
    if fmt == "flat":
        items: list[Any] = [
            serialize.flat_to_jsonable(r.to_flat()) if r else {"path": p, "error": e}
            for p, r, e, _ in results
        ]
    else:
        items = [r.to_dict() if r else {"path": p, "error": e} for p, r, e, _ in results]
    return serialize.dumps_json(items[0] if len(items) == 1 else items) + "\n"


def _summary(path: str, report: Report | None, error: str | None) -> str:
    if report is None:
        return f"{path}\n  cannot be read: {error}\n"
    meta = report.meta
    lines = [
        path,
        f"  title     {meta.title or '-'}",
        f"  organ     {meta.organ or '-'}",
        f"  year      {meta.year or '-'}    template {meta.template or '-'}",
    ]
    for table in report.tables:
        stated = sum(1 for c in table if c.stated)
        lines.append(f"  {table.name:<9} {stated} values stated ({len(table)} cells read)")
    for label, key in (
        ("new requests", "requests.new_received.total"),
        ("granted", "requests.granted.total"),
        ("carried forward", "requests.carried_forward.total"),
        ("reviews", "appeals.review.total"),
    ):
        value = report.value(key)
        if value is not None:
            lines.append(f"  {label:<16}{value}")
    lines.append(f"  diagnostics {len(report.diagnostics)}")
    lines.extend(f"    {d}" for d in report.diagnostics)
    return "\n".join(lines) + "\n"


def _validate(paths: Sequence[str], layout: str | None, out: TextIO, limits: Limits | None = None) -> int:
    worst = EXIT_OK
    for path, report, _error, code in _read_all(paths, layout, limits):
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
    out.write(f"plugins (entry-point group {ENTRY_POINT_GROUP!r}):\n")
    for name, plugin in pm.list_name_plugin():
        info = layouts.get(name)
        module = getattr(plugin, "__name__", type(plugin).__name__)
        if info is not None:
            aliases = f" (aliases: {', '.join(info.aliases)})" if info.aliases else ""
            out.write(f"  {name:<12} layout {info.name}{aliases}, since {info.version_added} [{module}]\n")
            out.write(f"  {'':<12} {info.description}\n")
        else:
            out.write(f"  {name:<12} checks [{module}]\n")
    out.writelines(
        f"  {failure.name:<12} FAILED to load {failure.target}: {failure.error}\n"
        for failure in getattr(pm, "load_failures", ())
    )
    return EXIT_OK


def _expand(paths: Sequence[str]) -> list[str]:
    """Files named, and the files inside folders named (sorted)."""
    out: list[str] = []
    for path in paths:
        p = Path(path)
        out += sorted(str(f) for f in p.rglob("*") if f.is_file()) if p.is_dir() else [path]
    return out


def _compare(paths: Sequence[str], out: TextIO) -> int:
    results = _read_all(_expand(paths), None)
    reports = [r for _, r, _, _ in results if r is not None]
    worst = max((code for *_, code in results if code == EXIT_UNREADABLE), default=EXIT_OK)
    if len(paths) == 2 and len(reports) == 2 and all(Path(p).is_file() for p in paths):
        groups = {reports[0].meta.organ: sorted(reports, key=lambda r: r.meta.year or 0)}
    else:
        groups = compare.group_by_organ(reports)
    for organ, members in groups.items():
        if organ is None and len(groups) > 1:
            out.writelines(f"{r.source.path}: the issuing body is not named; not compared\n" for r in members)
            continue
        if len(members) < 2:
            continue
        for earlier, later in itertools.pairwise(members):
            pair = compare.compare_years(earlier, later)
            out.write(f"{organ or '(unnamed body)'}: {pair.earlier_year} {pair.earlier} → "
                      f"{pair.later_year} {pair.later}\n")
            for reuse in pair.reuse:
                flag = "  COPIED" if reuse.copied else ""
                out.write(f"  text repeated from the year before, {reuse.section.value}: "
                          f"{reuse.share:.0%}{flag}\n")
            out.writelines(f"  {d}\n" for d in pair.diagnostics)
    return worst
