"""RTF files: paragraphs as lines, tables laid on their grid by their cells' edges, read as a .docx's.

tests/data/rtf holds a report LibreOffice wrote as RTF (``soffice --convert-to rtf``),
its values beside it (generated reports go through soffice in test_doc_file.py); Word's way of writing Chinese (bytes in code page 936, or
``\\uN`` with two-byte fallbacks) is made from it by rewriting its characters.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from govinfo_parse_layouts.rtf_file import rtf_to_text
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo_parse

DATA = Path(__file__).resolve().parents[1] / "data" / "rtf"
_LIBREOFFICE_CHAR = re.compile(rb"\\u(-?\d+)\\'3f")  # LibreOffice: \uN, then ? as the fallback


def _as_word_writes(rtf: bytes, *, unicode: bool) -> bytes:
    r"""The same document as a Chinese Word writes it: \ansicpg936, and GBK bytes (after \uN with \uc2)."""
    def gbk(m: re.Match[bytes]) -> bytes:
        char = chr(int(m.group(1)) % 65536)
        try:
            code = "".join(f"\\'{b:02x}" for b in char.encode("gbk")).encode()
        except UnicodeEncodeError:
            return m.group()
        if len(code) != 8:  # a character GBK writes in one byte: left as it was
            return m.group()
        return (b"\\uc2\\u" + m.group(1) + b" " + code) if unicode else code

    return _LIBREOFFICE_CHAR.sub(gbk, rtf).replace(b"{\\rtf1", b"{\\rtf1\\ansi\\ansicpg936", 1)


def _expected() -> object:
    return json.loads((DATA / "example-2019.expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("written", ["libreoffice", "word-bytes", "word-unicode"])
def test_an_rtf_report_gives_every_value_it_states(written: str) -> None:
    data = (DATA / "example-2019.rtf").read_bytes()
    if written != "libreoffice":
        data = _as_word_writes(data, unicode=written == "word-unicode")
        assert b"\\'" in data
    report = govinfo_parse.parse(data, path="report.doc")
    assert json.loads(json.dumps(report.to_flat(), default=str)) == _expected()
    assert report.source.format == "rtf"
    assert {c.layout for c in report.cells()} == {"docx"}


def test_rtf_and_doc_of_one_report_give_the_same_text() -> None:
    from govinfo_parse_layouts.doc_file import doc_to_text  # noqa: PLC0415

    rtf = rtf_to_text((DATA / "example-2019.rtf").read_bytes())
    assert rtf == doc_to_text((DATA.parent / "doc" / "example-2019.doc").read_bytes())


def test_what_is_not_text_stays_out() -> None:
    # The picture's three bytes of data look like a group's end and start: they are data.
    rtf = (rb"{\rtf1\ansi{\fonttbl{\f0 SimSun;}}{\*\generator x;}{\info{\title T}}"
           rb"{\pict\pngblip\bin3 }{\}"
           rb"a{\field{\*\fldinst PAGE}{\fldrslt 3}}b\par "
           rb"\trowd\trleft0\cellx1000\cellx2000\pard\intbl c\cell d\cell\row\pard e\tab f\par}")
    assert rtf_to_text(rtf) == "a3b\nc\td\ne f\n"


def test_an_rtf_file_without_text_is_named() -> None:
    with pytest.raises(govinfo_parse.CorruptDocumentError, match="holds no text"):
        govinfo_parse.parse(rb"{\rtf1\ansi{\fonttbl{\f0 SimSun;}}}")


def test_characters_beyond_the_bmp_and_stray_backslashes() -> None:
    # Word writes 😀 as a surrogate pair of \uN; a lone one is replaced; a backslash that starts nothing is dropped.
    data = b"{\\rtf1 a\\'zzb \\u-10179?\\u-8704? c\\u-10179? d\\"
    assert rtf_to_text(data) == "a'zzb \U0001f600 c\ufffd d\n"


_EXAMPLE = (DATA / "example-2019.rtf").read_bytes() if (DATA / "example-2019.rtf").exists() else b""


@settings(max_examples=40, deadline=None)
@given(flips=st.lists(st.tuples(st.integers(0, max(0, len(_EXAMPLE) - 1)),
                                st.sampled_from(list(b"{}\\'0123456789abu-* \n\xff"))), min_size=1, max_size=60))
def test_a_damaged_rtf_file_gives_a_report_or_its_own_error(flips: list[tuple[int, int]]) -> None:
    data = bytearray(_EXAMPLE)
    for at, value in flips:
        data[at] = value
    try:
        report = govinfo_parse.parse(bytes(data))
    except govinfo_parse.GovinfoParseError:
        return  # named and specific; any other exception is a bug
    report.to_flat()


def test_bytes_left_unescaped_are_read_in_the_documents_code_page() -> None:
    data = b"{\\rtf1\\ansi\\ansicpg936 " + "总计\\par 合计".encode("gbk") + b"\\'d6\\'d0}"
    assert rtf_to_text(data) == "总计\n合计中\n"
