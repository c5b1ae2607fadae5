"""Building the plugin manager: built-in layouts, checks and installed plugins.

Built-in layouts are plugins like any other: they are modules with
``@hookimpl`` functions, listed in ``DEFAULT_PLUGINS`` and also declared in
the ``govinfo_parse`` entry-point group.  Third-party plugins are found
through that entry-point group.  A plugin that fails to import is recorded
in ``load_failures`` and the others still load.
"""

from __future__ import annotations

import importlib
import os
from functools import cache
from importlib.metadata import PackageNotFoundError, entry_points, version
from typing import Final

import attrs
import pluggy

from govinfo_parse import hookspecs

__all__ = [
    "DEFAULT_PLUGINS",
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "LoadFailure",
    "default_plugin_manager",
    "get_plugin_manager",
]

ENTRY_POINT_GROUP: Final = "govinfo_parse"
#: Comma-separated plugin names never to register, e.g. ``GOVINFO_PARSE_DISABLE_PLUGINS=canonical``.
DISABLE_ENV: Final = "GOVINFO_PARSE_DISABLE_PLUGINS"
#: (registration name, module) of the plugins that ship with the package.
DEFAULT_PLUGINS: Final = (
    ("canonical", "govinfo_parse_layouts.canonical"),
    ("tabular", "govinfo_parse_layouts.tabular"),
    ("pdf_text", "govinfo_parse_layouts.pdf_text"),
    ("html", "govinfo_parse_layouts.html"),
    ("markdown", "govinfo_parse_layouts.markdown"),
    ("browser_text", "govinfo_parse_layouts.browser_text"),
    ("glued_text", "govinfo_parse_layouts.glued_text"),
    ("cell_stream", "govinfo_parse_layouts.cell_stream"),
    ("pdf", "govinfo_parse_layouts.pdf_file"),
    ("docx", "govinfo_parse_layouts.docx"),
    ("narrative", "govinfo_parse_layouts.narrative"),
    ("checks", "govinfo_parse.checks"),
)


@attrs.frozen
class LoadFailure:
    """An installed plugin that could not be loaded."""

    name: str
    target: str
    error: str


def get_plugin_manager(
    *, load_entrypoints: bool = True, blocked: tuple[str, ...] = ()
) -> pluggy.PluginManager:
    """A fresh plugin manager with the built-in and (optionally) installed plugins.

    :param load_entrypoints: also load the ``govinfo_parse`` entry-point group.
    :param blocked: plugin names never to register (added to ``$GOVINFO_PARSE_DISABLE_PLUGINS``).
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    env_blocked = tuple(n.strip() for n in os.environ.get(DISABLE_ENV, "").split(",") if n.strip())
    for name in (*blocked, *env_blocked):
        pm.set_blocked(name)
    failures: list[LoadFailure] = []
    versions: dict[str, str] = {}
    for name, module in DEFAULT_PLUGINS:
        if not pm.is_blocked(name):
            pm.register(importlib.import_module(module), name=name)
            versions[name] = _own_version()
    if load_entrypoints:
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
                continue
            try:
                pm.register(ep.load(), name=ep.name)
            except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the others
                failures.append(LoadFailure(ep.name, ep.value, f"{type(exc).__name__}: {exc}"))
            else:
                versions[ep.name] = f"{ep.dist.name} {ep.dist.version}" if ep.dist else "unknown version"
    pm.check_pending()
    pm.load_failures = tuple(failures)  # type: ignore[attr-defined]
    #: The distribution and version each plugin came from, by registration name.
    pm.plugin_versions = versions  # type: ignore[attr-defined]
    return pm


@cache
def _own_version() -> str:
    try:
        return f"govinfo-parse {version('govinfo-parse')}"
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "govinfo-parse (source tree)"


@cache
def default_plugin_manager() -> pluggy.PluginManager:
    """The manager ``parse`` uses when none is given, built once per process."""
    return get_plugin_manager()
