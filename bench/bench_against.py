"""Parse time against another commit, paired: ``python bench/bench_against.py [REV] [--rounds N]``.

A shared machine's speed drifts by more than most changes gain, so two
figures taken minutes apart say little.  This checks ``REV`` (default: the
commit before ``HEAD``) out into a temporary folder and parses the inputs of
``bench_parse.py`` in alternating processes, one with ``REV``'s code and one
with this checkout's, ``--rounds`` times each; a round times each input
``--repeat`` times (``--repeat N``, default 30).  It prints, per input, the median over the rounds of each
side's median, their ratio (this checkout / ``REV``; below 1 is faster), and
the median ratio.  Both sides run on this interpreter and its installed
dependencies, each with its own cache folder.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_parse import _inputs

ROOT = Path(__file__).resolve().parents[1]

# Run in each side's process: the median milliseconds of each input's parses, as JSON.
_TIMER = """
import json, statistics, sys, time
from pathlib import Path
import govinfo_parse
repeat, out = int(sys.argv[1]), {}
for path in sys.argv[2:]:
    data = Path(path).read_bytes()
    govinfo_parse.parse(data)  # grammar, plugins and patterns load once per process
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        govinfo_parse.parse(data)
        times.append(time.perf_counter() - start)
    out[path] = statistics.median(times) * 1000
print(json.dumps(out))
"""


def _side(code: Path, cache: Path, repeat: int, inputs: list[Path]) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": f"{code / 'src'}{os.pathsep}{code / 'plugins'}",
           "GOVINFO_PARSE_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", _TIMER, str(repeat), *map(str, inputs)],  # noqa: S603
                          env=env, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rev", nargs="?", default="HEAD~1", help="the commit to compare with")
    parser.add_argument("--rounds", type=int, default=4, help="alternating process pairs")
    parser.add_argument("--repeat", type=int, default=30, help="parses per input in a process")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="govinfo-bench-") as tmp:
        folder = Path(tmp)
        other = folder / "rev"
        other.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.rev],  # noqa: S603, S607
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(other)], input=archive, check=True)  # noqa: S603, S607
        inputs = []
        for i, (name, data) in enumerate(_inputs()):
            path = folder / "inputs" / f"{i:02d} {name.replace('/', '-')}"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
            inputs.append(path)
        theirs, ours = [], []
        for _ in range(args.rounds):
            theirs.append(_side(other, folder / "cache-rev", args.repeat, inputs))
            ours.append(_side(ROOT, folder / "cache-here", args.repeat, inputs))
    # (input, REV's median over the rounds, this checkout's)
    table = [(path.name[3:33], statistics.median(run[str(path)] for run in theirs),
              statistics.median(run[str(path)] for run in ours)) for path in inputs]
    print(f"{'input':<32} {args.rev:>10} {'here':>8} {'ratio':>6}")
    print("\n".join(f"{name:<32} {before:10.2f} {after:8.2f} {after / before:6.2f}"
                    for name, before, after in table))
    print(f"median ratio over {len(table)} inputs: "
          f"{statistics.median(after / before for _, before, after in table):.2f} "
          f"({args.rounds} rounds of {args.repeat} parses each side, alternating)")


if __name__ == "__main__":
    main()
