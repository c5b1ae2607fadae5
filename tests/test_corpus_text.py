"""A real page as a crawler saved it (../shared/corpus/text/pingtan-2023.txt): every cell glued to the next.

The values below were worked out by hand from the text: each run of digits
splits into its row's cells one way only, given that numbers have no leading
zeros, that the applicant columns add up to the total, and that the table's
columns add up to the 总计 row.  The one run that splits several ways
(行政规范性文件 77132470, three columns no rule connects) is left out and said so.
"""

from __future__ import annotations

from decimal import Decimal

import govinfo_parse
from govinfo_parse import Origin, fields
from tests.conftest import shared_path

# requests rows that are not all zeros: (natural_person, …, total)
NONZERO = {
    "new_received": (80, 1, 0, 0, 0, 0, 81), "granted": (22, 0, 0, 0, 0, 0, 22),
    "partially_granted": (19, 1, 0, 0, 0, 0, 20), "denied.third_party_rights": (1, 0, 0, 0, 0, 0, 1),
    "denied.process_information": (1, 0, 0, 0, 0, 0, 1), "denied.enforcement_files": (1, 0, 0, 0, 0, 0, 1),
    "denied.query_matters": (2, 0, 0, 0, 0, 0, 2), "unable.not_held": (31, 0, 0, 0, 0, 0, 31),
    "not_processed.duplicate": (1, 0, 0, 0, 0, 0, 1), "other.no_correction": (1, 0, 0, 0, 0, 0, 1),
    "other.other": (1, 0, 0, 0, 0, 0, 1), "total": (80, 1, 0, 0, 0, 0, 81),
}
ACTIVE = {
    "active.regulations.issued": 0, "active.regulations.repealed": 0, "active.regulations.in_force": 0,
    "active.administrative_licensing.decisions": 2629, "active.administrative_penalty.decisions": 1330,
    "active.administrative_coercion.decisions": 54, "active.administrative_fees.fee_amount": Decimal("5949.088667"),
}
APPEALS = (1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2)


def _expected() -> dict[str, object]:
    out: dict[str, object] = dict(ACTIVE)
    for row in fields.REQUESTS_ROWS["2021"]:
        values = NONZERO.get(row, (0,) * 7)
        out.update((f"requests.{row}.{c}", v) for c, v in zip(fields.REQUESTS_COLUMNS, values, strict=True))
    leaves = [f"appeals.{g}.{c}" for g in fields.APPEALS_GROUPS for c in fields.APPEALS_COLUMNS]
    out.update(zip(leaves, APPEALS, strict=True))
    return out


def test_a_crawled_page_of_glued_cells_reads_what_its_arithmetic_determines() -> None:
    report = govinfo_parse.parse_file(shared_path("corpus", "text", "pingtan-2023.txt"))
    flat = {k: v for k, v in report.to_flat().items() if not k.startswith("meta.")}
    assert flat == _expected()
    assert (report.meta.year, report.meta.template) == (2023, "2021")
    # Each value split out of a run carries the rule that split it, and its own digits.
    split = report.cell("requests.granted.natural_person")
    assert split is not None
    assert (split.origin, split.raw) == (Origin.DERIVED, "22")
    assert "split" in (split.rule or "")
    # The one run the arithmetic cannot split is left out, and the report says why.
    left_out = [d for d in report.diagnostics if d.code == "glued-cells"]
    assert [("active.normative_documents" in d.message) for d in left_out] == [True]
