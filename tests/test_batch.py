"""Batches: one record per input, failures included, parallel, resumable after a kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_parse import batch, cli
from govinfo_parse.testing import SampleReport, render_canonical, render_markdown, render_tabular
from govinfo_parse.testing.html import render_html
from govinfo_parse.testing.strategies import sample_reports

RENDERERS = (render_canonical, render_tabular, render_html, render_markdown)
BAD = {"empty.txt": b"", "junk.txt": bytes(range(256)) * 8, "broken.pdf": b"%PDF-1.7\n1 0 obj <<",
       "prose.txt": "只有文字。".encode()}
# Files of a folder that are no reports by their names: a batch leaves them alone unless --glob asks.
NOT_REPORTS = {"notes.json": b"{}", "script.py": b"print(1)"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[SampleReport]]:
    samples: list[SampleReport] = []

    @settings(max_examples=8, derandomize=True, database=None)
    @given(sample_reports())
    def collect(sample: SampleReport) -> None:
        samples.append(sample)

    collect()
    root = tmp_path_factory.mktemp("reports")
    for i in range(1000):
        sample = samples[i % len(samples)]
        sub = root / f"part{i % 7}"
        sub.mkdir(exist_ok=True)
        (sub / f"report-{i:04d}.txt").write_text(RENDERERS[i % len(RENDERERS)](sample), encoding="utf-8")
    for name, data in {**BAD, **NOT_REPORTS}.items():
        (root / name).write_bytes(data)
    return root, samples


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_folder_of_1000_reports_and_a_few_bad_files(corpus: tuple[Path, list[SampleReport]], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    root, samples = corpus
    out = tmp_path / "out.jsonl"
    code = cli.main(["parse", str(root), "-o", str(out), "-f", "jsonl", "--jobs", "2", "--no-progress"])
    assert code == cli.EXIT_UNREADABLE  # some inputs could not be read
    records = _records(out)
    assert len(records) == 1004
    assert len({r["path"] for r in records}) == 1004
    status = Counter(r["status"] for r in records)
    assert status["ok"] == 1000
    assert status["failed"] + status["no_tables"] == 4
    failed = {Path(str(r["path"])).name: r["error_kind"] for r in records if r["status"] == "failed"}
    assert failed == {"junk.txt": "DecodingError", "broken.pdf": "CorruptDocumentError"}
    for record in records[:50]:
        name = Path(str(record["path"])).name
        if name.startswith("report-"):
            sample = samples[int(name[7:11]) % len(samples)]
            assert {k: v for k, v in record.items() if k in sample.values} == {
                k: (float(v) if not isinstance(v, int) else v) for k, v in sample.values.items()}
    summary = capsys.readouterr().err
    assert "files 1004" in summary
    assert "failed, DecodingError: 1" in summary


def test_resume_after_a_kill_loses_and_repeats_nothing(corpus: tuple[Path, list[SampleReport]], tmp_path: Path) -> None:
    root, _ = corpus
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "govinfo_parse", "parse", str(root), "-o", str(out), "-f", "jsonl",
               "--jobs", "1", "--no-progress"]
    run = subprocess.Popen(command, stderr=subprocess.DEVNULL)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 20_000):
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    partial = out.read_bytes()
    assert 0 < partial.count(b"\n") < 1004
    with out.open("ab") as fh:  # a record torn by the kill
        fh.write(b'{"path": "torn')
    subprocess.run([*command, "--resume"], check=False, stderr=subprocess.DEVNULL)  # noqa: S603
    paths = [r["path"] for r in _records(out)]
    assert len(paths) == 1004
    assert len(set(paths)) == 1004


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_of_a_finished_run_adds_nothing(fmt: str, tmp_path: Path) -> None:
    sample = SampleReport(template="2021", values={"requests.new_received.total": 1})
    for i in range(3):
        (tmp_path / f"r{i}.txt").write_text(render_canonical(sample), encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    first = batch.run_batch([str(tmp_path / "r*.txt")], str(out), fmt=fmt, jobs=1)
    before = out.read_text(encoding="utf-8")
    again = batch.run_batch([str(tmp_path / "r*.txt")], str(out), fmt=fmt, jobs=1, resume=True)
    assert (first.files, again.files, again.skipped) == (3, 0, 3)
    assert out.read_text(encoding="utf-8") == before


@given(st.lists(st.sampled_from(sorted(BAD)), min_size=1, max_size=4))
def test_every_input_gets_exactly_one_record(names: list[str]) -> None:
    import tempfile  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i, name in enumerate(names):
            path = Path(folder) / f"{i}-{name}"
            path.write_bytes(BAD[name])
            paths.append(str(path))
        out = Path(folder) / "out.jsonl"
        batch.run_batch(paths, str(out), jobs=1)
        assert [r["path"] for r in _records(out)] == paths


_REAL_PARSE_RECORD = batch.parse_record


def _dies_on_crash(path: str, limits: object = None, **options: object) -> dict[str, object]:
    """parse_record, except that the worker process dies on a path holding "crash"."""
    if "crash" in path:
        os._exit(1)
    return _REAL_PARSE_RECORD(path, limits, **options)  # type: ignore[arg-type]


def test_a_worker_that_dies_costs_only_its_own_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A crash in native code (pdfium, Lexbor) or the kernel's OOM killer ends the worker
    # process without a Python exception.  Workers are forked, so they see this patch.
    import multiprocessing  # noqa: PLC0415

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("needs forked workers to see the patched parser")
    monkeypatch.setattr(batch, "parse_record", _dies_on_crash)
    folder = tmp_path / "in"
    folder.mkdir()
    text = render_canonical(SampleReport(template="2019", values={"requests.new_received.total": 2}))
    for i in range(60):
        (folder / f"{i:03d}{'-crash' if i == 37 else ''}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = batch.run_batch([str(folder)], str(out), jobs=2)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len({r["path"] for r in records}) == 60
    assert summary.failures == {"WorkerCrashed": 1}
    crashed = next(r for r in records if r["status"] == "failed")
    assert crashed["path"].endswith("037-crash.txt")
    assert all(r["requests.new_received.total"] == 2 for r in records if r["status"] != "failed")
