"""Splitting a report into its numbered sections by their headings.

Headings are recognised by keywords, not exact strings or numbers: bodies
renumber them, copy the wording of the regulation instead of the format's,
repeat them (narrative parts first, then the tables), or leave some out.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING, Final

import attrs

from govinfo_parse.meta import TITLE_LINE
from govinfo_parse.model import Section, SectionKind

if TYPE_CHECKING:
    from govinfo_parse.text import SourceText

__all__ = ["HeadingMatch", "classify_heading", "find_headings", "split_reports", "split_sections"]

_NUMERALS: Final = "一二三四五六七八九十"
# A heading line: a Chinese ordinal with 、 (or a dot/comma), then a short title (a page's
# text taken with a tab separator puts tabs around it; Markdown converters mark it up: ``# <u>…</u>``).
_HEADING_LINE: Final = re.compile(
    rf"^[ \t]*(?:#{{1,6}}[ ]+)?(?:<u>|\*\*)?([{_NUMERALS}]{{1,2}})[ ]*[、.,．][ ]*([^\t\n]{{2,40}}?)"
    rf"(?:</u>|\*\*)?[ \t]*$", re.MULTILINE
)
# Keyword rules, tried in order; the first that matches the title decides its kind.
_KEYWORDS: Final[tuple[tuple[re.Pattern[str], SectionKind], ...]] = (
    (re.compile(r"收到和处理|依申请公开.*情况"), SectionKind.REQUESTS),
    (re.compile(r"主动公开.*(情况|信息)$|^主动公开$"), SectionKind.ACTIVE),
    (re.compile(r"行政复议|行政诉讼"), SectionKind.APPEALS),
    (re.compile(r"存在的?主要问题|问题.*改进|改进.*情况$"), SectionKind.PROBLEMS),
    (re.compile(r"其他需要报告|其他事项|其它需要报告"), SectionKind.OTHER),
    (re.compile(r"总体情况|工作开展情况|基本情况|概述|总体工作情况"), SectionKind.OVERVIEW),
)
# Table row labels that look like headings (三、本年度办理结果, 四、结转下年度继续办理).
_TABLE_ROW_WORDS: Final = re.compile(r"申请数量|办理结果|继续办理|结转")


@attrs.frozen
class HeadingMatch:
    """A heading line found in the normalised text."""

    kind: SectionKind
    number: int
    title: str
    start: int  # offset of the line start
    end: int  # offset just past the heading line


def _ordinal(numeral: str) -> int:
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + _NUMERALS.index(numeral[1]) + 1
    return _NUMERALS.index(numeral[0]) + 1


def classify_heading(title: str) -> SectionKind | None:
    """The section a heading title names, or None when it names none."""
    compact = title.replace(" ", "")
    if _TABLE_ROW_WORDS.search(compact):
        return None
    for pattern, kind in _KEYWORDS:
        if pattern.search(compact):
            return kind
    return None


def find_headings(text: str) -> list[HeadingMatch]:
    """Every section heading in ``text``, in order."""
    found = []
    for m in _HEADING_LINE.finditer(text):
        kind = classify_heading(m.group(2))
        if kind is not None:
            end = m.end() + 1 if m.end() < len(text) else m.end()
            found.append(HeadingMatch(kind, _ordinal(m.group(1)), m.group(2).strip(), m.start(), end))
    return found


_ENDING_KINDS: Final = frozenset({SectionKind.PROBLEMS, SectionKind.OTHER})
_TABLE_KINDS: Final = frozenset({SectionKind.ACTIVE, SectionKind.REQUESTS, SectionKind.APPEALS})
_LEAST_BODY: Final = 40  # characters: less is a heading with nothing under it


def split_reports(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each report in ``text``: one, unless a file holds several.

    A scraped listing or a compiled PDF may hold reports one after another.  A
    new report starts at a title line followed by a section 一 heading, or, with
    no title, at a section 一 heading after a report's closing sections (五/六);
    in both cases only after a report with a table section that has a body (a
    table of contents is not a report).  Repeated headings alone (narrative
    sections first, tables later) do not start one.
    """
    headings = find_headings(text)
    starts: list[int] = []
    seen_ending = seen_table = False
    for i, h in enumerate(headings):
        if i and h.kind is SectionKind.OVERVIEW and seen_table:
            titles = [m.start() for m in TITLE_LINE.finditer(text, headings[i - 1].end, h.start)]
            if titles or seen_ending:
                starts.append(titles[0] if titles else h.start)
                seen_ending = seen_table = False
                continue
        body_end = headings[i + 1].start if i + 1 < len(headings) else len(text)
        seen_ending = seen_ending or h.kind in _ENDING_KINDS
        has_body = len(text[h.end:body_end].strip()) >= _LEAST_BODY
        seen_table = seen_table or (h.kind in _TABLE_KINDS and has_body)
    return list(pairwise([0, *starts, len(text)]))


def split_sections(
    source: SourceText, start: int = 0, end: int | None = None,
) -> list[tuple[Section, int, int]]:
    """Sections in document order, each with the normalised offsets of its body.

    The text before the first heading is a ``PREAMBLE`` section (when it has
    any text).  A heading that occurs twice gives two sections of one kind.
    ``start``/``end`` limit the split to one report of a file that holds several.
    """
    text = source.text
    end = len(text) if end is None else end
    headings = [h for h in find_headings(text[:end]) if h.start >= start]
    out: list[tuple[Section, int, int]] = []
    first = headings[0].start if headings else end
    if text[start:first].strip():
        preamble = Section(
            kind=SectionKind.PREAMBLE, number=None, heading="",
            text=source.raw_slice(start, first).strip(),
            span=source.span(start, first),
        )
        out.append((preamble, start, first))
    for i, h in enumerate(headings):
        body_end = headings[i + 1].start if i + 1 < len(headings) else end
        section = Section(
            kind=h.kind, number=h.number,
            heading=source.raw_slice(h.start, h.end).strip(),
            text=source.raw_slice(h.end, body_end).strip(),
            span=source.span(h.start, body_end),
        )
        out.append((section, h.end, body_end))
    return out
