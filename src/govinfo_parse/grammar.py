"""Loading the Lark grammars shipped in ``govinfo_parse/grammars``.

Grammars are files, loaded once per process with ``Lark.open`` (LALR with
the contextual lexer, for speed), never strings in Python.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lark import Lark, Transformer

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
    name: str, *, start: str = "start", transformer: type[Transformer] | None = None  # type: ignore[type-arg]
) -> Lark:
    """The LALR parser of grammar file ``name`` (e.g. ``"canonical.lark"``).

    With ``transformer`` (a stateless Transformer class), Lark applies it
    while parsing and ``parse`` returns its result instead of a tree.
    """
    return Lark.open(
        str(_grammar_path(name)),
        parser="lalr",
        lexer="contextual",
        start=start,
        propagate_positions=False,
        maybe_placeholders=False,
        transformer=transformer() if transformer else None,
    )
