"""Word .docx files: tables with merged cells read by grid position."""

from __future__ import annotations

import pytest
from hypothesis import given

import govinfo_parse
from govinfo_parse.testing import SampleReport
from govinfo_parse.testing.docx import render_docx
from govinfo_parse.testing.strategies import sample_reports
from govinfo_parse_layouts.docx import docx_to_text


@given(sample_reports(blanks=True))
def test_round_trip_both_templates(sample: SampleReport) -> None:
    report = govinfo_parse.parse(render_docx(sample), path="report.bin")
    assert report.to_flat() == sample.expected_flat()
    assert report.source.format == "docx"
    assert {c.layout for c in report.cells()} == {"docx"}


def test_merged_cells_are_expanded_into_the_grid() -> None:
    text = docx_to_text(render_docx(SampleReport(template="2019", values={"requests.total.total": 7})))
    assert "\t自然人\t法人或其他组织\t\t\t\t\t总计" in text  # gridSpan 5 leaves four blanks
    assert "\n\t\t\t\t商业企业" in text  # the vMerge'd note and 自然人 leave blanks below them


def test_a_damaged_word_file_gets_its_own_error() -> None:
    data = render_docx(SampleReport(template="2019"))
    with pytest.raises(govinfo_parse.CorruptDocumentError):
        govinfo_parse.parse(data[: len(data) // 2] + data[-200:])


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
@pytest.mark.parametrize("declaration", [
    '<!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><d>&b;</d>',
    '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>',
    '<!DOCTYPE d SYSTEM "http://example.invalid/d.dtd"><d/>',
], ids=["entities", "external-entity", "external-dtd"])
def test_a_word_file_declaring_a_dtd_is_refused_in_any_encoding(declaration: str, encoding: str) -> None:
    from govinfo_parse.testing.hostile import minimal_docx  # noqa: PLC0415

    xml = f'<?xml version="1.0" encoding="{encoding}"?>{declaration}'.encode(encoding)
    with pytest.raises(govinfo_parse.CorruptDocumentError, match="DTD"):
        govinfo_parse.parse(minimal_docx(xml))
