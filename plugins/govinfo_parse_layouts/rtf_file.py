r"""RTF files (.rtf, and .doc files that are RTF): paragraphs as lines, tables on their grid.

RTF is text with control words.  Text comes as runs of characters, ``\'hh``
bytes in the document's code page (``\ansicpg936`` in a Chinese Word) and
``\uN`` characters (their fallback characters skipped, ``\ucN``); groups that
are not text (font and style tables, pictures, a field's instructions, any
``{\*\…}`` destination) are skipped.  A table row is ``\trowd`` with its cells'
right edges (``\cellxN``, the left one ``\trleftN``), then its cells' text,
each ended by ``\cell``, and ``\row``: each row becomes a line of its cells laid
on the table's grid (``word_grid``), as the .doc converter does, and the docx
layout reads it.  Recognised by its ``{\rtf`` signature, whatever the file's name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from govinfo_parse import hookimpl
from govinfo_parse.errors import CorruptDocumentError
from govinfo_parse.layout import ConvertedDocument
from govinfo_parse_layouts.word_grid import on_grid

if TYPE_CHECKING:
    from collections.abc import Callable

NAME = "rtf"  # the source format; its text is read by the docx layout, as a .docx's is
_SIGNATURE: Final = re.compile(rb"\s*\{\\rtf")
_TOKEN: Final = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # a control word, its number, the space that ends it
    rb"|\\'([0-9a-fA-F]{2})"  # a byte in the code page
    rb"|\\([^a-zA-Z'])"  # a control symbol: \\ \{ \} \~ \- \_ \*
    rb"|([{}])"
    rb"|[\r\n]+"  # line breaks in the file are not text
    rb"|([^\\{}\r\n]+)"
    rb"|\\",  # a backslash that starts nothing (\'zz, or the file's last byte): dropped
)
# Groups whose content is not the document's text.
_NOT_TEXT: Final = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "fldinst", "header", "headerl",
    "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "footnote", "listtable",
    "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "themedata", "colorschememapping",
    "datastore", "latentstyles", "pgdsctbl", "bkmkstart", "bkmkend", "shppict", "nonshppict",
    "filetbl", "revtbl", "mmathPr", "operator", "author", "title", "subject", "comment",
})
_CHARACTERS: Final = {
    "emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’", "ldblquote": "“", "rdblquote": "”",
    "bullet": "•", "tab": " ", "line": " ", "emspace": " ", "enspace": " ", "qmspace": " ",
}
_SYMBOLS: Final = {"\\": "\\", "{": "{", "}": "}", "~": " ", "_": "-", "-": ""}


class _Reader:
    """The document's lines, built as the tokens come."""

    def __init__(self) -> None:
        self.codepage = "cp1252"
        self.lines: list[str] = []
        self.rows: list[tuple[list[str], tuple[int, ...]]] = []  # the table being read
        self.cells: list[str] = []
        self.edges: list[int] = [0]  # the row definition being read: its left edge, its cells' right ones
        self.text: list[str] = []  # the paragraph (or cell) being read
        self.pending = bytearray()  # bytes in the code page (text runs, \'hh) not yet decoded
        self.in_table = False
        self.skipping: list[bool] = [False]  # per open group: is it not text?
        self.fallback: list[int] = [1]  # per open group: characters standing in for a \uN (\ucN)
        self.to_skip = 0  # fallback characters still to drop after a \uN

    def read(self, data: bytes) -> str:
        """The text of ``data``."""
        at, opened = 0, False  # opened: the token before was a group's opening brace
        while (token := _TOKEN.match(data, at)) is not None:
            at = token.end()
            word, number, byte, symbol, brace, text = token.groups()
            if word == b"bin" and number:  # binary data: skipped by its length, whatever it holds
                at += max(0, int(number))
            elif brace is not None:
                self._brace(brace)
            elif not self.skipping[-1]:
                self._token(word, number, byte, symbol, text, opened=opened)
            opened = brace == b"{"
        return self._text_of()

    def _brace(self, brace: bytes) -> None:
        if brace == b"{":
            self.skipping.append(self.skipping[-1])
            self.fallback.append(self.fallback[-1])
        elif len(self.skipping) > 1:
            self.skipping.pop()
            self.fallback.pop()

    def _token(  # noqa: PLR0913 - a token's groups
        self, word: bytes | None, number: bytes | None, byte: bytes | None, symbol: bytes | None,
        text: bytes | None, *, opened: bool,
    ) -> None:
        if word is not None:
            self._word(word.decode("ascii"), int(number) if number is not None else None, opened=opened)
        elif symbol == b"*" and opened:
            self.skipping[-1] = True  # a destination this reader need not know
        elif text is not None:  # bytes in the code page, as \'hh are (8-bit ones a writer left too)
            dropped = min(self.to_skip, len(text))
            self.to_skip -= dropped
            self.pending += text[dropped:]
        elif self.to_skip:
            self.to_skip -= 1  # a \'hh or a symbol standing in for the \uN before it
        elif byte is not None:
            self.pending.append(int(byte, 16))
        elif symbol is not None:
            self._add_text(_SYMBOLS.get(symbol.decode("latin-1"), ""))

    def _word(self, name: str, value: int | None, *, opened: bool) -> None:
        if opened and name in _NOT_TEXT:
            self.skipping[-1] = True
        elif name == "u" and value is not None:
            self._add_text(chr(value % 65536))
            self.to_skip = self.fallback[-1]
        elif name == "uc" and value is not None:
            self.fallback[-1] = max(0, value)
        elif self.to_skip and name not in _STRUCTURE:
            self.to_skip -= 1
        else:
            self.to_skip = 0
            self._control(name, value)

    def _control(self, word: str, number: int | None) -> None:
        if word in _STRUCTURE:
            _STRUCTURE[word](self)
        elif word == "pard":
            self.in_table = False
        elif word == "intbl":
            self.in_table = True
        elif word in _CHARACTERS:
            self._add_text(_CHARACTERS[word])
        elif number is not None:
            self._numbered(word, number)

    def _numbered(self, word: str, number: int) -> None:
        if word == "trleft":
            self.edges[0] = number
        elif word == "cellx":
            self.edges.append(number)
        elif word == "ansicpg":
            self.codepage = "gb18030" if number == 936 else f"cp{number}"

    def _add_text(self, text: str) -> None:
        self._flush_bytes()
        self.text.append(text)

    def _flush_bytes(self) -> None:
        if self.pending:
            try:
                self.text.append(bytes(self.pending).decode(self.codepage, errors="replace"))
            except LookupError:  # a code page Python does not know
                self.text.append(bytes(self.pending).decode("cp1252", errors="replace"))
            self.pending.clear()

    def _take_text(self) -> str:
        self._flush_bytes()
        text = "".join(self.text).strip()
        self.text = []
        return text

    def end_paragraph(self) -> None:
        if self.in_table:
            return  # a cell's paragraphs are joined, as a .docx cell's are
        self._end_table()
        self.lines.append(self._take_text())

    def end_cell(self) -> None:
        self.cells.append(self._take_text().replace("\t", " "))

    def end_row(self) -> None:
        self._take_text()  # nothing stands between a row's last cell and its end but properties
        self.rows.append((self.cells, tuple(self.edges)))
        self.cells = []

    def start_row(self) -> None:
        self.edges = [0]

    def _end_table(self) -> None:
        self.lines += ["\t".join(row) for row in on_grid(self.rows)]
        self.rows = []

    def _text_of(self) -> str:
        self._end_table()
        self.lines.append(self._take_text())
        text = "\n".join(line for line in self.lines if line.strip()) + "\n"
        # A character beyond the BMP comes as two \uN, a surrogate pair: joined (a lone one replaced).
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


# Control words that end a paragraph, a cell or a row, or start a row's definition.
_STRUCTURE: Final[dict[str, Callable[[_Reader], None]]] = {
    "par": _Reader.end_paragraph, "sect": _Reader.end_paragraph, "page": _Reader.end_paragraph,
    "cell": _Reader.end_cell, "row": _Reader.end_row, "trowd": _Reader.start_row,
}


def rtf_to_text(data: bytes) -> str:
    """The text govinfo_parse reads from an RTF file (report spans point into it)."""
    return _Reader().read(data)


def is_rtf(data: bytes) -> bool:
    r"""True for an RTF file: ``{\rtf`` first, leading blanks aside."""
    return bool(_SIGNATURE.match(data[:64]))


@hookimpl
def govinfo_convert_document(data: bytes | str) -> ConvertedDocument | None:
    if not isinstance(data, bytes) or not is_rtf(data):
        return None
    text = rtf_to_text(data)
    if not text.strip():
        msg = "the RTF file holds no text (damaged, or only pictures)"
        raise CorruptDocumentError(msg)
    return ConvertedDocument(text=text, format=NAME)


__all__ = ["NAME", "is_rtf", "rtf_to_text"]
