"""The user's cache folder: what a process can keep for the next one.

``$GOVINFO_PARSE_CACHE``, else ``$XDG_CACHE_HOME/govinfo_parse`` or
``~/.cache/govinfo_parse``; never a shared temporary folder.
``GOVINFO_PARSE_CACHE=off`` keeps nothing.  Whatever is kept there is checked
before use and rebuilt when stale, so the folder may be deleted at any time.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_folder"]

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
