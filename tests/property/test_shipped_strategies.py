"""The strategies govinfo_parse.testing ships, used the way a plugin author would.

Every built-in rendering of a report reads back to its values; so do its
character variants in every encoding; a report that breaks a rule reads back
as printed, with the broken rule reported, never silently corrected.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govinfo_parse
from govinfo_parse.model import Origin
from govinfo_parse.testing import SampleReport, render_canonical
from govinfo_parse.testing.strategies import encoded, renderings, rule_breaking_reports, sample_reports, variants


@given(sample_reports(), st.data())
def test_every_rendering_reads_back_to_its_values(sample: SampleReport, data: st.DataObject) -> None:
    report = govinfo_parse.parse(data.draw(renderings(sample)))
    assert report.to_flat() == sample.expected_flat()


@given(sample_reports(), st.data())
def test_character_variants_in_any_encoding_read_back(sample: SampleReport, data: st.DataObject) -> None:
    text = data.draw(variants(render_canonical(sample)))
    report = govinfo_parse.parse(data.draw(encoded(text)))
    assert report.to_flat() == sample.expected_flat()


@given(rule_breaking_reports(), st.data())
def test_a_broken_rule_is_reported_and_the_values_kept_as_printed(
    case: tuple[SampleReport, str], data: st.DataObject,
) -> None:
    sample, rule = case
    report = govinfo_parse.parse(data.draw(renderings(sample, layouts=("canonical", "tabular", "html", "docx"))))
    assert report.to_flat() == sample.expected_flat()
    assert all(cell.origin is Origin.READ for cell in report.cells())
    assert rule in {d.code for d in report.diagnostics}
