"""Two-part questions: each part gets a sentence that covers it (issue 9)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from assistant.answering.parts import cover_parts, question_parts
from assistant.answering.question import Idf, Question
from assistant.config import Settings
from assistant.knowledge import Knowledge, load_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(Settings())


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Which minister spoke at the conference, and how many firms did he name?", 2),
        ("称号有效期多长？这份通知是哪天发的？", 2),
        ("北京上市的小巨人中，在创业板和主板的分别有几家？", 1),
        ("How many little giants does Shenzhen have?", 1),
    ],
)
def test_question_parts(text: str, n: int) -> None:
    assert len(question_parts(text)) == n


@dataclass
class Sent:
    text: str


def test_each_part_gets_a_sentence_that_names_what_it_asks(knowledge: Knowledge) -> None:
    sents = [
        Sent("So far the country has nurtured 600,000 innovative firms, Li said."),
        Sent("Firms grew at the conference, said Li Lecheng, minister of industry."),
        Sent("The conference discussed firms and growth of firms."),
    ]
    idf = Idf.build([s.text for s in sents] + ["other text"], knowledge.tokenizer)
    q = Question.parse(
        "Which minister spoke at the conference, and how many firms had been nurtured?",
        knowledge.glossary, knowledge.gazetteer, idf,
    )
    out = cover_parts(q, [sents[0]], sents, knowledge.tokenizer)
    assert [s.text for s in out] == [sents[0].text, sents[1].text]
    one = Question.parse("How many firms had been nurtured?", knowledge.glossary,
                         knowledge.gazetteer, idf)
    assert cover_parts(one, [sents[0]], sents, knowledge.tokenizer) == [sents[0]]
