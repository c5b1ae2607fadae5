"""Batch throughput and memory: ``python bench/bench_batch.py [--counts 100 10000] [--jobs 1 2]``.

Writes N generated reports (the bundled example's values in four text layouts,
and as PDF when reportlab is installed) to a temporary folder and runs
``govinfo-parse parse FOLDER -o out.jsonl --jobs J`` once per (N, J), each
under a fresh watcher process, printing reports per second and the peak
resident memory of the largest process of that run (the CLI or one of its
workers), so that memory can be seen not to grow with N.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_parse import _example  # noqa: E402

from govinfo_parse.testing import render_canonical, render_markdown, render_tabular  # noqa: E402
from govinfo_parse.testing.html import render_html  # noqa: E402


# Runs the CLI and prints the largest RSS among its processes: RUSAGE_CHILDREN
# covers every descendant waited for, and a fresh watcher per run keeps one
# run's peak out of the next one's figure.
_WATCHER = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=False, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _run(folder: Path, jobs: int) -> tuple[float, float]:
    out = folder / "out.jsonl"
    out.unlink(missing_ok=True)
    cli = [sys.executable, "-m", "govinfo_parse", "parse", str(folder / "in"), "-o", str(out),
           "--jobs", str(jobs), "--no-progress"]
    t0 = time.perf_counter()
    watcher = subprocess.run(  # noqa: S603
        [sys.executable, "-c", _WATCHER, *cli], check=True, capture_output=True, text=True,
    )
    seconds = time.perf_counter() - t0
    return seconds, int(watcher.stdout.split()[-1]) / 1024  # ru_maxrss is in KiB on Linux


def _documents() -> list[tuple[str, bytes]]:
    sample = _example()
    docs = [(".txt", render(sample).encode()) for render in (render_canonical, render_tabular, render_markdown)]
    docs.append((".html", render_html(sample).encode()))
    try:
        from govinfo_parse.testing.pdf import render_pdf  # noqa: PLC0415

        docs.append((".pdf", render_pdf(sample)))
    except ImportError:
        print("reportlab is not installed: no PDFs in the batch")
    return docs


def run(counts: list[int], jobs_list: list[int]) -> None:
    """Print reports/s and peak RSS for each batch size and number of jobs."""
    documents = _documents()
    print(f"{'reports':>8} {'jobs':>5} {'seconds':>8} {'reports/s':>10} {'peak RSS MB (largest process)':>30}")
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "in").mkdir()
            for i in range(count):
                suffix, data = documents[i % len(documents)]
                (folder / "in" / f"{i:06d}{suffix}").write_bytes(data)
            for jobs in jobs_list:
                seconds, peak = _run(folder, jobs)
                print(f"{count:>8} {jobs:>5} {seconds:>8.1f} {count / seconds:>10.1f} {peak:>30.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--counts", type=int, nargs="+", default=[100, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    run(args.counts, args.jobs)


if __name__ == "__main__":
    main()
