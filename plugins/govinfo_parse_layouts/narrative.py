"""Narrative facts: figures a report states only in sentences of prose.

    今年共收到依申请公开13件。            → requests.new_received.total = 13
    2020年年我县受理依申请公开7件。        → requests.new_received.total = 7
    其中包括自然人申请147件……              → requests.new_received.natural_person = 147
    处理决定行政许可75295件、行政处罚4964件 → active.*.decisions
    政府集中采购1项,共225万元              → active.government_procurement.items / amount
    未收到行政复议和行政诉讼。              → appeals.*.total = 0

Each pattern below names the field it speaks of; a sentence that does not
match one exactly gives nothing.  The facts fill a table key only where no
table states it (the pipeline does that and reports disagreements).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

from govinfo_parse import hookimpl
from govinfo_parse.model import NarrativeFact, SectionKind
from govinfo_parse.numbers import MONEY_UNIT_PATTERN, chinese_integer, to_wan_yuan
from govinfo_parse.patterns import LazyPattern

if TYPE_CHECKING:
    import re
    from collections.abc import Iterator

    from govinfo_parse.layout import Block
    from govinfo_parse.model import Number

NAME = "narrative"

_NUM: Final = r"(\d[\d,]*|[零〇一二两三四五六七八九十百千万]+)"
# A sentence runs to its punctuation, across line breaks (prose wraps in PDF text),
# but not into a blank line or a table line.
_SENTENCE: Final = LazyPattern(r"[^。;；!?！？\n]+(?:\n(?![\t\n])[^。;；!?！？\n\t]+)*")

# Applications received: a verb of receiving, then 申请 within a short phrase, then the count.
_RECEIVED: Final = LazyPattern(
    rf"(?:收到|受理|接收|接到)(?P<what>[^,。;:\d]{{0,14}}?申请[^,。;:\d]{{0,4}}?)(?:共|总计|合计)?\s*{_NUM}\s*(?:件|个|份)"
)
_NOT_REQUESTS: Final = LazyPattern(r"投诉|咨询|信箱|复议|诉讼|来信|留言")
# A clause about an earlier period: its figure is not this report's.
_OTHER_PERIOD: Final = LazyPattern(r"上一?年|去年|前年|同期|往年|以往")
_NONE_RECEIVED: Final = LazyPattern(
    r"(?:未|没有)(?:收到|受理|接到)(?:任何)?(?:政府信息公开|依申请公开|信息公开)?申请"
)
# Per-applicant counts of new applications (自然人申请147件).
_BY_APPLICANT: Final = LazyPattern(
    rf"(自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他)申请\s*{_NUM}\s*件"
)
_APPLICANT_COLUMN: Final = {
    "自然人": "natural_person", "商业企业": "commercial", "科研机构": "research",
    "社会公益组织": "nonprofit", "法律服务机构": "legal_service", "其他": "other_org",
}
# Decisions under Article 20 (处理决定行政许可75295件、行政处罚4964件 …), only after 决定.
_DECISIONS: Final = LazyPattern(rf"(行政许可|行政处罚|行政强制|其他对外管理服务事项)\s*{_NUM}\s*件")
_DECISION_ROW: Final = {
    "行政许可": "administrative_licensing", "行政处罚": "administrative_penalty",
    "行政强制": "administrative_coercion", "其他对外管理服务事项": "other_external_services",
}
_PROCUREMENT: Final = LazyPattern(
    rf"政府集中采购\s*{_NUM}\s*项(?:\s*[,，]?\s*(?:共|总金额|金额|合计)?\s*(\d[\d,]*(?:\.\d+)?)\s*({MONEY_UNIT_PATTERN}))?"
)
# "No cases" sentences: a negation before 行政复议 / 行政诉讼, and no number anywhere.
_NO_APPEALS: Final = LazyPattern(r"(?:未|没有|无|不存在)[^。]{0,24}?(?:行政复议|行政诉讼)")
# A count anywhere in the sentence (a year such as 2020年 is not one).
_ANY_COUNT: Final = LazyPattern(r"\d+(?![\d年])|[一二两三四五六七八九十]+\s*(?:件|起|个|次)")


# Sections 五 (problems and plans) and 六 describe, they do not report figures.
_NOT_FACTUAL: Final = frozenset({SectionKind.PROBLEMS, SectionKind.OTHER})
# Sentences about some units, or about plans, state no figure of the report.
_HEDGED: Final = LazyPattern(r"部分单位|个别单位|一些单位|下一步|将进一步|计划")


def _is_applicant_count(field_id: str) -> bool:
    return field_id.startswith("requests.new_received.") and not field_id.endswith(".total")


def _count(text: str) -> int | None:
    return int(text.replace(",", "")) if text[0].isdigit() else chinese_integer(text)


_NUMERAL_CHAR: Final = LazyPattern(r"[\d零〇一二两三四五六七八九十百千万][\s]*$")


def _count_in(sentence: str, m: re.Match[str], group: int) -> int | None:
    """The count of group ``group`` of ``m``; None when a numeral stands just before it.

    三百 / 五十五件: a line break cut the numeral, and 五十五 alone is not the figure.
    """
    if _NUMERAL_CHAR.search(sentence, 0, m.start(group)):
        return None
    return _count(m[group])


Fact = tuple[str, "Number", int, int]  # (field id, value, start, end) within a sentence


def _received(sentence: str, *, in_breakdown: bool) -> Iterator[Fact]:  # noqa: ARG001
    """共收到依申请公开13件 / 未收到政府信息公开申请.

    A clause about another period (上年度收到申请15件) is no figure of this
    report; a sentence that still gives two different counts (2019年收到申请15件，
    2020年收到申请20件) gives none.
    """
    found = [(m, n) for m in _RECEIVED.finditer(sentence)
             if not _NOT_REQUESTS.search(m["what"]) and (n := _count_in(sentence, m, 2)) is not None
             and not _OTHER_PERIOD.search(_clause_before(sentence, m.start()))]
    if len({n for _, n in found}) == 1:
        m, n = found[0]
        yield "requests.new_received.total", n, m.start(), m.end()
    elif not found and (none := _NONE_RECEIVED.search(sentence)):
        yield "requests.new_received.total", 0, none.start(), none.end()


def _clause_before(sentence: str, at: int) -> str:
    """The clause of ``sentence`` up to offset ``at`` (from the last comma before it)."""
    return sentence[max(sentence.rfind(",", 0, at), sentence.rfind("，", 0, at)) + 1 : at]


def _by_applicant(sentence: str, *, in_breakdown: bool) -> Iterator[Fact]:
    """自然人申请147件 …; 其他申请48件 only inside such a breakdown."""
    found = list(_BY_APPLICANT.finditer(sentence))
    if in_breakdown or any(m[1] != "其他" for m in found):
        for m in found:
            if (n := _count_in(sentence, m, 2)) is not None:
                yield f"requests.new_received.{_APPLICANT_COLUMN[m[1]]}", n, m.start(), m.end()


def _decisions(sentence: str, *, in_breakdown: bool) -> Iterator[Fact]:  # noqa: ARG001
    """处理决定行政许可75295件、行政处罚4964件 (only after the word 决定)."""
    start = sentence.find("决定")
    if start >= 0:
        for m in _DECISIONS.finditer(sentence, start):
            if (n := _count_in(sentence, m, 2)) is not None:
                yield f"active.{_DECISION_ROW[m[1]]}.decisions", n, m.start(), m.end()


def _procurement(sentence: str, *, in_breakdown: bool) -> Iterator[Fact]:  # noqa: ARG001
    """政府集中采购1项,共225万元."""
    for m in _PROCUREMENT.finditer(sentence):
        if (n := _count_in(sentence, m, 1)) is not None:
            yield "active.government_procurement.items", n, m.start(), m.end()
        if m[2]:
            amount = to_wan_yuan(Decimal(m[2].replace(",", "")), m[3])
            yield "active.government_procurement.amount", amount, m.start(), m.end()


def _no_appeals(sentence: str, *, in_breakdown: bool) -> Iterator[Fact]:  # noqa: ARG001
    """未收到行政复议和行政诉讼 — a negation, and no count anywhere in the sentence."""
    m = _NO_APPEALS.search(sentence)
    if m is None or _ANY_COUNT.search(sentence):
        return
    rest = sentence[m.start() :]
    if "行政复议" in rest:
        yield "appeals.review.total", 0, m.start(), len(sentence)
    if "行政诉讼" in rest:
        yield "appeals.litigation_direct.total", 0, m.start(), len(sentence)
        yield "appeals.litigation_after_review.total", 0, m.start(), len(sentence)


# Every reader takes the same arguments, whether or not it needs in_breakdown.
_READERS: Final = (_received, _by_applicant, _decisions, _procurement, _no_appeals)


def _facts_in(sentence: str, *, in_breakdown: bool) -> Iterator[Fact]:
    """Each fact in one sentence.

    ``in_breakdown``: an earlier sentence of the paragraph counted applications
    by applicant, so ``其他申请N件`` means the 其他 applicant column.
    """
    for reader in _READERS:
        yield from reader(sentence, in_breakdown=in_breakdown)


def read_facts(block: Block) -> list[NarrativeFact]:
    """Every narrative fact of a block's prose (table lines are skipped)."""
    facts: list[NarrativeFact] = []
    if block.section.kind in _NOT_FACTUAL:
        return facts
    seen: set[str] = set()
    paragraph_end = -1
    in_breakdown = False
    for sentence in _SENTENCE.finditer(block.text):
        if "\t" in sentence.group() or _HEDGED.search(sentence.group()):
            continue
        if sentence.start() > paragraph_end:  # a new paragraph
            paragraph_end = block.text.find("\n", sentence.start()) % (len(block.text) + 1)
            in_breakdown = False
        for field_id, value, start, end in _facts_in(sentence.group(), in_breakdown=in_breakdown):
            in_breakdown = in_breakdown or _is_applicant_count(field_id)
            if field_id in seen:
                continue
            seen.add(field_id)
            a, b = sentence.start() + start, sentence.start() + end
            facts.append(NarrativeFact(
                field_id=field_id, value=value, sentence=sentence.group().strip(),
                raw=block.source.raw_slice(block.start + a, block.start + b),
                span=block.span(a, b),
            ))
    return facts


@hookimpl
def govinfo_extract_facts(block: Block) -> list[NarrativeFact]:
    return read_facts(block)


__all__ = ["NAME", "read_facts"]
