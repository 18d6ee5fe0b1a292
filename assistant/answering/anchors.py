"""Anchors: the specifics a question names that an answer must name too.

A question such as "截至2023年底，温州有多少家小巨人企业？" is anchored to a time (2023),
a place (温州) and possibly a figure or an ordinal ("the seventh list"). A sentence
whose context (the sentence, the sentences before it in its passage, the passage's
headings and the document title) names other years, other places or other ordinals,
and not the asked ones, answers a different question, however well its words cover
this one. These signals carry over to any document: they come from the text, not
from a list of known answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.text.numbers import Figure, canonical, find_figures, in_digits

__all__ = [
    "MONTH", "MONTHS_EN", "Anchors", "anchors_of", "check", "is_date_part", "months_of",
    "ordinal_spans", "ordinals_of", "since_years", "without_month_names", "written_years",
]

# A year: four digits 1900–2099 not glued to other digits (a comma or point counts as glue
# only after a digit: "1,2022" no, "高度,2022年" yes; before one, as a thousands group:
# "2,024,500" no, a citation's "管理学报,2024,21(04)" yes), and not a count (2028家,
# 2025 companies): a unit word right after it makes it a quantity.
_YEAR = re.compile(
    r"(?<!\d)(?<!\d[.,])(?P<y>(?:19|20)\d{2})(?!\.?\d)(?!,\d{3}(?!\d))"
    r"(?!\s*(?:家|个|個|项|項|件|人|元|万|萬|亿|億|%|companies|firms|enterprises|smes|yuan))",
    re.I,
)
_ORD_EN = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_ORD_ZH = {
    "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
    "九": 9, "十": 10,
}  # fmt: skip
# "第七批", "第7批", "the seventh batch / list / round", "7th batch" (not "第一次": "for the
# first time")
_ORDINAL = re.compile(
    r"第(?!一次)(?P<zh>[一二三四五六七八九十]|\d{1,2})\s*[批届屆轮輪次]"
    r"|\b(?P<en>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
    r"[\s-]+(?:(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b)\w+\s+){0,3}?"
    r"(?:batch|list|round|group|session)",
    re.I,
)
_NUM_EN = {w: n for n, w in enumerate(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), start=1)}
# A run of batches: "第一至六批", "第1-3批", "前三批", "the first six batches",
# "first to third batch"; and all the batches so far, counted ("累计开展六批", "these four
# batches", "the four batches of … little giants"): every ordinal in it
_N = r"[一二两兩三四五六七八九十]|\d{1,2}"  # 前两批: the first two
_ORD_WORD = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)"
)
# a list of batches sharing 第 and 批: "第五、六批", "第二和第五批", "第5、6批"
_ORDINAL_LIST = re.compile(
    rf"第(?P<list>(?:{_N})(?:\s*[、,，和与與及]\s*第?\s*(?:{_N}))+)\s*[批届屆轮輪]")
_ORDINAL_RUN = re.compile(
    rf"第(?P<a>{_N})\s*(?:至|到|-|—|–|~|～)\s*第?(?P<b>{_N})\s*[批届屆轮輪]"
    rf"|前(?P<n>{_N})\s*[批届屆轮輪]"
    r"|(?:这|這|共|累计|累計|开展|開展|公布|公示)了?\s*(?P<c>[二两兩三四五六七八九十]|\d{1,2})\s*批(?!次)"
    # (前三批 read in English: "the first three batches", "the previous 3 batch")
    r"|\b(?:first|previous|past)\s+(?P<en_n>two|three|four|five|six|seven|eight|nine|ten"
    r"|\d{1,2})\s+(?:\w+\s+){0,2}?(?:batch|list|round)(?:e?s)?\b"
    r"|\b(?:the|all|these)\s+(?P<en_c>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"\s+(?:\w+\s+)?(?:batch|list|round)e?s\b"
    rf"|\b(?P<en_a>{_ORD_WORD})\s+(?:to|through|-)\s+(?:the\s+)?(?P<en_b>{_ORD_WORD})[\s-]+"
    r"(?:batch|list|round)e?s?\b",
    re.I,
)


@dataclass(frozen=True)
class Anchors:
    """Years, places, ordinals (batches, rounds) and other figures a text names."""

    years: frozenset[int] = frozenset()
    places: frozenset[str] = frozenset()
    ordinals: frozenset[int] = frozenset()
    figures: frozenset[str] = frozenset()
    months: frozenset[int] = frozenset()  # "3月末", "end of March", "年底" (12)

    def __or__(self, other: Anchors) -> Anchors:
        return Anchors(
            self.years | other.years,
            self.places | other.places,
            self.ordinals | other.ordinals,
            self.figures | other.figures,
            self.months | other.months,
        )

    @property
    def empty(self) -> bool:
        """True when the text names nothing specific."""
        return not (self.years or self.places or self.ordinals or self.figures)


# the first year of a period that runs to the time of writing: "自2019年以来", "since 2019"
_SINCE = re.compile(
    r"(?:自|从|從)\s*(?P<y>(?:19|20)\d{2})\s*年\s*(?:以来|以來|起|开始|開始)"
    r"|\bsince (?:early |late |mid-)?(?P<e>(?:19|20)\d{2})\b",
    re.I,
)


def since_years(text: str) -> frozenset[int]:
    """The years ``text`` names as the start of a period up to now (自2019年以来): the
    date of no figure after it."""
    return frozenset(int(m["y"] or m["e"]) for m in _SINCE.finditer(text))


# a run of years: "2022年至2025年", "2019-2022年", "from 2021 to 2025", "between 2019 and 2022"
_YEAR_RUN = re.compile(
    r"(?P<a>(?:19|20)\d{2})\s*年?\s*(?:至|到|—|–|-|~|～)\s*(?P<b>(?:19|20)\d{2})\s*年"
    r"|\b(?:from|between) (?P<c>(?:19|20)\d{2}) (?:to|and|through) (?P<d>(?:19|20)\d{2})\b",
    re.I,
)
_LONGEST_RUN = 15  # a run longer than this is no list of years ("1990年至2025年")
# …and it lists figures year by year only with a word saying so (not "2021至2025年安排100亿元")
_BY_YEAR = re.compile(r"分别|分別|依次|逐年|每年|\brespectively\b|\beach year\b", re.I)


def written_years(text: str) -> frozenset[int]:
    """The calendar years ``text`` writes out (not four-digit counts such as 2028家)."""
    return frozenset(int(m["y"]) for m in _YEAR.finditer(text))


def years_of(text: str) -> frozenset[int]:
    """:func:`written_years`, and each year of a run in a sentence listing figures year
    by year ("2022年至2025年…分别为39家、55家、84家、98家": 2023 too)."""
    years = set(written_years(text))
    for m in _YEAR_RUN.finditer(text) if _BY_YEAR.search(text) else ():
        first, last = int(m["a"] or m["c"]), int(m["b"] or m["d"])
        if 0 < last - first <= _LONGEST_RUN:
            years.update(range(first, last + 1))
    return frozenset(years)


def _ordinal_value(token: str) -> int:
    token = token.lower()
    if token.isdigit():
        return int(token)
    for table in (_ORD_ZH, _ORD_EN, _NUM_EN):
        if token in table:
            return table[token]
    return int(token[:-2]) if token[:-2].isdigit() else 0


def ordinal_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names batches, lists or rounds by number (第七批, 第一至六批, the
    first three batches): anchors, not words of what is asked."""
    return [m.span() for pattern in (_ORDINAL_LIST, _ORDINAL_RUN, _ORDINAL)
            for m in pattern.finditer(text)]


def ordinals_of(text: str) -> frozenset[int]:
    """Ordinal numbers of batches, lists and rounds (第七批, the seventh list → 7; a run,
    第一至六批 or the first three batches, names each of its ordinals)."""
    out: set[int] = set()
    for m in _ORDINAL_RUN.finditer(text):
        low = _ordinal_value(m["a"] or m["en_a"] or "1")
        high = _ordinal_value(
            m["b"] or m["n"] or m["c"] or m["en_n"] or m["en_c"] or m["en_b"] or "0")
        out.update(range(low, high + 1) if 0 < low <= high <= 20 else ())
    for m in _ORDINAL.finditer(text):
        value = _ordinal_value(m["zh"] or m["en"] or "")
        if value:
            out.add(value)
    for m in _ORDINAL_LIST.finditer(text):
        out.update(v for n in re.findall(_N, m["list"]) if (v := _ordinal_value(n)))
    return frozenset(out)


# English month names, full or short ("March", "Sept."); May apart, a verb as often
_MONTH_NAMES = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?"
                r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
# a day or a month of a date right after the figure: "6日", "3月31日", "12号", "31 March";
# or right before it: "March 31", "May 31"
_DATE_UNIT = re.compile(rf"\s*(?:日|号|號|月(?!份?[内內])|(?:{_MONTH_NAMES})\b\.?)", re.I)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTH_NAMES}|may)\.?\s*$", re.I)


def is_date_part(text: str, figure: Figure) -> bool:
    """Whether ``figure`` is the day or month of a date ("6日", "3月", "March 31")."""
    small = not figure.percent and figure.value == int(figure.value) and figure.value <= 31
    return small and bool(_DATE_UNIT.match(text, figure.end)
                          or _MONTH_BEFORE.search(text, max(0, figure.start - 12), figure.start))


def figures_of(text: str, years: frozenset[int]) -> frozenset[str]:
    """Canonical figures of ``text`` other than its years, dates and small ordinals."""
    out: set[str] = set()
    for f in find_figures(text):
        if not f.percent and (int(f.value) in years and f.value == int(f.value)):
            continue
        if is_date_part(text, f):
            continue
        if not f.percent and f.value < 11:  # "two cities", list numbers: not anchors
            continue
        out.add(canonical(f.value, f.percent))
    return frozenset(out)


MONTHS_EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# a month of a date: "3月", "03月" (not "3个月", a duration), "March" (not May: the verb is
# likelier), the year's end (年底, year-end)
_ZH_MONTH = r"(?<![\d.个個])(?P<zh>1[0-2]|0?[1-9])\s*月"
MONTH = re.compile(
    _ZH_MONTH
    + r"|(?P<end>年底|年末|年终|年終|\byear[- ]end\b|\bend of (?:the )?year\b)"
    rf"|\b(?P<en>{_MONTH_NAMES})\b",
    re.I,
)


def months_of(text: str) -> frozenset[int]:
    """The months of the dates ``text`` names (年底, year-end: 12)."""
    out: set[int] = set()
    for m in MONTH.finditer(text):
        if m["zh"]:
            out.add(int(m["zh"]))
        elif m["end"]:
            out.add(12)
        else:
            out.add(MONTHS_EN.index(m["en"][:3].lower()) + 1)
    return frozenset(out)


_MONTH_WORD = re.compile(rf"\b(?:{_MONTH_NAMES})\b\.?", re.I)


# a Chinese date's month, with its day: 11月, 10月14日
_ZH_MONTH_DAY = re.compile(rf"{_ZH_MONTH}(?:\s*(?:[12]\d|3[01]|0?[1-9])\s*[日号號])?")


def without_month_names(text: str) -> str:
    """``text`` without its months ("July 2023", "2021年11月", "10月14日"): a date's month
    is an anchor, checked against a sentence's date, not a word a sentence must repeat
    ("11")."""
    return _ZH_MONTH_DAY.sub(" ", _MONTH_WORD.sub(" ", text))


def anchors_of(text: str, places: Callable[[str], frozenset[str]]) -> Anchors:
    """Everything specific ``text`` names; ``places`` finds place names (canonical keys)."""
    years = years_of(text)
    return Anchors(years, places(text), ordinals_of(text), figures_of(in_digits(text), years),
                   months_of(text))


@dataclass(frozen=True)
class Check:
    """How a sentence's context meets the question's anchors."""

    missing: tuple[str, ...] = ()  # anchor kinds the context contradicts or lacks
    matched: int = 0  # how many question anchors the context names

    @property
    def ok(self) -> bool:
        """True when nothing the question names is contradicted or absent."""
        return not self.missing


def check(
    question: Anchors, sentence: Anchors, context: Anchors,
    fallback_years: frozenset[int] = frozenset(), implied: frozenset[str] = frozenset(),
) -> Check:
    """Compare the question's anchors with a sentence and its context.

    Years: one of the question's years must be named by the sentence (or, when the
    sentence names none, by its context, else by the document's title and opening, as
    ``fallback_years``): a figure of unknown date does not answer "how many in 2023".
    Months: a sentence dating its figure to another month (截至3月末 for 年底) speaks of
    another date. Places, ordinals and figures the question names must occur in the
    sentence or its context, except the ``implied`` places (江苏 of "江苏…徐州有几家", said
    by 徐州), which count only when named; a sentence naming only other batches ("第一批和
    第四批" for the second) speaks of those, not of the batches its context names.
    """
    missing: list[str] = []
    matched = 0
    if question.years:
        years = sentence.years or context.years or fallback_years
        if not question.years & years:  # another year, or no date to tell
            missing.append("year")
        matched += len(question.years & years)
    if question.months and sentence.months and not question.months & sentence.months:
        missing.append("month")  # "截至3月末" for the year's end: another date
    for kind in ("places", "ordinals", "figures"):
        wanted: frozenset[object] = getattr(question, kind)
        have: frozenset[object] = getattr(sentence, kind) | getattr(context, kind)
        if kind == "ordinals" and not sentence.ordinals & wanted:
            # a sentence naming other batches speaks of those, not of its context's
            have = frozenset(sentence.ordinals) or have
        if wanted and not wanted <= have | (implied if kind == "places" else frozenset()):
            missing.append(kind.rstrip("s"))
        matched += len(wanted & have)
    return Check(tuple(missing), matched)
