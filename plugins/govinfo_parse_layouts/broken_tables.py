"""A requests table broken by a page, going on as a table of its own.

PDF converters (pymupdf4llm, marker, pdfplumber's ``extract_tables``) write
the rows after a page break as a new table with no header of its own, often
wider than the first part (a column for each merged label cell)::

    |一、本年新收政府信息公开申请数量|100|0|85|129|191|122|627|      <- 8 cells, under the header
    - 1 -
    ||（一）予以公开||0|0|34|20|36|16|106|                            <- 10 cells, no header
    |||1.属于国家秘密|0|0|0|17|34|0|51|

Every row of such a table has its width, and the format's last seven columns
are the values: each row's label cells are joined into one, before its seven
values, so the rows line up with the header above.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Final

from govinfo_parse import labels
from govinfo_parse.checks import requests_row_adds_up
from govinfo_parse.layout import Block, RawCell
from govinfo_parse.model import CellKind

if TYPE_CHECKING:
    from collections.abc import Sequence

VALUES: Final = 7  # a requests row's value columns


def _adds_up(row: Sequence[RawCell]) -> bool:
    return requests_row_adds_up([c.read().value for c in row[-VALUES:]])


def rejoined(block: Block, rows: list[list[RawCell]], starts: Sequence[int], *,
             must_add_up: bool) -> list[list[RawCell]]:
    """``rows`` with each headerless table wider than a requests row rewritten as label + seven values.

    ``starts``: where each table starts among the rows.  ``must_add_up``: where
    nothing marks a table's width (tab rows, where a row holding a number split
    in two is wider too), every row of the table must add up to its total.
    """
    out = [list(row) for row in rows]
    for a, b in itertools.pairwise([*starts, len(rows)]):
        table = [row for row in rows[a:b] if len(row) > 1]
        widths = {len(row) for row in table}
        if len(widths) != 1 or min(widths) <= VALUES + 1:
            continue
        if any(labels.match_requests_column(c.text) for row in table for c in row):
            continue  # a header of its own: its columns say where the values are
        adds_up = len(table) >= 2 and all(_adds_up(row) for row in table)
        if must_add_up and not adds_up and not _is_grid(table):
            continue
        for i in range(a, b):
            row = rows[i]
            if len(row) > 1:
                named = [c for c in row[:-VALUES] if c.text]
                label = (block.cell(named[0].start - block.start, named[-1].end - block.start,
                                    text="".join(c.text for c in named)) if named
                         else RawCell("", row[0].start, row[0].start))
                out[i] = [label, *row[-VALUES:]]
    return out


_GRID_ROWS: Final = 3


def _is_grid(table: Sequence[Sequence[RawCell]]) -> bool:
    """True when the rows line up as a grid: labels left of the last seven columns, numbers only in them.

    A number split over two cells widens its row and pushes a number left
    into the labels' columns; that every row of three or more was split so,
    each beside a blank, is not a thing text does.
    """
    if len(table) < _GRID_ROWS:
        return False
    labelled = False
    for row in table:
        kinds = [c.read().kind for c in row]
        if any(k in _NUMBERS for k in kinds[:-VALUES]) or CellKind.TEXT in kinds[-VALUES:]:
            return False
        labelled = labelled or CellKind.TEXT in kinds[:-VALUES]
    return labelled


_NUMBERS: Final = (CellKind.NUMBER, CellKind.ZERO, CellKind.UNREADABLE)


def same_width_runs(rows: Sequence[Sequence[RawCell]]) -> list[int]:
    """Where each run of neighbouring rows of one width starts (one-cell rows end a run)."""
    return [i for i, row in enumerate(rows) if len(row) <= 1 or i == 0 or len(rows[i - 1]) != len(row)]


__all__ = ["VALUES", "rejoined", "same_width_runs"]
