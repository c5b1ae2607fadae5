"""Every input that once gave wrong values (``../shared/findings``) gives none now.

Each file is compared with its truth: the ``truth_sNNN.json`` of a generated
report, the first report's values for the file of two reports, and for the
small hand-made files the values their own text states (below).  A value may be
missing; none may differ, and none may appear that the truth does not hold.
Skipped when ``../shared`` is absent.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import govinfo_parse
from tests.conftest import SHARED

FINDINGS = SHARED / "findings"

# The values the small hand-made files state, read off their text.
STATED: dict[str, dict[str, object]] = {
    "F1_values_before_label_pdftext.txt": {
        "meta.year": 2020,
        "requests.new_received.natural_person": 10, "requests.new_received.commercial": 2,
        "requests.new_received.total": 12, "requests.carried_over.natural_person": 1,
        "requests.carried_over.total": 1, "requests.granted.natural_person": 7, "requests.granted.commercial": 1,
        "requests.granted.total": 8, "requests.partially_granted.natural_person": 2,
        "requests.partially_granted.commercial": 1, "requests.partially_granted.total": 3,
        "requests.denied.state_secret.total": 0,
    },
    "F2_2021_unnumbered_blank_subrow_pdftext.txt": {
        "meta.year": 2021, "requests.other.no_correction.natural_person": 3,
        "requests.other.no_correction.commercial": 1, "requests.other.no_correction.total": 4,
        "requests.other.other.natural_person": 5, "requests.other.other.commercial": 2,
        "requests.other.other.total": 7, "requests.total.natural_person": 8, "requests.total.total": 11,
    },
    "F2b_2021_ocr_last_cell_pdftext.txt": {
        "meta.year": 2021, "requests.other.unpaid_fee.natural_person": 1,
        "requests.other.no_correction.total": 4, "requests.other.other.total": 7, "requests.total.total": 11,
    },
    "F3_glued_cells_pdftext.txt": {
        "meta.year": 2021, "requests.new_received.natural_person": 20, "requests.new_received.total": 60,
        "requests.not_processed.complaint.research": 23, "requests.not_processed.complaint.other_org": 0,
        "requests.not_processed.complaint.total": 60, "requests.not_processed.duplicate.total": 0,
    },
    "F5_header_qianyuan.txt": {"meta.year": 2020, "active.government_procurement.items": 231,
                               "active.government_procurement.amount": 289500},
    "F5b_header_baiwanyuan.txt": {"meta.year": 2020, "active.government_procurement.items": 231,
                                  "active.government_procurement.amount": 289500},
    "F6_unit_in_note_line.txt": {"meta.year": 2020, "active.government_procurement.items": 231,
                                 "active.government_procurement.amount": 289500},
    "F7_year_from_publication_date.txt": {"meta.year": 2020},
    "F7b_year_from_overview_sentence.txt": {"meta.year": 2020},
}


def _truth(path: Path) -> dict[str, object] | None:
    if m := re.search(r"_s(\d{3})\.txt$", path.name):
        return json.loads((FINDINGS / f"truth_s{m.group(1)}.json").read_text(encoding="utf-8"))
    if path.name.startswith("F8_"):
        return json.loads((FINDINGS / "F8_truth_first_report.json").read_text(encoding="utf-8"))
    return STATED.get(path.name)


def _same(got: object, want: object) -> bool:
    if isinstance(got, (int, Decimal)) and not isinstance(got, bool):
        return Decimal(got) == Decimal(str(want))
    return str(got) == str(want)


def _findings() -> list[Path]:
    return sorted(FINDINGS.glob("F*.txt")) if FINDINGS.is_dir() else []


@pytest.mark.parametrize("path", _findings(), ids=lambda p: p.name)
def test_a_finding_gives_no_wrong_value(path: Path) -> None:
    truth = _truth(path)
    assert truth is not None, f"no truth for {path.name}"
    flat = govinfo_parse.parse_file(path).to_flat()
    hand_made = path.name in STATED
    wrong = {k: (v, truth.get(k)) for k, v in flat.items()
             if k != "meta.organ" and (k in truth or not hand_made) and not _same(v, truth.get(k))}
    assert wrong == {}


def test_every_finding_is_here() -> None:
    if not FINDINGS.is_dir():
        pytest.skip(f"{FINDINGS} is absent: ../shared is not beside the repository (set GOVINFO_SHARED)")
    assert len(_findings()) >= 15
    assert all(_truth(p) is not None for p in _findings())


def test_the_first_of_two_reports_is_read_whole_and_the_second_too() -> None:
    path = FINDINGS / "F8_two_reports_2019fmt_then_2021fmt_canonical.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent: ../shared is not beside the repository (set GOVINFO_SHARED)")
    first, second = govinfo_parse.parse_file_all(path)
    truth = _truth(path)
    assert truth is not None
    flat = first.to_flat()
    assert set(flat) - {"meta.organ"} == set(truth) - {"meta.organ"}
    assert all(_same(flat[k], truth[k]) for k in truth if k != "meta.organ")
    assert (first.meta.template, second.meta.template) == ("2019", "2021")
    assert len(second.to_flat()) > 150
