"""The pipeline: decode → normalise → split sections → layouts read tables → merge → check.

Each stage is a public function, so callers can run part of it.  Plugins
are called one implementation at a time: a plugin that raises or returns
something that is not a ``LayoutResult`` is reported in a diagnostic naming
it, and the remaining layouts still get their chance.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, BinaryIO

import attrs

from govinfo_parse import fields, labels
from govinfo_parse._calls import call_each, call_one, implementations, plugin_failure
from govinfo_parse._tables import template_of
from govinfo_parse.errors import (
    DecodingError,
    InputError,
    InputNotFoundError,
    LayoutNotFoundError,
    MissingDependencyError,
    NoTextLayerError,
    ParseTimeoutError,
    ReportRuleError,
    ResourceLimitError,
    UnreadableDocumentError,
)
from govinfo_parse.layout import Block, ConvertedDocument, LayoutInfo, LayoutResult, LayoutScore
from govinfo_parse.limits import Limits, current_limits, deadline, using
from govinfo_parse.meta import read_organ, read_title, read_year
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
from govinfo_parse.plugins import default_plugin_manager
from govinfo_parse.sections import split_reports, split_sections
from govinfo_parse.text import SourceText, decode, image_format, normalize, packaged_format

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    import pluggy

__all__ = [
    "available_layouts",
    "check",
    "convert",
    "document_text",
    "expected_fields",
    "extract_facts",
    "extract_tables",
    "parse",
    "parse_all",
    "parse_file",
    "parse_file_all",
    "read_input",
]


def read_input(path: str | os.PathLike[str], limits: Limits | None = None) -> bytes:
    """The bytes of ``path``, or an error that says why not.

    ``InputError`` when it cannot be read, ``ResourceLimitError`` when it is
    larger than ``limits.max_bytes``.
    """
    most = (limits or current_limits()).max_bytes
    try:
        size = os.stat(path).st_size  # noqa: PTH116 - accepts any PathLike
        if most is not None and size > most:
            msg = f"{os.fspath(path)}: {size:,} bytes is more than the {most:,}-byte limit (max_bytes)"
            raise ResourceLimitError(msg)
        with open(path, "rb") as fh:  # noqa: PTH123
            # Read one byte past the limit: the file may have grown since stat.
            data = fh.read() if most is None else fh.read(most + 1)
    except IsADirectoryError as exc:
        msg = f"{os.fspath(path)}: is a directory"
        raise InputError(msg) from exc
    except FileNotFoundError as exc:
        msg = f"{os.fspath(path)}: no such file"
        raise InputNotFoundError(msg) from exc
    except PermissionError as exc:
        msg = f"{os.fspath(path)}: permission denied"
        raise InputError(msg) from exc
    except OSError as exc:
        if isinstance(exc, (InputError, ParseTimeoutError)):  # a TimeoutError is an OSError too
            raise
        msg = f"{os.fspath(path)}: cannot be read ({exc.strerror or exc})"
        raise InputError(msg) from exc
    if most is not None and len(data) > most:
        msg = f"{os.fspath(path)}: more than the {most:,}-byte limit (max_bytes)"
        raise ResourceLimitError(msg)
    return data


def parse_file(
    path: str | os.PathLike[str] | BinaryIO,
    *,
    layout: str | None = None,
    strict: bool = False,
    plugin_manager: pluggy.PluginManager | None = None,
    limits: Limits | None = None,
) -> Report:
    """Parse the report in file ``path`` (a path, or a binary file object); see ``parse``."""
    return _parse_path(path, layout=layout, strict=strict, pm=plugin_manager, limits=limits, every=False)[0]


def parse_file_all(
    path: str | os.PathLike[str] | BinaryIO,
    *,
    layout: str | None = None,
    strict: bool = False,
    plugin_manager: pluggy.PluginManager | None = None,
    limits: Limits | None = None,
) -> list[Report]:
    """Every report in file ``path``, in order; see ``parse_all``."""
    return _parse_path(path, layout=layout, strict=strict, pm=plugin_manager, limits=limits, every=True)


def _parse_path(  # noqa: PLR0913
    path: str | os.PathLike[str] | BinaryIO, *, layout: str | None, strict: bool,
    pm: pluggy.PluginManager | None, limits: Limits | None, every: bool,
) -> list[Report]:
    limits = limits or current_limits()
    # Reading is inside the time limit too: a file on a hung mount, or a pipe, blocks there.
    with using(limits), deadline(limits.timeout):
        name: str | None
        if isinstance(path, (str, os.PathLike)):
            data, name = read_input(path, limits), os.fspath(path)
        else:
            data, given = _read_stream(path, limits), getattr(path, "name", None)
            name = given if isinstance(given, str) else None
        return _parse(data, path=name, layout=layout, strict=strict,
                      pm=pm or default_plugin_manager(), limits=limits, every=every)


def _read_stream(stream: BinaryIO, limits: Limits) -> bytes:
    """The bytes of an open binary file, up to the size limit."""
    most = limits.max_bytes
    data = stream.read() if most is None else stream.read(most + 1)
    if not isinstance(data, bytes):
        msg = "parse_file reads a path or a binary file object (open(..., 'rb')), not a text stream"
        raise TypeError(msg)
    if most is not None and len(data) > most:
        msg = f"{getattr(stream, 'name', 'input')}: more than the {most:,}-byte limit (max_bytes)"
        raise ResourceLimitError(msg)
    return data


def parse(  # noqa: PLR0913
    document: str | bytes,
    *,
    path: str | None = None,
    layout: str | None = None,
    strict: bool = False,
    plugin_manager: pluggy.PluginManager | None = None,
    limits: Limits | None = None,
) -> Report:
    """Parse one report.

    A file that holds several reports (a scraped listing, a compiled PDF) gives
    the first, with a ``more-reports`` warning; ``parse_all`` gives each.

    :param document: the report's text, or its bytes in any encoding reports use.
    :param path: where it came from, recorded in ``Report.source``.
    :param layout: read tables only with this layout (name or alias).
    :param strict: raise ``ReportRuleError`` when any diagnostic is an error.
    :param plugin_manager: the plugins to use (default: built-in and installed ones).
    :param limits: resource limits (default: ``Limits()``, or those in force).
    :raises DecodingError: the bytes are not text.
    :raises UnreadableDocumentError: a PDF or Word file that cannot be read, or a format not read
        (OFD, Excel, a zip archive): each named, and why.
    :raises ResourceLimitError: the document goes beyond ``limits`` (``ParseTimeoutError`` for time).
    :raises LayoutNotFoundError: ``layout`` names no installed layout.
    """
    limits = limits or current_limits()
    with using(limits), deadline(limits.timeout):
        return _parse(document, path=path, layout=layout, strict=strict,
                      pm=plugin_manager or default_plugin_manager(), limits=limits, every=False)[0]


def parse_all(  # noqa: PLR0913
    document: str | bytes,
    *,
    path: str | None = None,
    layout: str | None = None,
    strict: bool = False,
    plugin_manager: pluggy.PluginManager | None = None,
    limits: Limits | None = None,
) -> list[Report]:
    """Every report in ``document``, in order (one for most files); arguments as for ``parse``.

    Reports are told apart by a new title line, or a new section 一 after a
    report's closing sections (``sections.split_reports``).  Spans point into
    the whole document.
    """
    limits = limits or current_limits()
    with using(limits), deadline(limits.timeout):
        return _parse(document, path=path, layout=layout, strict=strict,
                      pm=plugin_manager or default_plugin_manager(), limits=limits, every=True)


def _parse(  # noqa: PLR0913
    document: str | bytes, *, path: str | None, layout: str | None, strict: bool,
    pm: pluggy.PluginManager, limits: Limits, every: bool,
) -> list[Report]:
    """The reports of ``document``: each one, or (``every`` false) the first with a note of the rest."""
    conversion_problems: list[Diagnostic] = []
    source, encoding = _source_text(document, path, pm, limits, conversion_problems)
    ranges = split_reports(source.text)
    if not every and len(ranges) > 1:
        conversion_problems.append(Diagnostic(
            code="more-reports", severity=Severity.WARNING,
            span=source.span(ranges[1][0], ranges[-1][1]),
            message=f"the document holds {len(ranges)} reports; only the first is read "
            "(parse_all reads each)",
        ))
        ranges = ranges[:1]
    reports = []
    for i, (start, end) in enumerate(ranges):
        report = _report(source, start, end, path=path, encoding=encoding, layout=layout, pm=pm,
                         first_diagnostics=conversion_problems if i == 0 else [])
        if strict and (errors := [d for d in report.diagnostics if d.severity is Severity.ERROR]):
            raise ReportRuleError(errors)
        reports.append(report)
    return reports


def _source_text(
    document: str | bytes, path: str | None, pm: pluggy.PluginManager, limits: Limits,
    problems: list[Diagnostic],
) -> tuple[SourceText, str | None]:
    """The document as normalised text (converted or decoded), and the encoding it was in."""
    raw, encoding, source_format, converted = _raw_text(document, path, pm, limits, problems)
    source = normalize(raw)
    source.format = source_format
    if converted is not None and converted.page_starts:
        source.pages = list(converted.page_starts)  # the converted text is the raw text
    if converted is not None and converted.boxes:
        source.boxes = converted.boxes
    if converted is not None and converted.confidences:
        source.confidences = converted.confidences
        source.read_twice = converted.read_twice
    return source, encoding


def _raw_text(
    document: str | bytes, path: str | None, pm: pluggy.PluginManager, limits: Limits,
    problems: list[Diagnostic],
) -> tuple[str, str | None, str, ConvertedDocument | None]:
    """The text spans point into, its encoding, its format, and the converter's result if any."""
    if limits.max_bytes is not None and len(document) > limits.max_bytes:
        msg = (f"{path or 'input'}: {len(document):,} bytes is more than the {limits.max_bytes:,}-byte "
               "limit (max_bytes)")
        raise ResourceLimitError(msg)
    converted = convert(document, path, pm, problems)
    if converted is None and isinstance(document, bytes) and (image := image_format(document)):
        msg = (f"{path or 'input'}: an image ({image}), not a report; OCR it first, or let "
               'govinfo_parse do it: pip install "govinfo-parse[ocr]"')
        raise NoTextLayerError(msg)
    if converted is None and isinstance(document, bytes) and (packaged := packaged_format(document)):
        msg = f"{path or 'input'}: {packaged}"
        raise UnreadableDocumentError(msg)
    if converted is not None:
        most = limits.max_decompressed_bytes
        if most is not None and len(converted.text) > most:
            msg = (f"{path or 'input'}: its text is {len(converted.text):,} characters, more than the "
                   f"{most:,} limit (max_decompressed_bytes)")
            raise ResourceLimitError(msg)
        return converted.text, converted.encoding, converted.format, converted
    if isinstance(document, bytes):
        try:
            raw, encoding = decode(document)
        except DecodingError as exc:
            failed = [p.message for p in problems if p.code in ("plugin-error", "plugin-timeout")]
            if not failed:
                raise
            # Not text, and a converter that should have read it failed: that failure is the news.
            msg = f"{path or 'input'}: no converter could read it ({'; '.join(failed)}), and {exc}"
            raise DecodingError(msg) from exc
        return raw, encoding, "text", None
    return document, None, "text", None


def document_text(
    document: str | bytes,
    *,
    path: str | None = None,
    plugin_manager: pluggy.PluginManager | None = None,
    limits: Limits | None = None,
) -> str:
    """The text every ``SourceSpan`` of ``parse(document)`` points into.

    The decoded text for a text file; for a PDF, Word or HTML file, the text
    its converter made (a PDF's pages joined by form feeds).  Raises as
    ``parse`` does.
    """
    limits = limits or current_limits()
    with using(limits), deadline(limits.timeout):
        return _raw_text(document, path, plugin_manager or default_plugin_manager(), limits, [])[0]


def _report(  # noqa: PLR0913
    source: SourceText, start: int, end: int, *, path: str | None, encoding: str | None,
    layout: str | None, pm: pluggy.PluginManager, first_diagnostics: list[Diagnostic],
) -> Report:
    """The report in ``source.text[start:end]``."""
    sections = split_sections(source, start, end)
    found = extract_tables(source, sections, pm, layout=layout)
    found.diagnostics[:0] = first_diagnostics
    facts = extract_facts(source, sections, pm, found.diagnostics)
    found.add_facts(facts)
    section_list = [s for s, _, _ in sections]
    # Meta is read from normalised text, so that a Traditional or look-alike title
    # names its body as the Simplified report of the same body does.
    normalised = [attrs.evolve(s, text=source.text[start:end].strip()) for s, start, end in sections]
    preamble = next((s.text for s in normalised if s.kind is SectionKind.PREAMBLE), "")
    title = read_title(preamble)
    year_problems: list[str] = []
    meta = Meta(
        year=read_year(title, normalised, year_problems),
        template=found.template,
        organ=read_organ(preamble, title, normalised),
        title=title,
    )
    report = Report(
        meta=meta,
        sections=tuple(section_list),
        active=Table(name="active", cells=found.by_table("active")),
        requests=Table(name="requests", cells=found.by_table("requests")),
        appeals=Table(name="appeals", cells=found.by_table("appeals")),
        narrative=tuple(facts),
        diagnostics=tuple(found.diagnostics),
        source=Source(path=path, encoding=encoding, format=source.format),
    )
    if source.confidences:
        from govinfo_parse.ocr import vouched  # noqa: PLC0415 - only recognised text needs it

        report = vouched(report, source.confidences, source.read_twice)
    year_diagnostics = [Diagnostic(code="year-conflict", severity=Severity.WARNING, message=m)
                        for m in year_problems]
    if not source.text[start:end].strip():
        year_diagnostics.append(Diagnostic(code="empty-document", severity=Severity.ERROR,
                                           message="the document is empty (no text at all)"))
    return report.with_diagnostics(*year_diagnostics, *_coverage(report), *check(report, pm))


# --- conversion ---------------------------------------------------------------------------


def convert(
    document: str | bytes, path: str | None, pm: pluggy.PluginManager, diagnostics: list[Diagnostic]
) -> ConvertedDocument | None:
    """The first ``govinfo_convert_document`` result in pluggy's order, or None for plain text."""
    hook = "govinfo_convert_document"
    for impl in implementations(pm, hook):
        # A converter's work grows with the document (OCR: seconds a page): the document's
        # time limit bounds it, not one plugin call's.
        ok, result = call_one(pm, hook, impl, {"data": document, "path": path}, diagnostics,
                              passes=(UnreadableDocumentError, MissingDependencyError, ResourceLimitError),
                              timed=False)
        if not ok:
            continue
        if isinstance(result, ConvertedDocument):
            return result
        if result is not None:
            diagnostics.append(plugin_failure(impl.plugin_name, hook, TypeError(f"returned {result!r}")))
    return None


def available_layouts(pm: pluggy.PluginManager | None = None) -> list[tuple[str, LayoutInfo]]:
    """(plugin name, layout info) of every installed layout."""
    pm = pm or default_plugin_manager()
    described = call_each(pm, "govinfo_layout_info", [])
    return [(p, info) for p, info in described if isinstance(info, LayoutInfo)]


def _layout_filter(pm: pluggy.PluginManager, wanted: str | None) -> Callable[[str], bool]:
    if wanted is None:
        return lambda _name: True
    layouts = [info for _, info in available_layouts(pm)]
    match = next((i for i in layouts if wanted in (i.name, *i.aliases)), None)
    if match is None:
        raise LayoutNotFoundError(wanted, [i.name for i in layouts])
    return lambda name: name == match.name


# --- tables -------------------------------------------------------------------------------


class _Found:
    """Cells merged from every block, with diagnostics and template evidence."""

    def __init__(self) -> None:
        self.cells: dict[str, Cell] = {}
        self.diagnostics: list[Diagnostic] = []
        self.votes: Counter[str] = Counter()
        self.blocks_read = 0

    def add(self, result: LayoutResult) -> None:
        self.blocks_read += 1
        self.diagnostics.extend(result.diagnostics)
        self.votes.update(result.template_votes)
        for cell in result.cells:
            if not fields.is_field_id(cell.field_id):
                self.diagnostics.append(Diagnostic(
                    code="unknown-field", severity=Severity.ERROR, layout=result.layout,
                    message=f"layout {result.layout!r} returned unknown field {cell.field_id!r}; dropped",
                ))
            elif cell.field_id not in self.cells:
                self.cells[cell.field_id] = cell
            elif self.cells[cell.field_id].value != cell.value:
                first = self.cells[cell.field_id]
                self.diagnostics.append(Diagnostic(
                    code="duplicate-value", severity=Severity.WARNING, field_ids=(cell.field_id,),
                    values=(first.value, cell.value), span=cell.span, layout=result.layout,
                    message=f"{cell.field_id} is stated twice ({first.value} and {cell.value}); "
                    "the first is kept",
                ))

    def add_facts(self, facts: Iterable[NarrativeFact]) -> None:
        """Fill keys no table states from prose; report where prose and a table disagree."""
        allowed = set(fields.field_ids(self.template)) if self.template else set(fields.all_field_ids())
        for fact in facts:
            cell = self.cells.get(fact.field_id)
            if cell is not None and cell.value is not None:
                if cell.value != fact.value:
                    table = "prose" if cell.origin is Origin.NARRATIVE else "the table"
                    self.diagnostics.append(Diagnostic(
                        code="narrative-mismatch", severity=Severity.WARNING, span=fact.span,
                        field_ids=(fact.field_id,), values=(cell.value, fact.value), layout="narrative",
                        message=f"{fact.field_id}: {table} says {cell.value}, a sentence says "
                        f"{fact.value} ({fact.sentence[:60]}); {table} is kept",
                    ))
            elif fact.field_id in allowed:
                self.cells[fact.field_id] = Cell(
                    field_id=fact.field_id, value=fact.value, raw=fact.raw,
                    kind=CellKind.ZERO if fact.value == 0 else CellKind.NUMBER, layout="narrative",
                    span=fact.span, origin=Origin.NARRATIVE, rule=f"stated in prose: {fact.sentence}",
                )

    @property
    def template(self) -> fields.Template | None:
        return template_of(self.votes)

    def by_table(self, table: str) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells.values() if fields.table_of(c.field_id) == table)


def extract_tables(
    source: SourceText,
    sections: Iterable[tuple[Section, int, int]],
    pm: pluggy.PluginManager,
    *,
    layout: str | None = None,
) -> _Found:
    """Offer every section to the layouts and merge what the best one reads."""
    allowed = _layout_filter(pm, layout)
    found = _Found()
    for section, start, end in sections:
        block = Block(source=source, start=start, end=end, section=section)
        _read_block(pm, block, allowed, found)
    if found.blocks_read == 0:
        found.diagnostics.append(Diagnostic(
            code="no-tables", severity=Severity.ERROR,
            message="no statistical table was found in any layout",
        ))
    if found.votes["2019"] and found.votes["2021"]:
        found.diagnostics.append(Diagnostic(
            code="mixed-template", severity=Severity.WARNING,
            message=f"labels of both formats (2019: {found.votes['2019']}, 2021: {found.votes['2021']}); "
            f"taken as {found.template}",
        ))
    return found


def extract_facts(
    source: SourceText,
    sections: Iterable[tuple[Section, int, int]],
    pm: pluggy.PluginManager,
    diagnostics: list[Diagnostic],
) -> list[NarrativeFact]:
    """Narrative facts of every section, from every ``govinfo_extract_facts`` plugin."""
    facts: list[NarrativeFact] = []
    for section, start, end in sections:
        block = Block(source=source, start=start, end=end, section=section)
        for plugin, found in call_each(pm, "govinfo_extract_facts", diagnostics, block=block):
            for fact in found:
                if isinstance(fact, NarrativeFact) and fields.is_field_id(fact.field_id):
                    facts.append(fact)
                else:
                    diagnostics.append(plugin_failure(
                        plugin, "govinfo_extract_facts", TypeError(f"returned {fact!r}")))
    return facts


def _invalid_cell(cell: object) -> str | None:
    if not isinstance(cell, Cell):
        return f"a {type(cell).__name__} among its cells"
    value = cell.value
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, Decimal))):
        return f"{cell.field_id} = {value!r}, which is not an integer or a Decimal"
    if isinstance(value, Decimal) and not value.is_finite():
        return f"{cell.field_id} = {value}, which is not a finite number"
    if not isinstance(cell.kind, CellKind) or not isinstance(cell.origin, Origin):
        return f"{cell.field_id} with a kind or origin that is not one of the model's"
    if cell.span is not None and not isinstance(cell.span, SourceSpan):
        return f"{cell.field_id} with a span that is not a SourceSpan"
    return None


def _invalid_result(result: object) -> str | None:
    """What is wrong with a plugin's ``govinfo_parse_block`` result, or None when it fits the model."""
    if not isinstance(result, LayoutResult):
        return f"{type(result).__name__}, not a LayoutResult"
    if not isinstance(result.cells, (tuple, list)) or not isinstance(result.diagnostics, (tuple, list)):
        return "cells or diagnostics that are not sequences"
    votes = result.template_votes
    if not isinstance(votes, Mapping) or not all(t in fields.TEMPLATES and isinstance(n, int)
                                                 for t, n in votes.items()):
        return f"template votes {votes!r} that are not counts of '2019'/'2021'"
    if not all(isinstance(d, Diagnostic) for d in result.diagnostics):
        return "diagnostics that are not Diagnostic objects"
    return next((p for p in map(_invalid_cell, result.cells) if p is not None), None)


def _read_block(
    pm: pluggy.PluginManager, block: Block, allowed: Callable[[str], bool], found: _Found
) -> None:
    scores = [
        (score.score, plugin, score.layout)
        for plugin, score in call_each(pm, "govinfo_sniff_block", found.diagnostics, block=block)
        if isinstance(score, LayoutScore) and score.score > 0 and allowed(score.layout)
    ]
    empty: LayoutResult | None = None  # a layout that recognised the block but read no cell
    for _score, plugin, layout_name in sorted(scores, reverse=True):
        impl = next((i for i in implementations(pm, "govinfo_parse_block") if i.plugin_name == plugin), None)
        if impl is None:
            continue
        ok, result = call_one(pm, "govinfo_parse_block", impl, {"block": block, "layout": layout_name},
                              found.diagnostics)
        if not ok or result is None:
            continue
        problem = _invalid_result(result)
        if problem is not None:
            found.diagnostics.append(Diagnostic(
                code="plugin-error", severity=Severity.ERROR, layout=plugin,
                message=f"plugin {plugin!r} returned {problem}; its result is ignored",
            ))
            continue
        if not result.cells:
            empty = empty or result
            continue
        found.add(result)
        return
    if empty is not None:
        found.diagnostics.extend(empty.diagnostics)
    words = labels.header_words(block.text)
    if words:
        heading = block.section.heading or block.section.kind.value
        found.diagnostics.append(Diagnostic(
            code="unread-table", severity=Severity.WARNING, span=block.section.span,
            message=f"section {heading!r} holds table labels ({', '.join(words[:4])}) "
            "but no installed layout reads its shape; its values are missing",
        ))


# --- checks -------------------------------------------------------------------------------


def expected_fields(report: Report, table: str) -> tuple[str, ...]:
    """The field ids a complete report of ``report``'s format states in ``table``.

    A 2021 report prints either the three (六) sub-rows or the single 2019-style
    row; the one it printed is expected.
    """
    alternative = report.value("requests.other.total") is not None
    return fields.FORMATS[report.meta.template or "2019"].expected_fields(table, alternative=alternative)


def _table_states(table: Table, field_id: str) -> bool:
    cell = table.get(field_id)
    return cell is not None and cell.value is not None and cell.origin is not Origin.NARRATIVE


def _coverage(report: Report) -> list[Diagnostic]:
    """Which tables and rows the document did not give (what could not be read)."""
    out: list[Diagnostic] = []
    if not any(report.cells()):
        return out
    for table in report.tables:
        missing = [f for f in expected_fields(report, table.name) if not _table_states(table, f)]
        if not any(c.origin is not Origin.NARRATIVE for c in table.cells):
            out.append(Diagnostic(
                code="missing-table", severity=Severity.WARNING, field_ids=tuple(missing),
                message=f"table {table.name!r} was not found",
            ))
        elif missing:
            rows = list(dict.fromkeys(fields.split_field_id(f)[1] for f in missing))
            out.append(Diagnostic(
                code="missing-values", severity=Severity.INFO, field_ids=tuple(missing),
                message=f"table {table.name!r} does not state {len(missing)} value(s), "
                f"in rows: {', '.join(rows)}",
            ))
    return out


def check(report: Report, pm: pluggy.PluginManager | None = None) -> list[Diagnostic]:
    """Run every ``govinfo_check_report`` implementation; returns their diagnostics."""
    pm = pm or default_plugin_manager()
    out: list[Diagnostic] = []
    for plugin, diagnostics in call_each(pm, "govinfo_check_report", out, report=report):
        for diagnostic in diagnostics:
            if isinstance(diagnostic, Diagnostic):
                out.append(diagnostic)
            else:
                out.append(plugin_failure(plugin, "govinfo_check_report",
                                           TypeError(f"returned {diagnostic!r}, not a Diagnostic")))
    return out
