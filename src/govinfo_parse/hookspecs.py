"""The hooks a layout plugin implements.  This module is the plugin contract.

Every hook is prefixed ``govinfo_``.  Implement them in a module with
``@govinfo_parse.hookimpl`` and expose the module through the
``govinfo_parse`` entry-point group (see docs/how-to/write-a-layout-plugin.md).
New arguments are only ever appended; an implementation may accept fewer.

The pipeline calls each plugin's implementation on its own, so a plugin that
raises is reported by name in a diagnostic and the others still run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from collections.abc import Iterable

    from govinfo_parse.layout import Block, ConvertedDocument, LayoutInfo, LayoutResult, LayoutScore
    from govinfo_parse.model import Diagnostic, NarrativeFact, Report

__all__ = ["PLUGIN_MODULES", "PROJECT_NAME", "hookimpl", "hookspec"]

PROJECT_NAME = "govinfo_parse"

#: The modules a plugin may import, and what it finds there (each module's ``__all__``).
#: Everything else is the library's own and may change in any release.
PLUGIN_MODULES: dict[str, str] = {
    "govinfo_parse": "hookimpl, the layout types below, the model and the errors",
    "govinfo_parse.layout": "what a layout receives and returns: Block (with Block.assemble), RawCell, "
    "LayoutInfo, LayoutScore, LayoutResult, ConvertedDocument",
    "govinfo_parse.model": "the document model: Cell, CellKind, Origin, Diagnostic, Severity, "
    "SectionKind, NarrativeFact, Report, …",
    "govinfo_parse.fields": "field identifiers, and the rows and columns of each format",
    "govinfo_parse.labels": "matching row and column labels, with the variants and typos of real reports",
    "govinfo_parse.official": "the three tables as the official formats print them: their labels "
    "(REQUESTS_ROW_LABELS, REQUESTS_GROUP_LABELS, …) and official_grids()",
    "govinfo_parse.numbers": "reading a cell's number, unit or placeholder",
    "govinfo_parse.text": "decoding bytes and normalising text as the pipeline does",
    "govinfo_parse.patterns": "LazyPattern: a regular expression compiled when first used",
    "govinfo_parse.errors": "the errors a converter or layout raises (UnreadableDocumentError, "
    "ResourceLimitError, LayoutSyntaxError, …)",
    "govinfo_parse.limits": "current_limits(): the resource limits in force",
    "govinfo_parse.grammar": "load_grammar(): a Lark grammar shipped in the package",
    "govinfo_parse.checks": "rule_tally(), rule_tally_of(): how many consistency rules values keep and break",
    "govinfo_parse.plugins": "get_plugin_manager(), for a plugin's tests",
    "govinfo_parse.ocr": "recognising page images (the ocr extra): recognise(), page_text(), to_document()",
    "govinfo_parse.testing": "sample reports and their renderings, for a plugin's tests",
    "govinfo_parse.testing.strategies": "hypothesis strategies, for a plugin's tests",
}
hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec(firstresult=True)
def govinfo_convert_document(data: bytes | str, path: str | None) -> ConvertedDocument | None:
    """Turn a document that is not plain text into text, judged by its content.

    Recognise the format by content (magic bytes, markup), not by ``path``
    alone.  Render tables as one row per line with tab-separated cells, and
    the rest as text with one paragraph per line.  The first plugin that
    returns a document wins; return None for anything else.

    :param data: the document as given: bytes, or text when the caller passed text.
    :param path: where it came from, if known.
    :returns: a ``ConvertedDocument``, or None.

    .. versionadded:: 0.1
    """


@hookspec
def govinfo_layout_info() -> LayoutInfo | None:
    """Describe the layout this plugin provides.

    :returns: a ``LayoutInfo`` whose ``name`` the other hooks use, or None
        for a plugin that provides no layout (a checks-only plugin).

    .. versionadded:: 0.1
    """


@hookspec
def govinfo_sniff_block(block: Block) -> LayoutScore | None:
    """Say how well this plugin's layout recognises ``block``.

    Called for every block (section body) of every document, so keep it
    cheap: count line shapes, look for a few labels.  The layout with the
    highest score above 0 parses the block; the next best is tried if it
    returns nothing.

    :param block: the stretch of normalised text on offer.
    :returns: a ``LayoutScore`` from 0 to 1, or None to decline.

    .. versionadded:: 0.1
    """


@hookspec(firstresult=True)
def govinfo_parse_block(block: Block, layout: str) -> LayoutResult | None:
    """Read the table cells of ``block`` in layout ``layout``.

    Only the plugin whose sniff chose ``layout`` is asked.  Build rows of
    ``RawCell`` and return ``block.assemble(rows, layout=...)`` so that rows
    and columns are resolved by their labels like everywhere else.

    :param block: the block to read.
    :param layout: the layout name this plugin's sniff returned.
    :returns: a ``LayoutResult``, or None when the block holds no table after all.

    .. versionadded:: 0.1
    """


@hookspec
def govinfo_extract_facts(block: Block) -> Iterable[NarrativeFact] | None:
    """Read figures stated in the prose of ``block``.

    Called for every block, whatever layout reads its tables.  A fact fills
    its table key only where no table states that key (the value is then
    marked as coming from prose); where a table states the key, the table
    wins and a disagreement is reported.

    :param block: the block to read.
    :returns: narrative facts, each with its sentence and span.

    .. versionadded:: 0.1
    """


@hookspec
def govinfo_check_report(report: Report) -> Iterable[Diagnostic] | None:
    """Check a finished report and return diagnostics.

    Checks must never change a value: they report.

    :param report: the parsed report, tables merged.
    :returns: diagnostics (possibly none).

    .. versionadded:: 0.1
    """
