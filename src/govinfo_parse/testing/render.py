"""Rendering known values as a report, for round-trip tests and examples.

``render_canonical`` writes a complete report (title, the six sections, the
three tables) in the canonical one-cell-per-line layout, with the official
labels of the chosen template.  A field missing from ``values`` is rendered
as a blank cell, or as the placeholder given for it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from govinfo_parse import fields
from govinfo_parse.numbers import MONEY_UNITS
from govinfo_parse.official import (
    ACTIVE_BLOCKS,
    APPEALS_RESULT_LABELS,
    REQUESTS_ROW_LABELS,
    Grid,
    official_grids,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from govinfo_parse.fields import Template
    from govinfo_parse.model import Number, Report

__all__ = [
    "ACTIVE_BLOCKS",
    "REQUESTS_ROW_LABELS",
    "Grid",
    "OutlineKind",
    "SampleReport",
    "chinese_numeral",
    "format_value",
    "merged_grids",
    "narrative_facts",
    "outline",
    "render_canonical",
    "render_document",
    "render_markdown",
    "render_narrative",
    "render_rows",
    "render_tabular",
    "table_rows",
]


@attrs.frozen(kw_only=True)
class SampleReport:
    """Values a test knows in advance: what a parse must give back."""

    template: Template
    year: int = 2020
    organ: str = "示例县人民政府"
    values: dict[str, Number] = attrs.field(factory=dict)
    placeholders: dict[str, str] = attrs.field(factory=dict)
    #: Values the report leaves blank (a placeholder is written) but its arithmetic still holds.
    unstated: dict[str, Number] = attrs.field(factory=dict)
    thousands: bool = False  # write 1,234 rather than 1234
    #: The money unit amounts are printed in (govinfo_parse.numbers.MONEY_UNITS); values stay in 万元.
    amount_unit: str = "万元"
    #: State the unit once, in a note line under heading 二 (（金额单位：元）), not in the headers.
    unit_note: bool = False
    #: "annual" (…政府信息公开工作年度报告), "work-report" (…工作报告 with a publication date
    #: line and an opening about earlier years) or "none" (no title at all).
    title: Literal["annual", "work-report", "none"] = "annual"

    def wrong_values(self, report: Report, *, narrative: bool = False) -> list[str]:
        """Every value of ``report`` that contradicts this sample (empty: nothing is wrong).

        A value read from a cell must be the stated one, unless a broken rule marks
        it doubtful (``Report.doubtful_fields``); a derived value must carry
        its rule and equal what the table's arithmetic holds, which may be a value a
        placeholder hid (text extraction cannot tell a blank cell from a lost one).
        With ``narrative``, values taken from prose are held to the same truth.
        """
        implied = {**self.unstated, **self.values}
        doubtful = report.doubtful_fields()
        wrong = []
        for cell in report.cells():
            if cell.value is None or (cell.origin.value == "narrative" and not narrative):
                continue
            if cell.origin.value == "read" and cell.field_id in doubtful:
                continue  # marked: a broken rule names it (Report.doubtful_fields)
            truth = self.values if cell.origin.value == "read" else implied
            if truth.get(cell.field_id) != cell.value or (cell.origin.value == "derived" and not cell.rule):
                wrong.append(f"{cell.field_id}={cell.value} ({cell.origin.value}, raw {cell.raw!r}, "
                             f"rule {cell.rule!r}); the report holds {truth.get(cell.field_id)!r}")
        return wrong

    def expected_flat(self) -> dict[str, object]:
        """What ``Report.to_flat()`` must return for the rendered report.

        Without a title, nothing names the year or the body (an opening about
        earlier years does not).
        """
        meta = {"meta.year": self.year, "meta.organ": self.organ} if self.title != "none" else {}
        return {**meta, "meta.template": self.template, **self.values}


def format_value(value: Number, *, column: str, thousands: bool = False, unit: str = "万元") -> str:
    """A value as a report writes it: signed changes keep ``+``, amounts (in 万元) printed in ``unit``."""
    if column in fields.AMOUNT_COLUMNS:
        amount = (Decimal(value) / MONEY_UNITS[unit]).normalize()
        return f"{amount:,f}" if thousands else f"{amount:f}"
    if isinstance(value, Decimal):
        return f"{value:,}" if thousands else f"{value}"
    text = f"{value:,}" if thousands else str(value)
    if column in fields.SIGNED_COLUMNS and value > 0:
        text = "+" + text
    return text


def _cells(sample: SampleReport, field_ids: list[str]) -> list[str]:
    return [_value(sample, field_id) for field_id in field_ids]


def _header(sample: SampleReport, label: str) -> str:
    """A section-二 header label, naming the sample's unit (or none, where a note states it)."""
    if sample.unit_note:
        return re.sub(r"（单位[:：]万元）", "", label)
    return label.replace("万元", sample.amount_unit)


def _value(sample: SampleReport, field_id: str) -> str:
    if field_id in sample.values:
        column = fields.split_field_id(field_id)[2]
        return format_value(sample.values[field_id], column=column, thousands=sample.thousands,
                            unit=sample.amount_unit)
    return sample.placeholders.get(field_id, "")


def merged_grids(sample: SampleReport) -> dict[str, Grid]:
    """The three tables with the official merged cells, as a printed or HTML report draws them."""
    grids = {name: grid.filled(lambda field_id: _value(sample, field_id))
             for name, grid in official_grids(sample.template).items()}
    active = grids["active"]
    headers = [[cell if (r, c) in active.values else _header(sample, cell) for c, cell in enumerate(row)]
               for r, row in enumerate(active.rows)]
    grids["active"] = Grid(headers, active.spans, active.values)
    return grids


def _active_rows(sample: SampleReport) -> list[list[str]]:
    rows: list[list[str]] = []
    for caption, headers, labelled in ACTIVE_BLOCKS[sample.template]:
        rows.append([caption])
        rows.append(["信息内容", *(_header(sample, h) for h in headers)])
        for label, key in labelled:
            columns = fields.ACTIVE_ROWS[sample.template][key]
            rows.append([label, *_cells(sample, [f"active.{key}.{c}" for c in columns])])
    return rows


def _requests_rows(sample: SampleReport) -> list[list[str]]:
    rows = [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
        ["", "自然人", "法人或其他组织", "总计"],
        ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
    ]
    for row in fields.REQUESTS_ROWS[sample.template]:
        ids = [f"requests.{row}.{c}" for c in fields.REQUESTS_COLUMNS]
        rows.append([*REQUESTS_ROW_LABELS[row], *_cells(sample, ids)])
    return rows


def _appeals_rows(sample: SampleReport) -> list[list[str]]:
    ids = [f"appeals.{g}.{c}" for g in fields.APPEALS_GROUPS for c in fields.APPEALS_COLUMNS]
    return [
        ["行政复议", "行政诉讼"],
        [*APPEALS_RESULT_LABELS, "未经复议直接起诉", "复议后起诉"],
        ["", "", "", "", "", *APPEALS_RESULT_LABELS, *APPEALS_RESULT_LABELS],
        _cells(sample, ids),
    ]


def table_rows(sample: SampleReport) -> dict[str, list[list[str]]]:
    """The rows of the three tables as a copied table gives them: merged cells blank.

    A header cell that wraps in the printed table holds a line break.
    """
    return {"active": _active_rows(sample), "requests": _requests_rows(sample),
            "appeals": _appeals_rows(sample)}


#: What stands in a report's outline: a line of text of some kind, or a table by its name.
OutlineKind = Literal["title", "date", "heading", "overview", "prose", "note", "table"]


def outline(sample: SampleReport) -> list[tuple[OutlineKind, str]]:
    """The report from top to bottom, as every renderer prints it: (kind, text or table name)."""
    organ, year = sample.organ, sample.year
    top: list[tuple[OutlineKind, str]] = []
    if sample.title == "annual":
        top.append(("title", f"{organ}{year}年政府信息公开工作年度报告"))
        opening = f"{year}年，{organ}认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。"
    else:
        if sample.title == "work-report":
            top += [("title", f"{organ}{year}年政府信息公开工作报告"), ("date", f"{year + 1}年1月20日")]
        opening = f"{year - 1}年以来，{organ}全面推进政务公开工作。{year}年共发布信息100条。"
    unit_note: list[tuple[OutlineKind, str]] = (
        [("note", f"（金额单位：{sample.amount_unit}）")] if sample.unit_note else [])
    return [
        *top,
        ("heading", "一、总体情况"), ("overview", opening),
        ("heading", "二、主动公开政府信息情况"), *unit_note, ("table", "active"),
        ("heading", "三、收到和处理政府信息公开申请情况"), ("table", "requests"),
        ("heading", "四、政府信息公开行政复议、行政诉讼情况"), ("table", "appeals"),
        ("heading", "五、存在的主要问题及改进情况"),
        ("prose", "一是公开内容不够全面；二是解读形式较为单一。下一步将加强培训，完善制度。"),
        ("heading", "六、其他需要报告的事项"), ("prose", "无。"),
    ]


def render_document(sample: SampleReport, render_table: Callable[[list[list[str]]], str]) -> str:
    """A whole report (its ``outline``) around three tables drawn by ``render_table``."""
    tables = {name: render_table(rows) for name, rows in table_rows(sample).items()}
    return "".join(tables[text] + "\n" if kind == "table" else text + "\n" for kind, text in outline(sample))


def _canonical_table(rows: list[list[str]]) -> str:
    return "".join("".join(f"\t{c}\n" for c in row) + "\n" for row in rows)


def render_canonical(sample: SampleReport) -> str:
    """The whole report in the canonical one-cell-per-line layout."""
    return render_document(sample, _canonical_table)


def render_tabular(sample: SampleReport) -> str:
    """The whole report with tab-separated table rows, as a browser copies the printed table.

    Every grid position is a cell: merged cells leave blank cells where they cover.
    """
    return render_rows(sample, "\t")


def render_rows(sample: SampleReport, separator: str) -> str:
    """The whole report with each table row on a line, its cells joined by ``separator``.

    Every grid position is a cell, merged cells leaving blank cells where they
    cover, as copying a printed table by rows gives.  For a layout plugin of
    rows with their own separator (``" | "``, ``";"``…).
    """
    grids = merged_grids(sample)
    order = iter(("active", "requests", "appeals"))

    def draw(_rows: list[list[str]]) -> str:
        rows = grids[next(order)].rows
        return "".join(separator.join(c.replace("\n", "") for c in row) + "\n" for row in rows)

    return render_document(sample, draw)


_APPLICANT_WORDS = {
    "natural_person": "自然人", "commercial": "商业企业", "research": "科研机构",
    "nonprofit": "社会公益组织", "legal_service": "法律服务机构", "other_org": "其他",
}
_DECISION_WORDS = {
    "administrative_licensing": "行政许可", "administrative_penalty": "行政处罚",
    "administrative_coercion": "行政强制", "other_external_services": "其他对外管理服务事项",
}
_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """``13`` → ``十三``, ``120`` → ``一百二十`` (for 0 ≤ n < 10000), as prose writes counts."""
    if n < 10:
        return _DIGITS[n]
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            leading_ten = value == 10 and not out and digit == 1  # 十三, not 一十三
            out += ("零" if zero and out else "") + ("" if leading_ten else _DIGITS[digit]) + unit
            zero = False
        elif out:
            zero = True
    return out


def _count(sample: SampleReport, value: int) -> str:
    return chinese_numeral(value) if sample.thousands and 0 <= value < 10000 else str(value)


def narrative_facts(sample: SampleReport) -> dict[str, Number]:
    """The facts ``render_narrative`` states, by field id."""
    facts: dict[str, Number] = {}
    decisions = {f"active.{r}.decisions": sample.values[f"active.{r}.decisions"]
                 for r in _DECISION_WORDS if f"active.{r}.decisions" in sample.values}
    facts.update(decisions)
    procurement = ("active.government_procurement.items", "active.government_procurement.amount")
    if all(key in sample.values for key in procurement):
        facts.update({key: sample.values[key] for key in procurement})
    if "requests.new_received.total" in sample.values:
        facts["requests.new_received.total"] = sample.values["requests.new_received.total"]
        for column in _APPLICANT_WORDS:
            key = f"requests.new_received.{column}"
            if key in sample.values and "requests.new_received.natural_person" in sample.values:
                facts[key] = sample.values[key]
    totals = [sample.values.get(f"appeals.{g}.total") for g in fields.APPEALS_GROUPS]
    if all(t == 0 for t in totals):
        facts.update({f"appeals.{g}.total": 0 for g in fields.APPEALS_GROUPS})
    return facts


def render_narrative(sample: SampleReport) -> str:
    """A report that states its figures only in prose (no tables), in the wording reports use."""
    facts = narrative_facts(sample)
    active = [f"{word}{_count(sample, int(facts[f'active.{row}.decisions']))}件"
              for row, word in _DECISION_WORDS.items() if f"active.{row}.decisions" in facts]
    active_text = f"本年度处理决定{'、'.join(active)}。" if active else "本年度主动公开工作稳步推进。"
    if "active.government_procurement.amount" in facts:
        items = _count(sample, int(facts["active.government_procurement.items"]))
        active_text += f"政府集中采购{items}项，共{facts['active.government_procurement.amount']}万元。"
    requests_text = "依申请公开工作规范有序。"
    if "requests.new_received.total" in facts:
        total = _count(sample, int(facts["requests.new_received.total"]))
        requests_text = f"本年度共收到政府信息公开申请{total}件。"
        parts = [f"{word}申请{_count(sample, int(facts[f'requests.new_received.{c}']))}件"
                 for c, word in _APPLICANT_WORDS.items() if f"requests.new_received.{c}" in facts]
        if parts:
            requests_text += f"其中{'，'.join(parts)}。"
    appeals_text = ("本年度未发生因政府信息公开引起的行政复议、行政诉讼。"
                    if "appeals.review.total" in facts else "行政复议、行政诉讼情况见有关部门统计。")
    return "".join((
        f"{sample.organ}{sample.year}年政府信息公开工作年度报告\n",
        "一、总体情况\n",
        f"{sample.year}年，{sample.organ}认真贯彻落实《中华人民共和国政府信息公开条例》。\n",
        "二、主动公开政府信息情况\n", active_text, "\n",
        "三、收到和处理政府信息公开申请情况\n", requests_text, "\n",
        "四、政府信息公开行政复议、行政诉讼情况\n", appeals_text, "\n",
        "五、存在的主要问题及改进情况\n部分单位长期未收到政府信息公开申请，业务不够熟练。\n",
        "六、其他需要报告的事项\n无。\n",
    ))


def render_markdown(sample: SampleReport, *, ocr: bool = False) -> str:
    """The report with Markdown pipe tables; ``ocr`` adds what OCR and vision models do.

    With ``ocr``: an invented header row above each table, the requests header
    replaced by generic names (数据1…), ``<br>`` inside long labels, and table 四
    flattened into its row of 15 numbers.
    """
    grids = merged_grids(sample)

    def pipe(row: list[str]) -> str:
        cells = [c[: len(c) // 2] + "<br>" + c[len(c) // 2 :] if ocr and len(c) > 12 else c for c in row]
        return "| " + " | ".join(cells) + " |\n"

    def table(name: str) -> str:
        rows = grids[name].rows
        if ocr and name == "requests":
            width = len(rows[0])
            rows = [["项目", "", "", *[f"数据{i}" for i in range(1, width - 2)]], *rows[3:]]
        elif ocr and name == "appeals":
            rows = rows[-1:]
        elif ocr:
            rows = [["项目", *[f"数据{i}" for i in range(1, len(rows[0]))]], *rows]
        return pipe(rows[0]) + "|" + "---|" * len(rows[0]) + "\n" + "".join(pipe(r) for r in rows[1:])

    order = iter(("active", "requests", "appeals"))
    return render_document(sample, lambda _rows: table(next(order)))
