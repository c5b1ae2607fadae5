"""Worst-case parse time per MB: ``python bench/bench_worst_case.py [--chars 200000]``.

Parses each of ``govinfo_parse.testing.hostile.ADVERSARIAL_TEXTS`` (texts
built to make matching backtrack or rescan) at the given size, time limits
off, and prints seconds per MB of UTF-8 input, worst first.  Together with
tests/property/test_linear_time.py (growth is linear) this bounds the time
any text can take.
"""

from __future__ import annotations

import argparse
import time

import govinfo_parse
from govinfo_parse import Limits
from govinfo_parse.testing.hostile import ADVERSARIAL_TEXTS


def run(chars: int) -> None:
    limits = Limits(timeout=None, plugin_timeout=None)
    rows = []
    for name, make in ADVERSARIAL_TEXTS.items():
        text = make(chars)
        size = len(text.encode("utf-8")) / 1_000_000
        start = time.perf_counter()
        govinfo_parse.parse(text, limits=limits)
        seconds = time.perf_counter() - start
        rows.append((seconds / size, name, size, seconds))
    print(f"{'adversarial text':<34} {'MB':>6} {'seconds':>8} {'s per MB':>9}")
    for per_mb, name, size, seconds in sorted(rows, reverse=True):
        print(f"{name:<34} {size:6.2f} {seconds:8.2f} {per_mb:9.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=200_000)
    run(parser.parse_args().chars)


if __name__ == "__main__":
    main()
