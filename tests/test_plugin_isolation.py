"""A layout plugin that raises, hangs, returns garbage or claims everything cannot break a parse."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import govinfo_parse
from govinfo_parse import Block, Cell, CellKind, LayoutResult, LayoutScore, Limits, hookimpl
from govinfo_parse.plugins import get_plugin_manager
from govinfo_parse.testing import SampleReport, render_canonical

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = SampleReport(template="2019", values={"requests.new_received.total": 3, "appeals.review.total": 1})
TEXT = render_canonical(SAMPLE)
needs_alarm = pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="no SIGALRM here")


def _hang() -> None:
    while True:
        time.sleep(0.02)


class _Plugin:
    """Claims every block with the top score; what it does next is set per test."""

    def __init__(self, *, sniff: Any = None, parse: Any = None) -> None:
        self._sniff, self._parse = sniff, parse

    @hookimpl
    def govinfo_sniff_block(self, block: Block) -> LayoutScore:  # noqa: ARG002
        if callable(self._sniff):
            self._sniff()
        return LayoutScore(layout="broken", score=1.0)

    @hookimpl
    def govinfo_parse_block(self, block: Block, layout: str) -> Any:  # noqa: ARG002
        return self._parse() if callable(self._parse) else self._parse


def _parse_with(plugin: object, limits: Limits | None = None) -> govinfo_parse.Report:
    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(plugin, name="broken")
    return govinfo_parse.parse(TEXT, plugin_manager=pm, limits=limits)


def _assert_values_intact(report: govinfo_parse.Report) -> None:
    assert report.value("requests.new_received.total") == 3
    assert report.value("appeals.review.total") == 1
    assert report.cell("requests.new_received.total").layout == "canonical"


@needs_alarm
@pytest.mark.parametrize("plugin", [_Plugin(sniff=_hang), _Plugin(parse=_hang)], ids=["sniff", "parse"])
def test_a_hanging_plugin_is_stopped_named_and_skipped(plugin: _Plugin) -> None:
    started = time.monotonic()
    report = _parse_with(plugin, Limits(plugin_timeout=0.2))
    assert time.monotonic() - started < 10
    _assert_values_intact(report)
    stopped = [d for d in report.diagnostics if d.code == "plugin-timeout"]
    assert stopped
    assert all(d.layout == "broken" and "'broken'" in d.message for d in stopped)


@needs_alarm
def test_a_plugin_that_hangs_after_quick_calls_is_stopped_at_its_own_limit() -> None:
    # Quick calls leave the timer set for an earlier call's limit; the hanging call is
    # still stopped near its own limit, long before the document's.
    calls: list[float] = []

    def quick_then_hang() -> None:
        calls.append(time.monotonic())
        if len(calls) in (2, 3):
            time.sleep(0.2)  # the third runs past the first call's limit, within its own
        if len(calls) == 4:
            _hang()

    started = time.monotonic()
    report = _parse_with(_Plugin(sniff=quick_then_hang), Limits(plugin_timeout=0.3, timeout=30))
    assert time.monotonic() - started < 5
    _assert_values_intact(report)
    assert [d.code for d in report.diagnostics].count("plugin-timeout") == 1


@needs_alarm
def test_the_document_time_limit_stops_a_parse_a_plugin_holds_up() -> None:
    with pytest.raises(govinfo_parse.ParseTimeoutError):
        _parse_with(_Plugin(sniff=_hang), Limits(plugin_timeout=None, timeout=0.5))



def _hang_in_a_library_that_wraps_errors() -> None:
    # As rapidocr's image loading and many libraries do: whatever is raised inside comes out as their own.
    try:
        _hang()
    except Exception as exc:
        msg = "could not load the image"
        raise RuntimeError(msg) from exc


@needs_alarm
def test_a_time_limit_wrapped_by_a_library_is_still_the_time_limit() -> None:
    wrapping = _Plugin(sniff=_hang_in_a_library_that_wraps_errors)
    with pytest.raises(govinfo_parse.ParseTimeoutError):
        _parse_with(wrapping, Limits(plugin_timeout=None, timeout=0.5))
    report = _parse_with(wrapping, Limits(plugin_timeout=0.2))
    _assert_values_intact(report)
    codes = [d.code for d in report.diagnostics if d.layout == "broken"]
    assert codes
    assert set(codes) == {"plugin-timeout"}


def _cell(**changes: Any) -> Cell:
    fields = {"field_id": "requests.new_received.total", "value": 999, "raw": "999",
              "kind": CellKind.NUMBER, "layout": "broken", **changes}
    return Cell(**fields)


@pytest.mark.parametrize("result", [
    "a string",
    LayoutResult(layout="broken", cells=("requests.new_received.total", 999)),  # type: ignore[arg-type]
    LayoutResult(layout="broken", cells=5),  # type: ignore[arg-type]
    LayoutResult(layout="broken", cells=(_cell(value=999.0),)),
    LayoutResult(layout="broken", cells=(_cell(value=True),)),
    LayoutResult(layout="broken", cells=(_cell(value=Decimal("NaN")),)),
    LayoutResult(layout="broken", cells=(_cell(kind="number"),)),
    LayoutResult(layout="broken", cells=(_cell(span=(1, 2)),)),
    LayoutResult(layout="broken", cells=(_cell(),), diagnostics=("oops",)),  # type: ignore[arg-type]
    LayoutResult(layout="broken", cells=(_cell(),), template_votes={"1999": "many"}),  # type: ignore[arg-type]
], ids=["not-a-result", "not-cells", "cells-not-a-sequence", "float", "bool", "nan", "kind", "span",
        "diagnostics", "votes"])
def test_a_result_that_does_not_fit_the_model_is_refused(result: object) -> None:
    report = _parse_with(_Plugin(parse=result))
    _assert_values_intact(report)  # the next layout had its chance
    refused = [d for d in report.diagnostics if d.code == "plugin-error"]
    assert refused
    assert all(d.layout == "broken" and "ignored" in d.message for d in refused)


@pytest.mark.parametrize("result", [None, LayoutResult(layout="broken")])
def test_a_plugin_claiming_every_block_but_reading_nothing_does_not_hide_the_tables(result: object) -> None:
    report = _parse_with(_Plugin(parse=result))
    _assert_values_intact(report)
    assert not [d for d in report.diagnostics if d.severity.value == "error"]


@pytest.mark.parametrize(("mode", "code"), [
    ("raise", "plugin-error"), ("hang", "plugin-timeout"), ("garbage", "plugin-error"), ("claim", None),
])
def test_an_installed_broken_plugin_cannot_break_a_parse(mode: str, code: str | None, tmp_path: Path) -> None:
    if mode == "hang" and not hasattr(__import__("signal"), "setitimer"):
        pytest.skip("no SIGALRM here")
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(ROOT / "tests" / "data" / "broken-plugin")],
        check=True,
    )
    report_file = tmp_path / "report.txt"
    report_file.write_text(TEXT, encoding="utf-8")
    script = textwrap.dedent(f"""
        import json, govinfo_parse
        report = govinfo_parse.parse_file({str(report_file)!r}, limits=govinfo_parse.Limits(plugin_timeout=0.2))
        print(json.dumps({{"flat": report.to_flat(), "codes": [[d.code, d.layout] for d in report.diagnostics]}}))
    """)
    env = {**os.environ, "PYTHONPATH": str(target), "GOVINFO_BROKEN_MODE": mode}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env,
                          timeout=300)
    out = json.loads(done.stdout)
    assert out["flat"]["requests.new_received.total"] == 3
    assert out["flat"]["appeals.review.total"] == 1
    if code is not None:
        assert [code, "broken"] in out["codes"]


def test_a_layout_syntax_error_keeps_its_place_and_what_was_expected() -> None:
    from govinfo_parse import LayoutSyntaxError  # noqa: PLC0415

    marked: dict[int, str] = {}

    def refuse(block: Block) -> None:
        span = block.span(2, 6)
        marked[span.offset] = block.text[2:6]
        msg = "a label where a number belongs"
        raise LayoutSyntaxError(msg, text=block.source.raw, offset=span.offset, line=span.line,
                                column=span.column, layout="broken", expected=["NUMBER_CELL"],
                                length=4, span=span)

    class Refusing(_Plugin):
        @hookimpl
        def govinfo_parse_block(self, block: Block, layout: str) -> Any:  # noqa: ARG002
            refuse(block)

    report = _parse_with(Refusing())
    _assert_values_intact(report)
    found = [d for d in report.diagnostics if d.code == "layout-syntax"]
    assert found
    assert all(d.layout == "broken" and d.span is not None and "expected NUMBER_CELL" in d.message
               for d in found)
    assert {d.span.offset for d in found if d.span} == set(marked)
    # The span points into the document as given (，), the block holds its normalised text (,).
    assert [unicodedata.normalize("NFKC", TEXT[d.span.offset : d.span.end]) for d in found if d.span] == [
        marked[d.span.offset] for d in found if d.span]
    assert not [d for d in report.diagnostics if d.code == "plugin-error"]


def test_the_caret_stands_under_wide_characters_where_a_terminal_shows_them() -> None:
    from govinfo_parse.errors import LayoutSyntaxError, display_width  # noqa: PLC0415

    text = "表头\n一、本年新收政府信息公开申请数量　3x件\n"
    line = text.splitlines()[1]
    column = line.index("3x") + 1
    exc = LayoutSyntaxError("digits and a letter", text=text, offset=text.index("3x"), line=2,
                            column=column, layout="test", expected=("NUMBER_CELL",), length=3)
    shown, marks = exc.excerpt().split("\n")
    assert shown == line
    assert display_width(line[: column - 1]) == 2 * (column - 1)  # every character before is wide
    assert marks == " " * (2 * (column - 1)) + "^" + "~" * (display_width("3x件") - 1)
    assert "expected NUMBER_CELL" in str(exc)
    assert display_width("ａｂ") == 4 and display_width("ab") == 2 and display_width("é") == 1


def test_a_converter_has_the_documents_time_not_one_plugin_calls() -> None:
    """Converting grows with the document (OCR: seconds a page): plugin_timeout does not cut it short."""
    import time  # noqa: PLC0415

    from govinfo_parse.layout import ConvertedDocument  # noqa: PLC0415
    from govinfo_parse.plugins import get_plugin_manager  # noqa: PLC0415

    class SlowConverter:
        @govinfo_parse.hookimpl(tryfirst=True)
        def govinfo_convert_document(self, data: object, path: object) -> ConvertedDocument | None:  # noqa: ARG002
            if data != b"slow":
                return None
            time.sleep(0.5)
            return ConvertedDocument(text=TEXT, format="slow")

    pm = get_plugin_manager()
    pm.register(SlowConverter(), name="slow")
    report = govinfo_parse.parse(b"slow", plugin_manager=pm, limits=Limits(plugin_timeout=0.2, timeout=30))
    assert report.source.format == "slow"
    assert report.value("requests.new_received.total") == 3
    assert "plugin-timeout" not in [d.code for d in report.diagnostics]


class _FailingConverter:
    @hookimpl
    def govinfo_convert_document(self, data: bytes | str, path: str | None) -> None:  # noqa: ARG002
        msg = "the engine could not start"
        raise RuntimeError(msg)


def test_bytes_no_converter_could_read_name_the_converter_that_failed() -> None:
    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(_FailingConverter(), name="scanner")
    with pytest.raises(govinfo_parse.DecodingError, match=r"'scanner' failed .*the engine could not start"):
        govinfo_parse.parse(b"\x89\x00\xff\xfe\x00\x81" * 50, plugin_manager=pm)
    assert govinfo_parse.parse(TEXT, plugin_manager=pm).value("appeals.review.total") == 1
