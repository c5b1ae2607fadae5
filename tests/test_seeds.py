"""Golden tests on the real seed reports (skipped when ../shared is absent)."""

from __future__ import annotations

import math

import pytest

import govinfo_parse
from govinfo_parse import CellKind, Origin, Severity
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
def test_other_layouts_do_not_crash_and_say_what_is_missing(number: str) -> None:
    report = govinfo_parse.parse_file(seed_path(number))
    assert report.meta.year == 2020
    codes = {d.code for d in report.diagnostics}
    assert "unread-table" in codes
    unread = [d for d in report.diagnostics if d.code == "unread-table"]
    assert all(d.severity is Severity.WARNING and d.span is not None for d in unread)
    wrong = {k for k, v in report.to_flat().items() if k in seed_gold(number) and seed_gold(number)[k] != v}
    assert not wrong
