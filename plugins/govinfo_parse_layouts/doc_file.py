"""Word 97–2003 files (.doc): paragraphs as lines, tables as grids, as the .docx layout reads them.

A .doc is an OLE2 compound file (read with olefile) holding a ``WordDocument``
stream.  Its text is stored in pieces listed by the piece table (the ``Clx``
in the table stream); a table cell ends with the character 7, and so does a
table row, whose end is told apart by its paragraph properties (``sprmPFTtp``
in the paragraph FKPs, or in the Data stream where they are long).  A row's
properties also give its cells' edges: the edges of all the rows of a table
make its grid's columns, and each row becomes a line of tab-separated cells
on that grid, a merged cell followed by blanks for the columns it covers and
a cell continuing a vertical merge blank, as the .docx converter writes
``w:gridSpan`` and ``w:vMerge``; the docx layout reads it, placing values by grid position.

Recognised by its bytes (an OLE2 file with a ``WordDocument`` stream), not by
its name.  Other OLE2 files (Excel, PowerPoint), Word 6/95 files and
encrypted ones are reported as what they are.
"""

from __future__ import annotations

import bisect
import io
import re
import struct
from typing import TYPE_CHECKING, Final

import attrs

from govinfo_parse import hookimpl
from govinfo_parse.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    GovinfoParseError,
    UnreadableDocumentError,
)
from govinfo_parse.layout import ConvertedDocument
from govinfo_parse_layouts.word_grid import on_grid

if TYPE_CHECKING:
    from collections.abc import Iterator

NAME = "doc"  # the source format; its text is read by the docx layout, as a .docx's is
OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_CELL_MARK: Final = "\x07"
_PARAGRAPH_END: Final = re.compile("[\r\x07]")  # a paragraph mark, or a cell's (or row's) end mark
# What reading a damaged file's structures raises: offsets past the end, sizes that make no sense.
_DAMAGED: Final = (OSError, ValueError, IndexError, KeyError, OverflowError, EOFError, struct.error)
_FIRST_WORD97_FIB: Final = 101  # nFib of Word 97 and later; Word 6/95 files have lower numbers
# Pairs (fc, lcb) of FibRgFcLcb97: where the table stream holds the paragraph FKPs' index and the Clx.
_PLCF_BTE_PAPX: Final = 13
_CLX: Final = 33
_FKP_SIZE: Final = 512
_SPRM_P_F_IN_TABLE: Final = 0x2416  # the paragraph is in a table cell
_SPRM_P_F_TTP: Final = 0x2417  # the paragraph is a table row's end mark
_SPRM_P_HUGE_PAPX: Final = 0x6646  # the paragraph's properties stand in the Data stream
_SPRM_T_DEF_TABLE: Final = 0xD608  # a row's cells and their edges; its operand's size takes two bytes
# Word's special characters in running text: what each stands for in plain text.
_SPECIAL: Final = str.maketrans({
    "\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x0e": "\n",  # paragraph, line, page/section, column breaks
    "\x1e": "-", "\x1f": "", "\xa0": " ",  # non-breaking hyphen, optional hyphen, non-breaking space
    "\x01": "", "\x08": "", "\x05": "", "\x02": "", "\x03": "", "\x04": "",  # objects, notes' marks
})


def _u16(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<H", data, at)[0])


def _u32(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<I", data, at)[0])


class _Fib:
    """The parts of the File Information Block this reader needs."""

    def __init__(self, word: bytes) -> None:
        if len(word) < 34 or _u16(word, 0) != 0xA5EC:
            msg = "the Word file's WordDocument stream does not start with a Word header; it is damaged"
            raise CorruptDocumentError(msg)
        if _u16(word, 2) < _FIRST_WORD97_FIB:
            msg = ("a Word 6.0/95 file, an older format than this library reads; save it as .docx "
                   "(or .doc of Word 97–2003) and parse that")
            raise UnreadableDocumentError(msg)
        flags = _u16(word, 10)
        if flags & 0x0100:
            msg = "the Word file is encrypted (password-protected); save a copy without the password"
            raise EncryptedDocumentError(msg)
        self.table_stream = "1Table" if flags & 0x0200 else "0Table"
        at = 32
        at += 2 + 2 * _u16(word, at)  # csw, fibRgW
        rg_lw = at + 2
        at += 2 + 4 * _u16(word, at)  # cslw, fibRgLw
        fc_lcb = at + 2
        self.ccp_text = _u32(word, rg_lw + 12)  # characters of the main document's text
        self.clx = (_u32(word, fc_lcb + 8 * _CLX), _u32(word, fc_lcb + 8 * _CLX + 4))
        self.papx = (_u32(word, fc_lcb + 8 * _PLCF_BTE_PAPX), _u32(word, fc_lcb + 8 * _PLCF_BTE_PAPX + 4))


def _pieces(table: bytes, fc: int, lcb: int) -> list[tuple[int, int, int, bool]]:
    """The piece table: (first character, last character + 1, file offset, 8-bit) of each piece of text."""
    clx = table[fc : fc + lcb]
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: formatting of pieces, not needed here
        size = struct.unpack_from("<h", clx, at + 1)[0]
        if size < 0:
            break  # a damaged size (it would walk back): the check below reports it
        at += 3 + size
    if at + 5 > len(clx) or clx[at] != 0x02:
        msg = "the Word file's piece table is missing or damaged"
        raise CorruptDocumentError(msg)
    size = _u32(clx, at + 1)
    plc = clx[at + 5 : at + 5 + size]
    n = (len(plc) - 4) // 12
    cps = [_u32(plc, 4 * i) for i in range(n + 1)]
    out = []
    for i in range(n):
        raw_fc = _u32(plc, 4 * (n + 1) + 8 * i + 2)
        compressed = bool(raw_fc & 0x40000000)
        offset = (raw_fc & 0x3FFFFFFF) // 2 if compressed else raw_fc
        out.append((cps[i], cps[i + 1], offset, compressed))
    return out


def _sprm_operand_size(sprm: int, grpprl: bytes, at: int) -> int:
    """Bytes of the operand of ``sprm`` at ``grpprl[at]`` (after the two bytes of the sprm itself)."""
    spra = sprm >> 13
    if spra in (0, 1):
        return 1
    if spra in (2, 4, 5):
        return 2
    if spra == 3:
        return 4
    if spra == 7:
        return 3
    if sprm == _SPRM_T_DEF_TABLE:
        return (_u16(grpprl, at) if at + 2 <= len(grpprl) else 0) + 1
    return (grpprl[at] if at < len(grpprl) else 0) + 1


def _sprms(grpprl: bytes, at: int) -> Iterator[tuple[int, int]]:
    """Each property (sprm) of ``grpprl`` from ``at``, with where its operand starts."""
    while at + 2 <= len(grpprl):
        sprm = _u16(grpprl, at)
        yield sprm, at + 2
        at += 2 + _sprm_operand_size(sprm, grpprl, at + 2)


@attrs.frozen
class _Paragraph:
    """What a paragraph's properties say of its place in a table."""

    in_table: bool = False
    ends_row: bool = False
    # A row's end: the cells' left edges and the last right edge (twips), from its table definition.
    edges: tuple[int, ...] = ()


def _paragraph(grpprl: bytes, data: bytes, *, from_data: bool = False) -> _Paragraph:
    """The table properties in a paragraph's ``grpprl`` (after its style number, unless ``from_data``).

    A row whose table definition is too long for its page of properties keeps them in the
    Data stream, pointed to by ``sprmPHugePapx`` (followed once: not from the Data stream itself).
    """
    in_table = ends_row = False
    edges: tuple[int, ...] = ()
    for sprm, op in _sprms(grpprl, 0 if from_data else 2):
        if op >= len(grpprl):
            break
        if sprm == _SPRM_P_F_IN_TABLE:
            in_table = grpprl[op] == 1
        elif sprm == _SPRM_P_F_TTP:
            ends_row = grpprl[op] == 1
        elif sprm == _SPRM_T_DEF_TABLE and op + 3 <= len(grpprl):
            cells = grpprl[op + 2]
            if op + 3 + 2 * (cells + 1) <= len(grpprl):
                edges = struct.unpack_from(f"<{cells + 1}h", grpprl, op + 3)
        elif sprm == _SPRM_P_HUGE_PAPX and not from_data and op + 4 <= len(grpprl):
            offset = _u32(grpprl, op)
            if offset + 2 <= len(data):
                return _paragraph(data[offset + 2 : offset + 2 + _u16(data, offset)], data, from_data=True)
    return _Paragraph(in_table=in_table or ends_row, ends_row=ends_row, edges=edges)


def _paragraphs(
    word: bytes, table: bytes, data: bytes, fc: int, lcb: int,
) -> list[tuple[int, int, _Paragraph]]:
    """(first byte, last byte + 1, properties) of the paragraphs in tables, from the paragraph FKPs."""
    plc = table[fc : fc + lcb]
    n = (len(plc) - 4) // 8
    out = []
    read: dict[bytes, _Paragraph] = {}
    for i in range(n):
        page = _u32(plc, 4 * (n + 1) + 4 * i) & 0x3FFFFF
        fkp = word[page * _FKP_SIZE : (page + 1) * _FKP_SIZE]
        if len(fkp) < _FKP_SIZE:
            continue
        runs = fkp[511]
        for r in range(runs):
            offset = 2 * fkp[4 * (runs + 1) + 13 * r]
            if offset == 0 or offset >= _FKP_SIZE - 1:
                continue  # the default properties: not in a table
            size = fkp[offset]
            size, offset = (2 * fkp[offset + 1], offset + 2) if size == 0 else (2 * size - 1, offset + 1)
            grpprl = fkp[offset : offset + size]
            found = read.get(grpprl)
            if found is None:  # paragraphs alike share their properties' bytes: read them once
                found = read[grpprl] = _paragraph(grpprl, data)
            if found.in_table:
                out.append((_u32(fkp, 4 * r), _u32(fkp, 4 * (r + 1)), found))
    return sorted(out, key=lambda p: p[0])


def _without_fields(text: str) -> str:
    r"""A field's result without its instructions: ``\x13 PAGE \x14 3 \x15`` -> ``3``."""
    if "\x13" not in text:
        return text
    out: list[str] = []
    fields: list[bool] = []  # the open fields, innermost last: still in its instructions?
    in_code = 0  # how many of them are (their text is left out)
    for char in text:
        if char == "\x13":
            fields.append(True)
            in_code += 1
        elif char == "\x14" and fields:
            in_code -= fields[-1]
            fields[-1] = False
        elif char == "\x15" and fields:
            in_code -= fields.pop()
        elif not in_code:
            out.append(char)
    return "".join(out)


def _clean(text: str) -> str:
    return _without_fields(text).translate(_SPECIAL).replace("\n", " ").replace("\t", " ").strip()


def _lines(word: bytes, pieces: list[tuple[int, int, int, bool]],
           in_tables: list[tuple[int, int, _Paragraph]], ccp_text: int) -> str:
    """The document's text: paragraphs as lines, each table row a line of its grid's cells, tab-separated."""
    starts = [start for start, _, _ in in_tables]

    def table_paragraph(at: int) -> _Paragraph | None:
        i = bisect.bisect_right(starts, at) - 1
        return in_tables[i][2] if i >= 0 and at < in_tables[i][1] else None

    lines: list[str] = []
    rows: list[tuple[list[str], tuple[int, ...]]] = []  # the table being read
    cells: list[str] = []
    text = ""  # the paragraph (or cell) being read
    for first, last, offset, compressed in pieces:
        if first >= ccp_text:
            break
        width = 1 if compressed else 2
        count = min(last, ccp_text) - first
        chars = word[offset : offset + count * width].decode("cp1252" if compressed else "utf-16-le",
                                                            errors="replace")
        done = 0
        for mark in _PARAGRAPH_END.finditer(chars):
            text += chars[done : mark.start()]
            done = mark.end()
            where = table_paragraph(offset + mark.start() * width)
            if where is None:  # a paragraph outside tables ends: the table before it, if any, is done
                lines += ["\t".join(row) for row in on_grid(rows)]
                rows = []
                lines.append(_without_fields(text).translate(_SPECIAL))
            elif where.ends_row:
                rows.append((cells, where.edges))
                cells = []
            elif mark.group() == _CELL_MARK:
                cells.append(_clean(text))
            else:  # a cell's paragraph goes on in the next one, as .docx cells' paragraphs are joined
                continue
            text = ""
        text += chars[done:]
    lines += ["\t".join(row) for row in on_grid(rows)]
    lines.append(_without_fields(text).translate(_SPECIAL))
    return "\n".join(line for line in "\n".join(lines).split("\n") if line.strip()) + "\n"


def doc_to_text(data: bytes) -> str:
    """The text govinfo_parse reads from a .doc (report spans point into it)."""
    import olefile  # noqa: PLC0415 - a parse of anything but a .doc needs none of it

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if not ole.exists("WordDocument"):
                streams = {"/".join(e) for e in ole.listdir()}
                kind = ("an Excel 97–2003 workbook (.xls)" if {"Workbook", "Book"} & streams
                        else "a PowerPoint 97–2003 file (.ppt)" if "PowerPoint Document" in streams
                        else "an OLE2 file that is not a Word document")
                msg = f"{kind}, not a report; save the report as .docx, PDF or text and parse that"
                raise UnreadableDocumentError(msg)
            word = ole.openstream("WordDocument").read()
            fib = _Fib(word)
            if not ole.exists(fib.table_stream):
                msg = f"the Word file has no {fib.table_stream} stream; it is damaged"
                raise CorruptDocumentError(msg)
            table = ole.openstream(fib.table_stream).read()
            data_stream = ole.openstream("Data").read() if ole.exists("Data") else b""
    except GovinfoParseError:
        raise
    except _DAMAGED as exc:  # olefile's own errors on a damaged compound file are OSErrors and ValueErrors
        msg = f"the Word file is damaged ({exc})"
        raise CorruptDocumentError(msg) from exc
    try:
        pieces = _pieces(table, *fib.clx)
        in_tables = _paragraphs(word, table, data_stream, *fib.papx)
    except _DAMAGED as exc:
        msg = f"the Word file's tables of text and paragraphs are damaged ({exc})"
        raise CorruptDocumentError(msg) from exc
    return _lines(word, pieces, in_tables, fib.ccp_text)


def is_compound_file(data: bytes) -> bool:
    """True for an OLE2 compound file, the container of Word 97–2003 (and Excel, PowerPoint) files."""
    return data.startswith(OLE2)


@hookimpl
def govinfo_convert_document(data: bytes | str) -> ConvertedDocument | None:
    if not isinstance(data, bytes) or not is_compound_file(data):
        return None
    return ConvertedDocument(text=doc_to_text(data), format=NAME)


__all__ = ["NAME", "OLE2", "doc_to_text", "is_compound_file"]
