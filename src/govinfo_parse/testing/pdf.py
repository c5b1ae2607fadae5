"""Printing a known report as a real PDF, and taking its text out again.

``render_pdf`` draws the three tables with the official merged cells (group
labels spanning their rows, 法人或其他组织 over five columns, 行政诉讼 over
ten), narrow label columns so long labels wrap, the requests table broken
across pages, and a ``- N -`` footer on every page: the shapes real report
PDFs give text extractors.  It needs reportlab (``pip install reportlab``);
``extract_text`` needs pypdfium2 or poppler's ``pdftotext``.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import shutil
import subprocess
from typing import Any, Final

from govinfo_parse.testing.render import Grid, SampleReport, merged_grids, outline

__all__ = ["EXTRACTORS", "FONT", "available_extractors", "extract_text", "render_pdf", "renders_chinese"]

#: Text extractors ``extract_text`` knows, by name.
EXTRACTORS: Final = ("pypdfium2", "pdftotext-layout", "pdftotext-raw", "pdfplumber")
_LIBRARIES: Final = {"pypdfium2": "pypdfium2", "pdfplumber": "pdfplumber"}
FONT: Final = "STSong-Light"  # a CID font every PDF reader has; no font file is embedded


def available_extractors() -> list[str]:
    """The extractors installed here."""
    found = [name for name, module in _LIBRARIES.items() if importlib.util.find_spec(module) is not None]
    if shutil.which("pdftotext"):
        found += ["pdftotext-layout", "pdftotext-raw"]
    return sorted(found, key=EXTRACTORS.index)


def extract_text(pdf: bytes, extractor: str) -> str:
    """The text of ``pdf`` as ``extractor`` prints it (pages separated by form feeds)."""
    if extractor == "pypdfium2":
        import pypdfium2  # noqa: PLC0415

        document = pypdfium2.PdfDocument(pdf)
        return "\f".join(page.get_textpage().get_text_range() for page in document)
    if extractor == "pdfplumber":  # its extract_text: words in reading order, lines by position
        import pdfplumber  # noqa: PLC0415

        with pdfplumber.open(io.BytesIO(pdf)) as document:
            return "\f".join(page.extract_text() or "" for page in document.pages)
    if extractor in ("pdftotext-layout", "pdftotext-raw"):
        mode = "-layout" if extractor.endswith("layout") else "-raw"
        done = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            ["pdftotext", mode, "-enc", "UTF-8", "-", "-"],  # noqa: S607
            input=pdf, capture_output=True, check=True,
        )
        return done.stdout.decode("utf-8")
    msg = f"unknown extractor {extractor!r}; known: {', '.join(EXTRACTORS)}"
    raise ValueError(msg)


@functools.cache
def renders_chinese() -> bool:
    """True when this machine's PDF renderer draws the Chinese of ``render_pdf``'s PDFs.

    Their font is not embedded (as in many published reports): pdfium draws it
    with an installed Chinese font, and without one the page images hold only
    the digits (install one: Debian's ``fonts-wqy-microhei``).
    """
    import pypdfium2  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.pdfgen.canvas import Canvas  # noqa: PLC0415

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(60, 30))
    canvas.setFont(FONT, 20)
    canvas.drawString(5, 5, "政府")
    canvas.save()
    image = pypdfium2.PdfDocument(out.getvalue())[0].render(scale=1).to_numpy()
    return bool((image < 128).any())


def render_pdf(sample: SampleReport) -> bytes:
    """``sample`` as a PDF report: headings, prose and the three bordered tables."""
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415
    from reportlab.lib.units import mm  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: PLC0415

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=16)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=7.5, leading=9)

    def table(grid: Grid, widths: list[float]) -> Table:
        data = [[Paragraph(c, cell) if c else "" for c in row] for row in grid.rows]
        drawn = Table(data, colWidths=widths, repeatRows=0)
        spans = [("SPAN", a, b) for a, b in grid.spans]
        drawn.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *spans]))
        return drawn

    def footer(canvas: Any, doc: Any) -> None:  # noqa: ANN401
        canvas.setFont(FONT, 9)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"- {doc.page} -")

    grids = merged_grids(sample)
    widths = {"active": [40 * mm, 35 * mm, 35 * mm, 35 * mm],
              "requests": [12 * mm, 18 * mm, 34 * mm, *[13 * mm] * 7], "appeals": [11 * mm] * 15}
    story: list[Any] = []
    for kind, text in outline(sample):
        if kind == "table":
            story += [table(grids[text], widths[text]), Spacer(1, 4 * mm)]
        else:  # the overview runs over several lines, as real ones do
            story.append(Paragraph(text * 6 if kind == "overview" else text, body))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, topMargin=20 * mm, bottomMargin=22 * mm).build(
        story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
