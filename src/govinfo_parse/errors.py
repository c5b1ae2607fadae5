"""Exceptions.  Everything the library raises is a ``GovinfoParseError``.

Each class also subclasses the builtin that fits, so ``except ValueError``
and ``except OSError`` keep working in callers' code.  Problems a parse can
recover from are not raised: they become ``Diagnostic`` objects on the report.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from govinfo_parse.model import Diagnostic, SourceSpan

__all__ = [
    "CorruptDocumentError",
    "DecodingError",
    "EncryptedDocumentError",
    "GovinfoParseError",
    "InputError",
    "InputNotFoundError",
    "LayoutNotFoundError",
    "LayoutSyntaxError",
    "MissingDependencyError",
    "NoTextLayerError",
    "ParseTimeoutError",
    "ReportRuleError",
    "ResourceLimitError",
    "UnreadableDocumentError",
    "display_width",
]


class GovinfoParseError(Exception):
    """Root of every exception govinfo_parse raises."""


class InputError(GovinfoParseError, OSError):
    """The input cannot be read (missing, a directory, no permission)."""


class InputNotFoundError(InputError, FileNotFoundError):
    """The input file does not exist (also a ``FileNotFoundError``)."""


class DecodingError(GovinfoParseError, ValueError):
    """The bytes are not text in any encoding a report is published in."""


class UnreadableDocumentError(GovinfoParseError, ValueError):
    """The document's format was recognised, but its content cannot be read."""


class NoTextLayerError(UnreadableDocumentError):
    """A PDF of scanned pages: there is no text to read until it is OCR'd."""


class EncryptedDocumentError(UnreadableDocumentError):
    """The document is encrypted."""


class CorruptDocumentError(UnreadableDocumentError):
    """The document is damaged or truncated."""


class ResourceLimitError(GovinfoParseError, ValueError):
    """The input goes beyond a resource limit (size, pages, decompressed bytes; ``limits.Limits``)."""


class ParseTimeoutError(ResourceLimitError, TimeoutError):
    """Parsing the input took longer than ``Limits.timeout``."""


class MissingDependencyError(GovinfoParseError, ImportError):
    """Reading this format needs an optional extra that is not installed."""


class LayoutNotFoundError(GovinfoParseError, LookupError):
    """A layout was asked for by a name no installed plugin provides."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.known = tuple(known)
        super().__init__(f"no layout named {name!r}; installed layouts: {', '.join(known) or 'none'}")


class LayoutSyntaxError(GovinfoParseError, ValueError):
    """A block does not have the shape its layout expects.

    Carries where (``offset``, ``line``, ``column`` in ``text``, ``length``
    characters, and the model's ``span`` when the layout knows it) and what the
    layout expected there; ``excerpt`` draws the line with the span marked.
    The pipeline reports it as a ``layout-syntax`` diagnostic.
    """

    def __init__(  # noqa: PLR0913
        self,
        message: str,
        *,
        text: str,
        offset: int,
        line: int,
        column: int,
        layout: str,
        expected: Sequence[str] = (),
        length: int = 1,
        span: SourceSpan | None = None,
    ) -> None:
        self.text = text
        self.offset = offset
        self.line = line
        self.column = column
        self.layout = layout
        self.expected = tuple(expected)
        self.length = max(1, length)
        self.span = span
        super().__init__(message)

    def excerpt(self) -> str:
        """The offending line, and under it a caret at the column and tildes along the span.

        Columns are measured as a terminal shows them: a CJK character is two wide.
        """
        lines = self.text.splitlines() or [""]
        current = lines[min(max(self.line, 1), len(lines)) - 1].replace("\t", " ")
        before = current[: self.column - 1]
        marked = current[self.column - 1 : self.column - 1 + self.length] or " "
        return f"{current}\n{' ' * display_width(before)}^{'~' * (display_width(marked) - 1)}"

    def __str__(self) -> str:
        where = f"line {self.line}, column {self.column} ({self.layout} layout)"
        wanted = f"; expected {', '.join(self.expected)}" if self.expected else ""
        return f"{self.args[0]} at {where}{wanted}\n{self.excerpt()}"


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)


class ReportRuleError(GovinfoParseError, ValueError):
    """Raised by ``parse(..., strict=True)`` when a report has error diagnostics."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        lines = "\n".join(f"  {d}" for d in self.diagnostics)
        super().__init__(f"{len(self.diagnostics)} problem(s) in the report:\n{lines}")
