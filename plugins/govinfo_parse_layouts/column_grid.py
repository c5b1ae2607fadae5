"""Section 三's rows as pdftotext without -layout may print them: a column at a time.

Each cell a paragraph, pdftotext prints a stretch of rows whose cells share a
text block as seven paragraphs, one per column, each holding that column's
numbers for every row of the stretch, one per line; the rows' labels follow,
one per line (the group labels among them)::

    1            自然人 of 1.属于国家秘密
    0            自然人 of 2.其他法律行政法规禁止公开
    …
                 (a blank line, then 商业企业's numbers, …, then 总计's)
    1.属于国家秘密
    2.其他法律行政法规禁止公开
    …

Such a grid is read back into rows only where nothing is left to guess:
exactly seven paragraphs of the same number of lines, the labels right after
them naming that many rows that follow one another in the format's order (one
such run, none longer), and every row adding up to its total.

Or a row's seven numbers, one per paragraph, run on into those of the rows
after it, whose labels stand elsewhere with none (``rows_printed_after``).

Values placed either way are marked derived, with the rule that placed them.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Final

import attrs

from govinfo_parse import fields, labels
from govinfo_parse.checks import requests_row_adds_up
from govinfo_parse.layout import RawCell
from govinfo_parse.official import REQUESTS_GROUP_LABELS, REQUESTS_ROW_LABELS
from govinfo_parse.patterns import LazyPattern

if TYPE_CHECKING:
    from govinfo_parse.layout import Block

__all__ = ["AFTER_RULE", "RULE", "ColumnGrid", "column_grids", "rows_printed_after"]

_COLUMNS: Final = len(fields.REQUESTS_COLUMNS)
_NUMBER_LINE: Final = LazyPattern(r"[ ]*\d[\d,]*[ ]*")
RULE: Final = ("printed column by column (each column's numbers for a stretch of rows, then the rows' "
               "labels); placed by the order of the labels, which name rows that follow one another in "
               "the format, each row adding up to its total")
AFTER_RULE: Final = ("printed after the row before it, the table coming column by column (its label printed "
                     "elsewhere, with no numbers); placed by the format's order of rows, each row adding up "
                     "to its total")

_Paragraph = list[tuple[int, str]]  # its lines, each with where it starts in the block's text


@attrs.frozen
class ColumnGrid:
    """A stretch of rows read back from its columns."""

    rows: list[list[RawCell]]  # each: its label, then its seven values
    lines: frozenset[int]  # where the lines it used (numbers and labels) start in the block's text


def column_grids(block: Block) -> list[ColumnGrid]:
    """Every grid of the block that reads back into rows without a guess."""
    paragraphs = _paragraphs(block.text)
    grids = []
    for i in range(len(paragraphs) - _COLUMNS + 1):
        columns = paragraphs[i:i + _COLUMNS]
        if not all(_is_column(p) for p in columns) or len({len(p) for p in columns}) != 1:
            continue
        before, beyond = paragraphs[i - 1:i], paragraphs[i + _COLUMNS:i + _COLUMNS + 1]
        if any(_is_column(p) for p in (*before, *beyond)):
            continue  # more than seven columns in a run: not one stretch's
        grid = _read(block, columns, paragraphs[i + _COLUMNS:])
        if grid is not None:
            grids.append(grid)
    return grids


def _paragraphs(text: str) -> list[_Paragraph]:
    """The runs of non-blank lines, each line with where it starts."""
    found: list[_Paragraph] = [[]]
    at = 0
    for line in text.split("\n"):
        if line.strip():
            found[-1].append((at, line))
        elif found[-1]:
            found.append([])
        at += len(line) + 1
    return [p for p in found if p]


def _is_column(paragraph: _Paragraph) -> bool:
    return len(paragraph) > 1 and all(_NUMBER_LINE.fullmatch(line) for _, line in paragraph)


def _read(block: Block, columns: list[_Paragraph], after: list[_Paragraph]) -> ColumnGrid | None:
    """The grid of ``columns``, its rows named by the labels ``after`` it; None where anything is open."""
    count = len(columns[0])
    label_lines = []  # the lines after the grid, up to the next number
    for paragraph in after:
        if any(_NUMBER_LINE.fullmatch(line) for _, line in paragraph):
            break
        label_lines.extend(paragraph)
    named = _named_rows(label_lines)
    runs = _consecutive_runs(named)
    fitting = [run for run in runs if len(run) == count]
    if len(fitting) != 1 or any(len(run) > count for run in runs):
        return None
    cells = [[_cell(block, at, line) for at, line in column] for column in columns]
    rows = []
    for (name, at, line), values in zip(fitting[0], zip(*cells, strict=True), strict=True):
        if not requests_row_adds_up([c.read().value for c in values]):
            return None
        label = _label(block, name, at, line)
        if label is None:
            return None
        rows.append([label, *values])
    used = {at for column in columns for at, _ in column} | {at for _, at, _ in fitting[0]}
    return ColumnGrid(rows, frozenset(used))


def _named_rows(lines: list[tuple[int, str]]) -> list[tuple[str, int, str]]:
    """The rows the label lines name, in order.

    A group's label stands in the middle of its rows (its merged cell's text is
    centred), so an item numbered N names the group's Nth row where the row
    just named is its (N-1)th (``2.其他法律行政止公开``, words lost, after
    ``1.属于国家秘密``).
    """
    named: list[tuple[str, int, str]] = []
    for at, line in lines:
        previous = named[-1][0] if named else None
        group = previous.partition(".")[0] if previous and "." in previous else None
        name = labels.match_requests_row(line.strip(), group, previous)
        if name is not None:
            named.append((name, at, line))
    return named


def _consecutive_runs(named: list[tuple[str, int, str]]) -> list[list[tuple[str, int, str]]]:
    """The named rows parted into runs of rows that follow one another in a format's order."""
    def follows(a: str, b: str) -> bool:
        return any(a in rows and rows.index(a) + 1 < len(rows) and rows[rows.index(a) + 1] == b
                   for rows in fields.REQUESTS_ROWS.values())

    runs: list[list[tuple[str, int, str]]] = []
    for item in named:
        if runs and follows(runs[-1][-1][0], item[0]):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _cell(block: Block, at: int, line: str) -> RawCell:
    start = at + len(line) - len(line.lstrip())
    return block.cell(start, start + len(line.strip()))


def _label(block: Block, name: str, at: int, line: str) -> RawCell | None:
    """The row's label where its text stands, worded as the official table words it (with its group's).

    The printed line named the row only beside the lines before it (an item
    number after its predecessor); the official words name it alone.
    """
    words = REQUESTS_ROW_LABELS.get(name)
    if words is None:
        return None
    group = name.partition(".")[0] if "." in name else None
    text = unicodedata.normalize("NFKC", (REQUESTS_GROUP_LABELS[group] if group else "") + words[-1])
    if labels.match_requests_row(text, None) != name:
        return None
    cell = _cell(block, at, line)
    return RawCell(text, cell.start, cell.end)


def rows_printed_after(
    block: Block, rows: list[list[RawCell]], row: list[RawCell],
) -> list[list[RawCell]] | None:
    """The rows whose numbers ``row`` gathered after its own seven, or None where anything is open.

    Column by column, a row's seven numbers may be followed by those of the
    rows after it in the table, whose labels stand elsewhere with no numbers
    (二、上年结转… then 21 numbers: its own, （一）予以公开's and （二）部分公开's,
    whose labels come later).  They are theirs, seven each in the format's
    order, where those rows are named in the block by a line of their own, no
    other row of the block read them, and every seven add up.  ``rows``: the
    block's rows so far, ``row`` among them (its own seven are its first).
    """
    cells = row[1:]
    count, extra = divmod(len(cells), _COLUMNS)
    if extra or count < 2:  # its own seven, and another row's at least
        return None
    names = _row_names(rows)
    name = names[next(i for i, r in enumerate(rows) if r is row)]
    if name is None:
        return None
    order = fields.REQUESTS_ROWS["2021" if name in fields.REQUESTS_ROWS["2021"] else "2019"]
    following = order[order.index(name) + 1:order.index(name) + count] if name in order else ()
    read = {n for r, n in zip(rows, names, strict=True) if r is not row and any(c.read().value is not None
                                                                               for c in r[1:])}
    if len(following) != count - 1 or read & set(following):
        return None
    chunks = [cells[i:i + _COLUMNS] for i in range(0, len(cells), _COLUMNS)]
    if not all(requests_row_adds_up([c.read().value for c in chunk]) for chunk in chunks):
        return None
    found = []
    for after, chunk in zip(following, chunks[1:], strict=True):
        line = _bare_label(block, after)
        label = None if line is None else _label(block, after, *line)
        if label is None:
            return None
        found.append([label, *chunk])
    return found


def _row_names(rows: list[list[RawCell]]) -> list[str | None]:
    """The row each row's label names, an item number read after its group's previous item."""
    named = _named_rows([(i, row[0].text) for i, row in enumerate(rows) if row])
    by_row = {i: name for name, i, _ in named}
    return [by_row.get(i) for i in range(len(rows))]


def _bare_label(block: Block, name: str) -> tuple[int, str] | None:
    """The first line of the block that names row ``name`` by itself and holds nothing else."""
    at = 0
    for line in block.text.split("\n"):
        words = line.split()
        if words and not any(_NUMBER_LINE.fullmatch(w) for w in words) \
                and labels.match_requests_row(line.strip(), None) == name:
            return at, line
        at += len(line) + 1
    return None
