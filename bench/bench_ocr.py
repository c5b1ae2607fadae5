"""Scanned reports: values read, wrong values and seconds per page, by OCR.

``python bench/bench_ocr.py``: the published PDFs in ../shared/corpus/pdf (else
the example printed to PDF) scanned on purpose (``govinfo_parse.testing.scan``):
clean at 150 dpi, and skewed, speckled, grey and blurred at 200 dpi.  The truth
is what their text layer gives.  Needs the ``ocr`` extra.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_parse  # noqa: E402

import govinfo_parse  # noqa: E402
from govinfo_parse.testing.scan import scan_pdf  # noqa: E402

SCANS = {
    "clean 150 dpi": {"dpi": 150},
    "skewed, speckled 200 dpi": {"dpi": 200, "skew": 0.7, "speckles": 400, "grey": True, "blur": 0.5,
                                 "stamp": True},
}


def _values(report: govinfo_parse.Report) -> dict[str, object]:
    return {k: v for k, v in report.to_flat().items() if not k.startswith("meta.")}


def run() -> None:
    print(f"{'scan':<26} {'file':<24} {'read':>9} {'share':>6} {'wrong':>5} {'derived':>7} {'s/page':>6}")
    for label, noise in SCANS.items():
        for name, data in bench_parse._pdf_files():  # noqa: SLF001
            truth = _values(govinfo_parse.parse(data))
            scanned = scan_pdf(data, **noise)  # type: ignore[arg-type]
            t0 = time.perf_counter()
            report = govinfo_parse.parse(scanned)
            seconds = time.perf_counter() - t0
            pages = govinfo_parse.document_text(data).count("\f") + 1
            got = _values(report)
            wrong = sum(1 for k, v in got.items() if truth.get(k) != v)
            derived = sum(1 for c in report.cells() if c.value is not None and c.origin.value == "derived")
            print(f"{label:<26} {name:<24} {len(got):>4}/{len(truth):<4} {len(got) / len(truth):6.3f} {wrong:>5} "
                  f"{derived:>7} {seconds / pages:6.1f}")


if __name__ == "__main__":
    run()
