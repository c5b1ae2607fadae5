"""Decoding bytes and normalising text for matching, without losing positions.

``normalize`` folds what varies between copies of the same report (full-width
digits and brackets, Kangxi look-alikes, Traditional characters (OpenCC, one
character at a time), curly quotes, dashes, NBSP and ideographic spaces,
zero-width characters, CRLF) so that labels and numbers
can be matched.  It returns a ``SourceText`` that remembers, for every
normalised offset, where it came from in the decoded text, so every value
keeps its raw text and its source position.
"""

from __future__ import annotations

import bisect
import codecs
import importlib.util
import os
import re
import unicodedata
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Final

from govinfo_parse._cache import cache_folder, keep, kept
from govinfo_parse.errors import DecodingError
from govinfo_parse.model import SourceSpan

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = ["SourceText", "decode", "image_format", "normalize", "normalize_str", "packaged_format"]

# Signatures of the image formats scans come in: such bytes are a picture, not a report.
_IMAGE_SIGNATURES: Final = (
    (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"), (b"BM", "BMP"),
)


def image_format(data: bytes) -> str | None:
    """The image format of ``data`` (PNG, JPEG, GIF, TIFF, BMP, WebP), whatever its file name; else None."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    return next((name for signature, name in _IMAGE_SIGNATURES if data.startswith(signature)), None)


# A zip's entries that say what it packages: (entry or folder, what the file is, what to do with it).
_PACKAGES: Final = (
    ("OFD.xml", "an OFD document (GB/T 33190)", "save or print it as PDF"),
    ("xl/", "an Excel workbook (.xlsx)", "save the report as .docx, PDF or text"),
    ("ppt/", "a PowerPoint file (.pptx)", "save the report as .docx, PDF or text"),
    ("content.xml", "an OpenDocument file (.odt, .ods)", "save it as .docx or PDF"),
)


def packaged_format(data: bytes) -> str | None:
    """What a zip no converter read holds (an OFD or Office document, an archive), and what to do; else None.

    Only the zip's list of entries is read, never their contents.
    """
    if not data.startswith(b"PK\x03\x04"):
        return None
    import io  # noqa: PLC0415 - only a zip needs them
    import zipfile  # noqa: PLC0415

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return "a damaged zip archive, not a report"
    for entry, kind, advice in _PACKAGES:
        if any(n == entry or (entry.endswith("/") and n.startswith(entry)) for n in names):
            return f"{kind}, which is not read here; {advice} and parse that"
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"a zip archive of {len(names)} file(s) ({shown}); unpack it and parse the reports inside"


_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Chinese reports come in these; charset-normalizer is only asked to choose among them.
_CANDIDATE_ENCODINGS: Final = ["utf_8", "gb18030", "big5", "utf_16", "utf_16_le", "utf_16_be"]


def decode(data: bytes) -> tuple[str, str]:
    """Decode report bytes; returns ``(text, encoding)``.

    A byte-order mark wins; then strict UTF-8 (most reports); then
    charset-normalizer chooses among the encodings Chinese reports use
    (GB18030 covers GBK and GB2312).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                msg = f"the file starts with a {encoding} byte-order mark but is not {encoding}: {exc}"
                raise DecodingError(msg) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only needed off the fast path

    best = from_bytes(data, cp_isolation=_CANDIDATE_ENCODINGS).best()
    if best is not None:
        return str(best), best.encoding
    # charset-normalizer gives up on text with rare characters (GB18030's four-byte
    # codes for Kangxi radicals that PDF extraction leaves); strict GB18030 decides.
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _mostly_readable(text):
        return text, "gb18030"
    msg = "the bytes are not text in UTF-8, UTF-16, GB18030/GBK or Big5"
    raise DecodingError(msg)


def _mostly_readable(text: str) -> bool:
    """True when nearly all characters are printable ASCII, blanks, CJK or CJK punctuation."""

    def readable(ch: str) -> bool:
        if ch in "\t\n\r\f":
            return True
        in_script = ch < "\x7f" or "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
        return in_script and ch.isprintable()

    return sum(map(readable, text)) >= 0.98 * len(text)


# Folds applied after NFKC, character by character.
_EXTRA_FOLDS: Final = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u300c": '"',
    "\u300d": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2500": "-", "\u2501": "-", "\u30fc": "-",
    "\u3010": "[", "\u3011": "]", "\u3014": "[", "\u3015": "]", "\u3016": "[", "\u3017": "]",
    "\u00a0": " ", "\u3000": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
    "\r": "\n", "\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n",
}


@cache
def _to_simplified() -> Callable[[str], str]:
    """OpenCC's Traditional → Simplified character conversion (loaded on first use)."""
    import opencc  # noqa: PLC0415 - loads dictionaries; only needed for Chinese characters

    return opencc.OpenCC("t2s").convert


_CJK_RANGE: Final = range(0x3400, 0xA000)  # the CJK block and its extension A: what the fold converts
_T2S_FILE: Final = "t2s-characters.json"


@cache
def _simplified_table() -> Mapping[str, str] | None:
    """Every character OpenCC converts (one at a time, to one character), kept in the cache folder.

    Loading OpenCC and its dictionaries costs each process more than parsing a
    report; the table it gives is the same until OpenCC is reinstalled, so it is
    kept with the place and time of OpenCC's module and made again when either
    differs.  None where nothing can be kept: each character is then asked of OpenCC.
    """
    spec = importlib.util.find_spec("opencc")
    if cache_folder() is None or spec is None or spec.origin is None:
        return None
    stamp = [spec.origin, os.stat(spec.origin).st_mtime_ns]  # noqa: PTH116
    table = kept(_T2S_FILE, stamp)
    if isinstance(table, dict):
        return table
    chars = [chr(c) for c in _CJK_RANGE]
    # One call: OpenCC's phrases never span a line break, so each line converts alone.
    table = {a: b for a, b in zip(chars, _to_simplified()("\n".join(chars)).split("\n"), strict=True)
             if a != b and len(b) == 1}
    keep(_T2S_FILE, stamp, table)
    return table


def _simplified(char: str) -> str:
    """One Chinese character in its Simplified form (規 → 规); never changes length."""
    table = _simplified_table()
    if table is not None and ord(char) in _CJK_RANGE:
        return table.get(char, char)
    converted = _to_simplified()(char)
    return converted if len(converted) == 1 else char


class _FoldTable(dict[int, str]):
    """``str.translate`` table that computes and caches each character's fold.

    ``resized`` collects the characters met so far whose fold is not one
    character long (㈠ → (一), a zero-width space → nothing): after a text is
    translated, the ones it holds are among them.
    """

    def __init__(self) -> None:
        super().__init__()
        self.resized: set[str] = set()

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        folded = _EXTRA_FOLDS.get(char)
        if folded is None:
            folded = unicodedata.normalize("NFKC", char)
            folded = "".join(_EXTRA_FOLDS.get(c, c) for c in folded)
            if len(folded) == 1 and "\u3400" <= folded <= "\u9fff":
                folded = _simplified(folded)
        if len(folded) != 1:
            self.resized.add(char)
        self[codepoint] = folded
        return folded


_FOLD: Final = _FoldTable()


@lru_cache(maxsize=64)
def _resizing(chars: frozenset[str]) -> re.Pattern[str]:
    """A pattern finding CRLF and ``chars``: the places where a text's fold changes its length."""
    return re.compile("|".join(["\r\n", *map(re.escape, sorted(chars))]))


class SourceText:
    """Normalised text that maps every offset back to the decoded source."""

    def __init__(self, raw: str, text: str, marks: list[tuple[int, int, int]]) -> None:
        self.raw = raw
        self.text = text
        # (normalised start, raw start, normalised length) of each fold that changed length.
        self._marks = marks
        self._mark_starts = [m[0] for m in marks]
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", raw))]
        self.pages: list[int] = []  # raw offsets where pages 2, 3, ... start; set by paged inputs
        self.format = "text"  # or the format a converter read ("html"), for layouts to consult
        # raw offset -> (left, bottom, right, top) of the character on its page, where known (PDF)
        self.boxes: Mapping[int, tuple[float, float, float, float]] = {}
        # raw offset -> the OCR engine's confidence in the character, for recognised text
        self.confidences: Mapping[int, float] = {}
        # raw offsets of recognised characters that a second reading gave alike
        self.read_twice: frozenset[int] = frozenset()

    def to_raw(self, offset: int) -> int:
        """The decoded-text offset that normalised ``offset`` came from."""
        i = bisect.bisect_right(self._mark_starts, offset) - 1
        if i < 0:
            return offset
        norm_start, raw_start, norm_len = self._marks[i]
        if offset < norm_start + norm_len:
            return raw_start
        raw_len = 2 if self.raw.startswith("\r\n", raw_start) else 1
        return raw_start + raw_len + (offset - norm_start - norm_len)

    def span(self, start: int, end: int) -> SourceSpan:
        """The source span of normalised ``text[start:end]``."""
        raw_start, raw_end = self.to_raw(start), self.to_raw(end) if end > start else self.to_raw(start)
        line = bisect.bisect_right(self._line_starts, raw_start)
        column = raw_start - self._line_starts[line - 1] + 1
        page = bisect.bisect_right(self.pages, raw_start) + 1 if self.pages else None
        return SourceSpan(offset=raw_start, end=raw_end, line=line, column=column, page=page)

    def x_center(self, start: int, end: int) -> float | None:
        """The horizontal middle of normalised ``text[start:end]`` on its page, if characters have boxes."""
        if not self.boxes:
            return None
        found = [box for i in range(self.to_raw(start), self.to_raw(end)) if (box := self.boxes.get(i))]
        return (min(b[0] for b in found) + max(b[2] for b in found)) / 2 if found else None

    def raw_slice(self, start: int, end: int) -> str:
        """The decoded source text behind normalised ``text[start:end]``."""
        return self.raw[self.to_raw(start) : self.to_raw(end)] if end > start else ""


def normalize(raw: str) -> SourceText:
    """Fold ``raw`` for matching; see the module docstring.  Tabs and line breaks survive."""
    text = raw.replace("\r\n", "\n").translate(_FOLD)
    marks: list[tuple[int, int, int]] = []
    # (Translating ``raw`` met each of its characters; a substring test is quicker than a set of them.
    # A copy: another thread's text may add to the set meanwhile.)
    resized = [char for char in tuple(_FOLD.resized) if char in raw]
    if not resized and "\r\n" not in raw:
        return SourceText(raw, text, marks)
    shift = 0  # normalised offset minus raw offset so far
    for m in _resizing(frozenset(resized)).finditer(raw):
        piece = m.group()
        folded_len = 1 if piece == "\r\n" else len(_FOLD[ord(piece)])
        marks.append((m.start() + shift, m.start(), folded_len))
        shift += folded_len - len(piece)
    return SourceText(raw, text, marks)


def normalize_str(text: str) -> str:
    """Fold a string the way ``normalize`` does, when positions do not matter."""
    return text.replace("\r\n", "\n").translate(_FOLD)
