"""Parsing many files: one flat record per input, streamed, in parallel, resumable.

Every input gets exactly one record, failures included (with the kind of
error), written as soon as it is ready so that memory stays flat and an
interrupted run leaves a valid file.  ``resume`` skips the inputs whose
records the output already holds.
"""

from __future__ import annotations

import csv
import functools
import glob
import json
import os
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

import attrs

from govinfo_parse import serialize
from govinfo_parse.api import parse_file
from govinfo_parse.errors import GovinfoParseError
from govinfo_parse.limits import Limits

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = ["BatchSummary", "iter_inputs", "parse_record", "run_batch"]

STREAM_FORMATS: Final = ("jsonl", "csv")
_CHUNK: Final = 16  # inputs handed to a worker at a time


def iter_inputs(paths: Iterable[str]) -> Iterator[str]:
    """Files named, files under folders named (sorted), and files matching globs."""
    for path in paths:
        if os.path.isdir(path):  # noqa: PTH112
            yield from (str(p) for p in sorted(Path(path).rglob("*")) if p.is_file())
        elif any(ch in path for ch in "*?[") and not os.path.exists(path):  # noqa: PTH110
            yield from sorted(glob.glob(path, recursive=True))  # noqa: PTH207
        else:
            yield path


def parse_record(path: str, limits: Limits | None = None) -> dict[str, Any]:
    """The flat record of one input: its values, or the error that stopped it."""
    try:
        report = parse_file(path, limits=limits)
    except GovinfoParseError as exc:
        return {"path": path, "status": "failed", "error_kind": type(exc).__name__, "error": str(exc)}
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
        return {"path": path, "status": "failed", "error_kind": "InternalError",
                "error": f"{type(exc).__name__}: {exc}"}
    warnings = len(report.warnings)
    status = "no_tables" if any(d.code == "no-tables" for d in report.diagnostics) else (
        "warnings" if warnings else "ok")
    return {"path": path, "status": status, "warnings": warnings,
            **serialize.flat_to_jsonable(report.to_flat())}


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
    with open(output, encoding="utf-8", newline="") as fh:  # noqa: PTH123
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


class _Writer:
    def __init__(self, fh: TextIO, fmt: str, *, header: bool) -> None:
        self.fh = fh
        self.fmt = fmt
        self.csv: csv.DictWriter[str] | None = None
        if fmt == "csv":
            columns = ["path", "status", "error_kind", "error", "warnings", *serialize.flat_columns()]
            self.csv = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
            if header:
                self.csv.writeheader()

    def write(self, record: dict[str, Any]) -> None:
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
) -> BatchSummary:
    """Parse every input into ``output`` (jsonl or csv), one record each, ``jobs`` processes at a time.

    ``limits`` apply to each input; one that goes beyond them gets a failed record.
    """
    if fmt not in STREAM_FORMATS:
        msg = f"a batch writes jsonl or csv, not {fmt!r}"
        raise ValueError(msg)
    inputs = list(iter_inputs(paths))
    summary = BatchSummary()
    done = _done_paths(output, fmt) if resume else set()
    if resume and fmt == "jsonl" and os.path.exists(output):  # noqa: PTH110
        _repair_jsonl(output)
    todo = [p for p in inputs if p not in done]
    summary.skipped = len(inputs) - len(todo)
    start = time.perf_counter()
    header = not (resume and os.path.exists(output) and os.path.getsize(output))  # noqa: PTH110, PTH202
    with open(output, "a" if resume else "w", encoding="utf-8", newline="") as fh:  # noqa: PTH123
        writer = _Writer(fh, fmt, header=header)
        for record in _records(todo, jobs, limits or Limits()):
            writer.write(record)
            summary.files += 1
            summary.by_status[record["status"]] += 1
            if record["status"] == "failed":
                summary.failures[record["error_kind"]] += 1
            if progress is not None:
                progress(1)
    summary.seconds = time.perf_counter() - start
    return summary


def _records(paths: list[str], jobs: int | None, limits: Limits) -> Iterator[dict[str, Any]]:
    workers = jobs or os.cpu_count() or 1
    parse_one = functools.partial(parse_record, limits=limits)
    if workers <= 1 or len(paths) <= 1:
        yield from map(parse_one, paths)
        return
    done = 0
    while done < len(paths):
        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
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
                yield _alone(path, limits)
                done += 1


def _alone(path: str, limits: Limits) -> dict[str, Any]:
    """``parse_record`` in a process of its own; a failed record if that process dies."""
    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(parse_record, path, limits).result()
        except BrokenProcessPool:
            return {"path": path, "status": "failed", "error_kind": "WorkerCrashed",
                    "error": "the parsing process died on this input (a crash in a native library, "
                    "or killed for using too much memory)"}
