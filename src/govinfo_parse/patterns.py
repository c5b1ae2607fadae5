r"""Regular expressions compiled when first used.

A layout holds a few dozen patterns, and a run that parses one report uses
fewer than half of them: a text report never meets the patterns of PDF text
or glued cells.  Compiling is not free: ``re`` lays out every character of a
class such as ``[\u4e00-\u9fff]`` (some 21,000), about 2 ms a pattern, so
compiling every layout's patterns at import would cost a command-line parse
of one report about as much as parsing it.  A ``LazyPattern`` is written where the pattern
is read and compiled the first time it matches::

    _GLUED = LazyPattern(r"[\u4e00-\u9fff]\d{5,}")
    _GLUED.findall(text)
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = ["LazyPattern"]


class LazyPattern:
    """A ``re.Pattern[str]`` made on first use; it matches as the compiled pattern does."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if this is its first use)."""
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Scan for the first match, as ``re.Pattern.search``."""
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Match at ``pos``, as ``re.Pattern.match``."""
        return self.compiled.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Match all of ``string[pos:endpos]``, as ``re.Pattern.fullmatch``."""
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """Every match, as ``re.Pattern.finditer``."""
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        """Every match's groups, as ``re.Pattern.findall``."""
        return self.compiled.findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        """Replace matches, as ``re.Pattern.sub``."""
        return self.compiled.sub(repl, string, count)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}{f', {self.flags}' if self.flags else ''})"
