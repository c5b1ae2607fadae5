"""The same report as other copies of it look: other characters, widths and encodings.

Each function returns the text as a mirror site, a PDF extractor or an old
editor would give it; a parse of the result must give the same values.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "VARIANTS",
    "to_crlf",
    "to_full_width",
    "to_kangxi_lookalikes",
    "to_traditional",
    "with_invisible_spaces",
]


def to_traditional(text: str, config: str = "s2twp") -> str:
    """Traditional characters; ``s2twp`` also swaps Taiwan vocabulary (文件 → 檔案, 信息 → 資訊)."""
    import opencc  # noqa: PLC0415

    return str(opencc.OpenCC(config).convert(text))


def to_full_width(text: str) -> str:
    """Full-width digits, letters and punctuation (１２７，０２８, －４), as some editors write them."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


# Kangxi radicals that PDF extractors emit for common characters (NFKC folds them back).
_KANGXI: Final[dict[str, str | int | None]] = {
    "一": "\u2f00", "二": "\u2f06", "人": "\u2f08", "行": "\u2f8f", "长": "\u2fa7",
}


def to_kangxi_lookalikes(text: str) -> str:
    """一, 二, 人, 行 … replaced by their Kangxi-radical look-alikes (⼀ ⼆ ⼈ ⾏)."""
    return text.translate(str.maketrans(_KANGXI))


def with_invisible_spaces(text: str) -> str:
    """Zero-width spaces after every Chinese comma and NBSP instead of ordinary spaces."""
    return text.replace("，", "，\u200b").replace(" ", "\u00a0")


def to_crlf(text: str) -> str:
    """Windows line ends."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


#: Every variant, by name.
VARIANTS: Final = {
    "traditional": to_traditional,
    "full_width": to_full_width,
    "kangxi": to_kangxi_lookalikes,
    "invisible_spaces": with_invisible_spaces,
    "crlf": to_crlf,
}
