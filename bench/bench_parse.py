"""Parse-time benchmark: ``python bench/bench_parse.py [--repeat N]``.

Parses, in one process, the seed reports (when ../shared is beside the
repository) and the bundled example rendered in every built-in layout: the
canonical text, tab-separated rows, HTML (plain and as a Word export),
Markdown as OCR prints it, Traditional characters, and (when reportlab and an
extractor are installed) the text pypdfium2 / pdftotext take out of the
example printed to PDF.  Prints per input the median and p95 milliseconds per parse, next to a
floor (decoding the same bytes and splitting them into lines) so the figures
compare across machines as a ratio, and what building the report's values alone
costs (a ``Cell`` and its ``SourceSpan`` each): the part of a parse that no
faster reading removes while every value keeps its raw text and position.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING

import govinfo_parse
from govinfo_parse.model import Cell
from govinfo_parse.testing import SampleReport, render_canonical, render_markdown, render_tabular
from govinfo_parse.testing.html import render_html
from govinfo_parse.testing.variants import to_traditional
from govinfo_parse.text import normalize

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parents[1]


def _example() -> SampleReport:
    spec = importlib.util.spec_from_file_location("make_example", ROOT / "examples" / "make_example.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return SampleReport(template="2019", year=2020, organ="示例县人民政府",
                        values=module.example_values(), thousands=True)


def _inputs() -> list[tuple[str, bytes]]:
    out = [(p.name[:28], p.read_bytes()) for p in sorted((ROOT.parent / "shared" / "seeds").glob("*_*.txt"))]
    sample = _example()
    out += [("example canonical", render_canonical(sample).encode()),
            ("example tabular", render_tabular(sample).encode()),
            ("example html", render_html(sample).encode()),
            ("example html, Word export", render_html(sample, word=True).encode()),
            ("example markdown (OCR)", render_markdown(sample, ocr=True).encode()),
            ("example Traditional (s2twp)", to_traditional(render_canonical(sample)).encode())]
    try:
        from govinfo_parse.testing.pdf import available_extractors, extract_text, render_pdf  # noqa: PLC0415

        pdf = render_pdf(sample)
        out += [(f"example pdf/{name}", extract_text(pdf, name).encode()) for name in available_extractors()]
    except ImportError:
        print("reportlab is not installed: no PDF inputs")
    return out


def _time(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return sorted(out)


def _pdf_files() -> list[tuple[str, bytes]]:
    """The example printed to PDF and the published PDFs in ../shared/corpus/pdf."""
    out = []
    try:
        from govinfo_parse.testing.pdf import render_pdf  # noqa: PLC0415

        out.append(("example.pdf (generated)", render_pdf(_example())))
    except ImportError:
        print("reportlab is not installed: no generated PDF")
    out += [(p.name[:28], p.read_bytes()) for p in sorted((ROOT.parent / "shared" / "corpus" / "pdf").glob("*.pdf"))]
    return out


def bench_pdf_files(repeat: int) -> None:
    """Whole PDF files through ``parse``: ms per file and per page, next to pypdfium2's own text extraction."""
    try:
        import pypdfium2  # noqa: PLC0415
    except ImportError:
        print("pypdfium2 is not installed (extra 'pdf'): no PDF file figures")
        return

    def extract_only(data: bytes) -> None:
        pdf = pypdfium2.PdfDocument(data)
        for page in pdf:
            page.get_textpage().get_text_range()

    print(f"\n{'PDF file':<30} {'pages':>5} {'median ms':>10} {'p95 ms':>8} {'ms/page':>8} {'floor ms':>9} "
          f"{'ratio':>6}")
    for name, data in _pdf_files():
        pages = len(pypdfium2.PdfDocument(data))
        runs = max(3, repeat // 5)
        parse_ms = _time(lambda d=data: govinfo_parse.parse(d), runs)
        floor_ms = _time(lambda d=data: extract_only(d), runs)
        median = statistics.median(parse_ms)
        p95 = parse_ms[min(len(parse_ms) - 1, int(len(parse_ms) * 0.95))]
        floor = statistics.median(floor_ms)
        print(f"{name:<30} {pages:>5} {median:10.1f} {p95:8.1f} {median / pages:8.1f} {floor:9.1f} "
              f"{median / floor:6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    bench_text(args.repeat)
    bench_pdf_files(args.repeat)


def _values_only(report: govinfo_parse.Report, data: bytes) -> Callable[[], object]:
    """Building ``report``'s values alone: a ``Cell`` and its ``SourceSpan`` each, as a parse makes them.

    What no reading can go below while every value keeps its raw text and source position.
    """
    source = normalize(data.decode("utf-8"))
    cells = [(c, c.span) for c in report.cells() if c.span is not None]

    def build() -> None:
        for c, span in cells:
            Cell(field_id=c.field_id, value=c.value, raw=c.raw, kind=c.kind, layout=c.layout,
                 span=source.span(span.offset, span.end), origin=c.origin, rule=c.rule, unit=c.unit,
                 note=c.note)
    return build


def bench_text(repeat: int) -> None:
    """Text inputs in every layout: median and p95 ms per report, the floor, and the values' own cost."""
    t0 = time.perf_counter()
    govinfo_parse.parse("一、总体情况\n\t规章\n\t0\n\t0\n")  # grammar and plugins load once per process
    print(f"first parse (loads grammar and plugins): {(time.perf_counter() - t0) * 1000:.1f} ms")
    print(f"{'input':<30} {'KB':>5} {'median ms':>10} {'p95 ms':>8} {'floor ms':>9} {'ratio':>7} "
          f"{'values ms':>10} {'ratio':>6}")
    medians, ratios, values_ratios = [], [], []
    for name, data in _inputs():
        parse_ms = _time(lambda d=data: govinfo_parse.parse(d), repeat)
        floor_ms = _time(lambda d=data: d.decode("utf-8").splitlines(), repeat)
        median, floor = statistics.median(parse_ms), statistics.median(floor_ms)
        p95 = parse_ms[min(len(parse_ms) - 1, int(len(parse_ms) * 0.95))]
        values = statistics.median(_time(_values_only(govinfo_parse.parse(data), data), repeat))
        medians.append(median)
        ratios.append(median / floor)
        values_ratios.append(values / floor)
        print(f"{name:<30} {len(data) / 1024:5.1f} {median:10.2f} {p95:8.2f} {floor:9.3f} "
              f"{median / floor:7.0f} {values:10.2f} {values / floor:6.0f}")
    print(f"median over inputs: {statistics.median(medians):.2f} ms per report, "
          f"{statistics.median(ratios):.0f}× the floor; building the values alone "
          f"{statistics.median(values_ratios):.0f}× the floor")


if __name__ == "__main__":
    main()
