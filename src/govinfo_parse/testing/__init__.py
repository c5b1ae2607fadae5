"""Helpers for testing layouts: renderers, hypothesis strategies and a pytest plugin.

``render`` needs nothing beyond govinfo_parse; ``strategies`` needs the
``testing`` extra (``pip install "govinfo-parse[testing]"``).
"""

from govinfo_parse.testing.render import (
    SampleReport,
    chinese_numeral,
    format_value,
    narrative_facts,
    render_canonical,
    render_document,
    render_markdown,
    render_narrative,
    render_rows,
    render_tabular,
    table_rows,
)

__all__ = [
    "SampleReport",
    "chinese_numeral",
    "format_value",
    "narrative_facts",
    "render_canonical",
    "render_document",
    "render_markdown",
    "render_narrative",
    "render_rows",
    "render_tabular",
    "table_rows",
]
