r"""A table's cells one after another: a page's text taken with a separator between its pieces.

What BeautifulSoup's ``get_text("\t")`` gives of a report page whose table
cells hold spans and paragraphs (a Word export): the whole table on one
line, every piece of text a cell of its own, labels broken where the page
broke them::

    规\t章\t0\t0\t0\t规范性文件\t0\t0\t0\t第二十条第（五）项\t信息内容\t上一年项目数量…
    （三）不予公开\t1.\t属于\t国家\t秘密\t0\t0\t0\t0\t0\t0\t0\t2.\t其他\t法律…
    \t \t                        <- a piece of spaces: an empty cell (&nbsp;)

Label pieces join the label of the numbers that follow them; the numbers up
to the next label are that row's cells.  Pieces are read exactly as text
printed one cell per line is (``pdf_text``): numbers gathered into a
requests row must add up to its total, table 四's groups to theirs, and a
row that does not is left out.
"""

from __future__ import annotations

import re
from typing import Final

from govinfo_parse import hookimpl, labels
from govinfo_parse.layout import Block, LayoutInfo, LayoutResult, LayoutScore
from govinfo_parse.model import SectionKind
from govinfo_parse.patterns import LazyPattern

from .pdf_text import read_cell_stream

NAME = "cell_stream"
INFO = LayoutInfo(
    name=NAME,
    aliases=("get-text-separator", "stream"),
    version_added="0.2",
    description="A table's cells one after another on long lines, parted by tabs (BeautifulSoup "
    "get_text with a separator): label pieces joined, numbers gathered into their row.",
)

#: More cells with text than this on one line: not a row of the table, the table itself.  (The
#: widest row is table 四's fifteen numbers; section 二 of the 2021 format, whole, has some thirty.)
MOST_CELLS_IN_A_ROW: Final = 20
#: Table 四 whole on one line, its header words before its fifteen numbers, is a row ``tabular``
#: reads by its header (some thirty-five pieces); pieces of broken labels make more.
MOST_CELLS_IN_TABLE_FOUR: Final = 40


def is_stream_of_cells(text: str, kind: SectionKind | None = None) -> bool:
    """True when some line of section ``kind`` holds more tab-parted pieces with text than a row has cells.

    Empty pieces do not count: a spreadsheet's row copied wider than the
    table trails empty cells, and is still one row.
    """
    most = MOST_CELLS_IN_TABLE_FOUR if kind is SectionKind.APPEALS else MOST_CELLS_IN_A_ROW
    return text.count("\t") >= most and any(
        sum(1 for piece in line.split("\t") if piece.strip()) > most
        for line in _LONG_LINE.findall(text)
    )


# A line with at least as many tabs as a stream has pieces with text.
_LONG_LINE: Final = LazyPattern(rf"^(?:[^\t\n]*\t){{{MOST_CELLS_IN_A_ROW}}}[^\n]*", re.MULTILINE)


@hookimpl
def govinfo_layout_info() -> LayoutInfo:
    return INFO


@hookimpl
def govinfo_sniff_block(block: Block) -> LayoutScore | None:
    if not is_stream_of_cells(block.text, block.section.kind) or not labels.table_words(block.text):
        return None
    return LayoutScore(layout=NAME, score=1.0)


@hookimpl
def govinfo_parse_block(block: Block, layout: str) -> LayoutResult | None:
    if layout != NAME:
        return None
    return read_cell_stream(block, layout=NAME)


__all__ = ["INFO", "MOST_CELLS_IN_A_ROW", "MOST_CELLS_IN_TABLE_FOUR", "NAME", "is_stream_of_cells"]
