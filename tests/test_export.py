"""Wide and long tables of many reports, and Parquet output."""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo_parse
from govinfo_parse import cli, fields
from govinfo_parse.export import LONG_COLUMNS, WIDE_LEADING, long_frame, wide_frame
from govinfo_parse.testing import SampleReport, render_canonical

pd = pytest.importorskip("pandas")

SAMPLES = [
    SampleReport(template="2019", year=2020, organ="甲县人民政府", values={"requests.new_received.total": 4}),
    SampleReport(template="2021", year=2021, organ="乙县人民政府", values={"appeals.review.total": 2},
                 placeholders={"requests.total.total": "/"}),
]


def test_wide_table_has_a_row_per_report_and_the_stable_columns() -> None:
    reports = [govinfo_parse.parse(render_canonical(s), path=f"{i}.txt") for i, s in enumerate(SAMPLES)]
    frame = wide_frame(reports)
    assert list(frame.columns[: len(WIDE_LEADING)]) == list(WIDE_LEADING)
    assert list(frame.columns[len(WIDE_LEADING):]) == list(fields.all_field_ids())
    assert frame["requests.new_received.total"].tolist()[0] == 4
    assert frame["meta.template"].tolist() == ["2019", "2021"]
    assert pd.isna(frame["requests.total.total"].tolist()[1])


def test_long_table_keeps_raw_text_position_and_provenance() -> None:
    report = govinfo_parse.parse(render_canonical(SAMPLES[1]), path="b.txt")
    frame = long_frame([report])
    assert list(frame.columns) == list(LONG_COLUMNS)
    row = frame[frame.field_id == "requests.total.total"].iloc[0]
    assert (row.raw, row.kind, row.origin, row.layout) == ("/", "not_applicable", "read", "canonical")
    assert pd.isna(row.value)
    assert len(long_frame([report], include_blank=False)) == 1


def test_cli_writes_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyarrow")
    for i, sample in enumerate(SAMPLES):
        (tmp_path / f"{i}.txt").write_text(render_canonical(sample), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "reports.parquet"
    assert cli.main(["parse", str(tmp_path), "-o", str(out), "--jobs", "1"]) == cli.EXIT_UNREADABLE
    frame = pd.read_parquet(out)
    assert len(frame) == 3
    assert frame.status.tolist().count("failed") == 1
    assert frame["requests.new_received.total"].dropna().tolist() == [4]
    assert "files 3" in capsys.readouterr().err


def test_wide_table_dtypes_do_not_depend_on_the_reports() -> None:
    # Counts are nullable integers and amounts nullable floats even when a batch
    # holds only failures, so frames of different batches concatenate cleanly.
    failed_only = wide_frame([{"path": "x.pdf", "status": "failed", "error_kind": "InputError", "error": "e"}])
    with_values = wide_frame([govinfo_parse.parse(render_canonical(SAMPLES[0]), path="a.txt")])
    assert failed_only.dtypes.to_dict() == with_values.dtypes.to_dict()
    assert str(with_values["requests.new_received.total"].dtype) == "Int64"
    assert str(with_values["active.government_procurement.amount"].dtype) == "Float64"
    assert pd.isna(failed_only["requests.new_received.total"].iloc[0])
