r"""Tab-separated rows: one table row per line, cells separated by tabs.

What a browser or Word gives when a table is copied as text "by rows"::

    第二十条第(一)项\t\t\t
    信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
    规章\t0\t0\t0
    (四) 无法提供\t1. 本机关不掌握相关政府信息\t16\t0\t0\t1\t0\t0\t17
    \t2. 没有现成信息需要另行制作\t2\t0\t0\t0\t0\t0\t2

Merged cells show up as empty leading cells (the group label is written only
on the group's first row) or as missing cells.  Lines without a tab are prose,
except block captions (第二十条第(五)项), which may lose their tabs.  Rows and
columns are resolved by their labels; a row with one cell too many or too few
is settled by the table's arithmetic or left out (by ``Block.assemble``).
"""

from __future__ import annotations

import re

from govinfo_parse import hookimpl, labels
from govinfo_parse.layout import Block, LayoutInfo, LayoutResult, LayoutScore, RawCell
from govinfo_parse.model import SectionKind
from govinfo_parse.numbers import looks_numeric
from govinfo_parse.patterns import LazyPattern

from .broken_tables import rejoined, same_width_runs
from .cell_stream import is_stream_of_cells

NAME = "tabular"
INFO = LayoutInfo(
    name=NAME,
    aliases=("tab-separated", "tsv"),
    version_added="0.1",
    description="One table row per line, cells separated by tabs (a table copied by rows).",
)

_LINE = LazyPattern(r"[^\n]+")
# A row line: a tab between two cells, not just the one leading tab of the canonical layout.
# (Written to run in time linear in the line's length: no nested or adjacent unbounded runs.)
_ROW_LINE = LazyPattern(r"^(?:[^\t\n]+\t|\t[^\t\n]*\t)[^\n]*$", re.MULTILINE)


def read_rows(block: Block) -> list[list[RawCell]]:
    """Each line with a tab as a row of cells (captions without tabs as one-cell rows)."""
    rows = []
    for line in _LINE.finditer(block.text):
        text = line.group()
        if "\t" not in text:
            if labels.is_caption_line(text):
                rows.append([block.cell(line.start(), line.end(), text=text.strip())])
            continue
        cells, start = [], line.start()
        for piece in text.split("\t"):
            cells.append(block.cell(start, start + len(piece)))
            start += len(piece) + 1
        rows.append(cells)
    return rows


@hookimpl
def govinfo_layout_info() -> LayoutInfo:
    return INFO


@hookimpl
def govinfo_sniff_block(block: Block) -> LayoutScore | None:
    if block.source.format != "text":  # tab rows made by a converter belong to that format's layout
        return None
    if is_stream_of_cells(block.text, block.section.kind):  # the whole table on a line or two: cell_stream's
        return None
    row_lines = _ROW_LINE.findall(block.text)
    # Table 四 may come as a bare row of numbers, with no label at all.
    bare_numbers = block.section.kind is SectionKind.APPEALS and any(
        sum(1 for c in line.split("\t") if c.strip() and looks_numeric(c)) >= 10
        for line in row_lines
    )
    if not bare_numbers and (len(row_lines) < 2 or not labels.table_words(block.text)):
        return None
    rows = len(row_lines)
    lines = sum(1 for line in block.text.split("\n") if line.strip())
    return LayoutScore(layout=NAME, score=min(1.0, rows / lines))


@hookimpl
def govinfo_parse_block(block: Block, layout: str) -> LayoutResult | None:
    if layout != NAME:
        return None
    rows = read_rows(block)
    if block.section.kind is SectionKind.REQUESTS:  # a table broken by a page (pdfplumber's tables)
        rows = rejoined(block, rows, same_width_runs(rows), must_add_up=True)
    return block.assemble(rows, layout=NAME, remnants=True)


__all__ = ["INFO", "NAME", "read_rows"]
