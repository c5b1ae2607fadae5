"""Consistency rules of fields.md."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import govinfo_parse
from govinfo_parse.testing import SampleReport, render_canonical
from govinfo_parse.testing.strategies import sample_reports


def _rule_diagnostics(report: govinfo_parse.Report) -> list[govinfo_parse.Diagnostic]:
    return [d for d in report.diagnostics if d.code.startswith("rule-")]


@given(sample_reports())
def test_consistent_reports_break_no_rule(sample: SampleReport) -> None:
    report = govinfo_parse.parse(render_canonical(sample))
    assert _rule_diagnostics(report) == []
    assert report.warnings == ()


@given(sample_reports(), st.data())
def test_one_changed_total_is_reported_and_kept(sample: SampleReport, data: st.DataObject) -> None:
    column = data.draw(st.sampled_from(["natural_person", "commercial", "research"]))
    key = f"requests.total.{column}"
    values = {**sample.values, key: int(sample.values[key]) + 1}
    report = govinfo_parse.parse(render_canonical(attrs.evolve(sample, values=values)))
    assert report.value(key) == values[key]  # never changed to make a rule hold
    broken = _rule_diagnostics(report)
    assert {d.code for d in broken} >= {"rule-balance", "rule-result-rows", "rule-applicant-columns"}
    assert all(key in d.field_ids for d in broken)
    balance = next(d for d in broken if d.code == "rule-balance")
    assert balance.severity is govinfo_parse.Severity.ERROR
    assert balance.span is not None


@given(sample_reports(template="2019"))
def test_missing_values_are_not_rule_breaks(sample: SampleReport) -> None:
    values = {k: v for k, v in sample.values.items() if not k.startswith("requests.total.")}
    report = govinfo_parse.parse(render_canonical(attrs.evolve(sample, values=values)))
    assert _rule_diagnostics(report) == []
    assert any(d.code == "missing-values" for d in report.diagnostics)
