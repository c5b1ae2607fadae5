"""The three tables as the official formats print them.

Each table is a ``Grid``: its cells row by row with the official labels, the
merged areas, and the field id standing at each value position.  Renderers
fill the value positions (test reports, the audit page); nothing here reads
a report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from govinfo_parse import fields

if TYPE_CHECKING:
    from collections.abc import Callable

    from govinfo_parse.fields import Template

__all__ = ["ACTIVE_BLOCKS", "APPEALS_RESULT_LABELS", "REQUESTS_GROUP_LABELS", "REQUESTS_ROW_LABELS", "Grid",
           "Span", "official_grids"]

#: (caption, header labels, row labels → row keys) of each section-二 block, per template.
#: A header that wraps in the printed table holds a line break.
ACTIVE_BLOCKS: Final[dict[str, tuple[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]], ...]]] = {
    "2019": (
        ("第二十条第（一）项", ("本年新\n制作数量", "本年新\n公开数量", "对外公开总数量"),
         (("规章", "regulations"), ("规范性文件", "normative_documents"))),
        ("第二十条第（五）项", ("上一年项目数量", "本年增/减", "处理决定数量"),
         (("行政许可", "administrative_licensing"), ("其他对外管理服务事项", "other_external_services"))),
        ("第二十条第（六）项", ("上一年项目数量", "本年增/减", "处理决定数量"),
         (("行政处罚", "administrative_penalty"), ("行政强制", "administrative_coercion"))),
        ("第二十条第（八）项", ("上一年项目数量", "本年增/减"),
         (("行政事业性收费", "administrative_fees"),)),
        ("第二十条第（九）项", ("采购项目数量", "采购总金额（单位:万元）"),
         (("政府集中采购", "government_procurement"),)),
    ),
    "2021": (
        ("第二十条第（一）项", ("本年制发件数", "本年废止件数", "现行有效件数"),
         (("规章", "regulations"), ("行政规范性文件", "normative_documents"))),
        ("第二十条第（五）项", ("本年处理决定数量",), (("行政许可", "administrative_licensing"),)),
        ("第二十条第（六）项", ("本年处理决定数量",),
         (("行政处罚", "administrative_penalty"), ("行政强制", "administrative_coercion"))),
        ("第二十条第（八）项", ("本年收费金额（单位：万元）",), (("行政事业性收费", "administrative_fees"),)),
    ),
}

#: Row key → the label cells of that row in the canonical layout (merged group cells blank).
REQUESTS_ROW_LABELS: Final[dict[str, tuple[str, ...]]] = {
    "new_received": ("一、本年新收政府信息公开申请数量",),
    "carried_over": ("二、上年结转政府信息公开申请数量",),
    "granted": ("三、本年度办理结果", "（一）予以公开"),
    "partially_granted": ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    "denied.state_secret": ("", "（三）不予公开", "1.属于国家秘密"),
    "denied.prohibited_by_law": ("", "", "2.其他法律行政法规禁止公开"),
    "denied.endangers_safety": ("", "", "3.危及“三安全一稳定”"),
    "denied.third_party_rights": ("", "", "4.保护第三方合法权益"),
    "denied.internal_affairs": ("", "", "5.属于三类内部事务信息"),
    "denied.process_information": ("", "", "6.属于四类过程性信息"),
    "denied.enforcement_files": ("", "", "7.属于行政执法案卷"),
    "denied.query_matters": ("", "", "8.属于行政查询事项"),
    "unable.not_held": ("", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    "unable.requires_creation": ("", "", "2.没有现成信息需要另行制作"),
    "unable.unclear_after_correction": ("", "", "3.补正后申请内容仍不明确"),
    "not_processed.complaint": ("", "（五）不予处理", "1.信访举报投诉类申请"),
    "not_processed.duplicate": ("", "", "2.重复申请"),
    "not_processed.publication": ("", "", "3.要求提供公开出版物"),
    "not_processed.excessive": ("", "", "4.无正当理由大量反复申请"),
    "not_processed.confirmation": ("", "", "5.要求行政机关确认或重新出具已获取信息"),
    "other": ("", "（六）其他处理"),
    "other.no_correction": (
        "", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    "other.unpaid_fee": ("", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    "other.other": ("", "", "3.其他"),
    "total": ("", "（七）总计"),
    "carried_forward": ("四、结转下年度继续办理",),
}

#: Section 四's five result columns, under each of its three groups.
APPEALS_RESULT_LABELS: Final = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

#: The label of each group of section 三's result rows, by the group's key.
REQUESTS_GROUP_LABELS: Final = {"denied": "（三）不予公开", "unable": "（四）无法提供",
                        "not_processed": "（五）不予处理", "other": "（六）其他处理"}

Span = tuple[tuple[int, int], tuple[int, int]]  # (first column, first row), (last column, last row)


@attrs.frozen
class Grid:
    """A printed table: its cells row by row, and the merged areas (a merged cell's text top-left).

    ``values`` maps the (row, column) of each value cell to its field id; those
    cells are blank in an ``official_grids`` grid, for a renderer to fill.
    """

    rows: list[list[str]]
    spans: list[Span]
    values: dict[tuple[int, int], str] = attrs.field(factory=dict)

    def drawn_cells(self) -> list[list[tuple[int, int, int, int]]]:
        """Per row, the cells a drawing shows, each ``(row, column, rowspan, colspan)``.

        Cells a merged area covers are left out: its top-left cell stands for it.
        """
        tops = {(a[0], a[1]): (b[1] - a[1] + 1, b[0] - a[0] + 1) for a, b in self.spans}
        covered = {(c, r) for (c0, r0), (c1, r1) in self.spans
                   for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        return [[(r, c, *tops.get((c, r), (1, 1))) for c in range(len(row))
                 if (c, r) not in covered or (c, r) in tops]
                for r, row in enumerate(self.rows)]

    def filled(self, value: Callable[[str], str]) -> Grid:
        """A copy whose value cells hold ``value(field_id)``."""
        rows = [list(row) for row in self.rows]
        for (r, c), field_id in self.values.items():
            rows[r][c] = value(field_id)
        return Grid(rows, list(self.spans), dict(self.values))


def _active_grid(template: Template) -> Grid:
    rows: list[list[str]] = []
    spans: list[Span] = []
    values: dict[tuple[int, int], str] = {}
    for caption, headers, labelled in ACTIVE_BLOCKS[template]:
        spans.append(((0, len(rows)), (3, len(rows))))
        rows.append([caption, "", "", ""])
        wide = len(headers) == 1
        rows.append(["信息内容", *(h.replace("\n", "") for h in headers), *[""] * (3 - len(headers))])
        block_rows = [len(rows) - 1]
        for label, key in labelled:
            columns = fields.ACTIVE_ROWS[template][key]
            values.update(((len(rows), 1 + i), f"active.{key}.{c}") for i, c in enumerate(columns))
            rows.append([label, *[""] * 3])
            block_rows.append(len(rows) - 1)
        for r in block_rows:
            if wide:
                spans.append(((1, r), (3, r)))
            elif len(headers) == 2:
                spans.append(((2, r), (3, r)))
    return Grid(rows, spans, values)


def _requests_grid(template: Template, *, alternative: bool) -> Grid:
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    rows = [
        [note, "", "", "申请人情况", "", "", "", "", "", ""],
        ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
        ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
    ]
    spans: list[Span] = [
        ((0, 0), (2, 2)), ((3, 0), (9, 0)), ((3, 1), (3, 2)),
        ((4, 1), (8, 1)), ((9, 1), (9, 2)),
    ]
    values: dict[tuple[int, int], str] = {}
    groups: dict[str, list[int]] = {}  # group → the table rows of its sub-rows
    first_result = None
    results = fields.FORMATS[template].result_rows(alternative=alternative)
    for row in ("new_received", "carried_over", *results, "total", "carried_forward"):
        label = REQUESTS_ROW_LABELS[row][-1]
        r = len(rows)
        values.update(((r, 3 + i), f"requests.{row}.{c}") for i, c in enumerate(fields.REQUESTS_COLUMNS))
        blank = [""] * len(fields.REQUESTS_COLUMNS)
        if row in ("new_received", "carried_over", "carried_forward"):
            rows.append([label, "", "", *blank])
            spans.append(((0, r), (2, r)))
        elif "." in row:  # a sub-row under its group cell
            groups.setdefault(row.split(".")[0], []).append(r)
            rows.append(["", "", label, *blank])
        else:  # 予以公开, 部分公开, the 2019 (六), 总计: the label spans two columns
            rows.append(["", label, "", *blank])
            spans.append(((1, r), (2, r)))
        if row not in {"new_received", "carried_over"} and first_result is None:
            first_result = r
        if row == "total" and first_result is not None:
            rows[first_result][0] = "三、本年度办理结果"
            spans.append(((0, first_result), (0, r)))
    for group, members in groups.items():
        rows[members[0]][1] = REQUESTS_GROUP_LABELS[group]
        spans.append(((1, members[0]), (1, members[-1])))
    return Grid(rows, spans, values)


def _appeals_grid() -> Grid:
    results = list(APPEALS_RESULT_LABELS)
    ids = [f"appeals.{g}.{c}" for g in fields.APPEALS_GROUPS for c in fields.APPEALS_COLUMNS]
    rows = [
        ["行政复议", "", "", "", "", "行政诉讼", *[""] * 9],
        [*results, "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
        ["", "", "", "", "", *results, *results],
        [""] * len(ids),
    ]
    spans: list[Span] = [
        ((0, 0), (4, 0)), ((5, 0), (14, 0)),
        ((5, 1), (9, 1)), ((10, 1), (14, 1)),
        *[((c, 1), (c, 2)) for c in range(5)],
    ]
    return Grid(rows, spans, {(3, c): field_id for c, field_id in enumerate(ids)})


def official_grids(template: Template, *, alternative: bool = False) -> dict[str, Grid]:
    """The three tables of ``template`` with the official labels and merged cells, values blank.

    With ``alternative``, section 三 has the result rows some reports of the
    edition print instead of its own (``Format.alternative_rows``).
    """
    return {"active": _active_grid(template), "requests": _requests_grid(template, alternative=alternative),
            "appeals": _appeals_grid()}
