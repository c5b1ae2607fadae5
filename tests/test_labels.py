"""Label vocabulary: official labels, their wrapped and misspelt variants."""

from __future__ import annotations

import pytest

from govinfo_parse import labels
from govinfo_parse.testing.render import REQUESTS_ROW_LABELS
from govinfo_parse.text import normalize_str


@pytest.mark.parametrize(("label", "row"), [
    ("规章", "regulations"),
    ("规范性文件", "normative_documents"),
    ("行政规范性文件", "normative_documents"),
    ("规范性文件(行政机关制定发布的决定、公告)", "normative_documents"),
    ("其他对外管理服务事项", "other_external_services"),
    ("行政事业性收费", "administrative_fees"),
    ("政府集中采购", "government_procurement"),
    ("其他主动公开文件", None),
])
def test_active_rows(label: str, row: str | None) -> None:
    assert labels.match_active_row(label) == row


@pytest.mark.parametrize(("label", "column", "template"), [
    ("本年新\n制作数量", "made", "2019"),
    ("本年新 公开数量", "published", "2019"),
    ("本年制作数量", "made", "2019"),
    ("对外公开总数量", "total_published", "2019"),
    ("对外公开数量", "total_published", "2019"),
    ("上一年项目数量(指2019年事项数)", "prev_items", "2019"),
    ("本年增/减", "change", "2019"),
    ("处理决定数量", "decisions", "2019"),
    ("本年处理决定数量", "decisions", "2021"),
    ("采购总金额(单位:万元)", "amount", "2019"),
    ("本年制发件数", "issued", "2021"),
    ("本年废止件数", "repealed", "2021"),
    ("现行有效件数(历史累计)", "in_force", "2021"),
    ("本年收费金额(单位:万元)", "fee_amount", "2021"),
])
def test_active_columns(label: str, column: str, template: str) -> None:
    assert labels.match_active_column(normalize_str(label)) == (column, template)


def test_every_rendered_request_label_resolves_to_its_row() -> None:
    group = None
    for row, cells in REQUESTS_ROW_LABELS.items():
        text = normalize_str("".join(cells))
        group = labels.match_requests_group(text) or group
        assert labels.match_requests_row(text, group) == row, text


@pytest.mark.parametrize(("label", "row"), [
    ("(二)部分公开(区分处理的,只计这一情况,不计其他情形)", "partially_granted"),
    ("(二)部分公开(区分处理的,只记这一情形,不计其他情形)", "partially_granted"),
    ("(二)部分公情形,不计其开(区分处理的,只计这一他情形)", "partially_granted"),  # two lines interleaved
    ("5.属于三类内容事务信息", "denied.internal_affairs"),
    ("3. 危及\"安全-稳定\"", "denied.endangers_safety"),
    ("信访举报报投诉类申 请", "not_processed.complaint"),
    ("5. 要求行政机关确认 或重新出具已获取信 息", "not_processed.confirmation"),
    ("(七) 总计", "total"),
    ("四、结转下年度继续办理", "carried_forward"),
    ("(六)其他处理", "other"),
])
def test_request_row_variants(label: str, row: str) -> None:
    assert labels.match_requests_row(normalize_str(label), None) == row


def test_other_subrow_needs_its_group() -> None:
    assert labels.match_requests_row("3.其他", "other") == "other.other"
    assert labels.match_requests_row("3.其他", None) is None


@pytest.mark.parametrize(("label", "key"), [
    ("行政复议", "review"), ("行政诉讼", "litigation"), ("未经复议直接起诉", "litigation_direct"),
    ("复议后起诉", "litigation_after_review"),
])
def test_appeals_groups(label: str, key: str) -> None:
    assert labels.match_appeals_group(label) == key


@pytest.mark.parametrize("caption", ["第二十条第(一)项", "第二十条 第(一)项", "第二十条第五项", "第(六)项"])
def test_active_captions(caption: str) -> None:
    assert labels.is_active_caption(caption)


def test_the_requests_header_cells_that_name_no_column() -> None:
    from govinfo_parse import labels  # noqa: PLC0415

    assert labels.is_requests_header_note("申请人情况")
    assert labels.is_requests_header_note("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    assert not labels.is_requests_header_note("自然人")
    assert not labels.is_requests_header_note("本年度办理结果申请人情况说明")
    assert labels.has_cell_words("\t本年新收政府信息公开申请数量\n")
    assert not labels.has_cell_words("本机关全年主动公开政策文件十二件。")
