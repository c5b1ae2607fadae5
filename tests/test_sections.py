"""Splitting a report into sections by heading keywords."""

from __future__ import annotations

import pytest

from govinfo_parse.model import SectionKind
from govinfo_parse.sections import classify_heading, split_sections
from govinfo_parse.text import normalize


@pytest.mark.parametrize(("title", "kind"), [
    ("总体情况", SectionKind.OVERVIEW),
    ("工作开展情况", SectionKind.OVERVIEW),
    ("主动公开政府信息情况", SectionKind.ACTIVE),
    ("行政机关主动公开政府信息情况", SectionKind.ACTIVE),
    ("收到和处理政府信息公开申请情况", SectionKind.REQUESTS),
    ("政府信息公开行政复议、行政诉讼情况", SectionKind.APPEALS),
    ("因政府信息公开工作被申请行政复议提起行政诉讼情况", SectionKind.APPEALS),
    ("存在的主要问题及改进情况", SectionKind.PROBLEMS),
    ("政府信息公开工作存在的主要问题及改进情况", SectionKind.PROBLEMS),
    ("存在的主要问题和改进情况", SectionKind.PROBLEMS),
    ("其他需要报告的事项", SectionKind.OTHER),
    ("本年新收政府信息公开申请数量", None),
    ("上年结转政府信息公开申请数量", None),
    ("本年度办理结果", None),
    ("结转下年度继续办理", None),
])
def test_classify_heading(title: str, kind: SectionKind | None) -> None:
    assert classify_heading(title) == kind


def _kinds(text: str) -> list[tuple[str, int | None]]:
    return [(s.kind.value, s.number) for s, _, _ in split_sections(normalize(text))]


def test_renumbered_repeated_and_missing_headings() -> None:
    text = (
        "某县2020年政府信息公开工作年度报告\n"
        "一、工作开展情况\n正文。\n"
        "三、收到和处理政府信息公开申请情况\n共收到申请7件。\n"
        "一、主动公开政府信息情况\n\t规章\n"
        "二、收到和处理政府信息公开申请情况\n\t一、本年新收政府信息公开申请数量\n\t7\n"
        "五、其他需要报告的事项\n无。\n"
    )
    assert _kinds(text) == [
        ("preamble", None), ("overview", 1), ("requests", 3), ("active", 1), ("requests", 2), ("other", 5),
    ]


def test_section_text_and_span_point_at_the_raw_source() -> None:
    text = "一、　总体情况\r\n全年共发布信息１２条。\r\n二、主动公开政府信息情况\r\n表\r\n"
    sections = [s for s, _, _ in split_sections(normalize(text))]
    assert sections[0].text == "全年共发布信息１２条。"
    assert sections[0].heading == "一、　总体情况"
    assert sections[1].span is not None
    assert text[sections[1].span.offset :].startswith("二、主动公开")


def test_no_headings_gives_one_preamble() -> None:
    assert _kinds("只有一段文字。\n") == [("preamble", None)]


@pytest.mark.parametrize("heading", [
    "三、收到和处理政府信息公开申请情况",
    "\t三、收到和处理政府信息公开申请情况\t",  # a page's text taken with a tab separator
    "# <u>三、收到和处理政府信息公开申请情况</u> ",  # pymupdf4llm
    "## **三、收到和处理政府信息公开申请情况**",
])
def test_a_heading_as_tools_write_it(heading: str) -> None:
    text = f"某县2020年政府信息公开工作年度报告\n{heading}\n本年收到申请10件，均已答复完毕，无逾期。\n"
    assert ("requests", 3) in _kinds(text)
