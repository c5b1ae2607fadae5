"""The plugin contract stands on its own, and every module's ``__all__`` is true.

Plugins (the built-in ones as much as a third party's) import only the modules
``hookspecs.PLUGIN_MODULES`` names, and only what those export; inside the
library, a name one module takes from another is exported there or private.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
import types
from pathlib import Path

import pytest

from govinfo_parse.hookspecs import PLUGIN_MODULES

ROOT = Path(__file__).resolve().parents[1]
LIBRARY = sorted((ROOT / "src" / "govinfo_parse").rglob("*.py"))
PLUGINS = sorted([*(ROOT / "plugins" / "govinfo_parse_layouts").rglob("*.py"),
                  *(ROOT / "plugins" / "govinfo-parse-example-layout").rglob("*.py")])


def _imports(path: Path) -> list[tuple[str, tuple[str, ...], int]]:
    """(module, names, line) of every ``from govinfo_parse… import`` and ``import govinfo_parse…``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "govinfo_parse" or node.module.startswith("govinfo_parse."):
                found.append((node.module, tuple(a.name for a in node.names), node.lineno))
        elif isinstance(node, ast.Import):
            found.extend((a.name, (), node.lineno) for a in node.names
                         if a.name == "govinfo_parse" or a.name.startswith("govinfo_parse."))
    return found


def _is_private(module: str, name: str = "") -> bool:
    return name.startswith("_") or any(part.startswith("_") for part in module.split("."))


def _exported(module: str, name: str) -> bool:
    mod = importlib.import_module(module)
    if isinstance(getattr(mod, name, None), types.ModuleType):
        return True  # a submodule, imported as a module
    try:
        importlib.import_module(f"{module}.{name}")
    except ImportError:
        return name in getattr(mod, "__all__", ())
    return True


@pytest.mark.parametrize("path", PLUGINS, ids=lambda p: str(p.relative_to(ROOT / "plugins")))
def test_a_plugin_imports_only_what_the_contract_offers(path: Path) -> None:
    pytest.importorskip("hypothesis")  # the example plugin's tests import the strategies
    wrong = []
    for module, names, line in _imports(path):
        if module not in PLUGIN_MODULES:
            wrong.append(f"{path.name}:{line}: {module} is not a module plugins may import")
            continue
        wrong.extend(f"{path.name}:{line}: {module}.{name} is not in its __all__"
                     for name in names if not _exported(module, name))
    assert not wrong


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: str(p.relative_to(ROOT / "src")))
def test_a_name_taken_from_another_module_is_exported_there_or_private(path: Path) -> None:
    if "testing" in path.parts:
        pytest.importorskip("hypothesis")
    wrong = [f"{path.name}:{line}: {module}.{name}"
             for module, names, line in _imports(path) for name in names
             if not _is_private(module, name) and not _exported(module, name)]
    assert not wrong


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT / "src").with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: str(p.relative_to(ROOT / "src")))
def test_every_name_in_all_exists(path: Path) -> None:
    name = _module_name(path)
    if name == "govinfo_parse.__main__":
        pytest.skip("runs the command line when imported")
    for needs, extra in (("testing", "hypothesis"), ("dask", "dask")):
        if needs in name:
            pytest.importorskip(extra)
    module = importlib.import_module(name)
    missing = [n for n in getattr(module, "__all__", ()) if not hasattr(module, n)]
    assert not missing


def test_the_contract_is_in_the_reference_and_the_cli() -> None:
    doc = (ROOT / "docs" / "reference" / "hooks.md").read_text(encoding="utf-8")
    shown = subprocess.run([sys.executable, "-m", "govinfo_parse", "plugins"], capture_output=True,
                           text=True, check=True).stdout
    for module in PLUGIN_MODULES:
        assert f"| `{module}` |" in doc, module
        assert f"  {module} " in shown, module


def test_the_assembler_is_not_part_of_the_contract() -> None:
    assert not any("_tables" in m or "_recovery" in m for m in PLUGIN_MODULES)
    layout = importlib.import_module("govinfo_parse.layout")
    assert "assemble" not in layout.__all__


def _runtime_imports(path: Path) -> set[str]:
    """The library modules ``path`` imports when it runs (deferred imports too, not TYPE_CHECKING ones)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for node in ast.walk(tree)
                   if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
                   for n in ast.walk(node)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_no_two_modules_import_each_other_round_a_circle() -> None:
    modules = {_module_name(p): p for p in LIBRARY}
    graph = {name: {m for m in _runtime_imports(path) if m in modules and m not in {name, "govinfo_parse"}}
             for name, path in modules.items()}
    circles = []

    def visit(start: str, node: str, path: list[str]) -> None:
        for nxt in sorted(graph[node]):
            if nxt == start:
                circles.append(" -> ".join([*path, start]))
            elif nxt not in path and nxt > start:  # each circle once, from its smallest module
                visit(start, nxt, [*path, nxt])

    for name in sorted(graph):
        visit(name, name, [name])
    assert circles == []
