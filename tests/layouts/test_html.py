"""HTML pages: merged cells, Word exports, charsets, pages full of navigation."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import govinfo_parse
from govinfo_parse.testing import SampleReport
from govinfo_parse.testing.html import render_html
from govinfo_parse.testing.strategies import damaged, sample_reports
from govinfo_parse_layouts.html import html_to_text


@given(sample_reports(blanks=True), st.booleans())
def test_round_trip_plain_and_word_export(sample: SampleReport, word: bool) -> None:  # noqa: FBT001
    report = govinfo_parse.parse(render_html(sample, word=word).encode("utf-8"))
    assert report.to_flat() == sample.expected_flat()
    assert report.source.format == "html"
    assert {c.layout for c in report.cells()} == {"html"}


@given(sample_reports())
def test_gb2312_page_is_decoded_by_its_declaration(sample: SampleReport) -> None:
    data = render_html(sample, word=True, charset="gb2312").encode("gb18030")
    report = govinfo_parse.parse(data)
    assert report.to_flat() == sample.expected_flat()
    assert report.source.encoding == "gb18030"


@given(sample_reports(blanks=True), st.data())
def test_damaged_page_text_never_gives_a_wrong_number(sample: SampleReport, data: st.DataObject) -> None:
    text = data.draw(damaged(html_to_text(render_html(sample, word=True))))
    assert sample.wrong_values(govinfo_parse.parse(text)) == []


def test_picked_by_content_not_by_name(tmp_path: Path) -> None:
    sample = SampleReport(template="2019", values={"appeals.review.total": 2, "requests.total.total": 5})
    path = tmp_path / "report.txt"
    path.write_text(render_html(sample), encoding="utf-8")
    report = govinfo_parse.parse_file(path)
    assert report.source.format == "html"
    assert report.value("appeals.review.total") == 2


def test_cells_spans_entities_and_scripts() -> None:
    html = (
        "<html><head><script>document.write('<table><tr><td>9</td></tr></table>')</script></head><body>"
        "<p>二、主动公开政府信息情况</p><table>"
        "<tr><td colspan=4>第二十条第（一）项</td></tr>"
        "<tr><td>信息<br>内容</td><td><p>本年新</p><p>制作数量</p></td><td>本年新公开数量</td><td>对外公开总数量</td></tr>"
        "<tr><td><span>规</span><span>章</span></td><td><span>1</span><span>2</span></td>"
        "<td>&nbsp;<o:p></o:p></td><td><span lang=EN-US>3,4</span><span>56</span></td></tr>"
        "</table></body></html>"
    )
    text = html_to_text(html)
    assert "规章\t12\t\t3,456" in text
    assert "document.write" not in text
    report = govinfo_parse.parse(html)
    assert report.value("active.regulations.made") == 12
    assert report.cell("active.regulations.published").kind.value == "empty"
    assert report.value("active.regulations.total_published") == 3456


def test_layout_tables_are_walked_into_and_data_tables_gridded() -> None:
    inner = "<table><tr><td>行政复议</td><td colspan=2>行政诉讼</td></tr></table>"
    html = f"<table><tr><td><ul><li>导航</li></ul></td><td>{inner}</td></tr></table>"
    text = html_to_text(html)
    assert "行政复议\t行政诉讼\t\n" in text
    assert "导航" in text
