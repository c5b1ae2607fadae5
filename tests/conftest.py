"""Shared fixtures and hypothesis profiles.

Profiles: ``ci`` (default under CI=true), ``dev`` (default), ``nightly`` (long runs);
choose with ``HYPOTHESIS_PROFILE=nightly``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=30, deadline=None)
settings.register_profile("ci", max_examples=80, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("nightly", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GOVINFO_SHARED") or ROOT.parent / "shared")
SEEDS = SHARED / "seeds"


def shared_path(*parts: str) -> Path:
    """A file of ``../shared``, or skip the test (with the message the README gives) when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: ../shared is not beside the repository (set GOVINFO_SHARED)")
    return path


def seed_path(number: str) -> Path:
    """The seed input NNN_*.txt, or skip when ../shared is not beside the repository."""
    found = sorted(SEEDS.glob(f"{number}_*.txt"))
    if not found:
        pytest.skip(f"seed {number} not found: ../shared/seeds is absent (set GOVINFO_SHARED)")
    return found[0]


def seed_gold(number: str) -> dict[str, object]:
    """The gold values of seed NNN, without notes."""
    gold = json.loads((SEEDS / f"{number}.gold.json").read_text(encoding="utf-8"))
    return {k: v for k, v in gold.items() if not k.startswith("_")}
