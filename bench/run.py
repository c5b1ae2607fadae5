"""The whole benchmark in one command: ``python bench/run.py [--repeat N] [--counts 100 10000]``.

1. text reports in every layout, one process: median and p95 ms per report,
   next to the floor (decode and split the same bytes into lines);
2. whole PDF files: ms per file and per page, next to pypdfium2's own text
   extraction of the same file;
3. start-up: a CLI parse of one report as a whole process, CPU time next to an
   interpreter that only imports the dependencies;
4. batches through the CLI: reports per second with ``--jobs 1`` and ``2``,
   and the peak memory of each batch size;
5. the worst case: seconds per MB for texts built to make matching backtrack;
6. the audit page: seconds to parse a report and write its page, and its size.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_audit  # noqa: E402
import bench_batch  # noqa: E402
import bench_parse  # noqa: E402
import bench_startup  # noqa: E402
import bench_worst_case  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=50, help="parses per input for the timings")
    parser.add_argument("--counts", type=int, nargs="+", default=[100, 10000], help="batch sizes")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--worst-case-chars", type=int, default=200_000)
    args = parser.parse_args()
    bench_parse.bench_text(args.repeat)
    bench_parse.bench_pdf_files(args.repeat)
    print()
    bench_startup.run(runs=15)
    print()
    bench_batch.run(args.counts, args.jobs)
    print()
    bench_worst_case.run(args.worst_case_chars)
    print()
    bench_audit.run(repeat=5)


if __name__ == "__main__":
    main()
