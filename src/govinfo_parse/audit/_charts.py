"""The page's small charts: what users look at first, as bar geometry for inline SVG.

Only values the tables state are drawn; a bar that adds up several rows
says how many of them the report states.  The template draws the SVG.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from govinfo_parse import fields
from govinfo_parse.model import Origin

if TYPE_CHECKING:
    from govinfo_parse.model import Number, Report

__all__ = ["BarChart", "bar_chart", "charts"]

#: Chart width in SVG units; labels take the left part, values the right.
WIDTH: Final = 420
LABEL_WIDTH: Final = 120
BAR_SPACE: Final = 240
ROW_HEIGHT: Final = 22

_APPLICANTS: Final = (
    ("natural_person", "自然人"), ("commercial", "商业企业"), ("research", "科研机构"),
    ("nonprofit", "社会公益组织"), ("legal_service", "法律服务机构"), ("other_org", "其他组织"),
)
_OUTCOMES: Final = (("granted", "予以公开"), ("partially_granted", "部分公开"), ("denied", "不予公开"),
                    ("unable", "无法提供"), ("not_processed", "不予处理"), ("other", "其他处理"))
_APPEAL_GROUPS: Final = (("review", "行政复议"), ("litigation_direct", "直接起诉"),
                         ("litigation_after_review", "复议后起诉"))
_APPEAL_RESULTS: Final = (("upheld", "维持"), ("corrected", "纠正"), ("other", "其他"), ("pending", "未审结"))


@attrs.frozen
class Bar:
    label: str
    value: Number | None
    width: float
    y: int
    #: What hovering tells (which rows a sum covers).
    title: str


@attrs.frozen
class BarChart:
    title: str
    bars: list[Bar]
    height: int
    #: Said instead of the chart when the report states none of its values.
    empty: str = ""


def _stated(report: Report, field_id: str) -> Number | None:
    cell = report.cell(field_id)
    if cell is None or cell.value is None or cell.origin is Origin.NARRATIVE:
        return None
    return cell.value


def bar_chart(title: str, items: list[tuple[str, Number | None, str]]) -> BarChart:
    """A chart of ``(label, value or None, note)`` bars, scaled to the largest."""
    largest = max((abs(float(v)) for _, v, _ in items if v is not None), default=0.0)
    scale = BAR_SPACE / largest if largest else 0.0
    bars = [Bar(label=label, value=value, y=i * ROW_HEIGHT, title=note,
                width=max(1.0, scale * abs(float(value))) if value else 0.0)
            for i, (label, value, note) in enumerate(items)]
    empty = "" if any(v is not None for _, v, _ in items) else "the report states none of these values"
    return BarChart(title=title, bars=bars, height=len(bars) * ROW_HEIGHT + 4, empty=empty)


def _sum(report: Report, field_ids: list[str]) -> tuple[Number | None, str]:
    values = [v for f in field_ids if (v := _stated(report, f)) is not None]
    if not values:
        return None, "not stated"
    note = f"sum of {len(values)} of {len(field_ids)} rows stated" if len(field_ids) > 1 else field_ids[0]
    return sum(values), note


def charts(report: Report) -> list[BarChart]:
    """Requests by applicant type and by outcome; review and litigation outcomes."""
    template = report.meta.template or "2019"
    applicants = [(label, _stated(report, f"requests.new_received.{col}"), f"requests.new_received.{col}")
                  for col, label in _APPLICANTS]
    alternative = _stated(report, "requests.other.total") is not None
    rows = fields.FORMATS[template].result_rows(alternative=alternative)
    outcomes = [(label, *_sum(report, [f"requests.{r}.total" for r in rows
                                       if r == key or r.startswith(f"{key}.")]))
                for key, label in _OUTCOMES]
    appeals = [(f"{group_label}·{result_label}", _stated(report, f"appeals.{g}.{r}"), f"appeals.{g}.{r}")
               for g, group_label in _APPEAL_GROUPS for r, result_label in _APPEAL_RESULTS]
    return [
        bar_chart("本年新收申请 · 按申请人", applicants),
        bar_chart("办理结果 · 总计列", outcomes),
        bar_chart("行政复议、行政诉讼结果", appeals),
    ]
