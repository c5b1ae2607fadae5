"""Word files (.docx): paragraphs as lines, tables as real tables with merged cells.

A .docx is a zip holding ``word/document.xml``; it is recognised by that, not
by its name.  Paragraphs become lines; each table becomes its grid, one row
per line with tab-separated cells, with horizontally merged cells
(``w:gridSpan``) and vertically merged ones (``w:vMerge``) expanded — the
merged cell's text stands in its first position and the positions it covers
are blank, as in the HTML layout, whose reader then places values by their
grid position under the header.  The layout reads the .doc converter's text
too (``doc_file``), which lays Word 97–2003 tables out the same way.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Final

from govinfo_parse import hookimpl
from govinfo_parse.errors import CorruptDocumentError, ResourceLimitError
from govinfo_parse.layout import Block, ConvertedDocument, LayoutInfo, LayoutResult, LayoutScore
from govinfo_parse.limits import current_limits
from govinfo_parse_layouts.tabular import read_rows

if TYPE_CHECKING:
    from xml.etree import ElementTree as ET

NAME = "docx"
INFO = LayoutInfo(
    name=NAME,
    aliases=("word",),
    version_added="0.1",
    description="Word files (.docx, .doc): tables with merged cells spread on their grid, read by position.",
)
# Word's files, whose converters lay every table on its grid, one row a line: .docx, .doc and RTF.
WORD_FORMATS: Final = frozenset({NAME, "doc", "rtf"})
_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ZIP: Final = b"PK\x03\x04"


def _text(element: ET.Element) -> str:
    """The text of a paragraph or cell: its runs, tabs and breaks dropped."""
    return "".join(t.text or "" for t in element.iter(f"{_W}t")).strip()


def _span(cell: ET.Element) -> int:
    span = cell.find(f"{_W}tcPr/{_W}gridSpan")
    try:
        return max(1, min(60, int(span.get(f"{_W}val", "1")))) if span is not None else 1
    except ValueError:
        return 1


def _continues(cell: ET.Element) -> bool:
    """True for a cell that continues a vertical merge (its text belongs to the cell above)."""
    merge = cell.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(f"{_W}val", "continue") != "restart"


def _grid(table: ET.Element) -> list[list[str]]:
    rows = []
    for tr in table.findall(f"{_W}tr"):
        row: list[str] = []
        for tc in tr.findall(f"{_W}tc"):
            text = "" if _continues(tc) else _text(tc).replace("\t", " ")
            row += [text] + [""] * (_span(tc) - 1)
        rows.append(row)
    return rows


def docx_to_text(data: bytes) -> str:
    """The text govinfo_parse reads from a .docx (report spans point into it)."""
    # Imported here: a parse of anything but a Word file needs none of them.
    import zipfile  # noqa: PLC0415
    from xml.etree import ElementTree as ET  # noqa: PLC0415

    from defusedxml import DefusedXmlException  # noqa: PLC0415
    from defusedxml import ElementTree as DefusedET  # noqa: PLC0415

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            most = current_limits().max_decompressed_bytes
            # zipfile never inflates past the size the entry declares (a lie fails its CRC),
            # so checking the declared size stops a zip bomb before it is unpacked.
            if most is not None and info.file_size > most:
                msg = (f"word/document.xml would unpack to {info.file_size:,} bytes, more than the "
                       f"{most:,}-byte limit (max_decompressed_bytes)")
                raise ResourceLimitError(msg)
            # OOXML parts never declare a DTD: one that does (in any encoding) is an
            # entity-expansion or external-entity attack, refused by defusedxml before expansion.
            root = DefusedET.fromstring(archive.read(info), forbid_dtd=True)
    except DefusedXmlException as exc:
        msg = f"word/document.xml declares a DTD or entities, which Word files never do; not read ({exc})"
        raise CorruptDocumentError(msg) from exc
    except (zipfile.BadZipFile, KeyError, ET.ParseError) as exc:
        msg = f"the Word file is damaged ({exc})"
        raise CorruptDocumentError(msg) from exc
    body = root.find(f"{_W}body")
    lines: list[str] = []
    for block in body if body is not None else ():
        if block.tag == f"{_W}p":
            lines.append(_text(block))
        elif block.tag == f"{_W}tbl":
            lines += ["\t".join(row) for row in _grid(block) if any(row)]
    return "\n".join(line for line in lines if line.strip()) + "\n"


def _is_docx(data: bytes, path: str | None) -> bool:
    """A zip whose entries include word/… (the first entries' names stand near the start).

    A damaged zip is still a Word file, to be reported as such, when its
    bytes name word/… or its file name ends in .docx.
    """
    if not data.startswith(_ZIP):
        return False
    import zipfile  # noqa: PLC0415

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return b"word/" in data[:65536] or (path or "").lower().endswith((".docx", ".docm"))


@hookimpl
def govinfo_convert_document(data: bytes | str, path: str | None) -> ConvertedDocument | None:
    if not isinstance(data, bytes) or not _is_docx(data, path):
        return None
    return ConvertedDocument(text=docx_to_text(data), format=NAME)


@hookimpl
def govinfo_layout_info() -> LayoutInfo:
    return INFO


@hookimpl
def govinfo_sniff_block(block: Block) -> LayoutScore | None:
    if block.source.format not in WORD_FORMATS or "\t" not in block.text:
        return None
    return LayoutScore(layout=NAME, score=1.0)


@hookimpl
def govinfo_parse_block(block: Block, layout: str) -> LayoutResult | None:
    if layout != NAME:
        return None
    return block.assemble(read_rows(block), layout=NAME, grid=True)


__all__ = ["NAME", "WORD_FORMATS", "docx_to_text"]
