"""Seeds as other copies give them: Traditional characters, full width, CRLF/GB18030 …

Each converted seed must still match its gold values exactly.
"""

from __future__ import annotations

import math

import pytest

import govinfo_parse
from govinfo_parse.testing.variants import (
    VARIANTS,
    to_crlf,
    to_full_width,
    to_traditional,
)
from tests.conftest import seed_gold, seed_path

SEEDS = ["000", "001", "002", "003", "004"]


def _assert_matches_gold(data: str | bytes, number: str) -> None:
    flat = govinfo_parse.parse(data).to_flat()
    flat.pop("meta.organ", None)
    gold = seed_gold(number)
    gold.pop("meta.organ")
    assert set(flat) == set(gold), set(flat) ^ set(gold)
    for key, want in gold.items():
        got = flat[key]
        assert math.isclose(float(got), float(want)) if isinstance(want, (int, float)) else got == want, key


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("number", SEEDS)
def test_seed_variants_score_exactly(number: str, variant: str) -> None:
    text = seed_path(number).read_text(encoding="utf-8")
    _assert_matches_gold(VARIANTS[variant](text), number)


@pytest.mark.parametrize("config", ["s2t", "s2hk", "s2twp"])
@pytest.mark.parametrize("number", SEEDS)
def test_traditional_with_and_without_vocabulary_swaps(number: str, config: str) -> None:
    text = seed_path(number).read_text(encoding="utf-8")
    _assert_matches_gold(to_traditional(text, config), number)


@pytest.mark.parametrize("number", SEEDS)
def test_full_width_crlf_gb18030_together(number: str) -> None:
    text = seed_path(number).read_text(encoding="utf-8")
    _assert_matches_gold(to_crlf(to_full_width(text)).encode("gb18030"), number)


@pytest.mark.parametrize("number", SEEDS)
def test_traditional_as_big5_and_utf16(number: str) -> None:
    text = to_traditional(seed_path(number).read_text(encoding="utf-8"), "s2t")
    _assert_matches_gold(text.encode("utf-16"), number)
    big5 = text.encode("big5", errors="ignore")  # characters Big5 lacks are dropped, as in real copies
    report = govinfo_parse.parse(big5)
    assert report.source.encoding is not None
    assert report.to_flat().keys() <= seed_gold(number).keys() | {"meta.organ"}


def test_raw_text_and_spans_stay_in_the_source_characters() -> None:
    text = to_traditional(seed_path("002").read_text(encoding="utf-8"), "s2twp")
    report = govinfo_parse.parse(text)
    cell = report.cell("active.normative_documents.total_published")
    assert cell is not None
    assert text[cell.span.offset : cell.span.end] == cell.raw == "18"
    assert any("檔案" in s.text for s in report.sections)
