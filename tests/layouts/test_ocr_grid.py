"""Ruled cells of a scanned table, and the numbers the detector passed over in them, read again."""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")
Image = pytest.importorskip("PIL.Image")
ImageDraw = pytest.importorskip("PIL.ImageDraw")
ImageFont = pytest.importorskip("PIL.ImageFont")
try:  # OpenCV comes with the ocr extra (and needs libGL)
    import cv2  # noqa: F401
except ImportError:
    pytest.skip("OpenCV is not installed (the ocr extra)", allow_module_level=True)

from govinfo_parse import _grid, ocr  # noqa: E402

try:
    import rapidocr_onnxruntime  # noqa: F401
except ImportError:
    ENGINE = False
else:
    ENGINE = True
needs_engine = pytest.mark.skipif(not ENGINE, reason="the ocr extra is not installed")

COLUMNS, ROWS = 5, 3
LEFT, TOP, WIDTH, HEIGHT = 100, 200, 130, 70  # the table's corner and a cell's size, in pixels


def _table(texts: dict[tuple[int, int], str], *, specks: list[tuple[int, int]] = ()) -> np.ndarray:
    """A white page with a ruled table of ROWS × COLUMNS cells, ``texts`` written in the middle of cells."""
    page = Image.new("RGB", (1000, 800), "white")
    draw = ImageDraw.Draw(page)
    for r in range(ROWS + 1):
        draw.line((LEFT, TOP + r * HEIGHT, LEFT + COLUMNS * WIDTH, TOP + r * HEIGHT), fill="black", width=2)
    for c in range(COLUMNS + 1):
        draw.line((LEFT + c * WIDTH, TOP, LEFT + c * WIDTH, TOP + ROWS * HEIGHT), fill="black", width=2)
    font = ImageFont.load_default(size=26)
    for (r, c), text in texts.items():
        x, y = LEFT + c * WIDTH + WIDTH // 2, TOP + r * HEIGHT + HEIGHT // 2
        draw.text((x, y), text, fill="black", font=font, anchor="mm")
    for x, y in specks:
        draw.ellipse((x - 1, y - 1, x + 1, y + 1), fill=(40, 40, 40))
    return np.asarray(page)


def _cell(r: int, c: int) -> tuple[float, float]:
    """The middle of cell (r, c)."""
    return LEFT + c * WIDTH + WIDTH / 2, TOP + r * HEIGHT + HEIGHT / 2


def test_the_ruling_closes_every_cell_and_nothing_else() -> None:
    cells = _grid.ruled_cells(_table({}))
    assert len(cells) == ROWS * COLUMNS
    for r in range(ROWS):
        for c in range(COLUMNS):
            x, y = _cell(r, c)
            assert sum(1 for left, top, right, bottom in cells if left < x < right and top < y < bottom) == 1


def test_a_page_without_ruling_has_no_cells() -> None:
    page = np.full((800, 1000, 3), 255, np.uint8)
    assert _grid.ruled_cells(page) == []


def test_the_ink_of_a_cell_is_boxed_without_its_ruling_or_dust() -> None:
    x, y = _cell(1, 2)
    image = _table({(1, 2): "7"}, specks=[(int(x) - 45, int(y) + 20)])
    cell = next(c for c in _grid.ruled_cells(image) if c[0] < x < c[2] and c[1] < y < c[3])
    box = _grid.ink_box(image, cell)
    assert box is not None
    left, top, right, bottom = box
    assert left < x < right and top < y < bottom
    assert right - left < 30 and bottom - top < 35  # the digit only: not the speck, not the lines


def test_a_blank_cell_has_no_ink() -> None:
    image = _table({}, specks=[(int(_cell(0, 0)[0]), int(_cell(0, 0)[1]))])
    for cell in _grid.ruled_cells(image):
        assert _grid.ink_box(image, cell) is None


@pytest.mark.parametrize(("texts", "again"), [
    ([], True),  # the detector found nothing here
    (["。"], True),  # a 0 taken for a mark
    (["D"], True),
    (["5.0"], True),  # a speck between 5 and 0: a count has no point
    (["6"], True),  # a lone 6 or 9 may have been turned over
    (["9"], True),
    (["12"], False),
    (["1,288"], False),
    (["96"], False),
    (["规章"], False),
    (["3", "4"], False),  # two boxes: the cell is read, whatever it holds
])
def test_a_cell_is_read_again_only_where_its_boxes_say_nothing(texts: list[str], again: bool) -> None:
    assert _grid.to_read_again(texts) is again


@needs_engine
def test_numbers_the_detector_passed_over_are_read_from_their_ink() -> None:
    texts = {(0, 1): "7", (1, 1): "0", (1, 3): "1", (2, 4): "454"}
    image = _table(texts)
    found = ocr._with_cells_read_again(image, [])  # a detector that found nothing at all
    for (r, c), text in texts.items():
        x, y = _cell(r, c)
        assert any(b.text == text and b.left < x < b.right and b.top < y < b.bottom for b in found), text
    assert all(0 < b.confidence <= 1 for b in found)
    assert len(found) == len(texts)  # blank cells give nothing


@needs_engine
def test_a_mark_the_detector_read_in_a_cell_gives_way_to_its_number_and_words_stay() -> None:
    image = _table({(1, 1): "0", (1, 2): "5"})
    x0, y0 = _cell(1, 1)
    x1, y1 = _cell(1, 2)
    words = ocr.TextBox("规章", LEFT + 10, TOP + 10, LEFT + 90, TOP + 50, 0.99)
    boxes = [ocr.TextBox("。", x0 - 8, y0 - 12, x0 + 8, y0 + 12, 0.97),
             ocr.TextBox("5", x1 - 8, y1 - 12, x1 + 8, y1 + 12, 0.99), words]
    found = ocr._with_cells_read_again(image, boxes)
    assert "。" not in [b.text for b in found]
    assert any(b.text == "0" and b.left < x0 < b.right for b in found)
    assert boxes[1] in found and words in found  # a number read, and words, are left as they are


@needs_engine
def test_a_lone_6_or_9_is_kept_only_as_read_upright() -> None:
    image = _table({(1, 1): "9", (1, 2): "6"})
    x1, y1 = _cell(1, 1)
    x2, y2 = _cell(1, 2)
    outside = ocr.TextBox("9", 20, 20, 36, 44, 0.99)  # a lone 9 where the page holds nothing
    boxes = [ocr.TextBox("6", x1 - 8, y1 - 12, x1 + 8, y1 + 12, 0.99),  # the 9 read turned over
             ocr.TextBox("6", x2 - 8, y2 - 12, x2 + 8, y2 + 12, 0.99), outside]
    found = ocr._with_cells_read_again(image, boxes)
    assert sorted((b.text, b.left < x1 < b.right, b.left < x2 < b.right) for b in found) == [
        ("6", False, True), ("9", True, False)]


def test_specks_apart_from_the_digits_are_wiped_before_reading_again() -> None:
    x, y = _cell(0, 0)
    image = _table({(0, 0): "50"}, specks=[(int(x), int(y) - 22)])  # a speck above the number
    crop = image[int(y) - 30: int(y) + 20, int(x) - 30: int(x) + 30]
    wiped = _grid._dust_wiped(crop)
    assert crop[8, 30].min() < 128  # the speck, before
    assert wiped[8, 30].min() == 255
    assert (wiped[20:, :] == crop[20:, :]).all()  # the digits are left as they are


def test_grey_and_tiny_images_are_read_as_well() -> None:
    grey = _table({})[..., 0]  # height × width, no channels
    assert len(_grid.ruled_cells(grey)) == ROWS * COLUMNS
    cell = _grid.ruled_cells(grey)[0]
    assert _grid.ink_box(grey, cell) is None
    assert _grid.without_seal(grey).shape == (*grey.shape, 3)
    assert _grid.ruled_cells(np.full((12, 20, 3), 255, np.uint8)) == []  # smaller than a ruling's stroke


def test_a_lone_6_read_again_as_two_digits_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    # Around a box outside the ruling a neighbour's ink may come in: "60" is not the lone 6 read upright.
    page = np.full((200, 400, 3), 255, np.uint8)
    page[90:110, 101:113] = 0  # ink where the box is
    monkeypatch.setattr(ocr, "_read_alone", lambda _crop: ("60", 0.99))
    six, zero = ocr.TextBox("6", 99, 88, 115, 112, 0.99), ocr.TextBox("0", 118, 88, 134, 112, 0.99)
    assert ocr._with_cells_read_again(page, [six, zero]) == [zero]
