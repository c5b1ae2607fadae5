"""The bundled example is what the project renders from known values, and parses back to them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import govinfo_parse
from govinfo_parse.testing import SampleReport, render_canonical

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _make_example() -> object:
    spec = importlib.util.spec_from_file_location("make_example", EXAMPLES / "make_example.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bundled_example_is_up_to_date_and_parses_to_its_values() -> None:
    values = _make_example().example_values()  # type: ignore[attr-defined]
    sample = SampleReport(template="2019", year=2020, organ="示例县人民政府", values=values, thousands=True)
    path = EXAMPLES / "example-report-2020.txt"
    assert path.read_text(encoding="utf-8") == render_canonical(sample)
    report = govinfo_parse.parse_file(path)
    assert report.to_flat() == sample.expected_flat()
    assert report.diagnostics == ()


def test_wrong_values_names_a_value_the_report_does_not_hold() -> None:
    sample = SampleReport(template="2019", values={"appeals.review.total": 3})
    assert sample.wrong_values(govinfo_parse.parse(render_canonical(sample))) == []
    other = SampleReport(template="2019", values={"appeals.review.total": 4})
    wrong = sample.wrong_values(govinfo_parse.parse(render_canonical(other)))
    assert len(wrong) == 1
    assert wrong[0].startswith("appeals.review.total=4 (read")


def test_a_file_named_doc_is_read_whatever_it_holds() -> None:
    """Sites serve Word 97–2003 files, RTF, one-file web pages and HTML pages alike as .doc."""
    from govinfo_parse.testing.html import render_html, web_archive  # noqa: PLC0415

    values = _make_example().example_values()  # type: ignore[attr-defined]
    sample = SampleReport(template="2019", year=2020, organ="示例县人民政府", values=values, thousands=True)
    data = Path(__file__).resolve().parent / "data"
    held = {
        "doc": (data / "doc" / "example-2019.doc").read_bytes(),  # LibreOffice's .doc of this report
        "rtf": (data / "rtf" / "example-2019.rtf").read_bytes(),
        "html": web_archive(render_html(sample, word=True)),  # a Word "single file web page"
    }
    held["html page"] = render_html(sample, word=True, charset="gb18030").encode("gb18030")
    for what, content in held.items():
        report = govinfo_parse.parse(content, path="2020年报.doc")
        assert report.to_flat() == sample.expected_flat(), what
        assert report.source.format == what.split()[0]
