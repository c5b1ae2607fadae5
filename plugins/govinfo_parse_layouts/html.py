r"""HTML pages: how most reports are published.

The page is parsed with a real HTML parser (selectolax / Lexbor) and turned
into text: paragraphs, headings and line breaks become lines, so the section
splitter and the narrative reader see the prose; each data table (one that
holds no other table; tables that hold tables are page layout) becomes one
line per grid row with tab-separated cells, after ``rowspan``/``colspan`` are
expanded into the grid — a merged cell's text stands in its top-left
position and the positions it covers are blank::

    <td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td> …  →  自然人\t法人或其他组织\t\t\t\t\t总计
    <td>商业企业</td><td>科研机构</td> …                              →  \t商业企业\t科研机构\t…

A cell's text is its text content joined without separators, so digits split
over ``<span>``s (``<span>20</span><span>23</span>``), one glyph per ``<p>``
and ``<br>`` inside labels come back whole; ``&nbsp;`` and ``<o:p>`` cells are
blank.  The page's ``charset`` declaration (``gb2312`` …) decides its decoding.
The table rows are then read by label like any tab-separated table.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from govinfo_parse import hookimpl, labels
from govinfo_parse.errors import ResourceLimitError
from govinfo_parse.layout import Block, ConvertedDocument, LayoutInfo, LayoutResult, LayoutScore
from govinfo_parse.patterns import LazyPattern
from govinfo_parse.text import decode
from govinfo_parse_layouts.tabular import read_rows

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

NAME = "html"
INFO = LayoutInfo(
    name=NAME,
    aliases=("web", "htm"),
    version_added="0.1",
    description="HTML pages: tables with rowspan/colspan expanded into the grid, prose as lines.",
)

_LOOKS_HTML: Final = re.compile(
    rb"^\s*(?:<!DOCTYPE\s+html|<html|<\?xml[^>]*>\s*<html|<head|<body|<meta|<table|<div|<p\b)", re.IGNORECASE
)
_CHARSET: Final = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w]+)""", re.IGNORECASE)
_SKIP: Final = frozenset(
    {"script", "style", "head", "noscript", "template", "iframe", "svg", "select", "button"}
)
_BLOCK: Final = frozenset({
    "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "h1", "h2", "h3", "h4",
    "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "hr", "form", "fieldset",
    "center", "caption", "tr", "body", "html",
})
_SPACES: Final = LazyPattern(r"[ \t\r\n\f\v\u00a0\u3000]+")
# Elements nested deeper than this are not a report page.  Lexbor's tree building
# slows quadratically with depth, in C where a time limit cannot stop it, so the
# depth is estimated (opening minus closing tags) before the page is parsed.
_MAX_DEPTH: Final = 20_000
_TAG: Final = LazyPattern(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^<>]*?(/?)>")
_VOID: Final = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                          "param", "source", "track", "wbr"})


def _nesting_depth(html: str) -> int:
    """The deepest element nesting the tags of ``html`` imply (unclosed tags count as open)."""
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(html):
        if closing:
            depth = max(0, depth - 1)
        elif not self_closing and name.lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest
_MAX_SPAN: Final = 60  # a rowspan/colspan beyond this is junk, not a table


def decode_page(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """A page's text and encoding: ``charset`` (from a header) or its ``<meta charset>``, else detected."""
    found = _CHARSET.search(data[:4096])
    declared = charset or (found.group(1).decode("ascii", "replace") if found else None)
    if declared:
        name = declared.lower()
        name = "gb18030" if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk") else name
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


def looks_like_html(data: bytes | str) -> bool:
    """True for markup: a page or a fragment that starts with an HTML tag."""
    head = data[:2048] if isinstance(data, bytes) else data[:2048].encode("utf-8", "replace")
    return bool(_LOOKS_HTML.match(head.lstrip(b"\xef\xbb\xbf")))


def _span(attributes: dict[str, str | None], name: str) -> int:
    given = attributes.get(name)
    if given is None:
        return 1
    try:
        return max(1, min(_MAX_SPAN, int(str(given or "1").strip())))
    except ValueError:
        return 1


def _cell_text(node: LexborNode) -> str:
    return _SPACES.sub(" ", node.text(deep=True, separator="")).strip()


def _grid(table: LexborNode) -> list[list[str]]:
    """The table's rows with rowspan/colspan expanded; covered positions are blank."""
    grid: dict[tuple[int, int], str] = {}
    rows = list(table.css("tr"))
    for r, tr in enumerate(rows):
        c = 0
        for cell in (n for n in tr.iter() if n.tag in ("td", "th")):
            while (r, c) in grid:
                c += 1
            attributes = cell.attributes  # (built afresh on each access)
            rowspan, colspan = _span(attributes, "rowspan"), _span(attributes, "colspan")
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = ""
            grid[(r, c)] = _cell_text(cell)
            c += colspan
    # A row ends at its last cell: a row shorter than the table lost cells, and must look it.
    ends: dict[int, int] = {}
    for r, c in grid:
        ends[r] = max(ends.get(r, 0), c + 1)
    return [[grid[(r, c)] for c in range(ends.get(r, 0))] for r in range(len(rows))]


def _render(root: LexborNode, out: list[str]) -> None:
    """Append the text of ``root``'s children to ``out``: prose as lines, data tables as tab rows.

    Walks the tree with an explicit stack, not recursion, so that a page
    nested a hundred thousand elements deep is read like any other.
    """
    end_of_block: Final = None  # a marker on the stack: a block element's children are done
    stack: list[LexborNode | None] = list(reversed(list(root.iter(include_text=True))))
    while stack:
        child = stack.pop()
        if child is end_of_block:
            out.append("\n")
            continue
        tag = child.tag
        if tag == "-text":
            out.append(_SPACES.sub(" ", child.text(deep=False)))
        elif tag in _SKIP or tag is None or tag.startswith("-"):
            continue
        elif tag == "br":
            out.append("\n")
        elif tag == "table" and len(child.css("table")) == 1:  # a data table: it holds no other table
            out.append("\n")
            out.extend("\t".join(row) + "\n" for row in _grid(child) if any(row))
        else:
            if tag in _BLOCK or tag in ("table", "tbody", "thead", "tfoot", "td", "th"):
                out.append("\n")
                stack.append(end_of_block)
            stack.extend(reversed(list(child.iter(include_text=True))))


def html_to_text(html: str) -> str:
    """The text govinfo_parse reads from an HTML page (report spans point into it)."""
    from selectolax.lexbor import LexborHTMLParser  # noqa: PLC0415

    # A page of fewer tags than the limit cannot nest deeper: most pages are not walked.
    if html.count("<") > _MAX_DEPTH and (depth := _nesting_depth(html)) > _MAX_DEPTH:
        msg = f"the HTML nests elements {depth:,} deep, more than the {_MAX_DEPTH:,} a page holds; not read"
        raise ResourceLimitError(msg)
    tree = LexborHTMLParser(html)
    out: list[str] = []
    if tree.root is not None:
        _render(tree.root, out)
    lines = ("\t".join(cell.strip(" ") for cell in line.split("\t")) for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line.strip()) + "\n"


@hookimpl
def govinfo_convert_document(data: bytes | str, path: str | None) -> ConvertedDocument | None:
    by_name = bool(path) and str(path).lower().endswith((".html", ".htm", ".shtml", ".xhtml"))
    if not looks_like_html(data) and not by_name:
        return None
    html, encoding = decode_page(data) if isinstance(data, bytes) else (data, None)
    return ConvertedDocument(text=html_to_text(html), format=NAME, encoding=encoding)


@hookimpl
def govinfo_layout_info() -> LayoutInfo:
    return INFO


@hookimpl
def govinfo_sniff_block(block: Block) -> LayoutScore | None:
    if block.source.format != NAME or "\t" not in block.text:
        return None
    if not labels.table_words(block.text) and block.section.kind.value != "appeals":
        return None
    return LayoutScore(layout=NAME, score=1.0)


@hookimpl
def govinfo_parse_block(block: Block, layout: str) -> LayoutResult | None:
    if layout != NAME:
        return None
    return block.assemble(read_rows(block), layout=NAME, grid=True)


__all__ = ["INFO", "NAME", "decode_page", "html_to_text", "looks_like_html"]
