"""Building the plugin manager: built-in layouts, checks and installed plugins.

Built-in layouts are plugins like any other: they are modules with
``@hookimpl`` functions, listed in ``DEFAULT_PLUGINS`` and also declared in
the ``govinfo_parse`` entry-point group.  Third-party plugins are found
through that entry-point group.  A plugin that fails to import is recorded
in ``load_failures`` and the others still load.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import json
import os
import sys
import types
from functools import cache
from typing import Any, Final

import attrs
import pluggy

from govinfo_parse import hookspecs
from govinfo_parse._cache import keep, kept

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
    ("image", "govinfo_parse_layouts.image_file"),
    ("docx", "govinfo_parse_layouts.docx"),
    ("doc", "govinfo_parse_layouts.doc_file"),
    ("mht", "govinfo_parse_layouts.mht_file"),
    ("rtf", "govinfo_parse_layouts.rtf_file"),
    ("narrative", "govinfo_parse_layouts.narrative"),
    ("checks", "govinfo_parse.checks"),
)


@attrs.frozen
class LoadFailure:
    """An installed plugin that could not be loaded."""

    name: str
    target: str
    error: str


class _PluginManager(pluggy.PluginManager):
    """pluggy's plugin manager, registering a plugin module without a static lookup of each of its names.

    pluggy looks every name of a plugin up statically to find its hook
    implementations; a module's names are its own, and only a function
    ``@hookimpl`` marked can be one.  (pytest's manager leaves names out
    the same way; the implementations found are pluggy's own.)
    """

    _MARK: Final = f"{hookspecs.PROJECT_NAME}_impl"

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        if isinstance(plugin, types.ModuleType):
            found = vars(plugin).get(name)
            if not inspect.isroutine(found) or getattr(found, self._MARK, None) is None:
                return None
        return super().parse_hookimpl_opts(plugin, name)


def get_plugin_manager(
    *, load_entrypoints: bool = True, blocked: tuple[str, ...] = ()
) -> pluggy.PluginManager:
    """A fresh plugin manager with the built-in and (optionally) installed plugins.

    :param load_entrypoints: also load the ``govinfo_parse`` entry-point group.
    :param blocked: plugin names never to register (added to ``$GOVINFO_PARSE_DISABLE_PLUGINS``).
    """
    pm = _PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    env_blocked = tuple(n.strip() for n in os.environ.get(DISABLE_ENV, "").split(",") if n.strip())
    for name in (*blocked, *env_blocked):
        pm.set_blocked(name)
    failures: list[LoadFailure] = []
    versions: dict[str, str] = {}
    installed = _installed()
    for name, module in DEFAULT_PLUGINS:
        if not pm.is_blocked(name):
            pm.register(importlib.import_module(module), name=name)
            versions[name] = installed.own_version
    if load_entrypoints:
        for ep in installed.entry_points:
            if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
                continue
            try:
                pm.register(_load(ep.value), name=ep.name)
            except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the others
                failures.append(LoadFailure(ep.name, ep.value, f"{type(exc).__name__}: {exc}"))
            else:
                versions[ep.name] = ep.distribution
    pm.check_pending()
    pm.load_failures = tuple(failures)  # type: ignore[attr-defined]
    #: The distribution and version each plugin came from, by registration name.
    pm.plugin_versions = versions  # type: ignore[attr-defined]
    return pm


@attrs.frozen
class _EntryPoint:
    name: str
    #: The object reference: ``module`` or ``module:attribute``.
    value: str
    #: "distribution version", for ``govinfo-parse plugins``.
    distribution: str


@attrs.frozen
class _Installed:
    entry_points: tuple[_EntryPoint, ...]
    own_version: str


def _load(value: str) -> object:
    """The object an entry point's reference names (``module:attr.attr``, extras ignored)."""
    module, _, attribute = value.partition("[")[0].partition(":")
    found: object = importlib.import_module(module.strip())
    for part in filter(None, attribute.strip().split(".")):
        found = getattr(found, part)
    return found


@cache
def _installed() -> _Installed:
    """The group's entry points and this package's version, from the cache while they hold.

    Reading them imports ``importlib.metadata`` and reads every installed
    distribution: tens of milliseconds, in every run of the command line.
    They are kept in the cache folder with the modification time of each folder
    on ``sys.path``, which installing, upgrading or removing a distribution
    changes, and read again when any differs.
    """
    paths = [os.path.abspath(p or os.curdir) for p in sys.path]  # noqa: PTH100 - '' is the current folder
    stamp = [[p, os.stat(p).st_mtime_ns] for p in paths if os.path.isdir(p)]  # noqa: PTH112, PTH116
    key = hashlib.sha256(json.dumps([sys.executable, paths]).encode()).hexdigest()[:16]
    name = f"entry-points-{key}.json"
    data: Any = kept(name, stamp)
    try:
        return _Installed(tuple(_EntryPoint(*ep) for ep in data["entry_points"]), data["own_version"])
    except (TypeError, KeyError, ValueError):
        pass  # none kept, stale or damaged: read them again
    found = _read_installed()
    keep(name, stamp, {"own_version": found.own_version,
                       "entry_points": [[ep.name, ep.value, ep.distribution] for ep in found.entry_points]})
    return found


def _read_installed() -> _Installed:
    from importlib.metadata import PackageNotFoundError, entry_points, version  # noqa: PLC0415

    try:
        own = f"govinfo-parse {version('govinfo-parse')}"
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        own = "govinfo-parse (source tree)"
    return _Installed(tuple(
        _EntryPoint(ep.name, ep.value, f"{ep.dist.name} {ep.dist.version}" if ep.dist else "unknown version")
        for ep in entry_points(group=ENTRY_POINT_GROUP)), own)


@cache
def default_plugin_manager() -> pluggy.PluginManager:
    """The manager ``parse`` uses when none is given, built once per process."""
    return get_plugin_manager()
