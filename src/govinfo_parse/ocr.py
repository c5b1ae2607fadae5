"""Scanned pages read offline: page images → text boxes → the text the PDF-text layout reads.

The engine is RapidOCR (PP-OCR's Chinese detection and recognition models as
ONNX, shipped inside the ``rapidocr-onnxruntime`` wheel: nothing is
downloaded at run time), installed with the ``ocr`` extra.  Its text boxes are
set out as lines of text, left to right, top to bottom, each character with a
box on its page (as a PDF's text layer gives them) so that values are placed
under their header columns by position, and with the engine's confidence.

What is recognised is not trusted as printed text is: ``api`` keeps an OCR
value only where the engine was confident and the table's arithmetic vouches
for it, or, for a count no rule checks, where a second reading of its ink gave
it alike (``vouched``).
"""

from __future__ import annotations

import copy
import os
import re
import statistics
import string
from contextvars import ContextVar
from functools import cache
from typing import TYPE_CHECKING, Any, Final

import attrs

from govinfo_parse import _grid, fields
from govinfo_parse.checks import rule_holds, rule_sides
from govinfo_parse.errors import MissingDependencyError, NoTextLayerError
from govinfo_parse.layout import ConvertedDocument
from govinfo_parse.model import Cell, CellKind, Diagnostic, Origin, Report, Severity

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

    from govinfo_parse.fields import Template

__all__ = [
    "DPI", "FORMAT", "MIN_CONFIDENCE", "PAGE_PROGRESS", "READ_TWICE", "PageText", "TextBox", "available",
    "missing_extra", "page_text", "pages_done", "recognise", "share_cores", "to_document", "vouched",
]

#: ``Source.format`` of a document read by OCR.
FORMAT: Final = "ocr"
#: Resolution pages are rendered at: PP-OCR reads table digits well from 150 dpi up.
DPI: Final = 200
#: Fewer runs of text than this on every page: the engine found no text to speak of.
_MIN_RUNS_PER_PAGE: Final = 3
#: Boxes of running text needed to tell how the page is turned.
_LEAST_WIDE_BOXES: Final = 5
#: The diagnostic naming the counts kept on two alike readings alone (they are in doubt).
READ_TWICE: Final = "ocr-read-twice"
#: Below this confidence a recognised value is left out.  Low, on purpose: the engine is least sure
#: of zeros, which it reads right; a misread digit is often read with full confidence, and only
#: the rules catch it.
MIN_CONFIDENCE: Final = 0.5


#: Told ``(pages recognised, pages in all)`` as a scan's pages are recognised (the command line
#: sets it to draw a progress bar on a terminal); None tells nobody.
PAGE_PROGRESS: ContextVar[Callable[[int, int], object] | None] = ContextVar(
    "govinfo_parse_ocr_page_progress", default=None)


def pages_done(done: int, total: int) -> None:
    """Tell whoever follows the recognition of a scan (``PAGE_PROGRESS``) how far it is."""
    follower = PAGE_PROGRESS.get()
    if follower is not None:
        follower(done, total)


@attrs.frozen
class TextBox:
    """A run of text the engine recognised, its box in pixels and its confidence (0–1)."""

    text: str
    left: float
    top: float
    right: float
    bottom: float
    confidence: float
    #: How its top edge climbs or falls, in pixels per pixel: a page turned on the glass.
    slope: float = 0.0
    #: A count that a second reading of its ink alone, in black and white, gave alike.
    read_twice: bool = False


def available() -> bool:
    """True when the ``ocr`` extra is installed."""
    import importlib.util  # noqa: PLC0415

    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def missing_extra(what: str) -> MissingDependencyError:
    """The error for an input that needs OCR where the extra is not installed."""
    msg = (f'{what}; reading it needs OCR: pip install "govinfo-parse[ocr]" (from a checkout: '
           'pip install ".[ocr]")')
    return MissingDependencyError(msg)


#: Processes recognising pages at once (a batch's workers): each engine takes its share of the cores.
_processes = 1


def share_cores(processes: int) -> None:
    """Let the engine of this process use only its share of the cores, ``processes`` working at once.

    The engine runs its models on every core by default; a batch of ``--jobs``
    workers would run each on all of them, more threads than cores.  It holds
    for the engine this process builds next: a worker builds its own.  (An
    engine a forked worker inherits is not dropped here: tearing down a model
    whose threads stayed in the parent hangs the worker.)
    """
    global _processes  # noqa: PLW0603 - one setting per process, made before its first page
    _processes = max(1, processes)


def _threads() -> int:
    """Threads the engine of this process may use: -1 (every core) when it works alone."""
    return -1 if _processes == 1 else max(1, (os.cpu_count() or 1) // _processes)


@cache
def _engine() -> Callable[..., tuple[Any, Any]]:
    try:
        from rapidocr_onnxruntime import RapidOCR  # noqa: PLC0415
    except ImportError as exc:  # not installed, or a library it needs is missing (OpenCV's libGL)
        what = f"a scanned page ({exc})"
        raise missing_extra(what) from exc
    # Lone digits in ruled cells are small, faint boxes: the detector keeps boxes it is 30% sure
    # of, not 50%, or it misses whole rows of them at 150 dpi (huaian-2024: 122 → 160 of 200
    # values).  Growing the boxes more (unclip) read more of real reports but ran the narrow
    # cells of others together; leaving out the angle classifier lost most zeros.
    return RapidOCR(det_box_thresh=0.3, intra_op_num_threads=_threads())  # type: ignore[no-any-return]


def recognise(image: Any) -> list[TextBox]:  # noqa: ANN401 - a numpy array (height × width × 3)
    """The text boxes the engine finds in a page image, with the numbers of ruled cells it passed over.

    A table cell that the detector found no text in, or only a box that may not
    say what it holds (a 0 read as ``。``, a lone 6 or 9 perhaps turned over),
    is read again by the recogniser alone from the ink it holds (``_grid``).
    """
    found, _ = _engine()(image)
    out = []
    for corners, text, confidence in found or ():
        xs, ys = [float(p[0]) for p in corners], [float(p[1]) for p in corners]
        run = xs[1] - xs[0]  # corners: top left, top right, bottom right, bottom left
        slope = (ys[1] - ys[0]) / run if run > 0 else 0.0
        out.append(TextBox(str(text), min(xs), min(ys), max(xs), max(ys), float(confidence), slope))
    return _with_counts_read_twice(image, _with_cells_read_again(image, out))


def _with_cells_read_again(image: Any, boxes: list[TextBox]) -> list[TextBox]:  # noqa: ANN401
    """``boxes``, where a ruled cell said nothing, with the number its ink reads as instead.

    A lone 6 or 9 is kept only as the recogniser alone reads it, upright: the
    engine's own reading of it may have been turned over.
    """
    held_by: dict[_grid.Cell, list[int]] = {}
    for cell in _grid.ruled_cells(image):
        left, top, right, bottom = cell
        held = [i for i, b in enumerate(boxes)
                if left <= (b.left + b.right) / 2 <= right and top <= (b.top + b.bottom) / 2 <= bottom]
        if _grid.to_read_again([_without_dust(boxes[i]).text for i in held]):
            held_by[cell] = held
    reread = _grid.read_again(image, list(held_by), _read_alone)
    # What the detector's box said gives way only where its cell was read as a number.
    replaced = {i for cell in reread for i in held_by[cell]}
    # A lone 6 or 9 no cell read again (outside the ruling, or its cell read as no number): its own box.
    around = {_grid.around(b): i for i, b in enumerate(boxes)
              if i not in replaced and _grid.turnable(_without_dust(b).text)}
    # (One digit only: around a box outside the ruling, a neighbour's ink may come in too.)
    upright = {region: found for region, found in _grid.read_again(image, list(around), _read_alone).items()
               if len(found[1]) == 1}
    replaced.update(around.values())
    return [b for i, b in enumerate(boxes) if i not in replaced] + [
        TextBox(text, float(box[0]), float(box[1]), float(box[2]), float(box[3]), confidence)
        for box, text, confidence in (*reread.values(), *upright.values())]


def _with_counts_read_twice(image: Any, boxes: list[TextBox]) -> list[TextBox]:  # noqa: ANN401
    """``boxes``, each count among them marked ``read_twice`` where a second reading gives it alike.

    The second reading is of the count's ink alone, cut out of the page and
    shown in black and white: not what the first reading saw (the detector's
    box, or the ink in its shades of grey), so the two seldom misread a digit
    alike.  ``vouched`` keeps a count that no rule of the table checks only
    when it was read twice alike.
    """
    counts = {_grid.around(b): i for i, b in enumerate(boxes) if _grid.COUNT.fullmatch(_without_dust(b).text)}
    crops = _grid.ink_crops(image, list(counts), black_and_white=True)
    readings = _read_many([crop for _, crop in crops.values()])
    alike = {counts[region] for region, (text, confidence) in zip(crops, readings, strict=True)
             if confidence >= MIN_CONFIDENCE
             and text.strip().replace(",", "") == _without_dust(boxes[counts[region]]).text.replace(",", "")}
    return [attrs.evolve(b, read_twice=True) if i in alike else b for i, b in enumerate(boxes)]


@cache
def _count_reader() -> Callable[[list[Any]], tuple[list[tuple[str, float]], float]]:
    """The engine's recogniser, for short crops: a count, not a line of text."""
    reader = copy.copy(_engine().text_rec)  # type: ignore[attr-defined]
    # A crop is padded to the widest the recogniser expects (320 × 48 for a line of text);
    # a count is seldom wider than twice its height, and less padding reads it in half the time.
    reader.rec_image_shape = [3, 48, 96]
    reader.rec_batch_num = 32
    return reader  # type: ignore[no-any-return]


def _read_many(crops: list[Any]) -> list[tuple[str, float]]:
    """What the recogniser alone reads in each crop (one line of text each), with its confidence."""
    if not crops:
        return []
    found, _ = _count_reader()(crops)
    return [(str(text), float(confidence)) for text, confidence, *_ in found]


def _read_alone(crop: Any) -> tuple[str, float] | None:  # noqa: ANN401
    """What the recogniser alone reads in ``crop`` (one line of text), with its confidence."""
    found, _ = _engine()(crop, use_det=False, use_cls=False)
    if not found:
        return None
    text, confidence = found[0][0], found[0][1]
    return str(text), float(confidence)


# A mark at either end of a run of digits: dust on the glass beside the number, not part of it
# (no count starts or ends with a point; an amount cut short so is checked by no rule, never kept).
_DUST: Final = re.compile(r"^[.,:;·'`]+(?=\d+$)|(?<=\d)[.,:;·'`]+$")
# A box of nothing but such marks: a speck on its own (between two cells it would count as one).
_ONLY_DUST: Final = re.compile(r"[.,:;·'`．。、\s]+")


# Such a mark beside Chinese: no label has a point after or before a character (总计. → 总计).
# (Not after a digit: 1.属于国家秘密 is item 1.)
_DUST_BY_WORDS: Final = re.compile(
    "(?<=[\u4e00-\u9fff])[.·'`]+(?=[\u4e00-\u9fff]|$)|^[.·'`]+(?=[\u4e00-\u9fff])")


def _without_dust(box: TextBox) -> TextBox:
    """The box without specks read as points beside its digits (``0.`` → ``0``) or its words."""
    cleaned = _DUST.sub("", box.text)
    if cleaned != box.text and cleaned.isdigit():
        return attrs.evolve(box, text=cleaned)
    cleaned = _DUST_BY_WORDS.sub("", box.text)
    return box if cleaned == box.text or not cleaned else attrs.evolve(box, text=cleaned)


def _lines(boxes: Sequence[TextBox]) -> list[list[TextBox]]:
    """Boxes grouped into lines (their middles level within half a line's height), top to bottom.

    Levels are taken square to the page's text: on a page turned on the glass a
    row's last cell stands higher or lower than its label by the width of the
    table times the turn, which may be more than a line.
    """
    wide = [b.slope for b in boxes if b.right - b.left >= 3 * (b.bottom - b.top)]
    turn = statistics.median(wide) if len(wide) >= _LEAST_WIDE_BOXES else 0.0

    def level(box: TextBox) -> float:
        return (box.top + box.bottom) / 2 - turn * (box.left + box.right) / 2

    lines: list[list[TextBox]] = []
    for box in sorted(boxes, key=level):
        height = box.bottom - box.top
        if lines:
            last = lines[-1]
            if abs(level(box) - statistics.fmean(map(level, last))) < 0.5 * min(
                    height, statistics.median(b.bottom - b.top for b in last)):
                last.append(box)
                continue
        lines.append([box])
    return [sorted(line, key=lambda b: b.left) for line in lines]


@attrs.frozen
class PageText:
    """One page set out as text: each character's box (points, PDF-style) and confidence."""

    text: str
    boxes: dict[int, tuple[float, float, float, float]]
    confidences: dict[int, float]
    #: The characters of counts read twice alike (``TextBox.read_twice``).
    read_twice: frozenset[int] = frozenset()


def page_text(boxes: Sequence[TextBox], *, height_pt: float, scale: float) -> PageText:
    """The page's text, a line per line of boxes, boxes parted by a space.

    A box's characters share its width evenly (the engine gives a box per run of
    text); boxes are turned into points from the bottom of the page, as pdfium
    gives a text layer's, at ``scale`` pixels per point.
    """
    text: list[str] = []
    char_boxes: dict[int, tuple[float, float, float, float]] = {}
    confidences: dict[int, float] = {}
    read_twice: set[int] = set()
    at = 0
    for line in _lines([_without_dust(b) for b in boxes if not _ONLY_DUST.fullmatch(b.text)]):
        for k, box in enumerate(line):
            if k:
                text.append(" ")
                at += 1
            width = (box.right - box.left) / max(1, len(box.text))
            for j, char in enumerate(box.text):
                if not char.isspace():
                    left = box.left + width * j
                    char_boxes[at] = (left / scale, height_pt - box.bottom / scale,
                                      (left + width) / scale, height_pt - box.top / scale)
                confidences[at] = box.confidence
                if box.read_twice:
                    read_twice.add(at)
                text.append(char)
                at += 1
        text.append("\n")
        at += 1
    return PageText("".join(text), char_boxes, confidences, frozenset(read_twice))


def to_document(pages: Sequence[PageText], name: str = "input") -> ConvertedDocument:
    """Pages joined by form feeds, as a PDF's text layer is.

    :raises NoTextLayerError: the engine found next to no text on any page (a picture, a blank scan).
    """
    if all(len(page.text.split()) < _MIN_RUNS_PER_PAGE for page in pages):
        msg = f"{name}: the scanned pages hold no text OCR can find"
        raise NoTextLayerError(msg)
    text, starts = "", []
    boxes: dict[int, tuple[float, float, float, float]] = {}
    confidences: dict[int, float] = {}
    read_twice: set[int] = set()
    for i, page in enumerate(pages):
        if i:
            text += "\f"
            starts.append(len(text))
        boxes.update((len(text) + k, v) for k, v in page.boxes.items())
        confidences.update((len(text) + k, v) for k, v in page.confidences.items())
        read_twice.update(len(text) + k for k in page.read_twice)
        text += page.text
    return ConvertedDocument(text=text, format=FORMAT, page_starts=tuple(starts), boxes=boxes,
                             confidences=confidences, read_twice=frozenset(read_twice))


def vouched(
    report: Report, confidences: Mapping[int, float], read_twice: Collection[int] = frozenset(),
) -> Report:
    """``report`` with only the recognised values its arithmetic, or a second reading, vouches for.

    A value read from recognised text becomes ``Origin.OCR`` with the engine's
    lowest confidence in its characters.  Left out, each kind with a diagnostic
    naming the values: those read with less than ``MIN_CONFIDENCE``; values the
    layouts derived from recognised numbers (made again below from vouched ones
    only); then, while a rule breaks, the value that breaks the most rules (the
    least confident first; a misread cell breaks its row's rule and its
    column's); last, the values no holding rule checks (a 6 read for a 9 there
    would pass unseen); where some digit is read nowhere, a rule that would
    hold whichever digit one of its digits became (``9 … = 9``) checks
    nothing.  A value the engine missed is then derived where a rule of
    vouched values forces it, marked ``Origin.DERIVED`` with that rule.

    A count no holding rule checks (section 二 has no rule; a row the report
    itself added up wrong) is kept where its characters were read twice alike
    (``read_twice``), and put in doubt (``ocr-read-twice``); never one in a rule
    a misread broke.  A rule broken with every value in it read twice alike is
    the report's own slip, as in printed text: it takes nothing out and forces
    nothing, and the report's checks put its values in doubt.
    """
    template: Template = report.meta.template or "2019"
    layout = next((c.layout for c in report.cells() if c.origin is not Origin.NARRATIVE), "ocr")
    cells: dict[str, Cell] = {}
    unsure: list[str] = []
    derived: list[str] = []
    for cell in report.cells():
        if cell.value is None or cell.origin is Origin.NARRATIVE:
            continue
        if cell.origin is Origin.DERIVED or cell.span is None:
            derived.append(cell.field_id)
            continue
        span = range(cell.span.offset, cell.span.end)
        confidence = min((confidences.get(i, 0.0) for i in span), default=0.0)
        if confidence < MIN_CONFIDENCE:
            unsure.append(cell.field_id)
        else:
            cells[cell.field_id] = attrs.evolve(cell, origin=Origin.OCR, confidence=round(confidence, 4))
    rules = _rules_of(report, template)
    slips, near_misreads = _slips_and_near_misreads(cells, rules, read_twice)
    rules = [rule for rule in rules if rule not in slips]
    misread = _drop_rule_breakers(cells, rules)
    values = {f: c.value for f, c in cells.items()}
    # A glyph misread alike everywhere leaves its digit nowhere in the numbers read: where every
    # digit is read somewhere, no digit was; else a rule it would leave holding vouches for nothing.
    read_digits = {d for v in values.values() if isinstance(v, int) for d in str(v)}
    alike_possible = len(read_digits) < len(string.digits)
    holding = {f for _, left, right in rules if rule_holds(left, right, values)
               and not (alike_possible and _holds_whichever_digit(left, right, values))
               for f in (*left, *right)}
    trusted, forced, contradicted = _propagate(cells, frozenset(holding), rules, layout)
    misread += contradicted
    unchecked = sorted(cells.keys() - trusted.keys() - set(contradicted))
    twice = [f for f in unchecked if f not in near_misreads and _was_read_twice(cells[f], read_twice)]
    unchecked = [f for f in unchecked if f not in twice]
    cells = {f: c for f, c in cells.items() if (f in trusted or f in twice) and f not in forced}
    notes = [
        ("ocr-unsure", unsure, f"the engine was less than {MIN_CONFIDENCE:.0%} sure of these values"),
        ("ocr-derived", [f for f in derived if f not in forced],
         "values the layout derived from recognised numbers are not kept unless vouched values force them"),
        ("ocr-rule-broken", misread, "recognised values that broke the table's rules (misread)"),
        ("ocr-unchecked", unchecked, "recognised values no holding rule of the table checks"),
    ]
    diagnostics = [Diagnostic(code=code, severity=Severity.WARNING, field_ids=tuple(ids),
                              message=f"{len(ids)} left out: {why}")
                   for code, ids, why in notes if ids]
    if twice:
        diagnostics.append(Diagnostic(
            code=READ_TWICE, severity=Severity.WARNING, field_ids=tuple(twice),
            message=f"{len(twice)} kept, in doubt, though no holding rule of the table checks them: "
                    "each read twice alike"))
    kept = {**cells, **forced}
    blanks = [c for c in report.cells()
              if (c.value is None or c.origin is Origin.NARRATIVE) and c.field_id not in kept]
    tables = {name: attrs.evolve(getattr(report, name), cells=tuple(
        c for c in (*blanks, *kept.values()) if c.field_id.startswith(f"{name}.")))
        for name in ("active", "requests", "appeals")}
    return attrs.evolve(report, **tables).with_diagnostics(*diagnostics)


Rules = list[tuple[str, tuple[str, ...], tuple[str, ...]]]


def _slips_and_near_misreads(
    cells: Mapping[str, Cell], rules: Rules, read_twice: Collection[int],
) -> tuple[Rules, set[str]]:
    """The broken rules that are the report's own slips, and the values of those a misread may have broken.

    A rule is the report's slip where every value in it was read twice alike;
    else a misread may lie among its values.
    """
    values = {f: c.value for f, c in cells.items()}
    broken = [rule for rule in rules if rule_holds(rule[1], rule[2], values) is False]
    slips = [(code, left, right) for code, left, right in broken
             if all(_was_read_twice(cells[f], read_twice) for f in (*left, *right))]
    return slips, {f for rule in broken if rule not in slips for f in (*rule[1], *rule[2])}


def _was_read_twice(cell: Cell, read_twice: Collection[int]) -> bool:
    """True for a count whose every character a second reading gave alike.

    Never a signed change (2019's 本年增/减): its minus is a short stroke that a
    scan loses and the detector leaves out of the box, so both readings agree on
    ``10`` for ``-10``.
    """
    signed = cell.field_id.rsplit(".", 1)[-1] in fields.SIGNED_COLUMNS
    if signed or not isinstance(cell.value, int) or cell.span is None:
        return False
    return all(i in read_twice for i in range(cell.span.offset, cell.span.end))


def _rules_of(report: Report, template: Template) -> Rules:
    """The table's rules, with the (六) rows the document prints.

    The single 2019-style row only where the document prints that row, never
    because the engine missed the sub-rows.
    """
    printed: dict[str, object] = {c.field_id: 0 for c in report.cells()}
    single = any(f"requests.other.{col}" in printed for col in fields.REQUESTS_COLUMNS)
    if template == "2021" and not single:
        printed.update({f"requests.other.no_correction.{col}": 0 for col in fields.REQUESTS_COLUMNS})
    return rule_sides(printed, template)


def _digit_weights(numbers: Iterable[object]) -> dict[str, int] | None:
    """For each digit, the sum of its place values over ``numbers`` (None if one is not a whole number)."""
    weights: dict[str, int] = {}
    for number in numbers:
        if not isinstance(number, int):
            return None
        for place, digit in enumerate(reversed(str(abs(number)))):
            weights[digit] = weights.get(digit, 0) + 10 ** place
    return weights


def _holds_whichever_digit(left: Sequence[str], right: Sequence[str], values: Mapping[str, object]) -> bool:
    """True when a digit misread alike wherever it stands could leave the rule holding.

    The engine may misread a glyph the same way each time it meets it: a row
    whose one value is its total (``9 … = 9``) still adds up when both 9s come
    out as 6s, and so does ``9 + 10 = 19``.  Reading digit d as d' moves each
    side by (d' − d) times the place values of d on that side, so the rule
    survives exactly when, for some digit, those place values sum the same on
    both sides.
    """
    left_weights = _digit_weights(values[f] for f in left)
    right_weights = _digit_weights(values[f] for f in right)
    if left_weights is None or right_weights is None:
        return False  # amounts: not among the tables' counting rules
    return any(left_weights.get(d, 0) == right_weights.get(d, 0) for d in {*left_weights, *right_weights})


def _drop_rule_breakers(cells: dict[str, Cell], rules: Rules) -> list[str]:
    """Take out, one at a time, the value in the most broken rules (least confident first)."""
    dropped: list[str] = []
    while True:
        values = {f: c.value for f, c in cells.items()}
        broken = [{*left, *right} for _, left, right in rules if rule_holds(left, right, values) is False]
        if not broken:
            return dropped
        counts = {f: sum(f in rule for rule in broken) for rule in broken for f in rule}
        culprit = max(counts, key=lambda f: (counts[f], -(cells[f].confidence or 0.0), f))
        dropped.append(culprit)
        del cells[culprit]


def _propagate(
    cells: dict[str, Cell], holding: frozenset[str], rules: Rules, layout: str,
) -> tuple[dict[str, object], dict[str, Cell], list[str]]:
    """Trust spread from the values holding rules check, one rule at a time.

    Trusted at first: the values of rules that hold with every value recognised.
    Then a rule whose values are all trusted but one settles that one: a
    recognised value equal to what the rule gives is trusted too; one that
    differs is misread, and the rule's value is derived in its place; a value
    the engine missed is derived.  A derived value rests only on trusted ones,
    so a misread number can never be the ground of another.

    :returns: the trusted values, the derived cells, and the recognised values found misread.
    """
    trusted: dict[str, object] = {f: cells[f].value for f in holding if f in cells}
    forced: dict[str, Cell] = {}
    misread: list[str] = []
    changed = True
    while changed:
        changed = False
        for code, left, right in rules:
            unknown = [f for f in (*left, *right) if f not in trusted]
            if len(unknown) != 1:
                continue
            (field_id,) = unknown
            side, other = (left, right) if field_id in left else (right, left)
            value = sum(trusted[f] for f in other) - sum(trusted[f] for f in side if f != field_id)  # type: ignore[misc]
            if value < 0:
                continue  # the trusted values contradict each other here: settle nothing
            read = cells.get(field_id)
            if read is not None and read.value != value:
                misread.append(field_id)
            if read is None or read.value != value:
                forced[field_id] = Cell(
                    field_id=field_id, value=value, raw="", layout=layout,
                    kind=CellKind.NUMBER if value else CellKind.ZERO, origin=Origin.DERIVED,
                    rule=f"{code}: every other value of the rule recognised and vouched for by another rule")
            trusted[field_id] = value
            changed = True
    return trusted, forced, misread
