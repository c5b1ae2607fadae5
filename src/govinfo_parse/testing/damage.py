"""Realistic damage to a report's text, as copying and extraction inflict it.

Each function takes the text and a choice number (any integer: it is taken
modulo the number of places the damage can go), so hypothesis can shrink it.
A parser must never turn damaged text into a wrong number: a value either
survives intact, or goes missing, or comes back derived and flagged.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "DAMAGES",
    "OCR_NOISE",
    "confuse_digit",
    "confuse_glyph",
    "drop_line",
    "glue_cells",
    "glyph_label",
    "insert_footer",
    "lose_cell",
    "misread_digit",
    "split_digits",
    "split_label",
]

_CJK_RUN: Final = re.compile(r"[\u4e00-\u9fff]{4,}")
# A number standing alone as a cell: between tabs, spaces or line ends.
_NUMBER_CELL: Final = re.compile(r"(?:(?<=[\t ])|^)[+-]?\d[\d,]*(?:\.\d+)?(?=[\t \n]|$)", re.MULTILINE)


def drop_line(text: str, choice: int) -> str:
    """A whole non-blank line is lost."""
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if line.strip()]
    if not candidates:
        return text
    del lines[candidates[choice % len(candidates)]]
    return "\n".join(lines)


def split_label(text: str, choice: int) -> str:
    """A label wraps: a line break inside a run of Chinese characters."""
    places = [m.start() + k for m in _CJK_RUN.finditer(text) for k in range(2, len(m.group()) - 1)]
    if not places:
        return text
    at = places[choice % len(places)]
    return text[:at] + "\n" + text[at:]


def insert_footer(text: str, choice: int) -> str:
    """A page footer (``- 3 -``) lands between two lines."""
    lines = text.split("\n")
    at = choice % (len(lines) + 1)
    return "\n".join([*lines[:at], f"- {choice % 9 + 1} -", *lines[at:]])


def lose_cell(text: str, choice: int) -> str:
    """One number cell is lost, with its separator (or its line, one cell per line)."""
    cells = list(_NUMBER_CELL.finditer(text))
    if not cells:
        return text
    m = cells[choice % len(cells)]
    start, end = m.start(), m.end()
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not text[line_start:start].strip() and not text[end:line_end].strip():
        return text[:line_start] + text[line_end + 1 :]  # the cell was the whole line
    if start > 0 and text[start - 1] in "\t ":
        start -= 1
    return text[:start] + text[end:]


def glyph_label(text: str, choice: int) -> str:
    """A label printed vertically in a narrow column: one glyph per line."""
    runs = list(_CJK_RUN.finditer(text))
    if not runs:
        return text
    m = runs[choice % len(runs)]
    return text[: m.start()] + "\n".join(m.group()) + text[m.end():]


_DIGITS: Final = re.compile(r"(?:(?<=[\t ])|^)\d{2,}(?=[\t \n]|$)", re.MULTILINE)


def split_digits(text: str, choice: int) -> str:
    """A number's digits fall into two cells (1165 → 11 | 65), with the cell separator of its line."""
    numbers = [(m, k) for m in _DIGITS.finditer(text) for k in range(1, len(m.group()))]
    if not numbers:
        return text
    m, k = numbers[choice % len(numbers)]
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line = text[line_start: len(text) if line_end < 0 else line_end]
    if line.strip(" ") == "\t" + m.group():
        separator = "\n\t"  # one cell per line
    elif "\t" in line:
        separator = "\t"
    else:
        separator = " "
    at = m.start() + k
    return text[:at] + separator + text[at:]


# Two number cells side by side on one line, with the separator between them.
_NEIGHBOURS: Final = re.compile(r"(?:(?<=[\t ])|^)(\d[\d,]*)([\t ]+)(?=\d[\d,]*(?:[\t \n]|$))", re.MULTILINE)


def glue_cells(text: str, choice: int) -> str:
    """Two neighbouring number cells lose the space between them (23 0 → 230), as PDF text does."""
    pairs = list(_NEIGHBOURS.finditer(text))
    if not pairs:
        return text
    m = pairs[choice % len(pairs)]
    return text[: m.start(2)] + text[m.end(2):]


_LOOK_ALIKES: Final = {"0": "O", "1": "l", "5": "S", "8": "B", "2": "Z"}


def misread_digit(text: str, choice: int) -> str:
    """OCR misreads a number: a digit becomes its look-alike (104 → l04), or a mark follows it (44*)."""
    places = [(m, k) for m in _NUMBER_CELL.finditer(text) for k, ch in enumerate(m.group())
              if ch in _LOOK_ALIKES]
    if not places:
        return text
    m, k = places[choice % len(places)]
    at = m.start() + k
    if choice % 3 == 0:
        return text[: m.end()] + "*" + text[m.end():]
    return text[:at] + _LOOK_ALIKES[text[at]] + text[at + 1:]


# Digits an OCR engine takes for one another, with full confidence.
_CONFUSED: Final = {"6": "9", "9": "6", "3": "8", "8": "3", "1": "7", "7": "1", "5": "6", "0": "8"}


def confuse_digit(text: str, choice: int) -> str:
    """OCR reads a number as another number.

    A digit for its look-alike (6 ↔ 9), a digit dropped (120 → 12) or doubled (12 → 122).
    """
    places = [(m, k) for m in _NUMBER_CELL.finditer(text) for k, ch in enumerate(m.group()) if ch.isdigit()]
    if not places:
        return text
    m, k = places[choice % len(places)]
    at = m.start() + k
    kind = choice // len(places) % 3
    if kind == 0 and text[at] in _CONFUSED:
        return text[:at] + _CONFUSED[text[at]] + text[at + 1:]
    if kind == 1 and len(m.group()) > 1:
        return text[:at] + text[at + 1:]
    return text[:at] + text[at] + text[at:]


def confuse_glyph(text: str, choice: int) -> str:
    """OCR reads one digit as its look-alike wherever it stands (every 9 a 6: small boxes turned over).

    The engine misreads a glyph the same way each time it meets it, so a rule
    whose sides hold the digit alike (``9 … = 9``, ``9 + 10 = 19``) still adds
    up.  Only into a digit the numbers hold nowhere else: where the look-alike
    is also printed, no reading of the text alone can tell which of its
    places were misread.
    """
    numbers = [m.group() for m in _NUMBER_CELL.finditer(text)]
    present = {ch for n in numbers for ch in n}
    digits = sorted(d for d in present if d in _CONFUSED and _CONFUSED[d] not in present)
    if not digits:
        return text
    digit = digits[choice % len(digits)]
    return _NUMBER_CELL.sub(lambda m: m.group().replace(digit, _CONFUSED[digit]), text)


#: What OCR does to numbers: letters for digits, and digits for other digits.
OCR_NOISE: Final = {
    "misread_digit": misread_digit, "confuse_digit": confuse_digit, "confuse_glyph": confuse_glyph,
}

#: Every kind of damage, by name.
DAMAGES: Final = {
    "drop_line": drop_line,
    "split_label": split_label,
    "glyph_label": glyph_label,
    "insert_footer": insert_footer,
    "lose_cell": lose_cell,
    "split_digits": split_digits,
    "glue_cells": glue_cells,
    "misread_digit": misread_digit,
}
