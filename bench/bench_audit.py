"""The audit page: seconds to parse a report and write its page, and the page's size.

``python bench/bench_audit.py [--repeat N]``: for the example report (as text and
printed to PDF) and the published PDFs in ../shared/corpus/pdf, the median time
of ``parse`` + ``audit.render`` in one process, the share of it spent on page
images, and the page's size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_parse  # noqa: E402

import govinfo_parse  # noqa: E402
from govinfo_parse.audit import _pages, render  # noqa: E402


def run(repeat: int) -> None:
    example = bench_parse.ROOT / "examples" / "example-report-2020.txt"
    inputs = [("example (text)", example.read_bytes()), *bench_parse._pdf_files()]  # noqa: SLF001
    print(f"{'audit page':<30} {'pages':>5} {'parse+page s':>12} {'images s':>9} {'MB':>6}")
    for name, data in inputs:
        report = govinfo_parse.parse(data)
        page = render(report, data)  # warm: templates compiled once per process
        total, images = [], []
        for _ in range(repeat):
            t0 = time.perf_counter()
            page = render(govinfo_parse.parse(data), data)
            total.append(time.perf_counter() - t0)
            if data.startswith(b"%PDF"):
                t0 = time.perf_counter()
                _pages.pdf_pages(data, report, {})  # the page images alone
                images.append(time.perf_counter() - t0)
        pages = page.count('class="page"')
        image_s = f"{statistics.median(images):9.3f}" if images else f"{'-':>9}"
        print(f"{name:<30} {pages:>5} {statistics.median(total):12.3f} {image_s} "
              f"{len(page.encode('utf-8')) / 1e6:6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    run(parser.parse_args().repeat)


if __name__ == "__main__":
    main()
