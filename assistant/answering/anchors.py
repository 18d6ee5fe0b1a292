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

from assistant.text.numbers import canonical, find_figures

__all__ = ["Anchors", "anchors_of", "check"]

# A year: four digits 1900–2099 not glued to other digits (a comma or point counts as glue
# only after a digit: "1,2022" no, "高度,2022年" yes), and not a count (2028家,
# 2025 companies): a unit word right after it makes it a quantity.
_YEAR = re.compile(
    r"(?<!\d)(?<!\d[.,])(?P<y>(?:19|20)\d{2})(?![\d.,]?\d)"
    r"(?!\s*(?:家|个|個|项|項|件|人|元|万|萬|亿|億|%|companies|firms|enterprises|smes|yuan))",
    re.I,
)
_ORD_EN = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_ORD_ZH = {
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}  # fmt: skip
# "第七批", "第7批", "the seventh batch / list / round", "7th batch"
_ORDINAL = re.compile(
    r"第(?P<zh>[一二三四五六七八九十]|\d{1,2})\s*[批届屆轮輪次]"
    r"|\b(?P<en>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
    r"\s+(?:(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b)\w+\s+){0,3}?"
    r"(?:batch|list|round|group|session)",
    re.I,
)


@dataclass(frozen=True)
class Anchors:
    """Years, places, ordinals (batches, rounds) and other figures a text names."""

    years: frozenset[int] = frozenset()
    places: frozenset[str] = frozenset()
    ordinals: frozenset[int] = frozenset()
    figures: frozenset[str] = frozenset()

    def __or__(self, other: Anchors) -> Anchors:
        return Anchors(
            self.years | other.years,
            self.places | other.places,
            self.ordinals | other.ordinals,
            self.figures | other.figures,
        )

    @property
    def empty(self) -> bool:
        """True when the text names nothing specific."""
        return not (self.years or self.places or self.ordinals or self.figures)


def years_of(text: str) -> frozenset[int]:
    """The calendar years ``text`` names (not four-digit counts such as 2028家)."""
    return frozenset(int(m["y"]) for m in _YEAR.finditer(text))


def ordinals_of(text: str) -> frozenset[int]:
    """Ordinal numbers of batches, lists and rounds (第七批, the seventh list → 7)."""
    out: set[int] = set()
    for m in _ORDINAL.finditer(text):
        token = (m["zh"] or m["en"] or "").lower()
        if token.isdigit():
            out.add(int(token))
        elif token in _ORD_ZH:
            out.add(_ORD_ZH[token])
        elif token in _ORD_EN:
            out.add(_ORD_EN[token])
        elif token[:-2].isdigit():
            out.add(int(token[:-2]))
    return frozenset(out)


def figures_of(text: str, years: frozenset[int]) -> frozenset[str]:
    """Canonical figures of ``text`` other than its years and small ordinals."""
    out: set[str] = set()
    for f in find_figures(text):
        if not f.percent and (int(f.value) in years and f.value == int(f.value)):
            continue
        if not f.percent and f.value < 11:  # "two cities", list numbers: not anchors
            continue
        out.add(canonical(f.value, f.percent))
    return frozenset(out)


def anchors_of(text: str, places: Callable[[str], frozenset[str]]) -> Anchors:
    """Everything specific ``text`` names; ``places`` finds place names (canonical keys)."""
    years = years_of(text)
    return Anchors(years, places(text), ordinals_of(text), figures_of(text, years))


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
    fallback_years: frozenset[int] = frozenset(),
) -> Check:
    """Compare the question's anchors with a sentence and its context.

    Years: one of the question's years must be named by the sentence (or, when the
    sentence names none, by its context, else by the document's title and opening, as
    ``fallback_years``): a figure of unknown date does not answer "how many in 2023".
    Places, ordinals and figures the question names must occur in the sentence or its
    context.
    """
    missing: list[str] = []
    matched = 0
    if question.years:
        years = sentence.years or context.years or fallback_years
        if not question.years & years:  # another year, or no date to tell
            missing.append("year")
        matched += len(question.years & years)
    for kind in ("places", "ordinals", "figures"):
        wanted: frozenset[object] = getattr(question, kind)
        have: frozenset[object] = getattr(sentence, kind) | getattr(context, kind)
        if wanted and not wanted <= have:
            missing.append(kind.rstrip("s"))
        matched += len(wanted & have)
    return Check(tuple(missing), matched)
