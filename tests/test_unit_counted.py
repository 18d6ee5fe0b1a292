"""What a how-many question counts (measure word, English count noun) against what a
sentence's figures count: pure functions, no model."""

from __future__ import annotations

import pytest

from assistant.answering.counted import asked_kind, figure_kinds


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("某市的小巨人企业平均有多少名员工？", "people"),
        ("全省有多少家企业入选？", "org"),
        ("全国一共有几个城市入选试点？", "place"),
        ("這項政策實施了幾年？", "year"),
        ("How many employees work there?", "people"),
        ("How many sixth-batch little giants are in Anhui?", "org"),  # not "batch"
        ("How many single-item champions are there?", None),  # no count noun it knows
        ("有多少小巨人？", None),  # no measure word
        ("十余家银行一共推出了多少款信用贷款产品？", "product"),
    ],
)
def test_the_counted_kind_of_a_question(question: str, kind: str | None) -> None:
    assert asked_kind(question) == kind


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("全市累计培育专精特新企业420家。", {"org"}),
        ("连续6年出台专项文件。", {"year"}),  # a duration, not a year
        ("共有24个城市入选。", {"place"}),
        ("带动就业超过3万人，占比超40%。", {"people", "share"}),
        ("The term was mentioned 37 times, and 12 provinces listed it.", {"time", "place"}),
        ("Guangzhou is home to 290 national little giant enterprises.", {"org"}),
        ("2023年3月发布。", set()),  # dates count nothing
        ("已推出20余款产品。", {"product"}),
        ("贷款余额312.97亿元，超出各项贷款增速13.34个百分点。", {"money", "share"}),
    ],
)
def test_what_a_sentences_figures_count(sentence: str, kinds: set[str]) -> None:
    assert figure_kinds(sentence) == kinds
