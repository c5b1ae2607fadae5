"""Loading the Lark grammars shipped in ``govinfo_parse/grammars``.

Grammars are files, loaded once per process with ``Lark.open_from_package``
(LALR with the contextual lexer, for speed), never strings in Python.
"""

from __future__ import annotations

from functools import cache

from lark import Lark, Transformer

__all__ = ["load_grammar"]


@cache
def load_grammar(
    name: str, *, start: str = "start", transformer: type[Transformer] | None = None  # type: ignore[type-arg]
) -> Lark:
    """The LALR parser of grammar file ``name`` (e.g. ``"canonical.lark"``).

    With ``transformer`` (a stateless Transformer class), Lark applies it
    while parsing and ``parse`` returns its result instead of a tree.
    """
    return Lark.open_from_package(
        "govinfo_parse",
        name,
        ("grammars",),
        parser="lalr",
        lexer="contextual",
        start=start,
        propagate_positions=False,
        maybe_placeholders=False,
        transformer=transformer() if transformer else None,
    )
