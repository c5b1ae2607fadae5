"""The command line: formats, exit codes, no tracebacks on bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import attrs
import pytest

from govinfo_parse import cli
from govinfo_parse.testing import SampleReport, render_canonical

SAMPLE = SampleReport(template="2021", values={"requests.new_received.total": 5, "appeals.review.total": 0})


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(render_canonical(SAMPLE), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_summary(report_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(report_file))
    assert code == cli.EXIT_OK
    assert "template 2021" in out
    assert "new requests    5" in out


def test_parse_flat_json(report_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", "--format", "flat", str(report_file))
    assert code == cli.EXIT_OK
    assert json.loads(out) == SAMPLE.expected_flat()


def test_parse_json_is_the_whole_model(report_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "parse", "-f", "json", str(report_file))
    data = json.loads(out)
    assert data["meta"]["template"] == "2021"
    assert data["schema_version"] == 1


def test_jsonl_and_csv_keep_going_past_a_bad_file(
    report_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "parse", "-f", "jsonl", str(report_file), str(missing))
    assert code == cli.EXIT_UNREADABLE
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["path"] for r in records] == [str(report_file), str(missing)]
    assert records[1]["error"].endswith("no such file")
    assert "Traceback" not in err
    out_csv = tmp_path / "out.csv"
    run(capsys, "parse", "-f", "csv", "-o", str(out_csv), str(report_file), str(missing))
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8"))))
    assert rows[0]["requests.new_received.total"] == "5"
    assert rows[1]["error"]


@pytest.mark.parametrize(("content", "code"), [
    (b"", cli.EXIT_NO_TABLES),
    ("只有一段文字，没有表格。".encode(), cli.EXIT_NO_TABLES),
    (b"\xff\xfe\x00\xd8", cli.EXIT_UNREADABLE),
])
def test_bad_inputs_get_distinct_exit_codes(
    content: bytes, code: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    got, _, err = run(capsys, "parse", str(path))
    assert got == code
    assert "Traceback" not in err
    assert err.startswith("govinfo-parse: ")


def test_validate_exit_codes(report_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "validate", str(report_file))[0] == cli.EXIT_OK
    broken = tmp_path / "broken.txt"
    values = {"requests.new_received.natural_person": 2, "requests.carried_over.natural_person": 0,
              "requests.total.natural_person": 1, "requests.carried_forward.natural_person": 0}
    broken.write_text(render_canonical(attrs.evolve(SAMPLE, values=values)), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(broken))
    assert code == cli.EXIT_RULES
    assert "rule-balance" in out


def test_unknown_layout_is_a_usage_error(report_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "parse", "--layout", "nonesuch", str(report_file))
    assert code == cli.EXIT_USAGE
    assert "no layout named 'nonesuch'" in err


def test_plugins_and_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plugins")
    assert code == cli.EXIT_OK
    assert "canonical" in out
    assert "checks" in out
    code, out, _ = run(capsys, "schema")
    assert json.loads(out)["$defs"]["Report"]["type"] == "object"
