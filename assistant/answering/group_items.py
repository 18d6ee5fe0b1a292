"""A figure a list of items holds together is no figure of one of them.

"深圳已上市企业…其中电子信息、半导体、智能硬件等领域占比超40%", asked for semiconductors
alone; "计算机与通信电子设备、专用设备制造、通用设备制造等“硬制造”行业…为331家", asked for
general equipment alone: the sentence names the asked item and gives a figure, yet the
figure is the group's. An item set among others by an enumeration comma (、), then 等
("and others") and a figure, states nothing about it alone; "分别" (respectively) gives
each its own. Places are :mod:`assistant.answering.joint`'s; this reads the question's
key concepts (industries, fields, kinds of firm). Grammar, not a list of industries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.question import Concept, Question
from assistant.text.normalize import HAN_RUN, fold
from assistant.text.numbers import find_figures

__all__ = ["item_of_group"]

_SEPARATOR = "、"
_SUFFIX = 6  # characters an item may go on after the asked term (半导体企业, 通用设备制造业)
_REACH = 30  # characters from the item to the closing 等
_RESPECTIVELY = re.compile(r"分别|分別|依次")
# a question that sums the items itself asks for their joint figure
_SUM_ASKED = re.compile(
    r"加起来|加起來|一共|总共|總共|合计|合計|\b(?:together|combined|in total)\b", re.I)


def _terms(concept: Concept) -> list[str]:
    """The Chinese words of a concept's forms, longest first."""
    words = {w for form in concept.forms for w in form if HAN_RUN.fullmatch(w) and len(w) > 1}
    return sorted(words, key=lambda w: (-len(w), w))  # ties by the word: same order each run


def _list_items(text: str, start: int, end: int) -> list[str]:
    """The items of the 、-list closed by 等 and a figure that the item at ``start:end``
    belongs to (none when it stands alone)."""
    before = text[max(0, start - 1) : start]
    after = text[end : end + _SUFFIX + 1]
    if before != _SEPARATOR and _SEPARATOR not in after.split("等")[0]:
        return []
    closing = text.find("等", end, end + _REACH)
    if closing < 0 or not find_figures(text[closing:]):
        return []
    opening = max(text.rfind(c, 0, start) for c in "，,；;：:。（(")
    return [item for item in text[opening + 1 : closing].split(_SEPARATOR) if item]


def item_of_group(q: Question, sentence: str, keys: Sequence[Concept]) -> bool:
    """Whether ``sentence`` names a key concept of a figure question only as one item of
    a list whose figure is the whole list's (see the module docstring)."""
    if not (q.wants_number or q.wants_share or q.wants_amount):
        return False
    if _RESPECTIVELY.search(sentence) or _SUM_ASKED.search(q.text):
        return False
    text, asked = fold(sentence), fold(q.text)
    for key in keys:
        for term in _terms(key):
            at = text.find(term)
            if at < 0:
                continue
            items = _list_items(text, at, at + len(term)) if text.count(term) == 1 else []
            # the question naming other items of the list asks for the group's figure
            others = [i for i in items if term not in i and len(i) > 1]
            if items and not any(_named(i, asked) for i in others) and not _listed(key, asked):
                return True
            break
    return False


# "aerospace and medicine/health": an English question listing the items itself (their
# Chinese words are not its words, so _named cannot see them) asks for the group's figure
_COORDINATED = (
    re.compile(r"\w\s*(?:\band\b|&|/|,)\s*$"), re.compile(r"^\w*\s*(?:\band\b|&|/)\s*\w"))


def _listed(key: Concept, question: str) -> bool:
    """Whether the question names ``key`` (an English form) coordinated with another item."""
    for word in (w for form in key.forms for w in form if w.isascii() and len(w) > 2):
        at = question.find(word)
        if at >= 0 and (_COORDINATED[0].search(question[max(0, at - 20) : at])
                        or _COORDINATED[1].search(question[at : at + len(word) + 20])):
            return True
    return False


def _named(item: str, question: str) -> bool:
    """Whether the question names a list item (its first two characters, 半导体 → 半导)."""
    return item[:2] in question
