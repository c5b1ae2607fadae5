"""pytest plugin (entry point ``pytest11``): fixtures for testing layout plugins."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from govinfo_parse.plugins import get_plugin_manager

if TYPE_CHECKING:
    import pluggy


@pytest.fixture
def govinfo_plugin_manager() -> pluggy.PluginManager:
    """A fresh plugin manager with the built-in and installed plugins.

    Register your plugin on it and pass it as ``parse(..., plugin_manager=...)``;
    nothing leaks into other tests.
    """
    return get_plugin_manager()
