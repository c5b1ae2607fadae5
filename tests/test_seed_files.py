"""The seeds saved as Word files and printed to PDF, as their authors might have.

Both must give exactly the gold values: the Word file through its tables, the
PDF (tables with wrapped labels and headers, columns as wide as their text)
through the PDF converter and through every text extractor installed.
"""

from __future__ import annotations

import pytest

import govinfo_parse
from govinfo_parse.testing.convert import text_to_docx
from tests.conftest import seed_gold, seed_path

SEEDS = ["000", "001", "002", "003", "004"]


def _gold(number: str) -> dict[str, object]:
    gold = seed_gold(number)
    gold.pop("meta.organ")
    return gold


def _flat(data: bytes | str) -> dict[str, object]:
    flat = {k: (float(v) if not isinstance(v, (int, str)) else v)
            for k, v in govinfo_parse.parse(data).to_flat().items()}
    flat.pop("meta.organ", None)
    return flat


@pytest.mark.parametrize("number", SEEDS)
def test_seed_as_word_file_matches_gold(number: str) -> None:
    data = text_to_docx(seed_path(number).read_text(encoding="utf-8"))
    assert govinfo_parse.parse(data).source.format == "docx"
    assert _flat(data) == _gold(number)


@pytest.mark.parametrize("number", SEEDS)
def test_seed_printed_to_pdf_matches_gold(number: str) -> None:
    pytest.importorskip("reportlab")
    pdf = pytest.importorskip("govinfo_parse.testing.pdf")
    from govinfo_parse.testing.convert import text_to_pdf  # noqa: PLC0415

    document = text_to_pdf(seed_path(number).read_text(encoding="utf-8"))
    gold = _gold(number)
    for extractor in [*pdf.available_extractors(), None]:
        flat = _flat(document if extractor is None else pdf.extract_text(document, extractor))
        assert {k: v for k, v in flat.items() if gold.get(k) != v} == {}, extractor  # nothing wrong
        assert flat == gold, extractor  # nothing lost
