"""Reading what a report is about: its title, year and issuing body."""

from __future__ import annotations

import re
from typing import Final

from govinfo_parse.model import Section, SectionKind

__all__ = ["read_organ", "read_title", "read_year"]

_TITLE: Final = re.compile(
    # 资讯 is 信息 in Taiwan usage (text converted with OpenCC s2twp and back).
    r"^[^\n]{0,40}?(?:\d{4})?\s*年?度?政府(?:信息|资讯)公开[^\n]{0,12}?年度报告[^\n]{0,10}$", re.MULTILINE
)
_YEAR_IN_TITLE: Final = re.compile(r"(\d{4})\s*年度?")
# 本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止
_PERIOD: Final = re.compile(r"统计期限[^\n。]{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日")
# (Blanks after the line break exclude newlines, so a long run of empty lines stays linear.)
_YEAR_SENTENCE: Final = re.compile(r"(?:^|[。\n])[^\S\n]*(\d{4})\s*年(?:年)?(?:度)?[，,]?")
_ORGAN_SUFFIX: Final = re.compile(r"(人民政府|办公室|政府|委员会|局|厅|委|办|县|市|区|旗|镇|乡|街道)$")
_ORGAN_BEFORE_YEAR: Final = re.compile(r"^\s*([\u4e00-\u9fff（）()]{2,30}?)\s*\d{4}\s*年")
_ORGAN_IN_PROSE: Final = re.compile(
    r"\d{4}年[，,]\s*([\u4e00-\u9fff]{1,8}?(?:县|市|区|旗|镇|乡))(?:人民政府)?"
)


def read_title(preamble: str) -> str | None:
    """The report's title line, if the text before section 一 has one."""
    m = _TITLE.search(preamble)
    return m.group().strip() if m else None


def _plausible(year: int) -> bool:
    return 2007 <= year <= 2100


def read_year(title: str | None, sections: list[Section]) -> int | None:
    """The year covered: from the title, the statistics period, or section 一's first dated sentence."""
    if title and (m := _YEAR_IN_TITLE.search(title)) and _plausible(int(m.group(1))):
        return int(m.group(1))
    text = "\n".join(s.text for s in sections if s.kind in (SectionKind.PREAMBLE, SectionKind.OVERVIEW))
    for pattern in (_PERIOD, _YEAR_SENTENCE):
        m = pattern.search(text)
        if m and _plausible(int(m.group(1))):
            return int(m.group(1))
    return None


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
