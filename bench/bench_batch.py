"""Batch throughput and memory: ``python bench/bench_batch.py [--counts 100 2000] [--jobs 1 2]``.

Writes N generated reports (the bundled example's values in four layouts) to a
temporary folder and runs ``govinfo-parse parse FOLDER -o out.jsonl --jobs J``
as a child process, once per (N, J), printing reports per second and the
child's peak resident memory, so that memory can be seen not to grow with N.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_parse import _example  # noqa: E402

from govinfo_parse.testing import render_canonical, render_markdown, render_tabular  # noqa: E402
from govinfo_parse.testing.html import render_html  # noqa: E402


def _run(folder: Path, jobs: int) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "govinfo_parse", "parse", str(folder / "in"), "-o", str(folder / "out.jsonl"),
         "--jobs", str(jobs), "--no-progress"], check=False, stderr=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--counts", type=int, nargs="+", default=[100, 2000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    sample = _example()
    texts = [render(sample) for render in (render_canonical, render_tabular, render_html, render_markdown)]
    print(f"{'reports':>8} {'jobs':>5} {'seconds':>8} {'reports/s':>10} {'peak RSS MB (largest child)':>28}")
    for count in args.counts:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "in").mkdir()
            for i in range(count):
                (folder / "in" / f"{i:06d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
            for jobs in args.jobs:
                seconds, peak = _run(folder, jobs)
                print(f"{count:>8} {jobs:>5} {seconds:>8.1f} {count / seconds:>10.1f} {peak:>28.0f}")


if __name__ == "__main__":
    main()
