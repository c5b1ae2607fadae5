"""One body's reports across years: cross-year rules and repeated text."""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo_parse
from govinfo_parse import cli
from govinfo_parse.model import SectionKind
from govinfo_parse.testing import SampleReport, render_canonical
from tests.conftest import SHARED

COLUMNS = ("natural_person", "commercial", "research", "nonprofit", "legal_service", "other_org", "total")


def _report(sample: SampleReport, path: str) -> govinfo_parse.Report:
    return govinfo_parse.parse(render_canonical(sample), path=path)


def _rules(pair: govinfo_parse.YearPair) -> list[str]:
    """The cross-year rule diagnostics (the rendered prose repeats itself, which is reported too)."""
    return [d.code for d in pair.diagnostics if d.code.startswith("cross-year")]


def _pair(before: dict[str, int], after: dict[str, int], template: str = "2019") -> govinfo_parse.YearPair:
    earlier = SampleReport(template=template, year=2020, values=before)  # type: ignore[arg-type]
    later = SampleReport(template=template, year=2021, values=after)  # type: ignore[arg-type]
    return govinfo_parse.compare_years(_report(later, "b.txt"), _report(earlier, "a.txt"))


def test_carried_over_must_match_last_years_carried_forward() -> None:
    ok = _pair({"requests.carried_forward.total": 3}, {"requests.carried_over.total": 3})
    assert not [d for d in ok.diagnostics if d.code == "cross-year-carry"]
    bad = _pair({"requests.carried_forward.total": 3}, {"requests.carried_over.total": 2})
    carry = [d for d in bad.diagnostics if d.code == "cross-year-carry"]
    assert len(carry) == 1
    assert "a.txt" in carry[0].message
    assert "b.txt" in carry[0].message
    assert carry[0].values == (3, 2)
    assert (bad.earlier, bad.later) == ("a.txt", "b.txt")  # put in year order whatever the call order


def test_2019_item_catalogue_rule() -> None:
    before = {"active.administrative_licensing.prev_items": 100, "active.administrative_licensing.change": -4}
    assert not _rules(_pair(before, {"active.administrative_licensing.prev_items": 96}))
    assert _rules(_pair(before, {"active.administrative_licensing.prev_items": 100})) == ["cross-year-items"]


def test_2021_in_force_rule() -> None:
    before = {"active.normative_documents.in_force": 5}
    after = {"active.normative_documents.in_force": 8, "active.normative_documents.issued": 3,
             "active.normative_documents.repealed": 0}
    assert not _rules(_pair(before, after, "2021"))
    after["active.normative_documents.in_force"] = 9
    assert _rules(_pair(before, after, "2021")) == ["cross-year-in-force"]


def test_years_apart_are_not_checked() -> None:
    earlier = _report(SampleReport(template="2019", year=2018, values={"requests.carried_forward.total": 1}), "a")
    later = _report(SampleReport(template="2019", year=2021, values={"requests.carried_over.total": 9}), "b")
    assert _rules(govinfo_parse.compare_years(earlier, later)) == ["cross-year-gap"]


def test_copied_and_rewritten_prose() -> None:
    sample = SampleReport(template="2019", year=2020)
    text = render_canonical(sample)
    earlier = govinfo_parse.parse(text, path="a")
    same = govinfo_parse.parse(text.replace("2020", "2021"), path="b")
    reuse = {r.section: r for r in govinfo_parse.compare_years(earlier, same).reuse}
    assert reuse[SectionKind.PROBLEMS].copied
    rewritten = text.replace("一是公开内容不够全面；二是解读形式较为单一。下一步将加强培训，完善制度。",
                             "个别单位信息更新不及时，答复文书格式不统一，今后将开展专项检查并通报结果。")
    rewritten_report = govinfo_parse.parse(rewritten.replace("2020", "2021"), path="c")
    reuse = {r.section: r for r in govinfo_parse.compare_years(earlier, rewritten_report).reuse}
    assert not reuse[SectionKind.PROBLEMS].copied
    assert reuse[SectionKind.PROBLEMS].share < 0.2


def test_cli_compare_two_files_and_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for year, organ, carried in ((2020, "甲县人民政府", 0), (2021, "甲县人民政府", 4), (2021, "乙县人民政府", 0)):
        values = {"requests.carried_forward.total": 3} if year == 2020 else {"requests.carried_over.total": carried}
        sample = SampleReport(template="2019", year=year, organ=organ, values=values)
        (tmp_path / f"{organ}-{year}.txt").write_text(render_canonical(sample), encoding="utf-8")
    assert cli.main(["compare", str(tmp_path)]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "甲县人民政府: 2020" in out
    assert "the only report of 乙县人民政府; nothing to compare" in out  # listed, never dropped
    assert "cross-year-carry" in out
    files = sorted(str(p) for p in tmp_path.glob("甲县*"))
    assert cli.main(["compare", *files]) == cli.EXIT_OK
    assert "cross-year-carry" in capsys.readouterr().out


def test_published_pair_of_one_body() -> None:
    pytest.importorskip("pypdfium2")
    from govinfo_parse.testing.pdf import extract_text  # noqa: PLC0415

    paths = [SHARED / "corpus" / "pdf" / f"hongze-{year}.pdf" for year in (2023, 2024)]
    if not all(p.exists() for p in paths):
        pytest.skip("../shared/corpus is absent")
    earlier, later = (govinfo_parse.parse(extract_text(p.read_bytes(), "pypdfium2"), path=p.name) for p in paths)
    pair = govinfo_parse.compare_years(earlier, later)
    assert not [d for d in pair.diagnostics if d.code.startswith("cross-year")]
    reuse = {r.section: r.share for r in pair.reuse}
    assert 0.1 < reuse[SectionKind.OVERVIEW] < 0.5
