"""Recall and precision on what real tools make of reports: one row per tool and format.

``python bench/bench_tools.py [--reports N] [--tools bs4-tab pdfplumber ...]``

Generated reports of both formats, in three kinds (values in every cell;
sparse: every 0 printed blank; one total printed wrong, as real reports do),
are published as a Word-export HTML page (and, for the HTML tools, as a plain
page a site's editor writes: ``--pages plain``) or a printed PDF, turned into text by
each installed tool (``govinfo_parse.testing.tools``) and parsed.  A value is
correct when it equals the report's; wrong when it differs; extra when the
report left that cell blank.  Precision = correct / (correct + wrong + extra),
recall = correct / values the report states.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

import attrs
from hypothesis import HealthCheck, given, settings

import govinfo_parse
from govinfo_parse.testing import SampleReport
from govinfo_parse.testing.strategies import rule_breaking_reports, sample_reports
from govinfo_parse.testing.tools import HTML_TOOLS, available_tools, convert

KINDS = ("full", "sparse", "rule broken")


def samples(template: str, kind: str, n: int) -> list[SampleReport]:
    """``n`` reports of one format and kind, the same on every run."""
    found: list[SampleReport] = []
    strategy = {
        "full": sample_reports(template=template),  # type: ignore[arg-type]
        "sparse": sample_reports(template=template, sparse=True),  # type: ignore[arg-type]
        "rule broken": rule_breaking_reports(template=template).map(lambda case: case[0]),  # type: ignore[arg-type]
    }[kind]

    @settings(max_examples=n, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def collect(sample: SampleReport) -> None:
        if len(found) < n:
            found.append(sample)

    collect()
    return found


def score(tool: str, sample: SampleReport, *, word: bool = True) -> Counter[str]:
    """correct / wrong / extra / missing counts of one report through one tool."""
    counts: Counter[str] = Counter()
    try:
        report = govinfo_parse.parse(convert(tool, sample, word=word))
    except govinfo_parse.GovinfoParseError:
        counts["missing"] += len(sample.values)
        return counts
    flat = {k: v for k, v in report.to_flat().items() if not k.startswith("meta.")}
    for key, value in flat.items():
        if key not in sample.values:
            counts["extra"] += 1
        elif value == sample.values[key]:
            counts["correct"] += 1
        else:
            counts["wrong"] += 1
    counts["missing"] += sum(1 for k in sample.values if k not in flat)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=4, help="reports per format and kind")
    parser.add_argument("--tools", nargs="+", default=None, help="only these tools")
    parser.add_argument("--pages", nargs="+", choices=("word", "plain"), default=["word", "plain"],
                        help="the kinds of HTML page the HTML tools read")
    args = parser.parse_args()
    tools = [t for t in available_tools() if args.tools is None or t in args.tools]
    drawn = {(t, k): samples(t, k, args.reports) for t in ("2019", "2021") for k in KINDS}
    print(f"{'tool':<24} {'format':<7} {'reports':>7} {'precision':>9} {'recall':>7} {'wrong':>6} "
          f"{'extra':>6} {'ms/report':>9}")
    runs = [(tool, page) for tool in tools for page in (args.pages if tool in HTML_TOOLS else ["pdf"])]
    for tool, page in runs:
        for template in ("2019", "2021"):
            counts: Counter[str] = Counter()
            start = time.perf_counter()
            reports = 0
            for kind in KINDS:
                for sample in drawn[(template, kind)]:
                    counts += score(tool, attrs.evolve(sample), word=page != "plain")
                    reports += 1
            ms = (time.perf_counter() - start) * 1000 / max(reports, 1)
            judged = counts["correct"] + counts["wrong"] + counts["extra"]
            stated = counts["correct"] + counts["wrong"] + counts["missing"]
            precision = counts["correct"] / judged if judged else 1.0
            recall = counts["correct"] / stated if stated else 1.0
            name = f"{tool} ({page})" if tool in HTML_TOOLS else tool
            print(f"{name:<24} {template:<7} {reports:>7} {precision:>9.4f} {recall:>7.3f} "
                  f"{counts['wrong']:>6} {counts['extra']:>6} {ms:>9.0f}", flush=True)


if __name__ == "__main__":
    main()
