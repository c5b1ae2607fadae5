"""LazyPattern matches exactly as the compiled pattern does, and compiles only when used."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_parse.patterns import LazyPattern

# Patterns of the kinds the layouts hold: a Chinese class, a lookbehind, groups, flags.
PATTERNS = [
    (r"[\u4e00-\u9fff)）]\d{5,}", 0),
    (r"(?<=[\u4e00-\u9fff)）])\d[\d,.+\-]+", 0),
    (r"^\s*([\u4e00-\u9fff（）()]{2,30}?)\s*(\d{4})\s*年", re.MULTILINE),
    (r"(?P<n>\d+)(万元|元)?", 0),
    (r"abc", re.IGNORECASE),
]
TEXT = st.text(alphabet="0123456789,.+-年元万()（）规章文件abcABC \n政府", max_size=40)


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a.span() == b.span()
                                         and a.groups() == b.groups())


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
@given(text=TEXT, pos=st.integers(0, 10))
def test_it_matches_as_the_compiled_pattern(pattern: str, flags: int, text: str, pos: int) -> None:
    lazy, compiled = LazyPattern(pattern, flags), re.compile(pattern, flags)
    assert _same(lazy.search(text, pos), compiled.search(text, pos))
    assert _same(lazy.match(text, pos), compiled.match(text, pos))
    assert _same(lazy.fullmatch(text), compiled.fullmatch(text))
    assert lazy.findall(text) == compiled.findall(text)
    assert [m.span() for m in lazy.finditer(text, pos)] == [m.span() for m in compiled.finditer(text, pos)]
    assert lazy.sub("#", text) == compiled.sub("#", text)
    upper = lambda m: m.group().upper()  # noqa: E731
    assert lazy.sub(upper, text, 1) == compiled.sub(upper, text, 1)


def test_it_compiles_on_first_use_and_keeps_what_it_compiled() -> None:
    lazy = LazyPattern(r"[\u4e00-\u9fff]+")
    assert lazy._compiled is None
    assert lazy.pattern == r"[\u4e00-\u9fff]+"
    assert lazy.findall("规章 12 文件") == ["规章", "文件"]
    first = lazy.compiled
    assert lazy.compiled is first
    assert first.pattern == lazy.pattern


def test_a_bad_pattern_fails_when_used_with_re_s_own_error() -> None:
    lazy = LazyPattern(r"(unclosed")
    with pytest.raises(re.error):
        lazy.search("x")
