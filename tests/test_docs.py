"""The reference docs cover what the code defines."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from govinfo_parse import fields, hookspecs

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


def test_every_diagnostic_code_is_documented() -> None:
    doc = (DOCS / "reference" / "errors.md").read_text(encoding="utf-8")
    codes = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r'code="([a-z-]+)"', text))
        codes |= set(re.findall(r'_diag\(\s*"([a-z-]+)"', text))
        codes |= set(re.findall(r'report, "(rule-[a-z-]+)"', text))
    assert len(codes) > 15
    missing = sorted(c for c in codes if f"`{c}`" not in doc)
    assert not missing


def test_cli_exit_codes_are_documented() -> None:
    from govinfo_parse import cli  # noqa: PLC0415

    doc = (DOCS / "reference" / "cli.md").read_text(encoding="utf-8")
    for name in ("EXIT_OK", "EXIT_USAGE", "EXIT_RULES", "EXIT_NO_TABLES", "EXIT_UNREADABLE", "EXIT_LIMIT",
                 "EXIT_INTERNAL", "EXIT_INTERRUPTED"):
        assert f"| {getattr(cli, name)} |" in doc, name
