"""Page-broken PDF text: what pdftotext (raw or -layout) and pypdfium2 print.

Cells are separated by spaces, not tabs, and the table's geometry is gone::

    （二）部分公开（区分处理的，只计这一情        <- a label wrapped over lines,
    形，不计其他情形）                            <- its tail before or after
    447 7 0 0 0 0 454                             <- the row's numbers
    三、                                          <- a vertical label, one or
    本                                               two glyphs per line
    1.本机关不掌握相关政府信息 746 12 0 0 10 1 769- 5 -   <- a page footer glued on
    72 64 178 37 351 13 4 8 1 26 12 1 1 6 20      <- table 四: 15 bare numbers

A line is read as a label followed by a run of numbers.  Label fragments on
lines without numbers are kept and joined to the next row that has numbers,
so wrapped and vertical labels come back together; matching by distinctive
words (``govinfo_parse.labels``) does not mind the stray glyphs.  Page footers
and Markdown debris are dropped.  A row that lost a cell (six numbers) is
settled by the table's arithmetic or left out (``govinfo_parse.recovery``).
"""

from __future__ import annotations

import re
from typing import Final

from govinfo_parse import hookimpl, labels
from govinfo_parse.layout import Block, LayoutInfo, LayoutResult, LayoutScore, RawCell

NAME = "pdf_text"
INFO = LayoutInfo(
    name=NAME,
    aliases=("pdftotext", "pdfium", "pdf"),
    version_added="0.1",
    description="Text extracted from a PDF: space-separated cells, wrapped and vertical labels, "
    "page footers.",
)

_LINE: Final = re.compile(r"[^\n]+")
# — 4 —, - 5 -, -3- (dashes are folded to "-" by normalisation), alone or glued to a line's end.
_FOOTER: Final = re.compile(r"\s*-\s*\d{1,3}\s*-\s*$")
_DEBRIS: Final = re.compile(r"^[\s|*#>_-]*$")
_VALUE: Final = r"(?:[+-]?\d[\d,]*(?:\.\d+)?|/|--?)"
# A label, then a run of values each preceded by whitespace (or starting the line).
_ROW: Final = re.compile(rf"^(?P<label>.*?)(?P<values>(?:(?:^|\s+){_VALUE})+)\s*$")
_TOKEN: Final = re.compile(r"\S+")
_KEEP_FRAGMENTS: Final = 6  # label fragments kept waiting for their numbers
_LONGEST_LABEL: Final = 60
_APPEALS_VALUES: Final = 15


def _header_cells(block: Block, start: int, text: str) -> list[RawCell]:
    """A 信息内容 header line as cells; tokens that name a column only together are joined."""
    tokens = [(m.start() + start, m.end() + start, m.group()) for m in _TOKEN.finditer(text)]
    cells: list[RawCell] = []
    i = 0
    while i < len(tokens):
        a, b, word = tokens[i]
        alone = labels.match_active_column(word) or labels.is_active_header_start(word)
        if i + 1 < len(tokens) and not alone and labels.match_active_column(tokens[i + 1][2]) is None:
            joined = word + tokens[i + 1][2]
            if labels.match_active_column(joined) is not None:
                b, word = tokens[i + 1][1], joined
                i += 1
        cells.append(block.cell(a, b, text=word))
        i += 1
    return cells


def _names_a_row(label: str) -> bool:
    return bool(label) and (
        labels.match_active_row(label) is not None or labels.match_requests_row(label, None) is not None
    )


def read_rows(block: Block) -> list[list[RawCell]]:
    """Rows of label-plus-numbers, with label fragments joined to the row they belong to."""
    rows: list[list[RawCell]] = []
    fragments: list[RawCell] = []
    for line in _LINE.finditer(block.text):
        text = _FOOTER.sub("", line.group())
        if "\t" in text or _DEBRIS.match(text):
            continue
        start = line.start()
        stripped = text.strip()
        if labels.is_caption_line(stripped):
            fragments.clear()
            rows.append([block.cell(start, start + len(text), text=stripped)])
            continue
        if labels.is_active_header_start(stripped.split(" ")[0]):
            fragments.clear()
            rows.append(_header_cells(block, start, text))
            continue
        m = _ROW.match(text)
        if m is None and len(stripped) > _LONGEST_LABEL:  # prose, not a wrapped label
            fragments.clear()
            continue
        if m is None:
            fragments.append(block.cell(start, start + len(text), text=stripped))
            del fragments[:-_KEEP_FRAGMENTS]
            continue
        label_end = start + m.end("label")
        values = [block.cell(start + v.start(), start + v.end()) for v in
                  _TOKEN.finditer(text, m.start("values"), m.end("values"))]
        if not m["label"].strip() and len(values) >= _APPEALS_VALUES:
            fragments.clear()  # table 四's bare numbers: the fragments above are its broken header
        own = block.cell(start, label_end, text=m["label"].strip())
        # A label that names its row by itself keeps the fragments above from leaking in
        # (they may be the remains of a row whose numbers were lost).
        parts = [own] if _names_a_row(own.text) else [*fragments, own]
        parts = [p for p in parts if p.text]
        joined = "".join(p.text for p in parts)
        label = [block.cell(parts[0].start, parts[-1].end, text=joined)] if parts else []
        rows.append([*label, *values])
        fragments.clear()
    return rows


@hookimpl
def govinfo_layout_info() -> LayoutInfo:
    return INFO


@hookimpl
def govinfo_sniff_block(block: Block) -> LayoutScore | None:
    if "\t" in block.text:
        return None
    lines = [line for line in block.text.split("\n") if line.strip()]
    numeric = sum(1 for line in lines if (m := _ROW.match(_FOOTER.sub("", line)))
                  and len(m["values"].split()) >= 2)
    bare_appeals = any(len(line.split()) >= 15 and _ROW.match(line) and not _ROW.match(line)["label"]  # type: ignore[index]
                       for line in lines)
    if numeric < 2 and not bare_appeals:
        return None
    if not labels.table_words(block.text) and not bare_appeals:
        return None
    return LayoutScore(layout=NAME, score=min(1.0, 0.2 + numeric / max(len(lines), 1)))


@hookimpl
def govinfo_parse_block(block: Block, layout: str) -> LayoutResult | None:
    if layout != NAME:
        return None
    return block.assemble(read_rows(block), layout=NAME)


__all__ = ["INFO", "NAME", "read_rows"]
