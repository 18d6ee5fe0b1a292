"""A figure sentence read with its context; who/which questions; definitions (issue 9)."""

from __future__ import annotations

import pytest

from assistant.answering.extract import has_answer_figure
from assistant.answering.question import Idf, Question
from assistant.answering.statements import DEFINES
from assistant.config import Settings
from assistant.knowledge import Knowledge, load_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(Settings())


def parse(text: str, knowledge: Knowledge) -> Question:
    idf = Idf.build(["深圳市企业数量", "北京小巨人企业"], knowledge.tokenizer)
    return Question.parse(text, knowledge.glossary, knowledge.gazetteer, idf)


def test_a_figure_in_a_sentence_naming_no_place_counts(knowledge: Knowledge) -> None:
    q = parse("南京有多少家省级专精特新中小企业？", knowledge)
    # under a Nanjing heading the sentence need not repeat the city (anchors check context)
    assert has_answer_figure(q, "累计培育省级专精特新中小企业1424家。", knowledge.gazetteer)
    # a clause about another city still does not answer for Nanjing
    assert not has_answer_figure(q, "苏州累计培育1500家。", knowledge.gazetteer)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("2019年至2022年北京与深圳的小巨人总量和增量谁领先？", False),
        ("Which city leads in the number of little giants?", False),
        ("Which city has how many little giants?", True),  # explicit how-many
        ("北京的小巨人总量是多少？", True),
    ],
)
def test_who_or_which_questions_pick_rather_than_count(
    text: str, number: bool, knowledge: Knowledge
) -> None:
    assert parse(text, knowledge).wants_number is number


def test_a_definition_with_words_between_de_and_enterprise() -> None:
    assert DEFINES.search("“小巨人”企业, 是“专精特新”中小企业梯队中的排头兵企业")


def test_a_figure_of_another_metric_is_no_answer(knowledge: Knowledge) -> None:
    from assistant.answering.metric_terms import metric_share

    q = parse("北京的小巨人企业数量是多少？", knowledge)
    tokenize = knowledge.tokenizer.tokenize
    cases = (("北京小巨人企业数量1214家", 1.0), ("北京市创新型中小企业1.7万家", 0.0))
    for sentence, share in cases:
        words = frozenset(tokenize(sentence, bigrams=False))
        assert round(metric_share(q, words, sentence), 2) == share


def test_an_exchange_in_the_clause_does_not_hide_a_figure_for_a_city(
    knowledge: Knowledge,
) -> None:
    q = parse("深圳上市小巨人里有多少家在科创板？", knowledge)
    # the exchange names where the firms list, not whose firms they are
    assert has_answer_figure(q, "上交所科创板35家，深交所主板12家。", knowledge.gazetteer)
    assert not has_answer_figure(q, "北京上交所科创板35家。", knowledge.gazetteer)


def test_a_measure_no_document_names_is_not_answered_by_its_neighbours(
    knowledge: Knowledge,
) -> None:
    from assistant.answering.metric_terms import metric_share

    texts = ["小巨人企业研发费用比例", "小巨人企业研发", "小巨人费用比例", "北京小巨人企业"]
    idf = Idf.build(texts, knowledge.tokenizer)
    q = Question.parse("北京小巨人企业研发费用加计扣除比例是多少？", knowledge.glossary,
                       knowledge.gazetteer, idf)
    sentence = "北京小巨人企业研发费用比例为5%"
    words = frozenset(knowledge.tokenizer.tokenize(sentence, bigrams=False))
    assert metric_share(q, words, sentence) < 0.5  # 加计扣除 is the measure; no document says it


def test_the_clauses_after_the_asked_place_speak_for_it_until_another_is_named(
    knowledge: Knowledge,
) -> None:
    q = parse("北京的航空航天小巨人企业有多少家？", knowledge)
    sentence = "反观北京，科研院所密集，以航空航天为例，截至2025年上述领域的企业83家。"
    assert has_answer_figure(q, sentence, knowledge.gazetteer)
    # once another city is named, its clauses speak for it, not for Beijing
    assert not has_answer_figure(q, "反观北京，科研院所密集，深圳则不同，上述领域企业83家。",
                                 knowledge.gazetteer)


def test_our_province_speaks_for_the_passage_and_a_firm_name_is_no_place(
    knowledge: Knowledge,
) -> None:
    """Written from the failure class with sentences of no corpus: "我省…13家" under a
    Hainan passage, a Hainan firm named in the next clause."""
    q = parse("海南有多少家小巨人企业？", knowledge)
    sentence = "截至目前，我省已有13家企业获评小巨人，其中海南某某科技股份有限公司还获评单项冠军。"
    assert has_answer_figure(q, sentence, knowledge.gazetteer)
    # the firm's name does not make the clause before it another place's
    q = parse("广东有多少家小巨人企业？", knowledge)
    assert has_answer_figure(q, "全省共有86家小巨人，其中广州某某科技有限公司入选最早。",
                             knowledge.gazetteer)
    # a clause about another place still speaks for that place, not the asked one
    assert not has_answer_figure(q, "我省企业表现突出，福建共有86家小巨人。", knowledge.gazetteer)


def test_a_sum_of_money_is_asked_not_a_count(knowledge: Knowledge) -> None:
    q = parse("How much did little giants invest in research on average?", knowledge)
    assert not has_answer_figure(q, "小巨人企业平均申请专利152件。", knowledge.gazetteer)
    assert has_answer_figure(q, "小巨人企业平均研发投入3200万元。", knowledge.gazetteer)
    # how many firms got funding: a count answers
    q = parse("How many little giants received funding?", knowledge)
    assert has_answer_figure(q, "共有1200家小巨人企业获得资金支持。", knowledge.gazetteer)


def test_a_term_with_quotes_inside_is_the_term(knowledge: Knowledge) -> None:
    """“专精特新”中小企业 names 专精特新中小企业 (the quotes emphasise part of it)."""
    from langchain_core.documents import Document

    from assistant.answering.extract import _expressed
    from assistant.answering.passages import SentenceCache
    from assistant.answering.selection import Candidate

    q = parse("How many working days does the bank need to lend to SRDI SMEs?", knowledge)
    text = "该行为“专精特新”中小企业提供专属信贷产品，原则上10个工作日内完成贷款投放。"
    doc = Document(page_content=text, id="d:1", metadata={"doc_id": "d", "title": "T"})
    cand = Candidate(doc, 1, 0, len(text), 1.0, 0.5)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    sme = next(c for c in q.concepts if c.covered(frozenset({"sme", "srdi"})))
    assert _expressed(sme, cand, cache)


def test_an_english_word_translated_by_the_dictionary_only_is_no_key_in_chinese(
    knowledge: Knowledge,
) -> None:
    """"clients" (客户) is not proven absent from a Chinese passage saying 户数 (a word the
    glossary does not list: the dictionary's reading alone links the languages)."""
    from langchain_core.documents import Document

    from assistant.answering.extract import _unprovable
    from assistant.answering.selection import Candidate
    from assistant.knowledge.dictionary import Bridge

    bridge = Bridge({"client": ("客户",)}, {"客户": ("client",)})  # the dictionary's reading
    idf = Idf.build(["客户 企业", "credit"], knowledge.tokenizer)
    q = Question.parse("For how many clients is the credit planned?",
                       knowledge.glossary, knowledge.gazetteer, idf, bridge)
    clients = next(c for c in q.concepts if c.covered(frozenset({"client"})))
    zh = Document(page_content="信贷支持户数不低于400户。", id="d:1", metadata={"doc_id": "d"})
    en = Document(page_content="Credit for no fewer than 400 firms.", id="e:1",
                  metadata={"doc_id": "e"})
    assert clients.bridged and _unprovable(q, clients, Candidate(zh, 1, 0, 10, 1.0, 0.5))
    assert not _unprovable(q, clients, Candidate(en, 1, 0, 10, 1.0, 0.5))
    # and the other way round: a Chinese question's word in an English passage
    q = Question.parse("客户有多少家？", knowledge.glossary, knowledge.gazetteer, idf, bridge)
    clients = next(c for c in q.concepts if c.covered(frozenset({"客户"})))
    assert _unprovable(q, clients, Candidate(en, 1, 0, 10, 1.0, 0.5))
    assert not _unprovable(q, clients, Candidate(zh, 1, 0, 10, 1.0, 0.5))
