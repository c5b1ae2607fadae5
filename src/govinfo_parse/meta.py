"""Reading what a report is about: its title, year and issuing body."""

from __future__ import annotations

import re
from typing import Final

from govinfo_parse.model import Section, SectionKind
from govinfo_parse.patterns import LazyPattern

__all__ = ["TITLE_LINE", "read_organ", "read_title", "read_year"]

#: A report's title line.  资讯 is 信息 in Taiwan usage (text converted with OpenCC s2twp
#: and back).  Some bodies call the report 工作报告 or 年报: those titles must name a year,
#: so that a menu entry (政府信息公开年报) is not taken for one.
#: (Between the year and 年, blanks and at most one line break: a run of empty lines stays linear.)
TITLE_LINE: Final = LazyPattern(
    r"^[^\n]{0,40}?(?:(?:\d{4})?[^\S\n]*(?:\n[^\S\n]*)?年?度?政府(?:信息|资讯)公开[^\n]{0,12}?年度报告"
    r"|\d{4}[^\S\n]*(?:\n[^\S\n]*)?年度?[^\n]{0,20}?政府(?:信息|资讯)公开[^\n]{0,12}?(?:工作报告|年报))[^\n]{0,10}$",
    re.MULTILINE,
)
_YEAR_IN_TITLE: Final = LazyPattern(r"(\d{4})\s*年度?")
# 本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止
_PERIOD: Final = LazyPattern(r"统计期限[^。]{0,14}?(\d{4})\s*年\s*1\s*月\s*1\s*日")
# A sentence that opens with its year and a comma (2020年，…), as section 一 does. Not a date
# (2021年1月20日, a publication line) nor a span of years (2019年以来).
# (Blanks after the line break exclude newlines, so a long run of empty lines stays linear.)
_YEAR_SENTENCE: Final = LazyPattern(r"(?:^|[。\n])[^\S\n]*(\d{4})\s*年度?\s*[，,]")
_ORGAN_SUFFIX: Final = LazyPattern(r"(人民政府|办公室|政府|委员会|局|厅|委|办|县|市|区|旗|镇|乡|街道)$")
_ORGAN_BEFORE_YEAR: Final = LazyPattern(r"^\s*([\u4e00-\u9fff（）()]{2,30}?)\s*\d{4}\s*年")
_ORGAN_IN_PROSE: Final = LazyPattern(
    r"\d{4}年[，,]\s*([\u4e00-\u9fff]{1,8}?(?:县|市|区|旗|镇|乡))(?:人民政府)?"
)


def read_title(preamble: str) -> str | None:
    """The report's title line, if the text before section 一 has one."""
    m = TITLE_LINE.search(preamble)
    return m.group().strip() if m else None


def _plausible(year: int) -> bool:
    return 2007 <= year <= 2100


def read_year(title: str | None, sections: list[Section], problems: list[str] | None = None) -> int | None:
    """The year the report covers, or None where the document does not settle it.

    The title's year, or the statistical period's (统计期限自2020年1月1日…); where both
    are stated and differ, no year, and a line in ``problems``.  Without either,
    sentences of section 一 that open with a year (2020年，…) give it when they
    agree.  A publication date or a phrase such as 2019年以来 never does.
    """
    problems = [] if problems is None else problems
    text = "\n".join(s.text for s in sections if s.kind in (SectionKind.PREAMBLE, SectionKind.OVERVIEW))
    titled = _year(_YEAR_IN_TITLE.search(title)) if title else None
    period = _year(_PERIOD.search(text))
    if titled and period and titled != period:
        problems.append(f"the title says {titled}, the statistical period {period}; no year is taken")
        return None
    if titled or period:
        return titled or period
    opening = {y for m in _YEAR_SENTENCE.finditer(text) if (y := _year(m)) is not None}
    if len(opening) > 1:
        years = ", ".join(map(str, sorted(opening)))
        problems.append(f"sentences of section 一 open with different years ({years}) and neither the "
                        "title nor a statistical period states one; no year is taken")
        return None
    return opening.pop() if opening else None


def _year(m: re.Match[str] | None) -> int | None:
    return int(m.group(1)) if m and _plausible(int(m.group(1))) else None


def read_organ(preamble: str, title: str | None, sections: list[Section]) -> str | None:
    """The issuing body: the title's prefix, a short line above the title, or section 一's subject."""
    if title and (m := _ORGAN_BEFORE_YEAR.match(title)):
        return m.group(1)
    for line in preamble.splitlines():
        line = line.strip()  # noqa: PLW2901
        if line and line != title and len(line) <= 30 and _ORGAN_SUFFIX.search(line):
            return line
    overview = next((s.text for s in sections if s.kind is SectionKind.OVERVIEW), "")
    m = _ORGAN_IN_PROSE.search(overview[:500])
    return m.group(1) if m and m.group(1)[0] not in "我本全该" else None
