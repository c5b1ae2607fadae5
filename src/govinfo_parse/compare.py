"""Comparing one body's reports across years.

Auditors read a body's reports side by side.  For two reports of consecutive
years this checks the cross-year rules of ``spec/fields.md`` (warnings: real
reports break them for good reasons) and measures how much of each prose
section repeats the previous year's text (local audit rules penalise copying
more than half of last year's report).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Final

import attrs

from govinfo_parse import fields, labels
from govinfo_parse.model import Diagnostic, Report, SectionKind, Severity

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["COPY_LIMIT", "SectionReuse", "YearPair", "compare_years", "group_by_organ", "text_reuse"]

#: Share of a section's text found in the previous year's report above which it counts as copied.
COPY_LIMIT: Final = 0.5
_SHINGLE: Final = 8  # characters per shingle: long enough that shared phrases, not words, match
_PROSE: Final = (SectionKind.OVERVIEW, SectionKind.ACTIVE, SectionKind.REQUESTS, SectionKind.APPEALS,
                 SectionKind.PROBLEMS, SectionKind.OTHER)
_SHORTEST_PROSE: Final = 10
_NUMBER_TOKEN: Final = re.compile(r"(?:^|\s)[+-]?\d[\d,.]*(?=\s|$)")
_NOT_PROSE: Final = re.compile(r"[^\u4e00-\u9fff\w]|\d")


@attrs.frozen(kw_only=True)
class SectionReuse:
    """How much of a section repeats last year's report."""

    section: SectionKind
    share: float  # 0 … 1 of the section's text
    copied: bool


@attrs.frozen(kw_only=True)
class YearPair:
    """Two reports of one body, a year apart, and what comparing them found."""

    organ: str | None
    earlier: str  # path, or the year when there is no path
    later: str
    earlier_year: int | None
    later_year: int | None
    diagnostics: tuple[Diagnostic, ...]
    reuse: tuple[SectionReuse, ...]


def _shingles(text: str) -> set[str]:
    prose = _NOT_PROSE.sub("", text)
    return {prose[i : i + _SHINGLE] for i in range(max(0, len(prose) - _SHINGLE + 1))}


def _is_prose(line: str) -> bool:
    """Sentences, not table lines: table labels repeat every year by design."""
    if "\t" in line or len(_NUMBER_TOKEN.findall(line)) >= 2 or len(line.strip()) < _SHORTEST_PROSE:
        return False
    if not any(mark in line for mark in "。，；："):  # header fragments and vertical labels
        return False
    return not (labels.rows_named(line) or labels.header_words(line) or labels.is_active_caption(line))


def _prose(report: Report, kind: SectionKind) -> str:
    return "\n".join(line for s in report.sections if s.kind is kind for line in s.text.splitlines()
                     if _is_prose(line))


def text_reuse(earlier: Report, later: Report) -> tuple[SectionReuse, ...]:
    """Share of each prose section of ``later`` that repeats ``earlier`` (any section of it)."""
    before = set().union(*(_shingles(_prose(earlier, kind)) for kind in _PROSE))
    out = []
    for kind in _PROSE:
        mine = _shingles(_prose(later, kind))
        if len(mine) < _SHINGLE:
            continue
        share = len(mine & before) / len(mine)
        out.append(SectionReuse(section=kind, share=round(share, 3), copied=share > COPY_LIMIT))
    return tuple(out)


def _name(report: Report) -> str:
    return report.source.path or str(report.meta.year)


def _warn(code: str, message: str, ids: tuple[str, ...], values: tuple[int | None, ...]) -> Diagnostic:
    return Diagnostic(code=code, severity=Severity.WARNING, message=message, field_ids=ids, values=values)


def _carried(earlier: Report, later: Report) -> Iterator[Diagnostic]:
    for col in fields.REQUESTS_COLUMNS:
        before = earlier.value(f"requests.carried_forward.{col}")
        now = later.value(f"requests.carried_over.{col}")
        if before is not None and now is not None and before != now:
            yield _warn(
                "cross-year-carry",
                f"{col}: {_name(later)} carries over {now}, but {_name(earlier)} carried forward {before}",
                (f"requests.carried_forward.{col}", f"requests.carried_over.{col}"),
                (int(before), int(now)),
            )


def _catalogue(earlier: Report, later: Report) -> Iterator[Diagnostic]:
    """2019 format: this year's 上一年项目数量 = last year's 上一年项目数量 + 本年增/减."""
    for row, columns in fields.ACTIVE_ROWS["2019"].items():
        if "prev_items" not in columns:
            continue
        prev, change = earlier.value(f"active.{row}.prev_items"), earlier.value(f"active.{row}.change")
        now = later.value(f"active.{row}.prev_items")
        if None not in (prev, change, now) and now != prev + change:  # type: ignore[operator]
            yield _warn(
                "cross-year-items",
                f"{row}: {_name(later)} starts from {now} items, but {_name(earlier)} had "
                f"{prev} {change:+d} = {prev + change}",  # type: ignore[operator]
                (f"active.{row}.prev_items", f"active.{row}.change"),
                (int(now), int(prev + change)),  # type: ignore[arg-type, operator]
            )


def _in_force(earlier: Report, later: Report) -> Iterator[Diagnostic]:
    """2021 format: 现行有效件数(N) ≈ 现行有效件数(N−1) + 本年制发件数(N) − 本年废止件数(N)."""
    for row in ("regulations", "normative_documents"):
        before = earlier.value(f"active.{row}.in_force")
        now, issued, repealed = (later.value(f"active.{row}.{c}") for c in ("in_force", "issued", "repealed"))
        if None in (before, now, issued, repealed):
            continue
        expected = before + issued - repealed  # type: ignore[operator]
        if now != expected:
            yield _warn(
                "cross-year-in-force",
                f"{row}: {_name(later)} has {now} in force, {_name(earlier)} had {before}; "
                f"with {issued} issued and {repealed} repealed about {expected} were expected "
                "(revisions counted as issued break this)",
                (f"active.{row}.in_force", f"active.{row}.issued", f"active.{row}.repealed"),
                (int(now), int(expected)),  # type: ignore[arg-type]
            )


def compare_years(earlier: Report, later: Report) -> YearPair:
    """Check the cross-year rules between two reports of one body and measure copied text."""
    if earlier.meta.year and later.meta.year and earlier.meta.year > later.meta.year:
        earlier, later = later, earlier
    found: list[Diagnostic] = []
    consecutive = earlier.meta.year is not None and later.meta.year == earlier.meta.year + 1
    if not consecutive:
        found.append(Diagnostic(
            code="cross-year-gap", severity=Severity.INFO,
            message=f"{_name(earlier)} ({earlier.meta.year}) and {_name(later)} ({later.meta.year}) are not "
            "consecutive years; the carry-over rules are not checked",
        ))
    else:
        found += _carried(earlier, later)
        if earlier.meta.template == later.meta.template == "2019":
            found += _catalogue(earlier, later)
        if later.meta.template == "2021" and earlier.meta.template == "2021":
            found += _in_force(earlier, later)
    reuse = text_reuse(earlier, later)
    found += [
        _warn("copied-text", f"{r.section.value}: {r.share:.0%} of {_name(later)}'s text repeats "
              f"{_name(earlier)}", (), ())
        for r in reuse if r.copied
    ]
    return YearPair(
        organ=later.meta.organ or earlier.meta.organ, earlier=_name(earlier), later=_name(later),
        earlier_year=earlier.meta.year, later_year=later.meta.year, diagnostics=tuple(found), reuse=reuse,
    )


# A body's name ends in a place and an office: 洪泽区人民政府 is 淮安市洪泽区人民政府 without its city.
_PLACE: Final = re.compile(r"[\u4e00-\u9fff]{2,}(?:[省市县区旗镇乡]|街道)")


def _same_body(names: Iterable[str]) -> dict[str, str]:
    """Each name, mapped to the longest of ``names`` ending with it (洪泽区人民政府 → 淮安市洪泽区人民政府).

    A name counts only if it names a place (区, 县 …) before its office, so
    that 人民政府 alone joins nothing.
    """
    ordered = sorted(set(names), key=len, reverse=True)
    found: dict[str, str] = {}
    for name in ordered:
        longer = [o for o in ordered if len(o) > len(name) and o.endswith(name)]
        found[name] = found[longer[0]] if longer and _PLACE.search(name) else name
    return found


def group_by_organ(reports: Iterable[Report]) -> dict[str | None, list[Report]]:
    """Reports grouped by issuing body, each group in year order.

    Names are compared without whitespace, and a name that another ends with
    (洪泽区人民政府, 淮安市洪泽区人民政府) is the same body; a report naming no body
    is grouped under None.
    """
    reports = list(reports)
    names = {id(r): re.sub(r"\s+", "", r.meta.organ) for r in reports if r.meta.organ}
    canonical = _same_body(names.values())
    groups: dict[str | None, list[Report]] = defaultdict(list)
    for report in reports:
        name = names.get(id(report))
        groups[canonical[name] if name else None].append(report)
    for members in groups.values():
        members.sort(key=lambda r: r.meta.year or 0)
    return dict(groups)
