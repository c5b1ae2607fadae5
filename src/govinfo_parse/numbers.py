"""Reading one table cell's text: numbers, signs, units, notes and placeholders.

Shared by every layout, so that ``127,028``, ``+72``, ``29209.84万元``,
``251000元``, ``22（其中修订 16 件）``, ``/`` and a blank cell mean the same
thing whichever layout read them.  Input is normalised text (``text.normalize``).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from typing import Final

import attrs

from govinfo_parse.model import CellKind, Number

__all__ = [
    "COUNT_UNITS",
    "GARBLED_NUMBER",
    "MONEY_UNITS",
    "MONEY_UNIT_PATTERN",
    "PLACEHOLDERS",
    "UNIT_FACTORS",
    "CellValue",
    "chinese_integer",
    "digits_out_of_place",
    "looks_numeric",
    "number_value",
    "parse_cell_text",
    "to_wan_yuan",
    "unit_in_label",
    "unit_in_note",
]

#: Cell texts that state no value: only an explicit 0 gives 0.
PLACEHOLDERS: Final = frozenset({"/", "-", "--", "---", "无", "不适用", "空", "&nbsp;", "暂无", "*"})
#: Every money unit the formats and the documents use, with its factor to 万元 (10,000 yuan).
#: The one table of units: cells, headers, notes, the grammar and the PDF text layout use it.
MONEY_UNITS: Final = {
    "元": Decimal("0.0001"), "千元": Decimal("0.1"), "万元": Decimal(1), "十万元": Decimal(10),
    "百万元": Decimal(100), "千万元": Decimal(1000), "亿元": Decimal(10000),
}
UNIT_FACTORS: Final = MONEY_UNITS  # the name earlier releases exported
#: Units a count may carry (22件).
COUNT_UNITS: Final = ("件", "个", "项", "条", "次", "家", "人")
#: Any money unit, whole: the longest first, so that 千元 is never read as 元.
MONEY_UNIT_PATTERN: Final = "|".join(sorted(MONEY_UNITS, key=len, reverse=True))

_NUMBER: Final = re.compile(
    rf"""^(?P<sign>[+-])?[ ]*
        (?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<fraction>\.\d+)?
        [ ]*(?P<unit>{MONEY_UNIT_PATTERN}|{"|".join(COUNT_UNITS)})?
        [ ]*(?P<note>\([^()]*\))?[ ]*$""",
    re.VERBOSE,
)
# A number that OCR or a bad font misread: digits mixed with their look-alikes (l04, 1O, 2S),
# or with a mark where a digit was (44*, 1?), or a look-alike letter alone in a cell.
# Such a cell holds a value that cannot be read, never a number.
GARBLED_NUMBER: Final = r"[+-]?(?=[\d,.]*[OoIl|SBZ*?])(?=[OoIl|SBZ*?,.]*\d)[\dOoIl|SBZ*?,.]+|[OoIlSB]"
# Digits that are not one number as written: commas out of place (30,9030) — two cells
# glued, or a misread; or a number split by a space in one cell (11 2).  (A leading zero,
# 09 or 01,418, is checked on the digits read.)
_GARBLED: Final = re.compile(rf"^(?:{GARBLED_NUMBER}|[+-]?\d[\d,.]*(?: \d[\d,.]*)*)$")
_DIGITS_ONLY: Final = re.compile(r"^[+-]?\d[\d,.]*$")
# A unit is whole only where no multiplier stands before it (百万元 is not 万元).
_UNIT_IN_LABEL: Final = re.compile(rf"(?<![十百千万亿])({MONEY_UNIT_PATTERN})")
# 金额单位：元, （单位：万元）: a unit stated for a whole table, in a caption or a note.
_UNIT_NOTE: Final = re.compile(rf"单位\s*[:：]?\s*({MONEY_UNIT_PATTERN})")


@attrs.frozen
class CellValue:
    """What a cell's text says."""

    kind: CellKind
    value: Number | None = None
    unit: str | None = None
    note: str | None = None


@lru_cache(maxsize=8192)  # cell texts repeat ("0" most of all); CellValue is immutable
def parse_cell_text(text: str) -> CellValue:
    """Read a normalised cell text.

    >>> parse_cell_text("127,028").value
    127028
    >>> parse_cell_text("+72").value
    72
    >>> parse_cell_text("/").kind
    <CellKind.NOT_APPLICABLE: 'not_applicable'>
    """
    stripped = text.strip()
    if not stripped:
        return CellValue(CellKind.EMPTY)
    if stripped in PLACEHOLDERS:
        return CellValue(CellKind.NOT_APPLICABLE)
    m = _NUMBER.match(stripped)
    if m is None:
        return CellValue(CellKind.UNREADABLE if _GARBLED.match(stripped) else CellKind.TEXT)
    if unicodedata.digit(m["digits"][0], None) == 0 and len(m["digits"]) > 1:  # 0 in any script
        return CellValue(CellKind.UNREADABLE)  # 09, 01,418: no report writes a leading zero; cells glued
    return number_value(
        sign=m["sign"], digits=m["digits"] + (m["fraction"] or ""), unit=m["unit"], note=m["note"]
    )


def number_value(*, sign: str | None, digits: str, unit: str | None, note: str | None) -> CellValue:
    """The value of a number read in parts.

    ``sign`` is ``+``/``-``/None, ``digits`` like ``1,165`` or ``29209.84``,
    ``unit`` and the parenthesised ``note`` are optional.
    """
    digits = digits.strip().replace(",", "")
    unit = unit.strip() if unit else None
    value: Number = Decimal(digits) if "." in digits or unit in MONEY_UNITS else int(digits)
    if sign == "-":
        value = -value
    kind = CellKind.ZERO if value == 0 else CellKind.NUMBER
    note_text = note.strip()[1:-1].strip() if note else None
    return CellValue(kind, value, unit, note_text)


_CN_DIGITS: Final = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                     "七": 7, "八": 8, "九": 9}
_CN_UNITS: Final = {"十": 10, "百": 100, "千": 1000}


def chinese_integer(text: str) -> int | None:
    """``十三`` → 13, ``一百二十`` → 120, ``两千零五`` → 2005; None when ``text`` is not one."""
    if not text:
        return None
    total, section, digit = 0, 0, None
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char in _CN_UNITS:
            if digit is None and (char != "十" or section or total):
                return None  # 百一十九 is the tail of a numeral (五百一十九) cut off; only 十 may stand alone
            # 十 after 零 is one ten (一万零十 = 10010), as 十 alone is.
            section += (1 if digit is None or (digit == 0 and char == "十") else digit) * _CN_UNITS[char]
            digit = None
        elif char == "万":
            total += (section + (digit or 0)) * 10000
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def digits_out_of_place(text: str) -> bool:
    """True for digits that are not one number as written (09, 1,2, 30,9030, 00).

    No report writes them: they are two cells glued, or part of a number split
    across cells, so the cells around them are not where they were printed.
    """
    stripped = text.strip()
    return bool(stripped) and parse_cell_text(stripped).kind is CellKind.UNREADABLE and bool(
        _DIGITS_ONLY.match(stripped))


def looks_numeric(text: str) -> bool:
    """True when the text is a value cell (a number, a placeholder, or blank)."""
    return parse_cell_text(text).kind is not CellKind.TEXT


def unit_in_label(label: str) -> str | None:
    """The money unit a header names, whole: ``采购总金额(单位:千元)`` → ``千元``.

    None when it names none, or several different ones.
    """
    found = set(_UNIT_IN_LABEL.findall(label))
    return found.pop() if len(found) == 1 else None


def unit_in_note(text: str) -> str | None:
    """The money unit that ``单位：…`` statements in ``text`` (a table's captions and notes) agree on.

    None when there is none, or when they name different units: a table
    stating two units tells nothing about a header that states none.
    """
    found = set(_UNIT_NOTE.findall(text))
    return found.pop() if len(found) == 1 else None


def to_wan_yuan(value: Number, unit: str) -> Decimal:
    """Convert an amount in ``unit`` to 万元, exactly."""
    result = Decimal(value) * MONEY_UNITS[unit]
    return result.normalize() if result != result.to_integral_value() else result.quantize(Decimal(1))
