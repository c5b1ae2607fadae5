"""Golden tests on the real seed reports (skipped when ../shared is absent)."""

from __future__ import annotations

import math

import pytest

import govinfo_parse
from govinfo_parse import CellKind, Origin
from tests.conftest import seed_gold, seed_path


@pytest.mark.parametrize("number", ["000", "001", "002"])
def test_canonical_seed_matches_gold_exactly(number: str) -> None:
    report = govinfo_parse.parse_file(seed_path(number))
    flat = report.to_flat()
    gold = seed_gold(number)
    gold.pop("meta.organ")
    flat.pop("meta.organ", None)
    assert set(flat) == set(gold), (set(flat) ^ set(gold))
    for key, want in gold.items():
        got = flat[key]
        assert math.isclose(float(got), float(want)) if isinstance(want, (int, float)) else got == want, key


@pytest.mark.parametrize("number", ["000", "001", "002"])
def test_canonical_seed_values_are_traceable(number: str) -> None:
    path = seed_path(number)
    report = govinfo_parse.parse_file(path)
    raw = path.read_text(encoding="utf-8")
    for cell in report.cells():
        assert cell.layout == "canonical"
        assert cell.origin is Origin.READ
        assert cell.span is not None
        assert raw[cell.span.offset : cell.span.end] == cell.raw
        if cell.kind is CellKind.ZERO:
            assert cell.value == 0


def test_seed_000_amount_unit_comes_from_the_header() -> None:
    cell = govinfo_parse.parse_file(seed_path("000")).cell("active.government_procurement.amount")
    assert cell is not None
    assert cell.unit == "万元"
    assert cell.raw == "289,500"


def test_seed_002_signed_change_and_unit_in_cell() -> None:
    report = govinfo_parse.parse_file(seed_path("002"))
    assert report.value("active.administrative_licensing.change") == 72
    assert report.cell("active.administrative_licensing.change").raw == "+72"
    amount = report.cell("active.government_procurement.amount")
    assert str(amount.value) == "29209.84"
    assert amount.raw == "29209.84万元"


def test_seed_001_reads_tables_after_the_narrative_sections() -> None:
    report = govinfo_parse.parse_file(seed_path("001"))
    kinds = [s.kind.value for s in report.sections]
    assert kinds.count("requests") == 2
    assert report.value("requests.new_received.total") == 7


@pytest.mark.parametrize("number", ["003", "004"])
def test_tab_separated_seeds_match_gold_exactly(number: str) -> None:
    flat = govinfo_parse.parse_file(seed_path(number)).to_flat()
    flat.pop("meta.organ", None)
    gold = seed_gold(number)
    gold.pop("meta.organ")
    assert flat == gold


def test_seed_003_lost_chunk_is_named_and_stray_value_row_is_derived() -> None:
    report = govinfo_parse.parse_file(seed_path("003"))
    missing = {d.message.split("'")[1]: d for d in report.diagnostics if d.code == "missing-values"}
    assert set(missing) == {"active", "requests"}
    assert "requests.granted.total" in missing["requests"].field_ids
    assert "active.administrative_penalty.decisions" in missing["active"].field_ids
    other = report.cell("requests.other.total")
    assert other is not None
    assert other.origin is Origin.DERIVED
    assert other.rule
    assert report.cell("requests.total.total").origin is Origin.READ


def test_seed_004_rows_that_lost_a_cell_are_derived_only_where_forced() -> None:
    report = govinfo_parse.parse_file(seed_path("004"))
    derived = {c.field_id.rsplit(".", 1)[0] for c in report.cells() if c.origin is Origin.DERIVED}
    assert "requests.partially_granted" in derived
    assert "requests.unable.unclear_after_correction" in derived
    assert "requests.granted" not in derived
    assert all(c.value == 0 for c in report.cells() if c.origin is Origin.DERIVED)
    assert {d.code for d in report.diagnostics} >= {"derived-row", "unit-assumed"}
