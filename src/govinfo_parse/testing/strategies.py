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

from hypothesis import strategies as st

from govinfo_parse import fields
from govinfo_parse.testing.damage import DAMAGES
from govinfo_parse.testing.render import SampleReport

if TYPE_CHECKING:
    from govinfo_parse.fields import Template
    from govinfo_parse.model import Number

__all__ = ["amounts", "counts", "damaged", "sample_reports", "templates"]

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
    draw: st.DrawFn, *, template: Template | None = None, blanks: bool = False,
) -> SampleReport:
    """Reports with known values, ready for ``render_canonical`` or your own renderer.

    :param template: ``"2019"``, ``"2021"`` or None for either.
    :param blanks: leave some cells blank or write placeholders in them.
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
    return SampleReport(
        template=chosen,
        year=draw(st.integers(2019, 2030)),
        organ=draw(st.sampled_from(("示例县人民政府", "某市生态环境局", "测试区人民政府办公室"))),
        values=values,
        placeholders=placeholders,
        unstated=unstated,
        thousands=draw(st.booleans()),
    )


@st.composite
def damaged(draw: st.DrawFn, text: str, *, kinds: tuple[str, ...] = tuple(DAMAGES), at_most: int = 2) -> str:
    """``text`` after one to ``at_most`` kinds of realistic damage (``govinfo_parse.testing.damage``)."""
    unknown = set(kinds) - set(DAMAGES)
    if unknown:
        msg = f"unknown damage {sorted(unknown)}; known: {sorted(DAMAGES)}"
        raise ValueError(msg)
    for _ in range(draw(st.integers(1, at_most))):
        text = DAMAGES[draw(st.sampled_from(kinds))](text, draw(st.integers(0, 10_000)))
    return text
