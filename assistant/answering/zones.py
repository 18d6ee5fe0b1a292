"""Zones inside a city: 经开区, 高新区, 苏州工业园区, an industrial park, a development area.

"北京经开区单独有多少家小巨人企业？" asks about one zone; "北京市累计培育…1214家" is the
city's figure, whatever zone the passage names elsewhere. Zones are no divisions of the
division table, so they are read from the words that end their names (开发区, 园区,
development area…), a closed set of generic nouns; the zone's other names come from the
glossary's entry (经开区 = 北京经济技术开发区 = 亦庄) when it has one.
"""

from __future__ import annotations

import re

from assistant.answering.question import Question
from assistant.text.normalize import Tokenizer, fold

__all__ = ["zone_unnamed", "zones_of"]

_ZONE = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:经开区|經開區|经济技术开发区|經濟技術開發區|高新区|高新區|开发区|開發區"
    r"|工业园区|工業園區|产业园区|產業園區|自贸区|自貿區|保税区|保稅區|(?<![创創])新区|(?<![创創])新區)"
    # (a zone's English name is the capitalised words before its noun: "Wuxi High-tech
    # Zone", not "level has Wuxi High-tech Zone")
    r"|\b(?:(?-i:[A-Z])[\w-]*\s+){0,3}(?:development (?:area|zone)|industrial park"
    r"|hi-?tech (?:zone|park)|high-tech (?:zone|park)|free[- ]trade zone|new area)\b",
    re.I,
)


def zones_of(text: str) -> list[str]:
    """The zone names ``text`` mentions."""
    return [m.group(0).strip() for m in _ZONE.finditer(text)]


def zone_unnamed(q: Question, sentence: str, tokenizer: Tokenizer) -> bool:
    """A figure question about a zone met by a sentence that does not name it (by the
    question's words for it, in any of the glossary's forms, or by the zone's name)."""
    if not (q.wants_number or q.wants_share or q.wants_amount):
        return False
    zones = zones_of(q.text)
    if not zones:
        return False
    # the zone's own words, not its city's (北京经开区: 经开区)
    zone_words = set(tokenizer.tokenize(" ".join(zones), bigrams=False)) - q.place_words
    concepts = [c for c in q.concepts if any(form & zone_words for form in c.forms)]
    words = frozenset(tokenizer.tokenize(sentence, bigrams=False))
    folded = fold(sentence)
    named_by_words = any(c.covered(words) for c in concepts)
    return not named_by_words and not any(fold(z) in folded for z in zones)
