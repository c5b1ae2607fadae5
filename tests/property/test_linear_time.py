"""Parse time grows in proportion to the input, even for inputs built to make matching backtrack.

Each text of ``ADVERSARIAL_TEXTS`` is parsed at two sizes, eight times apart;
quadratic matching would take ~64 times longer, linear ~8.  The ratio is
checked, not the seconds (absolute figures: bench/bench_worst_case.py), with
room for a noisy machine.
"""

from __future__ import annotations

import gc
import time

import pytest

import govinfo_parse
from govinfo_parse import Limits
from govinfo_parse.testing.hostile import ADVERSARIAL_TEXTS

SMALL, FACTOR = 10_000, 8
NO_TIME_LIMITS = Limits(timeout=None, plugin_timeout=None)


def _seconds(text: str) -> float:
    # The collector's full passes cost in proportion to everything alive in the
    # process, not to this input: timed with it paused, so the ratio is the parser's.
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            start = time.perf_counter()
            govinfo_parse.parse(text, limits=NO_TIME_LIMITS)
            best = min(best, time.perf_counter() - start)
    finally:
        gc.enable()
    return best


# Lexbor builds deeply nested trees in more than linear time, in C; nesting is
# refused past 20,000 levels (test_hostile.py, html-deep), which bounds it instead
# (bench/bench_worst_case.py gives the time at the limit).
BOUNDED_NOT_LINEAR = {"nested markup"}


@pytest.mark.parametrize("name", sorted(set(ADVERSARIAL_TEXTS) - BOUNDED_NOT_LINEAR))
def test_parse_time_is_linear_in_the_size(name: str) -> None:
    make = ADVERSARIAL_TEXTS[name]
    govinfo_parse.parse(make(100), limits=NO_TIME_LIMITS)  # warm caches
    small, large = _seconds(make(SMALL)), _seconds(make(SMALL * FACTOR))
    if large > small * FACTOR * 2.5 + 0.1:  # a shared machine's stall: measured once more
        small, large = _seconds(make(SMALL)), _seconds(make(SMALL * FACTOR))
    # 2.5 times the linear ratio, plus 50 ms of slack for timer noise on tiny figures
    # (the quadratic row matching this once caught took 52 times longer at 8 times the size).
    assert large <= small * FACTOR * 2.5 + 0.1, f"{name}: {small:.3f}s -> {large:.3f}s"
