"""Every diagnostic the library emits has a registered code, with a severity the registry allows.

Checked on what the library meets: the bundled example, hostile inputs, generated
reports (rule-breaking, damaged, in every rendering), the files of ../shared when
it is beside the repository, and a corpus comparison.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo_parse
from govinfo_parse.codes import CODES, Code, markdown_table, write_reference
from govinfo_parse.model import Diagnostic

from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]


def _unregistered(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> list[str]:
    wrong = []
    for d in diagnostics:
        code = CODES.get(d.code)
        if code is None:
            wrong.append(f"unknown code {d.code!r}: {d.message}")
        elif d.severity not in (code.severity, *code.also):
            wrong.append(f"{d.code} as {d.severity.value}, registered as {code.severity.value}: {d.message}")
    return wrong


def _reports(data: bytes | str, name: str = "input.txt") -> list[govinfo_parse.Report]:
    try:
        return govinfo_parse.parse_all(data, path=name)
    except govinfo_parse.GovinfoParseError:
        return []


def test_the_registry_is_well_formed() -> None:
    assert all(name == code.name and name.islower() and " " not in name for name, code in CODES.items())
    assert all(isinstance(c, Code) and c.meaning and c.severity not in c.also for c in CODES.values())
    assert markdown_table().count("\n") == len(CODES) + 2


def test_the_reference_is_rewritten_from_the_registry(tmp_path: Path) -> None:
    page = tmp_path / "errors.md"
    page.write_text("# x\n<!-- diagnostic codes: start -->\nold\n<!-- diagnostic codes: end -->\nrest\n",
                    encoding="utf-8")
    assert write_reference(page)
    assert markdown_table() in page.read_text(encoding="utf-8")
    assert not write_reference(page)
    (tmp_path / "bare.md").write_text("no markers\n", encoding="utf-8")
    with pytest.raises(ValueError, match="markers"):
        write_reference(tmp_path / "bare.md")


def test_the_example_and_hostile_inputs_emit_registered_codes() -> None:
    hostile = pytest.importorskip("govinfo_parse.testing.hostile")
    inputs = [(ROOT / "examples" / "example-report-2020.txt").read_bytes()]
    inputs += [case.build() for name, case in hostile.HOSTILE.items() if case.outcome == "report"
               and name not in {"huge-line", "text-100mb"}]
    diagnostics = [d for data in inputs for r in _reports(data) for d in r.diagnostics]
    assert diagnostics
    assert _unregistered(diagnostics) == []


def test_shared_files_emit_registered_codes() -> None:
    files = sorted(p for folder in ("seeds", "findings", "corpus/text", "corpus/pdf")
                   for p in (SHARED / folder).glob("*") if p.suffix in {".txt", ".pdf"})
    if not files:
        pytest.skip(f"{SHARED} not found: ../shared is not beside the repository (set GOVINFO_SHARED)")
    if any(p.suffix == ".pdf" for p in files):
        pytest.importorskip("pypdfium2")
    diagnostics = [d for p in files for r in _reports(p.read_bytes(), p.name) for d in r.diagnostics]
    codes = {d.code for d in diagnostics}
    assert len(codes) > 5
    assert _unregistered(diagnostics) == []


def test_comparing_years_emits_registered_codes() -> None:
    testing = pytest.importorskip("govinfo_parse.testing")
    def report(year: int, carried_over: int) -> govinfo_parse.Report:
        sample = testing.SampleReport(template="2019", year=year, values={
            "requests.carried_over.total": carried_over, "requests.carried_forward.total": 2,
            "requests.new_received.total": 3})
        return govinfo_parse.parse(testing.render_canonical(sample))

    diagnostics = [*govinfo_parse.compare_years(report(2019, 4), report(2020, 9)).diagnostics,
                   *govinfo_parse.compare_years(report(2019, 4), report(2021, 9)).diagnostics]
    assert {d.code for d in diagnostics} >= {"cross-year-gap", "cross-year-carry"}
    assert _unregistered(diagnostics) == []


hypothesis = pytest.importorskip("hypothesis")
strategies = pytest.importorskip("govinfo_parse.testing.strategies")


@hypothesis.given(strategies.sample_reports(blanks=True), strategies.rule_breaking_reports(),
                  hypothesis.strategies.data())
def test_generated_and_damaged_reports_emit_registered_codes(
    sample: object, broken: tuple[object, str], data: hypothesis.strategies.DataObject,
) -> None:
    from govinfo_parse.testing import render_canonical, render_tabular  # noqa: PLC0415

    documents = [data.draw(strategies.renderings(sample)), render_canonical(broken[0]),
                 data.draw(strategies.damaged(render_canonical(sample))),
                 data.draw(strategies.damaged(render_tabular(sample)))]
    for document in documents:
        reports = _reports(document)
        assert reports
        for report in reports:
            assert _unregistered(report.diagnostics) == []
