"""A figure that places hold together is no figure of one of them.

"南山区与宝安区…共有712家", "龙华与龙岗两区紧随其后，共培育350家", "通州、大兴和房山等区…合计
不足60家", "Nanshan and Bao'an together have 712": asked for one of these places alone, the
sentence names it and gives a figure, yet the figure is the group's. A place joined to
another by a conjunction, then a word that sums them up (共, 合计, 两区, together), with
no figure of its own later in the sentence ("…，其中南山区400家"), states nothing about
it alone. The cue words are grammar, not a list of places: the places come from the
open-world division table, and an area it does not know ("经开区") is read from its suffix.
"""

from __future__ import annotations

import re

from assistant.answering.passages import PlaceSpans
from assistant.answering.question import Question
from assistant.text.numbers import find_figures

__all__ = ["joint_figure"]

_CONJ = re.compile(
    r"\s*(?:区|區|县|縣|市|district)?\s*(?:与|與|和|及|以及|跟|、|,|and|&)\s*$", re.I
)
_AREA_AFTER = re.compile(
    r"(?:区|區|县|縣|市)?\s*(?:与|與|和|及|以及|跟|、)\s*(?P<name>(?:(?![两兩二三四五六七八九十个個等])[\u4e00-\u9fff]){1,4}?)(?:区|區|县|縣)"
)
_TOGETHER = re.compile(
    r"共|合计|合計|总计|總計|[两兩二三四五六七八九](?:个|個)?(?:区|區|县|縣|大)|等(?:区|區|县|縣)"
    r"|\b(?:together|combined|jointly|in total|a total of|between them)\b",
    re.I,
)
_RESPECTIVELY = re.compile(r"分别|分別|依次|\brespectively\b", re.I)
# a question that sums places itself asks for their joint figure
_SUM_ASKED = re.compile(
    r"加起来|加起來|加在一起|一共|总共|總共|合计|合計|共有|\b(?:together|combined|plus|in total"
    r"|altogether|both)\b",
    re.I,
)
_REACH = 40  # characters after the group in which the summing word and figure follow


def joint_figure(q: Question, sentence: str, passage: str, place_spans: PlaceSpans) -> bool:
    """Whether ``sentence`` (of ``passage``) gives a figure question's place only a figure
    it holds together with places the question does not name (see the module docstring)."""
    if not (q.wants_number or q.wants_share or q.wants_amount):
        return False
    if not q.anchors.places or _RESPECTIVELY.search(sentence) or _SUM_ASKED.search(q.text):
        return False
    # the places the passage names license bare district names (福田、罗湖 under 深圳), in
    # the sentence and in the question (canonical names, whatever language it is in)
    around = frozenset(name for _, _, name in place_spans(passage, q.anchors.places))
    around |= q.anchors.places
    asked = frozenset(name for _, _, name in place_spans(q.text, around)) | q.anchors.places
    spans = place_spans(sentence, around)
    for i, (_, _end, key) in enumerate(spans):
        if key not in asked:
            continue
        group_end = _partner_end(sentence, spans, i, (asked, q.text))
        if group_end is None or any(k == key for s, _, k in spans if s >= group_end):
            continue
        after = sentence[group_end : group_end + _REACH]
        if _TOGETHER.search(after) and find_figures(sentence[group_end:]):
            return True
    return False


def _partner_end(
    sentence: str, spans: list[tuple[int, int, str]], i: int,
    question: tuple[frozenset[str], str],
) -> int | None:
    """Where the group of the ``i``-th place mention ends when a place the question does
    not name is joined to it (before or after); None when it stands alone. ``question``:
    the places it asks about and its text."""
    asked, text = question
    start, end, _ = spans[i]
    joined: list[tuple[str, int]] = []  # (the place joined to it, where the group ends)
    if i + 1 < len(spans):
        nxt_start, nxt_end, nxt = spans[i + 1]
        if _CONJ.fullmatch(sentence[end:nxt_start]):
            joined.append((nxt, nxt_end))
    if i > 0:
        _, prev_end, prev = spans[i - 1]
        if _CONJ.fullmatch(sentence[prev_end:start]):
            joined.append((prev, end))
    if joined:  # joined to known places: a group when one of them is not asked
        return next((group_end for other, group_end in joined if other not in asked), None)
    area = _AREA_AFTER.match(sentence, end)
    if area is None or area["name"] in text:  # "海淀区和经开区共有多少家": both asked
        return None
    return area.end()
