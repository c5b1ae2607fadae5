"""Hooks keep pluggy's semantics: tryfirst/trylast order, wrappers around every call, tracing.

Each implementation is still called on its own (so one plugin's failure is
isolated), but in the order pluggy would call them and through pluggy's own
hook caller.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest

import govinfo_parse
from govinfo_parse import Block, ConvertedDocument, LayoutScore, hookimpl
from govinfo_parse.plugins import get_plugin_manager
from govinfo_parse.testing import SampleReport, render_canonical
from govinfo_parse.testing.html import render_html

SAMPLE = SampleReport(template="2019", values={"requests.new_received.total": 3, "appeals.review.total": 1})
OTHER = SampleReport(template="2019", values={"requests.new_received.total": 8, "appeals.review.total": 1})
HTML = render_html(SAMPLE, word=True).encode()


def _html_takeover(**marker: bool) -> Any:  # noqa: ANN401
    """A converter that claims every HTML page, giving a different report's text."""

    class Takeover:
        calls = 0

        @hookimpl(**marker)
        def govinfo_convert_document(self, data: bytes | str) -> ConvertedDocument | None:
            self.calls += 1
            if isinstance(data, bytes) and b"<html" in data.lower():
                return ConvertedDocument(text=render_canonical(OTHER), format="takeover")
            return None

    return Takeover()


def _manager(*plugins: tuple[str, object]) -> Any:  # noqa: ANN401
    pm = get_plugin_manager(load_entrypoints=False)
    for name, plugin in plugins:
        pm.register(plugin, name=name)
    return pm


def test_a_tryfirst_converter_takes_over_a_format_from_the_built_in_one() -> None:
    first = _html_takeover(tryfirst=True)
    report = govinfo_parse.parse(HTML, plugin_manager=_manager(("takeover", first)))
    assert report.source.format == "takeover"
    assert report.value("requests.new_received.total") == 8
    assert first.calls == 1


def test_a_trylast_converter_is_asked_only_when_no_built_in_converts() -> None:
    last = _html_takeover(trylast=True)
    pm = _manager(("fallback", last))
    report = govinfo_parse.parse(HTML, plugin_manager=pm)
    assert report.source.format == "html"
    assert report.value("requests.new_received.total") == 3
    assert last.calls == 0
    # Plain text no built-in converts: the trylast one is asked (and declines).
    govinfo_parse.parse(render_canonical(SAMPLE), plugin_manager=pm)
    assert last.calls == 1


def test_without_a_marker_the_last_registered_converter_is_asked_first() -> None:
    report = govinfo_parse.parse(HTML, plugin_manager=_manager(("takeover", _html_takeover())))
    assert report.source.format == "takeover"


class _SniffWrapper:
    """A new-style wrapper around every sniff: records each call's result."""

    def __init__(self) -> None:
        self.seen: list[list[LayoutScore]] = []

    @hookimpl(wrapper=True)
    def govinfo_sniff_block(self, block: Block) -> Generator[None, list[LayoutScore], list[LayoutScore]]:  # noqa: ARG002
        result = yield
        self.seen.append(list(result))
        return result


def test_a_wrapper_runs_around_every_call_and_sees_its_result() -> None:
    wrapper = _SniffWrapper()
    pm = _manager(("watch", wrapper))
    layouts = len(govinfo_parse.available_layouts(pm))
    report = govinfo_parse.parse(render_canonical(SAMPLE), plugin_manager=pm)
    assert report.value("requests.new_received.total") == 3
    blocks = len(report.sections)
    assert len(wrapper.seen) == blocks * layouts  # once per layout per block
    scores = [s for results in wrapper.seen for s in results]
    assert all(isinstance(s, LayoutScore) for s in scores)
    assert any(s.layout == "canonical" and s.score > 0 for s in scores)
    assert all(len(results) <= 1 for results in wrapper.seen)


def test_an_old_style_hookwrapper_sees_every_parse_result() -> None:
    read: list[object] = []

    class Watch:
        @hookimpl(hookwrapper=True)
        def govinfo_parse_block(self, block: Block, layout: str) -> Generator[None, Any, None]:  # noqa: ARG002
            outcome = yield
            read.append(outcome.get_result())

    report = govinfo_parse.parse(render_canonical(SAMPLE), plugin_manager=_manager(("watch", Watch())))
    assert report.value("requests.new_received.total") == 3
    assert read
    assert all(isinstance(r, govinfo_parse.LayoutResult) or r is None for r in read)
    assert any(isinstance(r, govinfo_parse.LayoutResult) and r.cells for r in read)


def test_a_wrapper_that_raises_is_reported_and_the_parse_goes_on() -> None:
    class Broken:
        @hookimpl(wrapper=True)
        def govinfo_check_report(self, report: govinfo_parse.Report) -> Generator[None, Any, Any]:  # noqa: ARG002
            yield
            raise RuntimeError("wrapper broke")

    report = govinfo_parse.parse(render_canonical(SAMPLE), plugin_manager=_manager(("broken", Broken())))
    assert report.value("requests.new_received.total") == 3
    failures = [d for d in report.diagnostics if d.code == "plugin-error"]
    assert failures
    assert all("wrapper broke" in d.message for d in failures)


def test_tracing_sees_each_call() -> None:
    pm = _manager()
    lines: list[str] = []
    pm.trace.root.setwriter(lines.append)
    undo = pm.enable_tracing()
    try:
        govinfo_parse.parse(render_canonical(SAMPLE), plugin_manager=pm)
    finally:
        undo()
    traced = "".join(lines)
    for hook in ("govinfo_convert_document", "govinfo_sniff_block", "govinfo_parse_block",
                 "govinfo_extract_facts", "govinfo_check_report"):
        assert hook in traced


def test_monitoring_sees_each_implementation_called_on_its_own() -> None:
    pm = _manager()
    called: list[tuple[str, list[str]]] = []

    def before(hook_name: str, impls: list[Any], kwargs: dict[str, Any]) -> None:  # noqa: ARG001
        called.append((hook_name, [i.plugin_name for i in impls]))

    undo = pm.add_hookcall_monitoring(before, lambda *_: None)
    try:
        govinfo_parse.parse(render_canonical(SAMPLE), plugin_manager=pm)
    finally:
        undo()
    parse_calls = [names for hook, names in called if hook == "govinfo_parse_block"]
    assert parse_calls
    assert all(names == ["canonical"] for names in parse_calls)
    assert all(len(names) == 1 for _, names in called)


def test_monitoring_turned_on_after_parses_sees_the_next_parse_and_none_after_it_is_off() -> None:
    # Calls nothing watches skip pluggy's loop: turning monitoring on must bring it back at once.
    pm = _manager()
    govinfo_parse.parse(render_canonical(SAMPLE), plugin_manager=pm)
    called: list[str] = []
    undo = pm.add_hookcall_monitoring(lambda hook_name, *_: called.append(hook_name), lambda *_: None)
    try:
        report = govinfo_parse.parse(render_canonical(SAMPLE), plugin_manager=pm)
    finally:
        undo()
    assert report.value("requests.new_received.total") == 3
    assert {"govinfo_sniff_block", "govinfo_parse_block", "govinfo_check_report"} <= set(called)
    seen = len(called)
    again = govinfo_parse.parse(render_canonical(OTHER), plugin_manager=pm)
    assert again.value("requests.new_received.total") == 8
    assert len(called) == seen


def test_a_wrapper_registered_after_parses_runs_around_the_next_calls() -> None:
    pm = _manager()
    govinfo_parse.parse(render_canonical(SAMPLE), plugin_manager=pm)
    wrapped: list[str] = []

    class Wrapper:
        @hookimpl(wrapper=True)
        def govinfo_sniff_block(self, block: Block) -> Generator[None, Any, Any]:
            wrapped.append(block.section.kind.value)
            return (yield)

    pm.register(Wrapper(), name="late-wrapper")
    report = govinfo_parse.parse(render_canonical(SAMPLE), plugin_manager=pm)
    assert report.value("requests.new_received.total") == 3
    assert wrapped


@pytest.mark.parametrize("marker", [{"tryfirst": True}, {"trylast": True}, {}], ids=str)
def test_a_failing_converter_is_isolated_wherever_it_stands(marker: dict[str, bool]) -> None:
    class Raising:
        @hookimpl(**marker)
        def govinfo_convert_document(self, data: bytes | str) -> None:  # noqa: ARG002
            raise OSError("disk gone")

    report = govinfo_parse.parse(HTML, plugin_manager=_manager(("raising", Raising())))
    assert report.value("requests.new_received.total") == 3
    # A trylast converter is never reached once the HTML converter has answered.
    expected = set() if marker.get("trylast") else {"raising"}
    assert {d.layout for d in report.diagnostics if d.code == "plugin-error"} == expected


def test_an_unhashable_plugin_object_is_still_called() -> None:
    import attrs  # noqa: PLC0415

    @attrs.define  # eq=True: instances are unhashable, which pluggy's subset caller needs
    class Declines:
        calls: int = 0

        @hookimpl
        def govinfo_convert_document(self, data: bytes | str) -> None:  # noqa: ARG002
            self.calls += 1

    plugin = Declines()
    report = govinfo_parse.parse(HTML, plugin_manager=_manager(("unhashable", plugin)))
    assert plugin.calls == 1
    assert report.value("requests.new_received.total") == 3
    assert not [d for d in report.diagnostics if d.code == "plugin-error"]
