"""What the audit page shows of one report, as plain data for its template.

Every value cell of the official tables gets a ``ValueView`` (its text, how it
came to be known, why it is in doubt); the document's text is cut into
``TextPiece`` runs so that each value's source span is one element the page
can highlight.  Nothing here writes HTML: the template does, autoescaped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

import attrs

from govinfo_parse.api import expected_fields
from govinfo_parse.model import DOUBT_CODES, Cell, CellKind, Origin, Report, Severity
from govinfo_parse.official import Grid, official_grids

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["DiagnosticView", "DrawnCell", "TableView", "TextPiece", "ValueView", "diagnostics", "tables",
           "text_pieces", "values_read"]

#: How a value came to be shown: read, derived, from prose, or not stated at all.
State = Literal["read", "ocr", "derived", "narrative", "blank", "unreadable", "missing"]

_ORIGIN_STATES: Final[dict[Origin, State]] = {
    Origin.READ: "read", Origin.OCR: "ocr", Origin.DERIVED: "derived", Origin.NARRATIVE: "narrative"}

_CAPTIONS: Final = {
    "active": "二、主动公开政府信息情况",
    "requests": "三、收到和处理政府信息公开申请情况",
    "appeals": "四、政府信息公开行政复议、行政诉讼情况",
}


@attrs.frozen
class ValueView:
    """One value position of a table, as the page draws it."""

    field_id: str
    text: str
    state: State
    doubtful: bool
    #: What hovering tells: the raw text and line, the rule that derived it, why it is doubted.
    title: str
    raw: str = ""


@attrs.frozen
class DrawnCell:
    """A drawn cell: a label (``value`` None) or a value position, with its merged extent."""

    text: str
    rowspan: int
    colspan: int
    header: bool
    value: ValueView | None = None


@attrs.frozen
class TableView:
    name: str
    caption: str
    rows: list[list[DrawnCell]]
    #: Values the report states that the official layout has no place for.
    unplaced: list[ValueView]


@attrs.frozen
class TextPiece:
    """A run of the document's text: plain, or the span of one or more values (``fields``)."""

    text: str
    fields: tuple[str, ...] = ()
    state: str = ""
    #: Diagnostics whose place starts here (their anchors).
    anchors: tuple[int, ...] = ()


@attrs.frozen
class DiagnosticView:
    number: int
    severity: str
    code: str
    message: str
    line: int | None
    page: int | None
    field_ids: tuple[str, ...]
    #: Whether the text has an anchor for it (its span is known).
    placed: bool


def _state(cell: Cell | None) -> State:
    if cell is None:
        return "missing"
    if cell.value is None:
        return "unreadable" if cell.kind in (CellKind.TEXT, CellKind.UNREADABLE) else "blank"
    return _ORIGIN_STATES[cell.origin]


def _doubts(report: Report) -> dict[str, list[str]]:
    """Field id → the messages of the diagnostics that put it in doubt."""
    out: dict[str, list[str]] = {}
    doubtful = report.doubtful_fields()
    for d in report.diagnostics:
        for field_id in d.field_ids:
            if field_id in doubtful and d.code.startswith(DOUBT_CODES):
                out.setdefault(field_id, []).append(f"{d.code}: {d.message}")
    return out


def _left_out(report: Report) -> dict[str, str]:
    """Field id → why a layout or the OCR gate left its value out (the diagnostic naming it)."""
    return {f: f"left out ({d.code}): {d.message}" for d in report.diagnostics
            if not d.code.startswith((*DOUBT_CODES, "missing-")) for f in d.field_ids}


def _value_view(field_id: str, cell: Cell | None, doubts: list[str], why: str | None = None) -> ValueView:
    state = _state(cell)
    text = "" if cell is None or cell.value is None else str(cell.value)
    if cell is not None and cell.kind in (CellKind.NOT_APPLICABLE, CellKind.TEXT, CellKind.UNREADABLE):
        text = cell.raw  # a placeholder or a misread number, shown as the document gives it
    notes = [field_id]
    if cell is None:
        notes.append(why or "not found in the document")
    else:
        where = f" (line {cell.span.line}{f', page {cell.span.page}' if cell.span.page else ''})" \
            if cell.span else ""
        notes.append(f"{state}: raw {cell.raw!r}{where}, layout {cell.layout}")
        if cell.rule:
            notes.append(f"rule: {cell.rule}")
        if cell.confidence is not None:
            notes.append(f"recognised by OCR (confidence {cell.confidence:.2f}), vouched for by the rules")
        if cell.unit:
            notes.append(f"unit: {cell.unit}")
        if cell.note:
            notes.append(cell.note)
    notes.extend(f"doubtful: {d}" for d in doubts)
    return ValueView(field_id=field_id, text=text, state=state, doubtful=bool(doubts),
                     title="\n".join(notes), raw=cell.raw if cell else "")


def _drawn(grid: Grid, views: dict[str, ValueView]) -> list[list[DrawnCell]]:
    value_rows = {r for r, _ in grid.values}
    header_rows = set(range(len(grid.rows))) - value_rows
    return [[DrawnCell(text=grid.rows[r][c], rowspan=rowspan, colspan=colspan, header=r in header_rows,
                       value=views.get(grid.values.get((r, c), "")))
             for r, c, rowspan, colspan in row] for row in grid.drawn_cells()]


def tables(report: Report) -> list[TableView]:
    """The three tables in the report's format, every value position filled from the report."""
    template = report.meta.template or "2019"
    alternative = template == "2021" and report.value("requests.other.total") is not None
    grids = official_grids(template, alternative=alternative)
    doubts = _doubts(report)
    left_out = _left_out(report)
    out = []
    for table in report.tables:
        grid = grids[table.name]
        placed = set(grid.values.values())
        views = {f: _value_view(f, table.get(f), doubts.get(f, []), left_out.get(f)) for f in placed}
        unplaced = [_value_view(c.field_id, c, doubts.get(c.field_id, []))
                    for c in table.cells if c.field_id not in placed]
        out.append(TableView(name=table.name, caption=_CAPTIONS[table.name], rows=_drawn(grid, views),
                             unplaced=unplaced))
    return out


def values_read(report: Report) -> tuple[int, int]:
    """(values the tables state, values a complete report of its format states)."""
    stated = sum(1 for c in report.cells() if c.value is not None and c.origin is not Origin.NARRATIVE)
    expected = sum(len(expected_fields(report, t)) for t in ("active", "requests", "appeals"))
    return stated, expected


def diagnostics(report: Report) -> list[DiagnosticView]:
    """The report's diagnostics, worst first, numbered as their anchors in the text are."""
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    numbered = sorted(enumerate(report.diagnostics), key=lambda item: order[item[1].severity])
    return [DiagnosticView(number=i, severity=d.severity.value, code=d.code, message=d.message,
                           line=d.span.line if d.span else None, page=d.span.page if d.span else None,
                           field_ids=d.field_ids, placed=d.span is not None)
            for i, d in numbered]


def text_pieces(report: Report, text: str) -> list[TextPiece]:
    """``text`` cut at every value's span and every diagnostic's start.

    Values that share a span (a row label several derived values point to)
    share its piece; a span overlapping one already cut is left unmarked
    rather than nested.
    """
    spans: dict[tuple[int, int], list[Cell]] = {}
    for cell in report.cells():
        if cell.span is not None and cell.span.end > cell.span.offset and cell.span.end <= len(text):
            spans.setdefault((cell.span.offset, cell.span.end), []).append(cell)
    marks: list[tuple[int, int, list[Cell]]] = []
    for (start, end), cells in sorted(spans.items()):
        if not marks or start >= marks[-1][1]:
            marks.append((start, end, cells))
    anchors: dict[int, list[int]] = {}
    for number, d in enumerate(report.diagnostics):
        if d.span is not None:
            anchors.setdefault(min(d.span.offset, len(text)), []).append(number)
    return list(_pieces(text, marks, anchors))


def _pieces(text: str, marks: list[tuple[int, int, list[Cell]]],
            anchors: dict[int, list[int]]) -> Iterable[TextPiece]:
    # Cut points: every mark's ends and every anchor; an anchor inside a mark moves to its start.
    inside = {i: start for start, end, _ in marks for i in range(start + 1, end)}
    moved: dict[int, list[int]] = {}
    for at, numbers in anchors.items():
        moved.setdefault(inside.get(at, at), []).extend(numbers)
    by_start = {start: (end, cells) for start, end, cells in marks}
    cuts = sorted({0, len(text), *moved, *(s for s, _, _ in marks), *(e for _, e, _ in marks)})
    position = 0
    for cut in cuts[1:]:
        if cut <= position:
            continue
        here = tuple(moved.get(position, ()))
        if position in by_start:
            end, cells = by_start[position]
            states = {_state(c) for c in cells}
            yield TextPiece(text=text[position:end], fields=tuple(c.field_id for c in cells),
                            state=states.pop() if len(states) == 1 else "mixed", anchors=here)
            position = end
        else:
            yield TextPiece(text=text[position:cut], anchors=here)
            position = cut
    if position in moved and position >= len(text):
        yield TextPiece(text="", anchors=tuple(moved[position]))
