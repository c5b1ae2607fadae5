"""Reading one cell's text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govinfo_parse.model import CellKind
from govinfo_parse.numbers import parse_cell_text, to_wan_yuan, unit_in_label, unit_in_note
from govinfo_parse.text import normalize_str

CASES = [
    ("0", CellKind.ZERO, 0, None, None),
    (" 0", CellKind.ZERO, 0, None, None),
    ("127,028", CellKind.NUMBER, 127028, None, None),
    ("+72", CellKind.NUMBER, 72, None, None),
    ("-4", CellKind.NUMBER, -4, None, None),
    ("- 4", CellKind.NUMBER, -4, None, None),
    ("29209.84万元", CellKind.NUMBER, Decimal("29209.84"), "万元", None),
    ("251000元", CellKind.NUMBER, Decimal(251000), "元", None),
    ("22(其中修订 16 件)", CellKind.NUMBER, 22, None, "其中修订 16 件"),
    ("13件", CellKind.NUMBER, 13, "件", None),
    ("", CellKind.EMPTY, None, None, None),
    ("   ", CellKind.EMPTY, None, None, None),
    ("/", CellKind.NOT_APPLICABLE, None, None, None),
    ("-", CellKind.NOT_APPLICABLE, None, None, None),
    ("--", CellKind.NOT_APPLICABLE, None, None, None),
    ("无", CellKind.NOT_APPLICABLE, None, None, None),
    ("不适用", CellKind.NOT_APPLICABLE, None, None, None),
    ("空", CellKind.NOT_APPLICABLE, None, None, None),
    ("1.属于国家秘密", CellKind.TEXT, None, None, None),
    ("12a", CellKind.TEXT, None, None, None),
    # Numbers misread (OCR) or two cells glued: unreadable, never a number.
    ("1,2", CellKind.UNREADABLE, None, None, None),
    ("l04", CellKind.UNREADABLE, None, None, None),
    ("1O", CellKind.UNREADABLE, None, None, None),
    ("44*", CellKind.UNREADABLE, None, None, None),
    ("11 2", CellKind.UNREADABLE, None, None, None),  # a number split by a space in its cell
    ("1,1 52", CellKind.UNREADABLE, None, None, None),
    ("S", CellKind.UNREADABLE, None, None, None),
    ("09", CellKind.UNREADABLE, None, None, None),
    ("01,418", CellKind.UNREADABLE, None, None, None),
    ("30,9030", CellKind.UNREADABLE, None, None, None),
    ("0.5", CellKind.NUMBER, Decimal("0.5"), None, None),
    # Every money unit, whole.
    ("2,895,000千元", CellKind.NUMBER, Decimal(2895000), "千元", None),
    ("2,895百万元", CellKind.NUMBER, Decimal(2895), "百万元", None),
]
assert len({c[0] for c in CASES}) == len(CASES), "duplicate case"


@pytest.mark.parametrize(("text", "kind", "value", "unit", "note"), CASES)
def test_parse_cell_text(text: str, kind: CellKind, value: object, unit: str | None, note: str | None) -> None:
    got = parse_cell_text(text)
    assert (got.kind, got.value, got.unit, got.note) == (kind, value, unit, note)


@pytest.mark.parametrize(("raw", "value"), [("１２７，０２８", 127028), ("－４", -4), ("—", None)])
def test_full_width_digits_and_dashes_after_normalisation(raw: str, value: object) -> None:
    assert parse_cell_text(normalize_str(raw)).value == value


def test_to_wan_yuan_is_exact() -> None:
    assert to_wan_yuan(Decimal(251000), "元") == Decimal("25.1")
    assert to_wan_yuan(Decimal(3), "亿元") == Decimal(30000)
    assert to_wan_yuan(Decimal("29209.84"), "万元") == Decimal("29209.84")


@pytest.mark.parametrize(("label", "unit"), [
    ("采购总金额(单位:万元)", "万元"), ("本年收费金额(单位:万元)", "万元"), ("采购总金额", None),
    ("金额(元)", "元"), ("采购总金额(单位:千元)", "千元"), ("采购总金额(单位:百万元)", "百万元"),
    ("金额(亿元)", "亿元"), ("金额(元或万元)", None),
])
def test_unit_in_label(label: str, unit: str | None) -> None:
    assert unit_in_label(label) == unit


@pytest.mark.parametrize(("text", "unit"), [
    ("（金额单位：元）\n第二十条第（九）项", "元"), ("单位:百万元", "百万元"), ("采购总金额", None),
    ("（金额单位：元）采购总金额（单位:万元）", None), ("共收费12万元", None),
])
def test_unit_in_note(text: str, unit: str | None) -> None:
    assert unit_in_note(text) == unit


def test_to_wan_yuan_in_every_unit() -> None:
    assert to_wan_yuan(Decimal(2895000), "千元") == Decimal(289500)
    assert to_wan_yuan(Decimal(2895), "百万元") == Decimal(289500)
    assert to_wan_yuan(Decimal("2895000000"), "元") == Decimal(289500)
