"""Scans made on purpose: a PDF's pages as an image-only PDF, with what scanners add.

For testing OCR: ``scan_pdf(render_pdf(sample))`` gives a report whose true
values are known, as a body publishing a scan would print it.  Needs pypdfium2
and Pillow (the ``ocr`` extra brings both).
"""

from __future__ import annotations

import io
import random

__all__ = ["page_images", "scan_pdf"]


def page_images(pdf: bytes, *, dpi: int = 150) -> list[object]:
    """Each page of ``pdf`` rendered as a PIL image at ``dpi``."""
    import pypdfium2  # noqa: PLC0415

    return [page.render(scale=dpi / 72).to_pil().convert("RGB") for page in pypdfium2.PdfDocument(pdf)]


def scan_pdf(  # noqa: PLR0913 - one knob per thing a scanner adds
    pdf: bytes, *, dpi: int = 150, skew: float = 0.0, blur: float = 0.0, speckles: int = 0,
    grey: bool = False, stamp: bool = False, seed: int = 0,
) -> bytes:
    """``pdf`` as a scanned copy: image-only pages at ``dpi``.

    :param skew: degrees the page is turned on the glass.
    :param blur: Gaussian blur radius in pixels.
    :param speckles: dust specks per page.
    :param grey: a grey, uneven paper tone instead of white.
    :param stamp: a translucent red seal over the middle of each page (over table cells).
    """
    from PIL import Image, ImageDraw, ImageFilter  # noqa: PLC0415

    chance = random.Random(seed)  # noqa: S311 - noise, not secrets
    pages = []
    for picture in page_images(pdf, dpi=dpi):
        page: Image.Image = picture  # type: ignore[assignment]
        if grey:
            tone = Image.linear_gradient("L").resize(page.size).point(lambda v: 200 + v // 8)
            page = Image.composite(page, Image.merge("RGB", (tone, tone, tone)), page.convert("L").point(
                lambda v: 255 if v < 200 else 0))
        if stamp:
            seal = Image.new("RGBA", page.size, (0, 0, 0, 0))
            w, h = page.size
            ImageDraw.Draw(seal).ellipse((w * 0.55, h * 0.45, w * 0.55 + dpi * 1.5, h * 0.45 + dpi * 1.5),
                                         outline=(220, 30, 30, 150), width=max(2, dpi // 30))
            page = Image.alpha_composite(page.convert("RGBA"), seal).convert("RGB")
        draw = ImageDraw.Draw(page)
        for _ in range(speckles):
            x, y = chance.uniform(0, page.width), chance.uniform(0, page.height)
            r = chance.uniform(0.5, 1.5) * dpi / 150
            draw.ellipse((x - r, y - r, x + r, y + r), fill=(40, 40, 40))
        if skew:
            page = page.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=(255, 255, 255))
        if blur:
            page = page.filter(ImageFilter.GaussianBlur(blur))
        pages.append(page)
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return out.getvalue()
