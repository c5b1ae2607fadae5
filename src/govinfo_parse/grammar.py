"""Loading the Lark grammars shipped in ``govinfo_parse/grammars``.

Grammars are files, loaded once per process with ``Lark.open`` (LALR with
the contextual lexer, for speed), never strings in Python.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lark import Lark, Transformer

from govinfo_parse._cache import cache_folder

__all__ = ["load_grammar"]

# In a wheel the grammars sit inside the package; in a source checkout installed
# in editable mode (pip install -e .) they are the repository's grammars/ folder.
_PLACES = (Path(__file__).parent / "grammars", Path(__file__).parents[2] / "grammars")


def _grammar_path(name: str) -> Path:
    for place in _PLACES:
        if (place / name).is_file():
            return place / name
    msg = f"grammar {name!r} is in none of {', '.join(map(str, _PLACES))}"
    raise FileNotFoundError(msg)


@cache
def load_grammar(
    name: str, *, start: str | tuple[str, ...] = "start",
    transformer: type[Transformer] | None = None,  # type: ignore[type-arg]
) -> Lark:
    """The LALR parser of grammar file ``name`` (e.g. ``"canonical.lark"``).

    ``start``: its start symbol, or several (``parse(text, start=...)`` then names one).

    With ``transformer`` (a stateless Transformer class), Lark applies it
    while parsing and ``parse`` returns its result instead of a tree.
    """
    return Lark.open(
        str(_grammar_path(name)),
        parser="lalr",
        lexer="contextual",
        start=list(start) if isinstance(start, tuple) else start,
        propagate_positions=False,
        maybe_placeholders=False,
        transformer=transformer() if transformer else None,
        cache=_cache_file(name, start),
    )


def _cache_file(name: str, start: str | tuple[str, ...]) -> str | bool:
    """Where Lark keeps its analysis of grammar ``name`` between processes, or False for nowhere.

    Building the parse tables costs tens of milliseconds in every process (a
    CLI run parsing one file pays it each time).  Lark checks the file against
    a digest of the grammar, its options and its own version, and rebuilds it
    when they differ.  The folder is ``_cache.cache_folder()``.
    """
    folder = cache_folder()
    if folder is None:
        return False
    starts = "-".join(start) if isinstance(start, tuple) else start
    return str(folder / f"{Path(name).stem}-{starts}.lark-cache")
