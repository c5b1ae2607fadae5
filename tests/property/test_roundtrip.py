"""Random valid report → canonical rendering → parse → the same values."""

from __future__ import annotations

from hypothesis import given

import govinfo_parse
from govinfo_parse.testing import SampleReport, render_canonical
from govinfo_parse.testing.strategies import sample_reports


@given(sample_reports(template="2019"))
def test_canonical_round_trip_2019(sample: SampleReport) -> None:
    assert govinfo_parse.parse(render_canonical(sample)).to_flat() == sample.expected_flat()


@given(sample_reports(template="2021"))
def test_canonical_round_trip_2021(sample: SampleReport) -> None:
    assert govinfo_parse.parse(render_canonical(sample)).to_flat() == sample.expected_flat()


@given(sample_reports(blanks=True))
def test_blank_and_placeholder_cells_give_no_key(sample: SampleReport) -> None:
    report = govinfo_parse.parse(render_canonical(sample))
    assert report.to_flat() == sample.expected_flat()
    for key, placeholder in sample.placeholders.items():
        cell = report.cell(key)
        assert cell is not None
        assert cell.value is None
        assert cell.kind.value == ("empty" if placeholder == "" else "not_applicable")


@given(sample_reports())
def test_round_trip_survives_crlf_and_gb18030(sample: SampleReport) -> None:
    data = render_canonical(sample).replace("\n", "\r\n").encode("gb18030")
    assert govinfo_parse.parse(data).to_flat() == sample.expected_flat()
