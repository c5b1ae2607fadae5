"""What layout plugins receive and return.

A ``Block`` is a stretch of the normalised document (a section body) offered
to the layouts; a ``LayoutResult`` is what the chosen layout read from it.
Plugins build ``RawCell`` rows and call ``Block.assemble`` so that every layout
resolves rows and columns by the same labels.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import attrs

from govinfo_parse._tables import RawCell, assemble, template_of
from govinfo_parse.numbers import unit_in_note

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from govinfo_parse.fields import Template
    from govinfo_parse.model import Cell, Diagnostic, Section, SourceSpan
    from govinfo_parse.text import SourceText

__all__ = ["Block", "ConvertedDocument", "LayoutInfo", "LayoutResult", "LayoutScore", "RawCell"]


@attrs.frozen(kw_only=True)
class ConvertedDocument:
    """A document that is not plain text (HTML, …) turned into the text the pipeline reads.

    Tables become one row per line with cells separated by tabs; ``format``
    names the input format (``"html"``); spans of the report point into ``text``.
    """

    text: str
    format: str
    encoding: str | None = None
    #: Offsets in ``text`` where pages 2, 3, … start, for formats with pages.
    page_starts: tuple[int, ...] = ()
    #: Where characters stand on their page, for formats that know (PDF): ``text`` offset →
    #: (left, bottom, right, top) in points.  Layouts use it to place a value under its column.
    boxes: Mapping[int, tuple[float, float, float, float]] = attrs.field(factory=dict)
    #: For text recognised from images (OCR): ``text`` offset → the engine's confidence (0–1).
    confidences: Mapping[int, float] = attrs.field(factory=dict)
    #: For recognised text: offsets of the characters of counts that a second reading of their
    #: ink gave alike.  A count no rule of the table checks is kept only if read so.
    read_twice: frozenset[int] = frozenset()


@attrs.frozen(kw_only=True)
class LayoutInfo:
    """A layout's description, shown by ``govinfo-parse plugins``."""

    name: str
    description: str
    aliases: tuple[str, ...] = ()
    version_added: str = "0.1"


@attrs.frozen(kw_only=True)
class LayoutScore:
    """How well a layout recognises a block: 0 (not at all) to 1 (certainly)."""

    layout: str
    score: float

    def __attrs_post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            msg = f"a layout score is between 0 and 1, got {self.score!r}"
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Block:
    """A stretch of the normalised document offered to the layouts.

    ``start``/``end`` are offsets into ``source.text``; ``section`` is the
    section the block belongs to (its kind is a hint of which table to expect).
    """

    source: SourceText
    start: int
    end: int
    section: Section
    # Layouts ask for the text hundreds of times a report: it is cut from the source once.
    _text: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_text", self.source.text[self.start : self.end])

    @property
    def text(self) -> str:
        """The block's normalised text."""
        return self._text

    def span(self, start: int, end: int) -> SourceSpan:
        """Source span of block-relative ``text[start:end]``."""
        return self.source.span(self.start + start, self.start + end)

    def x_center(self, start: int, end: int) -> float | None:
        """Where block-relative ``text[start:end]`` stands across its page, if the source knows."""
        return self.source.x_center(self.start + start, self.start + end)

    def cell(self, start: int, end: int, text: str | None = None) -> RawCell:
        """A ``RawCell`` for block-relative ``text[start:end]`` (``text`` overrides its content)."""
        content = self.text[start:end] if text is None else text
        return RawCell(content, self.start + start, self.start + end)

    def assemble(
        self, rows: Iterable[Sequence[RawCell]], *, layout: str, grid: bool = False, remnants: bool = False,
        blanks_vanish: bool = False,
    ) -> LayoutResult:
        """Resolve ``rows`` by their labels into a ``LayoutResult``.

        ``grid``: every row has a cell for every column of the table (merged
        cells expanded, as in HTML), so a value's position under the header counts.
        ``remnants``: a merged label cell may leave a blank cell after the label
        (text copied by rows), so a blank first value is not taken on trust.
        ``blanks_vanish``: a blank cell leaves no trace (PDF text), so a row with
        a number missing may have a blank there: its printed numbers may be placed
        by the table's arithmetic, the missing one is never filled in.
        """
        found = assemble(self.source, rows, layout=layout, context=self.section.kind,
                         grid=grid, remnants=remnants, table_unit=unit_in_note(self.text),
                         blanks_vanish=blanks_vanish)
        return LayoutResult(
            layout=layout, cells=found.cells, diagnostics=found.diagnostics,
            template_votes=found.template_votes,
        )


@attrs.frozen(kw_only=True)
class LayoutResult:
    """The cells a layout read from one block, with its diagnostics."""

    layout: str
    cells: tuple[Cell, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    template_votes: Counter[str] = attrs.field(factory=Counter)

    @property
    def template(self) -> Template:
        """The format its labels vote for (2019 on a tie or without votes, as the older format)."""
        return template_of(self.template_votes) or "2019"
