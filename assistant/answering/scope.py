"""Scope of a figure: a standing total (stock) or a change over a period (increment).

"How many little giants does Shenzhen have?" asks for the cumulative count, not the
yearly additions stated beside it ("2023年深圳增量300家"); "how many were added in 2025"
asks for the increment. The cue words below are general Chinese and English ways of
saying either, not phrases of any one document.
"""

from __future__ import annotations

import re
from typing import Literal

from assistant.knowledge.figure_rules import counts_a_part

__all__ = [
    "CLAUSE", "Scope", "names_period", "names_scope", "other_aggregate", "question_scope",
    "scope_bonus", "sentence_scope",
]

# "part": a count of a part of the subject's group ("深圳上述四领域的企业合计122家")
Scope = Literal["stock", "increment", "part"]

_INCREMENT = re.compile(
    r"新增|增量|增加|新认定|新認定|新培育|新入选|新入選|净增|淨增|增长了|增長了"
    r"|\badd(?:ed|s|ing)?\b|\bnew(?:ly)?\b|\bincrease[ds]?\b|\bincrement|\bgrew\b|\bgrowth\b",
    re.I,
)
_STOCK = re.compile(
    r"累计|累計|总量|總量|总数|總數|总计|總計|共有|合计|合計|现有|現有|拥有|擁有|达到|達到"
    r"|\bin total\b|\btotal(?:led|s)?\b|\bcumulative(?:ly)?\b|\baltogether\b|\bto date\b"
    r"|\bso far\b|\bin all\b",
    re.I,
)
# A question about a part of a place's firms (a field, a sector) wants a part's count.
_PART_Q = re.compile(
    r"领域|領域|行业|行業|板块|板塊|赛道|賽道|细分|細分|\bsectors?\b|\bfields?\b"
    r"|\bindustr(?:y|ies)\b",
    re.I,
)


# How figures are laid out over time ("每年新增…分别有多少"): a sentence lists them by year
# ("2022年至2025年…分别为39家、55家"), it need not say "each year"
_PERIODIC = re.compile(r"每年|每年度|每一年|逐年|历年|歷年|\bannually\b|\byearly\b")


def names_period(forms: tuple[frozenset[str], ...]) -> bool:
    """Whether a question's concept is a period cue (每年, 逐年: said by 年均 or by figures
    listed year by year) or a stock cue (现有, 累计: said by "at present", by a total)."""
    return any(len(form) == 1 and (_PERIODIC.fullmatch(w := next(iter(form)))
                                   or _STOCK.fullmatch(w)) for form in forms)


def names_scope(forms: tuple[frozenset[str], ...]) -> bool:
    """Whether a question's concept (its ``forms``) is a scope cue (新增, 累计, total, 每年):
    what the scope bonus reads or how figures are laid out, not a word the answer must
    repeat (增量 says 新增)."""
    return any(len(form) == 1 and (_INCREMENT.fullmatch(w := next(iter(form)))
                                   or _STOCK.fullmatch(w) or _PERIODIC.fullmatch(w))
               for form in forms)


def names_first(forms: tuple[frozenset[str], ...]) -> bool:
    """Whether a question's concept is "for the first time" (首次, first-time): in "哪一年首次
    提出" the year is asked, and the text may say "proposed in 2011" or "first proposed"."""
    return any(form & {"首次", "第一次", "首度"} for form in forms)


# Clause boundaries (a comma between digits is a thousands separator, not one).
CLAUSE = re.compile(r"[，；;：:]\s*|,(?!\d)\s*")
_DIGIT = re.compile(r"\d")


def sentence_scope(text: str) -> Scope | None:
    """What a sentence's first figure counts, when the words of its clause say so
    ("2025年深圳增量306家，实现总量反超": the clause with 306 says 增量)."""
    for clause in CLAUSE.split(text):
        figure = _DIGIT.search(clause)
        if figure is None:
            continue
        if counts_a_part(clause.lower(), figure.start()):
            return "part"
        cues = [(m.start(), "stock") for m in _STOCK.finditer(clause)]
        cues += [(m.start(), "increment") for m in _INCREMENT.finditer(clause)]
        if cues:  # the cue nearest before the figure, else the first one after it
            before = [c for c in cues if c[0] < figure.start()]
            scope: Scope = max(before)[1] if before else min(cues)[1]  # type: ignore[assignment]
            return scope
    return None


# A comparison asks for a difference ("比北京多了几家", "by how many … outnumber"): the
# 总量 or 增量 it names is what is compared, not the scope of the figure that answers it.
_COMPARISON = re.compile(
    r"比[^，,。？?]{1,16}?(?:多|少)(?:了|出)?(?:多少|几|幾)|多出|少了多少|相差|差距|差多少"
    r"|\bhow many (?:more|fewer)\b|\bby how (?:many|much)\b|\boutnumber"
    r"|\b(?:more|fewer|less) than\b",
    re.I,
)


def question_scope(text: str, wants_number: bool) -> tuple[Scope | None, bool]:
    """What a figure question asks for, and whether it says so: additions or a total
    when its words say which; else, for a how-many question, the standing count. A
    comparison asks for a difference, and a question about a field or sector of firms
    for a part: no scope."""
    if _COMPARISON.search(text) or _PART_Q.search(text):
        return None, False
    if _INCREMENT.search(text):
        return "increment", True
    if _STOCK.search(text):
        return "stock", True
    return ("stock" if wants_number else None), False


def scope_bonus(question: tuple[Scope | None, bool], sentence: Scope | None) -> float:
    """Score adjustment: disfavour a sentence of the other scope; favour one of the asked
    scope only when the question names it (a plain "how many" is no vote for 累计)."""
    asked, explicit = question
    if asked is None or sentence is None:
        return 0.0
    if asked != sentence:
        return -0.15
    return 0.1 if explicit else 0.0


# An average is not a total (户均贷款余额7526万元 for 贷款余额合计), nor a total an average
_AVERAGE = re.compile(r"平均|户均|戶均|人均|年均|月均|日均|均值|\baverage\b|\bon average\b"
                      r"|\bper (?:firm|company|enterprise|capita|city)\b"
                      # a figure for each one ("给每个试点城市拨了多少钱", 每家企业最高50万元)
                      r"|每一?(?:个|個|家|户|戶|座|所|位)"
                      r"|\beach (?:city|firm|company|enterprise)\b",
                      re.I)
_TOTAL = re.compile(r"合计|合計|总额|總額|总计|總計|总共|總共|一共|\bin total\b|\btotal\b"
                    r"|\bcombined\b", re.I)


def other_aggregate(question: str, sentence: str) -> bool:
    """The sentence states no average for a question asking one, or only an average for
    a question asking a total."""
    if _AVERAGE.search(question):
        return not _AVERAGE.search(sentence)
    return bool(_TOTAL.search(question) and _AVERAGE.search(sentence)
                and not _TOTAL.search(sentence))
