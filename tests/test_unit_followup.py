"""Follow-up resolution of the extractive mode (assistant.answering.followup)."""

from __future__ import annotations

import pytest

from assistant.answering.followup import is_follow_up, resolve
from assistant.config import Settings
from assistant.knowledge.entities import Gazetteer, build_gazetteer, read_entity_rows


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return build_gazetteer(read_entity_rows(Settings().entities_path))


def test_new_entity_replaces_the_old_one(gazetteer: Gazetteer) -> None:
    history = ["北京有多少家小巨人企业？"]
    assert resolve("那深圳呢？", history, gazetteer) == "深圳有多少家小巨人企业？"


def test_english_entity_swap(gazetteer: Gazetteer) -> None:
    history = ["How many little giants does Beijing have?"]
    assert resolve("What about Shenzhen?", history, gazetteer) == (
        "How many little giants does Shenzhen have?"
    )


def test_without_an_entity_the_new_words_are_appended(gazetteer: Gazetteer) -> None:
    resolved = resolve("and in 2023?", ["How many little giants were named"], gazetteer)
    assert resolved == "How many little giants were named in 2023"


def test_standalone_question_is_kept(gazetteer: Gazetteer) -> None:
    question = "What are the criteria for national little giant enterprises?"
    assert resolve(question, ["北京有多少家小巨人企业？"], gazetteer) == question


def test_no_history_means_no_change(gazetteer: Gazetteer) -> None:
    assert resolve("那深圳呢？", [], gazetteer) == "那深圳呢？"
    assert resolve("那深圳呢？", ["", "  "], gazetteer) == "那深圳呢？"


def test_the_latest_non_empty_question_is_the_antecedent(gazetteer: Gazetteer) -> None:
    history = ["上海有多少家？", "北京有多少家小巨人企业？", ""]
    assert resolve("那深圳呢？", history, gazetteer) == "深圳有多少家小巨人企业？"


@pytest.mark.parametrize(
    ("question", "follows"),
    [
        ("那深圳呢？", True),
        ("What about it?", True),
        ("How is it funded by the central government budget?", True),  # anaphora
        ("深圳市累计培育了多少家国家级专精特新小巨人企业？", False),
        ("What are the criteria for national little giant enterprises?", False),
    ],
)
def test_is_follow_up(question: str, follows: bool) -> None:
    assert is_follow_up(question) is follows


def test_the_form_asked_for_the_answer_is_no_search_term(gazetteer: Gazetteer) -> None:
    assert resolve("Briefly, what is a little giant?", [], gazetteer) == "what is a little giant?"
    history = ["用一句话说说北京有多少家小巨人企业？"]
    assert resolve("那深圳呢？", history, gazetteer) == "深圳有多少家小巨人企业？"
