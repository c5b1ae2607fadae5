"""Markdown pipe tables, as OCR and vision-model tools print a report's tables.

For example::

    | 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
    |---|---|---|---|
    | 规章 | 0 | 0 | 3 |

One table row per line between pipes; ``|---|`` separator rows are skipped;
``<br>`` inside a cell and ``**bold**`` marks are dropped.  The tools invent
header rows (``| 项目 | 数据1 | 数据2 |``), split header words over cells
(``商业企 | 业``) and flatten table 四 into one row of 15 numbers: header rows
that name no column of the format are ignored, the format's own column order
is used where the header cannot be read (with a diagnostic), and merged cells
come out as blank cells, read the way text copied by rows is.  A table whose
cells hold several numbers apiece (``| 0 0 |``, as markitdown frames a PDF's
lines) is left to the PDF-text layout.

A table inside another table's cell (a page laid out with tables) comes out
of markdownify flattened onto its outer cell's line::

    二、主动公开政府信息情况 |  |  |  |  | | --- | --- | --- | --- | | 第二十条第（一）项 | | | | | …

There a row's end and a blank cell print alike (``| |``); each row begins
with a label that names it, so a blank just before such a label ends the row
and every other blank is a cell.  The requests table's header rows are not
told apart that way and are left for the format's column order; table 四's
one row of values is the fifteen cells after its header.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from govinfo_parse import hookimpl, labels
from govinfo_parse.layout import Block, LayoutInfo, LayoutResult, LayoutScore, RawCell
from govinfo_parse.model import CellKind, Diagnostic, SectionKind, Severity
from govinfo_parse.patterns import LazyPattern

from .broken_tables import VALUES, rejoined
from .pdf_text import holds_pdf_lines

NAME = "markdown"
INFO = LayoutInfo(
    name=NAME,
    aliases=("md", "ocr"),
    version_added="0.1",
    description="Markdown pipe tables from OCR and vision models.",
)

_PIPE_ROW: Final = LazyPattern(r"^[ ]*\|.*\|?[ ]*$", re.MULTILINE)
# html2text writes a table's rows without outer pipes (after its ---|--- line), merged cells left out.
_UNFRAMED_ROW: Final = LazyPattern(r"^[^|\n]+\|[^\n]*$", re.MULTILINE)
# Written so that no run of spaces can be split two ways (nested ``[ ]*`` backtracks quadratically).
_SEPARATOR: Final = LazyPattern(r"^[ ]*(?:\|[ ]*)?(?::?-{2,}:?[ ]*\|[ ]*)+(?::?-{2,}:?[ ]*)?$")
_LONE_RULE: Final = LazyPattern(r"^[ ]*-{3,}[ ]*$")
_MARKUP: Final = LazyPattern(r"<br\s*/?>|\*\*|__", re.IGNORECASE)
_LINE: Final = LazyPattern(r"[^\n]+")
LeftOut = tuple[RawCell, str]  # the label of a row whose values are left out, and why


def _cells(block: Block, start: int, line: str) -> list[RawCell]:
    """The cells between the pipes of one line, with their offsets."""
    body_start = line.index("|") + 1
    body_end = line.rstrip().rfind("|")
    body_end = body_end if body_end >= body_start else len(line)
    cells, at = [], body_start
    for piece in line[body_start:body_end].split("|"):
        text = _MARKUP.sub("", piece).strip().replace("\n", "")  # (a cell broken over lines: see _read)
        cells.append(block.cell(start + at, start + at + len(piece), text=text))
        at += len(piece) + 1
    return cells


def read_rows(block: Block) -> list[list[RawCell]]:
    """Each pipe row as cells; captions outside the table (第二十条第(一)项) as one-cell rows.

    Rows without outer pipes (html2text: ``一、本年新收… | 1 | 1 …``) may have
    their first cell wrapped over the lines above them: those lines join it.
    """
    return _read(block, [])[0]


def _read(block: Block, left_out: list[LeftOut]) -> tuple[list[list[RawCell]], list[int], bool]:
    """The rows, where each table starts among them, and whether one was flattened onto a line.

    A table starts at the row above its ``---`` line; a flattened table's rows
    have a cell for each of its columns.  The labels of rows whose values are
    left out go to ``left_out``, with why.
    """
    rows: list[list[RawCell]] = []
    starts: list[int] = []
    flattened = False
    unframed = _has_separator(block)
    wrapped: list[tuple[int, str]] = []  # lines without a pipe just above an unframed row
    # Under a ``---|---`` line written without outer pipes (html2text), every row is unframed,
    # even one whose first cell is blank (`` |  | 1| 1``): its leading pipe parts cells.
    in_unframed_table = False
    broken = _broken_rows(block.text)
    resume = 0  # past a broken row's lines, read as one
    for m in _LINE.finditer(block.text):
        if m.start() < resume:
            continue
        line = m.group()
        if _is_flattened(line):
            flattened = True
            starts.append(len(rows))
            rows.extend(_flattened_rows(block, m.start(), line, left_out))
            wrapped.clear()
            continue
        if _SEPARATOR.match(line) or (unframed and _LONE_RULE.match(line)):
            wrapped.clear()
            starts.append(max(len(rows) - 1, 0))
            in_unframed_table = not line.lstrip().startswith("|")
            continue
        if "|" not in line:
            in_unframed_table = False
        if _PIPE_ROW.match(line) and "|" in line and not in_unframed_table:
            resume = broken.get(m.start(), 0)
            rows.append(_closed_row(block, rows, m.start(), resume, left_out) if resume
                        else _cells(block, m.start(), line))
            wrapped.clear()
        elif unframed and "|" in line:  # an unframed row
            cells = _unframed_cells(block, m.start(), line)
            if wrapped:
                first = block.cell(wrapped[0][0] - block.start, cells[0].end - block.start,
                                   text="".join(t for _, t in wrapped) + cells[0].text)
                cells[0] = first
            rows.append(cells)
            wrapped.clear()
        elif labels.is_caption_line(line):
            rows.append([block.cell(m.start(), m.end(), text=_MARKUP.sub("", line).strip())])
            wrapped.clear()
        else:
            wrapped.append((block.start + m.start(), _MARKUP.sub("", line).strip()))
            del wrapped[:-_WRAPPED_LINES]
    return _unstacked(block, rows), starts, flattened


def _broken_rows(text: str) -> dict[int, int]:
    """Framed rows a line break cut inside a cell: where each starts, and where its closing line ends.

    OCR and PDF converters leave them where a label is printed a glyph a line
    (``|理结果|3.补`` / ``正`` / … / ``明确||||26|18||44|``).  Its first line
    opens with a pipe and does not close with one; lines without a pipe may
    follow; the line that closes it has no pipe first.
    """
    found: dict[int, int] = {}
    open_at: int | None = None
    for m in _LINE.finditer(text):
        line = m.group().strip()
        if "|" not in line:
            continue
        if open_at is not None and not line.startswith("|") and line.endswith("|"):
            found[open_at] = m.end()
        open_at = m.start() if line.startswith("|") and not line.endswith("|") else None
    return found


def _closed_row(
    block: Block, rows: list[list[RawCell]], start: int, end: int, left_out: list[LeftOut],
) -> list[RawCell]:
    """The framed row from ``start`` to the pipe that closes it at ``end``, its lines joined.

    Where it would not have as many cells as the row above it, its cells are
    not where they were printed: it is left out (its label goes to ``left_out``).
    """
    cells = _cells(block, start, block.text[start:end])
    if rows and len(cells) == len(rows[-1]):
        return cells
    labels_in = [c for c in cells if c.text and c.read().kind is CellKind.TEXT]
    if labels_in:
        why = f"its cells broken over lines come to {len(cells)}, where the row above has {len(rows[-1])}" \
            if rows else "its cells are broken over lines, with no row above to check their count against"
        left_out.append((labels_in[-1], why))
    return []


_BREAK: Final = LazyPattern(r"<br\s*/?>", re.IGNORECASE)


def _unstacked(block: Block, rows: list[list[RawCell]]) -> list[list[RawCell]]:
    """Section 二's columns printed two to a cell (``本年制发件数<br>本年废止件数`` over ``0<br>0``) parted.

    A converter that misses a rule between two columns puts both in one cell,
    a line each.  A header cell whose every line names a column is parted into
    those columns; below it, a cell with as many lines is parted the same way,
    and one with another count is left whole (its row does not line up).
    """
    stacked: dict[int, int] = {}  # column index in the header -> its lines
    out = []
    for row in rows:
        texts = [c.text for c in row if c.text]
        if texts and labels.is_active_header_start(texts[0]):
            stacked = {i: len(parts) for i, c in enumerate(row)
                       if len(parts := _lines(block, c)) > 1
                       and all(labels.match_active_column(p.text) for p in parts)}
        elif texts and labels.is_active_caption(texts[0]):
            stacked = {}
        parted = list(row)
        for i in sorted(stacked, reverse=True):
            if i < len(parted) and len(parts := _lines(block, parted[i])) == stacked[i]:
                parted[i:i + 1] = parts
        out.append(parted)
    return out


def _lines(block: Block, cell: RawCell) -> list[RawCell]:
    """A cell's text parted at its ``<br>``s, each part with its own span."""
    raw = block.text[cell.start - block.start:cell.end - block.start]
    parts: list[RawCell] = []
    at = 0
    for m in [*_BREAK.finditer(raw), None]:
        end = m.start() if m else len(raw)
        piece = raw[at:end]
        parts.append(block.cell(cell.start - block.start + at, cell.start - block.start + end,
                                text=_MARKUP.sub("", piece).strip()))
        at = m.end() if m else end
    return parts


_WRAPPED_LINES: Final = 3  # lines of a first cell wrapped above its row, at most

# A separator row in the middle of a line: a table flattened into its outer cell's line.
_INLINE_SEPARATOR: Final = LazyPattern(r"\| ?\| *:?-{3,}:? *\|")
_SEPARATOR_CELL: Final = LazyPattern(r"^ *:?-{3,}:? *$")
# How the labels of section 三's rows begin: 一、 （三） 2.
_REQUESTS_ROW_START: Final = LazyPattern(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、])")
_REQUESTS_VALUES: Final = VALUES
_APPEALS_VALUES: Final = 15


_FLATTENED_WIDTH: Final = 4  # columns of the narrowest table of the format (section 二)


def _is_flattened(line: str) -> bool:
    """True when ``line`` holds a whole table flattened onto it, not a row with ``---`` placeholders.

    Its ``---`` row is at least as wide as the format's narrowest table, with
    a header row of as many cells before it (words or blanks, no number) and a
    blank before and after it, and more cells follow.
    """
    if not _INLINE_SEPARATOR.search(line) or _SEPARATOR.match(line):
        return False
    pieces = line[line.index("|") + 1:line.rindex("|")].split("|")
    marks = "".join("N" if _SEPARATOR_CELL.match(p) else "b" if not p.strip() else "c" for p in pieces)
    for run in re.finditer(rf"N{{{_FLATTENED_WIDTH},}}", marks):
        width, head = run.end() - run.start(), run.start() - 1 - (run.end() - run.start())
        if head < 0 or marks[run.start() - 1] != "b" or marks[run.end():run.end() + 1] != "b":
            continue
        header = pieces[head:run.start() - 1]
        if len(pieces) > run.end() + width and not any(_NUMBER_PIECE.fullmatch(p.strip()) for p in header):
            return True
    return False


_NUMBER_PIECE: Final = LazyPattern(r"[+-]?[\d,.]+")


def _flattened_rows(block: Block, start: int, line: str, left_out: list[LeftOut]) -> list[list[RawCell]]:
    """The rows of the tables flattened onto one line, each begun by a label that names a row.

    Each table is its header row (as many cells as its ``---`` row), the blank
    that ends it, the ``---`` row, a blank, then its body up to the text before
    the next table.  Requests header rows, which no such label begins, are left
    out: the format's column order places the values under them.
    """
    first, last = line.index("|"), line.rindex("|")
    tokens: list[RawCell | None] = []  # None: a cell of a ``---`` row
    at = first + 1
    for piece in line[first + 1:last].split("|"):
        text = _MARKUP.sub("", piece).strip()
        tokens.append(None if _SEPARATOR_CELL.match(piece)
                      else block.cell(start + at, start + at + len(piece), text=text))
        at += len(piece) + 1
    runs = [m.span() for m in re.finditer(r"N+", "".join("N" if t is None else "c" for t in tokens))]
    heads = [max(run_start - 1 - (run_end - run_start), 0) for run_start, run_end in runs]
    rows: list[list[RawCell]] = []
    for (run_start, run_end), head, next_head in zip(runs, heads, [*heads[1:], len(tokens) + 1], strict=True):
        # The header row and the blank after it, then the body past the blank after the ``---`` row.
        cells = [t for t in [*tokens[head:run_start], *tokens[run_end + 1:next_head - 1]] if t is not None]
        rows.extend(_table_rows(cells, block.section.kind, left_out))
    return rows


def _table_rows(cells: list[RawCell], section: SectionKind, left_out: list[LeftOut]) -> list[list[RawCell]]:
    """One flattened table's cells parted into rows at the blank before each row's label."""
    kind = section if section in _TABLE_KINDS else _kind_of(cells)
    if kind is SectionKind.APPEALS:
        return _appeals_rows(cells)
    rows: list[list[RawCell]] = []
    for i, cell in enumerate(cells):
        previous = cells[i - 1] if i else None
        if _is_text(cell) and _starts_a_row(cell.text, kind) and (previous is None or not previous.text):
            if rows and previous is not None:
                rows[-1].pop()  # that blank ended the row above: not one of its cells
            rows.append([cell])
        elif rows:
            rows[-1].append(cell)
    if kind is SectionKind.REQUESTS:
        return [_label_and_values(row, left_out, last=i == len(rows) - 1) for i, row in enumerate(rows)]
    return rows


_TABLE_KINDS: Final = (SectionKind.ACTIVE, SectionKind.REQUESTS, SectionKind.APPEALS)
_APPEALS_GROUPS_NAMED: Final = 2  # a table naming two of 行政复议, 行政诉讼, 未经复议直接起诉, 复议后起诉


def _kind_of(cells: list[RawCell]) -> SectionKind:
    """The table whose words the cells hold (a page flattened into one line has no sections)."""
    texts = [c.text for c in cells if _is_text(c)]
    if any(labels.is_active_caption(t) or labels.is_active_header_start(t) for t in texts):
        return SectionKind.ACTIVE
    if sum(labels.match_appeals_group(t) is not None for t in texts) >= _APPEALS_GROUPS_NAMED:
        return SectionKind.APPEALS
    return SectionKind.REQUESTS


def _is_text(cell: RawCell) -> bool:
    return bool(cell.text) and cell.read().kind is CellKind.TEXT


def _starts_a_row(text: str, kind: SectionKind) -> bool:
    """True for a label that begins a row of the section's table (a caption, a header, a row's name)."""
    if kind is SectionKind.ACTIVE:
        return (labels.is_active_caption(text) or labels.is_active_header_start(text)
                or labels.match_active_row(text) is not None)
    return bool(_REQUESTS_ROW_START.match(labels.compact(text)))


_LAST_FLATTENED_ROW: Final = (
    "the last of a flattened table whose line broke in the next row's label, with blank cells before and "
    "after its values (a merged cell and a blank total, or a blank value and the row's end)")


def _label_and_values(row: list[RawCell], left_out: list[LeftOut], *, last: bool = False) -> list[RawCell]:
    """A requests row as its label cells, then its seven values; blanks between: the label's merged cells.

    The ``last`` row of a table has no next row's label to part off the blank
    that ends it: where the line broke inside that label (a page footer
    between), a blank both before and after its values may be a merged cell
    and a blank total, or a blank value and the row's end.  Its values are
    then left out (its label goes to ``left_out``).
    """
    label = [c for c in row if _is_text(c)]
    values = row[len(row) - _REQUESTS_VALUES:]
    between = row[len(label):len(row) - _REQUESTS_VALUES]
    if len(row) < len(label) + _REQUESTS_VALUES or row[:len(label)] != label or any(c.text for c in between):
        return row  # not label, merged blanks, values: left as it stands for the assembler to judge
    if last and between and not values[-1].text:
        left_out.append((label[-1], _LAST_FLATTENED_ROW))
        return label
    return [*label, *values]


def _appeals_rows(cells: list[RawCell]) -> list[list[RawCell]]:
    """Table 四's header words as one row, then its fifteen values (after the blank that ends the header)."""
    words = [i for i, c in enumerate(cells)
             if _is_text(c) and (labels.match_appeals_group(c.text) or labels.match_appeals_result(c.text))]
    if not words:
        return []
    values = cells[words[-1] + 2:words[-1] + 2 + _APPEALS_VALUES]
    after = cells[words[-1] + 2 + _APPEALS_VALUES:]
    if (len(values) != _APPEALS_VALUES or cells[words[-1] + 1].text or any(map(_is_text, values))
            or any(not _is_text(c) and c.text for c in after)):
        return []
    return [[c for c in cells[:words[-1] + 1] if c.text], values]


def _has_separator(block: Block) -> bool:
    """True when a ``---|---`` line marks the rows as a Markdown table's, outer pipes or not.

    html2text writes a one-cell first row's separator as ``---`` alone: under a
    line with a pipe, or, where that row is a caption over the table (第二十条第
    （一）项), above one.
    """
    if "--" not in block.text:
        return False
    lines = block.text.split("\n")

    def beside_a_row(i: int) -> bool:
        return any("|" in lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines))

    return any(_SEPARATOR.match(line) or (_LONE_RULE.match(line) and beside_a_row(i))
               for i, line in enumerate(lines))


def _unframed_cells(block: Block, start: int, line: str) -> list[RawCell]:
    """The cells of a row written without outer pipes (``a| b| c``)."""
    cells, at = [], 0
    for piece in line.split("|"):
        cells.append(block.cell(start + at, start + at + len(piece), text=_MARKUP.sub("", piece).strip()))
        at += len(piece) + 1
    return cells


@hookimpl
def govinfo_layout_info() -> LayoutInfo:
    return INFO


@hookimpl
def govinfo_sniff_block(block: Block) -> LayoutScore | None:
    pipe_rows = len(_PIPE_ROW.findall(block.text))
    if _has_separator(block):
        pipe_rows += len(_UNFRAMED_ROW.findall(block.text))
    if pipe_rows < 1:
        return None
    if not labels.table_words(block.text) and block.section.kind is not SectionKind.APPEALS:
        return None
    lines = sum(1 for line in block.text.split("\n") if line.strip())
    score = min(1.0, 0.3 + pipe_rows / max(lines, 1))
    if holds_pdf_lines(block.text):
        score = min(score, _UNDER_PDF_TEXT)
    return LayoutScore(layout=NAME, score=score)


_UNDER_PDF_TEXT: Final = 0.2  # a Markdown frame around a PDF's lines: the PDF-text layout reads it


@hookimpl
def govinfo_parse_block(block: Block, layout: str) -> LayoutResult | None:
    if layout != NAME:
        return None
    # Merged cells may be left blank (OCR's framed tables, rows joined by " | "): a blank at a
    # row's end is not taken on trust.  html2text's unframed rows leave merged cells out, so
    # there every blank cell is a blank value, where it stands.
    unframed = _has_separator(block) and not _PIPE_ROW.search(block.text)
    # A flattened table's rows have a cell for each of its columns, merged cells repeated.
    left_out: list[LeftOut] = []
    rows, starts, flattened = _read(block, left_out)
    if block.section.kind is SectionKind.REQUESTS:
        rows = rejoined(block, rows, starts, must_add_up=False)  # every row has its table's width
    result = block.assemble(rows, layout=NAME, remnants=not (unframed or flattened), grid=flattened)
    problems = [Diagnostic(code="cell-count", severity=Severity.WARNING, layout=NAME,
                           span=block.source.span(label.start, label.end),
                           message=f"row {label.text!r}: {why}; its values are left out")
                for label, why in left_out]
    return attrs.evolve(result, diagnostics=(*result.diagnostics, *problems))


__all__ = ["INFO", "NAME", "read_rows"]
