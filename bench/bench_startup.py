"""Start-up benchmark: ``python bench/bench_startup.py [--runs N]``.

Parsing one text report from the command line, as whole processes: the CPU
time (user + system) of ``govinfo-parse parse example.txt`` next to that of an
interpreter that only imports the runtime dependencies
(``python -c "import attrs, pluggy, lark, charset_normalizer"``).  The two are
run alternately, so a busy machine weighs on both alike; the figure to read is
the ratio of their medians.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "example-report-2020.txt"
DEPENDENCIES = "import attrs, pluggy, lark, charset_normalizer"


# As an installed package runs: from compiled bytecode (pip compiles it at install; a
# checkout's modules are compiled by the warm-up run), whatever this shell says.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _cpu_seconds(command: list[str]) -> float:
    """User + system CPU seconds of one run of ``command`` (its output thrown away).

    ``getrusage`` counts in microseconds; ``os.times`` only in clock ticks (10 ms here).
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=_ENV)  # noqa: S603 - our own commands
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run(runs: int) -> None:
    """Print the medians and their ratio."""
    cli = [sys.executable, "-m", "govinfo_parse", "parse", str(EXAMPLE)]
    deps = [sys.executable, "-c", DEPENDENCIES]
    _cpu_seconds(cli)  # the grammar's tables cached, files in the page cache
    cli_s, deps_s = [], []
    for _ in range(runs):
        deps_s.append(_cpu_seconds(deps))
        cli_s.append(_cpu_seconds(cli))
    c, d = statistics.median(cli_s), statistics.median(deps_s)
    print(f"start-up, {runs} runs each: CLI parse of one text report {c * 1000:.0f} ms CPU, "
          f"importing the dependencies only {d * 1000:.0f} ms CPU, ratio {c / d:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    run(parser.parse_args().runs)


if __name__ == "__main__":
    main()
