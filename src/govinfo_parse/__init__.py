"""govinfo_parse: China's government-information-disclosure annual reports as typed data.

>>> import govinfo_parse
>>> report = govinfo_parse.parse_file("report.txt")          # doctest: +SKIP
>>> report.to_flat()["requests.new_received.total"]          # doctest: +SKIP
13
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govinfo_parse.api import (
    available_layouts,
    check,
    document_text,
    parse,
    parse_all,
    parse_file,
    parse_file_all,
)
from govinfo_parse.errors import (
    CorruptDocumentError,
    DecodingError,
    EncryptedDocumentError,
    GovinfoParseError,
    InputError,
    LayoutNotFoundError,
    LayoutSyntaxError,
    MissingDependencyError,
    NoTextLayerError,
    ParseTimeoutError,
    ReportRuleError,
    ResourceLimitError,
    UnreadableDocumentError,
)
from govinfo_parse.hookspecs import hookimpl
from govinfo_parse.layout import Block, ConvertedDocument, LayoutInfo, LayoutResult, LayoutScore, RawCell
from govinfo_parse.limits import Limits
from govinfo_parse.model import (
    Cell,
    CellKind,
    Diagnostic,
    Meta,
    NarrativeFact,
    Origin,
    Report,
    Section,
    SectionKind,
    Severity,
    Source,
    SourceSpan,
    Table,
)

if TYPE_CHECKING:
    from govinfo_parse.compare import YearPair, compare_years, group_by_organ
    from govinfo_parse.serialize import from_dict, json_schema, to_dict

    __version__: str

# Imported when first used: ``import govinfo_parse`` for a parse needs neither cattrs nor
# the comparison of years, nor the package metadata.
_LATER: dict[str, str] = {
    "YearPair": "govinfo_parse.compare", "compare_years": "govinfo_parse.compare",
    "group_by_organ": "govinfo_parse.compare", "from_dict": "govinfo_parse.serialize",
    "json_schema": "govinfo_parse.serialize", "to_dict": "govinfo_parse.serialize",
}


def __getattr__(name: str) -> Any:  # noqa: ANN401 - whatever the name is
    if name in _LATER:
        import importlib  # noqa: PLC0415

        value = getattr(importlib.import_module(_LATER[name]), name)
    elif name == "__version__":
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

        try:
            value = version("govinfo-parse")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            value = "0+unknown"
    else:
        msg = f"module 'govinfo_parse' has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LATER, "__version__"})

__all__ = [
    "Block",
    "Cell",
    "CellKind",
    "ConvertedDocument",
    "CorruptDocumentError",
    "DecodingError",
    "Diagnostic",
    "EncryptedDocumentError",
    "GovinfoParseError",
    "InputError",
    "LayoutInfo",
    "LayoutNotFoundError",
    "LayoutResult",
    "LayoutScore",
    "LayoutSyntaxError",
    "Limits",
    "Meta",
    "MissingDependencyError",
    "NarrativeFact",
    "NoTextLayerError",
    "Origin",
    "ParseTimeoutError",
    "RawCell",
    "Report",
    "ReportRuleError",
    "ResourceLimitError",
    "Section",
    "SectionKind",
    "Severity",
    "Source",
    "SourceSpan",
    "Table",
    "UnreadableDocumentError",
    "YearPair",
    "__version__",
    "available_layouts",
    "check",
    "compare_years",
    "document_text",
    "from_dict",
    "group_by_organ",
    "hookimpl",
    "json_schema",
    "parse",
    "parse_all",
    "parse_file",
    "parse_file_all",
    "to_dict",
]
