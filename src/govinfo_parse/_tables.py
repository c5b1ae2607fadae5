"""Turning rows of cell texts into table values, by their labels.

Every layout reduces its input to rows of ``RawCell`` (text plus position)
and hands them to ``TableAssembler``.  The assembler knows the three tables:
it reads block captions and header rows to learn which column each position
holds, resolves each data row by its label, and only then pairs values with
columns.  It never assigns values by counting numbers through the document:
a row whose cells do not line up with its header is left out with a
diagnostic, so one lost cell cannot shift every later value.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Final

import attrs

from govinfo_parse import fields, labels
from govinfo_parse._recovery import Reading, UnevenRow, readings, resolve_rows
from govinfo_parse.checks import appeals_groups_add_up, requests_row_adds_up
from govinfo_parse.model import Cell, CellKind, Diagnostic, Number, Origin, SectionKind, Severity
from govinfo_parse.numbers import (
    MONEY_UNITS,
    CellValue,
    digits_out_of_place,
    parse_cell_text,
    to_wan_yuan,
    unit_in_label,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from govinfo_parse.fields import Template
    from govinfo_parse.text import SourceText

__all__ = ["Assembled", "RawCell", "TableAssembler", "assemble"]

_REQUESTS_WIDTH: Final = len(fields.REQUESTS_COLUMNS)
_APPEALS_LEAVES: Final = tuple(
    (g, c) for g in fields.APPEALS_GROUPS for c in fields.APPEALS_COLUMNS
)


@attrs.frozen
class RawCell:
    """One cell as a layout found it: normalised text and its normalised offsets."""

    text: str
    start: int
    end: int
    value: CellValue | None = None  # set by layouts that already read the value

    def read(self) -> CellValue:
        """What the cell says (the layout's reading, or ``parse_cell_text``)."""
        return self.value if self.value is not None else parse_cell_text(self.text)


@attrs.frozen
class Assembled:
    """What the assembler made of a block's rows."""

    cells: tuple[Cell, ...]
    diagnostics: tuple[Diagnostic, ...]
    template_votes: Counter[str]


def _active_ids(row: str) -> tuple[str, ...]:
    """Every field id of a section-二 row, in either template."""
    columns = dict.fromkeys(c for t in fields.TEMPLATES for c in fields.ACTIVE_ROWS[t].get(row, ()))
    return tuple(f"active.{row}.{c}" for c in columns)


def _split_run_on_rows(row: list[RawCell]) -> list[list[RawCell]]:
    """Split a row where a label follows values: two rows whose separator was lost.

    Labels come before values in every row of the format, so a label cell
    after a number starts the next row; without this, the first row's label
    and numbers would be taken as part of the second row's label.
    """
    parts: list[list[RawCell]] = [[]]
    seen_value = False
    for cell in row:
        kind = cell.read().kind
        if kind is CellKind.TEXT and seen_value:
            parts.append([])
            seen_value = False
        seen_value = seen_value or kind in (CellKind.NUMBER, CellKind.ZERO, CellKind.UNREADABLE)
        parts[-1].append(cell)
    return parts


def _ends_in_digits(label: str) -> bool:
    """True for a label whose Chinese words end in digits (信息34): no row's name does."""
    words = label.rstrip("0123456789,")
    return len(words) < len(label) and bool(words) and "\u4e00" <= words[-1] <= "\u9fff"


def _adds_up_as_one_cell_fewer(cells: Sequence[RawCell]) -> bool:
    """True when a requests row of seven numbers does not add up, but would with two neighbours as one number.

    Where blank cells leave no trace (PDF text), a number split in two (``1 0``)
    makes up for a blank: the row has its seven numbers, shifted by a column.
    """
    values = [c.read().value for c in cells]
    if not all(isinstance(v, int) for v in values) or requests_row_adds_up(values):
        return False
    texts = [c.text.strip() for c in cells]
    for i in range(len(cells) - 1):
        if texts[i].isdigit() and texts[i + 1].isdigit() and not texts[i].startswith("0"):
            joined = [*values[:i], int(texts[i] + texts[i + 1]), *values[i + 2:]]
            if requests_row_adds_up(joined):
                return True
    return False


def _trim_leading_empty(cells: Sequence[RawCell], keep: int) -> list[RawCell]:
    """Drop blank cells from the start, but never below ``keep`` cells."""
    out = list(cells)
    while len(out) > keep and not out[0].text.strip():
        out.pop(0)
    return out


def _trim_trailing_empty(cells: Sequence[RawCell], keep: int) -> list[RawCell]:
    """Drop blank cells from the end, but never below ``keep`` cells."""
    out = list(cells)
    while len(out) > keep and not out[-1].text.strip():
        out.pop()
    return out


class TableAssembler:
    """Reads rows in document order and collects the table cells they state."""

    def __init__(  # noqa: PLR0913 - one switch per way a layout's text differs
        self, source: SourceText, *, layout: str, context: SectionKind | None = None,
        grid: bool = False, remnants: bool = False, table_unit: str | None = None,
        blanks_vanish: bool = False,
    ) -> None:
        self.source = source
        # The money unit a caption or note of the block states, for headers that state none.
        self.table_unit = table_unit
        self.layout = layout
        # Grid layouts (HTML) keep every column of every row, so positions under the header hold.
        self.grid = grid
        # Layouts that may leave a blank cell where a merged label cell covered a column.
        self.remnants = remnants
        # Layouts where a blank cell leaves no trace (PDF text): a missing number may be a
        # blank, so arithmetic may place the numbers printed but never fills the missing one.
        self.blanks_vanish = blanks_vanish
        self._row_cells: list[RawCell] | None = None
        self.context = context if context in _TABLE_KINDS else None
        self.cells: dict[str, Cell] = {}
        self.diagnostics: list[Diagnostic] = []
        self.votes: Counter[str] = Counter()
        self._active_columns: list[tuple[str | None, str]] | None = None
        self._active_start = 0
        # The label of a row that named nothing and printed no value: the head of a label wrapped
        # over two rows (1、申请人无正当理由逾期不补 | 正、行政机关不再处理…), if the next row's completes it.
        self._label_alone: list[RawCell] | None = None
        self._requests_header: list[list[str]] = []
        # A blank cell in the section-三 header: where there is none, merged cells left no remains.
        self._requests_header_gaps = False
        self._appeals_header: list[str] = []
        self._group: labels.RequestsGroup | None = None
        self._requests_order: tuple[str, ...] | None = None
        self._previous_row: str | None = None
        self._requests_rows_read = 0
        self._uneven: dict[str, tuple[UnevenRow, list[RawCell], RawCell]] = {}

    # -- public -------------------------------------------------------------------------

    def feed(self, rows: Iterable[Sequence[RawCell]]) -> None:
        """Read ``rows`` (each a sequence of cells, empty ones included)."""
        for row in rows:
            for part in _split_run_on_rows(list(row)):
                if any(c.text.strip() for c in part):
                    self._row(part)

    def result(self) -> Assembled:
        """The cells found so far, their diagnostics and the template evidence."""
        if self._uneven:
            self._recover_uneven_rows()
            self._uneven.clear()
        self._drop_single_other_beside_subrows()
        return Assembled(tuple(self.cells.values()), tuple(self.diagnostics), Counter(self.votes))

    # -- row dispatch ---------------------------------------------------------------------

    def _cells_out_of_place(self, values: Sequence[RawCell], at: RawCell, field_ids: tuple[str, ...]) -> bool:
        """True (with a diagnostic) when a value cell holds digits two cells glued or split make (09, 00).

        The row's other cells are then not where they were printed, whatever
        their count says (a blank or a lost cell may make up for it).
        """
        odd = next((c for c in values if digits_out_of_place(c.text)), None)
        if odd is None:
            return False
        self._diag("cells-out-of-place", Severity.WARNING,
                   f"{odd.text.strip()!r} is not a number as written: two cells glued or one split, so the "
                   "row's cells are not where they were printed; its values are left out",
                   at=at, field_ids=field_ids)
        return True

    def _row(self, row: list[RawCell]) -> None:
        self._row_cells = row
        texts = [labels.compact(c.text) for c in row]
        nonempty = [t for t in texts if t]
        if any(labels.is_active_caption(t) for t in nonempty) and len(nonempty) <= 2:
            self.context = SectionKind.ACTIVE
            self._active_columns = None
            return
        if nonempty and labels.is_active_header_start(nonempty[0]):
            self.context = SectionKind.ACTIVE
            self._active_header(row, texts)
            return
        split = self._with_label_above(self._split_label(row))
        label_text = "".join(c.text for c in split[0])
        values = split[1]
        if not label_text:
            self._unlabelled_row(values)
            return
        if self._header_row(texts) or self._appeals_on_one_line(split[0], values):
            return
        if len(named := labels.rows_named(label_text)) > 1 and values:
            self._diag("ambiguous-label", Severity.WARNING,
                       f"label {label_text!r} names several rows ({', '.join(sorted(named))}); "
                       "its values are left out", at=split[0][0])
            return
        active_row = labels.match_active_row(label_text)
        if active_row is not None and self.context is not SectionKind.REQUESTS:
            self.context = SectionKind.ACTIVE
            self._active_row(active_row, label_text, split[0], values)
            return
        group = labels.match_requests_group(label_text)
        request_row = labels.match_requests_row(label_text, group or self._group, self._previous_row)
        if request_row is not None:
            self.context = SectionKind.REQUESTS
            # The group a sub-row belongs to carries over to the next rows (their group cell is merged).
            self._group = group or (request_row.split(".")[0] if "." in request_row else None)  # type: ignore[assignment]
            self._previous_row = request_row
            self._requests_rows_read += 1
            self._requests_row(request_row, label_text, split[0], values)
        elif group is not None:
            self._group = group
        else:
            self._unknown_row(label_text, split[0], values)

    def _unknown_row(self, label_text: str, label_cells: list[RawCell], values: list[RawCell]) -> None:
        """A label that names no row: held for the row below if it printed no value, else reported."""
        if not any(v.text.strip() for v in values):
            self._label_alone = label_cells
            return
        self._diag("unknown-row", Severity.INFO, f"row {label_text!r} is not a row of the format; ignored",
                   at=label_cells[0])

    def _with_label_above(
        self, split: tuple[list[RawCell], list[RawCell]],
    ) -> tuple[list[RawCell], list[RawCell]]:
        """The row's label and values; its label completed by a lone label above that makes it name one row.

        Only a label that names no row itself is completed, and only into the
        label of exactly one row.
        """
        head, self._label_alone = self._label_alone, None
        label = "".join(c.text for c in split[0])
        if head is None or not label or labels.rows_named(label) or labels.match_requests_group(label) \
                or labels.is_active_caption(label):
            return split
        if len(labels.rows_named("".join(c.text for c in head) + label)) != 1:
            return split
        return [*head, *split[0]], split[1]

    @staticmethod
    def _split_label(row: list[RawCell]) -> tuple[list[RawCell], list[RawCell]]:
        """Leading label cells and the value cells after the last label cell."""
        last_label = -1
        for i, cell in enumerate(row):
            if cell.text.strip() and cell.read().kind is CellKind.TEXT:
                last_label = i
        labels_part = [c for c in row[: last_label + 1] if c.text.strip()]
        return labels_part, row[last_label + 1 :]

    def _header_row(self, texts: list[str]) -> bool:
        """Record a section-三 or section-四 header row; True when ``texts`` is one."""
        nonempty = [t for t in texts if t]
        if any(parse_cell_text(t).kind in (CellKind.NUMBER, CellKind.ZERO) for t in nonempty):
            return False
        requests = [labels.match_requests_column(t) if t else None for t in texts]
        appeals = [labels.match_appeals_group(t) or labels.match_appeals_result(t) for t in nonempty]
        n_requests, n_appeals = sum(map(bool, requests)), sum(map(bool, appeals))
        note = any(map(labels.is_requests_header_note, nonempty))
        if note or (n_requests >= 2 and n_requests > n_appeals):
            self.context = SectionKind.REQUESTS
            if self._requests_rows_read:  # the header repeated after a page break: start afresh
                self._requests_header.clear()
                self._requests_header_gaps = False
                self._requests_rows_read = 0
            self._requests_header.append([r or "" for r in requests])
            self._requests_header_gaps |= not all(c.text.strip() for c in self._row_cells or ())
            self._requests_order = None
            return True
        if n_appeals >= 2:
            self.context = SectionKind.APPEALS
            self._appeals_header.extend(t for t in nonempty)
            return True
        return False

    # -- section 二 -------------------------------------------------------------------------

    def _active_header(self, row: list[RawCell], texts: list[str]) -> None:
        start = next(i for i, t in enumerate(texts) if t) + 1
        columns: list[tuple[str | None, str]] = []
        for cell in row[start:]:
            found = labels.match_active_column(cell.text)
            if found is None:
                columns.append((None, cell.text))
                if cell.text.strip():
                    self._diag("unknown-column", Severity.WARNING,
                               f"section 二 header {cell.text!r} is not a column of the format", at=cell)
            else:
                column, template = found
                self.votes[template] += 1
                columns.append((column, cell.text))
        self._active_columns = columns
        self._active_start = start

    def _active_cells(
        self, row: str, label: str, label_cells: list[RawCell], values: list[RawCell]
    ) -> list[RawCell] | None:
        """The value cells under the header's cells, one for one; None when they do not line up.

        A grid layout lines up by position.  Elsewhere the row's cells must match
        the header's (blank header cells at the end do not count); text copied by
        rows may add blank cells at either end, and one blank too few beside them is
        a blank value or a lost one — no arithmetic tells which, so the row stays out.
        """
        columns = self._active_columns or []
        if self.grid and self._row_cells is not None:
            cells = self._row_cells[self._active_start :]
            if len(cells) >= len([c for c in columns if c[0] is not None]) and len(cells) <= len(columns):
                return cells + [RawCell("", cells[-1].end, cells[-1].end)] * (len(columns) - len(cells))
        if self.remnants and self._row_cells is not None:
            # Copied by rows: a row as wide as its header is read by position, blanks and all;
            # a wider one holds a split number or a stray cell, and its blanks may be values.
            header_width, width_here = self._active_start + len(columns), len(self._row_cells)
            if width_here == header_width and len(label_cells) == self._active_start:
                return self._row_cells[self._active_start :]
            if width_here > header_width:
                self._diag("cell-count", Severity.WARNING,
                           f"row {label!r} has {width_here} cells under a header of {header_width}: a number "
                           "split or a stray cell is among them; its values are left out",
                           at=label_cells[0], field_ids=_active_ids(row))
                return None
        width = len(columns)
        while width and not columns[width - 1][1].strip():
            width -= 1
        cells = list(values)
        if self.remnants:
            lead = next((i for i, c in enumerate(cells) if c.text.strip()), len(cells))
            trail = next((i for i, c in enumerate(reversed(cells)) if c.text.strip()), len(cells))
            core = cells[lead : len(cells) - trail]
            if len(core) == width - 1 and (lead or trail) and width > 1:
                self._diag("cell-count", Severity.WARNING,
                           f"row {label!r}: {len(core)} values beside a blank cell under {width} header "
                           "cells may be a blank value or a lost one; its values are left out",
                           at=label_cells[0], field_ids=_active_ids(row))
                return None
            cells = core
        if len(cells) != width:
            self._diag(
                "cell-count", Severity.WARNING,
                f"row {label!r} has {len(cells)} value cells under {width} header cells; "
                "its values are left out", at=label_cells[0], field_ids=_active_ids(row),
            )
            return None
        return cells

    def _header_lacks_columns(self, row: str, label: str, label_cells: list[RawCell]) -> bool:
        """True (with a diagnostic) when the header names fewer of this row's columns than the format has.

        A header that lost a column still lines up with a row that lost a value,
        every value then under the wrong column; with the header incomplete there
        is no telling, so the row stays out.
        """
        formats = [set(cols) for t in fields.TEMPLATES if (cols := fields.ACTIVE_ROWS[t].get(row))]
        named = {c for c, _ in self._active_columns or () if c is not None} & set().union(*formats)
        # The templates whose row has every column the header names: the header's own format.
        fitting = [cols for cols in formats if named and named <= cols]
        if not fitting or any(cols <= named for cols in fitting):
            return False
        self._diag("incomplete-header", Severity.WARNING,
                   f"row {label!r}: the header above names {len(named & fitting[0])} of the row's "
                   f"{len(fitting[0])} columns; its values are left out",
                   at=label_cells[0], field_ids=_active_ids(row))
        return True

    def _active_row(self, row: str, label: str, label_cells: list[RawCell], values: list[RawCell]) -> None:
        if named := fields.format_named_by("active", row):
            self.votes[named] += 1
        if self._active_columns is None:
            self._diag("no-header", Severity.WARNING,
                       f"row {label!r} has no header row above it; its values are left out",
                       at=label_cells[0])
            return
        if self._header_lacks_columns(row, label, label_cells):
            return
        if self._cells_out_of_place(values, label_cells[0], _active_ids(row)):
            return
        cells = self._active_cells(row, label, label_cells, values)
        if cells is None or self._change_out_of_place(row, label, label_cells, cells):
            return
        allowed = {c for t in fields.TEMPLATES for c in fields.ACTIVE_ROWS[t].get(row, ())}
        for (column, header), cell in zip(self._active_columns, cells, strict=False):
            if column is None:
                continue
            if column not in allowed:
                self._diag("column-mismatch", Severity.WARNING,
                           f"row {label!r} has no column {header!r} in the format; value left out", at=cell)
                continue
            self._store(f"active.{row}.{column}", cell, header_unit=unit_in_label(header))

    def _change_out_of_place(
        self, row: str, label: str, label_cells: list[RawCell], cells: Sequence[RawCell],
    ) -> bool:
        """True (with a diagnostic) when a signed number (+287, -30) stands under a column not a change's.

        Only a change (本年增/减) is written with a sign: one under another
        column has moved there (an empty cell that left no trace beside a number
        split in two keeps the row's count), so no cell of the row is where it was printed.
        """
        for (column, header), cell in zip(self._active_columns or (), cells, strict=False):
            text = cell.text.strip()
            if (column is not None and column not in fields.SIGNED_COLUMNS and text.startswith(("+", "-"))
                    and cell.read().value is not None):
                self._diag("cells-out-of-place", Severity.WARNING,
                           f"row {label!r}: {text!r} under {header.strip()!r} is a change (signed), not a "
                           "value of that column, so the row's cells are not where they were printed; its "
                           "values are left out", at=label_cells[0], field_ids=_active_ids(row))
                return True
        return False

    # -- section 三 -------------------------------------------------------------------------

    def _requests_columns(self, at: RawCell) -> tuple[str, ...]:
        """Leaf column order from the header rows, or the format's own order (with a diagnostic)."""
        if self._requests_order is None:
            order = self._requests_columns_from_header()
            if order is None:
                self._diag("no-header", Severity.INFO,
                           "section 三 values without a readable header; the format's column order "
                           "is assumed", at=at)
            self._requests_order = order or fields.REQUESTS_COLUMNS
        return self._requests_order

    def _requests_columns_by_position(self) -> tuple[str, ...] | None:
        """Leaf columns ordered by the grid position of their header cells.

        Only for layouts that keep the grid: two labels at one position mean the
        positions were not kept, and nothing is concluded.
        """
        placed = sorted(
            (i, col) for row in self._requests_header for i, col in enumerate(row)
            if col and col != "legal_persons"
        )
        leaves = tuple(col for _, col in placed)
        distinct = len({i for i, _ in placed}) == len(placed)
        return leaves if distinct and sorted(leaves) == sorted(fields.REQUESTS_COLUMNS) else None

    def _requests_columns_from_header(self) -> tuple[str, ...] | None:
        rows = [r for r in self._requests_header if any(r)]
        if rows:
            top, *rest = rows
            sub = [c for r in rest for c in r if c and c != "legal_persons"]
            leaves: list[str] = []
            for col in top:
                if col == "legal_persons":
                    leaves.extend(sub)
                elif col:
                    leaves.append(col)
            if sorted(leaves) == sorted(fields.REQUESTS_COLUMNS):
                return tuple(leaves)
        return self._requests_columns_by_position()

    def _more_cells_than_the_header(self, row: str, label_cells: list[RawCell]) -> bool:
        """True (with a diagnostic) when a row copied by rows has more cells than its header.

        A number split in two, or a stray cell, is among them, and the blank
        cells beside the label may be values: nothing says where each belongs.
        """
        header = [r for r in self._requests_header if any(r)]
        # Every header line counts, the note above the columns' names too: its cell and 申请人情况's
        # span the whole table, where the names below stand in fewer cells (rows spanned above them).
        width = max(map(len, self._requests_header), default=0)
        if (leaves := self._requests_columns_from_header()) is not None:
            # A header over two lines with no blank remains (a browser's innerText: 自然人, 法人或其他
            # 组织, 总计 above the five kinds of legal person): a row is its labels and a cell a column.
            width = max(width, len(label_cells) + len(leaves))
        if self._row_cells is None or not header or len(self._row_cells) <= width:
            return False
        self._diag("cell-count", Severity.WARNING,
                   f"section 三 row {row!r} has {len(self._row_cells)} cells under a header of "
                   f"{width}: a number split or a stray cell is among them; "
                   "its values are left out", at=label_cells[0],
                   field_ids=tuple(f"requests.{row}.{c}" for c in fields.REQUESTS_COLUMNS))
        return True

    def _cells_among_remnants(
        self, row: str, label_cells: list[RawCell], values: list[RawCell]
    ) -> list[RawCell] | None:
        """The value cells of a row copied as text, where merged cells leave blank cells.

        Blank cells at either end may be remains of merged cells or blank values.
        Seven cells between them are the row.  Six numbers beside a blank cell are
        either a blank first (or last) value or a row that lost a number: the
        arithmetic decides, or the row stays out (None).
        """
        lead = next((i for i, c in enumerate(values) if c.text.strip()), len(values))
        trail = next((i for i, c in enumerate(reversed(values)) if c.text.strip()), len(values))
        core = values[lead : len(values) - trail]
        numbers = [c.read().value for c in core]
        six_numbers = len(core) == _REQUESTS_WIDTH - 1 and all(isinstance(n, int) for n in numbers)
        if not (lead or trail):
            return core
        if not six_numbers:
            # Blanks set aside: they may be the row's own blank cells beside a number split in two
            # (100 copied as 10 and 0), so the seven left must keep the row's total.
            if len(core) == _REQUESTS_WIDTH and not requests_row_adds_up(numbers):
                self._diag("cell-count", Severity.WARNING,
                           f"section 三 row {row!r}: {len(values)} cells, blank ones at its ends; the seven "
                           "between them do not add up to their total, so the blanks may be values and a "
                           "number split; its values are left out",
                           at=label_cells[0], field_ids=(f"requests.{row}.total",))
                return None
            return core
        counts = tuple(int(n or 0) for n in numbers)
        blank_first_fits = bool(lead) and counts[-1] >= sum(counts[:-1])
        blank_last_fits = bool(trail)
        lost_cell_fits = bool(readings(counts))
        if lost_cell_fits and not (blank_first_fits or blank_last_fits):
            return core
        if not lost_cell_fits and blank_first_fits != blank_last_fits:
            return [values[lead - 1], *core] if blank_first_fits else [*core, values[len(values) - trail]]
        self._diag("cell-count", Severity.WARNING,
                   f"section 三 row {row!r}: six numbers beside a blank cell may be a blank value or a "
                   "merged cell's remains beside a lost number; its values are left out",
                   at=label_cells[0], field_ids=(f"requests.{row}.total",))
        return None

    def _requests_cells_by_position(self, values: list[RawCell]) -> list[tuple[str, RawCell]] | None:
        """Each value under the header cell in its own column, where the header gives them.

        In a grid layout, always.  In text copied by rows (``remnants``), only for
        a row with exactly as many cells as the header: then blank cells are blank
        values where they stand, not remains of merged cells.
        """
        if not (self.grid or self.remnants) or self._row_cells is None:
            return None
        placed = [(i, col) for row in self._requests_header for i, col in enumerate(row)
                  if col and col != "legal_persons"]
        columns = dict(placed)
        if len(columns) != len(placed) or sorted(columns.values()) != sorted(fields.REQUESTS_COLUMNS):
            return None  # two header labels at one position: the grid does not hold
        if not self.grid and (len(self._row_cells) != max(map(len, self._requests_header)) or any(
                c.read().value is not None for c in self._row_cells[: min(columns)])):
            return None  # not the header's width, or a number where a label stands: the grid does not hold
        full = self._row_cells
        first_value = len(full) - len(values)
        if min(columns) < first_value or max(columns) >= len(full):
            return None  # a value column under a label, or past the row's end: the grid does not line up
        return [(col, full[i]) for i, col in sorted(columns.items())]

    def _requests_row(self, row: str, label: str, label_cells: list[RawCell], values: list[RawCell]) -> None:
        # The single (六) row is no evidence: some 2021-format reports still print it.
        if named := fields.format_named_by("requests", row):
            self.votes[named] += 1
        field_ids = tuple(f"requests.{row}.{c}" for c in fields.REQUESTS_COLUMNS)
        if self._cells_out_of_place(values, label_cells[0], field_ids):
            return
        if _ends_in_digits(label.strip()) and sum(1 for v in values if v.text.strip()) < _REQUESTS_WIDTH:
            self._diag("cells-out-of-place", Severity.WARNING,
                       f"section 三 row {row!r}: its label {label!r} ends in a number, a value glued to "
                       "it (a cell's border lost), and fewer numbers follow than the row has columns; "
                       "its values are left out", at=label_cells[0], field_ids=field_ids)
            return
        by_position = self._requests_cells_by_position(values)
        if by_position is not None:
            for column, cell in by_position:
                self._store(f"requests.{row}.{column}", cell)
            return
        cells = self._requests_value_cells(row, label_cells, values)
        if cells is None:
            return
        if len(cells) != _REQUESTS_WIDTH:
            set_aside = self.remnants and len(cells) < len(values)
            self._uneven_requests_row(row, label_cells, cells, blanks_set_aside=set_aside)
            return
        if self.blanks_vanish and _adds_up_as_one_cell_fewer(cells):
            self._diag("cells-out-of-place", Severity.WARNING,
                       f"section 三 row {row!r} does not add up, and would with two neighbouring numbers "
                       "as one: a number split in two may stand where a blank cell left no trace; "
                       "its values are left out", at=label_cells[0], field_ids=field_ids)
            return
        for column, cell in zip(self._requests_columns(label_cells[0]), cells, strict=True):
            self._store(f"requests.{row}.{column}", cell)

    def _requests_value_cells(
        self, row: str, label_cells: list[RawCell], values: list[RawCell],
    ) -> list[RawCell] | None:
        """The row's value cells without the blank remains of merged cells; None when it stays out."""
        if self.remnants:
            if self._more_cells_than_the_header(row, label_cells):
                return None
            if len(values) == _REQUESTS_WIDTH and self._requests_header and not self._requests_header_gaps:
                # The header came with no blank cell (a browser's innerText of a plain page): merged
                # cells left no remains, here either, and a row of seven cells is its seven values.
                return list(values)
            return self._cells_among_remnants(row, label_cells, values)
        # The blank remains of a merged label cell; where blanks leave no trace (PDF text),
        # a blank cell that is there stands for a blank value.
        cells = list(values) if self.blanks_vanish else _trim_leading_empty(values, _REQUESTS_WIDTH)
        trimmed = _trim_trailing_empty(cells, _REQUESTS_WIDTH)
        if len(trimmed) < len(values) and not requests_row_adds_up([c.read().value for c in trimmed]):
            # A blank at either end may be left over, or a blank value beside a number split
            # in two: only the row's total tells, so a row that does not add up keeps its
            # blanks (and is uneven).
            return list(values)
        return trimmed

    def _drop_single_other_beside_subrows(self) -> None:
        """A single (六) row beside the three 2021 sub-rows is a sub-row whose label was lost."""
        rows = {fields.split_field_id(k)[1] for k in self.cells if k.startswith("requests.other.")}
        if "other" in rows and rows - {"other"}:
            single = [k for k in self.cells if fields.split_field_id(k)[1] == "other"]
            first = self.cells[single[0]]
            for key in single:
                del self.cells[key]
            self.diagnostics.append(Diagnostic(
                code="ambiguous-label", severity=Severity.WARNING, field_ids=tuple(single),
                span=first.span, layout=self.layout,
                message="a (六)其他处理 row without a sub-label stands beside the 2021 sub-rows: "
                "it is one of them whose label was lost; its values are left out",
            ))

    def _uneven_requests_row(
        self, row: str, label_cells: list[RawCell], cells: list[RawCell], *, blanks_set_aside: bool = False,
    ) -> None:
        """Keep a row with one cell too few or too many for arithmetic recovery."""
        read = [c.read() for c in cells]
        if not any(c.text.strip() for c in cells):
            return
        counts = [v.value for v in read]
        if all(isinstance(v, int) for v in counts) and abs(len(counts) - _REQUESTS_WIDTH) == 1:
            self._uneven[row] = (UnevenRow(row, tuple(counts), blanks_set_aside),  # type: ignore[arg-type]
                                 cells, label_cells[0])
            return
        self._diag(
            "cell-count", Severity.WARNING,
            f"section 三 row {row!r} has {len(cells)} value cells for {_REQUESTS_WIDTH} "
            "columns; its values are left out", at=label_cells[0], field_ids=(f"requests.{row}.total",),
        )

    def _recover_uneven_rows(self) -> None:
        known = {k: c.value for k, c in self.cells.items()
                 if k.startswith("requests.") and isinstance(c.value, int)}

        def undecided(item: UnevenRow, fits: list[Reading]) -> None:
            label = self._uneven[item.row][2]
            n = len({r.values for r in fits})
            why = "no reading fits the table's totals" if n == 0 else f"{n} different readings fit"
            self._diag(
                "cell-count", Severity.WARNING,
                f"section 三 row {item.row!r} has {len(item.values)} numbers for {_REQUESTS_WIDTH} "
                f"columns and {why}; its values are left out", at=label,
                field_ids=tuple(f"requests.{item.row}.{c}" for c in fields.REQUESTS_COLUMNS),
            )

        template = template_of(self.votes) or "2019"
        settled = resolve_rows([u for u, _, _ in self._uneven.values()], known, template,
                               on_undecided=undecided, blanks_vanish=self.blanks_vanish)
        for row, (_item, reading, rule) in settled.items():
            _, cells, label = self._uneven[row]
            for column, value, source in zip(
                fields.REQUESTS_COLUMNS, reading.values, reading.sources, strict=True
            ):
                if source is None and self.blanks_vanish:
                    self._diag("blank-or-lost", Severity.INFO,
                               f"requests.{row}.{column} printed no number: a blank cell or a lost one; "
                               f"the table's arithmetic implies {value}, which is not taken as stated",
                               at=label, field_ids=(f"requests.{row}.{column}",), values=(value,))
                    continue
                raw = cells[source] if source is not None else None
                where = raw or label
                self.cells.setdefault(f"requests.{row}.{column}", Cell(
                    field_id=f"requests.{row}.{column}", value=value,
                    raw=self.source.raw_slice(raw.start, raw.end) if raw else "",
                    kind=CellKind.ZERO if value == 0 else CellKind.NUMBER, layout=self.layout,
                    span=self.source.span(where.start, where.end), origin=Origin.DERIVED,
                    rule=f"{rule} ({reading.how})",
                ))
            self._diag("derived-row", Severity.INFO,
                       f"section 三 row {row!r}: {len(reading.values)} values derived ({reading.how})",
                       at=label, field_ids=tuple(f"requests.{row}.{c}" for c in fields.REQUESTS_COLUMNS),
                       values=reading.values)

    # -- section 四 -------------------------------------------------------------------------

    def _appeals_columns(self) -> tuple[tuple[str, str], ...]:
        """Leaf (group, column) order from the header labels, or the format's own order."""
        found = (labels.match_appeals_group(t) for t in self._appeals_header)
        groups = [g for g in found if g and g != "litigation"]
        results = [r for t in self._appeals_header if (r := labels.match_appeals_result(t))]
        if len(groups) == len(fields.APPEALS_GROUPS) and len(results) == len(_APPEALS_LEAVES):
            leaves = []
            for i, column in enumerate(results):
                leaves.append((groups[i // len(fields.APPEALS_COLUMNS)], column))
            if sorted(leaves) == sorted(_APPEALS_LEAVES):
                return tuple(leaves)
        return _APPEALS_LEAVES

    def _appeals_on_one_line(self, label_cells: list[RawCell], values: list[RawCell]) -> bool:
        """True (and read) for table 四 on one line: its header words, then its fifteen values.

        A page's text cut at every cell (BeautifulSoup's ``get_text`` with a tab
        of a plain page) runs the table's header rows and its row of values together.
        """
        if len(values) < len(_APPEALS_LEAVES):  # every row comes here: most end at once
            return False
        words = [labels.compact(c.text) for c in label_cells]
        groups = sum(1 for w in words if w and labels.match_appeals_group(w))
        numbers = [c.read().value for c in _trim_trailing_empty(values, len(_APPEALS_LEAVES))]
        whole = len(numbers) == len(_APPEALS_LEAVES) and appeals_groups_add_up(numbers)  # every one a count
        if groups < len(fields.APPEALS_GROUPS) or not whole:
            return False  # a number split or a blank lost among them would set the rest a column off
        if not self._header_row(words) or self.context is not SectionKind.APPEALS:
            return False
        self._unlabelled_row(values)
        return True

    def _unlabelled_row(self, values: list[RawCell]) -> None:
        if not any(c.read().value is not None for c in values):
            return  # separators and debris such as "---"
        cells = _trim_trailing_empty(values, len(_APPEALS_LEAVES))
        if self.context is not SectionKind.APPEALS or len(cells) != len(_APPEALS_LEAVES):
            if sum(1 for c in cells if c.text.strip()) > 1:
                self._diag("unlabelled-row", Severity.INFO,
                           f"a row of {len(cells)} values without a label; ignored", at=cells[0])
            return
        if self._cells_out_of_place(cells, cells[0], tuple(f"appeals.{g}.{c}" for g, c in _APPEALS_LEAVES)):
            return
        if not self._appeals_header:
            self._diag("no-header", Severity.INFO,
                       "section 四 values without a header; the format's column order is assumed",
                       at=cells[0])
        for (group, column), cell in zip(self._appeals_columns(), cells, strict=True):
            self._store(f"appeals.{group}.{column}", cell)

    # -- storing ----------------------------------------------------------------------------

    def _store(self, field_id: str, raw: RawCell, *, header_unit: str | None = None) -> None:
        parsed = raw.read()
        column = fields.split_field_id(field_id)[2]
        value = self._checked_value(field_id, column, parsed, raw, header_unit)
        span = self.source.span(raw.start, raw.end)
        cell = Cell(
            field_id=field_id,
            value=value,
            raw=self.source.raw[span.offset:span.end],  # (the decoded text the span covers)
            kind=parsed.kind if value is not None or parsed.value is None else CellKind.TEXT,
            layout=self.layout,
            span=span,
            unit=(parsed.unit or header_unit or self.table_unit) if column in fields.AMOUNT_COLUMNS
            else parsed.unit,
            note=parsed.note,
        )
        if field_id in self.cells:
            earlier = self.cells[field_id]
            if earlier.value != cell.value:
                self._diag("duplicate-value", Severity.WARNING,
                           f"{field_id} is stated twice ({earlier.value} and {cell.value}); "
                           "the first is kept", at=raw, field_ids=(field_id,),
                           values=(earlier.value, cell.value))
            return
        self.cells[field_id] = cell

    def _checked_value(
        self, field_id: str, column: str, parsed: CellValue, raw: RawCell, header_unit: str | None,
    ) -> Number | None:
        value = parsed.value
        if value is None:
            if parsed.kind is CellKind.TEXT:
                self._diag("not-a-number", Severity.WARNING,
                           f"{field_id}: {raw.text.strip()!r} is not a number; left out", at=raw,
                           field_ids=(field_id,))
            elif parsed.kind is CellKind.UNREADABLE:
                self._diag("unreadable-value", Severity.WARNING,
                           f"{field_id}: {raw.text.strip()!r} is not one number as written (misread into "
                           "letters or marks, as OCR does, or in pieces); left out", at=raw,
                           field_ids=(field_id,))
            return None
        if column in fields.AMOUNT_COLUMNS:
            unit = parsed.unit if parsed.unit in MONEY_UNITS else header_unit or self.table_unit
            if unit is None:
                self._diag("unit-assumed", Severity.WARNING,
                           f"{field_id}: no unit is written in the cell, its header or a note of the "
                           f"table; {value} taken as 万元 and marked doubtful", at=raw,
                           field_ids=(field_id,), values=(value,))
                unit = "万元"
            return to_wan_yuan(value, unit)
        if not isinstance(value, int):
            self._diag("not-a-count", Severity.WARNING,
                       f"{field_id}: {raw.text.strip()!r} is not a whole count; left out", at=raw,
                       field_ids=(field_id,))
            return None
        if value < 0 and column not in fields.SIGNED_COLUMNS:
            self._diag("negative-count", Severity.WARNING,
                       f"{field_id} is negative ({value})", at=raw, field_ids=(field_id,), values=(value,))
        if raw.text.lstrip().startswith("+") and column not in fields.SIGNED_COLUMNS:
            # A plus sign is written only where a change is counted (本年增/减): here it is a
            # change's value that has landed under another column.
            self._diag("cells-out-of-place", Severity.WARNING,
                       f"{field_id}: {raw.text.strip()!r} is a change (signed), not a count of this "
                       "column; left out", at=raw, field_ids=(field_id,))
            return None
        return value

    def _diag(  # noqa: PLR0913
        self, code: str, severity: Severity, message: str, *, at: RawCell,
        field_ids: tuple[str, ...] = (), values: tuple[object, ...] = (),
    ) -> None:
        self.diagnostics.append(Diagnostic(
            code=code, severity=severity, message=message, field_ids=field_ids,
            values=values,  # type: ignore[arg-type]
            span=self.source.span(at.start, at.end), layout=self.layout,
        ))


_TABLE_KINDS: Final = frozenset({SectionKind.ACTIVE, SectionKind.REQUESTS, SectionKind.APPEALS})


def assemble(  # noqa: PLR0913
    source: SourceText, rows: Iterable[Sequence[RawCell]], *, layout: str,
    context: SectionKind | None = None, grid: bool = False, remnants: bool = False,
    table_unit: str | None = None, blanks_vanish: bool = False,
) -> Assembled:
    """Read ``rows`` with a fresh ``TableAssembler``; see its docstring."""
    assembler = TableAssembler(source, layout=layout, context=context, grid=grid, remnants=remnants,
                               table_unit=table_unit, blanks_vanish=blanks_vanish)
    assembler.feed(rows)
    return assembler.result()


def template_of(votes: Counter[str]) -> Template | None:
    """The majority template of ``votes`` (2019 on a tie, as the older format)."""
    if not votes:
        return None
    return "2021" if votes["2021"] > votes["2019"] else "2019"
