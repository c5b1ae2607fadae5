r"""Numbers printed in pieces, joined only the ways reports write numbers.

A Word-export page puts parts of one number in separate spans, and text
taken out of it line by line (BeautifulSoup ``get_text("\\n")``, ``"\\t"``)
gives ``1,`` ``150`` for 1,150, ``+2`` ``00`` for +200, ``5.`` ``59`` for
5.59.  A row's pieces are joined into as many numbers as it has columns,
each one as a report writes a number in its column (no leading zero but a
lone 0, thousands grouped by three, a sign only where a change is counted, a
decimal point only in an amount); a row is taken only where exactly one
joining fits, and the checks its table has (a requests row's total) hold.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from govinfo_parse import fields
from govinfo_parse.layout import RawCell
from govinfo_parse.numbers import MONEY_UNIT_PATTERN, PLACEHOLDERS

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

_COUNT: Final = r"(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)"
#: A whole count as reports write it.
WHOLE_COUNT: Final = re.compile(_COUNT)
_SIGNED: Final = re.compile(rf"[+-]?{_COUNT}")
_AMOUNT: Final = re.compile(rf"{_COUNT}(?:\.\d+)?(?:{MONEY_UNIT_PATTERN})?")

_MOST_JOININGS: Final = 1000
_MOST_STEPS: Final = 100_000


def column_pattern(column: str | None) -> re.Pattern[str]:
    """How a number of section 二's ``column`` is written (a count when the column is unknown)."""
    if column in fields.SIGNED_COLUMNS:
        return _SIGNED
    if column in fields.AMOUNT_COLUMNS:
        return _AMOUNT
    return WHOLE_COUNT


def joinings(
    pieces: Sequence[RawCell], patterns: Sequence[re.Pattern[str]],
    keep: Callable[[list[RawCell]], bool] = lambda _cells: True, *, most_pieces: int | None = None,
) -> list[list[RawCell]]:
    """Every way of joining neighbouring ``pieces`` into one number per pattern, that ``keep`` accepts.

    A blank piece stays a cell of its own, and so may a placeholder (``-`` may
    also be the sign of the pieces after it: then two joinings fit); the pieces
    joined into one number become one cell reaching over them, its text theirs.  A search too long to
    finish gives no joining (undecided), never a partial answer.
    """
    width = len(patterns)
    found: list[list[RawCell]] = []
    steps = [0]
    if most_pieces is not None and len(pieces) > most_pieces:
        return found

    def join(at: int, sofar: list[RawCell]) -> None:
        steps[0] += 1
        if len(found) > _MOST_JOININGS or steps[0] > _MOST_STEPS:
            return
        left = width - len(sofar)
        if at == len(pieces) or left == 0:
            if at == len(pieces) and left == 0 and keep(sofar):
                found.append(sofar)
            return
        # A blank is a cell of its own (the loop below joins nothing to it); a placeholder is one
        # too, or (a -) the sign of the pieces after it.
        if not pieces[at].text or pieces[at].text in PLACEHOLDERS:
            join(at + 1, [*sofar, pieces[at]])
        for end in range(at + 1, len(pieces) - left + 2):
            if not pieces[end - 1].text:
                break
            text = "".join(p.text for p in pieces[at:end])
            if patterns[len(sofar)].fullmatch(text):
                join(end, [*sofar, RawCell(text, pieces[at].start, pieces[end - 1].end)])

    join(0, [])
    return found if steps[0] <= _MOST_STEPS else []
