"""Questions that ask for so many items, and lists that run across sentences (issue 9)."""

from __future__ import annotations

import pytest
from langchain_core.documents import Document

from assistant.answering.enumeration import asked_items, asks_chars, enumerates, is_item
from assistant.answering.passages import SentenceCache
from assistant.answering.selection import Candidate, with_items
from assistant.config import Settings
from assistant.knowledge import load_knowledge


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("“三维跃迁”包括哪三个方面？", 3),
        ("培育體系被分成哪三個階段？", 3),
        ("Which two kinds of capital should be created?", 2),
        ("新变化被概括成哪四个字？", 4),
        ("深圳有多少家小巨人企业？", 0),
        ("Which city leads?", 0),
    ],
)
def test_asked_items(text: str, n: int) -> None:
    assert asked_items(text) == n


def test_a_sentence_enumerating_as_many_items_as_asked() -> None:
    assert enumerates("实现技术代际跨越、价值链重构与生态位重塑的三维跃迁。", 3)
    assert enumerates("设立“大胆资本”和“耐心资本”。", 2)
    assert not enumerates("设立“大胆资本”和“耐心资本”。", 3)
    assert asks_chars("概括成哪四个字？") and not asks_chars("哪四个方面？")
    assert enumerates("逐渐呈现“南快北缓”的新态势。", 4, chars=True)
    assert not enumerates("逐渐呈现“南快”的新态势。", 4, chars=True)


def test_list_items_open_like_items() -> None:
    assert is_item("完善期:随着政策深入推进") and is_item("二是聚焦产业发展。")
    assert is_item("(3) Publish a directory.") and not is_item("这是一个普通的句子。")
    # a bare digit before the words: a marker that lost its stop, not a count or a date
    assert is_item("2近兩年研發費用總額均值在1000萬元以上。")
    assert not is_item("3家企业入选。") and not is_item("12月3日发布。")


def _cache() -> SentenceCache:
    knowledge = load_knowledge(Settings())
    return SentenceCache(knowledge.tokenizer, knowledge.place_names)


def _best(doc: Document, start: int, end: int) -> Candidate:
    """The sentence ``doc.page_content[start:end]`` chosen to answer a list question."""
    return Candidate(doc, rank=1, start=start, end=end, score=1.0, coverage=1.0)


def _doc(cid: str, seq: int, text: str) -> Document:
    return Document(id=cid, page_content=text, metadata={"doc_id": "d", "seq": seq})


def test_a_list_announced_at_a_passage_end_continues_into_the_next_passage() -> None:
    cache = _cache()
    first = _doc("a", 0, "开头一句。培育体系的三个阶段:\n探索期:概念首次提出;")
    second = _doc("b", 1, "完善期:政策深入推进;\n稳定期:结构调整后。\n此后数量保持稳定。")
    best_start = first.page_content.index("培育")
    best = _best(first, best_start, len(first.page_content))
    chosen = with_items([best], cache, {"a": second}, max_quotes=5)
    assert [c.text for c in chosen[1:]] == ["完善期:政策深入推进;", "稳定期:结构调整后。"]
    assert with_items([best], cache, {}, max_quotes=5) == [best]  # no next passage


def test_items_with_elaboration_between_them_up_to_a_heading() -> None:
    cache = _cache()
    text = ("支持企业做大做强。一是引导企业上市。在上市层面，提供咨询。二是聚焦高精尖产业。"
            "\n\n#### 3.3 另一节\n\n一是别的事项。")
    first = _doc("a", 0, text)
    # the next passage overlaps: it repeats the last sentence before going on
    second = _doc("b", 1, "二是聚焦高精尖产业。三是健全发现机制。")
    best = _best(first, 0, text.index("一是"))
    got = [c.text for c in with_items([best], cache, {"a": second}, max_quotes=5)[1:]]
    assert got == ["一是引导企业上市。", "二是聚焦高精尖产业。"]  # the heading ends the list
    plain = _doc("c", 0, "支持企业做大做强。这是一个普通句子。一是引导企业上市。")
    best = _best(plain, 0, 9)
    assert with_items([best], cache, {}, max_quotes=5) == [best]  # no item right after


def test_an_overlapping_next_passage_repeats_no_item() -> None:
    cache = _cache()
    first = _doc("a", 0, "支持企业做大做强。一是引导企业上市。二是聚焦高精尖产业。")
    second = _doc("b", 1, "二是聚焦高精尖产业。三是健全发现机制。")
    best = _best(first, 0, 9)
    got = [c.text for c in with_items([best], cache, {"a": second}, max_quotes=5)[1:]]
    assert got == ["一是引导企业上市。", "二是聚焦高精尖产业。", "三是健全发现机制。"]


def test_a_numbered_point_brings_its_own_points_after_an_introduction() -> None:
    cache = _cache()
    text = ("2.大中小企業融通不暢,發展空間受限。當前產業生態層級固化。"
            "一是協同多停留在供應鏈層面。二是技術標準存在沖突。\n\n3.創新生態培育滯后。")
    doc = _doc("a", 0, text)
    best = _best(doc, 0, text.index("當前"))
    got = [c.text for c in with_items([best], cache, {}, max_quotes=5)[1:]]
    assert got == ["一是協同多停留在供應鏈層面。", "二是技術標準存在沖突。", "3.創新生態培育滯后。"]
    # a plain statement is no point: its introduction-then-items are not its items
    plain = _doc("b", 0, "大中小企業融通不暢。當前產業生態層級固化。一是協同停留在供應鏈層面。")
    best = _best(plain, 0, 10)
    assert with_items([best], cache, {}, max_quotes=5) == [best]


def test_a_question_for_one_item_of_a_list_prefers_the_sentence_opening_it() -> None:
    from assistant.answering.enumeration import opens_item, ordinal_item

    assert ordinal_item("工信部支持独角兽企业的第一条措施是什么？") == (1, "第一条")
    assert ordinal_item("What is the second measure for unicorns?")[0] == 2
    assert ordinal_item("第七批名单中深圳有多少家？") == (0, "")  # a batch, not an item
    assert opens_item("One is to establish a unified cultivation system.", 1)
    assert opens_item("二是壮大耐心资本，引导国有资本投资早期科创企业。", 2)
    assert not opens_item("二是壮大耐心资本。", 1)
    assert not opens_item("Next, the Ministry will take the following measures.", 1)


def test_the_ordinal_is_no_word_of_the_asked_measure() -> None:
    from assistant.answering.question import Idf, Question

    knowledge = load_knowledge(Settings())
    idf = Idf.build(["措施 独角兽企业", "工信部"], knowledge.tokenizer)
    q = Question.parse("工信部支持独角兽企业的第一条措施是什么？", knowledge.glossary,
                       knowledge.gazetteer, idf)
    assert q.ordinal == 1
    assert q.metric and all(not c.covered(frozenset({"第一条"})) for c in q.metric)
