"""The audit page in a real browser: Debian's Chromium, driven by Playwright.

Skipped where either is missing (``.ci/run`` installs both).  Screenshots go to
the test's temporary folder.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING, Any

import pytest

import govinfo_parse
from govinfo_parse.audit import CorpusEntry, render, render_corpus
from govinfo_parse.testing import SampleReport, render_canonical
from govinfo_parse.testing.html import render_html
from tests.conftest import seed_path, shared_path

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytest.importorskip("jinja2")
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (the tools extra)")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("no Chromium installed (Debian's chromium package)", allow_module_level=True)

# Chromium as root, offline: no sandbox, and none of its calls home (refused here, slowly).
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


class Opened:
    """A page loaded in the browser, with every console error and uncaught exception it gave."""

    def __init__(self, browser: Any, path: Path, *, javascript: bool = True) -> None:
        self.context = browser.new_context(viewport={"width": 1500, "height": 950}, java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())

    def close(self) -> None:
        self.context.close()


def _write(tmp_path: Path, name: str, html: str) -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def _click_and_check(opened: Opened, *, boxes: bool) -> int:
    """Click every read value; its highlighted span must hold exactly its raw text."""
    page = opened.page
    fields = page.eval_on_selector_all("td.v.read", "cells => cells.map(c => c.dataset.field)")
    assert fields
    for field in fields[:: max(1, len(fields) // 25)]:  # a spread of them, to keep the test quick
        page.click(f'td[data-field="{field}"]')
        raw = page.get_attribute(f'td[data-field="{field}"]', "data-raw")
        marked = page.eval_on_selector_all("mark.hl", "marks => marks.map(m => m.textContent)")
        assert marked == [raw], field
        assert page.get_attribute(f'td[data-field="{field}"]', "class").endswith("hl")
        if boxes:
            assert page.locator(".box.hl").count() == 1, field
    return len(fields)


PDFS = ["hongze-2023.pdf", "hongze-2024.pdf", "huaian-2024.pdf"]


@pytest.mark.parametrize("name", PDFS)
def test_a_pdf_page_loads_cleanly_and_clicking_a_value_highlights_its_span(
    browser: Any, tmp_path: Path, name: str,
) -> None:
    report = govinfo_parse.parse_file(shared_path("corpus", "pdf", name))
    opened = Opened(browser, _write(tmp_path, f"{name}.html", render(report)))
    assert _click_and_check(opened, boxes=True) > 150
    opened.page.screenshot(path=str(tmp_path / f"{name}.png"))
    assert opened.errors == []
    opened.close()


def test_a_text_seed_page_loads_cleanly_and_highlights(browser: Any, tmp_path: Path) -> None:
    report = govinfo_parse.parse_file(seed_path("000"))
    opened = Opened(browser, _write(tmp_path, "seed.html", render(report)))
    assert _click_and_check(opened, boxes=False) > 150
    opened.page.screenshot(path=str(tmp_path / "seed.png"))
    assert opened.errors == []
    opened.close()


@pytest.mark.parametrize("kind", ["text", "html"])
def test_a_generated_report_page_loads_cleanly_and_highlights(
    browser: Any, tmp_path: Path, kind: str,
) -> None:
    sample = SampleReport(template="2021", values={
        "requests.new_received.natural_person": 5, "requests.new_received.total": 5, "requests.granted.total": 4,
        "active.regulations.issued": 2, "appeals.review.upheld": 1, "appeals.review.total": 1})
    document: str | bytes = render_canonical(sample) if kind == "text" else render_html(sample).encode("utf-8")
    report = govinfo_parse.parse(document)
    opened = Opened(browser, _write(tmp_path, f"{kind}.html", render(report, document)))
    assert _click_and_check(opened, boxes=False) == len(sample.values)
    assert opened.errors == []
    opened.close()


def test_clicking_a_diagnostic_place_marks_its_anchor(browser: Any, tmp_path: Path) -> None:
    values = {"requests.new_received.natural_person": 2, "requests.new_received.total": 3}
    text = render_canonical(SampleReport(template="2019", values=values))
    opened = Opened(browser, _write(tmp_path, "rules.html", render(govinfo_parse.parse(text), text)))
    link = opened.page.locator("#diagnostics a.place").first
    target = link.get_attribute("href")
    link.click()
    assert opened.page.locator(f"{target}.hl").count() == 1
    assert opened.errors == []
    opened.close()


def test_a_report_holding_a_script_shows_it_as_text_and_runs_nothing(
    browser: Any, tmp_path: Path,
) -> None:
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    sample = SampleReport(template="2019", organ=f"示例{hostile}县", values={"requests.new_received.total": 1})
    text = render_canonical(sample).replace("全面推进政务公开工作。", f"全面推进政务公开工作。{hostile}")
    opened = Opened(browser, _write(tmp_path, "hostile.html", render(govinfo_parse.parse(text), text)))
    opened.page.click('td[data-field="requests.new_received.total"]')
    opened.page.wait_for_timeout(200)
    assert opened.dialogs == []
    assert hostile in opened.page.inner_text("#text pre")
    assert opened.errors == []
    opened.close()


def test_the_tables_are_readable_with_javascript_off(browser: Any, tmp_path: Path) -> None:
    text = render_canonical(SampleReport(template="2019", values={"appeals.review.corrected": 6}))
    opened = Opened(browser, _write(tmp_path, "nojs.html", render(govinfo_parse.parse(text), text)),
                    javascript=False)
    assert opened.page.inner_text('td[data-field="appeals.review.corrected"]') == "6"
    assert opened.page.locator('td[data-field="appeals.review.corrected"]').is_visible()
    opened.close()


def test_the_corpus_table_sorts_and_filters(browser: Any, tmp_path: Path) -> None:
    entries = []
    for year, organ in ((2022, "乙县人民政府"), (2020, "甲县人民政府"), (2021, "丙县人民政府")):
        text = render_canonical(SampleReport(template="2021", year=year, organ=organ,
                                             values={"requests.new_received.total": year}))
        entries.append(CorpusEntry(path=f"{year}.txt", report=govinfo_parse.parse(text, path=f"{year}.txt")))
    entries.append(CorpusEntry(path="broken.pdf", error="broken.pdf: the PDF is damaged"))
    opened = Opened(browser, _write(tmp_path, "corpus.html", render_corpus(entries)))
    page = opened.page

    def years() -> list[str]:
        return page.eval_on_selector_all("#corpus tbody tr:not([hidden])", "rows => rows.map(r => r.cells[1].textContent)")

    assert years() == ["2022", "2020", "2021", ""]
    page.click("#corpus th:nth-child(2) button")
    assert years() == ["2020", "2021", "2022", ""]  # a row with no year stays last
    page.click("#corpus th:nth-child(2) button")
    assert years() == ["2022", "2021", "2020", ""]
    page.fill("#filter", "丙县")
    assert years() == ["2021"]
    assert page.inner_text("#shown") == "1 of 4 shown"
    page.screenshot(path=str(tmp_path / "corpus.png"))
    assert opened.errors == []
    opened.close()
