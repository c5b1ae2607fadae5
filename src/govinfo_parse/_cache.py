"""The user's cache folder: what a process can keep for the next one.

``$GOVINFO_PARSE_CACHE``, else ``$XDG_CACHE_HOME/govinfo_parse`` or
``~/.cache/govinfo_parse``; never a shared temporary folder.
``GOVINFO_PARSE_CACHE=off`` keeps nothing.  Whatever is kept there is checked
before use and rebuilt when stale, so the folder may be deleted at any time.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

__all__ = ["cache_folder", "keep", "kept"]

ENV = "GOVINFO_PARSE_CACHE"


def cache_folder() -> Path | None:
    """The folder to keep things in, made if need be; None when off or not writable."""
    chosen = os.environ.get(ENV)
    if chosen == "off":
        return None
    try:
        home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(chosen) if chosen else Path(home) / "govinfo_parse"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, RuntimeError, KeyError):  # no home folder, or none we may write in
        return None
    return folder if os.access(folder, os.W_OK) else None


def kept(name: str, stamp: object) -> Any | None:  # noqa: ANN401 - whatever JSON was kept
    """What ``keep(name, stamp, …)`` kept, while ``stamp`` (what it was made from) still holds; else None."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        data = json.loads((folder / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # none kept yet, or unreadable: to be made again
    return data.get("content") if isinstance(data, dict) and data.get("stamp") == stamp else None


def keep(name: str, stamp: object, content: object) -> None:
    """Keep ``content`` (JSON) under ``name`` with the ``stamp`` that makes it stale when it changes.

    Written whole or not at all, whatever other processes do beside it; a
    folder that cannot be written keeps nothing.
    """
    folder = cache_folder()
    if folder is None:
        return
    target = folder / name
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    try:
        partial.write_text(json.dumps({"stamp": stamp, "content": content}, ensure_ascii=False),
                           encoding="utf-8")
        partial.replace(target)
    except OSError:
        partial.unlink(missing_ok=True)
