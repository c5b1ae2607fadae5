"""A known report as the tools people use hand it over: HTML and PDF turned into text.

Each tool takes a ``SampleReport`` and returns what that tool makes of the
report as it is published: the Word-export HTML page (``testing.html``) for the
HTML tools, the printed PDF (``testing.pdf``) for the PDF tools.  The tools are
the real libraries and programs (BeautifulSoup, html2text, markdownify,
trafilatura, Chromium's ``innerText``; pdftotext in each mode, pypdfium2,
pdfplumber, pypdf, PyMuPDF, pymupdf4llm, markitdown), never imitations:
a tool that is not installed is simply not in ``available_tools()``.

>>> from govinfo_parse.testing.tools import available_tools, convert
>>> text = convert("bs4-tab", sample)                     # doctest: +SKIP
"""

from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Callable

    from govinfo_parse.testing.render import SampleReport

__all__ = ["HTML_TOOLS", "PDF_TOOLS", "TOOLS", "available_tools", "convert", "html_to", "pdf_to"]


def _html(sample: SampleReport, *, word: bool) -> str:
    from govinfo_parse.testing.html import render_html  # noqa: PLC0415

    return render_html(sample, word=word)


def _pdf(sample: SampleReport) -> bytes:
    from govinfo_parse.testing.pdf import render_pdf  # noqa: PLC0415

    return render_pdf(sample)


# --- HTML -------------------------------------------------------------------------------------


def _soup_text(separator: str) -> Callable[[str], str]:
    def convert(html: str) -> str:
        from bs4 import BeautifulSoup  # noqa: PLC0415

        return BeautifulSoup(html, "html.parser").get_text(separator)
    return convert


def _html2text(html: str) -> str:
    import html2text  # noqa: PLC0415

    return html2text.html2text(html)


def _markdownify(html: str) -> str:
    from markdownify import markdownify  # noqa: PLC0415

    return markdownify(html)


def _trafilatura(html: str) -> str:
    import trafilatura  # noqa: PLC0415

    return trafilatura.extract(html, include_tables=True, favor_recall=True) or ""


def _inner_text(html: str) -> str:
    page = _browser_page()
    page.set_content(html)
    return str(page.evaluate("document.body.innerText"))


@cache
def _browser_page() -> Any:  # noqa: ANN401 - a playwright Page
    """One headless Chromium page for the whole process (Debian's chromium, driven by Playwright)."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=_chromium(), args=[
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync"])
    return browser.new_page()


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


#: HTML tools: the Word-export page of a report, turned into text.
HTML_TOOLS: Final[dict[str, Callable[[str], str]]] = {
    "bs4-glued": _soup_text(""),
    "bs4-newline": _soup_text("\n"),
    "bs4-tab": _soup_text("\t"),
    "html2text": _html2text,
    "markdownify": _markdownify,
    "trafilatura": _trafilatura,
    "innerText": _inner_text,
}

# --- PDF --------------------------------------------------------------------------------------


def _pdftotext(mode: str | None) -> Callable[[bytes], str]:
    def convert(pdf: bytes) -> str:
        args = ["pdftotext", *([mode] if mode else []), "-enc", "UTF-8", "-", "-"]
        done = subprocess.run(args, input=pdf, capture_output=True, check=True)  # noqa: S603
        return done.stdout.decode("utf-8")
    return convert


def _pypdfium2(pdf: bytes) -> str:
    import pypdfium2  # noqa: PLC0415

    return "\f".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))


def _pdfplumber(pdf: bytes) -> str:
    import pdfplumber  # noqa: PLC0415

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "\f".join(page.extract_text() or "" for page in document.pages)


def _pdfplumber_layout(pdf: bytes) -> str:
    import pdfplumber  # noqa: PLC0415

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "\f".join(page.extract_text(layout=True) or "" for page in document.pages)


def _pdfplumber_tables(pdf: bytes) -> str:
    """Each page's tables and the text around them, in their order down the page.

    Tables by ``find_tables()`` (a row per line, cells parted by tabs), the rest
    by ``extract_text_lines()``.
    """
    import pdfplumber  # noqa: PLC0415

    pages = []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]

            def outside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]] = boxes) -> bool:
                x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
                return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

            items = [(line["top"], line["text"]) for line in page.filter(outside).extract_text_lines()]
            for table in tables:
                rows = ["\t".join((cell or "").replace("\n", "") for cell in row) for row in table.extract()]
                items.append((table.bbox[1], "\n".join(rows)))
            pages.append("\n".join(text for _, text in sorted(items, key=lambda item: item[0])))
    return "\f".join(pages)


def _pypdf(pdf: bytes) -> str:
    import pypdf  # noqa: PLC0415

    return "\f".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def _pymupdf(pdf: bytes) -> str:
    import pymupdf  # noqa: PLC0415

    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        return "\f".join(page.get_text() for page in document)


def _pymupdf4llm(pdf: bytes) -> str:
    import pymupdf  # noqa: PLC0415
    import pymupdf4llm  # noqa: PLC0415

    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        return str(pymupdf4llm.to_markdown(document, show_progress=False))


def _markitdown(pdf: bytes) -> str:
    from markitdown import MarkItDown  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(pdf)
        return str(MarkItDown().convert(str(path)).text_content)


#: PDF tools: the printed report, turned into text.
PDF_TOOLS: Final[dict[str, Callable[[bytes], str]]] = {
    "pdftotext": _pdftotext(None),
    "pdftotext-layout": _pdftotext("-layout"),
    "pdftotext-raw": _pdftotext("-raw"),
    "pypdfium2": _pypdfium2,
    "pdfplumber": _pdfplumber,
    "pdfplumber-layout": _pdfplumber_layout,
    "pdfplumber-tables": _pdfplumber_tables,
    "pypdf": _pypdf,
    "pymupdf": _pymupdf,
    "pymupdf4llm": _pymupdf4llm,
    "markitdown": _markitdown,
}

#: What each tool needs: a module, or a program on the PATH.
_NEEDS: Final[dict[str, tuple[str, ...]]] = {
    "bs4-glued": ("bs4",), "bs4-newline": ("bs4",), "bs4-tab": ("bs4",), "html2text": ("html2text",),
    "markdownify": ("markdownify",), "trafilatura": ("trafilatura",), "innerText": ("playwright", "chromium"),
    "pdftotext": ("pdftotext",), "pdftotext-layout": ("pdftotext",), "pdftotext-raw": ("pdftotext",),
    "pypdfium2": ("pypdfium2",), "pdfplumber": ("pdfplumber",), "pdfplumber-layout": ("pdfplumber",),
    "pdfplumber-tables": ("pdfplumber",), "pypdf": ("pypdf",), "pymupdf": ("pymupdf",),
    "pymupdf4llm": ("pymupdf4llm",), "markitdown": ("markitdown",),
}
_PROGRAMS: Final = {"pdftotext": lambda: shutil.which("pdftotext"), "chromium": _chromium}

#: Every tool, by name: HTML tools, then PDF tools.
TOOLS: Final = (*HTML_TOOLS, *PDF_TOOLS)


def available_tools() -> list[str]:
    """The tools installed here, in ``TOOLS`` order."""
    def present(need: str) -> bool:
        return bool(_PROGRAMS[need]()) if need in _PROGRAMS else importlib.util.find_spec(need) is not None

    return [name for name in TOOLS if all(present(n) for n in _NEEDS[name])]


def html_to(tool: str, html: str) -> str:
    """``html`` as HTML tool ``tool`` turns it into text."""
    return HTML_TOOLS[tool](html)


def pdf_to(tool: str, pdf: bytes) -> str:
    """``pdf`` as PDF tool ``tool`` turns it into text."""
    return PDF_TOOLS[tool](pdf)


def convert(tool: str, sample: SampleReport, *, word: bool = True) -> str:
    """``sample``, published as HTML or PDF, turned into text by ``tool``.

    HTML is a Word export's page (``word``: paragraphs in every cell, widths in
    points), else a plain page of the kind a site's editor writes.
    """
    if tool in HTML_TOOLS:
        return html_to(tool, _html(sample, word=word))
    if tool in PDF_TOOLS:
        return pdf_to(tool, _pdf(sample))
    msg = f"unknown tool {tool!r}; known: {', '.join(TOOLS)}"
    raise ValueError(msg)
