"""Turning a text report into a Word or PDF file, as its author might have saved it.

``document_parts`` reads a text report with the built-in layouts: its section
headings and prose as paragraphs, each table as the rows of cells the layout
found (rows keep their own length, as in the source).  ``text_to_docx`` and
``text_to_pdf`` write those parts as a .docx or a PDF, so tests can check that
a report reads the same from every format.
"""

from __future__ import annotations

import io
import zipfile

from govinfo_parse_layouts import canonical, tabular

from govinfo_parse.layout import Block
from govinfo_parse.sections import split_sections
from govinfo_parse.testing.docx import document_xml, paragraph_xml, table_xml
from govinfo_parse.testing.render import Grid
from govinfo_parse.text import normalize

__all__ = ["document_parts", "text_to_docx", "text_to_pdf"]

Part = tuple[str, str | list[list[str]]]


def document_parts(text: str) -> list[Part]:
    """("p", paragraph) and ("t", rows of cell texts) in document order."""
    source = normalize(text)
    parts: list[Part] = []
    for section, start, end in split_sections(source):
        block = Block(source=source, start=start, end=end, section=section)
        if section.heading:
            parts.append(("p", section.heading))
        parts += [("p", line) for line in block.text.split("\n") if line.strip() and "\t" not in line]
        reader = canonical.read_rows if canonical.govinfo_sniff_block(block) else tabular.read_rows
        rows = [[c.text for c in row] for row in reader(block) if any(c.text.strip() for c in row)]
        if rows:
            parts.append(("t", rows))
    return parts


def text_to_docx(text: str) -> bytes:
    """A text report as a .docx: paragraphs, and tables whose rows keep their own length."""
    body = "".join(
        paragraph_xml(part) if kind == "p" else table_xml(Grid(part, []))  # type: ignore[arg-type]
        for kind, part in document_parts(text)
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document_xml(body))
    return out.getvalue()


def text_to_pdf(text: str) -> bytes:
    """A text report printed to PDF: paragraphs, and bordered tables (needs reportlab)."""
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415
    from reportlab.lib.units import mm  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle  # noqa: PLC0415

    from govinfo_parse.testing.pdf import FONT  # noqa: PLC0415

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=16, wordWrap="CJK")
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=7.5, leading=9, wordWrap="CJK")
    story = []
    for kind, part in document_parts(text):
        if kind == "p":
            story.append(Paragraph(str(part), body))
            continue
        rows = part if isinstance(part, list) else []
        width = max(len(r) for r in rows)
        data = [[Paragraph(c, cell) if c else "" for c in r] + [""] * (width - len(r)) for r in rows]
        # Columns share the width by the length of their longest cell, as Word's
        # autofit does: label columns are wider than number columns, and long
        # labels still wrap over several lines.
        weights = [min(16, max(4, *(len(r[i]) for r in rows if i < len(r)))) for i in range(width)]
        table = Table(data, colWidths=[170 * mm * w / sum(weights) for w in weights])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        story.append(table)
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()
