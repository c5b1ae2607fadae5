"""Narrative-only reports: figures stated in prose, read back as facts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govinfo_parse
from govinfo_parse import Origin
from govinfo_parse.numbers import chinese_integer
from govinfo_parse.testing import SampleReport, chinese_numeral, narrative_facts, render_narrative
from govinfo_parse.testing.strategies import damaged, sample_reports


@given(sample_reports(blanks=True))
def test_round_trip_of_prose_figures(sample: SampleReport) -> None:
    report = govinfo_parse.parse(render_narrative(sample))
    facts = {f.field_id: f.value for f in report.narrative}
    assert facts == narrative_facts(sample)
    flat = report.to_flat(include_narrative=True)
    assert {k: v for k, v in flat.items() if not k.startswith("meta.")} == facts
    assert all(c.origin is Origin.NARRATIVE for c in report.cells())
    assert not [k for k in report.to_flat() if not k.startswith("meta.")]  # tables state nothing


@given(sample_reports(blanks=True), st.data())
def test_damaged_prose_never_states_a_wrong_figure(sample: SampleReport, data: st.DataObject) -> None:
    text = data.draw(damaged(render_narrative(sample)))
    truth = {**sample.unstated, **sample.values}
    for fact in govinfo_parse.parse(text).narrative:
        assert truth.get(fact.field_id) == fact.value, (fact.field_id, fact.value, fact.sentence)


@given(st.integers(0, 9999))
def test_chinese_numerals_round_trip(n: int) -> None:
    assert chinese_integer(chinese_numeral(n)) == n


@given(st.integers(0, 500), st.integers(0, 500), st.sampled_from([
    "上年度收到申请{last}件，本年度收到申请{this}件。",
    "本年度共收到政府信息公开申请{this}件，上年共收到申请{last}件。",
    "与去年同期收到申请{last}件相比，今年共收到政府信息公开申请{this}件。",
]))
def test_a_sentence_of_two_years_gives_this_years_figure(this: int, last: int, sentence: str) -> None:
    text = ("某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n2020年，某县全面推进政务公开工作。\n"
            "三、收到和处理政府信息公开申请情况\n" + sentence.format(this=this, last=last) + "\n")
    assert govinfo_parse.parse(text).to_flat(include_narrative=True).get("requests.new_received.total") == this


def test_a_sentence_of_two_dated_counts_gives_none() -> None:
    text = ("某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n2020年，某县全面推进政务公开工作。\n"
            "三、收到和处理政府信息公开申请情况\n2019年收到申请15件，2020年收到申请20件。\n")
    assert "requests.new_received.total" not in govinfo_parse.parse(text).to_flat(include_narrative=True)
