"""Parsing many files: one flat record per input, streamed, in parallel, resumable.

Every input gets exactly one record, failures included (with the kind of
error), written as soon as it is ready so that memory stays flat and an
interrupted run leaves a valid file.  ``resume`` skips the inputs whose
records the output already holds.
"""

from __future__ import annotations

import csv
import fnmatch
import functools
import glob
import json
import os
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

import attrs

from govinfo_parse import fields, serialize
from govinfo_parse.api import parse_file
from govinfo_parse.errors import GovinfoParseError, LayoutNotFoundError
from govinfo_parse.limits import Limits
from govinfo_parse.model import Origin

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from govinfo_parse.model import Report

__all__ = [
    "DEFAULT_PATTERNS", "NARRATIVE_PREFIX", "RECORD_LEADING", "BatchSummary", "RecordWriter",
    "failure_record", "iter_inputs", "parse_record", "record_columns", "record_of", "run_batch",
]

STREAM_FORMATS: Final = ("jsonl", "csv")
_CHUNK: Final = 16  # inputs handed to a worker at a time
#: The files of a folder that a batch reads unless told otherwise: the formats reports come in.
DEFAULT_PATTERNS: Final = (
    "*.txt", "*.text", "*.htm", "*.html", "*.shtml", "*.mht", "*.mhtml", "*.pdf", "*.docx", "*.doc", "*.rtf",
    "*.md",
)
#: The columns every record has, before the field ids (the same on every route: jsonl, csv, parquet).
RECORD_LEADING: Final = ("path", "status", "error_kind", "error", "warnings", "meta.title", "source.format")
#: Where values read from prose go when a record includes them: ``narrative.<field id>``.
NARRATIVE_PREFIX: Final = "narrative."


def iter_inputs(paths: Iterable[str], patterns: Iterable[str] = DEFAULT_PATTERNS) -> Iterator[str]:
    """Files named, files under folders named that match ``patterns`` (sorted), and files matching globs.

    A file named on its own is always an input, whatever its name.
    """
    patterns = tuple(patterns)
    for path in paths:
        if os.path.isdir(path):  # noqa: PTH112
            yield from (str(p) for p in sorted(Path(path).rglob("*"))
                        if p.is_file() and any(fnmatch.fnmatch(p.name.lower(), pat) for pat in patterns))
        elif any(ch in path for ch in "*?[") and not os.path.exists(path):  # noqa: PTH110
            yield from sorted(glob.glob(path, recursive=True))  # noqa: PTH207
        else:
            yield path


def record_columns(*, include_narrative: bool = False) -> tuple[str, ...]:
    """A record's columns in order: ``RECORD_LEADING``, meta keys, field ids (and values from prose)."""
    columns = (*RECORD_LEADING, *serialize.flat_columns())
    if include_narrative:
        columns += tuple(NARRATIVE_PREFIX + f for f in fields.all_field_ids())
    return columns


def record_of(path: str, report: Report, *, include_narrative: bool = False) -> dict[str, Any]:
    """The flat record of one parsed report."""
    warnings = len(report.warnings)
    empty = any(d.code == "empty-document" for d in report.diagnostics)
    status = "no_tables" if any(d.code == "no-tables" for d in report.diagnostics) else (
        "warnings" if warnings else "ok")
    record: dict[str, Any] = {
        "path": path, "status": status, "error": "empty file" if empty else None, "warnings": warnings,
        "meta.title": report.meta.title, "source.format": report.source.format,
        **serialize.flat_to_jsonable(report.to_flat()),
    }
    if include_narrative:
        record.update((NARRATIVE_PREFIX + c.field_id, serialize.flat_to_jsonable({"v": c.value})["v"])
                      for c in report.cells() if c.origin is Origin.NARRATIVE and c.value is not None)
    return {k: v for k, v in record.items() if v is not None}


def failure_record(path: str, exc: BaseException) -> dict[str, Any]:
    """The record of an input that could not be parsed, its message naming the file."""
    kind = type(exc).__name__ if isinstance(exc, GovinfoParseError) else "InternalError"
    message = str(exc) if isinstance(exc, GovinfoParseError) else f"{type(exc).__name__}: {exc}"
    if not message.startswith(path):
        message = f"{path}: {message}"
    return {"path": path, "status": "failed", "error_kind": kind, "error": message}


def parse_record(
    path: str, limits: Limits | None = None, *, layout: str | None = None, include_narrative: bool = False,
) -> dict[str, Any]:
    """The flat record of one input: its values, or the error that stopped it."""
    try:
        report = parse_file(path, limits=limits, layout=layout)
    except LayoutNotFoundError:
        raise  # a wrong --layout is the command line's mistake, not this input's
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
        return failure_record(path, exc)
    return record_of(path, report, include_narrative=include_narrative)


@attrs.define
class BatchSummary:
    """What a batch did."""

    files: int = 0
    skipped: int = 0
    by_status: Counter[str] = attrs.field(factory=Counter)
    failures: Counter[str] = attrs.field(factory=Counter)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        """The summary a person reads at the end of a run."""
        rate = self.files / self.seconds if self.seconds else 0.0
        out = [
            (f"files {self.files} (skipped as already done: {self.skipped}) in {self.seconds:.1f} s, "
             f"{rate:.1f} reports/s"),
            "  " + ", ".join(f"{k} {v}" for k, v in sorted(self.by_status.items())),
        ]
        out += [f"  failed, {kind}: {n}" for kind, n in self.failures.most_common()]
        return out


def _done_paths(output: str, fmt: str) -> set[str]:
    """Inputs whose records an earlier run already wrote (a torn last line is dropped)."""
    if not os.path.exists(output):  # noqa: PTH110
        return set()
    done = set()
    with open(output, encoding="utf-8-sig", newline="") as fh:  # noqa: PTH123 - a CSV may start with a BOM
        if fmt == "csv":
            done = {row["path"] for row in csv.DictReader(fh) if row.get("path") and row.get("status")}
        else:
            done = {path for line in fh if (path := _path_of(line))}
    return done


def _path_of(line: str) -> str | None:
    try:
        return str(json.loads(line)["path"])
    except (ValueError, KeyError, TypeError):
        return None  # a line an interrupted run left half written


def _repair_jsonl(output: str) -> None:
    """Cut a line that an interrupted run left half written."""
    with open(output, "rb+") as fh:  # noqa: PTH123
        data = fh.read()
        end = data.rfind(b"\n") + 1
        fh.truncate(end)


class RecordWriter:
    """Writes records as JSON lines or CSV rows, flushing each, with the same columns on every route."""

    def __init__(self, fh: TextIO, fmt: str, *, header: bool = True, include_narrative: bool = False) -> None:
        self.fh = fh
        self.fmt = fmt
        self.csv: csv.DictWriter[str] | None = None
        if fmt == "csv":
            columns = record_columns(include_narrative=include_narrative)
            self.csv = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
            if header:
                self.csv.writeheader()

    def write(self, record: dict[str, Any]) -> None:
        """Write one record and flush it, so that an interrupted run leaves whole records."""
        if self.csv is not None:
            self.csv.writerow(record)
        else:
            self.fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.fh.flush()


def run_batch(  # noqa: PLR0913
    paths: Iterable[str],
    output: str,
    *,
    fmt: str = "jsonl",
    jobs: int | None = None,
    resume: bool = False,
    progress: Callable[[int], Any] | None = None,
    limits: Limits | None = None,
    patterns: Iterable[str] = DEFAULT_PATTERNS,
    layout: str | None = None,
    include_narrative: bool = False,
    bom: bool = True,
) -> BatchSummary:
    """Parse every input into ``output`` (jsonl or csv), one record each, ``jobs`` processes at a time.

    ``limits`` apply to each input; one that goes beyond them gets a failed record.
    A CSV file starts with a byte-order mark (``bom``) so that Excel reads its Chinese.
    """
    if fmt not in STREAM_FORMATS:
        msg = f"a batch writes jsonl or csv, not {fmt!r}"
        raise ValueError(msg)
    inputs = list(iter_inputs(paths, patterns))
    summary = BatchSummary()
    done = _done_paths(output, fmt) if resume else set()
    if resume and fmt == "jsonl" and os.path.exists(output):  # noqa: PTH110
        _repair_jsonl(output)
    todo = [p for p in inputs if p not in done]
    summary.skipped = len(inputs) - len(todo)
    start = time.perf_counter()
    header = not (resume and os.path.exists(output) and os.path.getsize(output))  # noqa: PTH110, PTH202
    encoding = "utf-8-sig" if fmt == "csv" and bom else "utf-8"  # appending never writes a second BOM
    with open(output, "a" if resume else "w", encoding=encoding, newline="") as fh:  # noqa: PTH123
        writer = RecordWriter(fh, fmt, header=header, include_narrative=include_narrative)
        parse_one = functools.partial(parse_record, limits=limits or Limits(), layout=layout,
                                      include_narrative=include_narrative)
        for record in _records(todo, jobs, parse_one):
            writer.write(record)
            summary.files += 1
            summary.by_status[record["status"]] += 1
            if record["status"] == "failed":
                summary.failures[record["error_kind"]] += 1
            if progress is not None:
                progress(1)
    summary.seconds = time.perf_counter() - start
    return summary


def _records(
    paths: list[str], jobs: int | None, parse_one: Callable[[str], dict[str, Any]],
) -> Iterator[dict[str, Any]]:
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(paths) <= 1:
        yield from map(parse_one, paths)
        return
    # (Imported here: a run of one process, and a CLI parsing one file, do not pay for them.)
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415
    from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415

    from govinfo_parse.ocr import share_cores  # noqa: PLC0415

    done = 0
    while done < len(paths):
        try:
            # A worker's OCR engine takes its share of the cores, not all of them.
            with ProcessPoolExecutor(workers, initializer=share_cores, initargs=(workers,)) as pool:
                try:
                    for record in pool.map(parse_one, paths[done:], chunksize=_CHUNK):
                        yield record
                        done += 1
                except BrokenProcessPool:
                    raise
                except BaseException:
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise
        except BrokenProcessPool:  # noqa: PERF203 - once per crash, not per input
            # A worker died (a crash in a native library, or killed for memory): the
            # input that did it is among those in flight.  Parse each of them alone,
            # so that it alone gets a failed record, then go on with a fresh pool.
            for path in paths[done: done + workers * _CHUNK]:
                yield _alone(path, parse_one)
                done += 1


def _alone(path: str, parse_one: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    """``parse_one`` in a process of its own; a failed record if that process dies."""
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415
    from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415

    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(parse_one, path).result()
        except BrokenProcessPool:
            return {"path": path, "status": "failed", "error_kind": "WorkerCrashed",
                    "error": "the parsing process died on this input (a crash in a native library, "
                    "or killed for using too much memory)"}
