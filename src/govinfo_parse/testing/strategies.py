"""Hypothesis strategies for plugin authors and our own property tests.

>>> from hypothesis import given
>>> from govinfo_parse.testing.strategies import sample_reports
>>> @given(sample_reports(template="2021"))
... def test_my_layout(sample): ...

Generated values satisfy every consistency rule of ``spec/fields.md``
(``consistent=True``, the default); ``blanks=True`` leaves some cells blank or
writes a placeholder in them, which must give no key.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
from hypothesis import strategies as st

from govinfo_parse import fields
from govinfo_parse.testing.damage import DAMAGES, OCR_NOISE
from govinfo_parse.testing.render import SampleReport

if TYPE_CHECKING:
    from collections.abc import Callable

    from govinfo_parse.fields import Template
    from govinfo_parse.model import Number

__all__ = [
    "ENCODINGS",
    "RENDERINGS",
    "amounts",
    "counts",
    "damaged",
    "encoded",
    "ocr_noised",
    "renderings",
    "rule_breaking_reports",
    "sample_reports",
    "templates",
    "variants",
]

_PLACEHOLDERS = ("/", "-", "无", "不适用", "")


def templates() -> st.SearchStrategy[Template]:
    """Either format."""
    return st.sampled_from(fields.TEMPLATES)


def counts(*, max_value: int = 250_000) -> st.SearchStrategy[int]:
    """Non-negative counts, small ones (and 0) most often, as in real tables."""
    return st.one_of(st.just(0), st.integers(0, 30), st.integers(0, max_value))


def amounts() -> st.SearchStrategy[Decimal]:
    """Amounts in 万元 with at most two decimals."""
    return st.integers(0, 10_000_000).map(lambda cents: Decimal(cents).scaleb(-2).normalize()
                                            if cents % 100 else Decimal(cents // 100))


@st.composite
def _active(draw: st.DrawFn, template: Template) -> dict[str, Number]:
    out: dict[str, Number] = {}
    for row, columns in fields.ACTIVE_ROWS[template].items():
        for column in columns:
            key = f"active.{row}.{column}"
            if column in fields.AMOUNT_COLUMNS:
                out[key] = draw(amounts())
            elif column in fields.SIGNED_COLUMNS:
                out[key] = draw(st.integers(-500, 500))
            else:
                out[key] = draw(counts())
    return out


@st.composite
def _requests(draw: st.DrawFn, template: Template) -> dict[str, Number]:
    out: dict[str, Number] = {}
    results = fields.REQUESTS_RESULT_ROWS[template]
    for column in fields.REQUESTS_APPLICANT_COLUMNS:
        per_row = {row: draw(st.one_of(st.just(0), st.integers(0, 40))) for row in results}
        total = sum(per_row.values())
        forward = draw(st.integers(0, 10))
        over = draw(st.integers(0, total + forward))
        column_values = {**per_row, "total": total, "carried_forward": forward,
                         "carried_over": over, "new_received": total + forward - over}
        out.update({f"requests.{row}.{column}": v for row, v in column_values.items()})
    for row in fields.REQUESTS_ROWS[template]:
        out[f"requests.{row}.total"] = sum(
            int(out[f"requests.{row}.{c}"]) for c in fields.REQUESTS_APPLICANT_COLUMNS
        )
    return out


@st.composite
def _appeals(draw: st.DrawFn) -> dict[str, Number]:
    out: dict[str, Number] = {}
    for group in fields.APPEALS_GROUPS:
        parts = {c: draw(st.integers(0, 9)) for c in fields.APPEALS_COLUMNS[:-1]}
        out.update({f"appeals.{group}.{c}": v for c, v in parts.items()})
        out[f"appeals.{group}.total"] = sum(parts.values())
    return out


@st.composite
def sample_reports(
    draw: st.DrawFn, *, template: Template | None = None, blanks: bool = False, sparse: bool = False,
) -> SampleReport:
    """Reports with known values, ready for ``render_canonical`` or your own renderer.

    :param template: ``"2019"``, ``"2021"`` or None for either.
    :param blanks: leave some cells blank or write placeholders in them.
    :param sparse: print every 0 as a blank cell, as many bodies do.
    """
    if template not in (None, *fields.TEMPLATES):
        msg = f"template must be '2019', '2021' or None, not {template!r}"
        raise ValueError(msg)
    chosen: Template = draw(templates()) if template is None else template
    values = {**draw(_active(chosen)), **draw(_requests(chosen)), **draw(_appeals())}
    placeholders: dict[str, str] = {}
    unstated: dict[str, Number] = {}
    if blanks:
        for key in draw(st.lists(st.sampled_from(sorted(values)), max_size=12, unique=True)):
            unstated[key] = values.pop(key)
            placeholders[key] = draw(st.sampled_from(_PLACEHOLDERS))
    if sparse:
        for key in [k for k, v in values.items() if v == 0]:
            unstated[key] = values.pop(key)
            placeholders[key] = ""
    return SampleReport(
        template=chosen,
        year=draw(st.integers(2019, 2030)),
        organ=draw(st.sampled_from(("示例县人民政府", "某市生态环境局", "测试区人民政府办公室"))),
        values=values,
        placeholders=placeholders,
        unstated=unstated,
        thousands=draw(st.booleans()),
    )


# A lost cell (two cells glued, or a lost line where cells stand one per line) and a number
# split in two cancel out in the row's cell count, and the row then looks whole: only the
# table's arithmetic can tell, and where no rule checks the row (table 二) or a placeholder
# stops every rule of it, nothing can.  ``damaged`` never draws such a pair together
# (docs: test-a-layout-plugin).
_CANCELLING: frozenset[frozenset[str]] = frozenset(
    frozenset({"split_digits", other}) for other in ("lose_cell", "glue_cells", "drop_line"))


@st.composite
def damaged(draw: st.DrawFn, text: str, *, kinds: tuple[str, ...] = tuple(DAMAGES), at_most: int = 2) -> str:
    """``text`` after one to ``at_most`` kinds of realistic damage (``govinfo_parse.testing.damage``).

    ``split_digits`` is not drawn together with ``lose_cell``, ``glue_cells`` or ``drop_line``
    (they can cancel out).
    """
    unknown = set(kinds) - set(DAMAGES)
    if unknown:
        msg = f"unknown damage {sorted(unknown)}; known: {sorted(DAMAGES)}"
        raise ValueError(msg)
    used: set[str] = set()
    for _ in range(draw(st.integers(1, at_most))):
        allowed = [k for k in kinds if not any(frozenset({k, u}) in _CANCELLING for u in used)]
        kind = draw(st.sampled_from(allowed))
        used.add(kind)
        text = DAMAGES[kind](text, draw(st.integers(0, 10_000)))
    return text


@st.composite
def ocr_noised(draw: st.DrawFn, text: str, *, at_most: int = 3) -> str:
    """``text`` as an OCR engine might read it.

    One to ``at_most`` numbers misread: into letters (``l04``) or into other numbers
    (6 ↔ 9, a digit dropped or doubled), or one digit misread alike wherever it stands.
    """
    for _ in range(draw(st.integers(1, at_most))):
        kind = draw(st.sampled_from(sorted(OCR_NOISE)))
        text = OCR_NOISE[kind](text, draw(st.integers(0, 10_000)))
    return text


# Totals that real reports get wrong, and the rule each breaks (spec/fields.md).
_BREAKABLE: dict[str, str] = {
    "requests.total.total": "rule-result-rows",
    "requests.new_received.total": "rule-balance",
    "requests.granted.total": "rule-applicant-columns",
    "appeals.review.total": "rule-appeals-total",
    "appeals.litigation_direct.total": "rule-appeals-total",
}


@st.composite
def rule_breaking_reports(draw: st.DrawFn, *, template: Template | None = None) -> tuple[SampleReport, str]:
    """A report whose printed tables break one consistency rule, as real ones do, and that rule's code.

    One total is printed off by a few (a typo, or a total left at 0 while its
    parts are not).  A parser must return the values as printed and report
    the broken rule, never "correct" them.
    """
    sample = draw(sample_reports(template=template))
    key = draw(st.sampled_from(sorted(k for k in _BREAKABLE if k in sample.values)))
    printed = sample.values[key]
    typos = [0, printed + 1, printed + 10, printed * 10 + 1]
    wrong = draw(st.sampled_from([v for v in typos if v != printed]))
    broken = attrs.evolve(sample, values={**sample.values, key: wrong})
    return broken, _BREAKABLE[key]


def _renderers() -> dict[str, Callable[[SampleReport], str | bytes]]:
    from govinfo_parse.testing.docx import render_docx  # noqa: PLC0415
    from govinfo_parse.testing.html import render_html  # noqa: PLC0415
    from govinfo_parse.testing.render import (  # noqa: PLC0415
        render_canonical,
        render_markdown,
        render_tabular,
    )

    return {
        "canonical": render_canonical,
        "tabular": render_tabular,
        "html": render_html,
        "html-word": lambda s: render_html(s, word=True),
        "markdown": render_markdown,
        "markdown-ocr": lambda s: render_markdown(s, ocr=True),
        "docx": render_docx,
    }


#: The built-in renderings a strategy can draw (PDF: testing.pdf.render_pdf, with reportlab).
RENDERINGS: tuple[str, ...] = (
    "canonical", "tabular", "html", "html-word", "markdown", "markdown-ocr", "docx",
)


@st.composite
def renderings(
    draw: st.DrawFn, sample: SampleReport, *, layouts: tuple[str, ...] = RENDERINGS,
) -> str | bytes:
    """``sample`` as one built-in layout prints it (text, or bytes for a Word file)."""
    unknown = set(layouts) - set(RENDERINGS)
    if unknown:
        msg = f"unknown renderings {sorted(unknown)}; known: {list(RENDERINGS)}"
        raise ValueError(msg)
    return _renderers()[draw(st.sampled_from(layouts))](sample)


@st.composite
def variants(draw: st.DrawFn, text: str, *, at_most: int = 2) -> str:
    """``text`` in other characters that mean the same: Traditional, full width, look-alikes, CRLF."""
    from govinfo_parse.testing.variants import VARIANTS  # noqa: PLC0415

    for name in draw(st.lists(st.sampled_from(sorted(VARIANTS)), min_size=1, max_size=at_most, unique=True)):
        text = VARIANTS[name](text)
    return text


#: Encodings reports are published in (a BOM is added where one is usual).
ENCODINGS: tuple[str, ...] = ("utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "big5")


@st.composite
def encoded(draw: st.DrawFn, text: str) -> bytes:
    """``text`` as bytes in an encoding reports are published in (Big5 only for Traditional text)."""
    choices = [e for e in ENCODINGS if _encodes(text, e)]
    return text.encode(draw(st.sampled_from(choices or ["utf-8"])))


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True
