"""Text laid out by characters (pdftotext -layout, pdfplumber's layout=True): blanks keep their places.

Such text puts a page's columns at fixed character offsets, different from
one page to the next; a cell the table leaves blank is a run of spaces.  A row
that printed fewer numbers than its table has columns is placed by the rows
of its page that printed them all, or left out.  A label wrapped above and below
a row of numbers alone may leave it unclear which label the numbers belong to;
those values are left out, not guessed.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings

import govinfo_parse
from govinfo_parse.testing import SampleReport
from govinfo_parse.testing.strategies import sample_reports
from govinfo_parse.testing.tools import available_tools, convert

# Where the seven requests columns start on each page, as pdftotext -layout placed them.
_PAGE_1 = (30, 38, 50, 56, 62, 69, 75)
_PAGE_2 = (49, 59, 70, 81, 90, 100, 110)


def _line(label: str, numbers: dict[int, str], starts: tuple[int, ...], indent: int = 0) -> str:
    """``label``, then each number at its column's start (blank columns: spaces)."""
    line = " " * indent + label
    for column, start in enumerate(starts):
        if column in numbers:
            line = line.ljust(start) + numbers[column]
    return line


def _report(page_2_rows: list[tuple[str, dict[int, str]]], page_2: tuple[int, ...] = _PAGE_2) -> str:
    page_1 = [
        "某县2021年政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
        " " * 30 + "申请人情况" + " " * 60,
        " " * 82,  # a line the extractor padded with spaces: an empty line, not a blank cell
        _line("一、本年新收政府信息公开申请数量", dict(enumerate("3 1 2 4 5 6 21".split())), _PAGE_1),
        _line("二、上年结转政府信息公开申请数量", dict(enumerate("1 1 1 1 1 1 6".split())), _PAGE_1),
        _line("（一）予以公开", {0: "2", 3: "1", 6: "3"}, _PAGE_1, indent=14),
    ]
    rows = [_line(label, numbers, page_2, indent=14) for label, numbers in page_2_rows]
    return "\n".join(page_1) + "\n\f" + "\n".join(rows) + "\n"


_TOTAL = ("（七）总计", dict(enumerate("4 2 3 5 6 7 27".split())))


def test_a_sparse_row_is_placed_by_the_full_rows_of_its_page() -> None:
    text = _report([("（二）部分公开", {1: "12", 4: "3", 6: "15"}), _TOTAL])
    report = govinfo_parse.parse(text)
    assert report.value("requests.granted.natural_person") == 2
    assert report.value("requests.granted.nonprofit") == 1
    assert report.value("requests.granted.total") == 3
    assert report.value("requests.partially_granted.commercial") == 12
    assert report.value("requests.partially_granted.legal_service") == 3
    assert report.value("requests.partially_granted.total") == 15
    flat = report.to_flat()
    assert "requests.granted.commercial" not in flat  # a blank gives no value
    assert "requests.partially_granted.natural_person" not in flat


def test_the_columns_of_one_page_are_not_used_on_another() -> None:
    # Page 2 prints no full row: its sparse rows are not placed by page 1's columns.
    text = _report([("（二）部分公开", {1: "12", 4: "3", 6: "15"})])
    flat = govinfo_parse.parse(text).to_flat()
    assert not any(k.startswith("requests.partially_granted.") for k in flat)
    assert flat["requests.granted.total"] == 3  # page 1's row, placed by page 1's full rows


def test_a_number_that_stands_under_two_columns_is_not_placed() -> None:
    # Printed at the commercial column's start, twelve digits reach into the research
    # column (eleven columns to the right): the row stays out.
    text = _report([("（二）部分公开", {1: "123456789012", 6: "123456789012"}), _TOTAL])
    flat = govinfo_parse.parse(text).to_flat()
    assert not any(k.startswith("requests.partially_granted.") for k in flat)


def test_rows_whose_numbers_do_not_line_up_place_nothing() -> None:
    # Two full rows on page 2 disagree about where the columns stand.
    shifted = (52, 62, 73, 84, 93, 103, 113)
    text = _report([("（二）部分公开", {1: "12", 4: "3", 6: "15"}), _TOTAL]).rstrip("\n")
    text += "\n" + _line("四、结转下年度继续办理", dict(enumerate("1 1 1 1 1 1 6".split())), shifted) + "\n"
    flat = govinfo_parse.parse(text).to_flat()
    assert not any(k.startswith("requests.partially_granted.") for k in flat)


def test_cells_parted_by_a_fixed_run_of_spaces_are_not_taken_for_columns() -> None:
    # Merely spaced text: every cell follows the one before it after two spaces, a blank leaves
    # nothing.  The full rows' numbers line up only because their labels are equally long; the
    # sparse row's three numbers happen to stand under the last three columns, and would even
    # add up there (5 + 3 = 8).
    full = ["一、本年新收政府信息公开申请数量  3  1  2  4  5  6  21",
            "二、上年结转政府信息公开申请数量  1  1  1  1  1  1  6"]
    sparse = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）  5  3  8"
    assert sparse.index("5") == full[0].index("5")  # under the legal-service column
    text = "\n".join(["某县2021年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", *full, sparse]) + "\n"
    flat = govinfo_parse.parse(text).to_flat()
    assert flat["requests.new_received.total"] == 21
    assert not any(k.startswith("requests.partially_granted.") for k in flat)


# A full row whose total is as wide as a number in pieces ("1 5").
_WIDE_TOTAL = ("（七）总计", dict(enumerate("40 20 30 50 60 70 270".split())))


def test_a_number_in_pieces_under_one_column_does_not_shift_the_row_past_its_blank() -> None:
    # "1 5" under the total column: counted in order, its pieces would make up for the blank
    # research cell and shift every number after it one column left.
    text = _report([("（二）部分公开", {0: "2", 1: "4", 3: "3", 4: "1", 5: "5", 6: "1 5"}), _WIDE_TOTAL])
    report = govinfo_parse.parse(text)
    assert report.value("requests.partially_granted.nonprofit") == 3
    assert report.value("requests.partially_granted.other_org") == 5
    assert report.value("requests.partially_granted.total") == 15  # joined: the row adds up
    total = report.cell("requests.partially_granted.total")
    assert total.raw == "1 5"
    assert total.origin.value == "derived"  # the join is the arithmetic's choice, with its rule
    assert "joined where the row then adds up" in total.rule
    assert "requests.partially_granted.research" not in report.to_flat()


def test_pieces_under_one_column_that_do_not_add_up_are_left_out() -> None:
    text = _report([("（二）部分公开", {0: "2", 1: "4", 3: "3", 4: "1", 5: "5", 6: "1 6"}), _WIDE_TOTAL])
    report = govinfo_parse.parse(text)
    flat = report.to_flat()
    assert "requests.partially_granted.total" not in flat
    assert flat["requests.partially_granted.nonprofit"] == 3  # the others stand under their columns
    assert any(d.code == "unreadable-value" and "requests.partially_granted.total" in d.field_ids
               for d in report.diagnostics)


_LAID_OUT = [t for t in ("pdftotext-layout", "pdfplumber-layout") if t in available_tools()]


@pytest.mark.parametrize("tool", _LAID_OUT or [pytest.param("none", marks=pytest.mark.skip(
    reason="neither pdftotext nor pdfplumber is installed"))])
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sample=sample_reports(sparse=True))
def test_a_sparse_report_through_a_laid_out_extractor_reads_its_requests_table(
    tool: str, sample: SampleReport,
) -> None:
    # Every page of the table prints a full row when the first and last rows have no zero.
    ends = [k for k in sample.values if k.startswith(("requests.new_received.", "requests.carried_forward."))]
    assume(len(ends) == 14)
    report = govinfo_parse.parse(convert(tool, sample))
    assert sample.wrong_values(report) == []
    flat = report.to_flat()
    requests = {k for k in sample.values if k.startswith("requests.")}
    read = requests & set(flat)
    # Nearly all: a blank row whose label wraps around another row's numbers may leave
    # that row's orientation undecided, and its values out (see the module docstring).
    assert len(read) >= 0.85 * len(requests), sorted(requests - read)


_CARRIED_FORWARD = ("四、结转下年度继续办理", dict(enumerate("0 0 0 0 0 0 0".split())))


def test_a_row_without_its_total_is_kept_where_the_column_rules_vouch_for_each_value() -> None:
    # 总计 printed no total: its six numbers stand in their columns, and new + carried over =
    # total + carried forward holds for each of them.
    no_total = ("（七）总计", dict(enumerate("4 2 3 5 6 7".split())))
    report = govinfo_parse.parse(_report([no_total, _CARRIED_FORWARD]))
    assert report.value("requests.total.other_org") == 7
    assert report.value("requests.total.total") is None


def test_a_row_whose_numbers_moved_a_column_leaving_the_total_blank_is_left_out() -> None:
    # 总计's 6 and 7 glued (67), and the extractor moved the numbers after them a column left:
    # 67 under 法律服务机构, its total 27 under 其他, the total's column blank.  The column rules
    # do not vouch for 67 or 27.
    moved = ("（七）总计", dict(enumerate("4 2 3 5 67 27".split())))
    report = govinfo_parse.parse(_report([moved, _CARRIED_FORWARD]))
    assert not [k for k in report.to_flat() if k.startswith("requests.total.")]
    assert any(d.code == "cell-count" and "total's column blank" in d.message for d in report.diagnostics)
