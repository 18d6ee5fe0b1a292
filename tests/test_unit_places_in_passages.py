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


def test_a_run_of_years_listed_one_by_one_names_each_year(knowledge: Knowledge) -> None:
    from assistant.answering.anchors import years_of

    listed = "2022年至2025年,我市新增专精特新中小企业分别为39家、55家、84家、98家。"
    assert years_of(listed) == {2022, 2023, 2024, 2025}
    assert years_of("明确2021至2025年,中央财政累计安排100亿元以上奖补资金。") == {2021, 2025}
    assert years_of("1990年至2025年分别增长") == {1990, 2025}  # too long a run to list
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    first, later = cache.get(_doc("d11", listed + "其中,小巨人企业20家。")).sentences
    assert 2023 in first.anchors.years and 2023 not in later.context.years


def test_the_start_of_a_period_up_to_now_dates_no_later_figure(knowledge: Knowledge) -> None:
    from assistant.answering.anchors import since_years

    assert since_years("自2019年以來,工信部已先后公布5批") == {2019}
    assert since_years("Since 2019, MIIT has named five batches.") == {2019}
    assert not since_years("2019年公布第一批")
    lead = "自2019年以來,工信部已先后公布5批“小巨人”企業。第五批企業共3671家。"
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names, leads={"d10": lead})
    text = lead + "江蘇前四批入圍企業共710家。"
    first, second, third = cache.get(_doc("d10", text)).sentences
    assert first.anchors.years == {2019}  # the sentence itself names it
    assert not (second.context.years | second.fallback_years)
    assert not (third.context.years | third.fallback_years)


def test_a_place_the_title_or_lead_compares_with_frames_no_sentence(knowledge: Knowledge) -> None:
    lead = "深圳以347家位居首位,使得深圳总量达到1333家,超越北京(1210家)和上海(1032家)。"
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names, leads={"d9": lead})
    text = lead + "据观察,1333家企业卡位关键环节。"
    *_, later = cache.get(_doc("d9", text, "超越宁波 深圳登顶第一城")).sentences
    assert "深圳" in later.frame
    assert not {"北京", "上海", "宁波"} & later.frame


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


def test_a_datelines_place_is_where_the_report_was_filed(knowledge: Knowledge) -> None:
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    text = ("新華社合肥11月26日電(記者王菲)全省培育專精特新企業2618戶。\n"
            "安徽省經濟和信息化廳介紹,74%是高新技術企業。")
    first, second = cache.get(_doc("d3", text, "安徽培養小巨人86家")).sentences
    assert "合肥" not in first.anchors.places | first.context.places
    assert "合肥" not in second.context.places
    english = cache.get(_doc("d4", "BEIJING, Nov. 23 (Xinhua) -- China has 4,762 firms."))
    assert not english.sentences[0].anchors.places
    capitals = cache.get(_doc("d8", "CHONGQING -- China has incubated 17,600 firms."))
    assert not capitals.sentences[0].anchors.places
    # a place opening a sentence that is no dateline stays its subject
    own = cache.get(_doc("d5", "合肥11月共认定专精特新企业30家。")).sentences[0]
    assert "合肥" in own.anchors.places


def test_a_place_inside_a_persons_name_is_no_place(knowledge: Knowledge) -> None:
    from assistant.answering.names import without_people

    def places(text: str) -> frozenset[str]:
        return knowledge.place_names(without_people(text, knowledge.tokenizer,
                                                    knowledge.place_names))

    assert "金华" not in places("北京那篇研究引用了李金华2021年发表的论文，题目是什么？")
    assert "长春" not in places("刘长春是哪家公司的董事长？")
    assert "金华" in places("浙江金华有多少家小巨人？")  # the city itself
    assert "金华" in places("金华市和温州谁多？")


def test_this_year_is_the_year_of_the_documents_date(knowledge: Knowledge) -> None:
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    text = "This year, we will support over 1000 key firms. 去年新增300家。明年再选一批城市。"
    doc = Document(id="d6", page_content=text, metadata={"doc_id": "d6", "date": "2024-10-15"})
    this, last, following = cache.get(doc).sentences
    assert this.anchors.years == {2024}
    assert last.anchors.years == {2023} and following.anchors.years == {2025}
    undated = cache.get(_doc("d7", "今年新增300家。")).sentences[0]
    assert not undated.anchors.years  # no date, no year
    # a rule's 上年度 is the year before an application, not before the document
    rule = Document(id="d8", page_content="(二)上年度研发费用总额不低于100万元。",
                    metadata={"doc_id": "d8", "date": "2024-01-05"})
    assert not cache.get(rule).sentences[0].anchors.years


def test_a_date_written_without_a_year_is_in_the_reports_year(knowledge: Knowledge) -> None:
    """News writes "7月14日" for a date of the report's own year; a month after the
    report's is the year before; the next sentence goes on in that year."""
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    text = ("7月14日,四川省经信厅公示第五批名单。其中成都企业86家。"
            "截至11月末,贷款余额251亿元。On March 15, the list was published. 全省共有109家。")
    doc = Document(id="d9", page_content=text, metadata={"doc_id": "d9", "date": "2023-07-14"})
    day, then, later, march, _ = cache.get(doc).sentences
    assert day.anchors.years == {2023} and 2023 in then.context.years
    assert later.anchors.years == {2022}  # November, in a report of July 2023
    assert march.anchors.years == {2023}
    undated = Document(id="d10", page_content="7月14日,四川省经信厅公示名单。",
                       metadata={"doc_id": "d10"})
    assert not cache.get(undated).sentences[0].anchors.years  # no date, no year
    own = Document(id="d11", page_content="2021年7月,第三批名单公示。",
                   metadata={"doc_id": "d11", "date": "2023-07-14"})
    assert cache.get(own).sentences[0].anchors.years == {2021}  # its own year stands


def test_a_documents_own_city_is_no_province_nor_its_province_a_city(
        knowledge: Knowledge) -> None:
    from assistant.answering.enclosing import other_level

    places = knowledge.places
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names,
                          place_spans=places.spans, enclosing=places.ancestors,
                          division=places.division)
    city = "截至目前,全市成功培育省级及以上专精特新中小企业329家。"
    assert other_level(frozenset({"湖北"}), city, cache)  # a city's figure, not Hubei's
    assert other_level(frozenset({"Hubei"}), "我市2家企业上榜。", cache)
    assert not other_level(frozenset({"北京"}), city, cache)  # a municipality is a 市
    assert not other_level(frozenset({"鄂州"}), city, cache)
    assert not other_level(frozenset({"湖北"}), "全市场共有300家上市公司。", cache)  # a market
    province = "全省培育专精特新企业2618户。"
    assert other_level(frozenset({"合肥"}), province, cache)
    assert not other_level(frozenset({"安徽"}), province, cache)
    # a province sharing its short name with a prefecture (海南藏族自治州) is the province
    assert not other_level(frozenset({"海南"}), "我省已有13家企业获评。", cache)
    assert other_level(frozenset({"海南"}), "我市已有3家企业获评。", cache)


def test_a_place_inside_a_persons_name_in_a_passage_is_no_place(knowledge: Knowledge) -> None:
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    text = "擬獎勵蘇生生物100萬元。(記者邵長春)\n長春有30家企業。"
    credit, city = cache.get(_doc("d9", text)).sentences[1:]
    assert "长春" not in credit.anchors.places  # a reporter's name
    assert "长春" in city.anchors.places
