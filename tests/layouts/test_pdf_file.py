"""PDF files read directly: pages, and the errors of unreadable PDFs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import example, given, settings

import govinfo_parse
from govinfo_parse import cli, fields
from govinfo_parse.testing import SampleReport
from govinfo_parse.testing.strategies import sample_reports
from tests.conftest import SHARED

pytest.importorskip("pypdfium2")
pdf = pytest.importorskip("govinfo_parse.testing.pdf")
pytest.importorskip("reportlab")


ALL_ZERO = SampleReport(template="2019", year=2019, values={
    f: 0 for t in ("active", "requests", "appeals") for f in fields.FORMATS["2019"].expected_fields(t)})


@settings(max_examples=6)
@given(sample_reports(blanks=True))
@example(ALL_ZERO)  # numbers alone under a wrapped label, the next row's label wrapped onto its numbers
def test_a_generated_pdf_file_parses_to_its_values(sample: SampleReport) -> None:
    report = govinfo_parse.parse(pdf.render_pdf(sample), path="report.pdf")
    assert report.source.format == "pdf"
    flat = report.to_flat()
    # Blank cells vanish from PDF text: arithmetic may fill them, marked derived.
    assert sample.wrong_values(report, narrative=True) == []
    if not sample.placeholders:
        assert flat == sample.expected_flat()
    pages = {c.span.page for c in report.cells() if c.span}
    assert pages <= {1, 2, 3}
    assert len(pages) >= 2  # the requests table runs over a page break


def test_published_pdf_file_by_content(tmp_path: Path) -> None:
    source = SHARED / "corpus" / "pdf" / "huaian-2024.pdf"
    if not source.exists():
        pytest.skip("../shared/corpus is absent")
    target = tmp_path / "download.bin"  # the name says nothing
    target.write_bytes(source.read_bytes())
    report = govinfo_parse.parse_file(target)
    assert report.value("requests.new_received.total") == 3119
    assert report.cell("requests.new_received.total").span.page == 4


def _blank_pdf(*, encrypt: str | None = None) -> bytes:
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    out = io.BytesIO()
    page = canvas.Canvas(out, encrypt=encrypt)
    page.rect(100, 100, 200, 300)  # a drawing, no text: like a scanned page
    if encrypt:
        page.drawString(100, 500, "一、总体情况 some text on the page")
    page.showPage()
    page.save()
    return out.getvalue()


@pytest.mark.parametrize(("data", "error"), [
    (_blank_pdf(), govinfo_parse.NoTextLayerError),
    (_blank_pdf(encrypt="secret"), govinfo_parse.EncryptedDocumentError),
    (_blank_pdf()[:200], govinfo_parse.CorruptDocumentError),
])
def test_unreadable_pdfs_get_specific_errors(data: bytes, error: type[Exception], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(error):
        govinfo_parse.parse(data)
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    assert cli.main(["parse", str(path)]) == cli.EXIT_UNREADABLE
    assert "Traceback" not in capsys.readouterr().err


def _inflated_total(data: bytes) -> int:
    """What every deflated stream of ``data`` inflates to, by zlib in one go."""
    import re  # noqa: PLC0415
    import zlib  # noqa: PLC0415

    total = 0
    for m in re.finditer(rb"stream\r?\n", data):
        end = data.find(b"endstream", m.end())
        try:
            total += len(zlib.decompressobj().decompress(data[m.end(): end]))
        except zlib.error:
            continue
    return total


@pytest.mark.parametrize("inflater", ["zlib", "isal"])
def test_the_bomb_check_counts_every_inflated_byte_with_either_inflater(inflater: str) -> None:
    # The check refuses exactly past the limit, whichever module inflates (ISA-L's or zlib's).
    import zlib  # noqa: PLC0415

    from govinfo_parse import ResourceLimitError  # noqa: PLC0415
    from govinfo_parse.testing.hostile import minimal_pdf  # noqa: PLC0415
    from govinfo_parse_layouts.pdf_file import _check_inflated_size  # noqa: PLC0415

    module = zlib if inflater == "zlib" else pytest.importorskip("isal.isal_zlib")
    # Three pages, one of them inflating past the check's chunk of 1 MiB.
    data = minimal_pdf([b"BT /F1 12 Tf 72 700 Td (" + bytes(range(65, 91)) * n + b") Tj ET"
                        for n in (10, 50_000, 3)], compress=True)
    total = _inflated_total(data)
    assert total > 1 << 20
    _check_inflated_size(data, "report.pdf", total, inflate=module)
    with pytest.raises(ResourceLimitError, match="decompression bomb"):
        _check_inflated_size(data, "report.pdf", total - 1, inflate=module)
