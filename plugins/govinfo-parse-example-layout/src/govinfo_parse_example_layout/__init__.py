"""Pipe-separated rows: one table row per line, cells separated by ``|``.

信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量
规章 | 0 | 0 | 3
"""

from __future__ import annotations

import re

from govinfo_parse import Block, LayoutInfo, LayoutResult, LayoutScore, RawCell, hookimpl

NAME = "pipe_rows"
_ROW = re.compile(r"^[^|\n]*(\|[^|\n]*){2,}$", re.MULTILINE)


@hookimpl
def govinfo_layout_info() -> LayoutInfo:
    return LayoutInfo(name=NAME, description="Table rows as lines of |-separated cells.",
                      aliases=("pipes",), version_added="0.1")


@hookimpl
def govinfo_sniff_block(block: Block) -> LayoutScore | None:
    rows = len(_ROW.findall(block.text))
    lines = sum(1 for line in block.text.splitlines() if line.strip())
    return LayoutScore(layout=NAME, score=rows / lines) if rows >= 2 else None


@hookimpl
def govinfo_parse_block(block: Block, layout: str) -> LayoutResult | None:
    if layout != NAME:
        return None
    rows: list[list[RawCell]] = []
    for line in _ROW.finditer(block.text):
        cells, start = [], line.start()
        for piece in line.group().split("|"):
            cells.append(block.cell(start, start + len(piece), text=piece.strip()))
            start += len(piece) + 1
        rows.append(cells)
    # Merged cells leave blank cells behind in copied rows: a blank value beside
    # them is not taken on trust (the assembler settles it or leaves it out).
    return block.assemble(rows, layout=NAME, remnants=True)
