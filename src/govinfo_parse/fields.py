"""Stable field identifiers of the report tables (``spec/fields.md``).

Every number a report's tables can state has one dotted identifier.  This
module is the single registry of them: which rows and columns exist in which
template, and in what official order.  Exports and ``Report.to_flat()`` use
exactly these identifiers.

Keys split from the right: the last segment is the column, the rest is the row
(``requests.other.other.total`` is row ``other.other``, column ``total``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

import attrs

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "ACTIVE_ROWS",
    "AMOUNT_COLUMNS",
    "APPEALS_COLUMNS",
    "APPEALS_GROUPS",
    "FORMATS",
    "META_KEYS",
    "REQUESTS_APPLICANT_COLUMNS",
    "REQUESTS_COLUMNS",
    "REQUESTS_RESULT_ROWS",
    "REQUESTS_ROWS",
    "SIGNED_COLUMNS",
    "TEMPLATES",
    "Format",
    "Template",
    "all_field_ids",
    "field_ids",
    "format_named_by",
    "is_field_id",
    "split_field_id",
    "table_of",
]

Template = Literal["2019", "2021"]
TEMPLATES: Final[tuple[Template, ...]] = ("2019", "2021")

META_KEYS: Final = ("meta.year", "meta.template", "meta.organ")

#: Columns whose values are decimals in 万元 rather than integer counts.
AMOUNT_COLUMNS: Final = frozenset({"amount", "fee_amount"})
#: Columns that hold a signed net change.
SIGNED_COLUMNS: Final = frozenset({"change"})

REQUESTS_COLUMNS: Final = (
    "natural_person",
    "commercial",
    "research",
    "nonprofit",
    "legal_service",
    "other_org",
    "total",
)
#: The six applicant columns whose sum is the ``total`` column.
REQUESTS_APPLICANT_COLUMNS: Final = REQUESTS_COLUMNS[:-1]

APPEALS_GROUPS: Final = ("review", "litigation_direct", "litigation_after_review")
APPEALS_COLUMNS: Final = ("upheld", "corrected", "other", "pending", "total")

_RESULTS: Final = (
    "granted",
    "partially_granted",
    "denied.state_secret",
    "denied.prohibited_by_law",
    "denied.endangers_safety",
    "denied.third_party_rights",
    "denied.internal_affairs",
    "denied.process_information",
    "denied.enforcement_files",
    "denied.query_matters",
    "unable.not_held",
    "unable.requires_creation",
    "unable.unclear_after_correction",
    "not_processed.complaint",
    "not_processed.duplicate",
    "not_processed.publication",
    "not_processed.excessive",
    "not_processed.confirmation",
)


@attrs.frozen
class Format:
    """One edition of the official tables: the rows and columns it prints, and what names it.

    The tables of sections 三 and 四 share their columns across editions; the
    editions differ in section 二's rows and columns and in section 三's (六) rows.
    """

    name: Template
    #: Section 二: each row (official order) with its columns.
    active_rows: Mapping[str, tuple[str, ...]]
    #: Section 三's result rows (三、本年度办理结果), whose per-column sum is the 总计 row.
    requests_result_rows: tuple[str, ...]
    #: Result rows some reports in this edition print instead of their own (as the older edition
    #: did): this edition's rows they stand for, and the rows printed.
    alternative_rows: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())

    @property
    def requests_rows(self) -> tuple[str, ...]:
        """Section 三's rows, in official order."""
        return ("new_received", "carried_over", *self.requests_result_rows, "total", "carried_forward")

    def result_rows(self, *, alternative: bool = False) -> tuple[str, ...]:
        """A report's result rows in this edition: its own, or (``alternative``) those printed instead."""
        replaced, printed = self.alternative_rows
        if not alternative or not replaced:
            return self.requests_result_rows
        return tuple(r for r in self.requests_result_rows if r not in replaced) + printed

    def field_ids(self) -> tuple[str, ...]:
        """Every table field id of this edition (alternative rows too), in official table order."""
        active = [f"active.{row}.{col}" for row, cols in self.active_rows.items() for col in cols]
        requests = [f"requests.{row}.{col}" for row in self.requests_rows for col in REQUESTS_COLUMNS]
        requests += [f"requests.{row}.{col}" for row in self.alternative_rows[1] for col in REQUESTS_COLUMNS]
        appeals = [f"appeals.{g}.{col}" for g in APPEALS_GROUPS for col in APPEALS_COLUMNS]
        return (*active, *requests, *appeals)

    def expected_fields(self, table: str, *, alternative: bool = False) -> tuple[str, ...]:
        """The field ids a complete report of this edition states in ``table``."""
        if table == "active":
            return tuple(f"active.{row}.{col}" for row, cols in self.active_rows.items() for col in cols)
        if table == "appeals":
            return tuple(f"appeals.{g}.{col}" for g in APPEALS_GROUPS for col in APPEALS_COLUMNS)
        results = self.result_rows(alternative=alternative)
        rows = ("new_received", "carried_over", *results, "total", "carried_forward")
        return tuple(f"requests.{row}.{col}" for row in rows for col in REQUESTS_COLUMNS)


#: The two editions: the 2019 trial format and its 2021 revision.
FORMATS: Final[dict[Template, Format]] = {
    "2019": Format(
        name="2019",
        active_rows={
            "regulations": ("made", "published", "total_published"),
            "normative_documents": ("made", "published", "total_published"),
            "administrative_licensing": ("prev_items", "change", "decisions"),
            "other_external_services": ("prev_items", "change", "decisions"),
            "administrative_penalty": ("prev_items", "change", "decisions"),
            "administrative_coercion": ("prev_items", "change", "decisions"),
            "administrative_fees": ("prev_items", "change"),
            "government_procurement": ("items", "amount"),
        },
        requests_result_rows=(*_RESULTS, "other"),
    ),
    "2021": Format(
        name="2021",
        active_rows={
            "regulations": ("issued", "repealed", "in_force"),
            "normative_documents": ("issued", "repealed", "in_force"),
            "administrative_licensing": ("decisions",),
            "administrative_penalty": ("decisions",),
            "administrative_coercion": ("decisions",),
            "administrative_fees": ("fee_amount",),
        },
        requests_result_rows=(*_RESULTS, "other.no_correction", "other.unpaid_fee", "other.other"),
        # Some 2021-format reports still print the single 2019-style (六) row.
        alternative_rows=(("other.no_correction", "other.unpaid_fee", "other.other"), ("other",)),
    ),
}

# The tables by edition, as the rest of the library reads them.
ACTIVE_ROWS: Final[dict[Template, Mapping[str, tuple[str, ...]]]] = {
    t: f.active_rows for t, f in FORMATS.items()}
REQUESTS_RESULT_ROWS: Final[dict[Template, tuple[str, ...]]] = {
    t: f.requests_result_rows for t, f in FORMATS.items()}
REQUESTS_ROWS: Final[dict[Template, tuple[str, ...]]] = {t: f.requests_rows for t, f in FORMATS.items()}


def _rows(fmt: Format) -> set[tuple[str, str]]:
    return {("active", r) for r in fmt.active_rows} | {("requests", r) for r in fmt.requests_rows}


def _evidence() -> dict[tuple[str, str], Template]:
    """(table, row) → the edition whose reports alone print that row."""
    found: dict[tuple[str, str], Template] = {}
    for name, fmt in FORMATS.items():
        others = set().union(*(_rows(o) | {("requests", r) for r in o.alternative_rows[1]}
                               for o in FORMATS.values() if o is not fmt))
        found.update(dict.fromkeys(_rows(fmt) - others, name))
    return found


_EVIDENCE: Final = _evidence()


def format_named_by(table: str, row: str) -> Template | None:
    """The edition a report is in when it prints ``table``'s ``row`` (None: either may print it)."""
    return _EVIDENCE.get((table, row))


def field_ids(template: Template) -> tuple[str, ...]:
    """All table field ids of ``template``, in official table order."""
    return FORMATS[template].field_ids()


def all_field_ids() -> tuple[str, ...]:
    """Every table field id of either template, 2019 order first, without repeats."""
    return tuple(dict.fromkeys((*field_ids("2019"), *field_ids("2021"))))


_KNOWN: Final = frozenset(all_field_ids())


def is_field_id(key: str) -> bool:
    """True when ``key`` is a table field id of either template."""
    return key in _KNOWN


def split_field_id(field_id: str) -> tuple[str, str, str]:
    """``"requests.other.other.total"`` → ``("requests", "other.other", "total")``."""
    table, _, rest = field_id.partition(".")
    row, _, column = rest.rpartition(".")
    return table, row, column


def table_of(field_id: str) -> str:
    """The table (``active``, ``requests`` or ``appeals``) a field id belongs to."""
    return field_id.partition(".")[0]
