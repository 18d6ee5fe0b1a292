"""Questions that ask for a stated number of items ("哪三个方面", "which two kinds of
capital", "概括成哪四个字") and sentences that enumerate that many.

The answer to such a question is usually one sentence listing the items ("技术代际跨越、
价值链重构与生态位重塑", "设立“大胆资本”和“耐心资本”") or a quoted phrase of the asked
length ("“南快北缓”"); the sentence that enumerates as many items as asked is preferred.
"""

from __future__ import annotations

import re

__all__ = ["asked_items", "enumerates", "opens_item", "ordinal_item"]

_ZH_NUMBERS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_EN_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_ZH_ASK = re.compile(
    r"哪(?P<n>[两二三四五六七八九])(?:个|個|种|種|类|類|项|項|点|點|大|条|條|方面|阶段|階段|字)"
)
_EN_ASK = re.compile(
    r"\b(?:which|what|the|name|list)\s+(?P<n>two|three|four|five|six)\b", re.I
)
_ZH_CHARS = re.compile(r"哪[两二三四五六七八九](?:个|個)字")
_QUOTED = re.compile(r"[“「『\"]([^”」』\"]{1,40})[”」』\"]")
_JOINER = re.compile(r"和|与|與|及|以及|\band\b|&")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def asked_items(text: str) -> int:
    """How many items the question asks for (0 when it names no number)."""
    m = _ZH_ASK.search(text)
    if m:
        return _ZH_NUMBERS[m["n"]]
    m = _EN_ASK.search(text)
    return _EN_NUMBERS[m["n"].lower()] if m else 0


def asks_chars(text: str) -> bool:
    """True when the question asks for a phrase of so many characters ("哪四个字")."""
    return bool(_ZH_CHARS.search(text))


def _listed(text: str) -> int:
    """Items of the longest "A、B、C和D" enumeration in ``text`` (1 when none)."""
    best = 1
    for clause in re.split(r"[，,；;。:：]", text):
        parts = clause.count("、")
        if parts:
            best = max(best, parts + 1 + (1 if _JOINER.search(clause.rsplit("、", 1)[1]) else 0))
        elif len(_JOINER.findall(clause)) == 1 and len(clause) <= 40:
            best = max(best, 2)
    return best


def enumerates(sentence: str, n: int, chars: bool = False) -> bool:
    """True when ``sentence`` lists ``n`` items: ``n`` quoted terms, an "A、B和C" run of
    ``n``, or (``chars``) a quoted phrase of ``n`` Chinese characters."""
    quoted = _QUOTED.findall(sentence)
    if chars:
        return any(len(q) == n and len(_HAN.findall(q)) == n for q in quoted)
    return len(set(quoted)) == n or _listed(sentence) == n


# A list item's opening: "完善期:", "二是", "(2)", "3.", "Second,"
# (a bare digit before the item's words is a marker whose stop the extraction lost: "1近三年…",
# not a count or a date: 3家, 12月)
_ITEM_START = re.compile(
    r"^\s*(?:[\u4e00-\u9fff]{2,6}[:：]|[一二三四五六七八九十][是要]|[(（]?\d{1,2}[.、)）]"
    r"|\d(?=[\u4e00-\u9fff])(?![年月日号號个個家户戶项項名位人批次万萬亿億元倍成大])"
    r"|[(（][一二三四五六七八九十][)）]|(?:first|second|third|fourth|fifth|the \w+ is)\b)",
    re.I,
)


def is_item(sentence: str) -> bool:
    """True when ``sentence`` opens like an item of a list ("完善期:", "二是", "(3)")."""
    return bool(_ITEM_START.match(sentence))


# "第一条措施是什么", "what is the second measure": one item of a list, by its place in it
_ZH_ORDINALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
}  # fmt: skip
_EN_CARDINALS = ("one", "two", "three", "four", "five", "six", "seven")
_ORDINAL_ASK = re.compile(
    r"第(?P<zh>[一二三四五六七八九])(?:条|條|项|項|个|個|点|點|步|大)"
    r"|\bthe\s+(?P<en>first|second|third|fourth|fifth|sixth|seventh)\s+(?:\w+\s+)?"
    r"(?:measures?|steps?|points?|priorit(?:y|ies)|tasks?|recommendations?|suggestions?"
    r"|proposals?|ways?|actions?|initiatives?)\b",
    re.I,
)


def ordinal_item(text: str) -> tuple[int, str]:
    """Which item of a list the question asks for, and the words that say so
    ("第一条措施" → 1, "第一条"; 0 and "" when it asks for none)."""
    m = _ORDINAL_ASK.search(text)
    if m is None:
        return 0, ""
    if m["zh"]:
        return _ZH_ORDINALS[m["zh"]], m.group(0)
    return _EN_ORDINALS[m["en"].lower()], m["en"]


def opens_item(sentence: str, n: int) -> bool:
    """True when ``sentence`` opens the ``n``-th item of a list: 一是 / 第一 / 其一 /
    首先, "One is", "The first", "Firstly"."""
    if not 0 < n <= len(_EN_CARDINALS):
        return False
    zh = "一二三四五六七"[n - 1]
    en_ord = next(k for k, v in _EN_ORDINALS.items() if v == n)
    starts = [f"{zh}是", f"第{zh}", f"其{zh}", f"({zh})", f"（{zh}）", f"{zh}、", f"{n}."]
    if n == 1:
        starts.append("首先")
    head = sentence.lstrip(" \t\n-*#").lower()
    if any(head.startswith(s) for s in starts):
        return True
    return bool(re.match(
        rf"(?:the\s+)?{en_ord}(?:ly)?\b|{_EN_CARDINALS[n - 1]}\s+is\b", head
    ))
