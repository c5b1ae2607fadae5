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


_LINE = re.compile(r"[^\n]*\n")


def _cells_of(row: Token) -> list[RawCell]:
    """The cells of a row token: each cell line with the lines its text wrapped onto."""
    at = row.start_pos or 0
    cells: list[list[tuple[int, str]]] = []  # per cell: (offset, line with its newline)
    for m in _LINE.finditer(row):
        line = m.group()
        if "\t" in line and not line.lstrip(" ").find("\t"):  # a cell line: its tab comes first
            cells.append([(at + m.start(), line)])
        else:
            cells[-1].append((at + m.start(), line))
    return [_cell(lines) for lines in cells]


def _cell(lines: list[tuple[int, str]]) -> RawCell:
    """A cell from its line and the lines it wrapped onto, with the offsets of its text (not of the tab).

    A number cell's value is read here; a wrapped cell is read again from its joined text.
    """
    (start_pos, first_line), *continuations = lines
    line = first_line.rstrip("\n")
    text = line.strip(" \t")
    start = start_pos + len(line) - len(line.lstrip(" \t"))
    if not continuations:
        value = parse_cell_text(text) if _number_cell().fullmatch(first_line) else None
        return RawCell(text, start, start + len(text), value)
    last_pos, last = continuations[-1]
    end = last_pos + len(last.rstrip())
    joined = text + "".join(c.strip() for _, c in continuations)
    return RawCell(joined, start if text else continuations[0][0], end)


@v_args(inline=True)
class _Cells(Transformer[Token, list[list[RawCell]]]):
    """Grammar → rows of ``RawCell`` with offsets relative to the parsed text.

    Stateless, so Lark runs it while parsing (no tree is built).
    """

    def start(self, *rows: list[RawCell]) -> list[list[RawCell]]:
        return list(rows)

    def row(self, token: Token) -> list[RawCell]:
        return _cells_of(token)


def _parser() -> Lark:
    return load_grammar("canonical.lark", start=("start", "cell_line"), transformer=_Cells)


@cache
def _number_cell() -> re.Pattern[str]:
    """The grammar's NUMBER_CELL: the cell lines whose text is a number."""
    return re.compile(_parser().get_terminal("NUMBER_CELL").pattern.to_regexp())


def read_rows(block: Block) -> list[list[RawCell]]:
    """The table rows of a block in the canonical layout, offsets in document coordinates."""
    text = block.text if block.text.endswith("\n") else block.text + "\n"
    try:
        rows: list[list[RawCell]] = _parser().parse(text, start="start")  # type: ignore[assignment]
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
