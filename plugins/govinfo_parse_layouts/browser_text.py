r"""A page copied from a browser: its ``innerText``, where a table cell may hold paragraphs.

What Chromium, Firefox or Edge give for a report's page (select all, copy;
or ``document.body.innerText``) when its table cells hold paragraphs, as a
Word-export page's do::

    一、本年新收政府                <- a cell's paragraphs, one per line
    信息公开申请数量
    <blank>
    \t                              <- a line holding a tab alone: the next cell
    <blank>
    100
    <blank>
    \t
    <blank>
    \xa0                            <- an empty cell (a no-break space)
    ...
    <blank>
    <blank>                         <- two blank lines or more: the next row
    <blank>
    二、上年结转政府 ...

A merged cell appears once, in the first row it covers, and nowhere else:
so a row's values are its last cells, blanks where they stand.  Rows and
columns are then resolved by their labels like any other layout's.
"""

from __future__ import annotations

import re
from typing import Final

from govinfo_parse import hookimpl, labels
from govinfo_parse.layout import Block, LayoutInfo, LayoutResult, LayoutScore, RawCell
from govinfo_parse.patterns import LazyPattern

NAME = "browser_text"
INFO = LayoutInfo(
    name=NAME,
    aliases=("innertext", "browser-copy"),
    version_added="0.2",
    description="A web page copied from a browser (innerText): cells of paragraphs parted by lines "
    "holding a tab alone, rows by blank lines.",
)

_CELL_BREAK: Final = LazyPattern(r"^[ \xa0]*\t[ \xa0]*$", re.MULTILINE)
_LINE: Final = LazyPattern(r"^[^\n]*", re.MULTILINE)
_ROW_BREAK: Final = 2  # blank lines in a row end a table row; one parts a cell's paragraphs
_LEAST_CELL_BREAKS: Final = 10


class _Rows:
    """Collects a block's rows: the current row's cells, and the current cell's lines."""

    def __init__(self, block: Block) -> None:
        self.block = block
        self.rows: list[list[RawCell]] = []
        self.row: list[RawCell] = []
        self.pieces: list[tuple[int, int]] = []  # the current cell's lines (block-relative offsets)
        self.after_break = False  # a tab line opened a cell: it is there even if it holds only a blank

    def end_cell(self) -> None:
        if self.pieces:
            text = "".join(self.block.text[a:b].strip() for a, b in self.pieces)
            self.row.append(self.block.cell(self.pieces[0][0], self.pieces[-1][1], text=text))
        else:  # a cell that held nothing but a blank: an empty value
            at = self.row[-1].end - self.block.start if self.row else 0
            self.row.append(self.block.cell(at, at, text=""))
        self.pieces.clear()

    def cell_break(self) -> None:
        self.end_cell()
        self.after_break = True

    def end_row(self) -> None:
        if self.pieces or self.after_break:  # the row's last cell, blank ones too
            self.end_cell()
        if any(c.text for c in self.row):
            self.rows.append(self.row)
        self.row = []
        self.after_break = False


def read_rows(block: Block) -> list[list[RawCell]]:
    """Each table row as its cells: paragraphs of a cell joined, cells parted by the tab lines."""
    found = _Rows(block)
    blanks = 0
    for line in _LINE.finditer(block.text):  # every line, empty ones too
        text = line.group()
        if _CELL_BREAK.match(text):
            found.cell_break()
            blanks = 0
        elif not text:  # a blank line (an empty cell holds a space: the no-break one)
            blanks += 1
            if blanks == _ROW_BREAK:
                found.end_row()
        else:
            if text.strip():
                found.pieces.append((line.start(), line.end()))
            blanks = 0
    found.end_row()
    return found.rows


@hookimpl
def govinfo_layout_info() -> LayoutInfo:
    return INFO


# A cell break as a browser prints it: the tab line stands between blank lines (a tab line
# beside other cells' lines is an empty cell of the one-cell-per-line layout).
_BROWSER_BREAK: Final = LazyPattern(r"\n\n[ \xa0]*\t[ \xa0]*\n\n")


@hookimpl
def govinfo_sniff_block(block: Block) -> LayoutScore | None:
    breaks = len(_BROWSER_BREAK.findall(block.text))
    if breaks < _LEAST_CELL_BREAKS or not labels.table_words(block.text):
        return None
    return LayoutScore(layout=NAME, score=0.9)


@hookimpl
def govinfo_parse_block(block: Block, layout: str) -> LayoutResult | None:
    if layout != NAME:
        return None
    return block.assemble(read_rows(block), layout=NAME)


__all__ = ["INFO", "NAME", "read_rows"]
