"""The seeds saved as Word files and printed to PDF, as their authors might have.

Both must give exactly the gold values: the Word file through its tables, the
PDF (tables with wrapped labels and headers, columns as wide as their text)
through the PDF converter and through every text extractor installed.
"""

from __future__ import annotations

from collections import Counter

import pytest

import govinfo_parse
from govinfo_parse import fields
from govinfo_parse.model import Origin
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


_LAID_OUT = {"pdftotext-layout"}  # text that keeps each character's place on the page


@pytest.mark.parametrize("number", SEEDS)
def test_seed_printed_to_pdf_matches_gold(number: str) -> None:
    pytest.importorskip("reportlab")
    pdf = pytest.importorskip("govinfo_parse.testing.pdf")
    from govinfo_parse.testing.convert import text_to_pdf  # noqa: PLC0415

    text = seed_path(number).read_text(encoding="utf-8")
    document = text_to_pdf(text)
    gold = _gold(number)
    # Where the seed's text lost a cell (003, 004), the printed table has a blank there. In PDF
    # text a blank leaves no trace, so that row cannot be placed: its values are not expected.
    # The PDF file itself, and text laid out by characters (pdftotext -layout), place each
    # value under its column: only the blank one is missing.
    hole_rows = {fields.split_field_id(c.field_id)[1] for c in govinfo_parse.parse(text).cells()
                 if c.origin is Origin.DERIVED and not c.raw}
    from_text = {k: v for k, v in gold.items() if fields.split_field_id(k)[1] not in hole_rows}
    assert len(from_text) > len(gold) * 0.5
    for extractor in [*pdf.available_extractors(), None]:
        flat = _flat(document if extractor is None else pdf.extract_text(document, extractor))
        assert {k: v for k, v in flat.items() if gold.get(k) != v} == {}, extractor  # nothing wrong
        if extractor is not None and extractor not in _LAID_OUT:
            assert flat == from_text, extractor  # nothing else lost
            continue
        lost = Counter(fields.split_field_id(k)[1] for k in gold if k not in flat)
        assert lost == dict.fromkeys(hole_rows, 1), extractor  # a row that printed six lost its blank only
