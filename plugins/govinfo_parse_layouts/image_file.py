"""Scanned pages as image files (PNG, JPEG, TIFF, …), read by OCR.

An image is recognised by its signature, not its name.  With the ``ocr``
extra installed, each frame (a TIFF may hold several pages) is recognised and
the pages are read like a PDF's text layer; without it, the pipeline says
which extra to install.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from govinfo_parse import hookimpl
from govinfo_parse.errors import ResourceLimitError
from govinfo_parse.limits import current_limits
from govinfo_parse.text import image_format

if TYPE_CHECKING:
    from govinfo_parse.layout import ConvertedDocument

NAME = "image"
_POINTS_PER_PIXEL_AT_DPI = 72  # an image has no page size: its pixels are taken at DPI


@hookimpl
def govinfo_convert_document(data: bytes | str, path: str | None) -> ConvertedDocument | None:
    if not isinstance(data, bytes) or image_format(data) is None:
        return None
    # Imported here: only images need them.
    from govinfo_parse.ocr import DPI, available, page_text, pages_done, recognise, to_document  # noqa: PLC0415

    if not available():
        return None
    import numpy as np  # noqa: PLC0415 - numpy and Pillow come with the ocr extra
    from PIL import Image, ImageSequence, UnidentifiedImageError  # noqa: PLC0415

    try:
        picture = Image.open(io.BytesIO(data))
        frames = [frame.convert("RGB") for frame in ImageSequence.Iterator(picture)]
    except Image.DecompressionBombError as exc:
        msg = f"{path or 'input'}: the image has more pixels than a page scan ({exc})"
        raise ResourceLimitError(msg) from exc
    except (UnidentifiedImageError, OSError):
        return None  # a picture's signature, not a picture: the pipeline says what it is
    most = current_limits().max_pages
    frames = frames if most is None else frames[:most]
    scale = DPI / _POINTS_PER_PIXEL_AT_DPI
    pages = []
    for number, frame in enumerate(frames, start=1):
        pages.append(page_text(recognise(np.asarray(frame)), height_pt=frame.height / scale, scale=scale))
        pages_done(number, len(frames))
    return to_document(pages, path or "input")


__all__ = ["NAME"]
