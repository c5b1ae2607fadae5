"""Markdown pipe tables from OCR and vision models."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_parse
from govinfo_parse.testing import SampleReport, render_markdown
from govinfo_parse.testing.strategies import damaged, sample_reports


@given(sample_reports(), st.booleans())
def test_round_trip_plain_and_ocr_style(sample: SampleReport, ocr: bool) -> None:  # noqa: FBT001
    report = govinfo_parse.parse(render_markdown(sample, ocr=ocr))
    assert report.to_flat() == sample.expected_flat()
    assert {c.layout for c in report.cells()} == {"markdown"}


@given(sample_reports(blanks=True), st.booleans(), st.data())
def test_blanks_and_damage_never_give_a_wrong_number(
    sample: SampleReport, ocr: bool, data: st.DataObject  # noqa: FBT001
) -> None:
    text = data.draw(damaged(render_markdown(sample, ocr=ocr)))
    assert sample.wrong_values(govinfo_parse.parse(text)) == []


def test_generic_header_and_flattened_table_four_use_the_format_order_with_a_diagnostic() -> None:
    text = (
        "三、收到和处理政府信息公开申请情况\n| 项目 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |\n|---|---|---|---|---|---|---|---|\n"
        "| 一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |\n"
        "四、政府信息公开行政复议、行政诉讼情况\n| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    )
    report = govinfo_parse.parse(text)
    assert report.value("requests.new_received.commercial") == 1
    assert report.value("appeals.review.total") == 1
    assert [d.code for d in report.diagnostics if d.code == "no-header"] == ["no-header", "no-header"]


def test_header_words_split_over_cells() -> None:
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "| 申请人情况 | 自然人 | 商业企 | 业 | 科研机 | 构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|---|---|\n"
        "| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 2 | 0 | 8 |\n"
    )
    report = govinfo_parse.parse(text)
    assert [report.value(f"requests.new_received.{c}") for c in ("natural_person", "legal_service", "total")] == [
        5, 2, 8]


def test_prose_around_html_tables_feeds_the_narrative_reader() -> None:
    html = "<html><body><p>一、总体情况</p><p>全年共收到政府信息公开申请12件。</p></body></html>"
    report = govinfo_parse.parse(html.encode())
    assert [(f.field_id, f.value) for f in report.narrative] == [("requests.new_received.total", 12)]
    assert report.source.format == "html"


def test_pipe_cells_holding_several_numbers_are_read_as_the_pdf_lines_they_frame() -> None:
    # markitdown frames a PDF's lines: two columns' numbers share a cell, labels wrap outside.
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "| 一、本年新收政府信息公开申请数量 |     | 3 1 | 0 0   | 0 0 | 4   |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "（二）部分公开（区分处理的，只计这一\n"
        "|     |     | 2 1 | 0 0   | 0 0 | 3   |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "情形，不计其他情形）\n"
        "| （七）总计 |     | 3 1 | 0 0   | 0 0 | 4   |\n"
    )
    report = govinfo_parse.parse(text)
    assert {c.layout for c in report.cells()} == {"pdf_text"}
    assert report.value("requests.new_received.commercial") == 1
    assert report.value("requests.new_received.total") == 4
    assert report.value("requests.partially_granted.natural_person") == 2  # its label wraps around it
    assert report.value("requests.total.total") == 4


# A Word-export page inside a layout table, through markdownify: the inner tables flattened onto
# their outer cell's line, where a row's end and a blank cell both print as "| |".
_FLATTENED = (
    "|  |  |\n| --- | --- |\n"
    "| 首页 | 某县2019年政府信息公开工作年度报告 二、主动公开政府信息情况   |  |  |  |  | | --- | --- | --- | --- | "
    "| 第二十条第（一）项 | | | | | 信  息  内  容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 | "
    "| 规  章 | | 2 | | | 规范性文件 | 3 | | 9 | "
    "| 第二十条第（八）项 | | | | | 信息内容 | 上一年项目数量 | 本年增/减 | | | 行政事业性收费 | 4 | -1 | |"
    "   三、收到和处理政府信息公开申请情况   |  |  |  |  |  |  |  |  |  |  | "
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | "
    "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 | | | | | | | "
    "| 自  然  人 | 法人或其他组织 | | | | | 总  计 | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | "
    "| 一、本年新收政府信息公开申请数量 | | | 5 | | 1 | | | | 6 | "
    "| 三、本年度办理结果 | （一）予以公开 | | 4 | | | | | | 4 | "
    "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | | 1 | | 1 | | | | 2 |"
    "   四、政府信息公开行政复议、行政诉讼情况   |  |  |  |  |  |  |  |  |  |  |  |  |  |  |  | "
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | "
    "| 行  政  复  议 | | | | | 行  政  诉  讼 | | | | | | | | | | "
    "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | | "
    "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | "
    "| 1 | | | | 1 | | 2 | | | 2 | | | | | |   五、存在的主要问题及改进情况  无。 |\n"
)


def test_tables_flattened_into_a_layout_cell_are_parted_at_the_blank_before_each_row_label() -> None:
    report = govinfo_parse.parse(_FLATTENED)
    flat = {k: v for k, v in report.to_flat().items() if not k.startswith("meta.")}
    assert flat == {
        "active.regulations.published": 2,
        "active.normative_documents.made": 3, "active.normative_documents.total_published": 9,
        "active.administrative_fees.prev_items": 4, "active.administrative_fees.change": -1,
        "requests.new_received.natural_person": 5, "requests.new_received.research": 1,
        "requests.new_received.total": 6,
        "requests.granted.natural_person": 4, "requests.granted.total": 4,
        "requests.partially_granted.natural_person": 1, "requests.partially_granted.research": 1,
        "requests.partially_granted.total": 2,
        "appeals.review.upheld": 1, "appeals.review.total": 1,
        "appeals.litigation_direct.corrected": 2, "appeals.litigation_direct.total": 2,
    }
    # Each value's source is its own cell: the raw text is the number between its pipes.
    cell = report.cell("requests.partially_granted.research")
    assert cell is not None
    assert _FLATTENED[cell.span.offset:cell.span.end].strip() == "1"


def test_the_last_row_before_a_line_broken_inside_the_next_label_keeps_no_shifted_value() -> None:
    # A page footer broke the line inside （二）部分公开's label: the row before it ends with the blank
    # that parts it from that label, so blank | 18 | … | 54 | blank may be a blank value and the row's
    # end (18 is 商业企业's), or a merged cell and a blank total (18 is 自然人's).
    row = "| （三）不予公开 | 1.属于国家秘密 | | 18 | | | 36 | | 54 | "
    text = _FLATTENED.replace("（一）予以公开 | | 4 | | | | | | 4 | ", "（一）予以公开 | | 4 | | | | | | 4 | " + row)
    text = text.replace("| （二）部分公开（区分", "| （二）部分\n第 1 页\n公开（区分")
    report = govinfo_parse.parse(text)
    flat = report.to_flat()
    assert not [k for k in flat if k.startswith("requests.denied.")]
    assert flat["requests.granted.total"] == 4
    assert any(d.code == "cell-count" and "1.属于国家秘密" in d.message for d in report.diagnostics)


def test_a_plain_pages_rows_as_wide_as_its_first_header_line_are_read_by_markdownify() -> None:
    # A site editor's page: the note above the columns' names spans three columns and two rows,
    # so markdownify writes 自然人's header line three cells short; 一、本年新收…'s label spans
    # three columns too (two blank cells after it).  The row is as wide as the note's line.
    pytest.importorskip("markdownify")
    from govinfo_parse import fields  # noqa: PLC0415
    from govinfo_parse.testing.tools import convert  # noqa: PLC0415

    counts = dict(zip(fields.REQUESTS_COLUMNS, (56, 58, 0, 68, 70, 106, 358), strict=True))
    values = {f: counts[f.rpartition(".")[2]] for f in fields.FORMATS["2021"].expected_fields("requests")}
    text = convert("markdownify", SampleReport(template="2021", values=values), word=False)
    assert "| 一、本年新收政府信息公开申请数量 | | | 56 |" in text
    flat = govinfo_parse.parse(text).to_flat()
    assert {k: v for k, v in flat.items() if k.startswith("requests.")} == values


def test_a_flattened_table_four_not_fifteen_cells_after_its_header_gives_nothing() -> None:
    text = _FLATTENED.replace("| 1 | | | | 1 | | 2 | | | 2 | | | | | |", "| 1 | | | | 1 | | 2 | | | 2 | | | | |")
    report = govinfo_parse.parse(text)
    assert not [k for k in report.to_flat() if k.startswith("appeals.")]
    assert report.value("requests.new_received.total") == 6


def test_two_columns_printed_in_one_cell_a_line_each_are_parted_under_their_header() -> None:
    # pymupdf4llm, where the rule between two columns is missed: both in one cell, a line each.
    text = (
        "某县2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "|第二十条第（一）项|||\n|---|---|---|\n"
        "|信息内容|本年制发件数<br>本年废止件数|现行有效件数|\n"
        "|规章|1<br>0|5|\n"
        "|行政规范性文件|12|40|\n"  # one line where the header has two: not parted, the row left out
    )
    report = govinfo_parse.parse(text)
    assert report.value("active.regulations.issued") == 1
    assert report.value("active.regulations.repealed") == 0
    assert report.value("active.regulations.in_force") == 5
    assert not [k for k in report.to_flat() if k.startswith("active.normative_documents.")]
    cell = report.cell("active.regulations.repealed")
    assert cell is not None
    assert text[cell.span.offset:cell.span.end] == "0"


def test_a_label_wrapped_over_two_rows_the_first_without_values_names_the_second() -> None:
    # pymupdf4llm prints a tall label cell's first line as a row of its own, its cells blank.
    text = (
        "某县2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "||自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|\n|---|---|---|---|---|---|---|---|\n"
        "|三、本年度办理结果（一）予以公开|1|0|0|0|0|0|1|\n"
        "|1、申请人无正当理由逾期不补||||||||\n"
        "|正、行政机关不再处理其政府信<br>息公开申请|6|0|0|0|1|0|7|\n"
    )
    report = govinfo_parse.parse(text)
    assert report.value("requests.other.no_correction.total") == 7
    assert report.value("requests.other.no_correction.legal_service") == 1
    # Neither half alone names a row: each is left out without the other.
    alone = govinfo_parse.parse(text.replace("|1、申请人无正当理由逾期不补||||||||\n", ""))
    assert alone.value("requests.other.no_correction.total") is None


def test_a_row_with_dash_placeholders_is_a_row_not_a_flattened_table() -> None:
    # Blank, then "---" placeholders: the shape of a --- row, but no header row of its width before it.
    text = (
        "某县2019年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "| | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |\n"
        "| 二、上年结转政府信息公开申请数量 | | --- | --- | --- | --- | 2 | 2 |\n"
    )
    report = govinfo_parse.parse(text)
    assert report.value("requests.new_received.commercial") == 1
    assert report.value("requests.carried_over.other_org") == 2
    assert report.value("requests.carried_over.total") == 2


def test_an_unframed_row_whose_first_cell_is_blank_keeps_every_cell() -> None:
    # html2text writes a row starting with a blank cell as " |  | …": under a ---|--- line
    # without outer pipes, its leading pipe parts cells, it is not a frame.
    text = (
        "某县2019年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n\n"
        "行政复议| 行政诉讼  \n---|---  \n"
        "结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 未经复议直接起诉| 复议后起诉  \n"
        "结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 结果维持| 结果纠正| 其他结果| 尚未审结| 总计  \n"
        " |  |  |  |  |  |  |  |  |  |  |  |  | 1| 1  \n"
    )
    flat = {k: v for k, v in govinfo_parse.parse(text).to_flat().items() if k.startswith("appeals.")}
    assert flat == {"appeals.litigation_after_review.pending": 1, "appeals.litigation_after_review.total": 1}


@given(sample_reports(template="2021"), st.sampled_from(["state_secret", "third_party_rights", "internal_affairs"]))
def test_a_row_whose_first_number_is_glued_to_its_label_is_left_out(sample: SampleReport, row: str) -> None:
    # "4.保护第三方合法权益1 | 2 | …": the cell border between the label and its first number is
    # lost (a row wrapped by a PDF converter), and the six numbers left would stand a column off.
    words = {"state_secret": "属于国家秘密", "third_party_rights": "保护第三方合法权益",
             "internal_affairs": "属于三类内部事务信息"}[row]
    text = render_markdown(sample)
    line = next(line for line in text.split("\n") if words in line)
    glued = line.replace(f"{words} | ", words, 1) + " |"
    report = govinfo_parse.parse(text.replace(line, glued))
    assert not any(k.startswith(f"requests.denied.{row}.") for k in report.to_flat())
    assert any(d.code == "cells-out-of-place" and f"requests.denied.{row}.total" in d.field_ids
               for d in report.diagnostics)


def _label_a_glyph_a_line(text: str, label: str, *, close: str = "") -> str:
    """``text`` with ``label``'s row broken inside it, a glyph a line, as OCR and PDF converters print it."""
    line = next(line for line in text.split("\n") if label in line)
    head, tail = line.split(label)
    return text.replace(line, head + label[:2] + "\n" + "\n".join(label[2:-1]) + "\n" + label[-1] + close + tail)


def test_a_row_broken_inside_its_label_a_glyph_a_line_is_read_as_one_row() -> None:
    # Its closing line read alone has a blank at each end: the leading one taken for a merged cell's
    # remains moved every value a column left (26 as research's for nonprofit's).
    sample = SampleReport(template="2019", values={
        "requests.unable.unclear_after_correction.nonprofit": 26,
        "requests.unable.unclear_after_correction.legal_service": 18,
        "requests.unable.unclear_after_correction.total": 44,
        "requests.unable.requires_creation.research": 1, "requests.unable.requires_creation.total": 1})
    text = _label_a_glyph_a_line(render_markdown(sample), "3.补正后申请内容仍不明确")
    assert "\n后\n" in text
    flat = govinfo_parse.parse(text).to_flat()
    assert {k: v for k, v in flat.items() if "unclear_after" in k} == {
        "requests.unable.unclear_after_correction.nonprofit": 26,
        "requests.unable.unclear_after_correction.legal_service": 18,
        "requests.unable.unclear_after_correction.total": 44}
    assert flat["requests.unable.requires_creation.research"] == 1


def test_a_row_broken_inside_its_label_with_a_cell_lost_gives_no_value() -> None:
    # The closing line has a cell fewer than the rows above: its values are not where they were printed.
    sample = SampleReport(template="2019", values={
        "requests.unable.unclear_after_correction.natural_person": 9,
        "requests.unable.unclear_after_correction.total": 9})
    text = _label_a_glyph_a_line(render_markdown(sample), "3.补正后申请内容仍不明确")
    assert "确 | 9 |  |" in text
    text = text.replace("确 | 9 |  |", "确 | 9 |", 1)
    report = govinfo_parse.parse(text)
    assert not [k for k in report.to_flat() if "unclear_after" in k]
    assert any(d.code == "cell-count" and "broken over lines" in d.message for d in report.diagnostics)
