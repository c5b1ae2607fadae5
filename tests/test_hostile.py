"""Hostile and broken files: each gets its documented error and exit code, and a batch goes on.

One test per row of the table in docs/reference/errors.md ("Hostile and
broken input"); the rows come from ``govinfo_parse.testing.hostile.HOSTILE``
and the file-system cases below.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import govinfo_parse
from govinfo_parse import Limits, batch, cli
from govinfo_parse.testing import SampleReport, render_canonical
from govinfo_parse.testing.hostile import HOSTILE

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "reference" / "errors.md"
GOOD = render_canonical(SampleReport(template="2019", values={"requests.new_received.total": 3}))
# Rows of the docs table that are not files HOSTILE can build in memory.
FILE_SYSTEM_ROWS = ("text-100mb", "vanishes", "directory", "unreadable", "pipe", "worker-crash")


def _skip_without_extra(name: str) -> None:
    if name.startswith("pdf") and not _has_pdf():
        pytest.skip("PDF rows need the pdf extra (pypdfium2)")


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_gets_its_documented_outcome(name: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    _skip_without_extra(name)
    case = HOSTILE[name]
    data = case.build()
    if case.outcome == "report":
        report = govinfo_parse.parse(data)
        assert report.diagnostics  # never a silent empty report
        assert not report.to_flat().keys() - {"meta.year", "meta.template", "meta.organ"}
    else:
        with pytest.raises(govinfo_parse.GovinfoParseError) as raised:
            govinfo_parse.parse(data)
        assert type(raised.value).__name__ == case.outcome
    path = tmp_path / f"input{case.suffix}"
    path.write_bytes(data)
    assert cli.main(["parse", str(path)]) == case.exit_code
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("govinfo-parse: ")


def test_a_100_mb_text_file_is_refused_before_it_is_read(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(govinfo_parse.ResourceLimitError, match="max_bytes"):
        govinfo_parse.parse_file(path)
    assert cli.main(["parse", str(path)]) == cli.EXIT_LIMIT
    assert "limit" in capsys.readouterr().err


def test_limits_are_configurable(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(govinfo_parse.ResourceLimitError):
        govinfo_parse.parse_file(path, limits=Limits(max_bytes=100))
    with pytest.raises(govinfo_parse.ResourceLimitError):
        govinfo_parse.parse(GOOD, limits=Limits(max_bytes=100))
    assert cli.main(["parse", str(path), "--max-bytes", "100"]) == cli.EXIT_LIMIT
    assert cli.main(["parse", str(path), "--max-bytes", "0"]) == cli.EXIT_OK  # 0: no limit
    with pytest.raises(ValueError, match="timeout"):
        Limits(timeout=-1)


def test_a_file_that_vanishes_mid_batch_is_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(GOOD, encoding="utf-8")
    doomed = folder / "2.txt"

    def remove_the_next_file(_n: int) -> None:
        doomed.unlink(missing_ok=True)

    out = tmp_path / "out.jsonl"
    summary = batch.run_batch([str(folder)], str(out), jobs=1, progress=remove_the_next_file)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 4
    assert summary.failures == {"InputNotFoundError": 1}  # an InputError and a FileNotFoundError
    failed = next(r for r in records if r["status"] == "failed")
    assert failed["path"] == str(doomed)
    assert "no such file" in failed["error"]


def test_a_directory_named_like_a_report_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.mkdir()
    with pytest.raises(govinfo_parse.InputError, match="directory"):
        govinfo_parse.parse_file(path)
    assert cli.main(["parse", str(path)]) == cli.EXIT_UNREADABLE


def test_an_unreadable_file_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "report.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # root reads anything: refuse it the way the OS would
        real_open = open

        def refusing_open(file: object, *args: object, **kwargs: object) -> object:
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr("builtins.open", refusing_open)
    with pytest.raises(govinfo_parse.InputError, match="permission denied"):
        govinfo_parse.parse_file(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_read_that_blocks_is_stopped_by_the_time_limit(tmp_path: Path) -> None:
    # A pipe nobody writes to blocks open() for ever, as a file on a hung network mount does.
    path = tmp_path / "report.txt"
    os.mkfifo(path)
    with pytest.raises(govinfo_parse.ParseTimeoutError):
        govinfo_parse.parse_file(path, limits=Limits(timeout=0.5))
    assert cli.main(["parse", str(path), "--timeout", "0.5"]) == cli.EXIT_LIMIT


def test_a_batch_of_every_hostile_file_records_each_and_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, case in HOSTILE.items():
        (folder / f"{name}{case.suffix}").write_bytes(case.build())
    out = tmp_path / "out.jsonl"
    code = cli.main(["parse", str(folder), "-o", str(out), "--jobs", "2", "--no-progress", "--glob", "*"])
    assert code == cli.EXIT_UNREADABLE  # some inputs failed: see their records
    records = {Path(r["path"]).stem: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert len(records) == len(HOSTILE) + 1
    assert records["good"]["requests.new_received.total"] == 3
    for name, case in HOSTILE.items():
        if case.outcome == "report":
            assert records[name]["status"] == "no_tables", name
        elif not name.startswith("pdf") or _has_pdf():
            assert records[name]["error_kind"] == case.outcome, name


def _has_pdf() -> bool:
    try:
        import pypdfium2  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


def test_the_docs_table_has_a_row_per_case_with_its_outcome() -> None:
    doc = DOC.read_text(encoding="utf-8")
    table = doc[doc.index("## Hostile and broken input"):]
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| `([a-z0-9-]+)` \|.*$", table, re.MULTILINE)}
    assert set(rows) == set(HOSTILE) | set(FILE_SYSTEM_ROWS)
    for name, case in HOSTILE.items():
        assert case.outcome in rows[name] or (case.outcome == "report" and "report" in rows[name]), name
        assert f"| {case.exit_code} |" in rows[name], name
