"""Hostile and broken files, made on the spot, for testing what a parser does with them.

Every builder returns the bytes of one file, needing nothing beyond the
standard library, so a plugin author can run the same gauntlet as the built-in
converters::

    from govinfo_parse.testing.hostile import HOSTILE

    for case in HOSTILE.values():
        try:
            report = govinfo_parse.parse(case.build())
        except govinfo_parse.GovinfoParseError:
            pass  # documented, specific; anything else is a bug

``HOSTILE`` maps a case name to what it is and what govinfo_parse does with
it (the table in docs/reference/errors.md is made from the same list).
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from typing import TYPE_CHECKING, Final

import attrs

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["ADVERSARIAL_TEXTS", "HOSTILE", "Hostile", "minimal_docx", "minimal_pdf"]

_MIB: Final = 1024 * 1024
_OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the signature of Word 97–2003 (and Excel) files


def minimal_pdf(pages: list[bytes], *, compress: bool = False, encrypted: bool = False) -> bytes:
    """A PDF whose pages draw the given content streams (Helvetica as /F1).

    ``compress`` deflates the streams; ``encrypted`` adds a standard security
    handler whose password is not empty, as a protected download has.
    """
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages))).encode()
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(len(pages)).encode() + b" >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, content in enumerate(pages):
        page_ref = 5 + 2 * i
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents " + str(page_ref).encode() + b" 0 R >>")
        data = zlib.compress(content, 9) if compress else content
        flate = b" /Filter /FlateDecode" if compress else b""
        objects.append(b"<< /Length " + str(len(data)).encode() + flate + b" >>\nstream\n" + data
                       + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.writelines(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R".encode()
    if encrypted:
        key = bytes(range(32)).hex().encode()
        trailer += (b" /Encrypt << /Filter /Standard /V 1 /R 2 /O <" + key + b"> /U <" + key
                    + b"> /P -44 >> /ID [<" + key[:32] + b"> <" + key[:32] + b">]")
    out.write(b"trailer\n" + trailer + b" >>\nstartxref\n" + str(xref).encode() + b"\n%%EOF\n")
    return out.getvalue()


_TEXT_PAGE: Final = b"BT /F1 12 Tf 72 760 Td (Annual report on government information disclosure) Tj ET"
_DRAWING_PAGE: Final = b"0 0 0 RG 100 100 300 400 re S"  # lines only: what a scanned page's text layer holds


def _nested_mht(depth: int) -> bytes:
    parts = b"".join(b'--b%d\r\nContent-Type: multipart/related; boundary="b%d"\r\n\r\n' % (i, i + 1)
                     for i in range(depth))
    return b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n' + parts


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def minimal_docx(document_xml: bytes | None = None, *, extra: dict[str, bytes] | None = None) -> bytes:
    """A .docx (zip) holding ``word/document.xml`` and any ``extra`` entries, names unchecked."""
    if document_xml is None:
        document_xml = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                        b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
                        + "一、总体情况".encode() + b"</w:t></w:r></w:p></w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        for name, data in (extra or {}).items():
            archive.writestr(zipfile.ZipInfo(name), data)
        archive.writestr("word/document.xml", document_xml)
    return out.getvalue()


def _docx_bomb() -> bytes:
    """A Word file whose 60 KB document.xml unpacks to 40 MiB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w") as fh:
            fh.write(b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>')
            block = b" " * _MIB
            for _ in range(40):
                fh.write(block)
            fh.write(b"</w:body></w:document>")
    return out.getvalue()


_LAUGHS: Final = "".join(
    f'<!ENTITY l{i} "{"".join(f"&l{i - 1};" for _ in range(10)) if i else "ha"}">' for i in range(10)
)


@attrs.frozen
class Hostile:
    """One hostile or broken input and what govinfo_parse does with it."""

    what: str
    build: Callable[[], bytes]
    #: The exception class name raised, or "report" when a report comes back.
    outcome: str
    #: The CLI exit code for ``govinfo-parse parse FILE``.
    exit_code: int
    suffix: str = ".txt"


HOSTILE: Final[dict[str, Hostile]] = {
    "empty": Hostile("an empty file", lambda: b"", "report", 4),
    "whitespace": Hostile("only blanks and line breaks", lambda: b" \n\t\r\n \xe3\x80\x80\n", "report", 4),
    "binary": Hostile("random bytes", lambda: random.Random(6).randbytes(8192),  # noqa: S311 - junk
                      "DecodingError", 5, ".bin"),
    "nul-text": Hostile("text full of NUL characters", lambda: "一、总体情况\n\0\0\0".encode() * 1000,
                        "report", 4),
    "doc-damaged": Hostile("a Word 97–2003 file (.doc) whose compound-file header is followed by junk",
                           lambda: _OLE2 + random.Random(7).randbytes(4096),  # noqa: S311 - junk
                           "CorruptDocumentError", 5, ".doc"),
    "rtf-binary": Hostile("an RTF file whose picture declares a gigabyte of binary data (\\bin)",
                          lambda: b"{\\rtf1{\\pict\\bin999999999 }" + b"\\u20013?" * 1000 + b"}",
                          "CorruptDocumentError", 5, ".rtf"),
    "mht-nested": Hostile("a web archive (.mht) whose parts nest 5,000 deep", lambda: _nested_mht(5000),
                          "CorruptDocumentError", 5, ".mht"),
    "ofd": Hostile("an OFD document (China's fixed-layout format: a zip of XML pages)",
                   lambda: _zip({"OFD.xml": b"<ofd:OFD/>", "Doc_0/Document.xml": b"<ofd:Document/>"}),
                   "UnreadableDocumentError", 5, ".ofd"),
    "zip-archive": Hostile("a zip archive of reports", lambda: _zip({"a.txt": b"x", "b.pdf": b"%PDF-"}),
                           "UnreadableDocumentError", 5, ".zip"),
    "pdf-truncated": Hostile("a PDF cut off half way", lambda: minimal_pdf([_TEXT_PAGE])[:300],
                             "CorruptDocumentError", 5, ".pdf"),
    "pdf-encrypted": Hostile("a password-protected PDF", lambda: minimal_pdf([_TEXT_PAGE], encrypted=True),
                             "EncryptedDocumentError", 5, ".pdf"),
    "pdf-no-text": Hostile("a PDF of scanned pages (no text layer)", lambda: minimal_pdf([_DRAWING_PAGE] * 3),
                           "NoTextLayerError", 5, ".pdf"),
    "pdf-bomb": Hostile(
        "a PDF whose 40 KB page stream inflates to 40 MiB",
        lambda: minimal_pdf([b"BT /F1 1 Tf 0 0 Td (" + b"A" * (40 * _MIB) + b") Tj ET"], compress=True),
        "ResourceLimitError", 6, ".pdf"),
    "pdf-many-pages": Hostile("a PDF of 2,000 pages", lambda: minimal_pdf([_TEXT_PAGE] * 2000),
                              "ResourceLimitError", 6, ".pdf"),
    "pdf-long-line": Hostile("a PDF page whose text is one line of 20,000 characters",
                             lambda: minimal_pdf([b"BT /F1 2 Tf 0 400 Td (" + b"a1" * 10_000 + b") Tj ET"]),
                             "report", 4, ".pdf"),
    "docx-zip-bomb": Hostile("a Word file whose XML unpacks to 40 MiB", _docx_bomb, "ResourceLimitError", 6,
                             ".docx"),
    "docx-path-traversal": Hostile(
        "a Word file with entries named ../../escape.txt and /etc/cron.d/x",
        lambda: minimal_docx(extra={"../../escape.txt": b"x", "/etc/cron.d/x": b"x"}), "report", 4, ".docx"),
    "docx-entities": Hostile(
        "a Word file whose XML declares billion-laughs entities",
        lambda: minimal_docx(f'<?xml version="1.0"?><!DOCTYPE d [{_LAUGHS}]><d>&l9;</d>'.encode()),
        "CorruptDocumentError", 5, ".docx"),
    "html-entities": Hostile(
        "an HTML page declaring billion-laughs entities",
        f"<!DOCTYPE html [{_LAUGHS}]><html><body><p>&l9;</p></body></html>".encode,
        "report", 4, ".html"),
    "html-deep": Hostile("an HTML page nested 100,000 elements deep",
                         lambda: b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000,
                         "ResourceLimitError", 6, ".html"),
    "huge-line": Hostile("10 MB of one character on one line", lambda: "表".encode() * 3_500_000,
                         "report", 4),
}


_GLUED_LABELS: Final = ("一、本年新收政府信息公开申请数量", "（一）予以公开", "（七）总计")

#: Texts built to make regular expressions and line-by-line readers backtrack or
#: rescan: each takes a size in characters.  Parsing them must take time
#: proportional to the size (tests/property/test_linear_time.py), except nested
#: markup, which HTML tree building makes superlinear and a depth limit bounds.
ADVERSARIAL_TEXTS: Final[dict[str, Callable[[int], str]]] = {
    "one long line of a character": lambda n: "表" * n,
    "one long line of digits": lambda n: "1" * n,
    "a label then numbers, then junk": lambda n: "规章 " + "1 " * (n // 2) + "x",
    "spaces then junk": lambda n: " " * n + "x",
    "only tabs": lambda n: "\t" * n,
    "one-cell lines": lambda n: "\tx\n" * (n // 3),
    "tab-separated numbers then junk": lambda n: "\t".join(["1"] * (n // 2)) + "x",
    "empty lines": lambda n: "\n" * n,
    "headings only": lambda n: "一、总体情况\n" * (n // 7),
    "open brackets": lambda n: "（" * n,
    "numbers and brackets": lambda n: "1(" * (n // 2),
    "dashes then a number": lambda n: "- " * (n // 2) + "1",
    "thousands separators then junk": lambda n: "1," * (n // 2) + "x",
    "header words": lambda n: "信息内容 " * (n // 5),
    "row labels with numbers": lambda n: "本年新收政府信息公开申请数量 1 2 3\n" * (n // 25),
    "nested markup": lambda n: "<html><body>" + "<div>" * (n // 11) + "x" + "</div>" * (n // 11),
    "table cells": lambda n: "<html><table><tr>" + "<td>1</td>" * (n // 10) + "</tr></table></html>",
    "tags never closed": lambda n: "<html><body>" + "<a" * (n // 2),
    "pipes": lambda n: "|" * n,
    "Markdown rows": lambda n: "| 规章 | 1 | 2 |\n" * (n // 15),
    "empty lines before section 一": lambda n: "某县人民政府" + "\n" * n + "主办单位\n一、总体情况\n",
    "dated sentences": lambda n: "2020年共收到申请" * (n // 9),
    "year then blanks": lambda n: "2020年" + " " * n + "x",
    # Rows whose cells must be found among many ways of splitting or joining digits.
    "glued rows of digits": lambda n: "三、收到和处理政府信息公开申请情况\n" + "".join(
        f"{label}{'1' * (n // 3)}" for label in _GLUED_LABELS),
    "blank cells after a glued label": lambda n: (
        "三、收到和处理政府信息公开申请情况\n" + "".join(f"{label}1111117" for label in _GLUED_LABELS)
        + "二、上年结转政府信息公开申请数量" + " " * n + "1"),
    "a separator line among glued cells": lambda n: (
        "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量1" + "-" * n
        + "（一）予以公开1"),
    "a row's digits one per line": lambda n: (
        "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n" + "1\n" * (n // 2)),
}
