"""Table cells glued together: a page's text with nothing between its cells.

What BeautifulSoup's ``get_text()`` and many crawlers save of a report page::

    规章000行政规范性文件77132470第二十条第（五）项…
    一、本年新收政府信息公开申请数量801000081二、上年结转…
    （三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开…
    （一）予以公开  34203616106            <- a space: an empty cell (&nbsp;)

A run of digits after a row's label holds that row's cells.  How it splits
into them is decided, never guessed: a number is written without leading
zeros (a lone 0 aside), with thousands groups of three, with a sign only
where a change is counted and a decimal point only where money is; a
requests row's six applicant columns add up to its total, each column of the
table to its totals, each group of table 四 to its own total.  A split is
taken only when exactly one satisfies every rule that applies; a row whose
run splits several ways is left out with a diagnostic.  A value whose cell
boundary was decided so is marked derived, with the rule.  The item number of
the next row (``…0000000`` + ``2.其他…``) belongs to that row's label.  A
placeholder among the digits (``/``, ``无``, ``不适用``, ``--``) is an empty
cell; a lone hyphen is read both as a placeholder and as the next number's
sign.  A row whose splits would take more work than a bound allows is left
out like one that splits several ways.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs

from govinfo_parse import fields, hookimpl, labels
from govinfo_parse.checks import requests_row_adds_up
from govinfo_parse.layout import Block, LayoutInfo, LayoutResult, LayoutScore, RawCell
from govinfo_parse.model import Diagnostic, Origin, SectionKind, Severity
from govinfo_parse.patterns import LazyPattern

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from govinfo_parse.fields import Template

NAME = "glued_text"
INFO = LayoutInfo(
    name=NAME,
    aliases=("get-text", "crawler"),
    version_added="0.2",
    description="A page's text with its table cells glued together (BeautifulSoup get_text(), crawlers); "
    "runs of digits split into cells by the table's own arithmetic.",
)

# A cell that holds no number: a placeholder (无 not the first word of 无法提供 or 无正当理由…).
_PLACEHOLDER: Final = r"不适用|暂无|无(?![法正])|[/／*]|[-—－]{2,}|—"
# Values stand between labels: digits with their signs, separators, placeholders and empty
# cells (spaces).  A run of empty cells alone (spaces: &nbsp;) is a row that printed no number.
# A run of them, read greedily: a run of dashes whole, a lone - or — alone (a lone － is no value).
_VALUES: Final = LazyPattern(r"(?:[\d ,.+/／*]|[-—－]{2,}|[-—]|不适用|暂无|无(?![法正]))+")
_DIGIT: Final = LazyPattern(r"\d")
_BLANKS: Final = LazyPattern(r" {2,}")
_ITEM: Final = LazyPattern(rf" |{_PLACEHOLDER}|-|[^ \-/／*—－无不暂]+")
# 2.其他… : the next row's item number, glued after a row's digits; it is the label's.
_ITEM_AFTER: Final = LazyPattern(r"[1-9][.、]$")
_GLUED: Final = LazyPattern(r"[\u4e00-\u9fff)）]\d{5,}")  # a label, then five digits or more at once
_GLUED_RUN: Final = LazyPattern(r"(?<=[\u4e00-\u9fff)）])\d[\d,.+\-]+")  # a label, then two digits or more
_PROSE_AFTER: Final = LazyPattern(r"[件条个项次年月日%％元人家余多个]")
_LEAST_GLUED: Final = 3
_MOST_READINGS: Final = 200_000  # splits of one row tried at most; beyond, the row is left out
_LONGEST_NUMBER: Final = 16  # characters of one cell's number at most (9,999,999,999.99 and a sign)
_MOST_WORK: Final = 300_000  # steps (placements, splits listed) one row's readings may take
_FEASIBLE_WORK: Final = 5_000  # steps to find whether a row has a reading at all
_LONGEST_LABEL: Final = 60
_NUMBER: Final = LazyPattern(r"(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)")
_APPEALS_CELLS: Final = len(fields.APPEALS_GROUPS) * len(fields.APPEALS_COLUMNS)
_REQUESTS_CELLS: Final = len(fields.REQUESTS_COLUMNS)


def _regions(text: str) -> Iterator[tuple[int, int]]:
    """Where values stand: each run of values holding a digit, and in a run without one, its blanks.

    The runs are found once each, left to right.  (As one pattern, values
    around a digit, a run of dashes without one, a line of a web page's
    separator, could be read as values in exponentially many ways before the
    pattern gave up.)
    """
    run = _VALUES.search(text)
    while run is not None:
        start, end = run.span()
        if _DIGIT.search(text, start, end):
            yield start, end
        else:
            yield from (m.span() for m in _BLANKS.finditer(text, start, end))
        run = _VALUES.search(text, end)


# A header word for each section-二 column, so the assembler places the values it is given.
_ACTIVE_HEADER: Final = {
    "made": "本年新制作数量", "published": "本年新公开数量", "total_published": "对外公开总数量",
    "prev_items": "上一年项目数量", "change": "本年增/减", "items": "采购项目数量", "amount": "采购总金额",
    "issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数",
    "fee_amount": "本年收费金额",
}


class _Piece(NamedTuple):  # a tuple: rows are read tens of thousands of ways, each of pieces
    """One number of a run, as written, with its place in the block text."""

    text: str
    start: int
    end: int


Reading = tuple[_Piece | None, ...]  # a row's cells: a number, or None for an empty cell
_DASH: Final = "-"  # a lone hyphen: a placeholder cell, or the sign of the number glued after it
Item = _Piece | None | str


def _valid(text: str, column: str) -> bool:
    """True when ``text`` is a number as a report writes one in ``column``."""
    sign, body = (text[0], text[1:]) if text[:1] in "+-" else ("", text)
    if sign and column not in fields.SIGNED_COLUMNS:
        return False
    whole, _, fraction = body.partition(".")
    if fraction and (column not in fields.AMOUNT_COLUMNS or not fraction.isdigit()):
        return False
    return bool(_NUMBER.fullmatch(whole)) and (not sign or whole != "0")


def _items(region: str, start: int) -> list[Item]:
    """A region as empty cells (a space or a placeholder each), lone hyphens and runs of glued digits."""
    items: list[Item] = []
    for m in _ITEM.finditer(region):
        piece = m.group()
        if piece == _DASH:
            items.append(_DASH)
        elif piece == " " or re.fullmatch(_PLACEHOLDER, piece):
            items.append(None)
        else:
            items.append(_Piece(piece, start + m.start(), start + m.end()))
    return items


_MOST_DASHES: Final = 6  # lone hyphens in one row read both ways at most; beyond, the row is left out


def _dash_readings(items: Sequence[Item]) -> Iterator[list[_Piece | None]]:
    """The row's items with each lone hyphen read as a placeholder cell, and as the next number's sign."""
    dashes = [i for i, item in enumerate(items) if item == _DASH]
    if len(dashes) > _MOST_DASHES:
        return
    for signs in itertools.product((False, True), repeat=len(dashes)):
        as_sign = {i for i, sign in zip(dashes, signs, strict=True) if sign}
        out: list[_Piece | None] = []
        skip = False
        for i, item in enumerate(items):
            if skip:
                skip = False
                continue
            if item == _DASH:
                after = items[i + 1] if i + 1 < len(items) else None
                if i not in as_sign:
                    out.append(None)
                    continue
                if not isinstance(after, _Piece) or after.text[:1] in "+-":
                    break  # a sign with no number after it: not this reading
                out.append(_Piece("-" + after.text, after.start - 1, after.end))
                skip = True
            else:
                out.append(item)  # type: ignore[arg-type]
        else:
            yield out


class _TooMany(Exception):  # noqa: N818 - a row's readings ran past the work allowed for one row
    pass


class _Found(Exception):  # noqa: N818 - a reading exists, and that is all that was asked
    pass


@attrs.define
class _Budget:
    """The work one row's readings may take; past it, the row is left out (it splits too many ways)."""

    left: int = 0

    def spend(self, units: int = 1) -> None:
        self.left -= units
        if self.left < 0:
            raise _TooMany


def _splits(run: _Piece, columns: Sequence[str], budget: _Budget) -> Iterator[tuple[_Piece, ...]]:
    """Every way ``run`` is written as ``len(columns)`` numbers of those columns, in order."""
    text, count = run.text, len(columns)
    ways: dict[tuple[int, int], list[tuple[_Piece, ...]]] = {}

    def piece(start: int, end: int) -> _Piece:
        return _Piece(text[start:end], run.start + start, run.start + end)

    def cuts(at: int, column: int) -> list[tuple[_Piece, ...]]:
        """The numbers from ``at`` on, for the columns from ``column`` on (each way's tail made once)."""
        if (at, column) not in ways:
            found: list[tuple[_Piece, ...]] = []
            if column == count - 1:
                found = [(piece(at, len(text)),)] if _valid(text[at:], columns[column]) else []
            else:
                for end in range(at + 1, min(len(text) - (count - column - 1), at + _LONGEST_NUMBER) + 1):
                    part = text[at:end]
                    body = part.lstrip("+-")
                    if body[:1] == "0" and len(body) > 1 and body[1] != ".":
                        break  # a leading zero: no number this long or longer starts here
                    if _valid(part, columns[column]):
                        rests = cuts(end, column + 1)
                        budget.spend(len(rests) + 1)
                        head = piece(at, end)
                        found += [(head, *rest) for rest in rests]
            ways[at, column] = found
        return ways[at, column]

    yield from cuts(0, 0)


def readings(items: Sequence[Item], columns: Sequence[str]) -> list[Reading]:
    """Every reading of a row's items as one cell per column, a lone hyphen read both ways."""
    return _Readings.of(items, columns).kept


@attrs.frozen
class _Readings:
    """A row's readings that a rule keeps, out of how many its numbers' form allows."""

    kept: list[Reading]
    count: int  # readings of any arithmetic (capped past _MOST_READINGS)
    first: Reading | None  # the one reading, where there is exactly one

    @classmethod
    def of(cls, items: Sequence[Item], columns: Sequence[str],
           keep: Callable[[Reading], bool] | None = None) -> _Readings:
        kept: dict[tuple[str | None, ...], Reading] = {}
        count, first = 0, None
        budget = _Budget(_MOST_WORK)
        for variant in _dash_readings(items):
            placer = _Placer(variant, columns, keep, budget)
            try:
                placer.place(0, 0, ())
            except _TooMany:
                return cls([], _MOST_READINGS + 1, None)
            kept.update((_texts(r), r) for r in placer.found)
            count, first = count + placer.count, first or placer.first
        return cls(list(kept.values()), count, first if count == 1 else None)


class _Placer:
    """Places a row's items in its columns, every way their numbers' form allows."""

    def __init__(
        self, items: Sequence[_Piece | None], columns: Sequence[str], keep: Callable[[Reading], bool] | None,
        budget: _Budget, *, first_only: bool = False,
    ) -> None:
        self.items, self.columns, self.keep, self.budget = items, columns, keep, budget
        self.first_only = first_only  # raise _Found at the first reading
        self.found: list[Reading] = []  # the readings ``keep`` keeps
        self.count = 0  # how many readings there are
        self.first: Reading | None = None
        # The fewest and the most cells the items from i on can fill: one each, or a character each.
        self.least = [len(items) - i for i in range(len(items) + 1)]
        sizes = [1 if item is None else len(item.text) for item in reversed(items)]
        self.most = list(itertools.accumulate(sizes, initial=0))[::-1]  # (sums from the end: linear)
        self.splits: dict[tuple[int, int, int], list[tuple[_Piece, ...]]] = {}

    def place(self, i: int, column: int, sofar: tuple[_Piece | None, ...]) -> None:
        self.budget.spend()
        if self.count > _MOST_READINGS:
            raise _TooMany
        if i == len(self.items):
            if column == len(self.columns):
                self._complete(sofar)
            return
        item = self.items[i]
        if item is None:
            if column < len(self.columns):
                self.place(i + 1, column + 1, (*sofar, None))
            return
        for k in range(1, min(len(item.text), len(self.columns) - column) + 1):
            left = len(self.columns) - column - k  # for the items after this one
            if self.least[i + 1] <= left <= self.most[i + 1]:
                for parts in self.split(i, item, column, k):
                    self.place(i + 1, column + k, (*sofar, *parts))

    def _complete(self, reading: Reading) -> None:
        kept = self.keep is None or self.keep(reading)
        if self.first_only and kept:
            raise _Found
        self.count += 1
        self.first = self.first or reading
        if kept:
            self.found.append(reading)

    def split(self, i: int, item: _Piece, column: int, k: int) -> list[tuple[_Piece, ...]]:
        if (i, column, k) not in self.splits:
            self.splits[i, column, k] = list(_splits(item, self.columns[column:column + k], self.budget))
        return self.splits[i, column, k]


def _fills(items: Sequence[Item], columns: Sequence[str], keep: Callable[[Reading], bool] | None) -> bool:
    """True when ``items`` can be written as ``columns``' cells in a way ``keep`` keeps.

    Looked for with little work: a row whose ways are too many to look through shows nothing.
    """
    budget = _Budget(_FEASIBLE_WORK)
    try:
        for variant in _dash_readings(items):
            _Placer(variant, columns, keep, budget, first_only=True).place(0, 0, ())
    except (_Found, _TooMany):
        return True
    return False


def _shows_a_traceless_blank(key: str, items: Sequence[Item], columns: Sequence[str]) -> bool:
    """True when a row's characters fill its cells only where an empty cell printed nothing.

    Too few characters for its cells show it; so does a requests row none of
    whose readings keeps its total while one with an empty cell somewhere adds
    up (``00019019``: 0 0 | empty | 0 19 0 19).  A report's own slip in a total
    keeps no reading either, but seldom adds up with a cell taken out.
    """
    if not _fills(items, columns, None):
        return True
    if not key.startswith("requests.") or _fills(items, columns, _row_total_holds):
        return False
    return any(_fills(items, (*columns[:j], *columns[j + 1:]), _adds_up_with_empty_cell_at(j))
               for j in range(len(columns) - 1))  # an empty total has nothing to add up to


def _adds_up_with_empty_cell_at(j: int) -> Callable[[Reading], bool]:
    return lambda reading: _total_kept((*reading[:j], None, *reading[j:]))


def _number(piece: _Piece | None) -> float | None:
    return None if piece is None else _amount(piece.text)


@lru_cache(maxsize=4096)
def _amount(text: str) -> float:
    """A written number's value (asked of the same few texts across a row's many readings)."""
    return float(text.replace(",", ""))


def _row_total_holds(reading: Reading) -> bool:
    if None in reading:
        return True  # an empty cell: nothing to check
    *parts, total = [_amount(p.text) for p in reading]  # type: ignore[union-attr]
    return sum(parts) == total


def _total_kept(reading: Reading) -> bool:
    """True when a requests row's stated total is the sum of its other cells (placeholders as nothing)."""
    numbers = [_number(p) for p in reading]
    return requests_row_adds_up([int(n) if n is not None and n.is_integer() else n for n in numbers])


def _groups_hold(reading: Reading) -> bool:
    width = len(fields.APPEALS_COLUMNS)
    for g in range(len(fields.APPEALS_GROUPS)):
        values = [_number(p) for p in reading[g * width:(g + 1) * width]]
        if None not in values and sum(values[:-1]) != values[-1]:  # type: ignore[arg-type]
            return False
    return True


@attrs.define
class _Row:
    """A row found in the glued text: what it is, its label, and its possible readings."""

    key: str  # "requests.<row>", "active.<row>" or "appeals"
    label: RawCell
    readings: list[Reading]  # of a requests row, those that keep its total (all, where it is solid)
    solid: bool  # its digits make its cells one way only
    runs: frozenset[tuple[int, int]]  # where each run of glued characters stands, as written
    too_many: bool = False  # its digits make its cells in more ways than are tried
    # Its characters fill its cells without an empty cell that printed nothing (see
    # _shows_a_traceless_blank; found only where rows are listed without their readings).
    fills: bool = True
    dash_before_digit: bool = False  # -277: a sign, or a placeholder before a number


_GROUP_LABELS: Final = {"denied": "(三)不予公开", "unable": "(四)无法提供", "not_processed": "(五)不予处理",
                        "other": "(六)其他处理"}


def _named(row: _Row) -> RawCell:
    """The row's label, with its group's where it is a sub-row, so it names the row it was read as."""
    key = row.key.removeprefix("requests.")
    group = key.partition(".")[0] if "." in key and row.key.startswith("requests.") else None
    if group is None or labels.match_requests_group(row.label.text):
        return row.label
    return RawCell(_GROUP_LABELS[group] + row.label.text, row.label.start, row.label.end)


def _template(text: str) -> Template:
    return "2021" if re.search(r"制发|现行有效|本年处理决定", text) else "2019"


def _active_row_at_end(label: str) -> tuple[str, int] | None:
    """The section-二 row a label ends with, and where its name starts (the header's words precede it)."""
    text = label.rstrip()
    best: tuple[int, int, str] | None = None
    for pattern, row in labels.ACTIVE_ROW_LABELS:
        for m in re.finditer(pattern.pattern.lstrip("^"), text):
            if len(text) - m.end() <= 2 and (best is None or m.end() > best[0]):
                best = (m.end(), m.start(), row)
    return (best[2], best[1]) if best else None


def _find_rows(block: Block, template: Template, *, readings: bool = True) -> list[_Row]:
    """Label, then values, over and over: each row with every reading its values allow.

    Without ``readings``, only whether each row ``fills`` its cells at all.
    """
    text, rows = block.text, []
    group: labels.RequestsGroup | None = None
    previous: str | None = None
    label_start = 0
    for start, region_end in _regions(text):
        end = region_end
        if _PROSE_AFTER.match(text, end):  # 393件, 2023年: a figure of a sentence, not of a table
            continue
        if (item := _ITEM_AFTER.search(text, start, end)) and re.match(r"[\u4e00-\u9fff]", text[end:end + 1]):
            end = item.start()  # the next row's item number
        if not text[start:end].strip():
            # Blank cells after a whole row label: that row printed nothing, and its label is not
            # the next row's (else 其他处理's numbers are read as the row before it).
            if labels.rows_named(text[label_start:start].strip()[-_LONGEST_LABEL:]):
                label_start = end
            continue  # an item number alone, or blanks: part of the label being read
        label_text = text[label_start:start]
        # The label proper: the header's words may stand before it.
        tail = max(label_start, start - _LONGEST_LABEL)
        label = block.cell(tail, start, text=text[tail:start].strip())
        label_start = end
        region = text[start:end]
        if not region.strip() or not label_text.strip():
            continue
        items = _items(region, block.start + start)
        found = _row_for(label_text, template, group, previous, block)
        if found is None:
            continue
        key, columns, name_at = found
        if name_at is not None:  # the row's own name, without the header's words before it
            label = block.cell(start - len(label_text.rstrip()) + name_at, start,
                               text=label_text.rstrip()[name_at:])
        if key.startswith("requests."):
            group = labels.match_requests_group(label_text) or group
            previous = key.removeprefix("requests.")
        rows.append(_read_row(key, label, items, columns, region) if readings
                    else _Row(key, label, [], solid=False, runs=frozenset(),
                              fills=not _shows_a_traceless_blank(key, items, columns)))
    return rows


def _rule_of(key: str) -> Callable[[Reading], bool] | None:
    """The arithmetic a row's reading must keep: a requests row's total, table 四's groups' totals."""
    return _row_total_holds if key.startswith("requests.") else _groups_hold if key == "appeals" else None


def _read_row(key: str, label: RawCell, items: Sequence[Item], columns: Sequence[str], region: str) -> _Row:
    """The row with every reading of its items that its rule keeps (the one, where its form allows one)."""
    runs = frozenset((i.start, i.end) for i in items if isinstance(i, _Piece))
    ways = _Readings.of(items, columns, _rule_of(key))
    too_many = ways.count > _MOST_READINGS
    kept = [] if too_many else [ways.first] if ways.first is not None else ways.kept
    return _Row(key, label, kept, solid=ways.first is not None, too_many=too_many, runs=runs,
                dash_before_digit=re.search(r"-\d", region) is not None)


def _blanks_leave_no_trace(block: Block) -> bool:
    """True when a row of the document fills its cells only with an empty cell that printed nothing.

    Where a page's empty cells held nothing (not even ``&nbsp;``), its text
    keeps no trace of them: a run of digits may then hold empty cells anywhere
    (行政处罚 ``21+41``: 21 | +41 | empty, not 21 | +4 | 1), and no split of it
    can be trusted.  A row too short for its cells, or one whose total holds
    only with an empty cell among its digits, shows that the page is such a
    page; any section's row will do, so the whole document is looked at.
    """
    text = block.source.text
    if text not in _NO_TRACE:
        if len(_NO_TRACE) > _DOCUMENTS_KEPT:
            _NO_TRACE.clear()
        whole = Block(source=block.source, start=0, end=len(text),
                      section=attrs.evolve(block.section, kind=SectionKind.REQUESTS))
        _NO_TRACE[text] = not all(row.fills for row in _find_rows(whole, _template(text), readings=False))
    return _NO_TRACE[text]


# What ``_blanks_leave_no_trace`` found of the last documents: each of a document's blocks asks.
_NO_TRACE: dict[str, bool] = {}
_DOCUMENTS_KEPT: Final = 8


def _row_for(
    label: str, template: Template, group: labels.RequestsGroup | None, previous: str | None, block: Block,
) -> tuple[str, tuple[str, ...], int | None] | None:
    """The row a label names, the columns its values fill, and where a section-二 row's name starts."""
    if "审结" in label[-_LONGEST_LABEL:] and "总计" in label[-_LONGEST_LABEL:]:  # table 四's header
        return "appeals", tuple(c for _ in fields.APPEALS_GROUPS for c in fields.APPEALS_COLUMNS), None
    tail = label.strip()[-_LONGEST_LABEL:]
    if len(labels.rows_named(tail)) > 1:
        return None  # two rows' words: a row between them printed nothing the text kept
    requests_row = labels.match_requests_row(tail, labels.match_requests_group(tail) or group, previous)
    if requests_row is not None and block.section.kind is not SectionKind.ACTIVE:
        return f"requests.{requests_row}", fields.REQUESTS_COLUMNS, None
    found = _active_row_at_end(label)
    columns = fields.ACTIVE_ROWS[template].get(found[0]) if found else None
    if found and columns:
        return f"active.{found[0]}", columns, found[1]
    return None


def _settle_requests(rows: list[_Row], template: Template) -> dict[int, Reading]:
    """The one reading of each requests row that its form, its total and the column totals leave.

    A row whose digits can be written as its cells one way only is read so,
    whatever its arithmetic (a report's own typo stays as printed).  The other
    rows' readings must keep their row total, and are then tried together
    against the column rules, with the rows read one way only: a row is taken
    when every combination that keeps every rule agrees on it, and each of its
    columns was checked by a complete rule.  No reading is decided on the
    strength of another decided one: a coincidence cannot cascade.
    """
    requests = [i for i, r in enumerate(rows) if r.key.startswith("requests.")]
    settled = {i: rows[i].readings[0] for i in requests if rows[i].solid}
    known = {k: v for i, reading in settled.items() for k, v in _values(_name(rows[i]), reading)}
    undecided = [i for i in requests if i not in settled]
    for i in undecided:  # (their readings keep the row total already)
        alone, _ = _fitting([rows[i].readings], _column_checks([_name(rows[i])], known, template))
        rows[i].readings = [reading for reading, in alone]
    undecided = [i for i in undecided if rows[i].readings]
    size = 1
    for i in undecided:
        size *= len(rows[i].readings)
    if not undecided or size > _MOST_TOGETHER:
        return settled
    names = [_name(rows[i]) for i in undecided]
    if len(set(names)) < len(names):
        return settled  # a row printed twice: which of its readings a rule sees is not told
    fitting, checked = _fitting([rows[i].readings for i in undecided], _column_checks(names, known, template))
    for n, i in enumerate(undecided):
        if len({_texts(combo[n]) for combo in fitting}) == 1 and checked[n] >= set(fields.REQUESTS_COLUMNS):
            settled[i] = fitting[0][n]
    return settled


def _fitting(
    readings: list[list[Reading]], checks: list[_ColumnCheck],
) -> tuple[list[tuple[Reading, ...]], list[set[str]]]:
    """The combinations of the undecided rows' readings that break no column rule, and their checked columns.

    A row's column is checked where, in some such combination, a rule it takes
    part in has all its values.
    """
    fitting: list[tuple[Reading, ...]] = []
    checked: list[set[str]] = [set() for _ in readings]
    for combo in itertools.product(*readings):
        values = [[_number(piece) for piece in reading] for reading in combo]
        complete = [check for check in checks if all(values[n][check.at] is not None for n in check.terms)]
        if not all(check.holds(values) for check in complete):
            continue
        fitting.append(combo)
        for check in complete:
            for n in check.terms:
                checked[n].add(check.column)
    return fitting, checked


@attrs.frozen
class _ColumnCheck:
    """A column rule for one column: each side's rows, an undecided row's place or a settled row's value."""

    column: str
    at: int  # the column's place in a reading
    left: tuple[tuple[int, float], ...]  # (undecided row, 0.0), or (-1, a settled row's value)
    right: tuple[tuple[int, float], ...]
    terms: tuple[int, ...] = attrs.field(init=False)  # the undecided rows the rule takes part in

    @terms.default
    def _undecided_rows(self) -> tuple[int, ...]:
        return tuple(n for n, _ in (*self.left, *self.right) if n >= 0)

    def holds(self, values: list[list[float | None]]) -> bool:
        at = self.at
        return (sum(values[n][at] if n >= 0 else v for n, v in self.left)  # type: ignore[misc]
                == sum(values[n][at] if n >= 0 else v for n, v in self.right))  # type: ignore[misc]


def _column_checks(undecided: list[str], known: dict[str, float], template: Template) -> list[_ColumnCheck]:
    """The column rules an undecided row takes part in, where every other row of the rule is settled.

    A rule with a row neither settled nor undecided never has all its values:
    it checks nothing.
    """
    checks = []
    for left, right in _rules(template):
        if not any(r in undecided for r in (*left, *right)):
            continue
        for at, column in enumerate(fields.REQUESTS_COLUMNS):
            sides = [tuple((undecided.index(r), 0.0) if r in undecided
                           else (-1, known.get(f"requests.{r}.{column}")) for r in side)
                     for side in (left, right)]
            if any(value is None for side in sides for _, value in side):
                continue
            checks.append(_ColumnCheck(column=column, at=at, left=sides[0], right=sides[1]))  # type: ignore[arg-type]
    return checks


def _name(row: _Row) -> str:
    return row.key.removeprefix("requests.")


def _texts(reading: Reading) -> tuple[str | None, ...]:
    return tuple(p.text if p else None for p in reading)


def _values(row: str, reading: Reading) -> Iterator[tuple[str, float]]:
    for column, piece in zip(fields.REQUESTS_COLUMNS, reading, strict=True):
        if (value := _number(piece)) is not None:
            yield f"requests.{row}.{column}", value


_MOST_TOGETHER: Final = 50_000  # combinations of undecided rows tried at most


def _rules(template: Template) -> list[tuple[Sequence[str], Sequence[str]]]:
    return [(fields.REQUESTS_RESULT_ROWS[template], ("total",)),
            (("new_received", "carried_over"), ("total", "carried_forward"))]


@hookimpl
def govinfo_layout_info() -> LayoutInfo:
    return INFO


@hookimpl
def govinfo_sniff_block(block: Block) -> LayoutScore | None:
    if "\t" in block.text or not labels.table_words(block.text):
        return None
    glued = len(_GLUED.findall(block.text))
    # Table 二's rows print few digits each (规章000), table 四 one run of fifteen after its header.
    runs = [m for m in _GLUED_RUN.finditer(block.text) if not _PROSE_AFTER.match(block.text, m.end())]
    short = sum(1 for m in runs if block.section.kind is SectionKind.ACTIVE)
    appeals = any(m.end() - m.start() >= _APPEALS_CELLS for m in runs) and "审结" in block.text
    if glued < _LEAST_GLUED and short < _LEAST_GLUED and not appeals:
        return None
    return LayoutScore(layout=NAME, score=0.95)


def _doubt(row: _Row, reading: Reading, *, cut: bool, no_trace: bool) -> str | None:
    """Why a row's one reading is not taken, or None."""
    # Where empty cells leave no trace, -277 may be an empty cell and -277 as well as - and 277.
    if no_trace and (cut or row.dash_before_digit):
        return ("its digits run together, and this page's empty cells left no trace (a row's digits "
                "fill its cells, or keep its total, only with an empty cell among them), so empty cells "
                "may stand anywhere among them")
    # A hyphen read as an empty cell before a number: or the number's minus, after an empty cell
    # that printed nothing (-133 in 上一年项目数量 | 本年增/减).
    if row.dash_before_digit and None in reading and row.key.startswith("active."):
        return "a hyphen before its digits may be an empty cell or a change's minus"
    # Cut one way by their form, but not adding up: an empty cell that left no trace may stand
    # among them (00/0150 is 0 0 / 0 15 0 and an empty total, not 0 0 / 0 1 5 0).
    if cut and row.key.startswith("requests.") and not _total_kept(reading):
        return ("its digits run together and, cut the one way their form allows, do not add up to the "
                "row's total")
    return None


def _left_out(block: Block, row: _Row, why: str) -> Diagnostic:
    return Diagnostic(code="glued-cells", severity=Severity.WARNING, layout=NAME,
                      span=block.source.span(row.label.start, row.label.end),
                      message=f"{row.key}: {why}; its values are left out")


@hookimpl
def govinfo_parse_block(block: Block, layout: str) -> LayoutResult | None:
    if layout != NAME:
        return None
    template = _template(block.text)
    rows = _find_rows(block, template)
    if any(row.key.startswith("requests.other.") for row in rows):
        template = "2021"  # (六)'s three sub-rows: the 2021 format's rules
    settled = _settle_requests(rows, template)
    no_trace = _blanks_leave_no_trace(block)
    table_rows: list[list[RawCell]] = []
    derived: dict[int, str] = {}
    problems: list[Diagnostic] = []
    for i, row in enumerate(rows):
        options = [settled[i]] if i in settled else [] if row.key.startswith("requests.") else row.readings
        if row.key == "appeals":
            options = [r for r in options if _groups_hold(r)]
        if len({_texts(r) for r in options}) != 1:
            ways = len({_texts(r) for r in row.readings}) if row.key.startswith("requests.") else len(options)
            ways_text = "more" if row.too_many else ways or "no"
            problems.append(_left_out(block, row, f"its digits run together and split into cells in "
                                      f"{ways_text} ways the table's rules allow"))
            continue
        reading = options[0]
        cut = any(p is not None and (p.start, p.end) not in row.runs for p in reading)
        if (why := _doubt(row, reading, cut=cut, no_trace=no_trace)) is not None:
            problems.append(_left_out(block, row, why))
            continue
        cells = [RawCell("", row.label.end, row.label.end) if p is None else RawCell(p.text, p.start, p.end)
                 for p in reading]
        if cut:
            rule = (f"the cells of {''.join(p.text if p else ' ' for p in reading)!r} as written without "
                    "separators, split the one way the numbers' form and the table's rules allow")
            derived.update((block.source.to_raw(p.start), rule) for p in reading if p is not None)
        if row.key.startswith("active."):
            columns = fields.ACTIVE_ROWS[template][row.key.removeprefix("active.")]
            table_rows.append([RawCell("信息内容", row.label.start, row.label.start),
                               *(RawCell(_ACTIVE_HEADER.get(c, "处理决定数量" if template == "2019"
                                                           else "本年处理决定数量"),
                                         row.label.start, row.label.start) for c in columns)])
        if row.key == "appeals":  # its header, so the values are read as table 四's, in its order
            table_rows.append([RawCell(t, row.label.end, row.label.end) for t in ("结果维持", "结果纠正")])
        table_rows.append(cells if row.key == "appeals" else [_named(row), *cells])
    result = block.assemble(table_rows, layout=NAME)
    marked = tuple(attrs.evolve(c, origin=Origin.DERIVED, rule=derived[c.span.offset])
                   if c.span is not None and c.span.offset in derived else c for c in result.cells)
    return attrs.evolve(result, cells=marked, diagnostics=(*result.diagnostics, *problems))


__all__ = ["INFO", "NAME", "readings"]
