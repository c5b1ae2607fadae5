"""The typed document model every layout produces.

Frozen, keyword-only attrs classes.  Nothing here parses text or imports
lark, pluggy or cattrs: layouts build these objects, ``serialize`` turns them
into JSON and back.  Source positions (``SourceSpan``) are left out of
equality so that the same values read from two layouts compare equal.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, Union

import attrs
from attrs import field, frozen

from govinfo_parse.fields import META_KEYS, Template, all_field_ids, is_field_id, table_of

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "DOUBT_CODES",
    "Cell",
    "CellKind",
    "Diagnostic",
    "Meta",
    "NarrativeFact",
    "Number",
    "Origin",
    "Report",
    "Section",
    "SectionKind",
    "Severity",
    "Source",
    "SourceSpan",
    "Table",
    "TableName",
]

#: Diagnostic codes (or code prefixes) that put the values they name in doubt.
DOUBT_CODES: tuple[str, ...] = ("rule-", "unit-assumed", "ocr-read-twice")

#: A table value: an integer count, or a decimal amount in 万元.
Number = Union[int, Decimal]  # noqa: UP007 - a runtime alias, also used by cattrs
TableName = Literal["active", "requests", "appeals"]


class CellKind(str, enum.Enum):
    """What a table cell held, whatever its value."""

    NUMBER = "number"
    """A non-zero number."""
    ZERO = "zero"
    """An explicit 0."""
    EMPTY = "empty"
    """Nothing at all: no key."""
    NOT_APPLICABLE = "not_applicable"
    """A placeholder such as ``/``, ``-``, ``无``, ``不适用``: no key."""
    TEXT = "text"
    """Words where a number was expected: no key, and a diagnostic."""
    UNREADABLE = "unreadable"
    """A number misread into letters or marks (OCR's ``l04``, ``1O``, ``44*``) or in pieces (``11 2``).

    No key, and a diagnostic.
    """


class Origin(str, enum.Enum):
    """How a value came to be known."""

    READ = "read"
    """Read directly from the cell."""
    DERIVED = "derived"
    """Recovered from the table's arithmetic; ``Cell.rule`` names the rule."""
    NARRATIVE = "narrative"
    """Taken from a sentence of prose because no table states it."""
    OCR = "ocr"
    """Recognised from a page image: ``Cell.confidence`` is the engine's; the table's rules vouch for it."""


class Severity(str, enum.Enum):
    """How much a diagnostic matters."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class SectionKind(str, enum.Enum):
    """The six numbered sections of the format, plus what comes before them."""

    PREAMBLE = "preamble"
    OVERVIEW = "overview"  # 一、总体情况
    ACTIVE = "active"  # 二、主动公开政府信息情况
    REQUESTS = "requests"  # 三、收到和处理政府信息公开申请情况
    APPEALS = "appeals"  # 四、政府信息公开行政复议、行政诉讼情况
    PROBLEMS = "problems"  # 五、存在的主要问题及改进情况
    OTHER = "other"  # 六、其他需要报告的事项


@frozen(kw_only=True)
class SourceSpan:
    """Where something stands in the decoded source text.

    Offsets are 0-based character offsets into the decoded text (before
    normalisation); lines and columns are 1-based; ``page`` is set where the
    input has pages.
    """

    offset: int
    end: int
    line: int
    column: int
    page: int | None = None


@frozen(kw_only=True)
class Cell:
    """One table value, with everything needed to trust or audit it."""

    field_id: str
    value: Number | None
    raw: str
    kind: CellKind
    layout: str
    span: SourceSpan | None = field(default=None, eq=False)
    origin: Origin = Origin.READ
    rule: str | None = None
    unit: str | None = None
    note: str | None = None
    #: For a value recognised by OCR: the engine's confidence in its characters (the lowest), 0–1.
    confidence: float | None = None

    @property
    def stated(self) -> bool:
        """True when the cell gives its field a value (a number or an explicit 0)."""
        return self.value is not None


@frozen(kw_only=True)
class Table:
    """The cells of one of the three statistical tables, in document order."""

    name: TableName
    cells: tuple[Cell, ...] = ()
    _by_id: dict[str, Cell] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {c.field_id: c for c in reversed(self.cells)})

    def get(self, field_id: str) -> Cell | None:
        """The cell of ``field_id``, or None when the table does not have it."""
        return self._by_id.get(field_id)

    def __iter__(self) -> Iterator[Cell]:
        return iter(self.cells)

    def __len__(self) -> int:
        return len(self.cells)


@frozen(kw_only=True)
class Section:
    """One numbered section (or the preamble before the first one)."""

    kind: SectionKind
    number: int | None
    heading: str
    text: str
    span: SourceSpan | None = field(default=None, eq=False)


@frozen(kw_only=True)
class NarrativeFact:
    """A figure stated in a sentence of prose."""

    field_id: str
    value: Number
    sentence: str
    raw: str
    span: SourceSpan | None = field(default=None, eq=False)


@frozen(kw_only=True)
class Diagnostic:
    """A recoverable problem, addressed by field ids and source position."""

    code: str
    severity: Severity
    message: str
    field_ids: tuple[str, ...] = ()
    values: tuple[Number | None, ...] = ()
    span: SourceSpan | None = field(default=None, eq=False)
    layout: str | None = None

    def __str__(self) -> str:
        where = f" (line {self.span.line})" if self.span else ""
        return f"{self.severity.value}[{self.code}]{where}: {self.message}"


@frozen(kw_only=True)
class Meta:
    """What the report is about."""

    year: int | None = None
    template: Template | None = None
    organ: str | None = None
    title: str | None = None


@frozen(kw_only=True)
class Source:
    """Where the report came from."""

    path: str | None = None
    encoding: str | None = None
    #: "text", or the format a converter read ("html"); spans point into the text it made.
    format: str = "text"


@frozen(kw_only=True)
class Report:
    """One parsed annual report."""

    meta: Meta = Meta()
    sections: tuple[Section, ...] = ()
    active: Table = Table(name="active")
    requests: Table = Table(name="requests")
    appeals: Table = Table(name="appeals")
    narrative: tuple[NarrativeFact, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    source: Source = Source()

    @property
    def tables(self) -> tuple[Table, Table, Table]:
        """The three tables, in document order."""
        return (self.active, self.requests, self.appeals)

    def cells(self) -> Iterator[Cell]:
        """Every cell of every table."""
        for table in self.tables:
            yield from table.cells

    def cell(self, field_id: str) -> Cell | None:
        """The cell of ``field_id``, or None when the report has none (always for ``meta.*``).

        :raises KeyError: ``field_id`` is no field id of either format (the message names the closest).
        """
        _check_field_id(field_id)
        name = table_of(field_id)
        if name not in ("active", "requests", "appeals"):
            return None
        table: Table = getattr(self, name)
        return table.get(field_id)

    def value(self, field_id: str) -> Number | None:
        """The value of table field ``field_id``, or None when the report does not state it.

        ``meta.*`` keys give None: what the report is about is in ``Report.meta``.

        :raises KeyError: ``field_id`` is no field id of either format (the message names the closest).
        """
        found = self.cell(field_id)
        return found.value if found else None

    def to_flat(self, *, include_narrative: bool = False) -> dict[str, Any]:
        """Flat ``{field id: value}`` with exactly the ``spec/fields.md`` keys.

        Only values the tables state (read, or derived from their arithmetic)
        appear: a blank, placeholder or unreadable cell gives no key.  With
        ``include_narrative``, keys no table states are filled from prose.
        """
        meta = dict(zip(META_KEYS, (self.meta.year, self.meta.template, self.meta.organ), strict=True))
        flat: dict[str, Any] = {k: v for k, v in meta.items() if v is not None}
        flat.update(
            (c.field_id, c.value) for c in self.cells()
            if c.value is not None and (include_narrative or c.origin is not Origin.NARRATIVE)
        )
        return flat

    def with_diagnostics(self, *extra: Diagnostic) -> Report:
        """A copy with ``extra`` diagnostics appended."""
        return attrs.evolve(self, diagnostics=(*self.diagnostics, *extra))

    def doubtful_fields(self) -> frozenset[str]:
        """Field ids whose values a broken consistency rule puts in doubt.

        When a rule fails (``rule-*`` diagnostics), the report's own arithmetic
        contradicts one of the values it names, and nothing says which: a typo in
        the report, or a cell lost or split in copying.  Those values are kept as
        printed, and marked here.  So is an amount whose unit the document does
        not state (``unit-assumed``).
        """
        return frozenset(f for d in self.diagnostics if d.code.startswith(DOUBT_CODES) for f in d.field_ids)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """Diagnostics of severity warning or error."""
        return tuple(d for d in self.diagnostics if d.severity is not Severity.INFO)


def _check_field_id(field_id: str) -> None:
    """Raise ``KeyError`` naming the closest known id when ``field_id`` is none of them."""
    if is_field_id(field_id) or field_id in META_KEYS:
        return
    import difflib  # noqa: PLC0415 - only a mistyped id needs it: not loaded at start-up

    close = difflib.get_close_matches(field_id, [*META_KEYS, *all_field_ids()], n=1, cutoff=0.5)
    hint = f"; did you mean {close[0]!r}?" if close else " (see docs/reference/fields.md)"
    msg = f"{field_id!r} is not a field id{hint}"
    raise KeyError(msg)
