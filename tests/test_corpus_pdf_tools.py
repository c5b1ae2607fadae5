"""The three published PDFs of ../shared/corpus/pdf through every PDF library a user may run.

Each library's text of each PDF is parsed and compared with what the PDF
states (``tests/data/pdf_corpus/*.gold.json``, read off the documents).  No
library's text may give a wrong value.  Most read every value; the ones that
do not yet are marked below with what they read, as strict expected failures,
so that reading more is noticed and recorded.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govinfo_parse
from govinfo_parse.serialize import flat_to_jsonable
from govinfo_parse.testing.tools import PDF_TOOLS, available_tools, pdf_to
from tests.conftest import SHARED

DATA = Path(__file__).resolve().parent / "data" / "pdf_corpus"
CORPUS = SHARED / "corpus" / "pdf"
GOLDS = sorted(DATA.glob("*.gold.json"))
INSTALLED = set(available_tools())

# (pdf, library): why it does not read every value yet.
SHORT: dict[tuple[str, str], str] = {
    **{(name, "pdftotext"): "pdftotext without -layout prints these tables column by column: "
       "rows gathered from its lines, or read back from a stretch printed a column at a time, are left "
       f"out unless their labels and arithmetic leave one way ({read})"
       for name, read in (("hongze-2023", "80 of 186"), ("hongze-2024", "81 of 186"),
                          ("huaian-2024", "150 of 200"))},
    **{(name, "markitdown"): "markitdown frames the PDF's lines in pipe cells (read as PDF text), and a "
       f"cell the table leaves blank leaves no trace there: rows with blanks are left out ({read})"
       for name, read in (("hongze-2023", "141 of 186"), ("hongze-2024", "121 of 186"))},
    ("hongze-2023", "pymupdf"): "table 四 printed one number per line, and the report's own group totals "
    "(0) do not add up: numbers gathered from lines are taken only where the arithmetic checks them (171 of 186)",
    ("hongze-2023", "pdfplumber-tables"): "行政处罚 and 行政强制 are a table of their own whose header row "
    "pdfplumber leaves outside it (184 of 186)",
}


def _gold(path: Path) -> dict[str, object]:
    return {k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items()
            if not k.startswith(("_", "meta."))}


def _read(pdf: Path, tool: str) -> dict[str, object]:
    flat = flat_to_jsonable(govinfo_parse.parse(pdf_to(tool, pdf.read_bytes())).to_flat())
    return {k: v for k, v in flat.items() if not k.startswith("meta.")}


CASES = [pytest.param(gold, tool, id=f"{gold.name.split('.')[0]}-{tool}",
                      marks=[pytest.mark.xfail(reason=SHORT[(gold.name.split(".")[0], tool)], strict=True)]
                      if (gold.name.split(".")[0], tool) in SHORT else [])
         for gold in GOLDS for tool in PDF_TOOLS]


def _pdf_for(gold_path: Path, tool: str) -> Path:
    if tool not in INSTALLED:
        pytest.skip(f"{tool} is not installed here (pip install \".[tools]\"; apt install poppler-utils)")
    pdf = CORPUS / (gold_path.name.split(".")[0] + ".pdf")
    if not pdf.exists():
        pytest.skip(f"{pdf} not found: ../shared/corpus is absent")
    return pdf


@pytest.mark.parametrize(("gold_path", "tool"), CASES)
def test_a_library_reads_what_the_pdf_states(gold_path: Path, tool: str) -> None:
    assert _read(_pdf_for(gold_path, tool), tool) == _gold(gold_path)


@pytest.mark.parametrize("tool", list(PDF_TOOLS))
@pytest.mark.parametrize("gold_path", GOLDS, ids=[p.name.split(".")[0] for p in GOLDS])
def test_no_library_gives_a_wrong_value(gold_path: Path, tool: str) -> None:
    gold = _gold(gold_path)
    read = _read(_pdf_for(gold_path, tool), tool)
    assert {k: (v, gold.get(k)) for k, v in read.items() if gold.get(k) != v} == {}
