"""A PDF's pages as pictures, with a box round every value read from them.

Pages are rendered with pypdfium2 (the ``pdf`` extra) and compressed as JPEG
(Pillow, the ``audit`` extra) at a width that keeps digits legible; boxes are
the union of the value's character boxes, in percent of the page, so they
stay on their digits however the page is scaled.
"""

from __future__ import annotations

import base64
import io
from typing import TYPE_CHECKING, Final

import attrs

from govinfo_parse.errors import MissingDependencyError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from govinfo_parse.model import Report

__all__ = ["Box", "PageView", "pdf_pages"]

#: Rendered width in pixels: small digits stay legible, six pages stay well under a megabyte.
PAGE_WIDTH: Final = 900
JPEG_QUALITY: Final = 60
#: A longer document shows only the pages that hold a value or a diagnostic's place (its text has the rest).
ALL_PAGES_UP_TO: Final = 20


@attrs.frozen
class Box:
    """Where a value stands on its page, in percent of the page's width and height."""

    fields: tuple[str, ...]
    state: str
    left: float
    top: float
    width: float
    height: float


@attrs.frozen
class PageView:
    number: int
    image: str  # a data: URI
    width: int
    height: int
    boxes: list[Box]


def _libraries() -> tuple[object, object]:
    try:
        import pypdfium2  # noqa: PLC0415
        from PIL import Image  # noqa: PLC0415
    except ImportError as exc:
        msg = ('the audit page of a PDF needs pypdfium2 and Pillow: pip install "govinfo-parse[audit,pdf]" '
               '(from a checkout: pip install ".[audit,pdf]")')
        raise MissingDependencyError(msg) from exc
    return pypdfium2, Image


def pdf_pages(data: bytes, report: Report, states: Mapping[str, str]) -> tuple[list[PageView], int]:
    """The pages of the PDF ``data`` as JPEGs with the boxes of ``report``'s values, and how many it has.

    Every page, up to ``ALL_PAGES_UP_TO``; beyond, the pages with a value or a diagnostic on them.

    ``states`` gives each field id its state (read, derived…), for the box's style.
    Offsets are counted as the PDF converter counts them: pages joined by one form feed.
    """
    pypdfium2, _ = _libraries()
    document = pypdfium2.PdfDocument(data)  # type: ignore[attr-defined]
    by_page: dict[int, list[tuple[int, int, str]]] = {}
    for cell in report.cells():
        if cell.span is not None and cell.span.page and cell.span.end > cell.span.offset:
            by_page.setdefault(cell.span.page, []).append((cell.span.offset, cell.span.end, cell.field_id))
    shown = set(range(1, len(document) + 1)) if len(document) <= ALL_PAGES_UP_TO else \
        {*by_page, *(d.span.page for d in report.diagnostics if d.span and d.span.page)}
    pages = []
    start = 0
    for number, page in enumerate(document, start=1):
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        if number not in shown:
            start += len(text) + 1
            continue
        width_pt, height_pt = page.get_size()
        boxes: dict[tuple[float, ...], list[str]] = {}
        if len(text) == textpage.count_chars():  # else pdfium's characters are not the text's
            for offset, end, field_id in by_page.get(number, []):
                box = _union([textpage.get_charbox(i, loose=True) for i in range(offset - start, end - start)
                              if 0 <= i < len(text) and not text[i].isspace()])
                if box is not None:
                    left, bottom, right, top = box
                    key = (100 * left / width_pt, 100 * (height_pt - top) / height_pt,
                           100 * (right - left) / width_pt, 100 * (top - bottom) / height_pt)
                    boxes.setdefault(key, []).append(field_id)
        image, width, height = _jpeg(page, width_pt)
        pages.append(PageView(number=number, image=image, width=width, height=height, boxes=[
            Box(fields=tuple(ids), state=_state(ids, states), left=k[0], top=k[1], width=k[2], height=k[3])
            for k, ids in boxes.items()]))
        start += len(text) + 1  # the form feed between pages
    return pages, len(document)


def _state(field_ids: list[str], states: Mapping[str, str]) -> str:
    found = {states.get(f, "read") for f in field_ids}
    return found.pop() if len(found) == 1 else "mixed"


def _union(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float] | None:
    if not boxes:
        return None
    lefts, bottoms, rights, tops = zip(*boxes, strict=True)
    return min(lefts), min(bottoms), max(rights), max(tops)


def _jpeg(page: object, width_pt: float) -> tuple[str, int, int]:
    """The page as a data URI of a JPEG ``PAGE_WIDTH`` pixels wide, and its size."""
    bitmap = page.render(scale=PAGE_WIDTH / width_pt)  # type: ignore[attr-defined]
    picture = bitmap.to_pil().convert("RGB")
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    encoded = base64.b64encode(out.getvalue()).decode("ascii")
    return f"data:image/jpeg;base64,{encoded}", picture.width, picture.height
