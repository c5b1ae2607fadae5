"""Vocabulary as data: the row and column labels of the three tables.

Labels are matched on compacted, normalised text (whitespace removed, long
parenthetical notes dropped) by distinctive substrings, so wrapped, annotated
and misspelt labels (``template-spec.md`` §3) still resolve.  Extend the
tables here; the matching code below does not change.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from govinfo_parse.fields import Template

__all__ = [
    "ACTIVE_COLUMN_LABELS",
    "ACTIVE_ROW_LABELS",
    "APPEALS_GROUP_LABELS",
    "APPEALS_RESULT_LABELS",
    "REQUESTS_COLUMN_LABELS",
    "compact",
    "has_cell_words",
    "header_words",
    "is_active_caption",
    "is_caption_line",
    "is_other_subrow",
    "is_requests_header_note",
    "match_active_column",
    "match_active_row",
    "match_appeals_group",
    "match_appeals_result",
    "match_requests_column",
    "match_requests_group",
    "match_requests_row",
    "rows_named",
    "table_words",
]

_SPACE: Final = re.compile(r"\s+|[*#_`]")  # whitespace, and Markdown emphasis around labels
_LONG_NOTE: Final = re.compile(r"\([^()]{4,}\)")


# Vocabulary of Taiwan-style and mirror-site copies, after character conversion (資訊 → 资讯).
VOCABULARY: Final = {"资讯": "信息", "档案": "文件", "专案": "项目", "反覆": "反复", "入口网站": "门户网站"}
_VOCABULARY: Final = re.compile("|".join(VOCABULARY))


# Labels are matched again and again (each layout's reading, each sniff): the answers are kept.
_CACHED_LABELS: Final = 8192


@lru_cache(maxsize=_CACHED_LABELS)
def compact(text: str) -> str:
    """A label made ready for matching.

    Whitespace and Markdown marks removed, long parenthetical notes dropped,
    mainland vocabulary for Taiwan-style words.
    """
    text = _VOCABULARY.sub(lambda m: VOCABULARY[m.group()], _SPACE.sub("", text))
    return _LONG_NOTE.sub("", text)


# 第二十条第（一）项 and its variants (第二十条 第(一)项, 第二十条第一项, 第(五)项).
_LONGEST_CAPTION: Final = 20
_ACTIVE_CAPTION: Final = re.compile(r"第二十条|^第\(?[一二三四五六七八九十]+\)?项$")


@lru_cache(maxsize=_CACHED_LABELS)
def is_active_caption(text: str) -> bool:
    """True for a section-二 block caption such as ``第二十条第(一)项``."""
    return bool(_ACTIVE_CAPTION.search(compact(text)))


def is_caption_line(line: str) -> bool:
    """A line that is only a block caption (layouts that lose a caption's cell keep its line)."""
    return len(compact(line)) <= _LONGEST_CAPTION and is_active_caption(line)


#: (pattern, row) — section 二 row labels, matched at the start of the label.
ACTIVE_ROW_LABELS: Final = (
    (re.compile(r"^(行政)?规范性(文件|檔案)"), "normative_documents"),
    (re.compile(r"^规章"), "regulations"),
    (re.compile(r"^行政许可"), "administrative_licensing"),
    (re.compile(r"^其他对外管理服务"), "other_external_services"),
    (re.compile(r"^行政处罚"), "administrative_penalty"),
    (re.compile(r"^行政强制"), "administrative_coercion"),
    (re.compile(r"^行政事业性收费"), "administrative_fees"),
    (re.compile(r"^政府集中采购"), "government_procurement"),
)

#: (pattern, column, template it belongs to) — section 二 header labels, first match wins.
ACTIVE_COLUMN_LABELS: Final[tuple[tuple[re.Pattern[str], str, Template], ...]] = (
    (re.compile(r"对外公开(总)?数"), "total_published", "2019"),
    (re.compile(r"本年新?制作"), "made", "2019"),
    (re.compile(r"本年新?公开"), "published", "2019"),
    (re.compile(r"上一?年(度)?项目数"), "prev_items", "2019"),
    (re.compile(r"增/?减"), "change", "2019"),
    (re.compile(r"^本年处理决定"), "decisions", "2021"),
    (re.compile(r"处理决定"), "decisions", "2019"),
    (re.compile(r"采购项目"), "items", "2019"),
    (re.compile(r"采购(总)?金额"), "amount", "2019"),
    (re.compile(r"制发"), "issued", "2021"),
    (re.compile(r"废止"), "repealed", "2021"),
    (re.compile(r"现行有效"), "in_force", "2021"),
    (re.compile(r"收费金额"), "fee_amount", "2021"),
)
_ACTIVE_HEADER_FIRST: Final = re.compile(r"^信息(内容|内筒|内容类别)$")

#: Section 三 applicant columns (and the 法人或其他组织 group that spans five of them).
REQUESTS_COLUMN_LABELS: Final = (
    (re.compile(r"^自然人$"), "natural_person"),
    (re.compile(r"^法人或其他组织$"), "legal_persons"),
    (re.compile(r"^商业企业$"), "commercial"),
    (re.compile(r"^科研机构$"), "research"),
    (re.compile(r"^社会公益组织$"), "nonprofit"),
    (re.compile(r"^法律服务机构$"), "legal_service"),
    (re.compile(r"^其他(组织)?$"), "other_org"),
    (re.compile(r"^(总计|合计)$"), "total"),
)

RequestsGroup = Literal["denied", "unable", "not_processed", "other"]
_REQUESTS_GROUPS: Final[tuple[tuple[re.Pattern[str], RequestsGroup], ...]] = (
    (re.compile(r"不予公开"), "denied"),
    (re.compile(r"无法提供"), "unable"),
    (re.compile(r"不予处理"), "not_processed"),
    (re.compile(r"其他处理"), "other"),
)
#: (pattern, row) — section 三 row labels by distinctive substring, most specific first.
_REQUESTS_ROWS: Final = (
    (re.compile(r"本年新收"), "new_received"),
    (re.compile(r"上年结转"), "carried_over"),
    (re.compile(r"结转下年"), "carried_forward"),
    (re.compile(r"国家秘密"), "denied.state_secret"),
    (re.compile(r"禁止公开"), "denied.prohibited_by_law"),
    (re.compile(r"三安全|一稳定|安全.{0,2}稳定"), "denied.endangers_safety"),
    (re.compile(r"第三方"), "denied.third_party_rights"),
    (re.compile(r"内部事务|内容事务"), "denied.internal_affairs"),
    (re.compile(r"过程性"), "denied.process_information"),
    (re.compile(r"执法案卷"), "denied.enforcement_files"),
    (re.compile(r"查询事项"), "denied.query_matters"),
    (re.compile(r"不掌握"), "unable.not_held"),
    (re.compile(r"另行制作"), "unable.requires_creation"),
    (re.compile(r"补正后|仍不明确"), "unable.unclear_after_correction"),
    (re.compile(r"信访|举报|投诉"), "not_processed.complaint"),
    (re.compile(r"重复申请"), "not_processed.duplicate"),
    (re.compile(r"出版物"), "not_processed.publication"),
    (re.compile(r"大量反复"), "not_processed.excessive"),
    (re.compile(r"重新出具|确认或"), "not_processed.confirmation"),
    (re.compile(r"逾期不补正"), "other.no_correction"),
    (re.compile(r"收费通知|缴纳费用"), "other.unpaid_fee"),
    (re.compile(r"予以公开"), "granted"),
    # A PDF converter may interleave the two lines of this long label: (二)部分公情形,不计其开(区分….
    (re.compile(r"部分公开|^\(二\)部分公"), "partially_granted"),
    (re.compile(r"总计$|合计$"), "total"),
)
# 3.其他 (also （3）其他, 三、其他): the third sub-row of 2021's (六), named by its one word.
_OTHER_SUBROW: Final = re.compile(r"^(?:\d[.、]?|\(\d\)|[一二三][、.])?其他$")
#: The sub-rows of each result group, in official order: ``N.`` names the Nth when its words are lost.
GROUP_ITEMS: Final[dict[str, tuple[str, ...]]] = {
    "denied": tuple(f"denied.{r}" for r in (
        "state_secret", "prohibited_by_law", "endangers_safety", "third_party_rights",
        "internal_affairs", "process_information", "enforcement_files", "query_matters")),
    "unable": ("unable.not_held", "unable.requires_creation", "unable.unclear_after_correction"),
    "not_processed": tuple(f"not_processed.{r}" for r in (
        "complaint", "duplicate", "publication", "excessive", "confirmation")),
    "other": ("other.no_correction", "other.unpaid_fee", "other.other"),
}
def _has_chinese(text: str) -> bool:
    # (A character comparison: re compiles a class of the ~21,000 characters slowly.)
    return any("\u4e00" <= char <= "\u9fff" for char in text)


_GROUP_ORDINAL: Final = re.compile(r"\(([三四五六])\)")
_GROUP_BY_ORDINAL: Final[dict[str, RequestsGroup]] = {
    "三": "denied", "四": "unable", "五": "not_processed", "六": "other"}
_ITEM_NUMBER: Final = re.compile(r"(?<![\d(])([1-8])[.、](?!\d)")

APPEALS_GROUP_LABELS: Final = (
    (re.compile(r"未经复议"), "litigation_direct"),
    (re.compile(r"复议后"), "litigation_after_review"),
    (re.compile(r"^行政复议$"), "review"),
    (re.compile(r"^行政诉讼$"), "litigation"),
)
APPEALS_RESULT_LABELS: Final = (
    (re.compile(r"^(结果)?维持$"), "upheld"),
    (re.compile(r"^(结果)?纠正$"), "corrected"),
    (re.compile(r"^其他结果$"), "other"),
    (re.compile(r"^尚未审结$"), "pending"),
    (re.compile(r"^(总计|合计)$"), "total"),
)


_TABLE_WORDS: Final = re.compile(
    r"第二十条|信息内容|本年新制作|本年制发|自然人|本年新收|予以公开|结果维持|尚未审结|未经复议"
)


def table_words(text: str) -> list[str]:
    """The table labels found in ``text`` (empty for prose)."""
    return sorted(set(_TABLE_WORDS.findall(text)))


# Words of the tables' headers that prose does not use (prose does say 结果维持, 予以公开).
_HEADER_WORDS: Final = re.compile(
    r"第二十条|信息内容|申请人情况|勾稽关系|本年新制作数量|本年制发件数|未经复议直接起诉"
)


def header_words(text: str) -> list[str]:
    """The table-header words found in ``text``: a table is there, whatever its shape."""
    return sorted(set(_HEADER_WORDS.findall(text)))


# Words some cell of one of the three tables holds (a sniff's cheap first test; prose may hold them too).
_CELL_WORDS: Final = re.compile(r"第二十条|信息内容|自然人|本年新收|行政复议|结果维持|总计")


def has_cell_words(text: str) -> bool:
    """True when ``text`` holds a word that some table cell holds."""
    return _CELL_WORDS.search(text) is not None


# The requests table's header cells above its columns that name none: 申请人情况 over the
# applicant columns, and the 勾稽关系 note of the 2021 format.
_REQUESTS_HEADER_NOTE: Final = re.compile(r"勾稽|^申请人情况$")


def is_requests_header_note(cell: str) -> bool:
    """True for a requests-table header cell that names no column (申请人情况, the 勾稽关系 note)."""
    return _REQUESTS_HEADER_NOTE.search(cell) is not None


def _first(rules: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str | None:
    for pattern, key in rules:
        if pattern.search(text):
            return key
    return None


@lru_cache(maxsize=_CACHED_LABELS)
def match_active_row(label: str) -> str | None:
    """The section-二 row a label names (``规范性文件`` → ``normative_documents``)."""
    return _first(ACTIVE_ROW_LABELS, compact(label))


@lru_cache(maxsize=_CACHED_LABELS)
def is_active_header_start(label: str) -> bool:
    """True for the first cell of a section-二 header row (``信息内容``)."""
    return bool(_ACTIVE_HEADER_FIRST.match(compact(label)))


@lru_cache(maxsize=_CACHED_LABELS)
def match_active_column(label: str) -> tuple[str, Template] | None:
    """The section-二 column a header label names, with the template it implies."""
    text = _VOCABULARY.sub(lambda m: VOCABULARY[m.group()], _SPACE.sub("", label))
    for pattern, column, template in ACTIVE_COLUMN_LABELS:
        if pattern.search(text):
            return column, template
    return None


@lru_cache(maxsize=_CACHED_LABELS)
def match_requests_column(label: str) -> str | None:
    """The section-三 applicant column a header label names (or ``legal_persons``)."""
    return _first(REQUESTS_COLUMN_LABELS, compact(label))


@lru_cache(maxsize=_CACHED_LABELS)
def match_requests_group(label: str) -> RequestsGroup | None:
    """The result group (（三）不予公开 …) a row label opens, if any.

    By its words, or by its ordinal alone when the words are broken ((四)无 / 法提供).
    """
    text = compact(label)
    for pattern, group in _REQUESTS_GROUPS:
        if pattern.search(text):
            return group
    m = _GROUP_ORDINAL.search(text)
    return _GROUP_BY_ORDINAL[m.group(1)] if m else None


@lru_cache(maxsize=_CACHED_LABELS)
def rows_named(label: str) -> frozenset[str]:
    """Every row whose distinctive words appear in ``label`` (more than one: ambiguous).

    Two different item numbers (``1.…2.…``) are two sub-rows' labels run
    together even where one lost its distinctive words: both count.
    """
    text = compact(label)
    numbers = set(_ITEM_NUMBER.findall(text))
    found = {f"item {n}" for n in numbers} if len(numbers) > 1 else set()
    found |= {row for pattern, row in _REQUESTS_ROWS if pattern.search(text)}
    found |= {row for pattern, row in ACTIVE_ROW_LABELS
              if re.search(pattern.pattern.lstrip("^"), text)}
    return frozenset(found)


@lru_cache(maxsize=_CACHED_LABELS)
def match_requests_row(  # noqa: PLR0911 - one return per way a row is named
    label: str, group: RequestsGroup | None, previous: str | None = None
) -> str | None:
    """The section-三 row a label names; ``group`` is the result group it sits in.

    Distinctive words decide first.  A numbered sub-row whose words are lost
    (2.其他法律行政止公开) is named by its number, but only where the order
    proves it: the row read just before (``previous``) is item N-1 of the same
    group, or the label names its group and N is 1.
    """
    text = compact(label)
    row = _first(_REQUESTS_ROWS, text)
    if row is not None:
        return row
    tail = text.rpartition("其他处理")[2]
    if (group == "other" or "其他处理" in text) and _OTHER_SUBROW.search(tail):
        return "other.other"  # 3.其他 in the (六) group, named before it or in the label: (六)其他处理3.其他
    if "其他处理" in text and not _has_chinese(tail) and not _ITEM_NUMBER.search(text):
        return "other"  # the single 2019-style (六) row: nothing follows the group label
    named_group = match_requests_group(text)
    items = GROUP_ITEMS.get(named_group or group or "", ())
    numbers = _ITEM_NUMBER.findall(text)
    if not items or len(set(numbers)) != 1:
        return None
    n = int(numbers[0])
    if n > len(items):
        return None
    follows = previous in items and items.index(previous) == n - 2
    if follows or (n == 1 and named_group is not None):
        return items[n - 1]
    return None


@lru_cache(maxsize=_CACHED_LABELS)
def is_other_subrow(label: str) -> bool:
    """True for the label of 2021's (六)3 sub-row (``3.其他``): it names its row by itself.

    A layout that joins label fragments to the row below must not join the
    fragment of another row (a sub-row above that printed no values) to it.
    """
    return bool(_OTHER_SUBROW.search(compact(label)))


@lru_cache(maxsize=_CACHED_LABELS)
def match_appeals_group(label: str) -> str | None:
    """The section-四 group a header label names (``litigation`` is the parent of two)."""
    return _first(APPEALS_GROUP_LABELS, compact(label))


@lru_cache(maxsize=_CACHED_LABELS)
def match_appeals_result(label: str) -> str | None:
    """The section-四 result column a header label names."""
    return _first(APPEALS_RESULT_LABELS, compact(label))
