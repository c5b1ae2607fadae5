"""Fuzzing the pipe_rows layout with the strategies govinfo_parse ships.

Run with ``pytest plugins/govinfo-parse-example-layout/tests`` (govinfo_parse's
``testing`` extra installed).  The plugin is registered by hand here, so the
tests run whether or not the distribution is installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_parse
from govinfo_parse.plugins import get_plugin_manager
from govinfo_parse.testing import SampleReport, render_rows
from govinfo_parse.testing.strategies import damaged, rule_breaking_reports, sample_reports, variants

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
import govinfo_parse_example_layout as pipe_rows

PLUGINS = get_plugin_manager(load_entrypoints=False)
if PLUGINS.get_plugin("pipe_rows") is None:
    PLUGINS.register(pipe_rows, name="pipe_rows")


def render_pipes(sample: SampleReport) -> str:
    """A whole report with every table row as a line of |-separated cells."""
    return render_rows(sample, " | ")


def parse(text: str) -> govinfo_parse.Report:
    return govinfo_parse.parse(text, plugin_manager=PLUGINS)


@given(sample_reports())
def test_round_trip(sample: SampleReport) -> None:
    report = parse(render_pipes(sample))
    assert report.to_flat() == sample.expected_flat()
    assert {c.layout for c in report.cells()} == {"pipe_rows"}


@given(sample_reports(blanks=True), st.data())
def test_damage_never_gives_a_wrong_value(sample: SampleReport, data: st.DataObject) -> None:
    text = data.draw(damaged(render_pipes(sample)))
    assert sample.wrong_values(parse(text)) == []


@given(sample_reports(), st.data())
def test_character_variants_read_the_same(sample: SampleReport, data: st.DataObject) -> None:
    assert parse(data.draw(variants(render_pipes(sample)))).to_flat() == sample.expected_flat()


@given(rule_breaking_reports())
def test_a_broken_rule_is_reported_not_corrected(case: tuple[SampleReport, str]) -> None:
    sample, rule = case
    report = parse(render_pipes(sample))
    assert report.to_flat() == sample.expected_flat()
    assert rule in {d.code for d in report.diagnostics}


if __name__ == "__main__":
    sys.exit(pytest.main([__file__]))
