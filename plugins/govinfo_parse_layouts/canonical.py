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
from typing import TYPE_CHECKING

from lark import Token, Transformer, v_args
from lark.exceptions import UnexpectedInput

from govinfo_parse import hookimpl, labels
from govinfo_parse.errors import LayoutSyntaxError
from govinfo_parse.grammar import load_grammar
from govinfo_parse.layout import Block, LayoutInfo, LayoutResult, LayoutScore, RawCell
from govinfo_parse.numbers import parse_cell_text

if TYPE_CHECKING:
    from lark import Lark

NAME = "canonical"
INFO = LayoutInfo(
    name=NAME,
    aliases=("one-cell-per-line", "word-copy"),
    version_added="0.1",
    description="One table cell per line, each starting with a tab; blank lines end rows.",
)

# A cell line: a tab at the start and no further tab (tab-separated rows have several).
_CELL_LINE = re.compile(r"^[ ]*\t[^\t\n]*$", re.MULTILINE)


def _cell(token: Token) -> RawCell:
    """A cell line's value text, with the offsets of that text (not of the tab)."""
    line = token.rstrip("\n")
    text = line.strip(" \t")
    start = (token.start_pos or 0) + len(line) - len(line.lstrip(" \t"))
    value = parse_cell_text(text) if token.type == "NUMBER_CELL" else None
    return RawCell(text, start, start + len(text), value)


@v_args(inline=True)
class _Cells(Transformer[Token, list[list[RawCell]]]):
    """Grammar → rows of ``RawCell`` with offsets relative to the parsed text.

    Stateless, so Lark runs it while parsing (no tree is built).
    """

    def start(self, *chunks: list[RawCell] | None) -> list[list[RawCell]]:
        return [c for c in chunks if c is not None]

    def paragraph(self, _text: Token) -> None:
        return None

    def row(self, *cells: RawCell) -> list[RawCell]:
        return list(cells)

    def cell(self, line: Token, *continuations: Token) -> RawCell:
        first = _cell(line)
        if not continuations:
            return first
        # A wrapped cell is read again from its joined text.
        last = continuations[-1]
        end = (last.start_pos or 0) + len(last.rstrip())
        text = first.text + "".join(c.strip() for c in continuations)
        return RawCell(text, first.start if first.text else (continuations[0].start_pos or 0), end)

    def continuation(self, line: Token) -> Token:
        return line


def _parser() -> Lark:
    return load_grammar("canonical.lark", transformer=_Cells)


def read_rows(block: Block) -> list[list[RawCell]]:
    """The table rows of a block in the canonical layout, offsets in document coordinates."""
    text = block.text if block.text.endswith("\n") else block.text + "\n"
    try:
        rows: list[list[RawCell]] = _parser().parse(text)  # type: ignore[assignment]
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
    shift = block.start
    return [[RawCell(c.text, c.start + shift, c.end + shift, c.value) for c in row] for row in rows]


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
