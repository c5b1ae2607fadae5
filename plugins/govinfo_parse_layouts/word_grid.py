"""Word's tables on their grid: each row's cells placed by their edges, as the .docx converter writes them.

Word 97–2003 files and RTF give each table row its cells' edges (in twips)
rather than a grid: the edges of all the rows of a table make its columns,
and a cell covering several leaves blanks after it (``w:gridSpan`` in a .docx).
"""

from __future__ import annotations

import bisect
from typing import Final

SAME_EDGE: Final = 20  # twips (a third of a millimetre): cell edges closer than this are one column's


def on_grid(rows: list[tuple[list[str], tuple[int, ...]]]) -> list[list[str]]:
    """A table's rows on one grid: a cell wider than a column covers blanks after it, as in the .docx layout.

    The columns are the cells' edges over all rows (edges a few twips apart are one).
    A table whose rows do not give one edge more than their cells is left as printed.
    """
    if not rows or any(len(edges) != len(cells) + 1 for cells, edges in rows):
        return [cells for cells, _ in rows]
    columns: list[int] = []
    for edge in sorted({e for _, edges in rows for e in edges}):
        if not columns or edge - columns[-1] > SAME_EDGE:
            columns.append(edge)

    def column(edge: int) -> int:  # the column whose edge this is: the nearest one
        i = bisect.bisect_left(columns, edge)
        return i if i == 0 or (i < len(columns) and columns[i] - edge < edge - columns[i - 1]) else i - 1

    grid = []
    for cells, edges in rows:
        row = [""] * column(edges[0])
        for i, text in enumerate(cells):
            row += [text] + [""] * max(0, column(edges[i + 1]) - column(edges[i]) - 1)
        grid.append(row)
    return grid


__all__ = ["SAME_EDGE", "on_grid"]
