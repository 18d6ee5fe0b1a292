"""A figure places hold together is no figure of one of them (issue 9: "海淀 alone" was
answered with 海淀区、经开区's 658). Sentences written for the test, in no corpus."""

from __future__ import annotations

import pytest

from assistant.answering.joint import joint_figure
from assistant.answering.question import Idf, Question
from assistant.config import Settings
from assistant.knowledge import Knowledge, load_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(Settings())


def joint(question: str, sentence: str, knowledge: Knowledge) -> bool:
    idf = Idf.build(["福田区小巨人企业"], knowledge.tokenizer)
    q = Question.parse(question, knowledge.glossary, knowledge.gazetteer, idf, None,
                       knowledge.place_names, knowledge.places.is_name)
    passage = f"深圳市各区的小巨人企业分布。{sentence}"
    return joint_figure(q, sentence, passage, knowledge.places.spans)


@pytest.mark.parametrize("sentence", [
    "福田区与罗湖区两区紧随其后，共培育200家小巨人企业。",
    "此外，福田、罗湖和盐田等区的小巨人企业合计不足90家。",
    "福田区、前海区共培育小巨人企业300家，占全市总量的20%。",  # an area the table lacks
    "Futian and Luohu together have 200 little giants.",
])
def test_a_joint_figure_does_not_answer_for_one_place(
    sentence: str, knowledge: Knowledge
) -> None:
    assert joint("福田区有多少家小巨人企业？", sentence, knowledge)


@pytest.mark.parametrize(("question", "sentence"), [
    # the place's own figure after the joint one
    ("福田区有多少家小巨人企业？", "福田区与罗湖区共有200家，其中福田区120家。"),
    ("福田区有多少家小巨人企业？", "福田区与罗湖区分别有120家和80家。"),
    ("福田区有多少家小巨人企业？", "福田区累计培育小巨人企业120家。"),
    # the question sums the places itself
    ("福田区和罗湖区加起来有多少家小巨人？", "福田区与罗湖区两区共培育200家。"),
    ("福田区和前海区共有多少家小巨人？", "福田区、前海区共培育小巨人企业300家。"),
])
def test_the_places_own_or_asked_joint_figure_stands(
    question: str, sentence: str, knowledge: Knowledge
) -> None:
    assert not joint(question, sentence, knowledge)
