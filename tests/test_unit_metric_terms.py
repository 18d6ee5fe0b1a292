"""What a question measures must be named by the quoted sentence, in either language."""

from __future__ import annotations

from dataclasses import replace

import pytest
from langchain_core.documents import Document

from assistant.answering.metric_terms import naming_metric
from assistant.answering.question import Idf, Question
from assistant.answering.selection import Candidate
from assistant.config import Settings
from assistant.knowledge import Knowledge, load_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(Settings())


def _cand(text: str, metric: float) -> Candidate:
    doc = Document(page_content=text, id=text[:8])
    return Candidate(doc, 1, 0, len(text), 1.0, 0.5, metric=metric)


def test_a_descriptive_question_keeps_the_other_languages_sentences(
        knowledge: Knowledge) -> None:
    idf = Idf.build(["重视 程度 国家战略", "attention unprecedented"], knowledge.tokenizer)
    q = Question.parse("当年全国对专精特新中小企业的重视达到了怎样的高度？",
                       knowledge.glossary, knowledge.gazetteer, idf)
    english = _cand("SRDI SMEs received unprecedented attention that year.", 0.0)
    chinese = _cand("专精特新企业数量增长。", 0.0)
    # no sentence names the metric: the English one may say it in its own words
    assert naming_metric(q, [english, chinese]) == [english]
    # …not when a sentence does name it, nor for a question asking a figure
    named = _cand("对专精特新的重视前所未有。", 1.0)
    assert naming_metric(q, [english, named]) == [named]
    assert naming_metric(replace(q, wants_number=True), [english, chinese]) == []
