"""Decoding and normalisation, with positions kept."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_parse
from govinfo_parse.errors import DecodingError
from govinfo_parse.text import decode, normalize, normalize_str

SAMPLE = "二、主动公开政府信息情况\n\t行政许可\n\t127,028\n“三安全一稳定”……（一）\n"


@pytest.mark.parametrize(("data", "encoding"), [
    (SAMPLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
    (SAMPLE.encode("utf-16"), "utf-16"),
    (SAMPLE.encode("gb18030"), "gb18030"),
])
def test_decode(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert text == SAMPLE
    assert found.replace("_", "-").lower() == encoding


def test_decode_rejects_binary() -> None:
    with pytest.raises(DecodingError):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8")


@pytest.mark.parametrize(("raw", "folded"), [
    ("（一）", "(一)"), ("１２７，０２８", "127,028"), ("－４", "-4"), ("“三安全一稳定”", '"三安全一稳定"'),
    ("a\u00a0b\u3000c", "a b c"), ("a\u200bb", "ab"), ("x\r\ny\rz", "x\ny\nz"), ("⼆、⾏政", "二、行政"),
    ("……", "......"), ("\t0", "\t0"),
])
def test_folds(raw: str, folded: str) -> None:
    assert normalize(raw).text == folded == normalize_str(raw)


_TEXTS = st.text(
    alphabet=st.sampled_from(list("一二行政（）１２,，0123\t\n\r \u00a0\u3000\u200b…“”—－⼆㎡℃ab")), max_size=60
)


@given(_TEXTS)
def test_normalisation_is_idempotent(raw: str) -> None:
    once = normalize_str(raw)
    assert normalize_str(once) == once


@given(_TEXTS)
def test_every_normalised_character_maps_back_to_its_source(raw: str) -> None:
    source = normalize(raw)
    for i, char in enumerate(source.text):
        back = source.raw_slice(i, i + 1) or raw[source.to_raw(i)]
        assert normalize_str(back).startswith(char) or char in normalize_str(back), (i, char, back)
    assert source.to_raw(len(source.text)) == len(raw)


def _raw_offsets_folding_one_character_at_a_time(raw: str) -> list[int]:
    """For each normalised offset of ``raw`` (and its end), the raw offset it came from: CRLF and
    each character folded alone, in order."""
    offsets: list[int] = []
    i = 0
    while i < len(raw):
        piece = "\r\n" if raw.startswith("\r\n", i) else raw[i]
        offsets += [i] * len(normalize_str(piece))
        i += len(piece)
    return [*offsets, len(raw)]


@given(st.text(alphabet=st.sampled_from(list("一行（）１,0\t\n\r \u200b…㈠㎡℃①ａ⼆\ufeff\u00ad")), max_size=40))
def test_each_normalised_offset_maps_to_the_character_it_was_folded_from(raw: str) -> None:
    source = normalize(raw)
    expected = _raw_offsets_folding_one_character_at_a_time(raw)
    assert len(source.text) + 1 == len(expected)
    assert [source.to_raw(i) for i in range(len(source.text) + 1)] == expected


def test_span_line_and_column() -> None:
    source = normalize("第一行\r\n（二）行\r\n\t１２")
    start = source.text.index("12")
    span = source.span(start, start + 2)
    assert (span.line, span.column) == (3, 2)
    assert source.raw_slice(start, start + 2) == "１２"


def test_the_kept_simplified_table_is_opencc_one_character_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from govinfo_parse import text  # noqa: PLC0415

    monkeypatch.setenv("GOVINFO_PARSE_CACHE", str(tmp_path))
    text._simplified_table.cache_clear()
    try:
        made = text._simplified_table()
        text._simplified_table.cache_clear()
        kept = text._simplified_table()  # read back from the file
        assert made == kept
        assert kept is not None
        assert (tmp_path / "t2s-characters.json").is_file()
        convert = text._to_simplified()
        for codepoint in text._CJK_RANGE:
            char = chr(codepoint)
            by_opencc = convert(char)
            assert kept.get(char, char) == (by_opencc if len(by_opencc) == 1 else char), char
        assert text.normalize_str("規章與檔案") == "规章与档案"
    finally:
        text._simplified_table.cache_clear()


def test_a_zip_no_converter_reads_is_named_with_what_to_do() -> None:
    import io  # noqa: PLC0415
    import zipfile  # noqa: PLC0415

    from govinfo_parse.text import packaged_format  # noqa: PLC0415

    def zipped(*names: str) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            for name in names:
                archive.writestr(name, b"x")
        return out.getvalue()

    assert "OFD document" in (packaged_format(zipped("OFD.xml", "Doc_0/Document.xml")) or "")
    assert "Excel workbook (.xlsx)" in (packaged_format(zipped("[Content_Types].xml", "xl/workbook.xml")) or "")
    assert "OpenDocument" in (packaged_format(zipped("mimetype", "content.xml")) or "")
    assert packaged_format(zipped("a.txt", "b.txt", "c.pdf", "d.pdf")) == (
        "a zip archive of 4 file(s) (a.txt, b.txt, c.pdf and 1 more); unpack it and parse the reports inside")
    assert packaged_format(b"PK\x03\x04" + b"\0" * 40) == "a damaged zip archive, not a report"
    assert packaged_format("一、总体情况".encode()) is None
    with pytest.raises(govinfo_parse.UnreadableDocumentError, match="OFD document"):
        govinfo_parse.parse(zipped("OFD.xml"), path="report.ofd")
