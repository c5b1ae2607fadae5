"""The installed plugins' entry points, kept between processes while nothing is installed."""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING

import pytest

from govinfo_parse import plugins

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("GOVINFO_PARSE_CACHE", str(folder))
    plugins._installed.cache_clear()
    yield folder
    plugins._installed.cache_clear()


def _kept(folder: Path) -> Path:
    (found,) = folder.glob("entry-points-*.json")
    return found


def test_what_is_kept_is_what_the_metadata_says(cache: Path) -> None:
    fresh = plugins._read_installed()
    assert plugins._installed() == fresh
    assert {ep.name for ep in fresh.entry_points} >= {name for name, _ in plugins.DEFAULT_PLUGINS} - {"checks"}
    plugins._installed.cache_clear()
    kept = _kept(cache)
    data = json.loads(kept.read_text(encoding="utf-8"))
    data["content"]["own_version"] = "kept"  # read from the file, not from the metadata, while the stamp holds
    kept.write_text(json.dumps(data), encoding="utf-8")
    assert plugins._installed().own_version == "kept"


def test_an_install_anywhere_on_the_path_reads_them_again(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.setattr(sys, "path", [*sys.path, str(site)])
    plugins._installed()
    kept = _kept(cache)
    data = json.loads(kept.read_text(encoding="utf-8"))
    data["content"]["own_version"] = "stale"
    kept.write_text(json.dumps(data), encoding="utf-8")
    (site / "new_plugin-1.0.dist-info").mkdir()  # what pip does: the folder changes
    stamp = os.stat(site).st_mtime_ns
    os.utime(site, ns=(stamp + 1_000_000, stamp + 1_000_000))
    plugins._installed.cache_clear()
    assert plugins._installed().own_version != "stale"


def test_a_damaged_file_is_read_again_and_off_keeps_nothing(
    cache: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    plugins._installed()
    kept = _kept(cache)
    kept.write_text("{not json", encoding="utf-8")
    plugins._installed.cache_clear()
    assert plugins._installed() == plugins._read_installed()
    assert json.loads(kept.read_text(encoding="utf-8"))["content"]["entry_points"]
    off = cache.parent / "elsewhere"
    monkeypatch.setenv("GOVINFO_PARSE_CACHE", "off")
    plugins._installed.cache_clear()
    assert plugins._installed() == plugins._read_installed()
    assert not off.exists()


def test_an_entry_point_reference_loads_what_it_names() -> None:
    assert plugins._load("govinfo_parse.plugins:get_plugin_manager") is plugins.get_plugin_manager
    assert plugins._load("govinfo_parse.plugins") is plugins
    assert plugins._load("govinfo_parse:plugins.get_plugin_manager [extra]") is plugins.get_plugin_manager
