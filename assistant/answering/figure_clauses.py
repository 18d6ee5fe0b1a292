"""Which clauses of a sentence speak for the asked entity, and what its figures are worth.

A figure answers a how-many question when its clause is about the asked entity (the
clause naming it and those after it, until another of its kind is named), the whole
country counting as a place ("北京…1214家, 排名全国第二" is not the country's figure);
it is worth less when its clause counts another scope (stock vs increment, a part) or
another metric of the figures table than the question.
"""

from __future__ import annotations

import re

from assistant.answering.asks import asks_districts
from assistant.answering.figure_kinds import (
    asks_year_only,
    is_quantity,
    is_year,
    states_amount_in_words,
    states_day,
    states_share_in_words,
    states_time_in_words,
)
from assistant.answering.passages import SentenceCache
from assistant.answering.question import Question
from assistant.answering.scope import CLAUSE, scope_bonus, sentence_scope
from assistant.knowledge.entities import Gazetteer
from assistant.knowledge.figures import NATION, NATIONAL
from assistant.text.normalize import fold
from assistant.text.numbers import canonical, find_figures

__all__ = ["METRIC_CLASH", "asks_nationally", "figure_terms", "has_answer_figure",
           "places_only"]

_MONEY = re.compile(r"yuan|rmb|dollars?|元|美元", re.I)
# a question asking for a sum of money, not for how many ("how much funding", 多少钱)
_MONEY_Q = re.compile(r"\bhow much\b|多少钱|多少錢|多少资金|多少資金|金额|金額", re.I)
_COUNT_Q = re.compile(r"\bnumber\b|\bhow many\b|多少家|几家|幾家|多少个|多少個|数量|數量", re.I)
# A place inside an organisation's name is not the place the clause is about
# ("其中海南金盘智能科技股份有限公司还获评…", "北京联合大学"): the name is masked first.
ORG_NAME = re.compile(
    r"[^\W\d_的和与與及有在为為是等个個家、，,；;。]{2,16}?"
    r"(?:股份有限公司|有限责任公司|有限責任公司|有限公司|集团|集團|公司|银行|銀行|大学|大學"
    r"|学院|學院|研究院|研究所)"
)
# A clause about the document's own place ("我省已有13家", "本市累计培育329家"): it speaks
# for the place the passage is about, which the anchor check has matched to the question's.
_OWN_PLACE = re.compile(r"[我本](?:省|市|区|區|县|縣)")


def has_answer_figure(q: Question, text: str, gazetteer: Gazetteer) -> bool:
    """Whether ``text`` holds a figure of the kind a how-many question asks for."""
    return _figure_bonus(q, text, gazetteer) > 0


def _metric_clash(asked: str | None, text: str, cache: SentenceCache) -> float:
    """Penalty for a figure clause naming another metric of the figures table than the
    question ("深圳有104家已上市" counts listed firms; the question, all of them)."""
    named = cache.metric(text) if asked else None
    return -METRIC_CLASH if named and named != asked else 0.0


def places_only(names: frozenset[str], gazetteer: Gazetteer) -> frozenset[str]:
    """The places among ``names`` (not the bodies and markets the gazetteer also names)."""
    return frozenset(n for n in names if gazetteer.kind(n) in ("", "place"))


def names_division(question: str, sentence: str, gazetteer: Gazetteer,
                   cache: SentenceCache) -> bool:
    """Whether ``sentence`` names a place of the kind a "which provinces / districts"
    question asks for: some place, and a district or county for "哪个区" (a city's
    count is no district's: "上海(1032家)" for "上海哪个区…排名第一")."""
    named = places_only(gazetteer.mentioned(sentence), gazetteer)
    if not named or not asks_districts(question):
        return bool(named)
    names = {n for _, _, e in gazetteer.spans(sentence) if e.kind in ("", "place")
             for n in e.names} | {name for _, _, name in cache.place_spans(sentence, frozenset())}
    return any((p := cache.division(name)) is not None and p.level == "district"
               for name in names)


def asks_nationally(q: Question) -> bool:
    """The question is about the whole country (全国, 我国, China) and no place in it."""
    return not q.anchors.places and bool(NATION.search(fold(q.text)))


def _figure_text(
    q: Question, text: str, gazetteer: Gazetteer, national: bool | None = None
) -> str:
    """The clauses of ``text`` that name the question's entities (all of it if none do).
    A question about the whole country (全国, 我国, China) names it like a place: a
    figure in a clause about Beijing is not the country's ("北京…1214家, 排名全国第二").
    ``national``: :func:`asks_nationally` of ``q``, when known already."""
    national = asks_nationally(q) if national is None else national
    asked = q.entities | ({NATIONAL} if national else frozenset())
    if not asked:
        return text
    clauses = CLAUSE.split(text)
    # only names of the asked kind compete: an exchange or a ministry in a clause says where
    # a figure sits, not whose it is ("上交所科创板35家" under a Shenzhen heading)
    kinds = {gazetteer.kind(e) for e in q.entities} | ({"place"} if national else set())
    own = frozenset(e for e in q.entities if gazetteer.kind(e) in ("", "place"))
    named = [
        frozenset(e for e in gazetteer.mentioned(ORG_NAME.sub(" ", c))
                  if gazetteer.kind(e) in kinds)
        | ({NATIONAL} if national and NATION.search(fold(c)) else frozenset())
        | (own if _OWN_PLACE.search(c) else frozenset())
        for c in clauses
    ]
    if not any(named):  # the place is named by the heading or an earlier sentence, if at all
        return text
    if national and not any(n - {NATIONAL} for n in named):  # no clause names a place:
        return text  # "有146家…进入全球独角兽榜，占当年中国独角兽企业数量的43%"
    # a clause naming the asked entity speaks for it, and so do the clauses after it until
    # one names another entity of that kind: "南山区与宝安区…，共有712家", "反观北京，…为例，
    # 截至2025年上述领域的企业83家，不足全市总量的7%"
    # (a clause naming another entity as well speaks for the asked one for one clause more)
    keep: list[str] = []
    run = 0  # how many clauses more speak for the asked entity (-1: until another is named)
    for clause, names in zip(clauses, named, strict=True):
        if names:
            run = (-1 if not names - asked else 1) if names & asked else 0
            if run:
                keep.append(clause)
        elif run:
            keep.append(clause)
            run = -1 if run < 0 else run - 1
    return " ".join(keep)


_CONFIRM = re.compile(
    r"^\s*(?:is|are|was|were|does|do|did|has|have)\b|是否|是不是|对吗|對嗎|吗[？?]?\s*$|嗎[？?]?\s*$",
    re.I,
)


def _figure_bonus(
    q: Question, text: str, gazetteer: Gazetteer, figure_text: str | None = None
) -> float:
    """Bonus for a figure of the asked kind, in a clause about the asked entity
    (``figure_text``: those clauses, when known already)."""
    text = _figure_text(q, text, gazetteer) if figure_text is None else figure_text
    figures = find_figures(text)
    if q.wants_amount and ((figures and _MONEY.search(text)) or states_amount_in_words(text)):
        return 0.3  # a sum, in digits or as another one (与省同等额度)
    if q.wants_amount and _MONEY_Q.search(q.text) and not _COUNT_Q.search(q.text):
        return 0.0  # "how much did they invest": a sum of money, not a count of patents
    # a figure the question states is its premise ("1780多家机构里，省级的有多少家"), not
    # the answer: a count or share must be another one, unless the figure is what is
    # checked ("Is Beijing's 1,214 a yearly figure?")
    if not _CONFIRM.search(q.text):
        stated = q.anchors.figures | q.stated_figures
        figures = [f for f in figures if canonical(f.value, f.percent) not in stated]
    if q.wants_share and (any(f.percent for f in figures) or states_share_in_words(text)):
        return 0.25
    if q.wants_year and (any(is_year(text, f) for f in figures) or states_time_in_words(text)):
        return 0.2
    if q.wants_year and asks_year_only(q.text):  # "which year…the number of": a year
        return 0.0
    if q.wants_number and any(is_quantity(text, f) for f in figures):
        return 0.2
    return 0.0


METRIC_CLASH = 0.15  # as much as a sentence of the other scope (scope_bonus)

# "…，深交所主板、港交所主板、海外创业板等其他板块数量较少": a clause naming things while saying
# their number is small, without giving it
_FEW = re.compile(r"(?:数量|數量|家数|家數|上市数量|上市數量)?(?:较少|較少|不多|很少)"
                  r"|为数不多|為數不多|寥寥|\b(?:only )?a (?:few|handful)\b|\bfew\b", re.I)


def uncounted_only(q: Question, sentence: str, cache: SentenceCache) -> bool:
    """Whether something the question asks about is named by ``sentence`` only in a
    clause saying its number is small without stating it: the figures are the others'."""
    clauses = CLAUSE.split(sentence)
    few = [c for c in clauses if _FEW.search(c) and not find_figures(c)]
    if not few:
        return False
    tokenize = cache.tokenizer.tokenize
    # (the things listed, not the kind they are of: "…等其他板块")
    named = (c.split("等")[0] if "等" in c else _FEW.sub(" ", c) for c in few)
    few_words = frozenset(tokenize(" ".join(named), bigrams=False))
    rest = frozenset(tokenize(" ".join(c for c in clauses if c not in few), bigrams=False))
    return any(c.covered(few_words) and not c.covered(rest) for c in q.concepts)


def figure_terms(
    q: Question, sentence: str, gazetteer: Gazetteer, cache: SentenceCache,
    asked: tuple[str | None, bool],
) -> tuple[float, float]:
    """The figure bonus and the scope adjustment (stock vs increment, the asked metric)
    of a sentence, from its clauses about the asked entity; ``asked``: the question's
    metric (for a how-many question) and whether it asks about the whole country, both
    read once per question."""
    asked_metric, national = asked
    figure_text = _figure_text(q, sentence, gazetteer, national)
    scope = (
        scope_bonus(q.scope, sentence_scope(figure_text))
        + _metric_clash(asked_metric, figure_text, cache)
        if q.wants_number or q.wants_amount or q.wants_share else 0.0
    )
    if q.wants_number and uncounted_only(q, sentence, cache):
        return 0.0, scope
    bonus = _figure_bonus(q, sentence, gazetteer, figure_text)
    if q.wants_year and not bonus and states_day(sentence):
        bonus = 0.2  # "哪天启动的": "8月9日上午,…正式拉开帷幕" (in any clause)
    return bonus, scope
