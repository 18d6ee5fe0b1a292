"""Score bonuses for what the kind of question asks for: a definition, places, the terms
it quotes, N items, the Nth item, a cause, the document a rule comes from; and for the
entities it names."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answering.enumeration import enumerates, opens_item
from assistant.answering.figure_kinds import asks_reason, states_reason
from assistant.answering.names import credits
from assistant.answering.question import Question
from assistant.answering.statements import (
    DEFINES,
    asks_credit,
    asks_data_source,
    asks_person,
    asks_source,
    cites_source,
    names_document,
    names_role,
)
from assistant.knowledge.entities import Gazetteer
from assistant.text.normalize import fold

__all__ = ["Asks", "entity_bonus", "kind_bonus"]

PLACE_BONUS = 0.2  # for a sentence naming places besides the question's, when places are asked
QUOTED_BONUS = 0.15  # for a sentence with a term the question quotes
ITEMS_BONUS = 0.15  # for a sentence that lists as many items as the question asks for
ORDINAL_BONUS = 0.2  # for a sentence opening the list item the question asks for (一是…)
DEFINITION_BONUS = 0.25  # for a defining sentence ("X是指…") when the question asks what X is
CREDIT_BONUS = 0.25  # for a news item's credit line (记者邵长春) when the reporter is asked


def entity_bonus(q: Question, text: str, gazetteer: Gazetteer) -> float:
    """Favour sentences about the question's entities, disfavour those about others."""
    if not q.entities:
        return 0.0
    named = gazetteer.mentioned(text)
    if q.entities <= named:
        return 0.1 if named <= q.entities else 0.0
    return -0.1 if named and not named & q.entities else 0.0


@dataclass(frozen=True)
class Asks:
    """What a question asks for that a sentence's words show, read once per question."""

    reason: bool  # why: a sentence giving a cause
    source: bool  # a rule's basis: a sentence naming a document
    person: bool  # who: a sentence naming someone by role
    credit: bool  # which reporter: a news item's credit line
    data: bool  # where the data or news come from: a sentence citing its source

    @classmethod
    def of(cls, q: Question) -> Asks:
        return cls(asks_reason(q.text), asks_source(q.text), asks_person(q.text),
                   asks_credit(q.text), asks_data_source(q.text))


def kind_bonus(q: Question, asks: Asks, sentence: str, places: frozenset[str]) -> float:
    """Bonuses for what the kind of question asks for (``asks``: :meth:`Asks.of` ``q``;
    ``places``: those the sentence names)."""
    return (
        # (a definition of the term the question quotes, not of another one)
        (DEFINITION_BONUS if q.wants_definition and DEFINES.search(sentence) and (
            not q.quoted or any(t in fold(sentence) for t in q.quoted)) else 0.0)
        + (PLACE_BONUS if q.wants_place and places - q.anchors.places else 0.0)
        + (QUOTED_BONUS if q.quoted and any(t in fold(sentence) for t in q.quoted) else 0.0)
        + (ITEMS_BONUS if q.items and enumerates(sentence, q.items, q.item_chars) else 0)
        + (ORDINAL_BONUS if q.ordinal and opens_item(sentence, q.ordinal) else 0.0)
        + (QUOTED_BONUS if asks.reason and states_reason(sentence) else 0.0)
        # "依据的是哪份办法": a line naming a document (《…》, …办法, 〔2020〕201号)
        + (QUOTED_BONUS if asks.source and names_document(sentence) else 0.0)
        # "哪位领导", "which outlet asked": a sentence naming someone by role (Deputy Minister)
        + (QUOTED_BONUS if asks.person and names_role(sentence) else 0.0)
        + (CREDIT_BONUS if asks.credit and credits(sentence) else 0.0)  # (记者邵长春)
        + (CREDIT_BONUS if asks.data and cites_source(sentence) else 0.0)  # (数据来源: …)
    )
