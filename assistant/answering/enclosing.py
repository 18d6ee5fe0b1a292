"""A city's figure is no answer for one of its districts, nor another city's for it.

"深圳宝安区单独有几家小巨人？": a passage may name 宝安 in one sentence ("宝安、龙华电子装备
集群") and give a figure in the next for 深圳 as a whole ("深圳上述四领域…合计122家"). The
passage names the district, the sentence does not: it names the place enclosing it, so its
figure is the whole's. The enclosing places come from the division table (any district of
any city), not from a list of known answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answering.names import without_credited
from assistant.answering.orgnames import org_name_spans
from assistant.answering.passages import PlaceSpans, SentenceCache
from assistant.text.normalize import fold

__all__ = [
    "narrowest", "other_level", "other_place", "part_of_whole", "subject_places", "whole_of_part",
]

_TITLE = re.compile(r"《[^》]*》")
# the place the text is about, named before ("Twenty-four companies in Songjiang… So far, the
# district has 39…, ranking No. 2 in Shanghai": Songjiang's figure, not Shanghai's)
_SELF = re.compile(r"我市|本市|我区|本区|我區|本區|我县|本县|我縣|本縣"
                   r"|该市|該市|该区|該區|该县|該縣"
                   r"|\b(?:the|this) (?:district|county|city)\b", re.I)


def subject_places(sentence: str, spans: PlaceSpans) -> frozenset[str]:
    """The places a sentence is about: those it names (``spans``: the division table's
    finder), less those heading an organisation's name (深圳大学, 湖北…有限公司) or inside
    a cited document's title."""
    titles = [m.span() for m in _TITLE.finditer(sentence)]
    named = spans(without_credited(sentence), frozenset())  # not 长春 of 记者邵长春
    orgs = {start for start, _ in org_name_spans(sentence, named)}
    return frozenset(
        c for start, _, c in named
        if start not in orgs and not any(a < start < b for a, b in titles))


def _subjects(sentence: str, cache: SentenceCache) -> frozenset[str]:
    return subject_places(sentence, cache.place_spans)


def narrowest(
    asked: frozenset[str], cache: SentenceCache, names: Callable[[str], frozenset[str]]
) -> frozenset[str]:
    """The asked places less those enclosing another asked one ("江苏…名单中，徐州有几家":
    徐州 says 江苏; Xuzhou, Jiangsu), each by every key ``names`` gives it (Jiangsu)."""
    implied = {e for p in asked for e in cache.enclosing(p)}
    implied |= {k for e in implied for k in names(e)}
    return asked - implied


def whole_of_part(
    asked: frozenset[str], named: frozenset[str], sentence: str, cache: SentenceCache
) -> bool:
    """The sentence names, not an asked place, but the place enclosing it ("深圳…合计122家"
    after "宝安、龙华…集群"): its figure is the whole's, whatever parts the passage named
    before. A place heading an organisation's name (湖北同方高科…公司) or in a document's
    title (《关于湖北省…的公示》) is no subject; "我市" is the document's own place."""
    wholes = [p for p in asked if p not in named and cache.enclosing(p) & named]
    if not wholes or _SELF.search(sentence):
        return False
    subjects = _subjects(sentence, cache)
    return any(cache.enclosing(p) & subjects for p in wholes)


def other_place(asked: frozenset[str], sentence: str, cache: SentenceCache) -> bool:
    """The sentence is about other places only ("深圳…数量达42家" for Beijing), none inside
    or around an asked one: the passage naming the asked place elsewhere does not make the
    sentence's figure that place's. Asked places are compared by their division-table
    names (Haidian is 海淀)."""
    if not asked or _SELF.search(sentence):
        return False
    canonical = [frozenset(c for _, _, c in cache.place_spans(p, frozenset())) for p in asked]
    if not all(canonical):  # a region the division table does not know (长三角)
        return False
    asked = frozenset().union(*canonical)
    subjects = _subjects(sentence, cache)
    related = {s for s in subjects if s in asked or cache.enclosing(s) & asked}
    return bool(subjects) and not related and not any(
        cache.enclosing(p) & subjects for p in asked)


def part_of_whole(asked: frozenset[str], sentence: str, cache: SentenceCache) -> bool:
    """The sentence is about places inside an asked one only ("锡林郭勒盟…全盟…41家" for
    内蒙古): its figure is the part's, not the whole's, unless it names the asked place or
    speaks of it as a whole (全区 for an autonomous region, 全省, 我市: the word of the
    asked place's own kind, from its full name in the division table)."""
    canonical = [frozenset(c for _, _, c in cache.place_spans(p, frozenset())) for p in asked]
    if not asked or not all(canonical) or _SELF.search(sentence):
        return False
    asked = frozenset().union(*canonical)
    kinds = {d.name[-1] for d in map(cache.division, asked) if d is not None}
    folded = fold(sentence)
    if any(f"{w}{k}" in folded for k in kinds for w in "全我本"):
        return False
    subjects = _subjects(sentence, cache)
    return bool(subjects) and not subjects & asked and all(
        cache.enclosing(s) & asked for s in subjects)


# A document speaking of its own city or province ("我市2家企业上榜", "全省培育…"): the figure
# is that level's, whichever place of the other level the question asks about
_CITY_SELF = re.compile(r"(?:我市|本市|全市)(?![场場])")  # not 全市场, the whole market
_PROVINCE_SELF = re.compile(r"我省|本省|全省")


def other_level(asked: frozenset[str], sentence: str, cache: SentenceCache) -> bool:
    """The sentence gives its own city's figure for an asked province, or its own
    province's for an asked city or district (levels from the division table; a
    municipality such as 北京市 is a province called a city)."""
    names = {c for p in asked for _, _, c in cache.place_spans(p, frozenset())}
    places = [cache.division(c) for c in names]
    if not places:
        return False
    if _CITY_SELF.search(sentence):
        return all(p is not None and p.level == "province" and not p.name.endswith("市")
                   for p in places)
    # (a sentence naming the asked city itself ranks it in its province: "济南市新增28家…,
    # 走在全省前列"; 全省 frames the figure, it is not whose it is)
    return bool(_PROVINCE_SELF.search(sentence)) and all(
        p is not None and p.level != "province" for p in places) and not (
        names & {c for _, _, c in cache.place_spans(sentence, frozenset())})
