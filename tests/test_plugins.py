"""The plugin system: discovery, blocking, isolation of failing plugins."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pluggy
import pytest

import govinfo_parse
from govinfo_parse import Block, LayoutResult, LayoutScore, hookimpl
from govinfo_parse.plugins import DISABLE_ENV, get_plugin_manager
from govinfo_parse.testing import SampleReport, render_canonical

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = SampleReport(template="2019", values={"requests.new_received.total": 3, "appeals.review.total": 1})


def test_built_in_plugins_are_registered_by_name() -> None:
    pm = get_plugin_manager(load_entrypoints=False)
    assert {name for name, _ in pm.list_name_plugin()} >= {"canonical", "tabular", "checks"}
    layouts = sorted(info.name for _, info in govinfo_parse.available_layouts(pm))
    assert layouts == ["browser_text", "canonical", "cell_stream", "docx", "glued_text", "html", "markdown", "pdf_text", "tabular"]


def test_the_plugin_manager_finds_the_implementations_pluggy_finds() -> None:
    # Registering modules skips pluggy's static lookup of names no hook implementation can have.
    import importlib  # noqa: PLC0415
    import types  # noqa: PLC0415

    from govinfo_parse import hookspecs  # noqa: PLC0415
    from govinfo_parse.plugins import DEFAULT_PLUGINS  # noqa: PLC0415

    helpers = types.ModuleType("helpers_plugin")  # an implementation imported under another name, a class
    helpers.borrowed = hookimpl(specname="govinfo_layout_info")(lambda: None)  # type: ignore[attr-defined]
    helpers.Unrelated = type("Unrelated", (), {"govinfo_sniff_block": hookimpl(lambda block: None)})  # type: ignore[attr-defined]
    modules = [(name, importlib.import_module(module)) for name, module in DEFAULT_PLUGINS]
    modules.append(("helpers", helpers))
    ours = get_plugin_manager(load_entrypoints=False)
    ours.register(helpers, name="helpers")
    plain = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    plain.add_hookspecs(hookspecs)
    for name, module in modules:
        plain.register(module, name=name)

    def found(pm: pluggy.PluginManager) -> dict[str, list[tuple[str, Any]]]:
        return {hook: [(i.plugin_name, i.function) for i in getattr(pm.hook, hook).get_hookimpls()]
                for hook in dir(pm.hook) if hook.startswith("govinfo_")}

    assert found(ours) == found(plain)
    assert ("helpers", helpers.borrowed) in found(ours)["govinfo_layout_info"]  # type: ignore[attr-defined]


def test_built_in_layout_is_also_an_entry_point() -> None:
    from importlib.metadata import entry_points  # noqa: PLC0415

    names = {ep.name: ep.value for ep in entry_points(group="govinfo_parse")}
    assert names["canonical"] == "govinfo_parse_layouts.canonical"


def test_blocking_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DISABLE_ENV, "canonical")
    pm = get_plugin_manager()
    assert pm.get_plugin("canonical") is None
    report = govinfo_parse.parse(render_canonical(SAMPLE), plugin_manager=pm)
    assert "no-tables" in {d.code for d in report.diagnostics}


class _Broken:
    """A plugin that claims every block with the top score, then misbehaves."""

    def __init__(self, *, sniff: Any = None, parse: Any = None, check: Any = None) -> None:  # noqa: ANN401
        self._sniff, self._parse, self._check = sniff, parse, check

    @hookimpl
    def govinfo_sniff_block(self, block: Block) -> LayoutScore:  # noqa: ARG002
        if isinstance(self._sniff, Exception):
            raise self._sniff
        return LayoutScore(layout="broken", score=1.0)

    @hookimpl
    def govinfo_parse_block(self, block: Block, layout: str) -> Any:  # noqa: ANN401, ARG002
        if isinstance(self._parse, Exception):
            raise self._parse
        return self._parse

    @hookimpl
    def govinfo_check_report(self, report: govinfo_parse.Report) -> Any:  # noqa: ANN401, ARG002
        if isinstance(self._check, Exception):
            raise self._check
        return self._check


def _parse_with(plugin: object) -> govinfo_parse.Report:
    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(plugin, name="broken")
    return govinfo_parse.parse(render_canonical(SAMPLE), plugin_manager=pm)


@pytest.mark.parametrize("plugin", [
    _Broken(parse=RuntimeError("boom")),
    _Broken(sniff=ZeroDivisionError("boom")),
    _Broken(parse="garbage"),
    _Broken(check=KeyError("boom")),
    _Broken(check=["not a diagnostic"]),
])
def test_a_failing_plugin_is_named_and_the_others_still_run(plugin: _Broken) -> None:
    report = _parse_with(plugin)
    assert report.value("requests.new_received.total") == 3
    assert report.value("appeals.review.total") == 1
    failures = [d for d in report.diagnostics if d.code == "plugin-error"]
    assert failures
    assert all(d.layout == "broken" and "broken" in d.message for d in failures)


@pytest.mark.parametrize("result", [None, LayoutResult(layout="broken")])
def test_a_result_without_cells_falls_through_to_the_next_layout(result: object) -> None:
    report = _parse_with(_Broken(parse=result))
    assert report.value("requests.new_received.total") == 3
    assert report.cell("requests.new_received.total").layout == "canonical"


def test_layout_by_name_or_alias_and_unknown_layout() -> None:
    text = render_canonical(SAMPLE)
    assert govinfo_parse.parse(text, layout="word-copy").value("appeals.review.total") == 1
    with pytest.raises(govinfo_parse.LayoutNotFoundError, match="canonical"):
        govinfo_parse.parse(text, layout="nonesuch")
    with pytest.raises(LookupError):
        govinfo_parse.parse(text, layout="nonesuch")


def test_plugin_manager_validates_hook_signatures() -> None:
    class Wrong:
        @hookimpl
        def govinfo_sniff_block(self, blok: object) -> None: ...

    pm = get_plugin_manager(load_entrypoints=False)
    with pytest.raises(pluggy.PluginValidationError):
        pm.register(Wrong())


@pytest.mark.slow
def test_example_plugin_distribution_installs_and_is_picked_up(tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(ROOT / "plugins" / "govinfo-parse-example-layout")],
        check=True,
    )
    script = textwrap.dedent("""
        import sys, govinfo_parse
        from govinfo_parse.cli import main
        main(["plugins"])
        text = "二、主动公开政府信息情况\\n第二十条第(一)项\\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\\n规章 | 1 | 2 | 3\\n"
        report = govinfo_parse.parse(text)
        print(report.to_flat()["active.regulations.total_published"], report.cell("active.regulations.made").layout)
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    assert "pipe_rows" in done.stdout
    assert done.stdout.strip().endswith("3 pipe_rows")


def test_hook_govinfo_layout_info_lists_layouts_and_survives_a_broken_one() -> None:
    class Described:
        @hookimpl
        def govinfo_layout_info(self) -> govinfo_parse.LayoutInfo:
            return govinfo_parse.LayoutInfo(name="described", description="d", aliases=("d2",))

    class Raising:
        @hookimpl
        def govinfo_layout_info(self) -> govinfo_parse.LayoutInfo:
            raise RuntimeError

    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(Described(), name="described")
    pm.register(Raising(), name="raising")
    names = sorted(info.name for _, info in govinfo_parse.available_layouts(pm))
    assert names == ["browser_text", "canonical", "cell_stream", "described", "docx", "glued_text", "html", "markdown", "pdf_text",
                     "tabular"]
    with pytest.raises(govinfo_parse.LayoutNotFoundError):
        govinfo_parse.parse("text", layout="raising", plugin_manager=pm)
    govinfo_parse.parse("text", layout="d2", plugin_manager=pm)  # alias resolves


def test_hook_govinfo_extract_facts_is_isolated() -> None:
    class RaisingFacts:
        @hookimpl
        def govinfo_extract_facts(self, block: Block) -> list[object]:  # noqa: ARG002
            raise ValueError

    class GarbageFacts:
        @hookimpl
        def govinfo_extract_facts(self, block: Block) -> list[object]:  # noqa: ARG002
            return ["not a fact"]

    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(RaisingFacts(), name="raising")
    pm.register(GarbageFacts(), name="garbage")
    text = render_canonical(SAMPLE).replace("全面推进政务公开工作。", "全年共收到依申请公开3件。")
    report = govinfo_parse.parse(text, plugin_manager=pm)
    assert [f.value for f in report.narrative] == [3]
    assert {d.layout for d in report.diagnostics if d.code == "plugin-error"} == {"raising", "garbage"}


def test_hook_govinfo_convert_document_first_result_wins_and_failures_are_isolated() -> None:
    class Raising:
        @hookimpl
        def govinfo_convert_document(self, data: bytes | str) -> None:  # noqa: ARG002
            raise OSError

    class Upper:
        @hookimpl
        def govinfo_convert_document(self, data: bytes | str) -> govinfo_parse.ConvertedDocument | None:
            text = data.decode() if isinstance(data, bytes) else data
            if not text.startswith("%UPPER"):
                return None
            return govinfo_parse.ConvertedDocument(text=render_canonical(SAMPLE), format="upper")

    pm = get_plugin_manager(load_entrypoints=False)
    # pluggy asks the last registered first: the raising one, then "upper".
    pm.register(Upper(), name="upper")
    pm.register(Raising(), name="raising")
    report = govinfo_parse.parse(b"%UPPER whatever", plugin_manager=pm)
    assert report.source.format == "upper"
    assert report.value("requests.new_received.total") == 3
    assert {d.layout for d in report.diagnostics if d.code == "plugin-error"} == {"raising"}
    plain = govinfo_parse.parse(render_canonical(SAMPLE), plugin_manager=pm)
    assert plain.source.format == "text"
