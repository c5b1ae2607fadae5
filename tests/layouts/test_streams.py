"""Text in which a table's cells come one after another: tab-parted pieces, one per line, glued."""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo_parse
from govinfo_parse import Origin, fields
from govinfo_parse.testing import SampleReport

_HEAD = "三、收到和处理政府信息公开申请情况"
_ROWS = [  # label pieces, then the row's seven numbers
    (["一、本年新收政府", "信息公开申请数量"], ["2", "0", "0", "0", "0", "1", "3"]),
    (["二、上年结转政府", "信息公开申请数量"], ["0", "0", "0", "0", "0", "0", "0"]),
    (["三、本年度办理结果", "（一）予以公开"], ["2", "0", "0", "0", "0", "1", "3"]),
    (["（三）不予公开", "1.", "属于", "国家", "秘密"], ["0", "0", "0", "0", "0", "0", "0"]),
    (["2.", "其他", "法律", "行政", "法规", "禁止", "公开"], ["0", "0", "0", "0", "0", "0", "0"]),
]


def _stream(separator: str) -> str:
    pieces = [p for labels, numbers in _ROWS for p in (*labels, *numbers)]
    return f"某县2020年政府信息公开工作年度报告\n{_HEAD}\n" + separator.join(pieces) + "\n"


def test_cells_one_per_line_with_item_numbers_alone() -> None:
    report = govinfo_parse.parse(_stream("\n"))
    assert report.value("requests.new_received.total") == 3
    assert report.value("requests.granted.other_org") == 1
    assert report.value("requests.denied.state_secret.total") == 0
    assert report.value("requests.denied.prohibited_by_law.total") == 0


def test_cells_parted_by_tabs_on_one_line() -> None:
    rows = _ROWS * 2  # more pieces on the line than any row has cells: the table itself
    pieces = [p for labels, numbers in rows for p in (*labels, *numbers)]
    title = "某县2020年政府信息公开工作年度报告"
    report = govinfo_parse.parse(f"{title}\n\t{_HEAD}\t\n" + "\t".join(pieces) + "\n")
    assert report.value("requests.granted.total") == 3
    assert report.value("requests.denied.state_secret.total") == 0
    assert {c.layout for c in report.cells()} == {"cell_stream"}


def _pieces_row(*numbers: str) -> govinfo_parse.Report:
    rows = "\n".join(["一、本年新收政府信息公开申请数量", *numbers])
    return govinfo_parse.parse(f"某县2020年政府信息公开工作年度报告\n{_HEAD}\n{rows}\n")


def test_a_number_in_pieces_is_joined_the_one_way_the_row_adds_up() -> None:
    # 120 0 0 0 0 3 123, a page's spans printing 120 as 12 | 0 and 123 as 12 | 3.
    report = _pieces_row("12", "0", "0", "0", "0", "0", "3", "12", "3")
    cell = report.cell("requests.new_received.natural_person")
    assert cell is not None
    assert (cell.value, cell.origin) == (120, Origin.DERIVED)
    assert cell.rule
    assert report.value("requests.new_received.commercial") == 0
    assert report.value("requests.new_received.total") == 123


def test_pieces_that_join_two_ways_leave_the_row_out() -> None:
    # 11 0 0 0 0 0 11 and 1 10 0 0 0 0 11 both add up.
    report = _pieces_row("1", "1", "0", "0", "0", "0", "0", "1", "1")
    assert report.value("requests.new_received.total") is None
    assert report.value("requests.new_received.natural_person") is None


def test_glued_digits_beside_a_placeholder_are_never_split_into_its_cell() -> None:
    # 信访举报投诉类申请: 0 0 0 0 28 0 and a total printed "/"; seven digits, six numbers.
    body = ("一、本年新收政府信息公开申请数量2000002二、上年结转政府信息公开申请数量0000000"
            "三、本年度办理结果（一）予以公开1000001（二）部分公开1000001"
            "（五）不予处理1.信访举报投诉类申请0000280/2.重复申请0000000")
    report = govinfo_parse.parse(f"某县2020年政府信息公开工作年度报告\n{_HEAD}\n{body}\n")
    assert report.value("requests.new_received.total") == 2
    assert report.value("requests.not_processed.complaint.legal_service") in (28, None)
    assert report.value("requests.not_processed.complaint.total") is None


_ACTIVE_HEAD = ["二、主动公开政府信息情况", "第二十条第（五）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
_ACTIVE_AMOUNTS = ["第二十条第（九）项", "信息内容", "采购项目数量", "采购总金额（单位:万元）"]


def _active(*rows: list[str], amounts: list[str] | None = None) -> govinfo_parse.Report:
    lines = [*_ACTIVE_HEAD, *(p for row in rows for p in row)]
    if amounts:
        lines += [*_ACTIVE_AMOUNTS, *amounts]
    return govinfo_parse.parse("某县2020年政府信息公开工作年度报告\n" + "\n".join(lines) + "\n")


def test_section_two_numbers_in_pieces_are_joined_the_one_way_their_columns_allow() -> None:
    # +200 as +2 | 00 (no count starts with 0); 68,008 as 68 | ,0 | 08; 5.59 as 5. | 59.
    report = _active(["行政许可", "4", "+2", "00", "11"],
                     ["其他对外管理服务事项", "12", "+1", "48", "68", ",0", "08"],
                     amounts=["政府集中采购", "0", "5.", "59"])
    assert report.value("active.administrative_licensing.change") == 200
    assert report.value("active.administrative_licensing.decisions") == 11
    assert report.value("active.other_external_services.change") == 148
    assert report.value("active.other_external_services.decisions") == 68008
    assert str(report.value("active.government_procurement.amount")) == "5.59"
    joined = report.cell("active.other_external_services.decisions")
    assert joined is not None
    assert (joined.origin, joined.raw) == (Origin.DERIVED, "68\n,0\n08")  # the source's text, pieces and all
    assert joined.rule and "pieces" in joined.rule
    assert report.cell("active.administrative_licensing.prev_items").origin is Origin.READ  # type: ignore[union-attr]


def test_section_two_pieces_that_join_two_ways_leave_the_row_out() -> None:
    # 21 +2 94 29 is 21, +294, 29 or 21, +2, 9429: nothing tells which.
    report = _active(["行政处罚", "21", "+2", "94", "29"], ["行政强制", "0", "-1", "3"])
    assert not [f for f in report.to_flat() if f.startswith("active.administrative_penalty.")]
    assert report.value("active.administrative_coercion.change") == -1
    assert any(d.code == "cell-count" and "行政处罚" in d.message for d in report.diagnostics)


_MISPRINTED = [  # every row adds up but (七)总计, whose total is printed 11 for 1+1+...=8
    (["一、本年新收政府信息公开申请数量"], ["5", "1", "0", "0", "0", "2", "8"]),
    (["二、上年结转政府信息公开申请数量"], ["1", "0", "0", "0", "0", "0", "1"]),
    (["三、本年度办理结果", "（一）予以公开"], ["4", "1", "0", "0", "0", "2", "7"]),
    (["（二）部分公开"], ["1", "0", "0", "0", "0", "0", "1"]),
    (["（七）总计"], ["5", "1", "0", "0", "0", "2", "11"]),
    (["四、结转下年度继续办理"], ["1", "0", "0", "0", "0", "0", "1"]),
]


def _one_per_line(rows: list[tuple[list[str], list[str]]]) -> str:
    lines = [p for labels, numbers in rows for p in (*labels, *numbers)]
    return f"某县2020年政府信息公开工作年度报告\n{_HEAD}\n" + "\n".join(lines) + "\n"


def test_a_misprinted_total_is_kept_as_printed_where_every_other_row_vouches_for_the_gathering() -> None:
    report = govinfo_parse.parse(_one_per_line(_MISPRINTED))
    assert report.value("requests.total.total") == 11  # the report's own number, its rule break reported
    assert report.value("requests.total.natural_person") == 5
    assert any(d.code.startswith("rule-") for d in report.diagnostics)


def test_two_rows_that_do_not_add_up_leave_both_out() -> None:
    rows = [*_MISPRINTED]
    rows[3] = (["（二）部分公开"], ["1", "0", "0", "0", "0", "0", "3"])
    report = govinfo_parse.parse(_one_per_line(rows))
    assert report.value("requests.total.total") is None
    assert report.value("requests.partially_granted.total") is None
    assert report.value("requests.granted.total") == 7


def test_table_four_one_per_line_with_one_group_misprinted_is_kept_where_two_groups_add_up() -> None:
    head = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果",
            "尚未审结", "总计", "未经复议直接起诉", "复议后起诉", *["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2]
    text = "某县2020年政府信息公开工作年度报告\n" + "\n".join(head) + "\n"
    two_hold = text + "\n".join("1 0 0 0 1 0 1 0 0 1 0 0 0 0 5".split()) + "\n"
    assert govinfo_parse.parse(two_hold).value("appeals.litigation_after_review.total") == 5
    one_holds = text + "\n".join("1 0 0 0 1 0 1 0 0 3 0 0 0 0 5".split()) + "\n"
    assert not [k for k in govinfo_parse.parse(one_holds).to_flat() if k.startswith("appeals.")]


def test_table_four_glued_into_exactly_fifteen_digits_is_split_the_one_way_it_can_be() -> None:
    # BeautifulSoup's get_text() of a page whose table 四 is all 0: fifteen digits, fifteen cells.
    text = ("某县2019年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
            "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
            "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计000000000000000\n"
            "五、存在的主要问题及改进情况\n无。\n")
    flat = govinfo_parse.parse(text).to_flat()
    assert {k: v for k, v in flat.items() if k.startswith("appeals.")} == {
        f"appeals.{g}.{c}": 0 for g in ("review", "litigation_direct", "litigation_after_review")
        for c in ("upheld", "corrected", "other", "pending", "total")}


def test_a_row_of_blank_cells_keeps_its_label_from_the_next_row() -> None:
    # BeautifulSoup's get_text() of a Word-export page (found by the tools property): 5.要求…已获取信息
    # printed seven blank cells (no-break spaces), then （六）其他处理 four blanks, 39, a blank and 39.
    # The 39s are 其他处理's; they were read as the row before it.
    text = (Path(__file__).parents[1] / "data" / "glued-blank-row-before-other-2019.txt").read_text(encoding="utf-8")
    assert "确认或重新出具已获取信息" + "\xa0" * 7 + "（六）其他处理" in text
    report = govinfo_parse.parse(text)
    assert [c.field_id for c in report.cells() if c.field_id.startswith("requests.not_processed.confirmation.")
            and c.value is not None] == []
    assert report.value("requests.other.legal_service") in (39, None)
    assert report.value("requests.other.total") in (39, None)


def _glued_plain_page(template: fields.Template, values: dict[str, int], blanks: dict[str, str],
                      *shows: str) -> govinfo_parse.Report:
    """get_text() of a plain page of the report, holding ``shows``, parsed with no wrong value."""
    pytest.importorskip("bs4")
    from govinfo_parse.testing.tools import convert  # noqa: PLC0415

    sample = SampleReport(template=template, values={k: v for k, v in values.items() if k not in blanks},
                          placeholders=blanks)
    text = convert("bs4-glued", sample, word=False)
    for glued in shows:
        assert glued in text
    report = govinfo_parse.parse(text)
    assert sample.wrong_values(report) == []
    return report


def test_glued_digits_are_not_split_where_the_page_left_empty_cells_without_a_trace() -> None:
    # A plain page's empty cells hold nothing, so get_text() keeps no trace of them: 行政处罚
    # 21 | +41 | (empty) reads 21+41, which splits one way into three cells, 21 | +4 | 1.
    # 行政强制's +154 (empty | +15 | 4) is too short for its cells: the page is such a page.  So
    # 行政事业性收费's -277 may be (empty | -277), not only a placeholder and 277.
    values = {"active.administrative_penalty.prev_items": 21, "active.administrative_penalty.change": 41,
              "active.administrative_coercion.change": 15, "active.administrative_coercion.decisions": 4,
              "active.regulations.made": 18, "active.regulations.published": 9,
              "active.regulations.total_published": 28, "active.normative_documents.made": 7,
              "active.normative_documents.published": 13, "active.normative_documents.total_published": 24,
              "active.other_external_services.prev_items": 1012, "active.other_external_services.change": 35,
              "active.other_external_services.decisions": 4, "active.administrative_fees.change": -277,
              **{f"requests.{row}.{column}": count for row in ("new_received", "granted", "total")
                 for column, count in zip(fields.REQUESTS_COLUMNS, (3, 0, 0, 1, 0, 0, 4), strict=True)}}
    blanks = {f: "" for t in ("active", "requests", "appeals") for f in fields.FORMATS["2019"].expected_fields(t)
              if f not in values}
    report = _glued_plain_page("2019", values, blanks, "行政处罚21+41行政强制+154")
    assert report.value("active.administrative_penalty.decisions") is None
    assert any(d.code == "glued-cells" and "left no trace" in d.message for d in report.diagnostics)


def test_a_total_no_split_keeps_shows_that_empty_cells_left_no_trace() -> None:
    # No row is too short for its cells, but 予以公开 0 0 | empty | 0 19 0 19 glues as 00019019,
    # which fills its seven cells only in ways whose total does not hold.  So 行政许可 0 | +84 |
    # empty, glued 0+84, may not be 0 | +8 | 4, the one way its form cuts it.
    values = dict.fromkeys((f for t in ("active", "requests", "appeals")
                            for f in fields.FORMATS["2019"].expected_fields(t)), 0)
    values.update({"active.administrative_licensing.change": 84, "active.government_procurement.amount": 3,
                   **{f"requests.{row}.{column}": 19 for row in ("new_received", "granted", "total")
                      for column in ("legal_service", "total")}})
    blanks = {"active.administrative_licensing.decisions": "", "requests.granted.research": ""}
    report = _glued_plain_page("2019", values, blanks, "行政许可0+84", "00019019")
    assert report.value("active.administrative_licensing.change") is None
    assert any(d.code == "glued-cells" and "left no trace" in d.message for d in report.diagnostics)


def test_a_glued_row_cut_one_way_that_does_not_add_up_is_left_out() -> None:
    # Every other row full: no row shows that empty cells leave no trace.  部分公开 prints
    # 0 0 / 0 15 0 and an empty total, glued as 00/0150, which its form cuts one way only:
    # 0 0 / 0 1 5 0, whose parts (6) are not its total (0).
    row = dict(zip(fields.REQUESTS_COLUMNS, (0, 0, None, 0, 15, 0, None), strict=True))
    values = {f: 0 for f in fields.FORMATS["2021"].expected_fields("requests")}
    values.update({f"requests.{r}.{c}": v for r in ("partially_granted", "total")
                   for c, v in row.items() if v is not None})
    values.update({"requests.total.total": 15, "requests.new_received.legal_service": 15,
                   "requests.new_received.total": 15})
    blanks = {"requests.partially_granted.research": "/", "requests.partially_granted.total": "",
              "requests.total.research": "/"}
    report = _glued_plain_page("2021", values, blanks, "00/0150")
    assert report.value("requests.partially_granted.legal_service") in (None, 15)


def test_glued_rows_read_several_ways_are_settled_by_column_rules_unless_a_row_is_printed_twice() -> None:
    # new_received + carried_over = total + carried_forward decides the total row between its two
    # readings; two undecided rows of one name leave it open (which copy a rule sees is not told).
    from govinfo_parse._tables import RawCell  # noqa: PLC0415
    from govinfo_parse_layouts.glued_text import _Piece, _Row, _settle_requests  # noqa: PLC0415

    def reading(*values: int) -> tuple[_Piece, ...]:
        return tuple(_Piece(str(v), 0, len(str(v))) for v in values)

    def row(name: str, *readings: tuple[_Piece, ...]) -> _Row:
        return _Row(key=f"requests.{name}", label=RawCell(name, 0, 0), readings=list(readings),
                    solid=len(readings) == 1, runs=frozenset())

    zeros = reading(0, 0, 0, 0, 0, 0, 0)
    settled = [row("new_received", reading(1, 0, 0, 0, 0, 0, 1)), row("carried_over", zeros),
               row("carried_forward", zeros)]
    right, wrong = reading(1, 0, 0, 0, 0, 0, 1), reading(0, 1, 0, 0, 0, 0, 1)
    once = _settle_requests([*settled, row("total", right, wrong)], "2019")
    assert once[3] == right
    twice = _settle_requests([*settled, row("total", right, wrong), row("total", wrong, right)], "2019")
    assert set(twice) == {0, 1, 2}


def test_section_two_of_the_2021_format_whole_on_one_line_is_the_table_not_a_row() -> None:
    # BeautifulSoup's get_text("\t") of a plain page: section 二 of the 2021 format is some thirty
    # pieces on one line, fewer than the 2019 format's but more than any row has cells.
    pytest.importorskip("bs4")
    from govinfo_parse.testing.tools import convert  # noqa: PLC0415

    # Table 四 whole on a line (its header words, then its numbers) stays a row read by its header.
    active = {f: i + 1 for i, f in enumerate(fields.FORMATS["2021"].expected_fields("active"))}
    appeals = dict(zip(fields.FORMATS["2021"].expected_fields("appeals"),
                       (1, 2, 3, 4, 10, 0, 1, 0, 0, 1, 2, 0, 0, 1, 3), strict=True))
    sample = SampleReport(template="2021", values={**active, **appeals})
    text = convert("bs4-tab", sample, word=False)
    line = next(line for line in text.split("\n") if "第二十条" in line)
    assert 20 < sum(1 for piece in line.split("\t") if piece.strip()) < 40
    report = govinfo_parse.parse(text)
    assert {k: report.value(k) for k in (*active, *appeals)} == {**active, **appeals}
    assert {report.cell(k).layout for k in active} == {"cell_stream"}  # type: ignore[union-attr]
    assert {report.cell(k).layout for k in appeals} == {"tabular"}  # type: ignore[union-attr]
    assert not [d for d in report.diagnostics if d.code == "no-header"]


def test_a_row_copied_wider_than_the_table_is_still_a_row() -> None:
    # A spreadsheet's selection wider than the table: each row trails empty cells.
    wide = "\t" * 30
    text = ("某县2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
            f"信息内容\t本年制发件数\t本年废止件数\t现行有效件数{wide}\n规章\t1\t2\t3{wide}\n"
            f"行政规范性文件\t4\t5\t6{wide}\n")
    report = govinfo_parse.parse(text)
    assert [(c.field_id, c.value, c.layout) for c in report.cells()] == [
        (f"active.{row}.{column}", value, "tabular")
        for row, start in (("regulations", 1), ("normative_documents", 4))
        for value, column in enumerate(("issued", "repealed", "in_force"), start=start)]


def test_numbers_under_a_row_whose_next_row_lost_its_label_are_not_joined() -> None:
    # get_text("\n") of a plain page with a line lost: 行政强制's label gone, its 1086 under
    # 行政处罚's 12.  Each is a number as written and 行政强制 takes the one left over: joining
    # them (121086) would be a guess.
    pytest.importorskip("bs4")
    from govinfo_parse.testing.tools import convert  # noqa: PLC0415

    values = {f: i + 3 for i, f in enumerate(fields.FORMATS["2021"].expected_fields("active"))}
    values.update({"active.administrative_penalty.decisions": 12,
                   "active.administrative_coercion.decisions": 1086})
    text = convert("bs4-newline", SampleReport(template="2021", values=values), word=False)
    assert "\n行政处罚\n12\n行政强制\n1086\n" in text
    lost = govinfo_parse.parse(text.replace("\n行政强制\n", "\n", 1))
    assert lost.value("active.administrative_penalty.decisions") is None
    licensing = "active.administrative_licensing.decisions"
    assert lost.value(licensing) == values[licensing]
    assert any(d.code == "cell-count" and "行政处罚" in d.message for d in lost.diagnostics)
    # With the next row's label printed, a number in pieces (a Word page's spans: 1 | 2) is joined.
    split = govinfo_parse.parse(text.replace("\n行政处罚\n12\n", "\n行政处罚\n1\n2\n", 1))
    assert split.value("active.administrative_penalty.decisions") == 12
    assert split.value("active.administrative_coercion.decisions") == 1086


def test_a_separator_line_of_dashes_in_a_glued_page_is_read_in_a_moment() -> None:
    # get_text() of a page with a separator line (forty dashes) before its tables: as one pattern,
    # values around a digit read the dashes in exponentially many ways before giving up (26 dashes
    # took 18 s; forty ran past the plugin's time limit and the tables were lost).
    pytest.importorskip("bs4")
    from govinfo_parse.testing.tools import convert  # noqa: PLC0415

    values = {f: i + 3 for i, f in enumerate(fields.FORMATS["2021"].expected_fields("active"))}
    text = convert("bs4-glued", SampleReport(template="2021", values=values), word=False)
    at = text.index("第二十条")
    report = govinfo_parse.parse(text[:at] + "-" * 40 + text[at:])
    assert not [d for d in report.diagnostics if d.code == "plugin-timeout"]
    assert {k: report.value(k) for k in values} == values
