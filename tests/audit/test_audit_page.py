"""The audit page: every value in its official cell, beside the place it came from."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

import govinfo_parse
from govinfo_parse import cli, fields
from govinfo_parse.audit import CorpusEntry, render, render_corpus
from govinfo_parse.official import official_grids
from govinfo_parse.testing import SampleReport, render_canonical
from govinfo_parse.testing.html import render_html
from govinfo_parse.testing.strategies import sample_reports
from tests.conftest import shared_path

pytest.importorskip("jinja2")

TABULAR_HEADER = ("三、收到和处理政府信息公开申请情况\n\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
                  "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n")


def _values(page: str) -> dict[str, Node]:
    """The value cells of the page's tables, by field id (each must stand once)."""
    cells = HTMLParser(page).css("table.official td[data-field]")
    by_field = {c.attributes["data-field"] or "": c for c in cells}
    assert len(by_field) == len(cells), "a field id stands in two cells"
    return by_field


def _classes(node: Node) -> set[str]:
    return set((node.attributes.get("class") or "").split())


def _number(text: str) -> int | Decimal:
    return Decimal(text) if "." in text else int(text)


@settings(max_examples=25)
@given(sample_reports(blanks=True))
def test_every_value_stands_in_its_official_cell_and_blanks_stay_blank(sample: SampleReport) -> None:
    text = render_canonical(sample)
    report = govinfo_parse.parse(text)
    cells = _values(render(report, text))
    assert set(cells) == {f for t in ("active", "requests", "appeals")
                          for f in fields.FORMATS[sample.template].expected_fields(t)}
    for field_id, node in cells.items():
        shown = node.text(strip=True)
        if field_id in sample.values:
            assert "read" in _classes(node), field_id
            assert _number(shown) == sample.values[field_id], field_id
        else:  # a blank or a placeholder: shown as the document has it, never as a number
            assert _classes(node) & {"blank", "missing"}, field_id
            assert shown == sample.placeholders.get(field_id, "").strip(), field_id


def test_a_blank_cell_is_blank_and_a_placeholder_is_shown_as_printed() -> None:
    sample = SampleReport(template="2019", values={"requests.new_received.natural_person": 3},
                          placeholders={"requests.new_received.commercial": "",
                                        "requests.new_received.research": "/"})
    cells = _values(render(govinfo_parse.parse(render_canonical(sample)), render_canonical(sample)))
    assert cells["requests.new_received.natural_person"].text() == "3"
    assert cells["requests.new_received.commercial"].text() == ""
    assert cells["requests.new_received.research"].text() == "/"
    assert "blank" in _classes(cells["requests.new_received.research"])
    assert "missing" in _classes(cells["appeals.review.total"])  # not in the document at all


def test_a_derived_value_is_styled_apart_and_names_its_rule() -> None:
    text = TABULAR_HEADER + "(七) 总计\t" + "\t".join(map(str, [3, 0, 0, 1, 0, 0])) + "\n"
    report = govinfo_parse.parse(text)
    assert report.cell("requests.total.total").origin is govinfo_parse.Origin.DERIVED
    node = _values(render(report, text))["requests.total.total"]
    assert "derived" in _classes(node)
    assert node.text() == "4"
    assert f"rule: {report.cell('requests.total.total').rule}" in (node.attributes["title"] or "")


def test_a_value_a_broken_rule_doubts_is_marked_with_the_rule() -> None:
    values = {f"requests.new_received.{c}": 1 for c in fields.REQUESTS_APPLICANT_COLUMNS}
    values["requests.new_received.total"] = 7  # the six add up to 6
    sample = SampleReport(template="2019", values=values)
    report = govinfo_parse.parse(render_canonical(sample))
    assert "requests.new_received.total" in report.doubtful_fields()
    node = _values(render(report, render_canonical(sample)))["requests.new_received.total"]
    assert "doubtful" in _classes(node)
    assert "doubtful: rule-" in (node.attributes["title"] or "")


def test_each_mark_in_the_text_holds_the_raw_text_of_its_values() -> None:
    sample = SampleReport(template="2021", values={"requests.new_received.total": 12, "appeals.review.upheld": 2,
                                                   "active.regulations.issued": 4})
    text = render_canonical(sample)
    report = govinfo_parse.parse(text)
    marks = HTMLParser(render(report, text)).css("#text mark")
    assert marks
    for mark in marks:
        for field_id in (mark.attributes["data-fields"] or "").split():
            cell = report.cell(field_id)
            assert cell is not None
            if cell.origin is govinfo_parse.Origin.READ:
                assert mark.text() == cell.raw == text[cell.span.offset:cell.span.end]
    assert len(marks) == len({c.span.offset for c in report.cells() if c.span and c.span.end > c.span.offset})


def test_document_text_is_shown_as_text_never_run() -> None:
    hostile = "<script>alert(1)</script>"
    sample = SampleReport(template="2019", organ=f"示例{hostile}县", values={"requests.new_received.total": 1})
    text = render_canonical(sample).replace("全面推进政务公开工作。", f'全面推进政务公开工作。{hostile}" onmouseover="x')
    page = render(govinfo_parse.parse(text), text)
    assert page.count("<script>") == 1  # the page's own
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    tree = HTMLParser(page)
    assert not [n for n in tree.css("*") if "onmouseover" in n.attributes]
    assert hostile in tree.css_first("#text pre").text()


def test_the_page_is_self_contained() -> None:
    text = render_canonical(SampleReport(template="2021", values={"requests.new_received.total": 1}))
    page = render(govinfo_parse.parse(text), text)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|<link\b|@import|url\(""", page)


def test_every_diagnostic_is_listed_and_linked_to_its_place() -> None:
    values = {f"requests.new_received.{c}": 1 for c in fields.REQUESTS_COLUMNS}
    text = render_canonical(SampleReport(template="2019", values=values))
    report = govinfo_parse.parse(text)
    tree = HTMLParser(render(report, text))
    items = tree.css("#diagnostics li")
    assert len(items) == len(report.diagnostics) > 0
    anchors = {n.attributes["id"] for n in tree.css("#text .anchor")}
    links = [a.attributes["href"] for a in tree.css("#diagnostics a.place")]
    assert len(links) == sum(1 for d in report.diagnostics if d.span)
    assert {href[1:] for href in links if href} <= anchors


def test_an_html_input_points_into_its_converted_text() -> None:
    sample = SampleReport(template="2019", values={"requests.new_received.total": 9, "appeals.review.total": 2})
    document = render_html(sample).encode("utf-8")
    report = govinfo_parse.parse(document)
    tree = HTMLParser(render(report, document))
    assert tree.css_first("#text pre").text() == govinfo_parse.document_text(document)
    mark = next(m for m in tree.css("#text mark") if "requests.new_received.total" in (m.attributes["data-fields"] or ""))
    assert mark.text() == "9"


def test_the_charts_draw_what_the_tables_state() -> None:
    values = {"requests.new_received.natural_person": 8, "requests.new_received.commercial": 2,
              "requests.granted.total": 5, "requests.denied.state_secret.total": 1,
              "requests.denied.internal_affairs.total": 2}
    text = render_canonical(SampleReport(template="2019", values=values))
    tree = HTMLParser(render(govinfo_parse.parse(text), text))
    charts = {f.css_first("figcaption").text(): f for f in tree.css("#charts figure")}
    assert len(charts) == 3
    bars = {g.css("text")[0].text(): g.css("text")[1].text() for g in next(iter(charts.values())).css("g")}
    assert bars["自然人"] == "8"
    assert bars["商业企业"] == "2"
    assert bars["科研机构"] == "—"  # not stated: no bar, not 0
    outcomes = {g.css("text")[0].text(): g for g in list(charts.values())[1].css("g")}
    assert outcomes["不予公开"].css("text")[1].text() == "3"
    assert "sum of 2 of 8 rows stated" in outcomes["不予公开"].css_first("title").text()


def test_the_2021_format_with_the_single_other_row_has_a_place_for_it() -> None:
    grid = official_grids("2021", alternative=True)["requests"]
    assert "requests.other.total" in grid.values.values()
    assert "requests.other.other.total" not in grid.values.values()


def test_a_generated_pdf_gets_its_pages_with_a_box_on_every_value() -> None:
    pytest.importorskip("reportlab")
    pytest.importorskip("pypdfium2")
    from govinfo_parse.testing.pdf import render_pdf  # noqa: PLC0415

    sample = SampleReport(template="2021", values={"requests.new_received.total": 41, "appeals.review.upheld": 3})
    data = render_pdf(sample)
    report = govinfo_parse.parse(data)
    tree = HTMLParser(render(report, data))
    images = tree.css(".page img")
    assert images
    assert all((i.attributes["src"] or "").startswith("data:image/jpeg;base64,") for i in images)
    boxed = {f for b in tree.css(".page .box") for f in (b.attributes["data-fields"] or "").split()}
    assert boxed == {c.field_id for c in report.cells() if c.span and c.span.page and c.raw}


def test_a_long_pdf_shows_only_the_pages_holding_values(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("reportlab")
    pytest.importorskip("pypdfium2")
    from govinfo_parse.audit import _pages  # noqa: PLC0415
    from govinfo_parse.testing.pdf import render_pdf  # noqa: PLC0415

    data = render_pdf(SampleReport(template="2019", values={"appeals.review.upheld": 3}))
    report = govinfo_parse.parse(data)
    monkeypatch.setattr(_pages, "ALL_PAGES_UP_TO", 1)
    tree = HTMLParser(render(report, data))
    shown = [int(p.attributes["data-page"] or 0) for p in tree.css(".page")]
    holding = {c.span.page for c in report.cells() if c.span and c.span.page and c.raw}
    placed = {d.span.page for d in report.diagnostics if d.span and d.span.page}
    assert shown == sorted(holding | placed)
    nothing = HTMLParser(render(govinfo_parse.Report(), data))  # no value, no diagnostic: no page
    assert nothing.css(".page") == []
    assert "0 of 2 pages shown" in nothing.css_first("#pages .note").text()


def test_huaian_2024_page_is_small_and_boxes_every_value() -> None:
    path = shared_path("corpus", "pdf", "huaian-2024.pdf")
    report = govinfo_parse.parse_file(path)
    page = render(report)
    assert len(page.encode("utf-8")) < 3_000_000
    tree = HTMLParser(page)
    assert len(tree.css(".page img")) == 6
    boxed = {f for b in tree.css(".page .box") for f in (b.attributes["data-fields"] or "").split()}
    assert boxed == {c.field_id for c in report.cells() if c.value is not None}
    assert tree.css_first("#read-count").text() == "200"


def test_corpus_page_has_a_row_per_file_failures_included() -> None:
    good = govinfo_parse.parse(render_canonical(SampleReport(template="2019", year=2021, values={
        "requests.new_received.total": 1})), path="a/good.txt")
    empty = govinfo_parse.parse("nothing here", path="a/empty.txt")
    page = render_corpus([CorpusEntry(path="a/good.txt", report=good, page="good.txt.html"),
                          CorpusEntry(path="a/empty.txt", report=empty),
                          CorpusEntry(path="a/bad.pdf", error="a/bad.pdf: the PDF is damaged")], title="<b>t</b>")
    tree = HTMLParser(page)
    rows = tree.css("#corpus tbody tr")
    assert [r.css("td")[0].text() for r in rows] == ["good.txt", "empty.txt", "bad.pdf"]
    assert rows[0].css_first("a").attributes["href"] == "good.txt.html"
    assert rows[0].css("td")[1].text() == "2021"
    assert "no statistical table found" in rows[1].text()
    assert "damaged" in rows[2].text()
    assert "&lt;b&gt;t&lt;/b&gt;" in page


def test_cli_writes_one_page_for_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "report.txt"
    source.write_text(render_canonical(SampleReport(template="2019", values={"appeals.review.total": 3})),
                      encoding="utf-8")
    out = tmp_path / "report.html"
    assert cli.main(["audit", str(source), "-o", str(out)]) == cli.EXIT_OK
    assert _values(out.read_text(encoding="utf-8"))["appeals.review.total"].text() == "3"
    assert "wrote" in capsys.readouterr().err


def test_cli_writes_a_corpus_page_and_a_page_per_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, year in (("a.txt", 2020), ("b.txt", 2021)):
        sample = SampleReport(template="2021", year=year, values={"requests.new_received.total": year})
        (folder / name).write_text(render_canonical(sample), encoding="utf-8")
    (folder / "c.pdf").write_bytes(b"%PDF-1.4 broken")
    out = tmp_path / "site" / "corpus.html"
    out.parent.mkdir()
    code = cli.main(["audit", str(folder), "-o", str(out)])
    assert code == cli.EXIT_UNREADABLE  # the broken PDF, told on stderr; the others written
    assert "c.pdf" in capsys.readouterr().err
    rows = HTMLParser(out.read_text(encoding="utf-8")).css("#corpus tbody tr")
    assert len(rows) == 3
    links = [a.attributes["href"] for a in HTMLParser(out.read_text(encoding="utf-8")).css("#corpus a")]
    assert links == ["a.txt.html", "b.txt.html"]
    assert _values((out.parent / "b.txt.html").read_text(encoding="utf-8"))[
        "requests.new_received.total"].text() == "2021"


def test_cli_says_which_extra_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    from govinfo_parse import audit  # noqa: PLC0415

    def missing() -> None:
        raise govinfo_parse.MissingDependencyError('the audit page needs Jinja2: pip install "govinfo-parse[audit]"')

    monkeypatch.setattr(audit, "_environment", missing)
    source = tmp_path / "r.txt"
    source.write_text("x", encoding="utf-8")
    assert cli.main(["audit", str(source), "-o", str(tmp_path / "r.html")]) == cli.EXIT_USAGE
    assert "govinfo-parse[audit]" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


def test_a_value_left_out_says_why_where_it_would_stand() -> None:
    # A row with a stray number its totals cannot place: left out, named by a cell-count diagnostic.
    text = TABULAR_HEADER + "(六) 其他处理\t" + "\t".join(map(str, [1, 1, 0, 0, 0, 0, 1, 2])) + "\n"
    report = govinfo_parse.parse(text)
    assert report.value("requests.other.total") is None
    node = _values(render(report, text))["requests.other.total"]
    assert "missing" in _classes(node)
    assert "left out (cell-count)" in (node.attributes["title"] or "")
