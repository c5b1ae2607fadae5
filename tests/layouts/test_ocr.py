"""Scanned reports, read by OCR: a recognised value is kept only where the table vouches for it."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import govinfo_parse
from govinfo_parse import Origin, fields, hookimpl
from govinfo_parse.layout import ConvertedDocument
from govinfo_parse.ocr import FORMAT
from govinfo_parse.plugins import get_plugin_manager
from govinfo_parse.testing import SampleReport
from govinfo_parse.testing.pdftext import render_pdf_text
from govinfo_parse.testing.strategies import ocr_noised, sample_reports

if TYPE_CHECKING:
    from pathlib import Path

    import pluggy

    from govinfo_parse.fields import Template
    from govinfo_parse.ocr import TextBox

try:  # installed, and its libraries load (OpenCV needs libGL)
    import rapidocr_onnxruntime  # noqa: F401
except ImportError:
    ENGINE = False
else:
    ENGINE = True
needs_engine = pytest.mark.skipif(not ENGINE, reason="the ocr extra is not installed (or OpenCV lacks libGL)")


class _Recognised:
    """A converter handing the pipeline ``text`` as if an engine had recognised it.

    ``read_twice``: the offsets of the characters a second reading gave alike.
    """

    def __init__(self, text: str, confidence: float = 0.99, read_twice: frozenset[int] = frozenset()) -> None:
        self.text, self.confidence, self.read_twice = text, confidence, read_twice

    @hookimpl(tryfirst=True)
    def govinfo_convert_document(self, data: bytes | str, path: str | None) -> ConvertedDocument | None:  # noqa: ARG002
        if data != b"scanned":
            return None
        return ConvertedDocument(text=self.text, format=FORMAT,
                                 confidences=dict.fromkeys(range(len(self.text)), self.confidence),
                                 read_twice=self.read_twice)


def _read_as_recognised(
    text: str, confidence: float = 0.99, read_twice: frozenset[int] = frozenset(),
) -> govinfo_parse.Report:
    pm: pluggy.PluginManager = get_plugin_manager()
    pm.register(_Recognised(text, confidence, read_twice), name="recognised")
    return govinfo_parse.parse(b"scanned", plugin_manager=pm)


def _every_character(text: str) -> frozenset[int]:
    return frozenset(range(len(text)))


def _lines_alike(read: str, truth: str) -> frozenset[int]:
    """The offsets in ``read`` of the lines read as ``truth`` has them: what a second reading confirms."""
    offsets: set[int] = set()
    at = 0
    for line, true_line in zip(read.split("\n"), truth.split("\n"), strict=True):
        if line == true_line:
            offsets.update(range(at, at + len(line)))
        at += len(line) + 1
    return frozenset(offsets)


def _full() -> SampleReport:
    """Every cell printed: zeros, but for the rows a request went through (they add up)."""
    values: dict[str, int] = {}
    for table in ("active", "requests", "appeals"):
        values.update(dict.fromkeys(fields.FORMATS["2019"].expected_fields(table), 0))
    for row in ("new_received", "granted", "total"):
        values.update({f"requests.{row}.{c}": v for c, v in zip(
            fields.REQUESTS_COLUMNS, (16, 3, 0, 1, 0, 0, 20), strict=True)})
    values.update({f"appeals.review.{c}": v for c, v in zip(
        fields.APPEALS_COLUMNS, (2, 1, 0, 0, 3), strict=True)})
    return SampleReport(template="2019", values=values)


FULL = _full()


def test_a_2021_report_whose_sub_rows_the_engine_missed_gets_no_single_other_row() -> None:
    """The single 2019-style (六) row is the document's choice, not what the engine happened to read."""
    sample = SampleReport(template="2021", values={
        f: 0 for t in ("active", "requests", "appeals") for f in fields.FORMATS["2021"].expected_fields(t)})
    text = "\n".join(line for line in render_pdf_text(sample).splitlines() if "逾期不补正" not in line)
    report = _read_as_recognised(text)
    assert [c.field_id for c in report.cells() if c.field_id.startswith("requests.other.")
            and c.field_id.count(".") == 2] == []
    assert sample.wrong_values(report) == []


def test_a_recognised_table_that_adds_up_is_kept_as_ocr_with_its_confidence() -> None:
    report = _read_as_recognised(render_pdf_text(FULL))
    assert report.source.format == FORMAT
    cell = report.cell("requests.new_received.natural_person")
    assert cell is not None
    assert (cell.value, cell.origin, cell.confidence) == (16, Origin.OCR, 0.99)
    assert report.value("appeals.review.total") == 3
    assert FULL.wrong_values(report) == []


def test_a_misread_number_is_left_out_and_what_the_rules_force_is_derived() -> None:
    text = render_pdf_text(FULL).replace("16 3 0 1 0 0 20", "19 3 0 1 0 0 20", 1)  # one 6 read as 9
    report = _read_as_recognised(text)
    assert FULL.wrong_values(report) == []
    broken = next(d for d in report.diagnostics if d.code == "ocr-rule-broken")
    assert "requests.new_received.natural_person" in broken.field_ids or \
        "requests.new_received.total" in broken.field_ids
    values = [report.value(f"requests.new_received.{c}") for c in ("natural_person", "total")]
    assert None in values or values == [16, 20]  # left out, or forced back by the rule


def test_values_no_rule_checks_are_left_out() -> None:
    sample = attrs.evolve(FULL, values={**FULL.values, "active.regulations.made": 4})
    report = _read_as_recognised(render_pdf_text(sample))
    assert report.value("requests.new_received.total") == 20
    assert report.value("active.regulations.made") is None
    assert any(d.code == "ocr-unchecked" and "active.regulations.made" in d.field_ids
               for d in report.diagnostics)


def test_counts_no_rule_checks_are_kept_in_doubt_where_read_twice_alike() -> None:
    sample = attrs.evolve(FULL, values={**FULL.values, "active.regulations.made": 4})
    text = render_pdf_text(sample)
    report = _read_as_recognised(text, read_twice=_every_character(text))
    assert sample.wrong_values(report) == []
    cell = report.cell("active.regulations.made")
    assert cell is not None
    assert (cell.value, cell.origin) == (4, Origin.OCR)
    kept = next(d for d in report.diagnostics if d.code == "ocr-read-twice")
    assert "active.regulations.made" in kept.field_ids
    assert "requests.new_received.total" not in kept.field_ids  # vouched for by the rules
    assert "active.regulations.made" in report.doubtful_fields()
    # Left out still: signed changes (below) and amounts, whose point a speck may make or take.
    unchecked = next(d for d in report.diagnostics if d.code == "ocr-unchecked")
    assert {f.rsplit(".", 1)[1] for f in unchecked.field_ids} == {"change", "amount"}


def test_a_signed_change_is_never_kept_on_reading_alone() -> None:
    # A minus is a short stroke: a scan loses it and both readings agree on 10 for -10.
    sample = attrs.evolve(FULL, values={**FULL.values, "active.administrative_licensing.change": 10})
    text = render_pdf_text(sample)
    report = _read_as_recognised(text, read_twice=_every_character(text))
    assert report.value("active.administrative_licensing.change") is None
    assert report.value("active.administrative_licensing.decisions") == 0
    unchecked = next(d for d in report.diagnostics if d.code == "ocr-unchecked")
    assert "active.administrative_licensing.change" in unchecked.field_ids


def test_a_rule_the_report_breaks_itself_is_kept_as_printed_where_every_value_was_read_twice() -> None:
    # The report prints a review total of 0 beside 3 reviews (a real report did): read twice alike
    # everywhere, the break is the report's, as in printed text: kept, in doubt, nothing forced.
    text = render_pdf_text(FULL).replace("2 1 0 0 3", "2 1 0 0 0", 1)
    report = _read_as_recognised(text, read_twice=_every_character(text))
    assert [report.value(f"appeals.review.{c}") for c in fields.APPEALS_COLUMNS] == [2, 1, 0, 0, 0]
    assert {f"appeals.review.{c}" for c in fields.APPEALS_COLUMNS} <= report.doubtful_fields()
    assert not any(c.origin is Origin.DERIVED for c in report.cells())
    # Where one of them was not read twice alike, the break may be a misread: none of them is kept.
    where = text.index("2 1 0 0 0")
    report = _read_as_recognised(text, read_twice=_every_character(text) - {where})
    assert [report.value(f"appeals.review.{c}") for c in fields.APPEALS_COLUMNS] == [None] * 5


def test_a_value_in_a_rule_a_misread_broke_is_not_kept_on_reading_twice() -> None:
    # The review total 3 misread as 5 by both readings; the 2 beside it was not read twice alike.
    # The row's rule breaks, and the value left out for it may be the 2: the others of the row then
    # check nothing, and none of them is kept on two readings.
    text = render_pdf_text(FULL).replace("2 1 0 0 3", "2 1 0 0 5", 1)
    report = _read_as_recognised(text, read_twice=_every_character(text) - {text.index("2 1 0 0 5")})
    assert FULL.wrong_values(report) == []
    assert [report.value(f"appeals.review.{c}") for c in fields.APPEALS_COLUMNS] == [None] * 5


def test_values_the_engine_is_unsure_of_are_left_out() -> None:
    report = _read_as_recognised(render_pdf_text(FULL), confidence=0.3)
    assert not [c for c in report.cells() if c.value is not None]
    assert any(d.code == "ocr-unsure" for d in report.diagnostics)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.booleans().flatmap(lambda blanks: sample_reports(blanks=blanks)), st.data())
def test_ocr_noise_never_gives_a_wrong_value(sample: SampleReport, data: st.DataObject) -> None:
    truth = render_pdf_text(sample)
    text = data.draw(ocr_noised(truth))
    assert sample.wrong_values(_read_as_recognised(text)) == []
    # A second reading that did not share the misreads: what it gave alike is kept, in doubt or not.
    report = _read_as_recognised(text, read_twice=_lines_alike(text, truth))
    assert sample.wrong_values(report) == []


# --- with the engine --------------------------------------------------------------------------


def _scan(sample: SampleReport, **noise: object) -> bytes:
    pytest.importorskip("reportlab")
    from govinfo_parse.testing.pdf import render_pdf, renders_chinese  # noqa: PLC0415
    from govinfo_parse.testing.scan import scan_pdf  # noqa: PLC0415

    if not renders_chinese():
        pytest.skip("no Chinese font is installed for pdfium to draw the generated PDFs' text with "
                    "(Debian: fonts-wqy-microhei); their scans would hold only digits")
    return scan_pdf(render_pdf(sample), **noise)  # type: ignore[arg-type]


@needs_engine
@pytest.mark.parametrize("template", fields.TEMPLATES)
def test_a_scanned_report_gives_no_wrong_value_and_most_of_its_values(template: Template) -> None:
    @settings(max_examples=1, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck),
              phases=[Phase.generate])
    @given(sample_reports(template=template))
    def scanned(sample: SampleReport) -> None:
        report = govinfo_parse.parse(_scan(sample, dpi=150))
        assert report.source.format == FORMAT
        assert sample.wrong_values(report) == []
        read = [c for c in report.cells() if c.value is not None]
        # The detector misses some lone digits at 150 dpi: their cells are read again from their
        # ink, the rules derive some back, and counts no rule checks are read twice.
        assert len(read) >= len(sample.values) * 0.8
        assert all(c.confidence is not None for c in read if c.origin is Origin.OCR)

    scanned()


@needs_engine
def test_a_skewed_speckled_scan_gives_no_wrong_value() -> None:
    report = govinfo_parse.parse(_scan(FULL, dpi=200, skew=0.6, speckles=300, grey=True, blur=0.6, stamp=True))
    assert FULL.wrong_values(report) == []


def _lone_sixes_and_nines() -> SampleReport:
    """A 2021 report whose commercial column holds a lone 6 and a lone 9, each its row's only request."""
    values: dict[str, int] = {}
    for table in ("active", "requests", "appeals"):
        values.update(dict.fromkeys(fields.FORMATS["2021"].expected_fields(table), 0))
    for row, count in (("new_received", 15), ("denied.process_information", 6), ("other.other", 9),
                       ("total", 15)):
        values.update({f"requests.{row}.{c}": v for c, v in zip(
            fields.REQUESTS_COLUMNS, (0, count, 0, 0, 0, 0, count), strict=True)})
    return SampleReport(template="2021", values=values)


@needs_engine
def test_lone_sixes_and_nines_are_not_read_turned_over() -> None:
    # The engine guesses which way up a box of one character stands, and turned every lone 6 and
    # 9 of this table over: 6 ↔ 9 in both rows, which still add up, and in the column, whose sum
    # is the same.  Each lone 6 or 9 is now read upright by the recogniser alone.
    sample = _lone_sixes_and_nines()
    report = govinfo_parse.parse(_scan(sample, dpi=150))
    assert sample.wrong_values(report) == []
    assert report.value("requests.other.other.commercial") == 9


@needs_engine
def test_a_page_image_is_read_like_a_scanned_page() -> None:
    from govinfo_parse.testing.pdf import render_pdf  # noqa: PLC0415
    from govinfo_parse.testing.scan import page_images  # noqa: PLC0415

    pytest.importorskip("reportlab")
    pages = page_images(render_pdf(FULL), dpi=150)
    out = io.BytesIO()
    pages[0].save(out, format="PNG")  # type: ignore[attr-defined]
    report = govinfo_parse.parse(out.getvalue(), path="page.png")
    assert report.source.format == FORMAT
    assert FULL.wrong_values(report) == []


def test_the_engine_of_a_batch_worker_takes_its_share_of_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    import os  # noqa: PLC0415
    import sys  # noqa: PLC0415
    import types  # noqa: PLC0415

    from govinfo_parse import ocr  # noqa: PLC0415

    built: list[dict[str, object]] = []
    engine = types.ModuleType("rapidocr_onnxruntime")
    engine.RapidOCR = lambda **settings: built.append(settings)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", engine)
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    try:
        for processes in (4, 3, 16, 1):
            ocr.share_cores(processes)
            ocr._engine.cache_clear()  # noqa: SLF001 - as in a worker, which builds its own engine
            ocr._engine()  # noqa: SLF001
    finally:
        ocr.share_cores(1)
        ocr._engine.cache_clear()  # noqa: SLF001
    assert [b["intra_op_num_threads"] for b in built] == [2, 2, 1, -1]


def test_without_the_engine_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("reportlab")
    from govinfo_parse import ocr  # noqa: PLC0415

    monkeypatch.setattr(ocr, "available", lambda: False)
    scanned = _scan(FULL)
    with pytest.raises(govinfo_parse.NoTextLayerError, match=r"govinfo-parse\[ocr\]"):
        govinfo_parse.parse(scanned)
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    with pytest.raises(govinfo_parse.NoTextLayerError, match=r"govinfo-parse\[ocr\]"):
        govinfo_parse.parse(png)


# --- setting recognised boxes out as lines (no engine needed) ------------------------------------


def _box(text: str, left: float, top: float, width: float = 40, slope: float = 0.0) -> TextBox:
    from govinfo_parse.ocr import TextBox  # noqa: PLC0415

    return TextBox(text, left, top, left + width, top + 20, 0.99, slope)


def test_a_turned_page_keeps_each_row_on_one_line() -> None:
    from govinfo_parse.ocr import page_text  # noqa: PLC0415

    turn = 0.02  # the page turned about a degree: the row falls 20 px over 1000 px
    label = [_box(f"第{i}行标签文字很长", 10, 100 + 30 * i, width=300, slope=turn) for i in range(6)]
    numbers = [_box(str(i), 1000, 100 + 30 * i + 20, width=15, slope=turn) for i in range(6)]
    text = page_text([*label, *numbers], height_pt=842, scale=2).text
    assert [line.split()[-1] for line in text.splitlines()] == [str(i) for i in range(6)]


def test_specks_beside_digits_are_not_points() -> None:
    from govinfo_parse.ocr import page_text  # noqa: PLC0415

    boxes = [_box("一、本年新收政府信息公开申请数量", 10, 100, width=300), _box("95", 400, 100),
             _box("0.", 450, 100), _box(".0", 500, 100), _box("5.0", 550, 100)]
    assert page_text(boxes, height_pt=842, scale=2).text.split()[1:] == ["95", "0", "0", "5.0"]


def test_specks_beside_words_are_not_points_but_item_numbers_keep_theirs() -> None:
    from govinfo_parse.ocr import page_text  # noqa: PLC0415

    boxes = [_box("（七）总计.", 10, 100, width=200), _box("21", 400, 100),
             _box("1.属于国家·秘密", 10, 200, width=200), _box("0", 400, 200)]
    assert page_text(boxes, height_pt=842, scale=2).text.split() == ["（七）总计", "21", "1.属于国家秘密", "0"]


def test_a_speck_read_on_its_own_is_no_cell() -> None:
    from govinfo_parse.ocr import page_text  # noqa: PLC0415

    # A speck between two cells, read as a point, would make the row one cell too wide.
    boxes = [_box("合计", 10, 100, width=100), _box("2", 400, 100), _box(".", 450, 100),
             _box("3", 500, 100), _box("·", 550, 100), _box("5", 600, 100)]
    assert page_text(boxes, height_pt=842, scale=2).text.split() == ["合计", "2", "3", "5"]


@needs_engine
def test_the_command_line_shows_the_pages_recognised_and_what_came_of_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    from govinfo_parse import cli  # noqa: PLC0415
    from govinfo_parse.ocr import PAGE_PROGRESS  # noqa: PLC0415

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_scan(FULL))
    told: list[tuple[int, int]] = []
    token = PAGE_PROGRESS.set(lambda done, total: told.append((done, total)))
    try:
        govinfo_parse.parse_file(scan)
    finally:
        PAGE_PROGRESS.reset(token)
    assert told == [(1, 2), (2, 2)]
    assert cli.main(["parse", "--progress", str(scan)]) == cli.EXIT_OK
    out, err = capsys.readouterr()
    assert "OCR" in err
    assert "page" in err
    assert "vouched for by the rules" in out
    assert "read twice alike (in doubt)" in out


def test_a_digit_misread_alike_wherever_it_stands_is_not_vouched_for_by_rules_it_leaves_holding() -> None:
    # Nine requests, all refused as law-enforcement files: every rule that checks a 9 is "9 … = 9",
    # which still holds when the engine reads each 9 as a 6 (as it did on a real page).
    values = {f: 0 for t in ("active", "requests", "appeals") for f in fields.FORMATS["2019"].expected_fields(t)}
    for row in ("new_received", "denied.enforcement_files", "denied.total", "total"):
        values.update({f"requests.{row}.natural_person": 9, f"requests.{row}.total": 9})
    sample = SampleReport(template="2019", values=values)
    text = render_pdf_text(sample)
    start, end = text.index("三、"), text.index("四、")
    report = _read_as_recognised(text[:start] + text[start:end].replace("9", "6") + text[end:])
    assert sample.wrong_values(report) == []
    assert report.value("requests.denied.enforcement_files.total") is None
    unchecked = next(d for d in report.diagnostics if d.code == "ocr-unchecked")
    assert "requests.denied.enforcement_files.total" in unchecked.field_ids
    # Read right, the same values are still not vouched for: no rule here would see a misread 9.
    assert _read_as_recognised(text).value("requests.denied.enforcement_files.total") is None
