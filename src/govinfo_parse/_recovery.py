"""Recovering section-三 rows that lost a cell or gained one, from the table's arithmetic.

A row of the requests table has seven value columns.  Text taken out of PDFs
and Word sometimes gives six numbers (a cell was lost) or eight (a stray
one).  We never guess which: every way of reading the row is tried — each
cell the one that was lost (its value then solved from the row's own total),
or each cell the stray one — and kept only if it breaks none of the rules of
``spec/fields.md`` that can be checked with what is known.  A row is filled
only when all readings that survive give the same seven values; its values
are then marked derived, with the rule that decided.  Otherwise it stays out,
with a diagnostic saying why.

Eight numbers may also be seven whose digits fell into two cells (33 → 3 | 3),
so the readings of eight include each pair of neighbours joined back into one
number; six may be seven of which two neighbours were glued into one number
(23 0 → 230), so the readings of six include each number cut in two.  A row
that two kinds of damage both explain, with different values, stays out: a
reading is kept only when it is the single one among all of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from govinfo_parse import fields

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from govinfo_parse.fields import Template

__all__ = ["Reading", "UnevenRow", "readings", "resolve_rows"]

_WIDTH: Final = len(fields.REQUESTS_COLUMNS)


@attrs.frozen
class UnevenRow:
    """A requests row whose value cells do not number seven."""

    row: str
    values: tuple[int, ...]  # the numbers found, in order
    #: Blank cells beside the numbers were set aside as what merged cells leave behind: a
    #: missing number may be one of them, a blank value (as where blanks leave no trace).
    blanks_set_aside: bool = False


@attrs.frozen
class Reading:
    """One way of reading an uneven row: seven values and where each came from."""

    values: tuple[int, ...]
    sources: tuple[int | None, ...]  # index into UnevenRow.values, or None for a solved cell
    how: str

    @property
    def holes(self) -> tuple[int, ...]:
        """The columns whose values no cell printed: solved from the arithmetic."""
        return tuple(i for i, source in enumerate(self.sources) if source is None)


def readings(found: Sequence[int]) -> list[Reading]:
    """Every reading of ``found`` as a seven-column row that the row's own total allows."""
    out: list[Reading] = []
    if len(found) == _WIDTH + 1:  # one stray value, or one number split in two
        for drop in range(len(found)):
            kept = [i for i in range(len(found)) if i != drop]
            values = tuple(found[i] for i in kept)
            if sum(values[:-1]) == values[-1]:
                out.append(Reading(values, tuple(kept), f"value {drop + 1} of {len(found)} is stray"))
        for at in range(len(found) - 1):
            if found[at] < 0 or found[at + 1] < 0:
                continue
            joined = int(f"{found[at]}{found[at + 1]}")
            values = (*found[:at], joined, *found[at + 2:])
            if sum(values[:-1]) == values[-1]:
                joined_from = (*range(at + 1), *range(at + 2, len(found)))  # the first piece stands for both
                how = f"values {at + 1} and {at + 2} are one number split in two"
                out.append(Reading(values, joined_from, how))
    elif len(found) == _WIDTH - 1:  # one lost value (solved from the row total), or two cells glued
        for hole in range(_WIDTH):
            sources: list[int | None] = [*range(hole), None, *range(hole, len(found))]
            known = [found[s] for s in sources if s is not None]
            solved = sum(known) if hole == _WIDTH - 1 else known[-1] - sum(known[:-1])
            if solved < 0:
                continue
            values = tuple(solved if s is None else found[s] for s in sources)
            column = fields.REQUESTS_COLUMNS[hole]
            out.append(Reading(values, tuple(sources), f"the {column} cell was lost"))
        out += _glued_readings(found)
    return out


def _glued_readings(found: Sequence[int]) -> list[Reading]:
    """Readings of ``found`` in which one number is two neighbouring cells glued (23 0 → 230).

    The number's digits are cut in two wherever neither part would have a
    leading zero (a lone 0 is a number); the row total must hold.
    """
    out = []
    for at, number in enumerate(found):
        digits = str(number)
        if number < 0 or len(digits) < 2:
            continue
        for cut in range(1, len(digits)):
            right = digits[cut:]
            if len(right) > 1 and right[0] == "0":
                continue
            values = (*found[:at], int(digits[:cut]), int(right), *found[at + 1:])
            if sum(values[:-1]) == values[-1]:
                sources = (*range(at + 1), *range(at, len(found)))
                how = f"value {at + 1} ({number}) is two cells glued: {digits[:cut]} | {right}"
                out.append(Reading(values, sources, how))
    return out


def _column_rules(template: Template) -> list[tuple[list[str], list[str]]]:
    """(left rows, right rows) whose per-column sums must be equal."""
    return [
        (list(fields.REQUESTS_RESULT_ROWS[template]), ["total"]),
        (["new_received", "carried_over"], ["total", "carried_forward"]),
    ]


def _rule_check(
    row: str, known: Mapping[str, int], template: Template,
) -> Callable[[Sequence[int]], bool]:
    """Whether putting a reading's values in ``row`` breaks a column rule whose other cells are all known.

    The known sums are added up once, for all the readings tried: for each
    column rule holding ``row`` with every other cell known, the column and
    the value the row must have there (the other side's sum less its own
    side's other cells).
    """
    needs: list[tuple[int, int]] = []  # (column index, the value the row must have there)
    for left, right in _column_rules(template):
        if row not in left and row not in right:
            continue
        own, other = (left, right) if row in left else (right, left)
        for i, column in enumerate(fields.REQUESTS_COLUMNS):
            own_cells = [known.get(f"requests.{r}.{column}") for r in own if r != row]
            other_cells = [known.get(f"requests.{r}.{column}") for r in other]
            if None in own_cells or None in other_cells:
                continue
            needs.append((i, sum(other_cells) - sum(own_cells)))  # type: ignore[arg-type]

    def breaks(values: Sequence[int]) -> bool:
        return any(values[i] != must for i, must in needs)

    return breaks


def _every_column_checked(row: str, known: Mapping[str, int], template: Template) -> bool:
    """True when, in every column, a rule holding ``row`` has all its other cells known."""
    rules = [left + right for left, right in _column_rules(template) if row in left or row in right]
    return all(
        any(all(f"requests.{r}.{column}" in known for r in rows if r != row) for rows in rules)
        for column in fields.REQUESTS_COLUMNS
    )


def resolve_rows(
    uneven: Sequence[UnevenRow],
    known: Mapping[str, int],
    template: Template,
    *,
    on_undecided: Callable[[UnevenRow, list[Reading]], None],
    blanks_vanish: bool = False,
) -> dict[str, tuple[UnevenRow, Reading, str]]:
    """Readings forced by the arithmetic: ``{row: (row, reading, rule)}``.

    Rows are settled one at a time, each settled row joining ``known``, until
    no more can be; ``on_undecided`` is told about the rest.  Where blank cells
    leave no trace (``blanks_vanish``: PDF text), a missing number may be a blank
    cell, or several blanks beside a number split in two: readings then agree
    only when they also agree on which cell is missing, and a reading with a
    missing cell is taken only when a complete column rule checks every column
    of the row (the row total alone cannot: it was used to solve the missing cell).
    """
    known = dict(known)
    pending = list(uneven)
    settled: dict[str, tuple[UnevenRow, Reading, str]] = {}
    progress = True
    while pending and progress:
        progress = False
        for item in list(pending):
            breaks = _rule_check(item.row, known, template)
            fits = [r for r in readings(item.values) if not breaks(r.values)]
            blank_may_hide = blanks_vanish or item.blanks_set_aside
            distinct = {(r.values, r.holes if blank_may_hide else ()) for r in fits}
            unchecked = blank_may_hide and any(r.holes for r in fits) and not _every_column_checked(
                item.row, known, template)
            if len(distinct) == 1 and not unchecked:
                rule = (f"{len(fits)} of the readings of {len(item.values)} numbers as 7 columns fit "
                        "the row total and the column totals; all give these values")
                if len(fits) > 1:
                    fits[0] = attrs.evolve(fits[0], how=f"{len(fits)} readings fit, all with the same values")
                settled[item.row] = (item, fits[0], rule)
                known.update((f"requests.{item.row}.{c}", v)
                             for c, v in zip(fields.REQUESTS_COLUMNS, fits[0].values, strict=True))
                pending.remove(item)
                progress = True
    for item in pending:
        breaks = _rule_check(item.row, known, template)
        on_undecided(item, [r for r in readings(item.values) if not breaks(r.values)])
    return settled
