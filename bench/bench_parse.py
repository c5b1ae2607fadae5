"""Parse-time benchmark: ``python bench/bench_parse.py [--repeat N]``.

Parses the seed reports (when ../shared is beside the repository) and the
bundled example, one process, and prints per file the median and p95
milliseconds per parse, next to a floor (reading the file and splitting it
into lines) so that the figures compare across machines as a ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import govinfo_parse

ROOT = Path(__file__).resolve().parents[1]


def _inputs() -> list[Path]:
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*_*.txt"))
    return [*seeds, ROOT / "examples" / "example-report-2020.txt"]


def _time(fn: object, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    t0 = time.perf_counter()
    govinfo_parse.parse("一、总体情况\n\t规章\n\t0\n\t0\n")  # warm-up: grammar and plugins load once
    print(f"first parse (loads grammar and plugins): {(time.perf_counter() - t0) * 1000:.1f} ms")
    print(f"{'file':<28} {'KB':>5} {'median ms':>10} {'p95 ms':>8} {'floor ms':>9} {'ratio':>7}")
    medians = []
    for path in _inputs():
        parse_ms = sorted(_time(lambda p=path: govinfo_parse.parse_file(p), args.repeat))
        floor_ms = sorted(_time(lambda p=path: p.read_bytes().decode("utf-8").splitlines(), args.repeat))
        median, floor = statistics.median(parse_ms), statistics.median(floor_ms)
        p95 = parse_ms[min(len(parse_ms) - 1, int(len(parse_ms) * 0.95))]
        medians.append(median)
        print(f"{path.name[:28]:<28} {path.stat().st_size / 1024:5.1f} {median:10.2f} {p95:8.2f} "
              f"{floor:9.3f} {median / floor:7.0f}")
    print(f"median over files: {statistics.median(medians):.2f} ms per report")


if __name__ == "__main__":
    main()
