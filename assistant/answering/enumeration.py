"""Questions that ask for a stated number of items ("哪三个方面", "which two kinds of
capital", "概括成哪四个字") and sentences that enumerate that many.

The answer to such a question is usually one sentence listing the items ("技术代际跨越、
价值链重构与生态位重塑", "设立“大胆资本”和“耐心资本”") or a quoted phrase of the asked
length ("“南快北缓”"); the sentence that enumerates as many items as asked is preferred.
"""

from __future__ import annotations

import re

__all__ = ["asked_items", "enumerates"]

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
_ITEM_START = re.compile(
    r"^\s*(?:[\u4e00-\u9fff]{2,6}[:：]|[一二三四五六七八九十][是要]|[(（]?\d{1,2}[.、)）]"
    r"|[(（][一二三四五六七八九十][)）]|(?:first|second|third|fourth|fifth|the \w+ is)\b)",
    re.I,
)


def is_item(sentence: str) -> bool:
    """True when ``sentence`` opens like an item of a list ("完善期:", "二是", "(3)")."""
    return bool(_ITEM_START.match(sentence))
