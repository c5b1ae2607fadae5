"""A layout plugin that misbehaves on purpose; ``GOVINFO_BROKEN_MODE`` says how.

raise   every hook raises
hang    every hook loops for ever
garbage parse_block returns objects that do not fit the model
claim   sniff claims every block with the top score, parse_block reads nothing
"""

from __future__ import annotations

import os
import time

from govinfo_parse import Block, LayoutResult, LayoutScore, hookimpl

MODE = os.environ.get("GOVINFO_BROKEN_MODE", "raise")


def _misbehave() -> None:
    if MODE == "raise":
        raise RuntimeError("broken on purpose")
    if MODE == "hang":
        while True:
            time.sleep(0.05)


@hookimpl
def govinfo_sniff_block(block: Block) -> LayoutScore:
    _misbehave()
    return LayoutScore(layout="broken", score=1.0)


@hookimpl
def govinfo_parse_block(block: Block, layout: str) -> object:
    if layout != "broken":
        return None
    _misbehave()
    if MODE == "garbage":
        return LayoutResult(layout="broken", cells=("requests.new_received.total", 999))  # type: ignore[arg-type]
    return None


@hookimpl
def govinfo_extract_facts(block: Block) -> object:
    _misbehave()
    return [{"field_id": "requests.new_received.total", "value": 999}]
