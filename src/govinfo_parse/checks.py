"""The consistency rules of ``spec/fields.md``, run on every report as a plugin.

Checks report; they never change a number.  A rule is checked only where
every value it involves is stated: a missing value is not a broken rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govinfo_parse import fields
from govinfo_parse.hookspecs import hookimpl
from govinfo_parse.model import Diagnostic, Report, Severity

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

__all__ = ["appeals_groups_add_up", "check_report", "requests_row_adds_up", "rule_holds", "rule_sides",
           "rule_tally", "rule_tally_of"]


Rule = tuple[str, Severity, str, "Sequence[str]", "Sequence[str]"]  # code, severity, message, left, right


def appeals_groups_add_up(numbers: Sequence[object], *, least: int = 3) -> bool:
    """True when ``least`` of table 四's three groups of five counts end with the sum of the other four.

    ``numbers`` must hold the table's fifteen counts (other entries are passed over).
    """
    size = len(fields.APPEALS_COLUMNS)
    counts = [n for n in numbers if isinstance(n, int)]
    if len(counts) != size * len(fields.APPEALS_GROUPS):
        return False
    groups = [counts[i:i + size] for i in range(0, len(counts), size)]
    return sum(sum(g[:-1]) == g[-1] for g in groups) >= least


def requests_row_adds_up(numbers: Sequence[object]) -> bool:
    """True when a requests row's six applicant counts (blanks as nothing) add up to its stated total.

    Layouts use it to tell a row read whole from one a column off.
    """
    *parts, total = numbers
    if not isinstance(total, int) or not all(p is None or isinstance(p, int) for p in parts):
        return False
    return sum(p for p in parts if isinstance(p, int)) == total


def _rules(template: fields.Template, stated: Mapping[str, object]) -> Iterator[Rule]:
    """Every ``sum(left) == sum(right)`` rule of fields.md for the format."""
    req = "requests"
    for col in fields.REQUESTS_COLUMNS:
        yield ("rule-balance", Severity.ERROR,
               f"{col}: new + carried over must equal total + carried forward",
               [f"{req}.new_received.{col}", f"{req}.carried_over.{col}"],
               [f"{req}.total.{col}", f"{req}.carried_forward.{col}"])
        # A 2021 report may print the single 2019-style (六) row instead of its sub-rows.
        alternative = stated.get(f"{req}.other.no_correction.{col}") is None
        results = fields.FORMATS[template].result_rows(alternative=alternative)
        yield ("rule-result-rows", Severity.WARNING, f"{col}: the result rows must add up to the total row",
               [f"{req}.{row}.{col}" for row in results], [f"{req}.total.{col}"])
    for row in fields.REQUESTS_ROWS[template]:
        yield ("rule-applicant-columns", Severity.WARNING,
               f"{row}: the six applicant columns must add up to the total column",
               [f"{req}.{row}.{col}" for col in fields.REQUESTS_APPLICANT_COLUMNS], [f"{req}.{row}.total"])
    for group in fields.APPEALS_GROUPS:
        yield ("rule-appeals-total", Severity.WARNING,
               f"{group}: upheld + corrected + other + pending must equal the total",
               [f"appeals.{group}.{c}" for c in fields.APPEALS_COLUMNS[:-1]], [f"appeals.{group}.total"])


def _evaluate(report: Report) -> Iterator[Diagnostic | None]:
    """For each rule that every value it involves is stated for: None when it holds, else a diagnostic."""
    stated = {c.field_id: c.value for c in report.cells()}
    for outcome, (_, _, _, left, right) in _outcomes(report.meta.template or "2019", stated):
        if outcome is None:
            yield None
            continue
        code, severity, message, lhs, rhs, ids, values = outcome
        anchor = report.cell(right[0] if len(right) == 1 else left[0])
        yield Diagnostic(
            code=code, severity=severity, message=f"{message}: {lhs} ≠ {rhs}",
            field_ids=ids, values=tuple(values), span=anchor.span if anchor else None,
        )


_Broken = tuple[str, Severity, str, object, object, tuple[str, ...], list[Any]]


def _outcomes(
    template: fields.Template, stated: Mapping[str, object],
) -> Iterator[tuple[_Broken | None, Rule]]:
    """For each rule whose values are all stated: None when it holds, else what breaks it."""
    for rule in _rules(template, stated):
        code, severity, message, left, right = rule
        holds = rule_holds(left, right, stated)
        if holds is None:
            continue
        if holds:
            yield None, rule
            continue
        ids = (*left, *right)
        values = [stated[k] for k in ids]
        lhs, rhs = sum(values[: len(left)]), sum(values[len(left) :])  # type: ignore[arg-type]
        yield (code, severity, message, lhs, rhs, ids, values), rule


def check_report(report: Report) -> list[Diagnostic]:
    """Every rule of fields.md that the report's stated values allow checking."""
    return [d for d in _evaluate(report) if d is not None]


def rule_tally(report: Report) -> tuple[int, int]:
    """(rules the stated values allow checking, rules broken)."""
    return rule_tally_of({c.field_id: c.value for c in report.cells()}, report.meta.template or "2019")


def rule_tally_of(stated: Mapping[str, object], template: fields.Template) -> tuple[int, int]:
    """(rules ``stated`` values of a report of ``template`` allow checking, rules broken)."""
    outcomes = [outcome for outcome, _ in _outcomes(template, stated)]
    return len(outcomes), sum(1 for o in outcomes if o is not None)


def rule_holds(left: Sequence[str], right: Sequence[str], stated: Mapping[str, object]) -> bool | None:
    """Whether ``sum(left) == sum(right)`` for ``stated`` values; None when one is not stated."""
    if any(stated.get(f) is None for f in (*left, *right)):
        return None
    return sum(stated[f] for f in left) == sum(stated[f] for f in right)  # type: ignore[misc]


def rule_sides(
    stated: Mapping[str, object], template: fields.Template,
) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """Every rule of the format as ``(code, left, right)``: the fields whose sums must be equal.

    ``stated`` tells which (六) rows a 2021 report prints.
    """
    return [(code, tuple(left), tuple(right)) for code, _, _, left, right in _rules(template, stated)]


@hookimpl
def govinfo_check_report(report: Report) -> list[Diagnostic]:
    return check_report(report)
