"""What a sentence must not contradict beyond the anchors :func:`check` compares: the
whole country for a place, a part for its whole (or the whole for a part), another tier or
rung, another place's clause, another aggregate, a board not named. Read once per question
(:class:`Asked`), applied to each sentence (:func:`other_anchors`)."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answering.enclosing import other_level, other_place, part_of_whole, whole_of_part
from assistant.answering.figure_clauses import places_only
from assistant.answering.levels import asked_kinds, levels_of, other_kind, other_tier
from assistant.answering.markets import market_figure_missing, markets_named
from assistant.answering.passages import Sentence, SentenceCache
from assistant.answering.question import Question
from assistant.answering.scope import other_aggregate
from assistant.answering.subjects import SUBJECT, other_subject
from assistant.answering.target import without_attribution
from assistant.knowledge.entities import Gazetteer
from assistant.knowledge.figures import NATION
from assistant.text.normalize import fold

__all__ = ["Asked", "other_anchors"]


@dataclass(frozen=True)
class Asked:
    """What a sentence must not contradict, read once per question."""

    national: bool  # a figure for the whole country (全国, China) is not a place's
    tiers: frozenset[str]  # national, provincial, municipal
    kinds: frozenset[str]  # a figure's rung of the SRDI ladder: little giants, SRDI SMEs
    places: frozenset[str]
    boards: frozenset[str]  # a board's count is stated where the board is named
    figure_question: str  # the question when it asks a figure: an average is no total
    part_figures: bool  # a figure of a place inside an asked one answers nothing asked

    @classmethod
    def of(cls, q: Question, gazetteer: Gazetteer, nationally: bool) -> Asked:
        figures = q.wants_number or q.wants_share
        return cls(
            national=nationally and (figures or q.wants_amount),
            tiers=levels_of(q.text),
            # the rung the question asks about, not its source's ("…中小企业发展大会的报道中")
            kinds=asked_kinds(without_attribution(q.text)) if figures or q.wants_amount
            else frozenset(),
            places=places_only(q.anchors.places, gazetteer),
            boards=markets_named(q.text, gazetteer) if figures else frozenset(),
            figure_question=q.text if figures or q.wants_amount else "",
            part_figures=(figures or q.wants_amount) and not q.wants_place,
        )


def other_anchors(
    asked: Asked, sent: Sentence, sentence: str, places: tuple[frozenset[str], frozenset[str]],
    gazetteer: Gazetteer, cache: SentenceCache,
) -> tuple[str, ...]:
    """The anchors a sentence misses beyond :func:`check`'s: a city's figure for the whole
    country (or one in a city's document), a city's figure for one of its districts, another
    tier (国家级 for 省级), another place's clause after a semicolon ("深圳…42家；上交所科创板
    35家"), or no asked board named (``places``: the places the clauses before it were
    about, and those it names)."""
    subject, own = places
    missing: list[str] = []
    if whole_of_part(asked.places, sent.anchors.places, sentence, cache) or other_place(
            asked.places, sentence, cache) or other_level(asked.places, sentence, cache):
        missing.append("place")
    if asked.national and places_only(sent.anchors.places | sent.frame, gazetteer) and (
            not NATION.search(fold(sentence))):
        missing.append("place")
    if other_tier(asked.tiers, sentence) or other_kind(asked.kinds, sentence,
                                                       asked.figure_question):
        missing.append("tier")
    if other_subject(asked.places, subject, own):
        missing.append(SUBJECT)
    if asked.figure_question and other_aggregate(asked.figure_question, sentence):
        missing.append("scope")
    if asked.part_figures and part_of_whole(asked.places, sentence, cache):
        missing.append("place")  # a district's figure for its city
    if market_figure_missing(asked.boards, sent.anchors.places, sent.frame, gazetteer):
        missing.append("market")
    return tuple(missing)
