"""Markdown pipe tables, as OCR and vision-model tools print a report's tables.

For example::

    | 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
    |---|---|---|---|
    | 规章 | 0 | 0 | 3 |

One table row per line between pipes; ``|---|`` separator rows are skipped;
``<br>`` inside a cell and ``**bold**`` marks are dropped.  The tools invent
header rows (``| 项目 | 数据1 | 数据2 |``), split header words over cells
(``商业企 | 业``) and flatten table 四 into one row of 15 numbers: header rows
that name no column of the format are ignored, the format's own column order
is used where the header cannot be read (with a diagnostic), and merged cells
come out as blank cells, read the way text copied by rows is.  A table whose
cells hold several numbers apiece (``| 0 0 |``, as markitdown frames a PDF's
lines) is left to the PDF-text layout.
"""

from __future__ import annotations

import re
from typing import Final

from govinfo_parse import hookimpl, labels
from govinfo_parse.layout import Block, LayoutInfo, LayoutResult, LayoutScore, RawCell
from govinfo_parse.model import SectionKind

from .broken_tables import rejoined
from .pdf_text import holds_pdf_lines

NAME = "markdown"
INFO = LayoutInfo(
    name=NAME,
    aliases=("md", "ocr"),
    version_added="0.1",
    description="Markdown pipe tables from OCR and vision models.",
)

_PIPE_ROW: Final = re.compile(r"^[ ]*\|.*\|?[ ]*$", re.MULTILINE)
# html2text writes a table's rows without outer pipes (after its ---|--- line), merged cells left out.
_UNFRAMED_ROW: Final = re.compile(r"^[^|\n]+\|[^\n]*$", re.MULTILINE)
# Written so that no run of spaces can be split two ways (nested ``[ ]*`` backtracks quadratically).
_SEPARATOR: Final = re.compile(r"^[ ]*(?:\|[ ]*)?(?::?-{2,}:?[ ]*\|[ ]*)+(?::?-{2,}:?[ ]*)?$")
_LONE_RULE: Final = re.compile(r"^[ ]*-{3,}[ ]*$")
_MARKUP: Final = re.compile(r"<br\s*/?>|\*\*|__", re.IGNORECASE)
_LINE: Final = re.compile(r"[^\n]+")


def _cells(block: Block, start: int, line: str) -> list[RawCell]:
    """The cells between the pipes of one line, with their offsets."""
    body_start = line.index("|") + 1
    body_end = line.rstrip().rfind("|")
    body_end = body_end if body_end >= body_start else len(line)
    cells, at = [], body_start
    for piece in line[body_start:body_end].split("|"):
        cells.append(block.cell(start + at, start + at + len(piece), text=_MARKUP.sub("", piece).strip()))
        at += len(piece) + 1
    return cells


def read_rows(block: Block) -> list[list[RawCell]]:
    """Each pipe row as cells; captions outside the table (第二十条第(一)项) as one-cell rows.

    Rows without outer pipes (html2text: ``一、本年新收… | 1 | 1 …``) may have
    their first cell wrapped over the lines above them: those lines join it.
    """
    return _read(block)[0]


def _read(block: Block) -> tuple[list[list[RawCell]], list[int]]:
    """The rows, and where each Markdown table starts among them (the row above its ``---`` line)."""
    rows: list[list[RawCell]] = []
    starts: list[int] = []
    unframed = _has_separator(block)
    wrapped: list[tuple[int, str]] = []  # lines without a pipe just above an unframed row
    for m in _LINE.finditer(block.text):
        line = m.group()
        if _SEPARATOR.match(line) or (unframed and _LONE_RULE.match(line)):
            wrapped.clear()
            starts.append(max(len(rows) - 1, 0))
            continue
        if _PIPE_ROW.match(line) and "|" in line:
            rows.append(_cells(block, m.start(), line))
            wrapped.clear()
        elif unframed and "|" in line:  # an unframed row
            cells = _unframed_cells(block, m.start(), line)
            if wrapped:
                first = block.cell(wrapped[0][0] - block.start, cells[0].end - block.start,
                                   text="".join(t for _, t in wrapped) + cells[0].text)
                cells[0] = first
            rows.append(cells)
            wrapped.clear()
        elif labels.is_caption_line(line):
            rows.append([block.cell(m.start(), m.end(), text=_MARKUP.sub("", line).strip())])
            wrapped.clear()
        else:
            wrapped.append((block.start + m.start(), _MARKUP.sub("", line).strip()))
            del wrapped[:-_WRAPPED_LINES]
    return rows, starts




_WRAPPED_LINES: Final = 3  # lines of a first cell wrapped above its row, at most


def _has_separator(block: Block) -> bool:
    """True when a ``---|---`` line marks the rows as a Markdown table's, outer pipes or not.

    html2text writes a one-cell first row's separator as ``---`` alone, under a line with a pipe.
    """
    lines = block.text.split("\n")
    return any(_SEPARATOR.match(line) or (_LONE_RULE.match(line) and i and "|" in lines[i - 1])
               for i, line in enumerate(lines))


def _unframed_cells(block: Block, start: int, line: str) -> list[RawCell]:
    """The cells of a row written without outer pipes (``a| b| c``)."""
    cells, at = [], 0
    for piece in line.split("|"):
        cells.append(block.cell(start + at, start + at + len(piece), text=_MARKUP.sub("", piece).strip()))
        at += len(piece) + 1
    return cells


@hookimpl
def govinfo_layout_info() -> LayoutInfo:
    return INFO


@hookimpl
def govinfo_sniff_block(block: Block) -> LayoutScore | None:
    pipe_rows = len(_PIPE_ROW.findall(block.text))
    if _has_separator(block):
        pipe_rows += len(_UNFRAMED_ROW.findall(block.text))
    if pipe_rows < 1:
        return None
    if not labels.table_words(block.text) and block.section.kind is not SectionKind.APPEALS:
        return None
    lines = sum(1 for line in block.text.split("\n") if line.strip())
    score = min(1.0, 0.3 + pipe_rows / max(lines, 1))
    if holds_pdf_lines(block.text):
        score = min(score, _UNDER_PDF_TEXT)
    return LayoutScore(layout=NAME, score=score)


_UNDER_PDF_TEXT: Final = 0.2  # a Markdown frame around a PDF's lines: the PDF-text layout reads it


@hookimpl
def govinfo_parse_block(block: Block, layout: str) -> LayoutResult | None:
    if layout != NAME:
        return None
    # Merged cells may be left blank (OCR's framed tables, rows joined by " | "): a blank at a
    # row's end is not taken on trust.  html2text's unframed rows leave merged cells out, so
    # there every blank cell is a blank value, where it stands.
    unframed = _has_separator(block) and not _PIPE_ROW.search(block.text)
    rows, starts = _read(block)
    if block.section.kind is SectionKind.REQUESTS:
        rows = rejoined(block, rows, starts, must_add_up=False)  # every row has its table's width
    return block.assemble(rows, layout=NAME, remnants=not unframed)


__all__ = ["INFO", "NAME", "read_rows"]
