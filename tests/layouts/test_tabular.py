"""Tab-separated rows."""

from __future__ import annotations

import pytest
from hypothesis import given

import govinfo_parse
from govinfo_parse import Origin, fields
from govinfo_parse.testing import SampleReport, render_tabular
from govinfo_parse.testing.strategies import sample_reports


@given(sample_reports())
def test_round_trip_both_templates(sample: SampleReport) -> None:
    report = govinfo_parse.parse(render_tabular(sample))
    assert report.to_flat() == sample.expected_flat()
    assert {c.layout for c in report.cells()} == {"tabular"}


@given(sample_reports(blanks=True))
def test_blank_cells_in_copied_rows_are_kept_or_the_row_is_left_out(sample: SampleReport) -> None:
    """A blank cell at a row's end cannot always be told from a merged cell's remains beside a
    lost number; such a row is left out with a diagnostic, never shifted."""
    report = govinfo_parse.parse(render_tabular(sample))
    flat = report.to_flat()
    expected = sample.expected_flat()
    assert {k: v for k, v in flat.items() if k in expected} == flat
    for key in expected.keys() - flat.keys():
        row = key.rsplit(".", 1)[0]
        left_out = [d for d in report.diagnostics if d.code == "cell-count"
                    and any(f.rsplit(".", 1)[0] == row for f in d.field_ids)]
        assert left_out or key in sample.placeholders, key


def _row(values: list[int]) -> str:
    return "\t".join(str(v) for v in values)


HEADER = "三、收到和处理政府信息公开申请情况\n\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n"


def test_a_row_with_one_stray_number_is_derived_when_the_totals_decide() -> None:
    text = HEADER + "(六) 其他处理\t" + _row([1, 0, 0, 0, 0, 0, 0, 1]) + "\n"
    report = govinfo_parse.parse(text)
    assert [report.value(f"requests.other.{c}") for c in ("natural_person", "commercial", "total")] == [1, 0, 1]
    cell = report.cell("requests.other.total")
    assert cell.origin is Origin.DERIVED
    assert "readings" in (cell.rule or "")


def test_a_row_with_a_stray_number_the_totals_cannot_place_is_left_out() -> None:
    text = HEADER + "(六) 其他处理\t" + _row([1, 1, 0, 0, 0, 0, 1, 2]) + "\n"
    report = govinfo_parse.parse(text)
    assert report.value("requests.other.total") is None
    assert any(d.code == "cell-count" and "requests.other.total" in d.field_ids for d in report.diagnostics)


def test_a_lost_cell_is_solved_from_the_row_total_only_when_unique() -> None:
    forced = HEADER + "(七) 总计\t" + _row([3, 0, 0, 1, 0, 0]) + "\n"  # the total must be 4
    report = govinfo_parse.parse(forced)
    assert report.value("requests.total.total") == 4
    assert report.cell("requests.total.total").raw == ""
    open_ = HEADER + "(七) 总计\t" + _row([1, 0, 0, 0, 0, 1]) + "\n"  # several readings fit
    report = govinfo_parse.parse(open_)
    assert report.value("requests.total.total") is None


def test_column_totals_decide_between_readings() -> None:
    """予以公开 lost a cell; the row total alone allows several readings, but every other result
    row is known (zeros), so the 总计 row forces the values."""
    labels = {
        "granted": "(一) 予以公开", "denied.state_secret": "1. 属于国家秘密", "unable.not_held": "1. 本机关不掌握相关政府信息",
        "not_processed.duplicate": "2. 重复申请", "other": "(六) 其他处理",
    }
    known = [("一、本年新收政府信息公开申请数量", [2, 0, 0, 0, 0, 1, 3]),
             ("二、上年结转政府信息公开申请数量", [0] * 7)]
    zero_rows = [f"{labels[r]}\t{_row([0] * 7)}\n" for r in labels if r != "granted"]
    others = [label for label in (
        "(二) 部分公开", "2. 其他法律行政法规禁止公开", "3. 危及“三安全一稳定”", "4. 保护第三方合法权益",
        "5. 属于三类内部事务信息", "6. 属于四类过程性信息", "7. 属于行政执法案卷", "8. 属于行政查询事项",
        "2. 没有现成信息需要另行制作", "3. 补正后申请内容仍不明确", "1. 信访举报投诉类申请",
        "3. 要求提供公开出版物", "4. 无正当理由大量反复申请", "5. 要求行政机关确认或重新出具已获取信息")]
    body = "".join(f"{label}\t{_row(v)}\n" for label, v in known)
    body += f"{labels['granted']}\t{_row([2, 0, 0, 0, 1, 3])}\n"
    body += "".join(zero_rows) + "".join(f"{label}\t{_row([0] * 7)}\n" for label in others)
    body += f"(七) 总计\t{_row([2, 0, 0, 0, 0, 1, 3])}\n四、结转下年度继续办理\t{_row([0] * 7)}\n"
    report = govinfo_parse.parse(HEADER + body)
    columns = ("natural_person", "commercial", "research", "nonprofit", "legal_service", "other_org", "total")
    assert [report.value(f"requests.granted.{c}") for c in columns] == [2, 0, 0, 0, 0, 1, 3]
    assert report.cell("requests.granted.total").origin is Origin.DERIVED
    assert not [d for d in report.diagnostics if d.code.startswith("rule-")]


def test_a_header_repeated_after_a_page_break_is_read_afresh() -> None:
    text = (
        HEADER + "一、本年新收政府信息公开申请数量\t" + _row([1, 2, 0, 0, 0, 0, 3]) + "\n"
        + "- 2 -\n" + HEADER.split("\n", 1)[1]
        + "二、上年结转政府信息公开申请数量\t" + _row([4, 0, 0, 0, 0, 1, 5]) + "\n"
    )
    report = govinfo_parse.parse(text)
    assert report.value("requests.carried_over.other_org") == 1
    assert report.value("requests.new_received.commercial") == 2
    assert "no-header" not in {d.code for d in report.diagnostics}


def test_markdown_emphasis_around_labels() -> None:
    text = "二、主动公开政府信息情况\n**第二十条第(一)项**\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n**规章**\t1\t2\t3\n"
    assert govinfo_parse.parse(text).value("active.regulations.total_published") == 3


def _broken_table(total: str) -> str:
    """Section 三 as pdfplumber's tables give it: a page break, then the rows go on wider, headerless."""
    header = "\t".join(["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
    return (
        "某县2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        f"{header}\n一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t1\t6\n"
        "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
        "\f\t（一）予以公开\t\t4\t0\t0\t0\t0\t1\t5\n"
        f"\t（二）部分公开\t\t1\t0\t0\t0\t0\t0\t{total}\n"
    )


def test_a_table_broken_by_a_page_goes_on_by_its_last_seven_columns() -> None:
    report = govinfo_parse.parse(_broken_table("1"))
    assert report.value("requests.granted.natural_person") == 4
    assert report.value("requests.granted.total") == 5
    assert report.value("requests.partially_granted.total") == 1


def test_a_broken_table_whose_rows_do_not_add_up_is_not_read_by_position() -> None:
    # Where nothing marks a table's width, a row wider than its header may hold a number split
    # in two: the last seven columns are taken only where every row adds up.
    report = govinfo_parse.parse(_broken_table("2"))
    assert report.value("requests.granted.total") is None
    assert report.value("requests.partially_granted.total") is None


def _broken_sparse_table(second_row: str) -> str:
    """A sparse table (0 printed blank) broken by a page: rows adding up cannot vouch, the grid does."""
    header = "\t".join(["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
    return (
        "某县2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        f"{header}\n一、本年新收政府信息公开申请数量\t5\t\t\t\t\t1\t6\n"
        "\f三、本年度办理结果\t（一）予以公开\t\t4\t\t\t\t\t1\t5\n"
        f"{second_row}\n"
        "\t（三）不予公开\t1.属于国家秘密\t\t\t\t\t\t\t\n"
        "\t\t2.其他法律行政法规禁止公开\t\t\t2\t\t\t\t2\n"
    )


def test_a_sparse_table_broken_by_a_page_is_read_where_its_rows_line_up_as_a_grid() -> None:
    report = govinfo_parse.parse(_broken_sparse_table("\t（二）部分公开\t\t1\t\t\t\t\t\t1"))
    assert report.value("requests.granted.natural_person") == 4
    assert report.value("requests.granted.commercial") is None  # blank: no value
    assert report.value("requests.partially_granted.total") == 1
    assert report.value("requests.denied.prohibited_by_law.research") == 2
    assert report.value("requests.denied.prohibited_by_law.natural_person") is None


def test_a_broken_table_with_a_number_among_the_labels_is_not_read_by_position() -> None:
    # 11 split over two cells pushes a number into the labels' columns: the grid does not hold.
    report = govinfo_parse.parse(_broken_sparse_table("\t（二）部分公开\t1\t1\t\t\t\t\t\t2"))
    assert report.value("requests.granted.total") is None
    assert report.value("requests.denied.prohibited_by_law.research") is None


def test_a_signed_value_under_a_column_of_counts_is_left_out() -> None:
    # +3 is how a change (本年增/减) is written: under 处理决定数量 it has landed in the wrong column.
    text = ("某县2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(六)项\n"
            "信息内容\t本年处理决定数量\n行政处罚\t+3\n行政强制\t12\n")
    report = govinfo_parse.parse(text)
    assert report.value("active.administrative_penalty.decisions") is None
    assert report.value("active.administrative_coercion.decisions") == 12
    assert any(d.code == "cells-out-of-place" and "+3" in d.message for d in report.diagnostics)


@pytest.mark.parametrize("signed", ["+287", "-287"])
def test_a_signed_value_under_a_column_of_counts_leaves_its_whole_row_out(signed: str) -> None:
    # A plain page's empty 上一年项目数量 left no trace and 434 came in two pieces (4 | 34): the row
    # still has three numbers, each a column to the left of its own.
    text = ("某县2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（五）项\n"
            "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t5\t+1\t6\n"
            f"其他对外管理服务事项\t{signed}\t4\t34\n")
    report = govinfo_parse.parse(text)
    assert [k for k in report.to_flat() if k.startswith("active.")] == [
        "active.administrative_licensing.prev_items", "active.administrative_licensing.change",
        "active.administrative_licensing.decisions"]
    assert any(d.code == "cells-out-of-place" and signed in d.message
               and "active.other_external_services.decisions" in d.field_ids for d in report.diagnostics)


def test_table_four_on_one_line_header_words_then_its_fifteen_values() -> None:
    # BeautifulSoup's get_text("\t") of a plain page runs table 四's header rows and its values
    # into one line: 行政复议, 行政诉讼, … 总计, then the fifteen numbers.
    pytest.importorskip("bs4")
    from govinfo_parse.testing.tools import convert  # noqa: PLC0415

    counts = (0, 2, 5, 4, 11, 0, 3, 7, 4, 14, 2, 7, 3, 1, 13)
    leaves = [f"appeals.{g}.{c}" for g in fields.APPEALS_GROUPS for c in fields.APPEALS_COLUMNS]
    requests = dict.fromkeys(fields.FORMATS["2021"].expected_fields("requests"), 0)
    sample = SampleReport(template="2021", values={**requests, **dict(zip(leaves, counts, strict=True))})
    text = convert("bs4-tab", sample, word=False)
    assert "总计\t0\t2\t5\t4\t11\t0\t3" in text
    report = govinfo_parse.parse(text)
    assert [report.value(f) for f in leaves] == list(counts)
    assert sample.wrong_values(report) == []
