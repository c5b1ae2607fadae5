"""Numbers printed in pieces (a Word page's spans), joined only the ways reports write numbers."""

from __future__ import annotations

from govinfo_parse.layout import RawCell
from govinfo_parse_layouts.pieces import column_pattern, joinings


def _pieces(*texts: str) -> list[RawCell]:
    cells, at = [], 0
    for text in texts:
        cells.append(RawCell(text, at, at + len(text)))
        at += len(text) + 1
    return cells


def _texts(way: list[RawCell]) -> list[str]:
    return [c.text for c in way]


def test_a_number_in_pieces_is_joined_the_one_way_its_column_allows() -> None:
    patterns = [column_pattern(c) for c in ("prev_items", "change", "decisions")]
    assert [_texts(w) for w in joinings(_pieces("0", "+2", "00", "1,", "150"), patterns)] == [
        ["0", "+200", "1,150"]]


def test_a_placeholder_beside_pieces_is_a_cell_of_its_own_or_a_sign() -> None:
    # 本年增/减 printed "-" (nothing to report), then 2497 in two spans: "-" may be the placeholder
    # or the sign of -24; both fit the columns, so no joining is taken as the one.
    patterns = [column_pattern(c) for c in ("prev_items", "change", "decisions")]
    ways = sorted(_texts(w) for w in joinings(_pieces("0", "-", "24", "97"), patterns))
    assert ways == [["0", "-", "2497"], ["0", "-24", "97"]]
