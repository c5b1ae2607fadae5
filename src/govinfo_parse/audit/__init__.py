"""The audit page: every value of a report beside the place it came from.

``render(report)`` gives one self-contained HTML page (no server, no network):
the three tables in the report's format, each value styled by how it came to
be known, and the document beside them, the value's source highlighted in its
text and, for a PDF, boxed on the page.  ``render_corpus`` gives one page for
many reports, a row each, linking to their own pages.  Needs the ``audit``
extra (Jinja2; Pillow for PDF pages)::

    from govinfo_parse import parse_file
    from govinfo_parse.audit import render
    page = render(parse_file("report.pdf"))      # IPython.display.HTML(page) in a notebook
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from govinfo_parse.api import document_text
from govinfo_parse.audit import _charts, _pages, _view
from govinfo_parse.errors import MissingDependencyError
from govinfo_parse.model import Origin, Severity

if TYPE_CHECKING:
    from collections.abc import Iterable

    import jinja2
    import pluggy

    from govinfo_parse.model import Report

__all__ = ["CorpusEntry", "PageNames", "check_installed", "render", "render_corpus"]

_PDF = b"%PDF-"


@functools.cache
def _environment() -> jinja2.Environment:
    try:
        import jinja2  # noqa: PLC0415
    except ImportError as exc:
        msg = ('the audit page needs Jinja2: pip install "govinfo-parse[audit]" '
               '(from a checkout: pip install ".[audit]")')
        raise MissingDependencyError(msg) from exc
    # Document text is untrusted: everything a template prints is escaped.
    return jinja2.Environment(loader=jinja2.PackageLoader("govinfo_parse.audit", "templates"),
                              autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def check_installed() -> None:
    """Raise ``MissingDependencyError`` (naming the extra) when the page cannot be made here."""
    _environment()


class PageNames:
    """File names for report pages beside a corpus page: the input's name, unique in the folder."""

    def __init__(self, corpus_page: Path) -> None:
        self._taken = {corpus_page.name}

    def new(self, path: str) -> str:
        """A new name for the page of input ``path`` (``report.pdf`` → ``report.pdf.html``)."""
        stem = re.sub(r"[^\w.-]+", "_", Path(path).name) or "report"
        name, n = f"{stem}.html", 1
        while name in self._taken:
            n += 1
            name = f"{stem}-{n}.html"
        self._taken.add(name)
        return name


def _version() -> str:
    from govinfo_parse import __version__  # noqa: PLC0415

    return __version__


def _source_bytes(report: Report, document: str | bytes | os.PathLike[str] | None) -> str | bytes | None:
    """The document the report was read from: given, or read again from ``report.source.path``."""
    if isinstance(document, os.PathLike):
        return Path(document).read_bytes()
    if document is not None:
        return document
    if report.source.path and Path(report.source.path).is_file():
        return Path(report.source.path).read_bytes()
    return None


def render(
    report: Report,
    document: str | bytes | os.PathLike[str] | None = None,
    *,
    plugin_manager: pluggy.PluginManager | None = None,
) -> str:
    """The audit page of ``report`` as one self-contained HTML document.

    :param document: what the report was parsed from (text, bytes, or a path); by
        default the file ``report.source.path`` names.  Without it the page has
        the tables and diagnostics but no text to point into.
    :param plugin_manager: the plugins the report was parsed with (for converting the document again).
    :raises MissingDependencyError: Jinja2 (or, for a PDF, pypdfium2 and Pillow) is not installed.
    """
    environment = _environment()
    source = _source_bytes(report, document)
    text = "" if source is None else document_text(source, path=report.source.path,
                                                   plugin_manager=plugin_manager)
    tables = _view.tables(report)
    states = {v.field_id: v.state for t in tables for row in t.rows for c in row if (v := c.value)}
    pages, page_count = _pages.pdf_pages(source, report, states) \
        if isinstance(source, bytes) and source.lstrip()[:1024].startswith(_PDF) else ([], 0)
    read, expected = _view.values_read(report)
    origins = Counter(c.origin for c in report.cells() if c.value is not None)
    heading = report.meta.title or report.meta.organ or Path(report.source.path or "report").name
    return environment.get_template("report.html.j2").render(
        version=_version(), heading=heading, source=report.source, meta=report.meta,
        layouts=sorted({c.layout for c in report.cells()}), read=read, expected=expected,
        derived=origins[Origin.DERIVED], narrative=origins[Origin.NARRATIVE],
        doubtful=len(report.doubtful_fields()), tables=tables, charts=_charts.charts(report),
        diagnostics=_view.diagnostics(report), pieces=_view.text_pieces(report, text), pages=pages,
        page_count=page_count,
    )


@attrs.frozen(kw_only=True)
class CorpusEntry:
    """One file of a corpus: its report, or why it could not be read; and where its own page is."""

    path: str
    report: Report | None = None
    error: str | None = None
    #: The address of the report's own page, relative to the corpus page.
    page: str | None = None


def _row(entry: CorpusEntry, folder: str) -> dict[str, Any]:
    report = entry.report
    row: dict[str, Any] = {"path": os.path.relpath(Path(entry.path).resolve(), folder), "page": entry.page,
                           "error": entry.error, "year": None, "organ": None, "template": None, "read": 0,
                           "expected": 0, "share": None, "rule_breaks": None, "layouts": [], "problems": 0}
    if report is None:
        row["error"] = entry.error or "not read"
        return row
    read, expected = _view.values_read(report)
    tables_found = any(c.origin is not Origin.NARRATIVE for c in report.cells())
    row.update({
        "year": report.meta.year, "organ": report.meta.organ, "template": report.meta.template,
        "read": read, "expected": expected, "share": read / expected if tables_found and expected else 0.0,
        "rule_breaks": sum(1 for d in report.diagnostics if d.code.startswith("rule-")),
        "layouts": sorted({c.layout for c in report.cells() if c.origin in (Origin.READ, Origin.OCR)}),
        "problems": sum(1 for d in report.diagnostics if d.severity is not Severity.INFO),
        "error": row["error"] or (None if tables_found else "no statistical table found"),
    })
    return row


def render_corpus(entries: Iterable[CorpusEntry], *, title: str = "Reports") -> str:
    """One page for many reports: a sortable, filterable row each, and values read per layout."""
    entries = list(entries)
    folders = [str(Path(e.path).resolve().parent) for e in entries]
    rows = [_row(e, os.path.commonpath(folders) if folders else ".") for e in entries]
    per_layout: Counter[str] = Counter(
        c.layout for e in entries if e.report for c in e.report.cells()
        if c.value is not None and c.origin in (Origin.READ, Origin.OCR))
    chart = _charts.bar_chart("values read per layout",
                              [(name, n, name) for name, n in per_layout.most_common()])
    return _environment().get_template("corpus.html.j2").render(
        version=_version(), title=title, rows=rows, chart=chart,
        parsed=sum(1 for e in entries if e.report), failed=sum(1 for e in entries if not e.report),
        read=sum(r["read"] for r in rows), expected=sum(r["expected"] for r in rows),
        breaking=sum(1 for r in rows if r["rule_breaks"]),
        unread=sum(1 for e, r in zip(entries, rows, strict=True) if e.report and r["error"]),
    )
