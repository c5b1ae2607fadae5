"""Writing a known report as a Word .docx, with the official merged cells.

Built from the OOXML parts directly (no Word needed): paragraphs, and tables
whose merged cells are ``w:gridSpan`` (across) and ``w:vMerge`` (down).
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from govinfo_parse.testing.render import Grid, SampleReport, merged_grids, outline

__all__ = ["document_xml", "paragraph_xml", "render_docx", "table_xml"]

_OOXML = "http://schemas.openxmlformats.org"
_CONTENT_TYPES = (
    f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_OOXML}/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_OOXML}/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_OOXML}/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def paragraph_xml(text: str) -> str:
    """A ``w:p`` holding ``text``."""
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def table_xml(grid: Grid) -> str:
    """A ``w:tbl`` of ``grid``, its merged areas as gridSpan (across) and vMerge (down)."""
    starts = {(a[0], a[1]): b for a, b in grid.spans}
    covered: dict[tuple[int, int], tuple[int, int]] = {}  # position → top-left of its merged area
    for a, b in grid.spans:
        for r in range(a[1], b[1] + 1):
            for c in range(a[0], b[0] + 1):
                covered[(c, r)] = a
    rows = []
    for r, row in enumerate(grid.rows):
        cells, c = [], 0
        while c < len(row):
            top = covered.get((c, r))
            if top is not None and top[1] < r:  # continues a vertical merge from above
                end = starts[top]
                span = end[0] - top[0] + 1
                cells.append(f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/><w:vMerge/></w:tcPr><w:p/></w:tc>')
                c += span
                continue
            end = starts.get((c, r), (c, r))
            span = end[0] - c + 1
            restart = '<w:vMerge w:val="restart"/>' if end[1] > r else ""
            properties = f'<w:gridSpan w:val="{span}"/>{restart}'
            cells.append(f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraph_xml(row[c])}</w:tc>")
            c += span
        rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
    # The grid's columns, as Word always writes them (a converter lays the merged cells out on them).
    columns = "".join('<w:gridCol w:w="900"/>' for _ in range(max(map(len, grid.rows), default=0)))
    return f"<w:tbl><w:tblGrid>{columns}</w:tblGrid>" + "".join(rows) + "</w:tbl>"


def document_xml(body: str) -> str:
    """``word/document.xml`` around ``body``."""
    namespace = f"{_OOXML}/wordprocessingml/2006/main"
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{namespace}">'
            f"<w:body>{body}</w:body></w:document>")


def render_docx(sample: SampleReport) -> bytes:
    """``sample`` as a .docx file."""
    grids = merged_grids(sample)
    body = "".join(table_xml(grids[text]) if kind == "table" else paragraph_xml(text)
                   for kind, text in outline(sample))
    document = document_xml(body)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
    return out.getvalue()
