r"""Canonical layout: one table cell per line.

What Word or a browser gives when a report's table is copied as text::

    \t第二十条第（一）项
    <blank>
    \t信息内容
    \t本年新
    制作数量          <- a wrapped cell continues without a tab
    \t本年新
    公开数量
    \t对外公开总数量
    <blank>           <- a blank line ends a row
    \t规章
    \t0
    ...

The geometry is the Lark grammar ``grammars/canonical.lark``; which row and
column a cell belongs to is decided by the labels (``govinfo_parse.labels``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from lark.exceptions import UnexpectedInput

from govinfo_parse import hookimpl, labels
from govinfo_parse.errors import LayoutSyntaxError
from govinfo_parse.grammar import load_grammar
from govinfo_parse.layout import Block, LayoutInfo, LayoutResult, LayoutScore, RawCell
from govinfo_parse.numbers import parse_cell_text
from govinfo_parse.patterns import LazyPattern

if TYPE_CHECKING:
    from lark import Lark, Token

NAME = "canonical"
INFO = LayoutInfo(
    name=NAME,
    aliases=("one-cell-per-line", "word-copy"),
    version_added="0.1",
    description="One table cell per line, each starting with a tab; blank lines end rows.",
)

# A cell line: a tab at the start and no further tab (tab-separated rows have several).
_CELL_LINE = LazyPattern(r"^[ ]*\t[^\t\n]*$", re.MULTILINE)


# A cell in a row token: its cell line (a tab first), then the lines its text wrapped onto.
_CELL_IN_ROW = LazyPattern(r"([ ]*\t[^\n]*\n)((?:[ ]*[^\t\n ][^\n]*\n)*)")
_WRAPPED_LINE = LazyPattern(r"[^\n]*\n")


def _cells_of(row: Token, shift: int) -> list[RawCell]:
    """The cells of a row token, with the document offsets of their text (not of the tab).

    ``shift``: where the parsed text starts in the document.  A number cell's
    value is read here (the grammar's NUMBER_CELL tells which they are); a
    wrapped cell is read again from its joined text.
    """
    at = (row.start_pos or 0) + shift
    number_cell = _number_cell()
    cells = []
    for m in _CELL_IN_ROW.finditer(row):
        first_line, wrapped = m.group(1), m.group(2)
        line = first_line[:-1]
        text = line.strip(" \t")
        start = at + m.start() + len(line) - len(line.lstrip(" \t"))
        if not wrapped:
            value = parse_cell_text(text) if number_cell.fullmatch(first_line) else None
            cells.append(RawCell(text, start, start + len(text), value))
            continue
        lines = [(at + m.start(2) + w.start(), w.group()) for w in _WRAPPED_LINE.finditer(wrapped)]
        last_pos, last = lines[-1]
        joined = text + "".join(t.strip() for _, t in lines)
        cells.append(RawCell(joined, start if text else lines[0][0], last_pos + len(last.rstrip())))
    return cells


def _parser() -> Lark:
    # No transformer: the tree is a few dozen row tokens, read below with the block's offset.
    return load_grammar("canonical.lark", start=("start", "cell_line"))


@cache
def _number_cell() -> re.Pattern[str]:
    """The grammar's NUMBER_CELL: the cell lines whose text is a number."""
    return re.compile(_parser().get_terminal("NUMBER_CELL").pattern.to_regexp())


def read_rows(block: Block) -> list[list[RawCell]]:
    """The table rows of a block in the canonical layout, offsets in document coordinates."""
    text = block.text if block.text.endswith("\n") else block.text + "\n"
    try:
        tree = _parser().parse(text, start="start")
    except UnexpectedInput as exc:
        start = exc.pos_in_stream or 0
        line_end = block.text.find("\n", start)
        span = block.span(start, start + 1)
        expected = getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ()
        msg = "unexpected text in a canonical table"
        raise LayoutSyntaxError(
            msg, text=block.source.raw, offset=span.offset, line=span.line, column=span.column,
            layout=NAME, expected=sorted(expected), span=span,
            length=(line_end if line_end >= 0 else len(block.text)) - start,
        ) from exc
    return [_cells_of(row.children[0], block.start) for row in tree.children]  # type: ignore[union-attr,arg-type]


@hookimpl
def govinfo_layout_info() -> LayoutInfo:
    return INFO


@hookimpl
def govinfo_sniff_block(block: Block) -> LayoutScore | None:
    lines = [line for line in block.text.split("\n") if line.strip()]
    cell_lines = len(_CELL_LINE.findall(block.text))
    if cell_lines < 3 or not labels.has_cell_words(block.text):
        return None
    return LayoutScore(layout=NAME, score=min(1.0, cell_lines / len(lines)))


@hookimpl
def govinfo_parse_block(block: Block, layout: str) -> LayoutResult | None:
    if layout != NAME:
        return None
    return block.assemble(read_rows(block), layout=NAME)


__all__ = ["INFO", "NAME", "read_rows"]
