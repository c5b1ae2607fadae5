"""Arbitrary bytes and text: a report with diagnostics, or one of the library's documented errors.

Never any other exception, for any layout: the inputs are steered into every
converter (PDF, Word, HTML signatures) and every layout (tabs, pipes, cell
lines, numbers under table labels).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govinfo_parse
from govinfo_parse import GovinfoParseError, Report
from govinfo_parse.testing.hostile import minimal_docx, minimal_pdf

# Documented failures for input that is not a report at all (docs/reference/errors.md).
DOCUMENTED = (
    govinfo_parse.DecodingError,
    govinfo_parse.UnreadableDocumentError,
    govinfo_parse.ResourceLimitError,
    govinfo_parse.MissingDependencyError,
)

_SIGNATURES = st.sampled_from([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<html><body><table><tr><td>",
                               b"\xef\xbb\xbf", b"\xff\xfe", "一、总体情况\n".encode("gb18030")])
_PIECES = st.sampled_from([
    "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
    "信息内容", "本年新制作数量", "规章", "自然人", "总计", "本年新收政府信息公开申请数量", "（一）予以公开",
    "结果维持", "行政复议", "第二十条第（一）项", "1", "0", "-3", "1,234", "29209.84万元", "/", "无", "\t", " ",
    "|", "---", "\n", "\n\n", "- 3 -", "\f", "（", "）", "\r\n", "\x00", "\ud800", "\u3000", "<td>", "</tr>",
])
# Text assembled from the words and separators of real tables, so every layout's sniffer bites.
_TABLEISH = st.lists(_PIECES, max_size=300).map("".join)
_ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=2000)


def _parse(document: bytes | str) -> Report | None:
    try:
        report = govinfo_parse.parse(document)
    except DOCUMENTED:
        return None
    assert isinstance(report, Report)
    assert govinfo_parse.from_dict(govinfo_parse.to_dict(report)).to_flat() == report.to_flat()
    return report


@given(st.tuples(_SIGNATURES, st.binary(max_size=3000)).map(b"".join))
def test_arbitrary_bytes(data: bytes) -> None:
    _parse(data)


@given(_ANY_TEXT)
def test_arbitrary_text_including_lone_surrogates_and_nul(text: str) -> None:
    _parse(text)


@given(_TABLEISH)
def test_table_shaped_junk_as_text_and_as_bytes_in_other_encodings(text: str) -> None:
    _parse(text)
    clean = text.replace("\ud800", "")
    for encoding in ("utf-8", "gb18030", "utf-16"):
        _parse(clean.encode(encoding))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_TABLEISH)
def test_table_shaped_junk_inside_word_and_pdf_files(text: str) -> None:
    clean = text.replace("\ud800", "").replace("\x00", "")
    paragraphs = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in
                         clean.replace("&", "&amp;").replace("<", "&lt;").split("\n"))
    xml = ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
           f'2006/main"><w:body>{paragraphs}</w:body></w:document>')
    _parse(minimal_docx(xml.encode("utf-8", "replace")))
    ascii_only = clean.encode("ascii", "replace").replace(b"(", b"").replace(b")", b"").replace(b"\\", b"")
    _parse(minimal_pdf([b"BT /F1 10 Tf 72 700 Td (" + ascii_only[:500] + b") Tj ET"]))


def test_the_errors_are_the_documented_ones() -> None:
    assert all(issubclass(error, GovinfoParseError) for error in DOCUMENTED)


@given(st.one_of(_ANY_TEXT, _TABLEISH))
def test_normalisation_of_any_text_is_idempotent(text: str) -> None:
    from govinfo_parse.text import normalize_str  # noqa: PLC0415

    once = normalize_str(text)
    assert normalize_str(once) == once
