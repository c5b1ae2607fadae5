"""Stable field identifiers of the report tables (``spec/fields.md``).

Every number a report's tables can state has one dotted identifier.  This
module is the single registry of them: which rows and columns exist in which
template, and in what official order.  Exports and ``Report.to_flat()`` use
exactly these identifiers.

Keys split from the right: the last segment is the column, the rest is the row
(``requests.other.other.total`` is row ``other.other``, column ``total``).
"""

from __future__ import annotations

from typing import Final, Literal

__all__ = [
    "ACTIVE_ROWS",
    "AMOUNT_COLUMNS",
    "APPEALS_COLUMNS",
    "APPEALS_GROUPS",
    "META_KEYS",
    "REQUESTS_COLUMNS",
    "REQUESTS_RESULT_ROWS",
    "REQUESTS_ROWS",
    "SIGNED_COLUMNS",
    "TEMPLATES",
    "Template",
    "all_field_ids",
    "field_ids",
    "is_field_id",
    "split_field_id",
    "table_of",
]

Template = Literal["2019", "2021"]
TEMPLATES: Final[tuple[Template, ...]] = ("2019", "2021")

META_KEYS: Final = ("meta.year", "meta.template", "meta.organ")

# active.<row>.<column>: rows in official order, with their columns per template.
ACTIVE_ROWS: Final[dict[Template, dict[str, tuple[str, ...]]]] = {
    "2019": {
        "regulations": ("made", "published", "total_published"),
        "normative_documents": ("made", "published", "total_published"),
        "administrative_licensing": ("prev_items", "change", "decisions"),
        "other_external_services": ("prev_items", "change", "decisions"),
        "administrative_penalty": ("prev_items", "change", "decisions"),
        "administrative_coercion": ("prev_items", "change", "decisions"),
        "administrative_fees": ("prev_items", "change"),
        "government_procurement": ("items", "amount"),
    },
    "2021": {
        "regulations": ("issued", "repealed", "in_force"),
        "normative_documents": ("issued", "repealed", "in_force"),
        "administrative_licensing": ("decisions",),
        "administrative_penalty": ("decisions",),
        "administrative_coercion": ("decisions",),
        "administrative_fees": ("fee_amount",),
    },
}

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

_DENIED: Final = (
    "denied.state_secret",
    "denied.prohibited_by_law",
    "denied.endangers_safety",
    "denied.third_party_rights",
    "denied.internal_affairs",
    "denied.process_information",
    "denied.enforcement_files",
    "denied.query_matters",
)
_UNABLE: Final = ("unable.not_held", "unable.requires_creation", "unable.unclear_after_correction")
_NOT_PROCESSED: Final = (
    "not_processed.complaint",
    "not_processed.duplicate",
    "not_processed.publication",
    "not_processed.excessive",
    "not_processed.confirmation",
)
_OTHER: Final[dict[Template, tuple[str, ...]]] = {
    "2019": ("other",),
    "2021": ("other.no_correction", "other.unpaid_fee", "other.other"),
}

#: Result rows (三、本年度办理结果) whose per-column sum is the ``total`` row.
REQUESTS_RESULT_ROWS: Final[dict[Template, tuple[str, ...]]] = {
    t: ("granted", "partially_granted", *_DENIED, *_UNABLE, *_NOT_PROCESSED, *_OTHER[t])
    for t in TEMPLATES
}
REQUESTS_ROWS: Final[dict[Template, tuple[str, ...]]] = {
    t: ("new_received", "carried_over", *REQUESTS_RESULT_ROWS[t], "total", "carried_forward")
    for t in TEMPLATES
}

APPEALS_GROUPS: Final = ("review", "litigation_direct", "litigation_after_review")
APPEALS_COLUMNS: Final = ("upheld", "corrected", "other", "pending", "total")


def field_ids(template: Template) -> tuple[str, ...]:
    """All table field ids of ``template``, in official table order."""
    active = [f"active.{row}.{col}" for row, cols in ACTIVE_ROWS[template].items() for col in cols]
    requests = [f"requests.{row}.{col}" for row in REQUESTS_ROWS[template] for col in REQUESTS_COLUMNS]
    if template == "2021":
        # Some 2021-format reports still print the single 2019-style (六) row.
        requests += [f"requests.other.{col}" for col in REQUESTS_COLUMNS]
    appeals = [f"appeals.{g}.{col}" for g in APPEALS_GROUPS for col in APPEALS_COLUMNS]
    return (*active, *requests, *appeals)


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
