"""The seven input shapes that once gave wrong values, drawn for any generated report.

Each property renders a generated report in one shape (``govinfo_parse.testing``)
and asserts what the library promises for it: a value that comes back is the
true one; an ambiguous input may lose values, never change them.
"""

from __future__ import annotations

import attrs
from hypothesis import example, given
from hypothesis import strategies as st

import govinfo_parse
from govinfo_parse import fields
from govinfo_parse.numbers import MONEY_UNITS
from govinfo_parse.testing import SampleReport, render_canonical, render_tabular
from govinfo_parse.testing.pdftext import NUMBERINGS, VALUES_FIRST, render_pdf_text
from govinfo_parse.testing.damage import DAMAGES
from govinfo_parse.testing.strategies import damaged, renderings, sample_reports


def _assert_no_wrong_value(document: str | bytes, sample: SampleReport) -> govinfo_parse.Report:
    report = govinfo_parse.parse(document)
    assert sample.wrong_values(report) == []
    return report


def _stated(report: govinfo_parse.Report) -> int:
    return sum(1 for c in report.cells() if c.value is not None)


def _all_zero(template: fields.Template) -> SampleReport:
    return SampleReport(template=template, values={
        f: 0 for t in ("active", "requests", "appeals") for f in fields.FORMATS[template].expected_fields(t)})


# 1. A row's numbers on the line before its label (pdfplumber's reading order).
@given(sample_reports(), st.sampled_from(["long", "always"]))
# No rule tells the orientation of zeros: the lines do (3.其他 is a row, not the tail of the label above it).
@example(_all_zero("2021"), "long")
def test_numbers_before_their_labels_are_read_in_that_orientation(sample: SampleReport, order: str) -> None:
    report = _assert_no_wrong_value(render_pdf_text(sample, values_first=order), sample)  # type: ignore[arg-type]
    assert _stated(report) == len(sample.values)


@given(sample_reports(blanks=True), st.sampled_from(VALUES_FIRST), st.booleans(), st.data())
def test_numbers_before_labels_damaged_or_sparse_never_shift(
    sample: SampleReport, order: str, sparse: bool, data: st.DataObject,
) -> None:
    if sparse:
        sample = data.draw(sample_reports(blanks=True, sparse=True))
    text = data.draw(damaged(render_pdf_text(sample, values_first=order), kinds=_damages_for_pdf_text(sample)))  # type: ignore[arg-type]
    _assert_no_wrong_value(text, sample)


def _damages_for_pdf_text(sample: SampleReport) -> tuple[str, ...]:
    """Damage that PDF text of ``sample`` may suffer without becoming ambiguous.

    A blank cell leaves no trace in PDF text, as a lost one would: a number split
    in two then makes up the row's count, and where a placeholder keeps the row
    total from checking it nothing can tell (``damaged`` never draws a lost cell
    and a split number together, for the same reason).
    """
    blank = "" in sample.placeholders.values()
    return tuple(k for k in DAMAGES if not (blank and k == "split_digits"))


# 2. 2021's (六) sub-rows numbered otherwise or not at all, blank rows among them, misread cells.
@given(sample_reports(template="2021", sparse=True), st.sampled_from(NUMBERINGS), st.sampled_from(VALUES_FIRST))
def test_2021_subrows_are_known_by_their_words(sample: SampleReport, numbering: str, order: str) -> None:
    _assert_no_wrong_value(render_pdf_text(sample, numbering=numbering, values_first=order), sample)  # type: ignore[arg-type]


@given(sample_reports(), st.sampled_from(NUMBERINGS), st.integers(0, 10_000))
def test_a_misread_number_is_never_a_number(sample: SampleReport, numbering: str, choice: int) -> None:
    from govinfo_parse.testing.damage import misread_digit  # noqa: PLC0415

    for text in (render_pdf_text(sample, numbering=numbering), render_canonical(sample), render_tabular(sample)):
        _assert_no_wrong_value(misread_digit(text, choice), sample)


# 3. Two neighbouring number cells glued (23 0 → 230).
@given(sample_reports(blanks=True), st.integers(0, 10_000), st.sampled_from(["pdf", "tabular"]))
def test_glued_cells_are_split_by_arithmetic_or_left_out(sample: SampleReport, choice: int, shape: str) -> None:
    from govinfo_parse.testing.damage import glue_cells  # noqa: PLC0415

    text = render_pdf_text(sample) if shape == "pdf" else render_tabular(sample)
    _assert_no_wrong_value(glue_cells(text, choice), sample)


# 4.–5. Amounts in any unit, named in the header or in a note of the table.
@given(sample_reports(), st.sampled_from(sorted(MONEY_UNITS)), st.booleans(), st.data())
def test_amounts_in_any_unit_named_anywhere(sample: SampleReport, unit: str, note: bool, data: st.DataObject) -> None:
    sample = attrs.evolve(sample, amount_unit=unit, unit_note=note)
    document = data.draw(renderings(sample))
    report = _assert_no_wrong_value(document, sample)
    amounts = [k for k in sample.values if k.endswith(("amount", "fee_amount"))]
    assert all(report.value(k) == sample.values[k] for k in amounts)
    assert not report.doubtful_fields() & set(amounts)


@given(sample_reports())
def test_an_amount_without_a_unit_is_doubtful(sample: SampleReport) -> None:
    text = render_canonical(sample).replace("（单位:万元）", "").replace("（单位：万元）", "")
    report = govinfo_parse.parse(text)
    amounts = {k for k in sample.values if k.endswith(("amount", "fee_amount"))}
    assert amounts <= report.doubtful_fields()


# 6. The year from the title or the statistical period, never from a date or an earlier year.
@given(sample_reports(), st.sampled_from(["annual", "work-report", "none"]), st.data())
def test_the_year_is_the_report_year_or_none(sample: SampleReport, title: str, data: st.DataObject) -> None:
    sample = attrs.evolve(sample, title=title)
    report = govinfo_parse.parse(data.draw(renderings(sample)))
    assert report.meta.year == (None if title == "none" else sample.year)


# 7. Two reports of different formats in one file.
@given(sample_reports(template="2019"), sample_reports(template="2021"), st.booleans(), st.data())
def test_two_reports_in_one_file_are_read_apart(
    first: SampleReport, second: SampleReport, swap: bool, data: st.DataObject,
) -> None:
    if swap:
        first, second = second, first
    render = data.draw(st.sampled_from([render_canonical, render_tabular, render_pdf_text]))
    text = render(first) + "\n" + render(second)
    only_first = govinfo_parse.parse(text)
    assert only_first.to_flat() == first.expected_flat()
    assert "more-reports" in {d.code for d in only_first.diagnostics}
    assert [r.to_flat() for r in govinfo_parse.parse_all(text)] == [first.expected_flat(), second.expected_flat()]


# 8. A number split in two beside blank cells: printed (one cell per line, tab-separated rows),
#    or leaving no trace (PDF text).
@given(sample_reports(sparse=True), st.integers(0, 10_000),
       st.sampled_from([render_canonical, render_tabular, render_pdf_text]))
def test_a_number_split_beside_blanks_never_shifts_a_row(
    sample: SampleReport, choice: int, render: object,
) -> None:
    # Printed blanks: the split makes a row one cell too long, as the blank remains of a merged
    # label cell would, and dropping a blank at the row's start is right only where the row then
    # adds up.  Blanks with no trace: the split makes up the row's seven numbers, one column off,
    # and only the row's total tells: section 三's rows have one, section 二's rows none (their
    # values are read as the text shows them, see ``_damages_for_pdf_text``).
    report = govinfo_parse.parse(DAMAGES["split_digits"](render(sample), choice))  # type: ignore[operator]
    checked = "" if render is not render_pdf_text else "requests."
    assert [w for w in sample.wrong_values(report) if w.startswith(checked)] == []
