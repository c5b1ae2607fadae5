"""Importing what an optional extra provides, with an error that says which extra to install."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from govinfo_parse.errors import MissingDependencyError

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["require"]


def require(module: str, *, extra: str, needed_for: str) -> ModuleType:
    """``module``, imported; a ``MissingDependencyError`` naming ``extra`` when it is not installed."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        msg = (f"{needed_for} needs {module.split('.', maxsplit=1)[0]}, in the {extra} extra: "
               f'pip install "govinfo-parse[{extra}]" (from a checkout: pip install ".[{extra}]")')
        raise MissingDependencyError(msg) from exc
