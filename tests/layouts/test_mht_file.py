"""Web archives (.mht): a page saved as one MIME file, read as its HTML page is."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_parse
from govinfo_parse.testing import SampleReport
from govinfo_parse.testing.html import render_html, web_archive
from govinfo_parse.testing.strategies import sample_reports


@given(sample=sample_reports(blanks=True), word=st.booleans(),
       charset=st.sampled_from(["gb18030", "gb2312", "utf-8"]),
       transfer=st.sampled_from(["quoted-printable", "base64"]))
def test_a_saved_page_reads_as_the_page_does(sample: SampleReport, word: bool, charset: str, transfer: str) -> None:
    html = render_html(sample, word=word, charset=charset)
    report = govinfo_parse.parse(web_archive(html, charset=charset, transfer=transfer), path="report.doc")
    assert report.to_flat() == sample.expected_flat()
    assert report.to_flat() == govinfo_parse.parse(html.encode(charset)).to_flat()
    assert report.source.format == "html"


def test_the_parts_header_names_the_charset_whatever_the_page_says() -> None:
    sample = SampleReport(template="2019", values={"requests.total.total": 7})
    html = render_html(sample, charset="utf-8")  # its <meta> says utf-8; the part is GB18030
    report = govinfo_parse.parse(web_archive(html, charset="gb18030"))
    assert report.meta.organ == sample.organ
    assert report.value("requests.total.total") == 7


def test_a_web_archive_without_a_page_is_named() -> None:
    data = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
            b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n")
    with pytest.raises(govinfo_parse.UnreadableDocumentError, match="holds no HTML page"):
        govinfo_parse.parse(data)


def test_text_that_quotes_mime_headers_is_not_taken_for_an_archive() -> None:
    text = "一、总体情况\nMIME-Version: 1.0\nContent-Type: multipart/related\n".encode()
    assert govinfo_parse.parse(text).source.format == "text"
