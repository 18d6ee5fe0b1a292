"""Places in passages: the other side of a comparison is not what a passage goes on to
be about, and retrieval puts passages naming the asked place first (real place tables
and tokenizer; hand-made passages)."""

from __future__ import annotations

import pytest
from langchain_core.documents import Document

from assistant.answering.passages import SentenceCache
from assistant.config import Settings
from assistant.knowledge import Knowledge, load_knowledge
from assistant.retrieval.hybrid import Hit, named_first


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(Settings())


def _doc(cid: str, text: str, title: str = "") -> Document:
    return Document(id=cid, page_content=text, metadata={"doc_id": cid, "title": title})


def test_a_compared_place_is_not_the_context_of_later_sentences(knowledge: Knowledge) -> None:
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    text = "2022年深圳超越宁波实现四进三。据观察,1333家企业卡位关键环节。宁波另有397家。"
    first, second, third = cache.get(_doc("d1", text, "深圳登顶专精特新第一城")).sentences
    assert "宁波" in first.anchors.places  # the sentence itself names it
    assert "宁波" not in second.context.places and "深圳" in second.context.places
    assert "宁波" in third.anchors.places


def test_a_batch_named_by_a_heading_holds_under_its_sub_heading(knowledge: Knowledge) -> None:
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    text = ("第四批共1039家。\n\n  二、前两批重点企业\n\n  1、地域分布\n\n"
            "  浙江省和江苏省最多,分别为 90 家和 80 家。")
    *_, last = cache.get(_doc("d2", text)).sentences
    assert last.context.ordinals == {1, 2}


def test_a_place_named_outside_the_comparison_stays_the_subject(knowledge: Knowledge) -> None:
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    text = "宁波2022年较杭州多20家。宁波累计培育397家。"
    sentences = cache.get(_doc("d2", text)).sentences
    assert {"宁波"} <= sentences[1].context.places and "杭州" not in sentences[1].context.places


def test_passages_naming_the_asked_place_come_first(knowledge: Knowledge) -> None:
    hits = [
        Hit(_doc("a", "全国共有1.46万家小巨人企业。"), 0.9),
        Hit(_doc("b", "苏州(595家)、宁波(397家)等城市位列第二梯队。"), 0.5),
        Hit(_doc("c", "产业链关键环节。", title="宁波市专精特新发展报告"), 0.4),
        Hit(_doc("d", "深圳累计培育1331家。"), 0.3),
    ]
    names_ningbo = knowledge.naming_test("How many little giants does Ningbo have?")
    assert [h.doc.id for h in named_first(hits, names_ningbo)] == ["b", "c", "a", "d"]
    assert knowledge.naming_test("How many little giants are there?") is None
    assert named_first(hits, None) == hits
    names_both = knowledge.naming_test("寧波和深圳誰多？")  # any script, every place
    assert names_both is not None
    assert names_both("宁波397家，深圳1331家") and not names_both("宁波397家")


def test_a_place_opening_an_organisations_name_is_no_anchor(knowledge: Knowledge) -> None:
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names,
                          place_spans=knowledge.places.spans)
    text = ("我市2家企业上榜,分别是华工机械有限公司和湖北同方高科泵业有限公司。"
            "深圳有104家已上市公司。Researchers at Wuhan University counted 30 firms.")
    firms, listed, english = cache.get(_doc("d3", text)).sentences
    assert "湖北" not in firms.anchors.places
    assert "深圳" in listed.anchors.places  # 上市公司 is no company's name
    assert "武汉" not in english.anchors.places
