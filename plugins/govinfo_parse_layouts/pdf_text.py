"""Page-broken PDF text: what pdftotext (raw or -layout), pypdfium2 and pdfplumber print.

Cells are separated by spaces, not tabs, and the table's geometry is gone::

    （二）部分公开（区分处理的，只计这一情        <- a label wrapped over lines,
    形，不计其他情形）                            <- its tail before or after
    447 7 0 0 0 0 454                             <- the row's numbers
    三、                                          <- a vertical label, one or
    本                                               two glyphs per line
    1.本机关不掌握相关政府信息 746 12 0 0 10 1 769- 5 -   <- a page footer glued on
    72 64 178 37 351 13 4 8 1 26 12 1 1 6 20      <- table 四: 15 bare numbers
    二、上年结转政府信息公开申请数量              <- pypdfium2 often prints a
    0                                                row's numbers one per
    3                                                line under its label
    ...

A line is read as a label followed by a run of numbers.  Label fragments on
lines without numbers are kept and joined to the next row that has numbers,
so wrapped and vertical labels come back together, and lines of a single
number that follow one another make one row; matching by distinctive
words (``govinfo_parse.labels``) does not mind the stray glyphs.  Page footers
and Markdown debris are dropped.  A row that lost a cell (six numbers) is
settled by the table's arithmetic or left out (by ``Block.assemble``);
a blank cell leaves no trace here, so a missing number is never filled in.

pdfplumber puts a row's numbers on the line *above* its label when the label
cell is the taller, and a tall label may be printed around its numbers::

    318 120 0 112 48 18 616                       <- numbers alone, then
    一、本年新收政府信息公开申请数量              <- the label they belong to

So a block is read both ways, labels first and values first, and the
reading the document shows is kept (``_read_oriented``).
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Final, Literal

import attrs

from govinfo_parse import fields, hookimpl, labels
from govinfo_parse.checks import (
    appeals_groups_add_up,
    requests_row_adds_up,
    rule_holds,
    rule_sides,
    rule_tally_of,
)
from govinfo_parse.layout import Block, LayoutInfo, LayoutResult, LayoutScore, RawCell
from govinfo_parse.model import CellKind, Diagnostic, Origin, SectionKind, Severity
from govinfo_parse.numbers import GARBLED_NUMBER, MONEY_UNIT_PATTERN, CellValue
from govinfo_parse.patterns import LazyPattern

from .column_grid import AFTER_RULE as COLUMN_AFTER_RULE
from .column_grid import RULE as COLUMN_GRID_RULE
from .column_grid import column_grids, rows_printed_after
from .pieces import WHOLE_COUNT, column_pattern, joinings

if TYPE_CHECKING:

    from govinfo_parse.model import Cell

NAME = "pdf_text"
INFO = LayoutInfo(
    name=NAME,
    aliases=("pdftotext", "pdfium", "pdf"),
    version_added="0.1",
    description="Text extracted from a PDF: space-separated cells, wrapped and vertical labels, "
    "page footers.",
)

_LINE: Final = LazyPattern(r"[^\n]+")
# — 4 —, - 5 -, -3- (dashes are folded to "-" by normalisation), alone or glued to a line's end.
_FOOTER: Final = LazyPattern(r"\s*-\s*\d{1,3}\s*-\s*$")
_FOOTER_REACH: Final = 24  # a footer is at most this many characters: "  -  123  -  "
_DEBRIS: Final = LazyPattern(r"^[\s|*#>_-]*$")
# A number (money may carry its unit: 29209.84万元), a placeholder (无 and 不适用 too: a
# cell, not the end of the label), or a number misread into letters (l04, 44*): a cell
# whose value cannot be read, but a cell all the same.
_VALUE: Final = LazyPattern(
    rf"[+-]?\d[\d,]*(?:\.\d+)?(?:{MONEY_UNIT_PATTERN})?|/|--?|无|不适用|暂无|{GARBLED_NUMBER}")
_LONE_LETTER: Final = LazyPattern(r"[A-Za-z]")  # a misread digit only among other values
_PARAGRAPH_CELLS: Final = 0.35  # blank lines per line above which every cell is a paragraph
_NUMBER_PIECE: Final = LazyPattern(r"^[\d.,]*[.,][\d.,]*$")  # a piece of a number split over lines (0. | 01)
# 2. alone on its line: a row's item number when words follow it, a number's piece when digits do.
_ITEM_ALONE: Final = LazyPattern(r"^[1-9][.、]$")
# The item number that opens a row label: 一、 (三) 2. (2)
_ITEM_MARK: Final = LazyPattern(
    r"\s*(?:[一二三四五六七八九十]{1,2}\s*、|\(\s*[一二三四五六七八九十\d]{1,2}\s*\)|\d{1,2}\s*[.、])")
# A row's sub-item number (2. 3、) before its words, anywhere in a piece of label: a
# label printed beside its category's (（四）无法  2.没有现成信息) holds it inside.
_SUB_ITEM: Final = LazyPattern(r"(?<![\d.])\d{1,2}\s*[.、]\s*[\u4e00-\u9fff]")
_TOKEN: Final = LazyPattern(r"\S+")
_KEEP_FRAGMENTS: Final = 6  # label fragments kept waiting for their numbers
_LONGEST_LABEL: Final = 60
_APPEALS_VALUES: Final = 15


Token = tuple[int, int, str]  # start, end (document offsets) and text of a word


def _strip_footer(line: str) -> str:
    """The line without a page footer at its end.

    The footer is looked for in the last characters only, so that a long line
    costs no more than a short one.
    """
    head, tail = line[:-_FOOTER_REACH], line[-_FOOTER_REACH:]
    return head + _FOOTER.sub("", tail)


@attrs.frozen
class _Row:
    """A line split into a label and the run of values that ends it."""

    label: str
    label_end: int
    values: tuple[tuple[int, int], ...]  # (start, end) of each value in the line


@lru_cache(maxsize=4096)  # every layout's sniff and both orientations split the same lines
def _split_row(text: str) -> _Row | None:
    """The label and the trailing values of a line (each value a whole word), or None without values.

    Read from the right word by word, so the time is linear in the line's
    length whatever the line holds.
    """
    words = list(_TOKEN.finditer(text))
    first = len(words)
    while first > 0 and _is_value(words, first - 1):
        first -= 1
    if first == len(words):
        return None
    label_end = words[first].start()
    return _Row(text[:label_end].strip(), label_end, tuple((w.start(), w.end()) for w in words[first:]))


def _is_value(words: list[re.Match[str]], i: int) -> bool:
    word = words[i].group()
    if not _VALUE.fullmatch(word):
        return False
    return not _LONE_LETTER.fullmatch(word) or (i > 0 and _VALUE.fullmatch(words[i - 1].group()) is not None)


def _words(start: int, text: str) -> list[Token]:
    return [(m.start() + start, m.end() + start, m.group()) for m in _TOKEN.finditer(text)]


def _column_groups(words: list[str]) -> list[tuple[int, int]] | None:
    """Split a header's words into runs that each name a distinct column, as many runs as possible.

    Narrow header cells wrap, so one column's name arrives in pieces
    (本年新公开 / 数量); a run joins the pieces back.  None when no split works.
    """
    best: list[list[tuple[int, int, str]] | None] = [None] * (len(words) + 1)
    best[0] = []
    for j in range(1, len(words) + 1):
        for i in range(j):
            done = best[i]
            match = labels.match_active_column("".join(words[i:j])) if done is not None else None
            if done is None or match is None or any(c == match[0] for *_, c in done):
                continue
            if best[j] is None or len(done) + 1 > len(best[j]):  # type: ignore[arg-type]
                best[j] = [*done, (i, j, match[0])]
    found = best[-1]
    return [(i, j) for i, j, _ in found] if found else None


def _header_cells(block: Block, tokens: list[Token]) -> list[RawCell] | None:
    """A 信息内容 header (its line and the wrapped pieces below it) as cells; None if it names no columns."""
    first = 1  # 信息内容
    groups = _column_groups([t[2] for t in tokens[first:]])
    if groups is None:
        return None
    cells = [block.cell(tokens[0][0], tokens[first - 1][1], text="".join(t[2] for t in tokens[:first]))]
    for i, j in groups:
        run = tokens[first + i: first + j]
        cells.append(block.cell(run[0][0], run[-1][1], text="".join(t[2] for t in run)))
    return cells


def _header_words(line: str) -> list[tuple[int, int]]:
    """The words of a section-三 or section-四 header line (自然人 法人或其他组织 总计), or none.

    Every word but one must name a column or a column group: such a line is
    never a row's label, though a row's label may end in the same word (总计).
    """
    words = list(_TOKEN.finditer(line))
    named = sum(1 for w in words if labels.match_requests_column(w.group())
                or labels.match_appeals_group(w.group()) or labels.match_appeals_result(w.group()))
    if named >= 2 and named >= len(words) - 1:
        return [(w.start(), w.end()) for w in words]
    return []


def _stacked_in_order(block: Block, above: RawCell, below: list[Token]) -> list[Token]:
    """``below``'s words, the words of ``above`` put in order before those that name no column alone.

    本年新公开 对外公开总 over 信息内容 本年新制作数量 数量 数量: each piece above
    begins a cell whose end (数量) is below it.
    """
    start = above.start - block.start
    pieces = _words(start, block.text[start: above.end - block.start])
    out: list[Token] = below[:1]
    for word in below[1:]:
        if pieces and labels.match_active_column(word[2]) is None:
            out.append(pieces.pop(0))
        out.append(word)
    return out


def _names_a_row(label: str) -> bool:
    return bool(label) and (_row_named(label) is not None or labels.is_other_subrow(label))


def _starts_anything(text: str) -> bool:
    """True for a caption, a 信息内容 header or a line that names a row: never a header's piece."""
    return (labels.is_caption_line(text) or labels.is_active_header_start(text.split(" ", maxsplit=1)[0])
            or _names_a_row(text))


def _line_cell(block: Block, line: list[Token]) -> RawCell:
    return block.cell(line[0][0], line[-1][1], text="".join(t[2] for t in line))


# The requests table's value columns, known by how their header words begin (a narrow cell
# wraps 商业企业 as 商业企 / 业).  法人或其他组织 spans five of them and places none.
_COLUMN_PREFIXES: Final = (("自然", "natural_person"), ("商业", "commercial"), ("科研", "research"),
                           ("社会", "nonprofit"), ("法律", "legal_service"), ("其他", "other_org"),
                           ("总计", "total"), ("合计", "total"))
_REQUESTS_COLUMNS: Final = 7
_ACTIVE_COLUMNS_MOST: Final = 3  # the widest section-二 table (第二十条第（一）项)
# Table 四's fifteen columns: 结果维持 结果纠正 其他结果 尚未审结 总计, three times.
_APPEALS_WORD: Final = LazyPattern(r"^(?:结果|其他|尚未|总计|维持|纠正|审结)")
_SAME_PLACE: Final = 4.0  # points: header words closer than this stand in one column


class _Columns:
    """Where a table's columns stand across the page, where the source knows (PDF).

    Learnt from the header's words (the requests table's seven columns, table
    四's fifteen, a section-二 header's cells) or from the first requests row
    that prints all seven numbers; then a row that printed fewer numbers (its
    other cells blank) has each placed under its column, so a blank stays blank.
    """

    def __init__(self, block: Block) -> None:
        self.block = block
        self.requests: dict[str, float] = {}
        self.appeals: list[float] = []
        self.from_row: list[float] | None = None
        self.active: list[float] | None = None  # the section-二 header in force
        self.learning = True  # until the first row of numbers

    def learn_words(self, start: int, text: str) -> None:
        """Take the columns' places from the header words of a line without numbers."""
        if not self.learning:
            return
        for word in _TOKEN.finditer(text):
            x = self.block.x_center(start + word.start(), start + word.end())
            column = next((c for p, c in _COLUMN_PREFIXES if word.group().startswith(p)), None)
            if x is not None and column is not None:
                self.requests.setdefault(column, x)
            if x is not None and _APPEALS_WORD.match(word.group()) and all(
                    abs(x - seen) > _SAME_PLACE for seen in self.appeals):
                self.appeals.append(x)

    def learn_row(self, values: list[RawCell]) -> None:
        """A row of seven numbers shows the requests columns' places (the header's words must agree)."""
        self.learning = False
        if self.from_row is not None or len(values) != _REQUESTS_COLUMNS:
            return
        xs = _known([self.block.source.x_center(v.start, v.end) for v in values])
        header = self._requests_from_header()
        if xs is None or not _in_order(xs):
            self.from_row = []
        elif header and not all(abs(a - b) < _gap(header) / 2 for a, b in zip(header, xs, strict=True)):
            self.from_row = []  # the header and the numbers disagree: place nothing
        else:
            self.from_row = xs

    def set_active(self, header: list[RawCell] | None) -> None:
        """The places of a section-二 header's cells (after 信息内容), for the rows below it."""
        xs = _known([self.block.source.x_center(max(c.start, c.end - 2), c.end) for c in (header or [])[1:]])
        self.active = xs if xs and _in_order(xs) else None

    def place(self, values: list[RawCell]) -> list[RawCell] | None:
        """The row's cells with blanks where it printed nothing; None when the places do not tell."""
        for columns in (self.active, self.from_row or self._requests_from_header(), self._appeals()):
            if columns and 0 < len(values) < len(columns):
                return _placed(values, columns, self.block)
        return None

    def _requests_from_header(self) -> list[float] | None:
        xs = _known([self.requests.get(c) for c in dict.fromkeys(c for _, c in _COLUMN_PREFIXES)])
        return xs if xs and _in_order(xs) else None

    def _appeals(self) -> list[float] | None:
        return sorted(self.appeals) if len(self.appeals) == _APPEALS_VALUES else None


def _placed(values: list[RawCell], columns: list[float], block: Block) -> list[RawCell] | None:
    """Each value in the column whose bounds hold it, in order, blanks between; None if any stands off.

    A column reaches half way to its neighbours' places (cells align their text
    left, centred or right), the outer ones as far out again.
    """
    bounds = [(a + b) / 2 for a, b in itertools.pairwise(columns)]
    edges = [2 * columns[0] - bounds[0], *bounds, 2 * columns[-1] - bounds[-1]]
    placed: list[RawCell | None] = [None] * len(columns)
    last = -1
    for value in values:
        x = block.source.x_center(value.start, value.end)
        column = next((i for i in range(len(columns))
                       if x is not None and edges[i] <= x < edges[i + 1]), None)
        if column is None or column <= last:
            return None
        placed[column], last = value, column
    cells, at = [], values[0].start
    for cell in placed:
        at = cell.end if cell is not None else at
        cells.append(cell if cell is not None else RawCell("", at, at))
    return cells


class _CharColumns:
    """Where a table's columns stand on each page of text laid out by characters.

    ``pdftotext -layout`` keeps a page's columns at fixed character offsets,
    with runs of spaces between cells: a blank cell leaves spaces, not nothing.
    The offsets hold within a page, not from one page to the next, and not for
    header words (a Chinese character is wider than the character grid).  So
    in each stretch of a table on a page (between captions and headers), the
    rows that print every number (seven in the requests table; the most any
    row prints in a section-二 table) show where its columns stand, provided
    each column's numbers overlap one another, and the block shows the text laid
    out, not merely spaced (numbers in place after labels that end in different
    places, or runs of spaces of several lengths between cells); a row that printed fewer has
    each number placed under the column it overlaps, blanks between.  Without
    such rows, or where a number overlaps no column or two, nothing is placed.
    """

    def __init__(self, block: Block) -> None:
        self.block = block
        self.breaks: list[int] = []
        self.stretch_of: dict[int, tuple[int, int]] = {}  # line start -> (page, stretch of table)
        self.columns: dict[tuple[int, int], list[tuple[int, int]]] = {}
        if " " * _LAID_OUT_GAP not in block.text:
            return  # no run of spaces between cells: not laid out by characters
        # Page breaks (form feeds) are line breaks in the normalised text: found in the decoded one.
        self.breaks = [m.start() for m in re.finditer("\f", block.source.raw)]
        rows: dict[tuple[int, int], list[list[tuple[int, int]]]] = {}
        label_ends: dict[tuple[int, int], list[int]] = {}  # where the words before each row's numbers end
        stretch = 0
        for line in _LINE.finditer(block.text):
            text = _strip_footer(line.group())
            m = _split_row(text)
            stripped = text.strip()
            if m is None and (labels.is_caption_line(stripped) or _header_words(stripped)
                              or labels.is_active_header_start(stripped.split(" ")[0])):
                stretch += 1
            where = (self._page(line.start()), stretch)
            self.stretch_of[line.start()] = where
            if (found := self._spans(text, m)) is not None:
                rows.setdefault(where, []).append(found)
                label_ends.setdefault(where, []).append(len(text[:found[0][0]].rstrip()))
        found_columns: dict[tuple[int, int], list[tuple[int, int]]] = {}
        laid_out = False  # shown by numbers that stand in place after labels of different lengths
        for where, stretch_rows in rows.items():
            if block.section.kind is SectionKind.REQUESTS:
                width = _REQUESTS_COLUMNS
            else:  # wider than section 二's widest table: another table's rows ran into the block
                width = max(map(len, stretch_rows))
                if not 1 < width <= _ACTIVE_COLUMNS_MOST:
                    continue
            full = [i for i, spans in enumerate(stretch_rows) if len(spans) == width]
            if columns := _aligned([stretch_rows[i] for i in full]):
                found_columns[where] = columns
                gaps = {b[0] - a[1] for i in full for a, b in itertools.pairwise(
                    [(0, label_ends[where][i]), *stretch_rows[i]])}
                laid_out = (laid_out or len({label_ends[where][i] for i in full}) > 1
                            or len(gaps) >= _LAID_OUT_GAPS)
        # Cells parted by a fixed run of spaces (merely spaced text) would line up in rows of equal
        # labels too: columns are trusted where numbers stand in place after labels of different
        # lengths, or where the runs of spaces between cells vary as a page's columns make them.
        self.columns = found_columns if laid_out else {}

    def _page(self, start: int) -> int:
        return bisect.bisect_right(self.breaks, self.block.source.to_raw(self.block.start + start))

    @staticmethod
    def _spans(text: str, m: _Row | None) -> list[tuple[int, int]] | None:
        """Where a line's values (``m``) stand in it, when runs of spaces part them."""
        if m is None:
            return None
        ends = [len(text[:m.label_end].rstrip()) if m.label else None, *(b for _, b in m.values[:-1])]
        if any(e is not None and a - e < _LAID_OUT_GAP for e, (a, _) in zip(ends, m.values, strict=True)):
            return None
        return list(m.values)

    def place(self, start: int, text: str, m: _Row, values: list[RawCell]) -> list[RawCell] | None:
        """The row's cells, blanks where it printed nothing; None when its stretch's columns do not tell."""
        columns = self.columns.get(self.stretch_of.get(start, (-1, -1)))
        if columns is not None and len(values) >= len(columns) and len(m.values) == len(values):
            return _pieces_placed(values, m.values, columns)
        found = self._spans(text, m)
        if columns is None or found is None or len(found) != len(values):
            return None
        if not 0 < len(values) < len(columns):
            return None
        placed: list[RawCell | None] = [None] * len(columns)
        last = -1
        for value, (a, b) in zip(values, found, strict=True):
            under = [i for i, (lo, hi) in enumerate(columns) if a < hi and b > lo]
            if len(under) != 1 or under[0] <= last:
                return None
            placed[under[0]], last = value, under[0]
        cells, at = [], values[0].start
        for cell in placed:
            at = cell.end if cell is not None else at
            cells.append(cell if cell is not None else RawCell("", at, at))
        return cells


def _total_left_blank(cells: list[RawCell]) -> bool:
    """True for a requests row placed by where its numbers stand with numbers but no total."""
    return (len(cells) == _REQUESTS_COLUMNS and not cells[-1].text
            and any(c.read().value is not None for c in cells[:-1]))


def _pieces_placed(
    values: list[RawCell], spans: tuple[tuple[int, int], ...], columns: list[tuple[int, int]],
) -> list[RawCell] | None:
    """A row that printed a number in pieces (``7 6`` under one column), placed by where its numbers stand.

    Counted in order, the pieces of a number make up for a blank cell, and the
    row looks whole with every number from the blank on one column off.  Where
    each number stands under one column and some column holds several, the
    numbers are placed by column and a column's pieces are one cell: its
    number read joined where the requests row then adds up to its total, and
    left out otherwise.  None (numbers counted in order) where every number
    stands under its own column, or where any stands under none or two.
    """
    under = [[i for i, (lo, hi) in enumerate(columns) if a < hi and b > lo] for a, b in spans]
    if any(len(u) != 1 for u in under):
        return None
    at = [u[0] for u in under]
    if len(set(at)) == len(at) or any(b < a for a, b in itertools.pairwise(at)):
        return None
    by_column = [[v for v, c in zip(values, at, strict=True) if c == i] for i in range(len(columns))]
    cells: list[RawCell] = []
    end = values[0].start
    for pieces in by_column:
        cell = RawCell("".join(p.text for p in pieces), pieces[0].start, pieces[-1].end) if pieces else None
        cells.append(cell or RawCell("", end, end))
        end = cells[-1].end
    if len(columns) == _REQUESTS_COLUMNS and requests_row_adds_up([c.read().value for c in cells]):
        return cells
    return [RawCell(c.text, c.start, c.end, CellValue(CellKind.UNREADABLE)) if len(pieces) > 1 else c
            for c, pieces in zip(cells, by_column, strict=True)]


_LAID_OUT_GAP: Final = 2  # spaces at least between cells of text laid out by characters
_LAID_OUT_GAPS: Final = 3  # different runs of spaces between a full row's cells, at least


def _aligned(rows: list[list[tuple[int, int]]]) -> list[tuple[int, int]] | None:
    """Each column's extent, when the rows' numbers overlap column by column and the columns stand apart."""
    columns = []
    for spans in zip(*rows, strict=True):
        if max(a for a, _ in spans) >= min(b for _, b in spans):
            return None
        columns.append((min(a for a, _ in spans), max(b for _, b in spans)))
    return columns if all(a[1] <= b[0] for a, b in itertools.pairwise(columns)) else None


def _known(xs: list[float | None]) -> list[float] | None:
    """``xs`` when every place is known."""
    return None if any(x is None for x in xs) else [x for x in xs if x is not None]


def _in_order(xs: list[float]) -> bool:
    return all(a < b for a, b in itertools.pairwise(xs))


def _gap(xs: list[float]) -> float:
    return min(b - a for a, b in itertools.pairwise(xs))


@attrs.define
class _Stretch:
    """A section-二 header's columns and the rows read under it, up to the next header."""

    columns: list[str]
    rows: list[list[RawCell]]
    start: int  # offset in the document's text where the header ends
    end: int = 0  # offset where the next header starts, or the block ends


class _RowReader:
    """Reads a block line by line into rows of label-plus-numbers (see the module docstring).

    ``values_first`` reads a line of numbers alone as the row of the label
    lines *below* it, as pdfplumber prints a row whose label cell is taller than
    its numbers.  Either way the reader notes, for each stretch of table between
    captions and headers, the kinds of its lines (``shapes``), from which the
    document's own orientation is told (``_orientation``).
    """

    def __init__(
        self, block: Block, *, values_first: bool = False, read_before: _RowReader | None = None,
    ) -> None:
        self.block = block
        self.values_first = values_first
        self.rows: list[list[RawCell]] = []
        self.fragments: list[RawCell] = []  # label pieces waiting for their numbers
        self.one_per_line: list[RawCell] | None = None  # the row that single-number lines extend
        self.stacked: list[list[RawCell]] = []  # rows gathered from numbers one per line
        self.grown: set[int] = set()  # (ids of) those that took a line of numbers after their first
        self.apart: set[int] = set()  # (ids of) rows whose first numbers stood apart from their label
        self.joined: dict[int, str] = {}  # numbers joined from pieces: where each starts, and the rule
        self.in_pieces: set[int] = set()  # (ids of) section-二 rows holding a piece of a number
        self.took_piece = False  # the line just read was such a piece
        # Each cell a paragraph (pdftotext without -layout): the cells may come column by column.
        self.paragraphs = False
        self.unchecked: list[RawCell] = []  # the labels of such rows left out: their total disagrees
        self.misaligned: list[RawCell] = []  # table 四's bare runs left out: first value of each
        # Laid-out requests rows placed with their total's column blank: where each value starts.
        self.blank_totals: list[frozenset[int]] = []
        self.header: list[list[Token]] = []  # lines of a section-二 header still open
        self.header_row = 0
        # values_first: a row of numbers waiting for its label lines, the pieces met so far
        # below it, and the unclaimed pieces that stood above it.
        self.waiting: list[RawCell] | None = None
        self.below: list[RawCell] = []
        self.above: list[RawCell] = []
        # Per stretch of table: ("label", text) for a line of words, ("numbers", "") for a line
        # of numbers alone, ("row", "") for words and numbers on one line.
        self.shapes: list[list[tuple[str, str]]] = [[]]
        self.stretch_starts: list[int] = [0]  # where each stretch of ``shapes`` starts in the block
        self.columns = _Columns(block)
        # Text laid out by characters (pdftotext -layout): blank cells keep their places.
        # (Pipes frame cells of any width: a Markdown table is not laid out by characters.)
        # (Learnt from the whole block before reading: a reader of it in the other orientation lends its own.)
        self.char_columns: _CharColumns | None = read_before.char_columns if read_before is not None else (
            _CharColumns(block) if not block.source.boxes and "|" not in block.text
            and block.section.kind in (SectionKind.REQUESTS, SectionKind.ACTIVE) else None)
        self.item_alone: RawCell | None = None  # 2. on its own line, until the next line tells what it is
        self.item_after: list[RawCell] | None = None  # the row gathered one per line above it

    def feed(self, start: int, text: str) -> None:
        stripped = text.strip()
        m = _split_row(text)
        self._settle_item_alone(words_follow=m is None)
        if m is None and self.block.source.boxes:
            self.columns.learn_words(start, text)
        if (self.header and m is None and len(stripped) <= _LONGEST_LABEL and not _starts_anything(stripped)
                and not _NUMBER_PIECE.match(stripped)):
            # A wrapped header cell continues: the header keeps the pieces that make columns.
            # (Not a number's piece, 3. of 3.74: that is the first row's, under the header.)
            self.header.append(_words(start, text))
            return
        if self.header:
            self._close_header()
        if m is not None:
            self._values_row(start, text, m)
            return
        header_words = _header_words(stripped)
        pieces = [] if m is not None else self._header_in_pieces(stripped)
        active_header = labels.is_active_header_start(stripped.split(" ")[0]) or bool(pieces)
        if labels.is_caption_line(stripped) or header_words or active_header:
            self._settle_waiting()
            self.shapes.append([])
            self.stretch_starts.append(start)
            if labels.is_caption_line(stripped):
                self.fragments.clear()
                self.columns.set_active(None)
                self.rows.append([self.block.cell(start, start + len(text), text=stripped)])
            elif header_words:  # a header line of section 三 or 四: its words are its cells
                self.fragments.clear()
                self.rows.append([self.block.cell(start + a, start + b) for a, b in header_words])
            else:
                self._open_header(start, text)  # pieces of the header above may stand in the fragments
                if pieces:  # 信息内容 as one word, from its first piece to this line
                    first = self.header[0][0]
                    self.header[0][0] = (pieces[0].start - self.block.start, first[1],
                                         "".join(p.text for p in pieces) + first[2])
                    self.rows[self.header_row][0] = self.block.cell(
                        pieces[0].start - self.block.start, first[1], text=self.header[0][0][2])
        elif len(stripped) > _LONGEST_LABEL:  # prose, not a wrapped label
            self._settle_waiting()
            self.fragments.clear()
        else:
            self._label_line(self.block.cell(start, start + len(text), text=stripped))
        self._end_of_words_line()

    def _end_of_words_line(self) -> None:
        """A line of words ends the row gathered one per line, unless it was a piece of its number."""
        if self.took_piece:  # the row goes on: the rest of the number may follow
            self.took_piece = False
        else:
            self.one_per_line = None

    def _header_in_pieces(self, line: str) -> list[RawCell]:
        """The pieces above when this line ends 信息内容 printed a character or two per line (a narrow cell).

        They are then the header's, not a row label's, and leave the fragments.
        """
        if labels.is_active_header_start(line):
            return []
        for count in range(1, min(len(self.fragments), 3) + 1):
            pieces = self.fragments[-count:]
            if all(len(p.text) <= 2 for p in pieces) and labels.is_active_header_start(
                    "".join(p.text for p in pieces) + line):
                del self.fragments[-count:]
                return pieces
        return []

    def _settle_item_alone(self, *, words_follow: bool) -> None:
        """``2.`` on the line above: an item number opening the label that follows, or a number's piece."""
        piece, self.item_alone = self.item_alone, None
        if piece is None:
            return
        if words_follow:
            self._label_line(piece, item=True)
        else:
            self.shapes[-1].append(("label", piece.text))
            self.one_per_line = self.item_after  # the row it may be a piece of a number of
            self._number_split(piece)

    def _label_line(self, piece: RawCell, *, item: bool = False) -> None:
        """A line of words alone: a piece of the label of the row above (values_first) or below.

        A line that names a row by itself after pieces that already name one
        starts another label: the row of the earlier one printed no numbers (a
        blank row), and its words must not join the next row's.  Below a row of
        numbers waiting for its label (values_first), such a line, or one opening
        with an item number (2. （四） 三、), ends that label even after pieces that
        name nothing: those are the tail of the label above the numbers, printed
        around them (a tall label cell), and join that instead.
        """
        if not item and _ITEM_ALONE.match(piece.text) and self.item_alone is None:
            self.item_alone, self.item_after = piece, self.one_per_line
            return
        self.shapes[-1].append(("label", piece.text))
        if _NUMBER_PIECE.match(piece.text) and not item:
            self._number_split(piece)
            return
        starts_a_label = _names_a_row(piece.text)
        if self.waiting is not None:
            if not ((starts_a_label or _ITEM_MARK.match(piece.text)) and self.below):
                self.below.append(piece)
                del self.below[:-_KEEP_FRAGMENTS]
                return
            self._settle_waiting()
        if starts_a_label and _names_a_row("".join(p.text for p in self.fragments)):
            self.fragments.clear()
        elif _SUB_ITEM.search(piece.text):
            self._drop_blank_sub_item()
        self.fragments.append(piece)
        # A label printed a word or two per line (a narrow cell) comes in many pieces: keep as
        # many as a label's length allows, and at least the last few.
        while len(self.fragments) > _KEEP_FRAGMENTS and _length(self.fragments) > _LONGEST_LABEL:
            del self.fragments[0]

    def _drop_blank_sub_item(self) -> None:
        """A sub-item (3.) starts while the pieces waiting hold another (2.): that one printed no numbers.

        Its words are dropped, from its item number on, so that they do not join
        the next row's label; the words before it (the category beside it, （四）无法)
        stay.
        """
        for i in range(len(self.fragments) - 1, -1, -1):
            piece = self.fragments[i]
            marks = list(_SUB_ITEM.finditer(piece.text))
            if not marks:
                continue
            head = piece.text[:marks[-1].start()].rstrip()
            del self.fragments[i:]
            if head:
                at = piece.start - self.block.start
                self.fragments.append(self.block.cell(at, at + len(head), text=head))
            return

    def blank_line(self, start: int) -> None:
        """A line of spaces alone: among cells printed one per line, a blank cell in its place.

        Right under a label it is the row's first cell: blank, but a cell.
        """
        self._settle_item_alone(words_follow=False)
        if self.header:  # a blank cell ends the header: the lines still open in it are the row's label
            self._close_header()
        blank = self.block.cell(start, start, text="")
        if self.one_per_line is not None:
            self.one_per_line.append(blank)
            self.grown.add(id(self.one_per_line))
        elif self.fragments and self.waiting is None:
            label = self.fragments
            joined = self.block.cell(label[0].start - self.block.start, label[-1].end - self.block.start,
                                     text="".join(p.text for p in label))
            self.rows.append([joined, blank])
            self.fragments = []
            self.one_per_line = self.rows[-1]
            self.stacked.append(self.one_per_line)

    def _number_split(self, piece: RawCell) -> None:
        """A piece of a number on a line of its own (0. | 1, an HTML cell's spans).

        In a section-二 row being gathered one number per line, it is one of the
        row's pieces, joined at the end the one way its header's columns allow.
        Elsewhere nothing near it holds: the row gathered so far, or waiting for
        its label, loses its numbers; the label pieces above lose their row; the
        numbers below get this piece for a label, which names no row.
        """
        row = self.one_per_line
        if (self.block.section.kind is SectionKind.ACTIVE and row is not None and len(row) > 1
                and row[0].read().kind is CellKind.TEXT and not self.fragments):
            row.append(piece)
            self.grown.add(id(row))
            self.in_pieces.add(id(row))
            self.took_piece = True
            return
        for row in (self.one_per_line, self.waiting):
            if row is not None and len(row) > 1:
                self.unchecked.append(row[0])
                del row[1 if row[0].read().kind is CellKind.TEXT else 0:]
        if self.fragments:
            self.unchecked.append(self.fragments[0])
        self.one_per_line = None
        self.fragments = [piece]

    def _settle_waiting(self) -> None:
        """Give the row of numbers waiting (values_first) the label lines found below it."""
        if self.waiting is None:
            return
        below = "".join(p.text for p in self.below)
        # Pieces below that name a row keep the unclaimed pieces above from leaking in.
        parts = self.below if _names_a_row(below) else [*self.above, *self.below]
        if parts:
            self.waiting.insert(0, self.block.cell(parts[0].start, parts[-1].end,
                                                   text="".join(p.text for p in parts)))
        self.waiting, self.below, self.above = None, [], []

    def _open_header(self, start: int, text: str) -> None:
        words = _words(start, text)
        cells = _header_cells(self.block, words)
        if self.fragments:
            # pdftotext -layout and pdfplumber print a wrapped header's first pieces on the
            # line above, each over the rest of its cell: stack them by their place in the
            # line (or, where the places are gone, in order over the pieces that name no
            # column alone), and keep the reading that names the most columns.
            above = self.fragments[-1]
            for stacked in (self._stacked(above, words), _stacked_in_order(self.block, above, words)):
                stacked_cells = _header_cells(self.block, stacked)
                if stacked_cells is not None and len(stacked_cells) > len(cells or ()):
                    words, cells = stacked, stacked_cells
        self.fragments.clear()
        self.header = [words]
        self.rows.append(cells or [self.block.cell(start, start + len(text), text=text.strip())])
        self.header_row = len(self.rows) - 1
        self.columns.set_active(cells)

    def _stacked(self, above: RawCell, below: list[Token]) -> list[Token]:
        """``below``'s words, each preceded by the words of ``above`` that stand over it.

        Only a word that names no column alone (数量) can end a wrapped cell, and
        nothing stands over the first word (信息内容).
        """
        text = self.block.text

        def column(offset: int) -> int:
            return offset - text.rfind("\n", 0, offset) - 1

        # Cells hold document offsets; the words of the line above are read block-relative.
        start, end = above.start - self.block.start, above.end - self.block.start
        pieces = _words(start, text[start:end])
        out: list[Token] = below[:1]
        for word in below[1:]:
            left, right = column(word[0]), column(word[1])
            if labels.match_active_column(word[2]) is None:
                out += [p for p in pieces if column(p[0]) < right + 2 and column(p[1]) > left - 2]
            out.append(word)
        return out

    def _close_header(self) -> None:
        """Settle a header's wrapped lines: the most of them that still name columns join it.

        Lines left over become label fragments of the row below.
        """
        lines, self.header = self.header, []
        keep, best = 1, None
        # The fewest lines that name the most columns: a row label printed a character per
        # line (规 | 章) below the header names none and must not be taken into it.
        for count in range(2, len(lines) + 1):
            cells = _header_cells(self.block, [t for line in lines[:count] for t in line])
            if cells is not None and (best is None or _named_columns(cells) > _named_columns(best)):
                best, keep = cells, count
        if best is not None:
            self.rows[self.header_row] = best
            self.columns.set_active(best)
        self.fragments = [_line_cell(self.block, line) for line in lines[keep:] if line]
        self.shapes[-1].extend(("label", f.text) for f in self.fragments)

    def _values_row(self, start: int, text: str, m: _Row) -> None:
        values = [self.block.cell(start + a, start + b) for a, b in m.values]
        if self.block.source.boxes:
            self.columns.learn_row(values)
            values = self.columns.place(values) or values
        elif self.char_columns is not None:
            placed = self.char_columns.place(start, text, m, values)
            if placed is not None:
                self._note_joined(placed, values, "printed in pieces under one column; joined where the "
                                  "row then adds up to its total")
                if _total_left_blank(placed):
                    self.blank_totals.append(frozenset(c.start for c in placed if c.text))
            values = placed or values
        label_text = m.label
        if len(values) == 1 and not label_text and not self.fragments and self.one_per_line is not None:
            self.one_per_line.append(values[0])
            self.grown.add(id(self.one_per_line))
            return
        self._settle_waiting()
        self.shapes[-1].append(("row" if label_text else "numbers", label_text))
        if not label_text and len(values) >= _APPEALS_VALUES:  # (blanks placed: always fifteen cells)
            self.fragments.clear()  # table 四's bare numbers: the fragments above are its broken header
        elif not label_text and self.values_first:
            self.rows.append(values)
            self.waiting, self.above = self.rows[-1], self.fragments
            self.fragments = []
            return
        own = self.block.cell(start, start + m.label_end, text=label_text)
        # A label that names its row by itself keeps the fragments above from leaking in
        # (they may be the remains of a row whose numbers were lost).
        parts = [own] if _names_a_row(own.text) else [*self.fragments, own]
        parts = [p for p in parts if p.text]
        joined = "".join(p.text for p in parts)
        label = [self.block.cell(parts[0].start, parts[-1].end, text=joined)] if parts else []
        self.rows.append([*label, *values])
        if not label_text:
            self.apart.add(id(self.rows[-1]))
        self.one_per_line = self.rows[-1] if len(values) == 1 else None
        if self.one_per_line is not None:
            self.stacked.append(self.one_per_line)  # more numbers may follow, one per line
        self.fragments.clear()

    def finish(self) -> list[list[RawCell]]:
        self._settle_item_alone(words_follow=False)
        if self.header:
            self._close_header()
        self._settle_waiting()
        self._check_stacked()
        self._drop_misaligned_appeals()
        return self.rows

    def _drop_misaligned_appeals(self) -> None:
        """Leave out table 四's bare runs of numbers whose count vouches for nothing (see below)."""
        if self.block.section.kind is not SectionKind.APPEALS:
            return
        for row in [r for r in self.rows if _misaligned_appeals(r)]:
            self.misaligned.append(row[0])
            self.rows.remove(row)

    def _spread_over_next_rows(self) -> None:
        """Rows gathered with the numbers of the rows after them, printed column by column, parted.

        See ``column_grid.rows_printed_after``: ``3.其他`` then 21 numbers, and
        （七）总计 and 四、结转下年度继续办理 printed after them with none.
        """
        if self.block.section.kind is not SectionKind.REQUESTS:
            return
        for row in list(self.stacked):
            found = rows_printed_after(self.block, self.rows, row)
            if found:
                del row[1 + _REQUESTS_COLUMNS:]  # the numbers after its own seven are theirs
            for after in found or ():
                self.rows.append(after)
                self.joined.update((cell.start, f"{cell.text} {COLUMN_AFTER_RULE}") for cell in after[1:])

    def _joined(self, pieces: list[RawCell]) -> list[RawCell] | None:
        """A requests row's numbers joined the one way that makes seven adding up to its total.

        Printed one per line, some split over lines (an HTML cell's spans: 1,074 as ``1,`` and ``074``).
        """
        ways = _joinings(pieces)
        if self.paragraphs:  # each cell a paragraph: a blank line between two pieces parts two cells
            ways = [cells for cells in ways if not any(self._over_a_blank_line(c) for c in cells)]
        if len(ways) != 1:
            return None
        self._note_joined(ways[0], pieces, "printed in pieces over lines; joined the one way that gives "
                          "seven numbers adding up to the row's total")
        return ways[0]

    def _over_a_blank_line(self, cell: RawCell) -> bool:
        """True for a cell whose text runs over a blank line of the block."""
        return "\n\n" in self.block.text[cell.start - self.block.start:cell.end - self.block.start]

    def _note_joined(self, cells: list[RawCell], pieces: list[RawCell], how: str) -> None:
        """Note each number of ``cells`` joined from ``pieces``: the arithmetic's choice, derived, ``how``."""
        for cell in cells:
            if cell.read().value is not None and not any(
                    p.start == cell.start and p.end == cell.end for p in pieces):
                self.joined[cell.start] = f"{cell.text} {how}"

    def _active_stretches(self) -> list[_Stretch]:
        """Section 二's rows under each header, with where the header's stretch of text starts and ends."""
        stretches: list[_Stretch] = []
        for row in self.rows:
            named = _header_columns(row)
            if named is not None:
                stretches.append(_Stretch(named, [], row[-1].end))
            elif stretches and labels.match_active_row(row[0].text) is not None:
                stretches[-1].rows.append(row)
        ends = [s.start for s in stretches[1:]] + [self.block.start + len(self.block.text)]
        for stretch, end in zip(stretches, ends, strict=True):
            stretch.end = end
        return stretches

    def _active_columns_of_stacked(self, stretches: list[_Stretch]) -> dict[int, list[str]]:
        """The header columns above each section-二 row gathered one number per line that needs joining.

        Only rows with a piece of a number, or more numbers than their header
        has columns, need it; the others are read as they stand.
        """
        stacked = {id(row) for row in self.stacked}
        out: dict[int, list[str]] = {}
        for stretch in stretches:
            for row in stretch.rows:
                if id(row) in stacked and (id(row) in self.in_pieces or len(row) - 1 > len(stretch.columns)):
                    out[id(row)] = stretch.columns
        return out

    def _gather_appeals(self) -> None:
        """Table 四's numbers gathered under two pieces of its header (复议 | 诉讼) made one row of fifteen.

        Where the header's pieces part the numbers (the review group's five
        under its header, the rest under the litigation header's), the numbers
        in order are the row, if there are fifteen and every group adds up.
        """
        if self.block.section.kind is not SectionKind.APPEALS:
            return
        rows = [row for row in self.stacked if len(row) > 1]
        numbers = [c for row in rows for c in row[1:]]
        if len(rows) < 2 or len(numbers) != _APPEALS_VALUES:
            return
        if not appeals_groups_add_up([c.read().value for c in numbers]):
            return
        for row in rows[1:]:
            del row[1:]  # the header's pieces, their numbers moved to the first
        rows[0][1:] = numbers

    def _active_rows_in_order(self, stretches: list[_Stretch]) -> set[int]:
        """(Ids of) section-二 rows gathered one number per line whose stretch shows rows printed in order.

        Each cell a paragraph, a table may come column by column: its labels
        one after another, then its numbers, so one row gathers none and the
        last all.  Where every row under a header gathered exactly as many
        numbers as the header has columns, the cells came row by row.
        """
        stacked = {id(row) for row in self.stacked}
        return {id(row) for stretch in stretches
                if all(len(row) - 1 == len(stretch.columns) for row in stretch.rows)
                and self._labels_between(stretch.start, stretch.end) == len(stretch.rows)
                for row in stretch.rows if id(row) in stacked}

    def _labels_between(self, start: int, end: int) -> int:
        """How many lines between offsets ``start`` and ``end`` name a section-二 row (each its own)."""
        text = self.block.source.text[start:end]
        return sum(1 for line in text.split("\n")
                   if line.strip() and len(labels.rows_named(line.strip())) == 1
                   and labels.match_active_row(line.strip()) is not None)

    def _join_active(self, row: list[RawCell], columns: list[str]) -> None:
        """A section-二 row's pieces joined the one way its columns allow, or the row left out."""
        pieces = row[1:]
        # Where each cell is a paragraph (pdftotext without -layout) a number is never split over
        # paragraphs: more numbers than columns means the table came column by column, and another
        # row's numbers came in with this row's.  Joining them would make one number of several.
        ways = [] if self.paragraphs or self._next_rows_numbers(row[0], pieces, len(columns)) else joinings(
            pieces, [column_pattern(c) for c in columns], most_pieces=4 * len(columns))
        if len(ways) != 1:
            self.unchecked.append(row[0])
            del row[1:]
            return
        self._note_joined(ways[0], pieces, f"printed in pieces over lines; joined the one way that gives "
                          f"{len(columns)} numbers written as reports write them under the header's columns")
        row[1:] = ways[0]

    def _next_rows_numbers(self, label: RawCell, pieces: list[RawCell], width: int) -> bool:
        """True when ``pieces`` may be this row's numbers and the next row's, whose label the text lacks.

        A line lost (an extractor dropping the next row's label: 行政处罚 / 12 /
        1,086 with 行政强制 gone) leaves that row's numbers under this one; joined,
        they would make one wrong number (121,086).  So where each piece is a
        number as written and the row the format prints next fills exactly with
        the pieces left over, the pieces are not joined.
        """
        if not all(p.read().value is not None for p in pieces):
            return False
        row = labels.match_active_row(label.text)
        named = {labels.match_active_row(line.strip()) for line in self.block.text.split("\n")}
        for rows in fields.ACTIVE_ROWS.values():
            order = list(rows)
            after = order[order.index(row) + 1] if row in order[:-1] else None
            if after is not None and after not in named and len(pieces) == width + len(rows[after]):
                return True
        return False

    def _check_stacked(self) -> None:
        """Leave out requests rows gathered one number per line that do not add up to their total.

        Gathering lines into a row is an inference: some extractors (pdftotext
        without -layout) print a table column by column, and lines of another
        row slip in.  A row printed on one line is kept as printed, typo and all;
        one gathered must add up, and must have exactly seven numbers, unless every
        other row gathered adds up in full: that vouches for the gathering, and a
        total that disagrees is the report's misprint (so too table 四, where two
        of its three groups add up).  Where each cell is a paragraph, a gathered
        row that no arithmetic checks is left out.
        """
        self._gather_appeals()
        self._spread_over_next_rows()
        stretches = self._active_stretches() if self.block.section.kind is SectionKind.ACTIVE else []
        columns = self._active_columns_of_stacked(stretches)
        in_order = self._active_rows_in_order(stretches) if self.paragraphs else set()
        requests = self.block.section.kind is SectionKind.REQUESTS and not self.paragraphs
        adding_up = sum(1 for row in self.stacked if requests and _adds_up_in_full(row))
        for row in self.stacked:
            if len(row) < 2:  # its numbers went to another row (table 四's header pieces)
                continue
            if id(row) in columns:
                self._join_active(row, columns[id(row)])
                continue
            numbers = [c.read().value for c in row[1:]]
            if self.block.section.kind is SectionKind.APPEALS and len(numbers) == _APPEALS_VALUES:
                # Table 四's fifteen numbers under its header's pieces: each group must add up.
                # Two groups adding up vouch for the gathering: the third's total is the report's misprint.
                two_do = not self.paragraphs and appeals_groups_add_up(numbers, least=2)
                if appeals_groups_add_up(numbers) or two_do:
                    del row[0]  # the header's pieces, not a row label: bare numbers, as printed
                else:
                    self.unchecked.append(row[0])
                    del row[1:]
                continue
            if self.block.section.kind is SectionKind.REQUESTS and len(numbers) > _REQUESTS_COLUMNS:
                joined = self._joined(row[1:])
                if joined is not None:
                    row[1:] = joined
                    continue
            whole = len(numbers) == _REQUESTS_COLUMNS and all(isinstance(n, int) for n in numbers)
            # Every other row gathered in full and adding up vouches for the gathering: a row of seven
            # whose total disagrees is the report's misprint, kept as printed (the checks report it).
            vouched = requests and adding_up >= _VOUCHING_ROWS and adding_up == len(self.stacked) - 1
            breaks_total = whole and not vouched and not requests_row_adds_up(numbers)
            # One number too few or too many: not settled by arithmetic, since the lines gathered may
            # hold a number split over two of them (an HTML cell's spans) beside a total printed wrong.
            off_by_one = abs(len(numbers) - _REQUESTS_COLUMNS) == 1
            # Cells printed as paragraphs may come column by column: only a row whose arithmetic
            # checks it is kept (seven numbers of section 三 that add up), or a section-二 row of a
            # stretch shown printed row by row (even one number apart from its label: the header
            # above may have been split apart too).
            apart = self.block.section.kind is SectionKind.ACTIVE and id(row) in self.apart
            unchecked = self.paragraphs and (id(row) in self.grown or apart) and not (
                self.block.section.kind is SectionKind.REQUESTS and whole) and id(row) not in in_order
            if breaks_total or off_by_one or unchecked:
                self.unchecked.append(row[0])
                del row[1:]


def _header_columns(row: list[RawCell]) -> list[str] | None:
    """The columns a section-二 header row names, in order; None for a row that is not one."""
    if any(c.read().kind is not CellKind.TEXT for c in row):
        return None
    found = [labels.match_active_column(c.text) for c in row]
    columns = [f[0] for f in found if f is not None]
    return columns or None


def _joinings(pieces: list[RawCell]) -> list[list[RawCell]]:
    """Every way of joining neighbouring pieces into seven numbers as reports write them, with its total."""
    return joinings(pieces, [WHOLE_COUNT] * _REQUESTS_COLUMNS,
                    lambda cells: requests_row_adds_up([c.read().value for c in cells]),
                    most_pieces=_MOST_PIECES)


_MOST_PIECES: Final = 3 * _REQUESTS_COLUMNS


def _is_debris(line: str) -> bool:
    """True for a line of rules and borders; a lone - or -- is a cell's placeholder, not a border."""
    return bool(_DEBRIS.match(line)) and line.strip() not in ("-", "--")


def _length(pieces: list[RawCell]) -> int:
    return sum(len(p.text) for p in pieces)


def _named_columns(cells: list[RawCell]) -> int:
    return sum(1 for c in cells if labels.match_active_column(c.text) is not None)


def _adds_up_in_full(row: list[RawCell]) -> bool:
    """True for a requests row gathered with seven whole numbers that add up to its total."""
    numbers = [c.read().value for c in row[1:]]
    whole = len(numbers) == _REQUESTS_COLUMNS and all(isinstance(n, int) for n in numbers)
    return whole and requests_row_adds_up(numbers)


_VOUCHING_ROWS: Final = 3  # rows gathered in full and adding up, at least, to vouch for a table's gathering


def _reader(block: Block, *, values_first: bool = False, read_before: _RowReader | None = None) -> _RowReader:
    reader = _RowReader(block, values_first=values_first, read_before=read_before)
    # pdftotext without -layout prints each cell as a paragraph, in the order of the page's columns
    # rather than its rows: rows gathered from numbers on lines of their own must then be checked.
    reader.paragraphs = block.text.count("\n\n") >= _PARAGRAPH_CELLS * max(1, block.text.count("\n"))
    # Rows printed a column at a time, read back where nothing is left to guess (column_grid.py).
    grids = column_grids(block) if block.section.kind is SectionKind.REQUESTS else []
    used = frozenset().union(*(grid.lines for grid in grids))
    for line in _LINE.finditer(block.text):
        if line.start() in used:
            continue
        # Pipes of a Markdown table are cell borders, as spaces are (same length: offsets hold).
        text = _strip_footer(line.group()).replace("|", " ")
        if "\t" in text:
            continue
        if not _is_debris(text):
            reader.feed(line.start(), text)
        elif not line.group().strip(" ") and len(line.group()) <= _BLANK_CELL:
            # A few spaces alone (an HTML cell's no-break space): a blank cell.  (A line that
            # text laid out by characters pads with spaces is an empty line.)
            reader.blank_line(line.start())
    reader.finish()
    for grid in grids:
        reader.rows.extend(grid.rows)
        reader.joined.update((cell.start, f"{cell.text} {COLUMN_GRID_RULE}") for row in grid.rows
                             for cell in row[1:])
    return reader


_BLANK_CELL: Final = 8  # spaces at most on a line that stands for a blank cell
_STREAM_PIECE: Final = LazyPattern(r"[^\t\n]+")


def read_cell_stream(block: Block, *, layout: str) -> LayoutResult:
    """A table's cells one after another in document order, parted by tabs or line breaks.

    Each piece is read as a line of one-cell-per-line text: label pieces join
    the label of the numbers after them, a piece of spaces is a blank cell.
    """
    reader = _RowReader(block)
    for piece in _STREAM_PIECE.finditer(block.text):
        text = piece.group()
        if not text.strip(" "):
            reader.blank_line(piece.start())
        elif not _is_debris(text):
            reader.feed(piece.start(), text)
    reader.finish()
    return _with_unchecked(block.assemble(reader.rows, layout=layout, blanks_vanish=True), reader, layout)


def read_rows(block: Block, *, values_first: bool = False) -> list[list[RawCell]]:
    """Rows of label-plus-numbers, with label fragments joined to the row they belong to.

    A line of numbers alone takes the label lines above it, or with
    ``values_first`` the label lines below it.
    """
    return _reader(block, values_first=values_first).rows


Orientation = Literal["labels first", "values first", "unclear"]


def _orientation(shapes: list[list[tuple[str, str]]]) -> Orientation | None:
    """Where the table puts a row's numbers, told by lines of numbers alone; None where none tells.

    A line of numbers alone with label lines naming a row above it and no
    label line below it (a line of numbers, a row, a header or the table's end)
    can only be read labels first; the other way round, values first.  Numbers
    between label lines tell nothing: the table may print a blank row as a label
    alone, and the tail of a wrapped label may stand on either side.  Unless the
    label on one side is the head of a row whose numbers stand on its tail's line
    (or the tail of a row whose numbers stand on its head's line): a row has one
    line of numbers, so the line belongs to the other side.
    """
    votes: set[Orientation] = set()
    for lines in shapes:
        for i, (kind, _) in enumerate(lines):
            if kind != "numbers":
                continue
            above, below = _label_run(lines, i, -1), _label_run(lines, i, 1)
            if above and _names_a_row(above) and (not below or _has_own_numbers(lines, i, 1)):
                votes.add("labels first")
            elif below and _names_a_row(below) and (not above or _has_own_numbers(lines, i, -1)):
                votes.add("values first")
    if len(votes) > 1:
        return "unclear"
    return votes.pop() if votes else None


def _run_lines(lines: list[tuple[str, str]], at: int, step: int) -> list[int]:
    """The label lines next to line ``at`` on one side (``step`` -1: above, 1: below), nearest first."""
    found: list[int] = []
    i = at + step
    while 0 <= i < len(lines) and lines[i][0] == "label" and len(found) < _KEEP_FRAGMENTS:
        found.append(i)
        i += step
    return found


def _label_run(lines: list[tuple[str, str]], at: int, step: int) -> str:
    """The label lines next to line ``at`` on one side, joined in reading order."""
    return "".join(lines[i][1] for i in _run_lines(lines, at, step)[::step])


def _has_own_numbers(lines: list[tuple[str, str]], at: int, step: int) -> bool:
    """True when the label run on one side of line ``at`` belongs to the row on the line past it.

    Below (``step`` 1): the run is the head of a wrapped label whose tail shares a line
    with the row's numbers; above (-1): the run is the tail of one whose head does.  The
    run and that line's label must name one row together, and the part that is a tail
    must be words only: no row named, no item number (``3.其他`` is a row of its own).
    """
    run = _label_run(lines, at, step)
    past = at + step * (len(_run_lines(lines, at, step)) + 1)
    if not run or not 0 <= past < len(lines) or lines[past][0] != "row":
        return False
    head, tail = (run, lines[past][1]) if step == 1 else (lines[past][1], run)
    row = _row_named(head)
    is_tail = _row_named(tail) is None and not _ITEM_MARK.match(tail) and not _SUB_ITEM.search(tail)
    return row is not None and is_tail and _row_named(head + tail) == row


def _row_named(label: str) -> str | None:
    """The row of section 二 or 三 a label names, or None."""
    return labels.match_active_row(label) or labels.match_requests_row(label, None)


def _rules_tally(result: LayoutResult) -> tuple[int, int]:
    """(rules the values of ``result`` allow checking, rules they break)."""
    stated = {c.field_id: c.value for c in result.cells if c.field_id.startswith(("requests.", "appeals."))}
    return rule_tally_of(stated, result.template)


def _chosen_reading(
    shown: Orientation | None, first: tuple[int, int], second: tuple[int, int],
) -> Orientation | None:
    """The reading to keep, from what the table shows and the (checked, broken) rules of each reading.

    What the table shows is kept unless the other reading, checked by as many
    rules, breaks none where it breaks some; where the table shows nothing, a
    reading is kept only on those terms.  (A reading that reads less breaks
    fewer rules: breaking none counts only beside as many rules checked.)
    """
    def cleaner(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a[1] == 0 < b[1] and a[0] >= b[0]

    if shown == "labels first" and not cleaner(second, first):
        return shown
    if shown == "values first" and not cleaner(first, second):
        return shown
    if shown is None and cleaner(first, second):
        return "labels first"
    if shown is None and cleaner(second, first):
        return "values first"
    return None


def _misaligned_appeals(values: list[RawCell]) -> bool:
    """True for table 四's fifteen numbers with one unreadable beside a readable group that does not add up.

    The unreadable one may stand for two cells or none, so the run's count
    vouches for nothing.  (Without one, a group that does not add up is the
    report's own slip, kept as printed.)
    """
    read = [c.read() for c in values]
    if len(values) != _APPEALS_VALUES or not any(v.kind is CellKind.UNREADABLE for v in read):
        return False
    size = len(fields.APPEALS_COLUMNS)
    groups = [read[i:i + size] for i in range(0, len(read), size)]
    counts = [[v.value for v in g] for g in groups]
    return any(all(isinstance(n, int) for n in g) and sum(g[:-1]) != g[-1] for g in counts)  # type: ignore[arg-type]


def _with_unchecked(result: LayoutResult, reader: _RowReader, layout: str = NAME) -> LayoutResult:
    """``result`` with a diagnostic for each row gathered one number per line that did not add up."""
    found = [Diagnostic(code="cell-count", severity=Severity.WARNING, layout=layout,
                        span=reader.block.source.span(label.start, label.end),
                        message=f"row {label.text!r}: its numbers, printed one per line, are not checked "
                        "by its total or do not add up to it (lines of another row may have slipped in); "
                        "its values are left out")
             for label in reader.unchecked]
    found += [Diagnostic(code="cell-count", severity=Severity.WARNING, layout=layout,
                         span=reader.block.source.span(first.start, first.end),
                         message="table 四's numbers on one line hold one that is not a number as written, "
                         "and a group whose numbers are all readable does not add up: the run's cells may "
                         "not be where they were printed (a cell lost, one split); its values are left out")
              for first in reader.misaligned]
    # Numbers joined from pieces are the arithmetic's choice: derived, with the rule.
    rules = {reader.block.source.to_raw(start): rule for start, rule in reader.joined.items()}
    cells = tuple(attrs.evolve(c, origin=Origin.DERIVED, rule=rules[c.span.offset])
                  if c.span is not None and c.span.offset in rules else c for c in result.cells)
    result = attrs.evolve(result, cells=cells, diagnostics=(*result.diagnostics, *found))
    for starts in reader.blank_totals:
        result = _without_if_it_breaks_a_rule(result, {reader.block.source.to_raw(s) for s in starts}, layout)
    return result


def _without_if_it_breaks_a_rule(result: LayoutResult, offsets: set[int], layout: str) -> LayoutResult:
    """``result`` without the row whose values stand at ``offsets``, unless the column rules vouch for them.

    Laid out by characters, a row that printed no total is read as it stands;
    but a number glued to its neighbour, or a lost cell, also leaves the total's
    column blank, with every number after it a column left.  Only the column
    rules (result rows against the 总计 row, new + carried over = total +
    carried forward) tell the two apart: each of the row's values must keep one
    that every value it involves is stated for.
    """
    row = [c for c in result.cells if c.span is not None and c.span.offset in offsets
           and c.field_id.startswith("requests.") and c.value is not None]
    if not row:
        return result
    stated = {c.field_id: c.value for c in result.cells if c.field_id.startswith("requests.")}
    columns = [(left, right) for code, left, right in rule_sides(stated, result.template)
               if code in _COLUMN_RULES]
    if all(any(rule_holds(left, right, stated) for left, right in columns if c.field_id in (*left, *right))
           for c in row):
        return result
    name = fields.split_field_id(row[0].field_id)[1]
    problem = Diagnostic(code="cell-count", severity=Severity.WARNING, layout=layout, span=row[0].span,
                         field_ids=tuple(c.field_id for c in row),
                         message=f"section 三 row {name!r}: laid out by characters, its numbers leave the "
                         "total's column blank, and no column rule vouches for each: a number glued to its "
                         "neighbour or a lost cell may have moved them a column; its values are left out")
    kept = tuple(c for c in result.cells if c not in row)
    return attrs.evolve(result, cells=kept, diagnostics=(*result.diagnostics, problem))


_COLUMN_RULES: Final = ("rule-result-rows", "rule-balance")  # the rules that check a requests column


def _read_oriented(block: Block) -> LayoutResult:
    """The block read in the orientation the document shows, or only what both orientations agree on.

    Lines of numbers alone belong to the label above them (pypdfium2,
    pdftotext) or to the one below (pdfplumber, for rows whose label cell is the
    taller).  Lines of numbers with a label on one side only tell which
    (``_orientation``), and the table's rules must not contradict it; where no
    line tells, the rules must choose.  Where neither settles it, values that the
    two readings give differently are left out.
    """
    labels_first = _reader(block)
    first = _with_unchecked(block.assemble(labels_first.rows, layout=NAME, blanks_vanish=True), labels_first)
    if not any(kind == "numbers" for stretch in labels_first.shapes for kind, _ in stretch):
        return first
    gathered = sum(1 for row in labels_first.stacked if len(row) > 2)
    if gathered * 2 >= sum(1 for row in labels_first.rows if len(row) > 1):
        return first  # numbers one per line under their label: read in order, nothing stands before its label
    shown = _orientation(labels_first.shapes)
    first_tally = _rules_tally(first)
    if shown == "labels first" and first_tally[1] == 0:
        return first  # what the table shows, breaking no rule: no other reading can be kept over it
    second_reader = _reader(block, values_first=True, read_before=labels_first)
    # (Where each line of numbers alone went to the same row either way, the result is the same.)
    second = None if _read_alike(labels_first, second_reader) else _with_unchecked(
        block.assemble(second_reader.rows, layout=NAME, blanks_vanish=True), second_reader)
    if second is None or _stated(first) == _stated(second):
        return first
    chosen = _chosen_reading(shown, first_tally, _rules_tally(second))
    if chosen is not None:
        return first if chosen == "labels first" else second
    by_stretch = _read_by_stretch(block, labels_first, first, second) if shown == "unclear" else None
    return by_stretch or _only_agreed(block, first, second, shown)


def _stated(result: LayoutResult) -> set[tuple[str, object]]:
    """(field id, value) of each cell a reading gives."""
    return {(c.field_id, c.value) for c in result.cells}


def _read_alike(first: _RowReader, second: _RowReader) -> bool:
    """True when two readers gathered the same rows and noted the same things of them (same result)."""
    return (first.rows == second.rows and first.unchecked == second.unchecked
            and first.misaligned == second.misaligned
            and first.joined == second.joined and first.blank_totals == second.blank_totals)


def _only_agreed(
    block: Block, first: LayoutResult, second: LayoutResult, shown: Orientation | None,
) -> LayoutResult:
    """The values both readings give alike, and a diagnostic naming the others (left out)."""
    read_first, read_second = _stated(first), _stated(second)
    kept = read_first & read_second
    differing = sorted({f for f, _ in read_first ^ read_second})
    return attrs.evolve(
        first, cells=tuple(c for c in first.cells if (c.field_id, c.value) in kept),
        diagnostics=(*first.diagnostics, Diagnostic(
            code="orientation-unclear", severity=Severity.WARNING, layout=NAME, field_ids=tuple(differing),
            span=block.span(0, 0),
            message=f"lines of numbers stand alone, and the document does not settle whether each "
            f"belongs to the label above or below it (the table shows {shown or 'neither way'}); "
            f"{len(differing)} values the two readings give differently are left out",
        )),
    )


def _read_by_stretch(
    block: Block, reader: _RowReader, first: LayoutResult, second: LayoutResult,
) -> LayoutResult | None:
    """Each stretch of table (between captions and headers) read in the orientation it shows itself.

    pdftotext without ``-layout`` may print a one-row stretch's number before
    its label (本年处理决定数量 / 550 / 行政许可) and the next stretch's after
    theirs.  A value is taken from the reading its own stretch shows; in a
    stretch that shows neither, only where both readings agree.  None (the
    block is not read this way) where a stretch shows both ways, where two
    stretches give one field different values, or where the values break a rule.
    """
    shown = [_orientation([lines]) for lines in reader.shapes]
    if "unclear" in shown or not {"labels first", "values first"} <= set(shown):
        return None
    starts = [block.source.to_raw(block.start + s) for s in reader.stretch_starts]

    def shown_at(offset: int) -> Orientation | None:
        return shown[bisect.bisect_right(starts, offset) - 1]

    agreed = _stated(first) & _stated(second)
    taken: dict[str, Cell] = {}
    for reading, orientation in ((first, "labels first"), (second, "values first")):
        for cell in reading.cells:
            if cell.span is None:
                return None
            at = shown_at(cell.span.offset)
            if at != orientation and not (at is None and (cell.field_id, cell.value) in agreed):
                continue
            if taken.setdefault(cell.field_id, cell).value != cell.value:
                return None
    # Each reading's word on its own stretches; the labels-first reading's on the rest.
    diagnostics = [
        *(d for d in first.diagnostics if d.span is None or shown_at(d.span.offset) != "values first"),
        *(d for d in second.diagnostics if d.span is not None and shown_at(d.span.offset) == "values first")]
    result = attrs.evolve(first, cells=tuple(taken.values()), diagnostics=tuple(diagnostics))
    return result if _rules_tally(result)[1] == 0 else None


@hookimpl
def govinfo_layout_info() -> LayoutInfo:
    return INFO


@hookimpl
def govinfo_sniff_block(block: Block) -> LayoutScore | None:
    if "\t" in block.text:
        return None
    lines = [line for line in block.text.split("\n") if line.strip()]
    rows = [_split_row(_strip_footer(line).replace("|", " ")) for line in lines]  # pipes: borders
    # Rows of numbers, or of one number after a label that names its row (a sparse or 2021 table).
    numeric = sum(1 for m in rows if m is not None and (len(m.values) >= 2 or _names_a_row(m.label)))
    # Table 四's bare numbers: fifteen, or fewer where blank cells left nothing (PDF text).
    least = 1 if block.section.kind is SectionKind.APPEALS and "尚未" in block.text else _APPEALS_VALUES
    bare_appeals = any(m is not None and len(m.values) >= least and not m.label for m in rows)
    # Or one cell per line, as PyMuPDF, pypdf and pdftotext without -layout print a table.
    lone = sum(1 for m in rows if m is not None and len(m.values) == 1 and not m.label)
    if numeric < 2 and not bare_appeals and lone < _REQUESTS_COLUMNS:
        return None
    if not labels.table_words(block.text) and not bare_appeals:
        return None
    score = min(1.0, 0.2 + numeric / max(len(lines), 1))
    if sum(1 for line in lines if "|" in line) * 2 > len(lines) and not holds_pdf_lines(block.text):
        score = min(score, _UNDER_MARKDOWN)  # pipes parting cells: markdown's to read, blanks and all
    return LayoutScore(layout=NAME, score=score)


_UNDER_MARKDOWN: Final = 0.9
# A PDF converter's pipe table (markitdown) puts two columns' numbers in one cell (| 0 0 |):
# its cells are pieces of the PDF's lines, read here as PDF text, not as Markdown cells.
_SEVERAL_NUMBERS: Final = LazyPattern(r"\|[ ]*\d[\d,]*(?:[ ]+\d[\d,]*)+[ ]*(?=\|)")
_PDF_LINES_CELLS: Final = 3


def holds_pdf_lines(text: str) -> bool:
    """True when Markdown pipe cells hold several numbers apiece: the table frames a PDF's lines."""
    return len(_SEVERAL_NUMBERS.findall(text)) >= _PDF_LINES_CELLS


@hookimpl
def govinfo_parse_block(block: Block, layout: str) -> LayoutResult | None:
    if layout != NAME:
        return None
    return _read_oriented(block)


__all__ = ["INFO", "NAME", "holds_pdf_lines", "read_cell_stream", "read_rows"]
