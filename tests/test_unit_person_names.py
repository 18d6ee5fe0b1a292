"""People an English question names in pinyin, written in characters by the documents
(issue 9: "Which institute does Zhang Lei work for?" quoted another author's byline).
Names and bylines here are made up for the test."""

from __future__ import annotations

from functools import cache

from langchain_core.documents import Document

from assistant.answering.extract import extract
from assistant.answering.names import absent_subject
from assistant.answering.passages import SentenceCache
from assistant.answering.person_names import (
    named,
    naming_passages,
    with_names,
    written_in_characters,
)
from assistant.answering.question import Idf, Question
from assistant.config import Settings
from assistant.knowledge import Knowledge, load_knowledge
from assistant.knowledge.pinyin import find_readings, name_syllables, pinyin_names

BYLINE = "作者單位:劉海洋,某某大學經濟學院;周曉梅,國家某某研究院;"


@cache
def _knowledge() -> Knowledge:
    return load_knowledge(Settings())


def _known(written: str) -> bool:
    return bool(_knowledge().place_names(written))


def test_names_in_pinyin_are_read_as_syllables() -> None:
    assert name_syllables("xiaomei") == ("xiao", "mei")
    assert name_syllables("which") is None
    names = pinyin_names("Which school does Liu Haiyang teach at in Hong Kong?", _known)
    assert names == [("Liu Haiyang", ("liu", "hai", "yang"))]  # Hong Kong is a place
    assert find_readings(("zhou", "xiao", "mei"), BYLINE) == ["周曉梅"]
    # a name right after the question's capitalised first word
    assert pinyin_names("Does Zhou Xiaomei teach?", _known) == [
        ("Zhou Xiaomei", ("zhou", "xiao", "mei"))]


def _answer(question: str, texts: list[str]) -> list[str]:
    knowledge = _knowledge()
    docs = [Document(id=f"d{i}:1", page_content=t, metadata={"doc_id": f"d{i}", "title": "T"})
            for i, t in enumerate(texts)]
    idf = Idf.build([*texts, "企业"], knowledge.tokenizer)
    names = named(question, docs, _known)
    q = with_names(Question.parse(question, knowledge.glossary, knowledge.gazetteer, idf,
                                  places=knowledge.place_names), names, knowledge.tokenizer)
    cache_ = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    found = extract(q, naming_passages(names, docs, 1), knowledge.gazetteer, 0.2, cache_)
    return [c.text for c in found.quotes]


def test_the_byline_of_the_named_person_answers() -> None:
    quotes = _answer("Which institute does co-author Zhou Xiaomei work for?",
                     ["本文研究了某某大學的創新。", BYLINE])  # the byline is the 2nd passage
    assert quotes and "周曉梅" in quotes[0]


def test_a_person_no_passage_names_is_not_answered_for() -> None:
    assert _answer("Which institute does co-author Chen Jianguo work for?", [BYLINE]) == []


def test_a_one_word_name_in_pinyin_is_known_when_a_passage_writes_it() -> None:
    docs = [Document(page_content="如,靈動科技作為具身智能領域的專精特新企業,專注…")]
    assert written_in_characters("Lingdong", docs)
    assert not written_in_characters("Xiaomi", docs)  # 小米: no passage writes it
    assert not written_in_characters("Unitree", docs)  # no pinyin


def test_a_firm_asked_about_by_name_must_be_written_by_a_passage() -> None:
    passages = [Document(page_content="宇树科技作为国家级专精特新“小巨人”企业，专注于机器人研发。")]
    assert absent_subject("朝阳宏达机械有限公司是国家级专精特新小巨人企业吗？", passages) == (
        "朝阳宏达机械有限公司",)
    assert absent_subject("大疆創新是不是小巨人企業？", passages) == ("大疆創新",)
    assert absent_subject("宇樹科技有限公司是國家級專精特新「小巨人」企業嗎？", passages) == ()
    assert absent_subject("这家企业是小巨人企业吗？", passages) == ()  # points, names none
    assert absent_subject("宇树科技主要做什么产品？", passages) == ()  # asks no membership
