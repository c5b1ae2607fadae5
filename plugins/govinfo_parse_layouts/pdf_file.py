"""PDF files: their text layer, page by page, read with pypdfium2.

A PDF is recognised by its ``%PDF-`` signature, not its name.  The text of
each page is taken out with pypdfium2 (the ``pdf`` extra) and the pages are
joined with form feeds; every value's span then carries its page number.  The
text is read by the PDF-text layout like any other extracted text.  A PDF
without a text layer (a scan), an encrypted one and a broken one each get
their own error rather than an empty report.
"""

from __future__ import annotations

import re
import zlib
from typing import Any, Final

from govinfo_parse import hookimpl
from govinfo_parse.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    MissingDependencyError,
    NoTextLayerError,
    ResourceLimitError,
)
from govinfo_parse.layout import ConvertedDocument
from govinfo_parse.limits import current_limits
from govinfo_parse.patterns import LazyPattern

NAME = "pdf"
_SIGNATURE: Final = b"%PDF-"
_MIN_TEXT_PER_PAGE: Final = 20  # characters: fewer on every page means the pages are images


def _open(data: bytes, path: str | None) -> object:
    try:
        import pypdfium2  # noqa: PLC0415
    except ImportError as exc:
        msg = (f"{path or 'input'}: is a PDF; reading PDFs needs the pdf extra: "
               'pip install "govinfo-parse[pdf]" (from a checkout: pip install ".[pdf]")')
        raise MissingDependencyError(msg) from exc
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            msg = f"{path or 'input'}: the PDF is encrypted; decrypt it first"
            raise EncryptedDocumentError(msg) from exc
        msg = f"{path or 'input'}: the PDF is damaged or truncated ({exc})"
        raise CorruptDocumentError(msg) from exc


_STREAM: Final = re.compile(rb"stream\r?\n")
_CHUNK: Final = 1 << 20


def _inflater() -> Any:  # noqa: ANN401 - a zlib-like module
    """The module the bomb check inflates with: ISA-L's (``isal``), else zlib.

    ISA-L inflates the same streams two to three times faster; the pdf extra
    installs it where it has wheels, and zlib stands in elsewhere.
    """
    try:
        from isal import isal_zlib  # noqa: PLC0415
    except ImportError:
        return zlib
    return isal_zlib


def _check_inflated_size(data: bytes, name: str, most: int, inflate: Any = None) -> None:  # noqa: ANN401
    """Refuse a PDF whose deflated streams inflate to more than ``most`` bytes in all.

    Run before pdfium sees the file: pdfium inflates a page's streams whole,
    in C, where neither memory nor a time limit can stop it.  Streams are
    inflated here a chunk at a time and thrown away, so the check itself
    costs at most ``most`` bytes of work and a chunk of memory.  ``inflate``:
    the zlib-like module to inflate with (``_inflater()``'s by default).
    """
    inflate = inflate or _inflater()
    total = 0
    for m in _STREAM.finditer(data):
        inflater = inflate.decompressobj()
        end = data.find(b"endstream", m.end())
        body = data[m.end(): end if end >= 0 else len(data)]
        try:
            chunk = inflater.decompress(body, _CHUNK)
            while chunk:
                total += len(chunk)
                if total > most:
                    msg = (f"{name}: the PDF's streams inflate past the {most:,}-byte limit "
                           "(max_decompressed_bytes); a decompression bomb, not a report")
                    raise ResourceLimitError(msg)
                chunk = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
        except inflate.error:
            continue  # not deflated (or damaged): pdfium judges it


# The characters whose place on the page a layout needs: digits (values) and the words of
# the tables' column headers, also where a narrow cell wrapped them (商业企 / 业).
_PLACED: Final = LazyPattern(
    r"\d+|自然人?|商业企?业?|科研机?构?|社会公?益?组?织?|法律服?务?机?构?|其他(?:结果)?|总计|合计"
    r"|结果[维纠]?[持正]?|尚未审?结?|维持|纠正|审结")


Boxes = dict[int, tuple[float, float, float, float]]
# A section-二 header (its cells wrap above and below it: the lines around it are placed too).
_ACTIVE_HEADER_WORD: Final = "信息内容"


def _around_active_headers(text: str) -> list[tuple[int, int]]:
    """The lines of each section-二 header (信息内容): its own, the one before and the one after.

    Its cells wrap above and below it.  Found by searching for the word and
    then the line ends: a pattern reaching over lines from every position
    backtracks cubically on a long line without the word.
    """
    spans = []
    at = text.find(_ACTIVE_HEADER_WORD)
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        start = text.rfind("\n", 0, line_start - 1) + 1 if line_start else 0
        line_end = text.find("\n", at)
        if line_end < 0:
            spans.append((start, len(text)))
            break
        end = text.find("\n", line_end + 1)
        spans.append((start, end if end >= 0 else len(text)))
        at = text.find(_ACTIVE_HEADER_WORD, line_end)
    return spans



def _page_texts(document: Any, name: str) -> tuple[list[str], list[Boxes]]:  # noqa: ANN401
    """The text of each page, and the boxes of its values and header words, within the limits.

    A bomb stops before it is read.  Boxes are asked of pdfium only for the
    characters that need them (``_PLACED``): asking for every one would cost
    several times the text itself.
    """
    limits = current_limits()
    if limits.max_pages is not None and len(document) > limits.max_pages:
        msg = (f"{name}: the PDF has {len(document):,} pages, more than the {limits.max_pages:,}-page "
               "limit (max_pages)")
        raise ResourceLimitError(msg)
    pages, boxes, chars = [], [], 0
    for page in document:
        textpage = page.get_textpage()
        count = textpage.count_chars()
        chars += count
        if limits.max_decompressed_bytes is not None and chars > limits.max_decompressed_bytes:
            msg = (f"{name}: the PDF's text runs past the {limits.max_decompressed_bytes:,}-character limit "
                   "(max_decompressed_bytes)")
            raise ResourceLimitError(msg)
        text = textpage.get_text_range()
        pages.append(text)
        # Character i of the text is pdfium's character i (not so beyond the Basic Multilingual Plane).
        wanted = [m.span() for m in _PLACED.finditer(text)] + _around_active_headers(text)
        boxes.append({i: textpage.get_charbox(i) for start, end in wanted for i in range(start, end)
                      if not text[i].isspace()} if len(text) == count else {})
    return pages, boxes


def _recognised(document: Any, name: str) -> ConvertedDocument:  # noqa: ANN401 - a pypdfium2 document
    """A scanned PDF's pages recognised by OCR, each rendered at the engine's resolution."""
    from govinfo_parse.ocr import DPI, page_text, pages_done, recognise, to_document  # noqa: PLC0415

    pages = []
    for number, page in enumerate(document, start=1):
        _, height = page.get_size()
        image = page.render(scale=DPI / 72).to_numpy()
        pages.append(page_text(recognise(image), height_pt=height, scale=DPI / 72))
        pages_done(number, len(document))
    return to_document(pages, name)


@hookimpl
def govinfo_convert_document(data: bytes | str, path: str | None) -> ConvertedDocument | None:
    if not isinstance(data, bytes) or not data.lstrip()[:1024].startswith(_SIGNATURE):
        return None
    most = current_limits().max_decompressed_bytes
    if most is not None:
        _check_inflated_size(data, path or "input", most)
    document = _open(data, path)
    pages, page_boxes = _page_texts(document, path or "input")
    if not pages:
        msg = f"{path or 'input'}: the PDF has no pages"
        raise CorruptDocumentError(msg)
    if all(len(text.strip()) < _MIN_TEXT_PER_PAGE for text in pages):
        from govinfo_parse.ocr import available  # noqa: PLC0415 - only scans need OCR

        if not available():
            msg = (f"{path or 'input'}: the PDF has no text layer (scanned pages); OCR it first, or let "
                   'govinfo_parse do it: pip install "govinfo-parse[ocr]"')
            raise NoTextLayerError(msg)
        return _recognised(document, path or "input")
    text = ""
    starts = []
    boxes: dict[int, tuple[float, float, float, float]] = {}
    for i, (page, on_page) in enumerate(zip(pages, page_boxes, strict=True)):
        if i:
            text += "\f"
            starts.append(len(text))
        boxes.update((len(text) + offset, box) for offset, box in on_page.items())
        text += page
    return ConvertedDocument(text=text, format=NAME, page_starts=tuple(starts), boxes=boxes)


__all__ = ["NAME"]
