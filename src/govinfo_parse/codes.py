"""Every diagnostic code the library emits: its default severity and what it means.

One registry, so that the reference (``docs/reference/errors.md``, whose table
is written from it: ``python -m govinfo_parse.codes docs/reference/errors.md``)
and the code cannot drift apart; a test fails on a diagnostic whose code is
not here.  Plugins may emit codes of their own, best prefixed with their name.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Final

import attrs

from govinfo_parse.model import Severity

__all__ = ["CODES", "Code", "markdown_table", "write_reference"]


@attrs.frozen
class Code:
    """A diagnostic code: the severity it is usually given, other severities it may take, its meaning."""

    name: str
    severity: Severity
    meaning: str
    also: tuple[Severity, ...] = ()


_ALL: Final = (
    # Consistency rules of the format (govinfo_parse.checks).
    Code("rule-balance", Severity.ERROR,
         "新收 + 上年结转 ≠ 总计 + 结转下年度 in a column (the rule printed in the format)"),
    Code("rule-result-rows", Severity.WARNING, "the result rows do not add up to the （七）总计 row"),
    Code("rule-applicant-columns", Severity.WARNING, "the six applicant columns do not add up to 总计"),
    Code("rule-appeals-total", Severity.WARNING,
         "维持 + 纠正 + 其他 + 尚未审结 ≠ 总计 in a section-四 group"),
    # What the document does not give.
    Code("no-tables", Severity.ERROR, "no layout read any table"),
    Code("empty-document", Severity.ERROR, "the input holds no text at all (an empty file); `no-tables` too"),
    Code("unread-table", Severity.WARNING,
         "a section holds table labels but no installed layout reads its shape"),
    Code("missing-table", Severity.WARNING, "one of the three tables was not found"),
    Code("missing-values", Severity.INFO, "a table does not state some values (the rows are listed)"),
    # Rows and cells that cannot be placed: their values are left out.
    Code("cell-count", Severity.WARNING,
         "a row's cells do not line up with its header; its values are left out"),
    Code("no-header", Severity.WARNING,
         "values without a header row (section 四: the format's column order is assumed, as info)",
         also=(Severity.INFO,)),
    Code("unknown-row", Severity.INFO, "a row label that is not part of the format; ignored"),
    Code("unknown-column", Severity.WARNING,
         "a section-二 header cell that is not a column of the format; ignored"),
    Code("unlabelled-row", Severity.INFO, "a row of numbers with no label; ignored"),
    Code("derived-row", Severity.INFO,
         "a section-三 row with one cell lost or one too many was settled by the table's arithmetic; "
         "its values are marked derived"),
    Code("blank-or-lost", Severity.INFO,
         "PDF text: a section-三 row printed a number too few; its printed numbers were placed by the "
         "table's arithmetic, but the missing cell may be blank, so the value the arithmetic implies "
         "(in `values`) is not taken as stated"),
    Code("orientation-unclear", Severity.WARNING,
         "PDF text: lines of numbers stand alone and neither the ends of the table nor its rules settle "
         "whether each belongs to the label above or below (pdfplumber prints a tall row's numbers above "
         "its label); the values the two readings give differently are left out"),
    Code("ocr-unsure", Severity.WARNING,
         "OCR: recognised values the engine was less than half sure of; left out"),
    Code("ocr-rule-broken", Severity.WARNING,
         "OCR: recognised values that broke the table's rules (misread); left out, and derived where "
         "vouched values force them"),
    Code("ocr-unchecked", Severity.WARNING,
         "OCR: recognised values no holding rule checks and no second reading confirms (a 6 read for a 9 "
         "would pass unseen); left out"),
    Code("ocr-read-twice", Severity.WARNING,
         "OCR: counts no holding rule checks (section 二; a row the report added up wrong itself), kept "
         "because a second reading of their ink gave them alike; in doubt (`Report.doubtful_fields`)"),
    Code("ocr-derived", Severity.WARNING,
         "OCR: values the layout derived from recognised numbers; left out unless vouched values force them"),
    Code("ambiguous-label", Severity.WARNING,
         "a label holds the words of several rows (two rows' labels run together); its values are left out"),
    Code("incomplete-header", Severity.WARNING,
         "a section-二 header names fewer of a row's columns than the format has (a header cell lost): "
         "the row's values cannot be placed and are left out"),
    Code("column-mismatch", Severity.WARNING, "a header column that the row does not have in the format"),
    Code("not-a-number", Severity.WARNING, "a value cell holds words"),
    Code("not-a-count", Severity.WARNING, "a fraction where a count belongs"),
    Code("glued-cells", Severity.WARNING,
         "text with its table cells glued together (`get_text()`, crawlers): a row's digits split into "
         "cells more than one way (or none) the table's rules allow; its values are left out"),
    Code("cells-out-of-place", Severity.WARNING,
         "a row holds digits no report writes (`09`, `00`, `1,2`): two cells glued or one number split, "
         "so its cells are not where they were printed, whatever their count; the row's values are left out"),
    Code("unreadable-value", Severity.WARNING,
         "a value cell holds a number misread into letters or marks (`l04`, `1O`, `44*`, as OCR gives) "
         "or in pieces (`11 2`): the value is left out, never guessed"),
    Code("negative-count", Severity.WARNING, "a negative value in a column that is not a signed change"),
    Code("unit-assumed", Severity.WARNING,
         "an amount with no unit in its cell, its header or a caption or note of its table "
         "(`（金额单位：元）`), taken as 万元 and marked doubtful (`Report.doubtful_fields`)"),
    # The document as a whole.
    Code("year-conflict", Severity.WARNING,
         "the title and the statistical period (or, without either, section 一's opening sentences) state "
         "different years; `meta.year` is left empty"),
    Code("more-reports", Severity.WARNING,
         "the document holds several reports (a scraped listing, a compiled PDF); `parse` reads the first, "
         "`parse_all` each"),
    Code("duplicate-value", Severity.WARNING,
         "a field stated twice with different values; the first is kept"),
    Code("mixed-template", Severity.WARNING, "labels of both formats; the majority template is used"),
    Code("narrative-mismatch", Severity.WARNING,
         "a sentence states a different value than the table (or an earlier sentence); the table is kept"),
    # Comparing years (govinfo_parse.compare).
    Code("cross-year-carry", Severity.WARNING,
         "`compare`: 上年结转 of year N differs from 结转下年度 of year N−1 (both reports named)"),
    Code("cross-year-items", Severity.WARNING,
         "`compare`, 2019 format: 上一年项目数量 of year N ≠ last year's 上一年项目数量 + 本年增/减"),
    Code("cross-year-in-force", Severity.WARNING,
         "`compare`, 2021 format: 现行有效件数 of year N ≠ last year's + 本年制发件数 − 本年废止件数"),
    Code("cross-year-gap", Severity.INFO,
         "`compare`: the two reports are not of consecutive years; carry-over rules not checked"),
    Code("copied-text", Severity.WARNING,
         "`compare`: more than half of a prose section repeats the previous year's report"),
    # Plugins.
    Code("plugin-error", Severity.ERROR,
         "a plugin raised, or returned something that does not fit the model (checked cell by cell); it is "
         "named, its result ignored, and the other layouts had their chance"),
    Code("plugin-timeout", Severity.ERROR,
         "a plugin call ran past `Limits.plugin_timeout`; it was stopped, named, and skipped"),
    Code("layout-syntax", Severity.WARNING,
         "a layout found its block's text not to be in its layout where it had claimed it "
         "(`LayoutSyntaxError`): the span and what the layout expected there are given, and the other "
         "layouts had their chance"),
    Code("unknown-field", Severity.ERROR, "a plugin returned a field id that does not exist"),
)

#: Every code the library emits, by name.
CODES: Final[dict[str, Code]] = {code.name: code for code in _ALL}

_START, _END = "<!-- diagnostic codes: start -->", "<!-- diagnostic codes: end -->"


def markdown_table() -> str:
    """The reference table of every code (what ``docs/reference/errors.md`` shows)."""
    lines = ["| code | severity | meaning |", "|---|---|---|"]
    for code in CODES.values():
        severity = "/".join(s.value for s in (code.severity, *code.also))
        lines.append(f"| `{code.name}` | {severity} | {code.meaning} |")
    return "\n".join(lines) + "\n"


def write_reference(path: str | Path) -> bool:
    """Rewrite the table between the markers of ``path``; True when it changed."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(_START) + r"\n.*?" + re.escape(_END), re.DOTALL)
    if not pattern.search(text):
        msg = f"{path}: no {_START} … {_END} markers"
        raise ValueError(msg)
    new = pattern.sub(lambda _: f"{_START}\n{markdown_table()}{_END}", text)
    path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":  # python -m govinfo_parse.codes docs/reference/errors.md
    for target in sys.argv[1:]:
        print(f"{target}: {'rewritten' if write_reference(target) else 'up to date'}")
