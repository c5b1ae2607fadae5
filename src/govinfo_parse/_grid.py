"""The ruled cells of a scanned table, and the numbers the text detector passed over in them.

PP-OCR's detector finds runs of text; a lone digit in a large ruled cell is a
small, faint mark to it, and it misses some (a 7, a 1, a 0 by itself) or
reads one as a mark (``。``, ``D``).  A row with one value missing checks
nothing, so each miss costs the whole row.  The recogniser alone reads such
a digit well when it is cut out tightly, as the text line it expects.  So
the table's ruling is found (long straight strokes, across and down), each
cell it closes is matched with the text boxes inside it, and a cell with no
box, or only a box that may not say what it holds (``to_read_again``), is
read again from the ink it holds.  What is read again is a number or
nothing, and it is checked by the table's rules like every recognised value.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["COUNT", "NUMBER", "Cell", "around", "ink_box", "ink_crops", "read_again", "ruled_cells",
           "to_read_again", "turnable", "without_seal"]

Cell = tuple[int, int, int, int]  # left, top, right, bottom, in pixels

#: A number as a cell prints it (what a re-read must be to count).
NUMBER: Final = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
#: A count as a cell prints it: digits, perhaps in thousands parted by commas.
COUNT: Final = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
#: Digits that read as each other turned upside down.
_TURNABLE: Final = frozenset({"6", "9"})
#: Pixels kept off a cell's ruling when its ink is looked for.
_INSET: Final = 5
#: Ink smaller than this many pixels is dust, not part of a digit.
_LEAST_INK: Final = 30
#: White kept around the ink cut out for the recogniser.
_MARGIN: Final = 6
#: A pixel whose brightest and darkest channels differ more than this is coloured ink.
_COLOURED: Final = 80


def _grey(image: Any) -> Any:  # noqa: ANN401
    """The image in shades of grey (it may come in colour, with an alpha channel, or grey already)."""
    import cv2  # noqa: PLC0415
    import numpy as np  # noqa: PLC0415

    if image.ndim == 2:
        return np.ascontiguousarray(image)
    return cv2.cvtColor(np.ascontiguousarray(image[..., :3]), cv2.COLOR_RGB2GRAY)


def ruled_cells(image: Any) -> list[Cell]:  # noqa: ANN401 - a numpy array (height × width × 3 or 4)
    """The cells a page's ruling closes: the regions between its lines, as boxes.

    Lines are strokes of ink at least a thirtieth of the page wide (or a
    sixtieth high); the rest of the page between them falls into regions, and
    those that touch no edge of the page and are of a cell's size are cells.
    """
    import cv2  # noqa: PLC0415 - OpenCV comes with the ocr extra
    import numpy as np  # noqa: PLC0415

    grey = _grey(image)
    ink = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    height, width = ink.shape

    def strokes(w: int, h: int) -> Any:  # noqa: ANN401 - the ink in straight strokes w × h or longer
        return cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (w, h)))

    across, down = strokes(max(1, width // 30), 1), strokes(1, max(1, height // 60))
    ruling = cv2.dilate(across | down, np.ones((3, 3), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(255 - ruling, connectivity=4)
    cells = []
    for left, top, w, h, _area in stats[1:count]:
        touches_edge = left == 0 or top == 0 or left + w >= width or top + h >= height
        if touches_edge or w < 2 * _INSET + 4 or h < 2 * _INSET + 4 or w * h > width * height / 20:
            continue
        cells.append((int(left), int(top), int(left + w), int(top + h)))
    return cells


def _ink_marks(image: Any) -> tuple[Any, Any]:  # noqa: ANN401
    """The dark marks of ``image`` (Otsu's threshold): a label per pixel, and each mark's box and area."""
    import cv2  # noqa: PLC0415

    _, ink = cv2.threshold(_grey(image), 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return labels, stats[1:]


def ink_box(image: Any, cell: Cell) -> Cell | None:  # noqa: ANN401
    """The box around the ink inside ``cell`` (off its ruling, dust left out), or None if it is blank."""
    left, top, right, bottom = cell
    inside = image[top + _INSET: bottom - _INSET, left + _INSET: right - _INSET]
    if inside.size == 0:
        return None
    grey = _grey(inside)
    if grey.max() - grey.min() < 60:  # no contrast: a blank cell (Otsu would split the paper's grain)
        return None
    marks = [s for s in _ink_marks(grey)[1] if s[4] >= _LEAST_INK]
    if not marks:
        return None
    x0 = min(int(s[0]) for s in marks)
    y0 = min(int(s[1]) for s in marks)
    x1 = max(int(s[0] + s[2]) for s in marks)
    y1 = max(int(s[1] + s[3]) for s in marks)
    return (left + _INSET + x0, top + _INSET + y0, left + _INSET + x1, top + _INSET + y1)


def to_read_again(texts_inside: Sequence[str]) -> bool:
    """True when a cell's boxes may not say what it holds, so that its ink is read again.

    No box at all; one that is no count and no Chinese (``。``, ``D``, ``5.0``
    where a speck fell between 5 and 0); or a lone 6 or 9, which the angle
    classifier may have turned over (a 9 alone in a cell read as 6).
    """
    if not texts_inside:
        return True
    if len(texts_inside) > 1:
        return False
    text = texts_inside[0].strip()
    chinese = any("\u4e00" <= char <= "\u9fff" for char in text)
    return turnable(text) or not (COUNT.fullmatch(text) or chinese)


def turnable(text: str) -> bool:
    """True for a lone digit that reads as another one turned over (6 and 9)."""
    return text.strip() in _TURNABLE


def around(box: Any) -> Cell:  # noqa: ANN401 - a box with left, top, right and bottom
    """A region around a text box, for ``read_again`` to look for its ink in (as in a cell)."""
    reach = _INSET + _MARGIN
    return (max(0, int(box.left) - reach), max(0, int(box.top) - reach),
            int(box.right) + reach, int(box.bottom) + reach)


def without_seal(image: Any) -> Any:  # noqa: ANN401
    """``image`` with its coloured ink made white: a red seal over a cell is not part of its number.

    Reports are printed in black; a seal (red) or a signature (blue) is the
    only ink with a colour.
    """
    import numpy as np  # noqa: PLC0415

    if image.ndim == 2:
        return np.dstack([image] * 3)
    page = np.array(image[..., :3])
    colour = page.max(axis=2).astype(np.int16) - page.min(axis=2)
    page[colour > _COLOURED] = 255
    return page


def _dust_wiped(crop: Any) -> Any:  # noqa: ANN401
    """``crop`` with its specks of dust made white (a speck between 5 and 0 reads as ``5.0``).

    A point or a comma is as small: a count loses nothing by it, and an amount
    read so is checked by no rule, so it is never kept from a scan.
    """
    import numpy as np  # noqa: PLC0415

    labels, stats = _ink_marks(crop)
    specks = [i + 1 for i, s in enumerate(stats) if s[4] < _LEAST_INK]
    if not specks:
        return crop
    wiped = np.array(crop)
    wiped[np.isin(labels, specks)] = 255
    return wiped


def ink_crops(
    image: Any, cells: Sequence[Cell], *, black_and_white: bool = False,  # noqa: ANN401
) -> dict[Cell, tuple[Cell, Any]]:
    """For each cell with ink in it: the ink's box, and the ink cut out with a white margin.

    A seal's colour and specks of dust are left out.  ``black_and_white``
    gives the ink as its threshold sees it (no shades): the same number,
    shown to the recogniser otherwise than as the page had it.
    """
    out: dict[Cell, tuple[Cell, Any]] = {}
    if not cells:
        return out
    image = without_seal(image)
    for cell in cells:
        box = ink_box(image, cell)
        if box is None:
            continue
        left, top, right, bottom = box
        crop = image[max(0, top - _MARGIN): bottom + _MARGIN, max(0, left - _MARGIN): right + _MARGIN, :3]
        crop = _dust_wiped(crop)
        out[cell] = (box, _black_and_white(crop) if black_and_white else crop)
    return out


def _black_and_white(crop: Any) -> Any:  # noqa: ANN401
    """``crop`` in black and white, by Otsu's threshold, with three channels as the recogniser takes."""
    import cv2  # noqa: PLC0415
    import numpy as np  # noqa: PLC0415

    _, ink = cv2.threshold(_grey(crop), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return np.dstack([ink] * 3)


def read_again(
    image: Any, cells: Sequence[Cell], read: Callable[[Any], tuple[str, float] | None],  # noqa: ANN401
) -> dict[Cell, tuple[Cell, str, float]]:
    """For each cell whose ink ``read`` takes for a number: (the ink's box, the number, confidence).

    ``read`` is the recogniser alone, given the ink cut out with a white margin.
    """
    out: dict[Cell, tuple[Cell, str, float]] = {}
    for cell, (box, crop) in ink_crops(image, cells).items():
        found = read(crop)
        if found is not None and NUMBER.fullmatch(text := found[0].strip()):
            out[cell] = (box, text, found[1])
    return out
