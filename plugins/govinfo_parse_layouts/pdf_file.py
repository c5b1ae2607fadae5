"""PDF files: their text layer, page by page, read with pypdfium2.

A PDF is recognised by its ``%PDF-`` signature, not its name.  The text of
each page is taken out with pypdfium2 (the ``pdf`` extra) and the pages are
joined with form feeds; every value's span then carries its page number.  The
text is read by the PDF-text layout like any other extracted text.  A PDF
without a text layer (a scan), an encrypted one and a broken one each get
their own error rather than an empty report.
"""

from __future__ import annotations

from typing import Final

from govinfo_parse import hookimpl
from govinfo_parse.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    MissingDependencyError,
    NoTextLayerError,
)
from govinfo_parse.layout import ConvertedDocument

NAME = "pdf"
_SIGNATURE: Final = b"%PDF-"
_MIN_TEXT_PER_PAGE: Final = 20  # characters: fewer on every page means the pages are images


def _open(data: bytes, path: str | None) -> object:
    try:
        import pypdfium2  # noqa: PLC0415
    except ImportError as exc:
        msg = f"{path or 'input'}: is a PDF; install govinfo-parse[pdf] (pypdfium2) to read PDFs"
        raise MissingDependencyError(msg) from exc
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            msg = f"{path or 'input'}: the PDF is encrypted; decrypt it first"
            raise EncryptedDocumentError(msg) from exc
        msg = f"{path or 'input'}: the PDF is damaged or truncated ({exc})"
        raise CorruptDocumentError(msg) from exc


@hookimpl
def govinfo_convert_document(data: bytes | str, path: str | None) -> ConvertedDocument | None:
    if not isinstance(data, bytes) or not data.lstrip()[:1024].startswith(_SIGNATURE):
        return None
    document = _open(data, path)
    pages = [page.get_textpage().get_text_range() for page in document]  # type: ignore[attr-defined]
    if not pages:
        msg = f"{path or 'input'}: the PDF has no pages"
        raise CorruptDocumentError(msg)
    if all(len(text.strip()) < _MIN_TEXT_PER_PAGE for text in pages):
        msg = f"{path or 'input'}: the PDF has no text layer (scanned pages); OCR it first"
        raise NoTextLayerError(msg)
    text = ""
    starts = []
    for i, page in enumerate(pages):
        if i:
            text += "\f"
            starts.append(len(text))
        text += page
    return ConvertedDocument(text=text, format=NAME, page_starts=tuple(starts))


__all__ = ["NAME"]
