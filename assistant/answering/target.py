"""The attribute a question asks for ("What is the *weather* in Beijing?", "台北的*天气*如何？")
and whether the corpus ever mentions it.

A question that asks for an attribute no document names in any language (not as a word,
not through the glossary or the dictionary bridge) cannot be answered from the documents,
however well the rest of it (the place, the programme) is covered: quoting a sentence
about Beijing's firms for Beijing's weather is a confident wrong answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from assistant.knowledge.glossary import Glossary

__all__ = ["absent_attribute", "asked_attribute"]

# "What is the weather in …", "What was the combined annual revenue of …"
_EN = re.compile(
    r"^\s*what(?:'s|\s+is|\s+are|\s+was|\s+were)\s+(?:the\s+|an?\s+)?"
    r"(?P<np>(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)\s+(?:of|in|for|at|on|between)\b",
    re.I,
)
# "台北的天气如何", "北京小巨人企业的平均研发投入强度是多少"
_ZH = re.compile(
    r"的(?P<np>[\u4e00-\u9fff]{1,8}?)(?:是多少|有多少|如何|怎么样|怎麼樣|怎样|怎樣|是什么|是什麼)"
    r"(?!时候|時候|时间|時間)"  # "是什么时候发布的" asks when, not for an attribute
)


def asked_attribute(text: str) -> str:
    """The noun phrase naming what an attribute question asks for ("" if none)."""
    m = _EN.search(text) or _ZH.search(text)
    return m["np"] if m else ""


def absent_attribute(
    text: str, glossary: Glossary, vocabulary: Collection[str],
    forms: Callable[[str], tuple[str, ...]],
) -> str:
    """The asked attribute's head word when the corpus never mentions it in any language
    (``vocabulary``: the corpus words; ``forms``: dictionary translations found in the
    corpus), else ""."""
    phrase = asked_attribute(text)
    if not phrase or glossary.match(phrase):
        return ""
    words = glossary.tokenizer.tokenize(phrase, bigrams=False)
    if not words:
        return ""
    head = words[-1]
    if head in vocabulary or forms(head):
        return ""
    return head
