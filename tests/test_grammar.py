"""The canonical grammar: geometry of rows and cells, and how it reads values."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import govinfo_parse
from govinfo_parse.layout import Block
from govinfo_parse.model import Section, SectionKind
from govinfo_parse.numbers import parse_cell_text
from govinfo_parse.text import normalize
from govinfo_parse_layouts.canonical import read_rows


def _rows(text: str) -> list[list[tuple[str, object]]]:
    source = normalize(text)
    block = Block(source=source, start=0, end=len(source.text),
                  section=Section(kind=SectionKind.ACTIVE, number=2, heading="", text=""))
    return [[(c.text, c.read().value) for c in row] for row in read_rows(block)]


def test_rows_cells_wraps_and_blank_cells() -> None:
    text = "说明文字\n\t信息内容\n\t本年新\n制作数量\n\t\n\n\t规章\n\t1,234\n\t+72\n\t29209.84万元\n"
    assert _rows(text) == [
        [("信息内容", None), ("本年新制作数量", None), ("", None)],
        [("规章", None), ("1,234", 1234), ("+72", 72), ("29209.84万元", parse_cell_text("29209.84万元").value)],
    ]


def test_prose_is_not_a_row_and_labels_starting_with_digits_are_labels() -> None:
    text = "\t1.属于国家秘密\n\t0\n\n一段说明。\n另一段。\n\t22(其中修订16件)\n"
    rows = _rows(text)
    assert rows[0] == [("1.属于国家秘密", None), ("0", 0)]
    assert rows[1] == [("22(其中修订16件)", 22)]


def test_any_text_is_accepted() -> None:
    for text in ("", "\n\n", "\t", "abc", "\t\t\t\n \t \n", "\x1c\n\t\x1d"):
        _rows(text)


_CELL_TEXT = st.one_of(
    st.from_regex(r"[+-]?(\d{1,3}(,\d{3})+|\d{1,7})(\.\d{1,2})?(万元|元|件)?", fullmatch=True),
    st.sampled_from(["/", "-", "--", "无", "不适用", "空", "1.属于国家秘密", "规章", "12a", "1,2"]),
    st.text(alphabet="0123456789,.+-/元件()其中 ", max_size=10).map(str.strip),
)


@given(_CELL_TEXT)
@example("０0")  # a leading zero in another script's digits is a leading zero too
@example("٠1")
def test_grammar_reads_a_cell_as_parse_cell_text_does(text: str) -> None:
    rows = _rows(f"\t规章\n\t{text}\n")
    value = rows[0][1][1] if rows and len(rows[0]) > 1 else None
    assert value == parse_cell_text(text).value


def test_the_grammar_knows_exactly_the_units_of_the_units_table() -> None:
    """The canonical grammar spells its units; they are the ones ``numbers`` converts, no more, no less."""
    import re  # noqa: PLC0415

    from govinfo_parse.grammar import load_grammar  # noqa: PLC0415
    from govinfo_parse.numbers import COUNT_UNITS, MONEY_UNITS  # noqa: PLC0415

    grammar = load_grammar("canonical.lark", start=("start", "cell_line"))
    terminals = {t.name: t.pattern.value for t in grammar.terminals}
    alternatives = re.search(r"\((?:[^()|]+\|)+[^()|]+\)\?", terminals["NUMBER_CELL"])
    assert alternatives is not None
    units = alternatives.group(0)[1:-2].split("|")
    assert len(units) == len(set(units))
    assert set(units) == set(MONEY_UNITS) | set(COUNT_UNITS)


def test_the_grammar_analysis_is_kept_in_the_users_cache_and_rebuilt_when_it_does_not_match(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from govinfo_parse.grammar import load_grammar  # noqa: PLC0415

    monkeypatch.setenv("GOVINFO_PARSE_CACHE", str(tmp_path))
    load_grammar.cache_clear()
    try:
        first = load_grammar("canonical.lark")
        kept = list(tmp_path.glob("*.lark-cache"))
        assert len(kept) == 1
        kept[0].write_bytes(b"not lark's\n")  # damaged or from another version: rebuilt, never trusted
        load_grammar.cache_clear()
        again = load_grammar("canonical.lark")
        assert again.parse("规章\t0\t0\t0\n") == first.parse("规章\t0\t0\t0\n")
        assert kept[0].read_bytes() != b"not lark's\n"
        monkeypatch.setenv("GOVINFO_PARSE_CACHE", "off")
        kept[0].unlink()
        load_grammar.cache_clear()
        load_grammar("canonical.lark")
        assert not list(tmp_path.glob("*.lark-cache"))
    finally:
        load_grammar.cache_clear()


def _canonical_requests_row(*cells: str) -> str:
    lines = "".join(f"\t{c}\n" for c in cells)
    first = "".join(f"\t{c}\n" for c in ("一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"))
    return ("某县2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
            f"{first}\n\t（四）无法提供\n\t1.本机关不掌握相关政府信息\n{lines}\n")


def test_a_blank_at_a_rows_end_is_dropped_only_where_the_row_then_adds_up() -> None:
    # 36 split into 3 | 6 and the total printed blank: dropping the blank would shift every value.
    split = govinfo_parse.parse(_canonical_requests_row("/", "15", "10", "27", "3", "6", "38", ""))
    assert split.value("requests.unable.not_held.other_org") is None
    assert any(d.code == "cell-count" and "not_held" in d.message for d in split.diagnostics)
    # A blank left over after a row that adds up is dropped, the row read.
    whole = govinfo_parse.parse(_canonical_requests_row("/", "15", "10", "27", "36", "38", "126", ""))
    assert whole.value("requests.unable.not_held.other_org") == 38
    assert whole.value("requests.unable.not_held.total") == 126
