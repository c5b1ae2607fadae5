"""Word 97–2003 files (.doc): the text of the WordDocument stream, tables read by grid position.

The files in tests/data/doc were written by LibreOffice (``soffice --convert-to doc``)
from generated .docx reports, their values beside them; where LibreOffice is
installed, reports drawn by hypothesis go through it as well.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from govinfo_parse_layouts.doc_file import doc_to_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govinfo_parse
from govinfo_parse.testing import SampleReport
from govinfo_parse.testing.docx import render_docx
from govinfo_parse.testing.strategies import sample_reports

DATA = Path(__file__).resolve().parents[1] / "data" / "doc"
FILES = sorted(p.stem for p in DATA.glob("*.doc"))


def _as_json(flat: dict[str, object]) -> object:
    return json.loads(json.dumps(flat, default=str))


@pytest.mark.parametrize("name", FILES)
def test_a_word_97_file_gives_every_value_it_states(name: str) -> None:
    report = govinfo_parse.parse_file(DATA / f"{name}.doc")
    expected = json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))
    assert _as_json(report.to_flat()) == expected
    assert report.source.format == "doc"
    assert {c.layout for c in report.cells()} == {"docx"}  # the docx layout reads the grid
    assert not [d for d in report.diagnostics if d.severity is not govinfo_parse.Severity.INFO]


def test_cells_keep_their_raw_text_and_point_into_the_documents_text() -> None:
    data = (DATA / "example-2019.doc").read_bytes()
    report = govinfo_parse.parse(data)
    text = govinfo_parse.document_text(data)
    cell = report.cell("requests.new_received.total")
    assert cell.span is not None
    assert text[cell.span.offset : cell.span.end] == cell.raw == "88"


def test_merged_cells_are_spread_over_the_grid_as_in_a_docx() -> None:
    text = doc_to_text((DATA / "example-2019.doc").read_bytes())
    # 申请人情况 spans the seven value columns, 一、… the three label columns.
    assert "\t\t\t申请人情况\t\t\t\t\t\t\n" in text
    assert "\n一、本年新收政府信息公开申请数量\t\t\t25\t11\t9\t19\t12\t12\t88\n" in text
    # A cell continuing a vertical merge is blank, as .docx's vMerge.
    assert "\n\t（三）不予公开\t1.属于国家秘密\t15\t" in text


def _rename_stream(data: bytes, old: str, new: str) -> bytes:
    """``data`` with the compound-file directory entry ``old`` renamed (its name and its length)."""
    at = data.index(old.encode("utf-16-le") + b"\0\0")
    name = new.encode("utf-16-le") + b"\0\0"
    out = bytearray(data)
    out[at : at + 64] = name.ljust(64, b"\0")
    out[at + 64 : at + 66] = len(name).to_bytes(2, "little")
    return bytes(out)


def _with_word_header(data: bytes, at: int, value: bytes) -> bytes:
    """``data`` with bytes of the WordDocument stream's header replaced (the stream found by its signature)."""
    start = data.index(b"\xec\xa5")  # wIdent, the stream's first two bytes
    return data[: start + at] + value + data[start + at + len(value):]


def test_files_that_are_not_word_97_documents_are_named() -> None:
    data = (DATA / "example-2019.doc").read_bytes()
    with pytest.raises(govinfo_parse.UnreadableDocumentError, match=r"Excel 97–2003 workbook \(\.xls\)"):
        govinfo_parse.parse(_rename_stream(data, "WordDocument", "Workbook"))
    with pytest.raises(govinfo_parse.EncryptedDocumentError, match="password"):
        govinfo_parse.parse(_with_word_header(data, 11, b"\x13"))  # fEncrypted (0x0100) set among the flags
    with pytest.raises(govinfo_parse.UnreadableDocumentError, match="Word 6.0/95"):
        govinfo_parse.parse(_with_word_header(data, 2, (100).to_bytes(2, "little")))  # nFib of Word 95


@pytest.mark.parametrize("cut", [512, 5000, 20_000, 39_000])
def test_a_truncated_word_97_file_is_reported_damaged(cut: int) -> None:
    data = (DATA / "blanks-2021.doc").read_bytes()
    with pytest.raises(govinfo_parse.CorruptDocumentError, match="damaged"):
        govinfo_parse.parse(data[:cut])


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("saved_as", ["doc", "rtf"])
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(sample=sample_reports(blanks=True))
def test_reports_saved_by_libreoffice_as_doc_or_rtf_read_back_whole(
    sample: SampleReport, saved_as: str, tmp_path: Path,
) -> None:
    source = tmp_path / "report.docx"
    source.write_bytes(render_docx(sample))
    subprocess.run(["soffice", "--headless", "--convert-to", saved_as, "--outdir", str(tmp_path), str(source)],  # noqa: S603, S607
                   check=True, capture_output=True, timeout=120)
    report = govinfo_parse.parse_file(tmp_path / f"report.{saved_as}")
    assert report.to_flat() == sample.expected_flat()
    assert report.source.format == saved_as


def test_a_folder_of_reports_includes_its_word_97_files(tmp_path: Path) -> None:
    from govinfo_parse import batch  # noqa: PLC0415

    shutil.copy(DATA / "example-2019.doc", tmp_path / "report.doc")
    (tmp_path / "notes.bin").write_bytes(b"\0")
    assert list(batch.iter_inputs([str(tmp_path)])) == [str(tmp_path / "report.doc")]


def test_a_fields_result_stays_and_its_instructions_go() -> None:
    from govinfo_parse_layouts.doc_file import _without_fields  # noqa: PLC0415

    assert _without_fields("第\x13 PAGE \x143\x15页") == "第3页"
    assert _without_fields("\x13 IF \x13 PAGE \x142\x15 > 1 \x14多页\x15。") == "多页。"  # nested fields
    assert _without_fields("\x13 TOC \\o \x15正文") == "正文"  # a field with no result shown


def test_cells_are_placed_on_the_tables_grid_by_their_edges() -> None:
    from govinfo_parse_layouts.word_grid import on_grid  # noqa: PLC0415

    rows = [(["申请人情况", "总计"], (0, 2000, 2600)),
            (["自然人", "法人", "", ""], (0, 1000, 1506, 2000, 2600)),  # 1506: one column with 1500
            (["3", "1", "2", "6"], (0, 1000, 1500, 2010, 2600))]  # 2010: with 2000
    assert on_grid(rows) == [["申请人情况", "", "", "总计"], ["自然人", "法人", "", ""], ["3", "1", "2", "6"]]
    # A row whose edges do not match its cells (a damaged definition): the table stays as printed.
    assert on_grid([(["a", "b"], (0, 100)), (["1", "2", "3"], (0, 50, 100, 150))]) == [["a", "b"], ["1", "2", "3"]]


_EXAMPLE = (DATA / "example-2019.doc").read_bytes() if (DATA / "example-2019.doc").exists() else b""


@settings(max_examples=60, deadline=None)
@given(flips=st.lists(st.tuples(st.integers(0, max(0, len(_EXAMPLE) - 1)), st.integers(0, 255)),
                      min_size=1, max_size=40))
def test_a_damaged_word_97_file_gives_text_or_its_own_error(flips: list[tuple[int, int]]) -> None:
    data = bytearray(_EXAMPLE)
    for at, value in flips:
        data[at] = value
    try:
        doc_to_text(bytes(data))
    except govinfo_parse.GovinfoParseError:
        pass  # named and specific; any other exception is a bug


def test_dropping_field_instructions_takes_time_in_proportion_to_the_text() -> None:
    import time  # noqa: PLC0415

    from govinfo_parse_layouts.doc_file import _without_fields  # noqa: PLC0415

    def seconds(n: int) -> float:  # n fields opened and shown, never closed (a damaged file)
        text = "\x13\x14" * n + "正文" * n
        start = time.perf_counter()
        assert _without_fields(text) == "正文" * n
        return time.perf_counter() - start

    small, large = min(seconds(5_000) for _ in range(3)), min(seconds(40_000) for _ in range(3))
    assert large / max(small, 1e-6) < 30  # linear: ~8 for 8x the text; a scan of the open fields per character: ~64
