"""PDF text: real published PDFs through every extractor, and generated ones."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import govinfo_parse
from govinfo_parse import Origin, fields
from govinfo_parse.serialize import flat_to_jsonable
from govinfo_parse.testing import SampleReport
from govinfo_parse.testing.pdftext import render_pdf_text
from tests.conftest import SHARED

DATA = Path(__file__).resolve().parents[1] / "data" / "pdf_corpus"
CORPUS = SHARED / "corpus" / "pdf"
GOLDS = sorted(DATA.glob("*.gold.json"))


def _extractors() -> list[str]:
    from govinfo_parse.testing.pdf import available_extractors  # noqa: PLC0415

    found = available_extractors()
    if not found:
        pytest.skip("no PDF text extractor (pypdfium2 or pdftotext) is installed")
    return found


@pytest.mark.parametrize("gold_path", GOLDS, ids=[p.name.split(".")[0] for p in GOLDS])
def test_published_pdfs_match_gold_with_every_extractor(gold_path: Path) -> None:
    from govinfo_parse.testing.pdf import extract_text  # noqa: PLC0415

    pdf = CORPUS / (gold_path.name.split(".")[0] + ".pdf")
    if not pdf.exists():
        pytest.skip(f"{pdf} not found: ../shared/corpus is absent")
    gold = {k: v for k, v in json.loads(gold_path.read_text(encoding="utf-8")).items() if not k.startswith("_")}
    for extractor in _extractors():
        report = govinfo_parse.parse(extract_text(pdf.read_bytes(), extractor))
        flat = flat_to_jsonable(report.to_flat())
        flat.pop("meta.organ", None)
        assert flat == gold, extractor
        assert {c.layout for c in report.cells()} == {"pdf_text"}
        assert all(c.origin is Origin.READ for c in report.cells())


def test_page_footer_glued_to_a_row_and_wrapped_labels() -> None:
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量 10 0 0 0 0 0 10\n"
        "（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）\n3 0 0 0 0 0 3\n"
        "1.本机关不掌握相关政府信息 7 0 0 0 0 0 7- 5 -\n"
        "（四）无\n法提供 2.没有现成信息需要另行制作 1 0 0 0 0 0 1\n"
    )
    report = govinfo_parse.parse(text)
    assert report.value("requests.partially_granted.total") == 3
    assert report.value("requests.unable.not_held.total") == 7
    assert report.value("requests.unable.requires_creation.natural_person") == 1


def test_a_label_whose_words_are_lost_is_named_by_its_number_only_in_sequence() -> None:
    head = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n"
    in_order = head + "1.属于国家秘密 1 0 0 0 0 0 1\n2.其他法律行政止公开 2 0 0 0 0 0 2\n"
    report = govinfo_parse.parse(in_order)
    assert report.value("requests.denied.prohibited_by_law.total") == 2
    out_of_order = head + "8.属于行政查询事项 1 0 0 0 0 0 1\n2.其他法律行政止公开 2 0 0 0 0 0 2\n"
    assert govinfo_parse.parse(out_of_order).value("requests.denied.prohibited_by_law.total") is None


def test_two_labels_run_together_are_left_out() -> None:
    text = ("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n"
            "（一）予以公开（二）部分公开\n3 0 0 0 0 0 3\n")
    report = govinfo_parse.parse(text)
    assert report.value("requests.granted.total") is None
    assert report.value("requests.partially_granted.total") is None
    assert "ambiguous-label" in {d.code for d in report.diagnostics}


def test_a_label_line_without_numbers_does_not_join_the_next_rows_label() -> None:
    # 予以公开 printed no numbers (a blank row, or its line was lost): the numbers
    # below 部分公开 are that row's, and 予以公开 gets none.
    text = ("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n"
            "（一）予以公开\n（二）部分公开\n3 0 0 0 0 0 3\n")
    report = govinfo_parse.parse(text)
    assert report.value("requests.granted.total") is None
    assert report.value("requests.partially_granted.total") == 3


def _paragraphs(*cells: str) -> str:
    """Cells as pdftotext without -layout prints them: each a paragraph."""
    return "某县2021年政府信息公开工作年度报告\n\n" + "\n\n".join(cells) + "\n"


_ACTIVE_HEADER = ("二、主动公开政府信息情况", "第二十条第（一）项",
                  "信息内容", "本年制发件数", "本年废止件数", "现行有效件数")


_LICENSING = ("第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "5")


def test_section_two_in_paragraphs_row_by_row_is_read() -> None:
    report = govinfo_parse.parse(_paragraphs(
        *_ACTIVE_HEADER, "规章", "0", "1", "2", "行政规范性文件", "3", "0", "8", *_LICENSING))
    assert report.value("active.regulations.in_force") == 2
    assert report.value("active.normative_documents.issued") == 3
    assert report.value("active.administrative_licensing.decisions") == 5


def test_section_two_in_paragraphs_column_by_column_is_not_read() -> None:
    # The labels first, then each column's numbers: no row gathers its header's three.
    report = govinfo_parse.parse(_paragraphs(
        *_ACTIVE_HEADER, "规章", "行政规范性文件", "0", "3", "1", "0", "2", "8", *_LICENSING))
    read = [k for k in report.to_flat() if k.startswith("active.")]
    assert read == ["active.administrative_licensing.decisions"]


_ONE_ROW_NUMBER_FIRST = ("第二十条第（五）项", "信息内容", "本年处理决定数量", "550", "行政许可")
_TWO_ROWS_LABELS_FIRST = ("第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "4119", "行政强制", "195")
_FEES_NUMBER_FIRST = ("第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "7730.28", "行政事业性收费")


def test_section_two_stretches_each_read_in_the_orientation_they_show() -> None:
    # pdftotext without -layout: a one-row stretch's number before its label, the others after theirs.
    report = govinfo_parse.parse(_paragraphs(
        *_ACTIVE_HEADER, "规章", "0", "1", "2", "行政规范性文件", "3", "0", "8",
        *_ONE_ROW_NUMBER_FIRST, *_TWO_ROWS_LABELS_FIRST, *_FEES_NUMBER_FIRST))
    assert {k: v for k, v in report.to_flat().items() if k.startswith("active.")} == {
        "active.regulations.issued": 0, "active.regulations.repealed": 1, "active.regulations.in_force": 2,
        "active.normative_documents.issued": 3, "active.normative_documents.repealed": 0,
        "active.normative_documents.in_force": 8,
        "active.administrative_licensing.decisions": 550,
        "active.administrative_penalty.decisions": 4119, "active.administrative_coercion.decisions": 195,
        "active.administrative_fees.fee_amount": Decimal("7730.28")}
    assert "orientation-unclear" not in {d.code for d in report.diagnostics}


def test_a_stretch_showing_both_orientations_leaves_what_the_readings_differ_on_out() -> None:
    # 4119 stands between two labels; 195 below 行政强制 and above 行政事业性收费's own stretch, and
    # 550 above 行政许可: this stretch shows both ways, so no stretch is read on its own.
    both_ways = ("第二十条第（六）项", "信息内容", "本年处理决定数量", "550", "行政许可", "行政处罚", "4119",
                 "行政强制", "195")
    report = govinfo_parse.parse(_paragraphs(
        *_ACTIVE_HEADER, "规章", "0", "1", "2", *both_ways, *_FEES_NUMBER_FIRST))
    flat = report.to_flat()
    for field in ("administrative_licensing", "administrative_penalty", "administrative_coercion"):
        assert f"active.{field}.decisions" not in flat
    assert "orientation-unclear" in {d.code for d in report.diagnostics}


_REQUESTS_HEADER = ("三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "法人或其他组织", "总计",
                    "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")


def test_numbers_in_paragraphs_of_their_own_are_never_joined_into_one() -> None:
    # Fifteen numbers gathered under a row (lines of other rows slipped in, pdftotext's columns):
    # 10 | 33 | 7 joined as 10337 made seven numbers adding up, but a blank line parts two cells.
    numbers = "10 33 7 13 27 30 22 26 37 28 24 14 59 7 6".split()
    report = govinfo_parse.parse(_paragraphs(*_REQUESTS_HEADER, "（五）不予处理", "2.重复申请", *numbers))
    assert not [k for k in report.to_flat() if k.startswith("requests.")]


def test_a_number_wrapped_inside_its_paragraph_is_joined_where_the_row_adds_up() -> None:
    report = govinfo_parse.parse(_paragraphs(
        *_REQUESTS_HEADER, "（五）不予处理", "2.重复申请", "1,0\n74", "3", "0", "0", "0", "0", "1,077"))
    duplicate = {k: v for k, v in report.to_flat().items() if k.startswith("requests.not_processed.duplicate.")}
    assert duplicate["requests.not_processed.duplicate.natural_person"] == 1074
    assert duplicate["requests.not_processed.duplicate.total"] == 1077
    cell = report.cell("requests.not_processed.duplicate.natural_person")
    assert cell is not None
    assert cell.origin is Origin.DERIVED


_APPEALS_REVIEW = ("四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "未经复议直接起诉",
                   "结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计")
_RESULTS = ("结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计")
_APPEALS_LITIGATION = ("复议后起诉", *_RESULTS * 2)


def test_table_four_numbers_parted_by_its_header_pieces_are_one_row_if_every_group_adds_up() -> None:
    text = _paragraphs(*_APPEALS_REVIEW, "1", "1", "0", "0", "2", *_APPEALS_LITIGATION,
                       "0", "1", "0", "0", "1", "3", "0", "0", "0", "3")
    report = govinfo_parse.parse(text)
    assert report.value("appeals.review.total") == 2
    assert report.value("appeals.litigation_direct.corrected") == 1
    assert report.value("appeals.litigation_after_review.upheld") == 3
    broken = govinfo_parse.parse(text.replace("\n\n2\n\n复议后起诉", "\n\n5\n\n复议后起诉"))
    assert not [k for k in broken.to_flat() if k.startswith("appeals.")]


def test_a_label_standing_without_numbers_in_paragraphs_shows_the_cells_out_of_order() -> None:
    # 规章's one number (its blank cells printed nothing) comes after 规范性文件's label: the three
    # numbers are not 规范性文件's, though there are as many as its header has columns.
    report = govinfo_parse.parse(_paragraphs(
        *_ACTIVE_HEADER, "规章", "行政规范性文件", "1", "1", "1", *_LICENSING,
        "第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "7", "行政强制", "8",
        "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "行政事业性收费", "3"))
    assert [k for k in report.to_flat() if k.startswith("active.")] == [
        "active.administrative_licensing.decisions", "active.administrative_penalty.decisions",
        "active.administrative_coercion.decisions", "active.administrative_fees.fee_amount"]



def test_numbers_of_two_rows_gathered_under_one_label_in_paragraphs_are_not_joined() -> None:
    # 规范性文件's numbers (its first cell blank) came before its own label: 规章 gathers five, which
    # joined as pieces would make 37 and 14 and 10 one number, 371410.
    report = govinfo_parse.parse(_paragraphs(
        *_ACTIVE_HEADER, "规章", "29,372", "10,804", "37", "14", "10", "行政规范性文件", *_LICENSING,
        "第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "7"))
    assert [k for k in report.to_flat() if k.startswith("active.")] == [
        "active.administrative_licensing.decisions", "active.administrative_penalty.decisions"]
    assert any(d.code == "cell-count" and "规章" in d.message for d in report.diagnostics)

def test_one_number_under_a_split_header_in_paragraphs_is_not_placed() -> None:
    # pdftotext put (六)'s other header cells elsewhere; the +1 is 行政强制's change, not its decisions.
    report = govinfo_parse.parse(_paragraphs(
        *_ACTIVE_HEADER, "规章", "0", "1", "2", "行政规范性文件", "3", "0", "8", *_LICENSING,
        "第二十条第（六）项", "信息内容", "处理决定数量", "行政处罚", "行政强制", "+1"))
    assert report.value("active.administrative_coercion.decisions") is None
    assert report.value("active.regulations.in_force") == 2


def test_more_numbers_than_columns_in_paragraphs_are_not_joined_as_pieces() -> None:
    # pdftotext printed 行政强制's 541 after the fee's amount: a paragraph never holds half a number.
    report = govinfo_parse.parse(_paragraphs(
        *_ACTIVE_HEADER, "规章", "0", "1", "2", "行政规范性文件", "3", "0", "8", *_LICENSING,
        "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "行政事业性收费", "4361.54", "541"))
    assert report.value("active.administrative_fees.fee_amount") is None
    assert report.value("active.regulations.in_force") == 2


def test_a_number_split_where_a_blank_cell_left_no_trace_leaves_the_row_out() -> None:
    # natural_person printed blank (no trace in PDF text) and 10 printed "1 0": seven numbers,
    # every one after the blank a column off.  The row adds up only with 1 and 0 as one number.
    row = "requests.denied.third_party_rights"
    values = {f: 0 for t in ("active", "requests", "appeals") for f in fields.FORMATS["2021"].expected_fields(t)}
    values |= {f"{row}.{column}": n for column, n in zip(
        ("commercial", "research", "nonprofit", "legal_service", "other_org", "total"), (2, 3, 4, 10, 5, 24),
        strict=True)}
    values |= {f"requests.total.{c}": values[f"{row}.{c}"] for c in fields.REQUESTS_COLUMNS}
    del values[f"{row}.natural_person"]
    sample = SampleReport(template="2021", values=values, unstated={f"{row}.natural_person": 0},
                          placeholders={f"{row}.natural_person": ""})
    text = render_pdf_text(sample)
    line = next(line for line in text.split("\n") if "第三方" in line)
    assert line.endswith(" 2 3 4 10 5 24")
    report = govinfo_parse.parse(text.replace(line, line.replace(" 10 ", " 1 0 ")))
    assert not any(k.startswith(f"{row}.") for k in report.to_flat())
    assert any(d.code == "cells-out-of-place" and f"{row}.total" in d.field_ids for d in report.diagnostics)
    assert report.value("requests.total.legal_service") == 10  # the other rows are read


_REQUESTS_HEAD = ("三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "法人或其他组织", "总计", "商业企业",
                  "科研机构", "社会公益组织", "法律服务机构", "其他")


def _requests_column_by_column(last_numbers: str, *labels_after: str) -> str:
    """pdftotext's paragraphs of a table whose last rows came column by column: 3.其他, then 21 numbers."""
    rows = [("一、本年新收政府信息公开申请数量", "3 0 0 2 0 0 5"), ("二、上年结转政府信息公开申请数量", "1 0 0 0 0 0 1"),
            ("（一）予以公开", "2 0 0 1 0 0 3"),
            ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "0 0 0 0 0 0 0"),
            ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0 0 0 0 0 0 0"),
            ("3.其他", "1 0 0 1 0 0 2 " + last_numbers)]
    return _paragraphs(*_REQUESTS_HEAD, *(cell for label, numbers in rows for cell in (label, *numbers.split())),
                       "（六）其他", "处理", *labels_after)


def test_the_last_rows_numbers_printed_before_their_labels_are_theirs_where_each_seven_adds_up() -> None:
    last = ("（七）总计", "四、结转下年度继续办理")
    report = govinfo_parse.parse(_requests_column_by_column("3 0 0 2 0 0 5 1 0 0 0 0 0 1", *last))
    assert report.value("requests.total.total") == 5
    assert report.value("requests.carried_forward.natural_person") == 1
    total = report.cell("requests.total.nonprofit")
    assert total is not None
    assert total.origin is Origin.DERIVED
    assert "format's order of rows" in (total.rule or "")
    assert report.value("requests.other.other.total") == 2
    # The labels' own order does not matter: the numbers come in the table's.
    reversed_labels = govinfo_parse.parse(_requests_column_by_column("3 0 0 2 0 0 5 1 0 0 0 0 0 1", *last[::-1]))
    assert reversed_labels.value("requests.total.total") == 5
    # Seven that do not add up, or a row after it that printed numbers of its own: nobody's.
    for text in (_requests_column_by_column("3 0 0 2 0 0 6 1 0 0 0 0 0 1", *last),
                 _requests_column_by_column("3 0 0 2 0 0 5 1 0 0 0 0 0 1", last[0], *"3 0 0 2 0 0 5".split(),
                                            last[1])):
        read = govinfo_parse.parse(text).to_flat()
        assert not [k for k in read if k.startswith("requests.carried_forward.")]
        assert read.get("requests.total.total") in (None, 5)


def _column_printed(columns: list[str], labels_after: list[str]) -> str:
    """pdftotext's text of rows printed a column at a time: a paragraph per column, then the labels."""
    head = ["某县2021年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", "申请人情况",
            "法人或其他组织", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
            "一、本年新收政府信息公开申请数量", *"10 0 0 3 0 0 13".split(),
            "二、上年结转政府信息公开申请数量", *"0 0 0 0 0 0 0".split(),
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", *"4 0 0 0 0 0 4".split()]
    tail = ["四、结转下年度继续办理", *"0 0 0 0 0 0 0".split()]
    return "\n\n".join([*head, *columns, "\n".join(labels_after), *tail]) + "\n"


# 1.属于国家秘密 1 0 0 0 0 0 1, 2.… 0 2 0 0 0 0 2, 3.… 0 0 0 3 0 0 3: each column's three numbers a paragraph.
_GRID = ["1\n0\n0", "0\n2\n0", "0\n0\n0", "0\n0\n3", "0\n0\n0", "0\n0\n0", "1\n2\n3"]
_GRID_LABELS = ["1.属于国家秘密", "2.其他法律行政止公开", "（三）不予公开", "3.危及“三安全一稳定”"]


def test_rows_printed_a_column_at_a_time_are_read_back_where_their_labels_and_totals_leave_one_way() -> None:
    report = govinfo_parse.parse(_column_printed(_GRID, _GRID_LABELS))
    assert report.value("requests.denied.state_secret.natural_person") == 1
    assert report.value("requests.denied.prohibited_by_law.commercial") == 2  # its words lost: item 2 after 1
    assert report.value("requests.denied.endangers_safety.nonprofit") == 3
    assert report.value("requests.partially_granted.total") == 4  # the grid's numbers are not its
    cell = report.cell("requests.denied.endangers_safety.total")
    assert cell is not None
    assert cell.origin is Origin.DERIVED
    assert "column by column" in (cell.rule or "")


@pytest.mark.parametrize(("grid", "labels_after"), [
    ([*_GRID[:6], "1\n3\n3"], _GRID_LABELS),  # 2.'s total is not the sum of its numbers
    (_GRID, [*_GRID_LABELS, "4.保护第三方合法权益"]),  # four rows named in a run for three rows
    (_GRID, [_GRID_LABELS[0], _GRID_LABELS[3]]),  # two rows named for three
    (_GRID, [*_GRID_LABELS, "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请"]),
], ids=["a row does not add up", "a row more named", "a row less named", "a longer run named too"])
def test_rows_printed_a_column_at_a_time_are_left_out_where_anything_is_open(grid: list[str],
                                                                             labels_after: list[str]) -> None:
    flat = govinfo_parse.parse(_column_printed(grid, labels_after)).to_flat()
    assert not [k for k in flat if k.startswith("requests.denied.")]


def test_a_number_piece_under_a_header_is_not_read_into_the_header() -> None:
    # get_text("\\n") of a Word page, the label printed a glyph a line: 3.74 as 3. | 74 under
    # 本年收费金额（单位：万元）; the piece 3. joined the header's tail (the row's label), and 74 was
    # read as the amount.  A number's piece closes the header.
    path = Path(__file__).parents[1] / "data" / "get-text-newline-amount-in-pieces-under-a-glyph-label.txt"
    report = govinfo_parse.parse(path.read_text(encoding="utf-8"))
    assert report.value("active.administrative_fees.fee_amount") in (None, Decimal("3.74"))


_APPEALS_ON_ONE_LINE = ("四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉",
                        " ".join(["结果维持 结果纠正 其他结果 尚未审结 总计"] * 3))


def test_table_four_on_one_line_with_an_unreadable_number_and_a_group_not_adding_up_is_left_out() -> None:
    # 0* (a misread) may stand for two cells or none: beside a group that does not add up, the
    # fifteen's places vouch for nothing (13 was read as 尚未审结 for 总计).
    report = govinfo_parse.parse(_paragraphs(*_APPEALS_ON_ONE_LINE, "9 2 0 3 14 7 1 0* 13 7 2 8 8 2 5"))
    assert not [k for k in report.to_flat() if k.startswith("appeals.")]
    assert any(d.code == "cell-count" and "table 四" in d.message for d in report.diagnostics)
    # Without a misread, a group that does not add up is the report's own slip: kept as printed.
    kept = govinfo_parse.parse(_paragraphs(*_APPEALS_ON_ONE_LINE, "9 2 0 3 14 7 1 0 0 7 2 8 8 2 5"))
    assert kept.value("appeals.litigation_after_review.total") == 5
