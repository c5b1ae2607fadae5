"""Figures stated in prose: facts, their spans, and how they meet the tables."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import govinfo_parse
from govinfo_parse import Origin
from govinfo_parse.numbers import chinese_integer
from govinfo_parse.testing import SampleReport, render_canonical
from tests.conftest import seed_path, shared_path

FACT_CASES = [
    ("今年共收到依申请公开13件。", {"requests.new_received.total": 13}),
    ("2020年年我县受理依申请公开7件。", {"requests.new_received.total": 7}),
    ("本年度共受理政府信息公开申请 1 件。", {"requests.new_received.total": 1}),
    ("全年共收到政府信息公开申请十三件。", {"requests.new_received.total": 13}),
    ("全年共收到政府信息公开申请一百二十件。", {"requests.new_received.total": 120}),
    ("本年度未收到政府信息公开申请。", {"requests.new_received.total": 0}),
    ("共受理“市长信箱”投诉、咨询138件。", {}),
    ("处理决定行政许可75295件、行政处罚4964件、行政强制84件。", {
        "active.administrative_licensing.decisions": 75295,
        "active.administrative_penalty.decisions": 4964,
        "active.administrative_coercion.decisions": 84}),
    ("办理行政许可事项75295件。", {}),
    ("政府集中采购1项,共225万元。", {
        "active.government_procurement.items": 1, "active.government_procurement.amount": Decimal(225)}),
    ("政府集中采购2项，共2,510,000元。", {
        "active.government_procurement.items": 2, "active.government_procurement.amount": Decimal(251)}),
    ("未收到行政复议和行政诉讼。", {
        "appeals.review.total": 0, "appeals.litigation_direct.total": 0,
        "appeals.litigation_after_review.total": 0}),
    ("2020年全县没有因政府信息公开被行政复议。", {"appeals.review.total": 0}),
    ("行政复议1件，未发生行政诉讼。", {}),
    ("其中自然人申请10件,法律服务机构申请2件;其他申请3件。", {
        "requests.new_received.natural_person": 10, "requests.new_received.legal_service": 2,
        "requests.new_received.other_org": 3}),
    ("其他申请3件。", {}),
    ("二是部分单位长期未收到政府信息公开申请。", {}),
]
assert len({c[0] for c in FACT_CASES}) == len(FACT_CASES)


@pytest.mark.parametrize(("sentence", "expected"), FACT_CASES)
def test_facts_in_a_sentence(sentence: str, expected: dict[str, object]) -> None:
    report = govinfo_parse.parse(f"一、总体情况\n{sentence}\n")
    assert {f.field_id: f.value for f in report.narrative} == expected
    for fact in report.narrative:
        assert fact.span is not None
        assert fact.raw
        assert fact.raw in sentence


def test_facts_in_problem_sections_are_not_read() -> None:
    report = govinfo_parse.parse("五、存在的主要问题及改进情况\n全年共收到依申请公开13件。\n")
    assert report.narrative == ()


@pytest.mark.parametrize(("text", "value"), [
    ("十三", 13), ("一百二十", 120), ("两千零五", 2005), ("十", 10), ("零", 0), ("三万五千", 35000), ("abc", None),
    ("百一十九", None), ("千", None), ("一万零十", 10010),  # a numeral cut at a line break gives none
])
def test_chinese_integer(text: str, value: int | None) -> None:
    assert chinese_integer(text) == value


def test_seed_003_prose_gives_the_narrative_gold() -> None:
    gold = json.loads(shared_path("seeds", "narrative.gold.json").read_text(encoding="utf-8"))["003"]
    report = govinfo_parse.parse_file(seed_path("003"))
    facts = {f.field_id: f.value for f in report.narrative}
    assert {k: facts.get(k) for k in gold} == gold
    flat = report.to_flat(include_narrative=True)
    for key, value in gold.items():
        assert flat[key] == value
        cell = report.cell(key)
        assert cell is not None
        assert cell.origin is Origin.NARRATIVE
        assert cell.rule is not None
        assert cell.rule.startswith("stated in prose")
    assert not set(gold) & set(report.to_flat())  # the default flat record holds table values only


def test_a_table_value_wins_over_prose_and_the_disagreement_is_reported() -> None:
    sample = SampleReport(template="2019", values={"requests.new_received.total": 13})
    text = render_canonical(sample).replace("全面推进政务公开工作。", "全年共收到依申请公开14件。")
    report = govinfo_parse.parse(text)
    assert report.value("requests.new_received.total") == 13
    assert report.cell("requests.new_received.total").origin is Origin.READ
    mismatch = [d for d in report.diagnostics if d.code == "narrative-mismatch"]
    assert len(mismatch) == 1
    assert mismatch[0].values == (13, 14)
    assert mismatch[0].span is not None


def test_agreeing_prose_adds_no_diagnostic() -> None:
    report = govinfo_parse.parse_file(seed_path("000"))
    assert report.narrative
    assert not [d for d in report.diagnostics if d.code == "narrative-mismatch"]
