"""A known report as text taken out of a PDF: one table row per line, blank cells gone.

``render_pdf_text`` prints what ``pdftotext -raw`` or pdfplumber's
``extract_text`` give for a report's tables: a row's label and its numbers on
one line, separated by spaces, a blank cell leaving nothing behind.  Its
options draw the shapes that real extractors and real documents add:

- ``values_first``: pdfplumber prints a row's numbers on the line *above* its
  label when the label cell is the taller (``"long"``: rows whose label wraps;
  ``"always"``: every row);
- ``numbering``: sub-rows numbered ``1.`` (the format), ``（1）``, ``一、`` or not at all.

No PDF library is needed; ``testing.pdf`` prints real PDFs.
"""

from __future__ import annotations

import re
from typing import Final, Literal

from govinfo_parse.numbers import PLACEHOLDERS
from govinfo_parse.testing.render import SampleReport, chinese_numeral, render_document

__all__ = ["NUMBERINGS", "VALUES_FIRST", "render_pdf_text"]

ValuesFirst = Literal["never", "long", "always"]
VALUES_FIRST: Final[tuple[ValuesFirst, ...]] = ("never", "long", "always")
#: How sub-rows may be numbered, by the number 1 written that way.
NUMBERINGS: Final = ("1.", "（1）", "一、", "")
_LONG_LABEL: Final = 15  # characters: a label this long wraps in a printed table's label column
_ITEM: Final = re.compile(r"^(\d)\.")


def _numbered(label: str, numbering: str) -> str:
    """``label`` with its sub-row number written in the style of ``numbering``."""
    def write(m: re.Match[str]) -> str:
        n = int(m.group(1))
        return {"1.": f"{n}.", "（1）": f"（{n}）", "一、": f"{chinese_numeral(n)}、", "": ""}[numbering]

    return _ITEM.sub(write, label)


def render_pdf_text(
    sample: SampleReport, *, values_first: ValuesFirst = "never", numbering: str = "1.",
) -> str:
    """``sample`` as PDF text (see the module docstring)."""
    if values_first not in VALUES_FIRST or numbering not in NUMBERINGS:
        msg = f"values_first is one of {VALUES_FIRST}, numbering one of {NUMBERINGS}"
        raise ValueError(msg)

    def table(rows: list[list[str]]) -> str:
        lines = []
        for row in rows:
            cells = [c.replace("\n", "") for c in row]
            words = [c for c in cells if c and not _is_value(c)]
            numbers = [c for c in cells if c and _is_value(c)]
            label = " ".join([*words[:-1], _numbered(words[-1], numbering)]) if words else ""
            before = numbers and label and (
                values_first == "always" or (values_first == "long" and len(label) > _LONG_LABEL))
            if before:
                lines += [" ".join(numbers), label]
            else:
                lines.append(" ".join(filter(None, [label, *numbers])))
        return "".join(line + "\n" for line in lines if line)

    return render_document(sample, table)


_NUMBER: Final = re.compile(r"[+-]?[\d,]+(\.\d+)?")


def _is_value(cell: str) -> bool:
    """A value cell: a number or a placeholder (无 and / alike stand where a number would)."""
    return bool(_NUMBER.fullmatch(cell)) or cell in PLACEHOLDERS
