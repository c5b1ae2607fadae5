"""The reference docs cover what the code defines."""

from __future__ import annotations

import importlib
import inspect
import re
import shutil
import types
from pathlib import Path

import pytest

import govinfo_parse
from govinfo_parse import api, fields, hookspecs
from govinfo_parse.codes import CODES, markdown_table
from govinfo_parse.plugins import get_plugin_manager
from govinfo_parse.testing import SampleReport, render_rows

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SOURCES = [*(ROOT / "src" / "govinfo_parse").rglob("*.py"), *(ROOT / "plugins").rglob("*.py")]


def test_every_hook_is_documented_and_tested() -> None:
    hooks_doc = (DOCS / "reference" / "hooks.md").read_text(encoding="utf-8")
    tests = (ROOT / "tests" / "test_plugins.py").read_text(encoding="utf-8")
    names = [n for n, f in inspect.getmembers(hookspecs, inspect.isfunction) if n.startswith("govinfo_")]
    assert len(names) == 6
    for name in names:
        assert f"## `{name}(" in hooks_doc, name
        assert name in tests, f"{name} is not exercised in test_plugins.py"


def test_every_field_id_is_documented() -> None:
    doc = (DOCS / "reference" / "fields.md").read_text(encoding="utf-8")
    for field_id in fields.all_field_ids():
        table, row, _ = fields.split_field_id(field_id)
        assert f"`{table}.{row}`" in doc, field_id


def test_every_diagnostic_code_is_registered_and_the_reference_is_written_from_the_registry() -> None:
    codes = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r'code="([a-z-]+)"', text))
        codes |= set(re.findall(r'_diag\(\s*"([a-z-]+)"', text))
        codes |= set(re.findall(r'"((?:rule|cross-year)-[a-z-]+)"', text))
    assert len(codes) > 30
    assert sorted(codes - set(CODES)) == []
    doc = (DOCS / "reference" / "errors.md").read_text(encoding="utf-8")
    assert markdown_table() in doc, "run: python -m govinfo_parse.codes docs/reference/errors.md"


def test_cli_exit_codes_are_documented() -> None:
    from govinfo_parse import cli  # noqa: PLC0415

    doc = (DOCS / "reference" / "cli.md").read_text(encoding="utf-8")
    for name in ("EXIT_OK", "EXIT_USAGE", "EXIT_RULES", "EXIT_NO_TABLES", "EXIT_UNREADABLE", "EXIT_LIMIT",
                 "EXIT_INTERNAL", "EXIT_INTERRUPTED"):
        assert f"| {getattr(cli, name)} |" in doc, name


# --- the snippets of the README and the docs run ---------------------------------------------

# Snippets that cannot run here, and why: everything else in README.md and docs/ is run.
NOT_RUN = {
    'Client("tcp://': "needs a Dask scheduler",
    "mapInPandas": "needs a Spark session",
    "my_render(": "a placeholder for the reader's own renderer",
    "import my_layout": "a placeholder for the reader's own module",
}
_SNIPPET = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _snippets(path: Path) -> list[str]:
    return [s for s in _SNIPPET.findall(path.read_text(encoding="utf-8"))
            if not any(marker in s for marker in NOT_RUN)]


def _documents() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


@pytest.mark.parametrize("path", [p for p in _documents() if _snippets(p)], ids=lambda p: p.name)
def test_the_snippets_of_a_document_run(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each document's snippets run in order, in one namespace, beside a copy of the example report."""
    if "export" in path.read_text(encoding="utf-8"):
        pytest.importorskip("pyarrow")
    example = ROOT / "examples" / "example-report-2020.txt"
    (tmp_path / "examples").mkdir()
    (tmp_path / "reports").mkdir()
    for target in ("report.txt", "examples/example-report-2020.txt", "reports/report.txt"):
        shutil.copy(example, tmp_path / target)
    monkeypatch.chdir(tmp_path)
    # The plugin how-tos speak to an author whose plugin is installed: here, the example plugin.
    monkeypatch.syspath_prepend(str(ROOT / "plugins" / "govinfo-parse-example-layout" / "src"))
    with_example = get_plugin_manager()
    if with_example.get_plugin("pipe_rows") is None:
        with_example.register(importlib.import_module("govinfo_parse_example_layout"), name="pipe_rows")
    monkeypatch.setattr(api, "default_plugin_manager", lambda: with_example)
    namespace: dict[str, object] = {"__name__": "snippet"}
    for snippet in _snippets(path):
        exec(compile(snippet, str(path), "exec"), namespace)  # noqa: S102 - our own documentation
    for name, value in list(namespace.items()):
        if name.startswith("test_") and callable(value):
            value()  # the documented tests pass (hypothesis runs them on its examples)
    if "govinfo_parse_block" in namespace:  # a documented layout plugin reads what it says it reads
        plugin = types.ModuleType("documented")
        plugin.__dict__.update({k: v for k, v in namespace.items() if k.startswith("govinfo_")})
        pm = get_plugin_manager(load_entrypoints=False)
        pm.register(plugin, name="documented")
        sample = SampleReport(template="2019", values={"requests.new_received.total": 7})
        report = govinfo_parse.parse(render_rows(sample, " | "), plugin_manager=pm)
        assert report.value("requests.new_received.total") == 7
        assert {c.layout for c in report.cells()} == {"pipe_rows"}


def test_every_snippet_not_run_is_named() -> None:
    counted = sum(len(_SNIPPET.findall(p.read_text(encoding="utf-8"))) for p in _documents())
    run = sum(len(_snippets(p)) for p in _documents())
    assert counted - run == len(NOT_RUN)
