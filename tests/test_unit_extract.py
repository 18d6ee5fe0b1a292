"""Sentence selection and citation helpers of extractive answering (pure functions)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from langchain_core.documents import Document

from assistant.answering.extract import Candidate, candidates, cite, select
from assistant.answering.passages import SentenceCache
from assistant.answering.passages import sentence_spans as _spans
from assistant.answering.passages import trim_references as _trim_references
from assistant.answering.question import Idf, Question, coverage
from assistant.config import Settings
from assistant.knowledge import Knowledge, load_knowledge


def doc(cid: str, text: str) -> Document:
    meta = {"doc_id": cid.split(":")[0], "title": f"T {cid}", "path": f"{cid}.txt",
            "start": 100, "end": 100 + len(text)}
    return Document(id=cid, page_content=text, metadata=meta)


def cand(d: Document, start: int, end: int, score: float) -> Candidate:
    return Candidate(d, rank=1, start=start, end=end, score=score, coverage=score)


def quoted(chosen: list[Candidate]) -> list[str]:
    return [c.text for c in chosen]


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    """The shared, read-only knowledge (loaded once for the module)."""
    return load_knowledge(Settings())


def place_cache(knowledge: Knowledge) -> SentenceCache:
    """A sentence cache reading places with the division table (districts, enclosing
    places), as the service builds it."""
    return SentenceCache(knowledge.tokenizer, knowledge.place_names,
                         place_spans=knowledge.places.spans,
                         enclosing=knowledge.places.ancestors,
                         division=knowledge.places.division)


def quotes_for(
    knowledge: Knowledge, question: str, texts: Sequence[str], idf: Idf, cache: SentenceCache,
    *, places: bool = True,
) -> list[str]:
    """The sentences ``extract`` quotes for ``question`` from one passage per text
    (``places``: the question's places read with the open-world place table too)."""
    from assistant.answering.extract import extract

    q = Question.parse(question, knowledge.glossary, knowledge.gazetteer, idf,
                       places=knowledge.place_names if places else None)
    passages = [doc(f"d{i}:1", t) for i, t in enumerate(texts)]
    return [c.text for c in extract(q, passages, knowledge.gazetteer, 0.2, cache).quotes]


def test_trailing_reference_markers_are_dropped() -> None:
    text = "深圳有104家已上市。[5][6]"
    assert text[slice(*_trim_references(text, 0, len(text)))] == "深圳有104家已上市。"
    text = "Shenzhen has 104 listed firms. [3-5]"
    assert text[slice(*_trim_references(text, 0, len(text)))] == "Shenzhen has 104 listed firms."


def test_text_without_markers_or_made_only_of_markers_is_kept() -> None:
    assert _trim_references("No markers here.", 0, 16) == (0, 16)
    assert _trim_references("[1][2]", 0, 6) == (0, 6)  # nothing would be left


def test_spans_cover_sentences_and_join_a_heading_to_its_line() -> None:
    text = "Funding rules\nEach firm gets 500,000 yuan. Reports are due in March."
    got = [text[s:e] for s, e in _spans(text)]
    assert got == ["Funding rules\nEach firm gets 500,000 yuan.", "Reports are due in March."]


def test_select_takes_the_best_and_a_close_distinct_runner_up() -> None:
    d = doc("a:1", "First fact. Second fact. Third fact.")
    best, close, far = cand(d, 0, 11, 1.0), cand(d, 12, 24, 0.9), cand(d, 25, 36, 0.5)
    assert quoted(select([best, close, far])) == ["First fact.", "Second fact."]
    assert quoted(select([best, far])) == ["First fact."]  # below ratio * best
    assert quoted(select([best, close], max_quotes=1)) == ["First fact."]
    assert select([]) == []


def test_select_skips_a_quote_contained_in_one_already_chosen() -> None:
    d = doc("a:1", "First fact. Second fact.")
    whole, part, other = cand(d, 0, 24, 1.0), cand(d, 12, 24, 0.95), cand(d, 0, 11, 0.9)
    assert quoted(select([whole, part, other])) == ["First fact. Second fact."]


def test_cite_numbers_passages_by_first_appearance() -> None:
    a, b = doc("a:1", "Alpha one. Alpha two."), doc("b:7", "Beta.")
    chosen = [cand(b, 0, 5, 1.0), cand(a, 0, 10, 0.9), cand(b, 0, 5, 0.8)]
    citations, marks = cite(chosen)
    assert [c.n for c in citations] == [1, 2] and marks == [1, 2, 1]
    assert [c.chunk_id for c in citations] == ["b:7", "a:1"]
    assert citations[0].text == "Beta." and citations[0].doc_id == "b"
    assert [q.text for q in citations[0].quotes] == ["Beta.", "Beta."]
    assert (citations[1].start, citations[1].end) == (100, 100 + len("Alpha one. Alpha two."))


def test_a_clause_after_a_semicolon_shares_the_subject_before_it(knowledge: Knowledge) -> None:
    text = "北京市累计培育小巨人企业1214家, 排名全国第二; 深圳市累计培育1331家, 数量第一。"
    idf = Idf.build([text, "企业", "深圳"], knowledge.tokenizer)
    q = Question.parse("深圳有多少家小巨人企业？", knowledge.glossary, knowledge.gazetteer, idf)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    got = {c.text: c for c in candidates(q, [doc("a:1", text)], knowledge.gazetteer, cache)}
    second = got["深圳市累计培育1331家, 数量第一。"]
    own = knowledge.tokenizer.tokenize("深圳市累计培育1331家, 数量第一。", bigrams=False)
    assert second.coverage > coverage(q, set(own))  # 小巨人企业 carries over the semicolon
    assert second.coverage == second.context


def test_an_attribute_question_is_not_answered_with_another_measure(knowledge: Knowledge) -> None:
    from assistant.answering.extract import extract

    texts = ["北京市累计培育小巨人企业1214家。", "小巨人企业营业收入增长。", "深圳小巨人企业"]
    idf = Idf.build(texts, knowledge.tokenizer)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    passages = [doc("a:1", texts[0])]

    def ask(text: str) -> bool:
        q = Question.parse(text, knowledge.glossary, knowledge.gazetteer, idf)
        return extract(q, passages, knowledge.gazetteer, 0.2, cache).found

    assert not ask("What is the combined annual revenue of Beijing's little giants?")
    assert ask("北京市累计培育了多少家小巨人企业？")


def test_a_which_districts_question_prefers_the_sentence_naming_districts(
    knowledge: Knowledge,
) -> None:
    text = ("深圳电子信息产业集群发展迅速，电子企业众多。"
            "深圳依托宝安、龙华电子装备集群实现集聚。")
    idf = Idf.build([text, "企业", "北京"], knowledge.tokenizer)
    q = Question.parse("深圳的电子装备集群分布在哪些区？", knowledge.glossary,
                       knowledge.gazetteer, idf, places=knowledge.place_names)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    best = candidates(q, [doc("a:1", text)], knowledge.gazetteer, cache)[0]
    assert "宝安" in best.text


def test_a_sentence_with_the_term_the_question_quotes_is_preferred(knowledge: Knowledge) -> None:
    # the quoted term in Traditional script still matches (folded)
    text = "企業創新實現從跟隨到引領的躍遷。實現三維躍遷。"
    idf = Idf.build([text, "企业", "北京", "三维"], knowledge.tokenizer)
    q = Question.parse("企业创新的“三维跃迁”是什么？", knowledge.glossary,
                       knowledge.gazetteer, idf)
    assert q.quoted == ("三维跃迁",)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    best = candidates(q, [doc("a:1", text)], knowledge.gazetteer, cache)[0]
    assert "三維躍遷" in best.text


def test_a_question_about_the_whole_country_gets_no_citys_figure(knowledge: Knowledge) -> None:
    city = "北京市累计培育小巨人企业1214家, 排名全国第二。"
    section = "## 北京市的上市企业\n\n上交所科创板35家，北交所30家。"
    nation = "截至2024年底，我国累计培育小巨人企业1.46万家。"
    idf = Idf.build([city, section, nation, "企业"], knowledge.tokenizer)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)

    def quoted(question: str, texts: list[str]) -> list[str]:
        return quotes_for(knowledge, question, texts, idf, cache)

    for question in ("全国有多少家小巨人企业？", "How many little giants are there in China?"):
        assert quoted(question, [city, section]) == []  # a city's figures, not the nation's
        assert quoted(question, [city, section, nation])[0] == nation
    assert quoted("北京有多少家小巨人企业？", [city, nation])[0] == city


def test_a_byline_answers_who_wrote_it_and_nothing_else(knowledge: Knowledge) -> None:
    text = "## 北京与深圳小巨人企业对比研究\n\n任媛 钱思昭\n\n研究发现北京小巨人企业增长放缓。"
    idf = Idf.build([text, "企业", "深圳"], knowledge.tokenizer)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)

    def quoted(question: str) -> str:
        return " ".join(quotes_for(knowledge, question, [text], idf, cache, places=False))

    assert "任媛" in quoted("北京与深圳小巨人企业对比研究的作者是谁？")
    assert "任媛" not in quoted("北京与深圳小巨人企业对比研究发现了什么？")
    assert "任媛" not in quoted("对比研究的作者任媛发现了什么？")  # names the author, asks more


def test_a_question_for_the_nth_item_is_answered_by_the_sentence_opening_it(
    knowledge: Knowledge,
) -> None:
    from assistant.answering.extract import extract

    text = ("工信部将采取以下措施支持独角兽企业。一是建立独角兽企业培育体系。"
            "二是支持独角兽企业技术创新。")
    idf = Idf.build([text, "企业"], knowledge.tokenizer)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)

    def ask(question: str) -> list[str]:
        q = Question.parse(question, knowledge.glossary, knowledge.gazetteer, idf)
        return quoted(extract(q, [doc("a:1", text)], knowledge.gazetteer, 0.2, cache).quotes)

    assert ask("工信部支持独角兽企业的第二项措施是什么？")[0].startswith("二是")
    assert ask("工信部支持独角兽企业的第三项措施是什么？") == []  # the list has two


def test_a_figure_of_a_narrower_metric_does_not_answer_the_plain_count(
    knowledge: Knowledge,
) -> None:
    from assistant.text.normalize import fold

    listed = "从整体数量上看，北京的“小巨人”企业有110家已上市。"
    total = "北京市累计培育“小巨人”企业1214家。"
    idf = Idf.build([listed, total, "企业", "深圳"], knowledge.tokenizer)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names,
                          metric=lambda text: knowledge.metrics.label(fold(text)))

    def first(question: str) -> str:
        return quotes_for(knowledge, question, [listed, total], idf, cache)[0]

    assert first("北京有多少家小巨人企业？") == total
    assert first("北京有多少家小巨人企业已上市？") == listed


def test_a_document_the_question_names_by_its_title_ranks_first(knowledge: Knowledge) -> None:
    texts = ["专精特新企业面临人才短缺。", "中小企业面临人才短缺。"]
    idf = Idf.build(texts, knowledge.tokenizer)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    q = Question.parse("颠覆式创新那篇文章说企业面临什么短缺？", knowledge.glossary,
                       knowledge.gazetteer, idf)
    other = Document(id="a:1", page_content=texts[0], metadata={"doc_id": "a", "title": "北京报告"})
    named = Document(id="b:1", page_content=texts[1],
                     metadata={"doc_id": "b", "title": "中小企业颠覆式创新的困境"})
    best = candidates(q, [other, named], knowledge.gazetteer, cache)[0]
    assert best.doc.id == "b:1"  # ranked second, but the title is the one the question names


def test_a_lists_opening_quoted_with_its_first_item_brings_the_other_items(
    knowledge: Knowledge,
) -> None:
    # "1近三年…": an item marker whose stop the extraction lost; the first item runs on
    # into the next sentence ("或…")
    text = ("(四)評價得分達到60分以上或滿足下列條件之一:\n\n"
            "1近三年獲得過省級科技獎勵,并在獲獎單位中排名前三;或獲得國家級科技獎勵。\n\n"
            "2近兩年研發費用總額均值在1000萬元以上。\n\n"
            "3近兩年新增股權融資總額6000萬元以上。")
    idf = Idf.build([text, "企业", "条件"], knowledge.tokenizer)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    got = " ".join(quotes_for(knowledge, "評價得分未達60分時，企業可以滿足哪些條件？", [text],
                              idf, cache, places=False))
    assert "1000萬元" in got and "6000萬元" in got and "國家級科技獎勵" in got


def test_sentence_meaning_encodes_each_sentence_once() -> None:
    # plumbing, not meaning: a counting stand-in for the encoder
    from assistant.answering.meaning import SentenceMeaning

    seen: list[str] = []

    def encode(texts: list[str]) -> list[list[float]]:
        seen.extend(texts)
        return [[1.0, float(len(t))] for t in texts]

    meaning = SentenceMeaning(encode, weight=0.5, top=15)
    first = meaning.similarities("q", ["a", "bb"])
    again = meaning.similarities("q", ["bb", "a"])
    assert again == first[::-1] and seen.count("a") == 1 and seen.count("bb") == 1


def test_a_figure_question_naming_three_years_gets_a_sentence_for_each(
    knowledge: Knowledge,
) -> None:
    text = ("具体来看，2023年深圳增量300家，超北京93家；2024年深圳增量283家，总量距北京仅相差10家；"
            "2025年深圳增量306家，实现总量反超。")
    idf = Idf.build([text, "企业", "北京"], knowledge.tokenizer)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    got = " ".join(quotes_for(knowledge, "深圳2023年、2024年和2025年分别新增多少家小巨人？", [text],
                              idf, cache))
    assert all(f in got for f in ("300家", "283家", "306家"))
    one = " ".join(quotes_for(knowledge, "深圳2024年新增多少家小巨人？", [text], idf, cache))
    assert "283家" in one and "300家" not in one


def test_the_district_a_report_goes_on_about_is_its_subject_not_the_city_it_ranks_in(
    knowledge: Knowledge,
) -> None:
    text = ("Twenty-four companies in Shanghai's Songjiang district made the third batch. So "
            "far, the district has 39 little giants, ranking No. 2 in Shanghai.")
    idf = Idf.build([text, "企业", "Shanghai has 1032 little giants."], knowledge.tokenizer)
    cache = place_cache(knowledge)
    got = quotes_for(knowledge, "上海松江区累计有多少家小巨人？", [text], idf, cache)
    assert got and "39" in got[0]
    other = "So far, Shanghai has 1032 little giants, ranking No. 3 in China."
    assert quotes_for(knowledge, "上海松江区累计有多少家小巨人？", [other], idf, cache) == []


def test_an_undated_sentence_holds_as_of_its_documents_date(knowledge: Knowledge) -> None:
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    text = "Chongqing's little giants achieved a total output value of 15.268 billion yuan."
    dated = Document(id="c1", page_content=text,
                     metadata={"doc_id": "c1", "title": "Little giants", "date": "2022-06-22"})
    assert cache.get(dated).sentences[0].fallback_years == {2022}
    undated = Document(id="c2", page_content=text, metadata={"doc_id": "c2", "title": "T"})
    assert not cache.get(undated).sentences[0].fallback_years


def test_a_day_of_a_month_answers_when_something_happened(knowledge: Knowledge) -> None:
    text = "8月9日上午,创客中国大赛在市民中心正式拉开帷幕。大赛设立行业赛和命题赛。"
    idf = Idf.build([text, "企业", "大赛"], knowledge.tokenizer)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    got = quotes_for(knowledge, "创客中国大赛是什么时候启动的？", [text], idf, cache)
    assert got and got[0].startswith("8月9日")
    later = "创客中国大赛在市民中心正式拉开帷幕。"
    assert quotes_for(knowledge, "创客中国大赛是什么时候启动的？", [later], idf, cache) == []


def test_which_district_is_answered_by_a_sentence_naming_a_district(knowledge: Knowledge) -> None:
    cities = "深圳小巨人企业总量达到1333家,超越北京(1210家)和上海(1032家),登顶全国第一。"
    district = "浦东新区小巨人企业数量排名上海第一,共有120家。"
    idf = Idf.build([cities, district, "企业"], knowledge.tokenizer)
    cache = place_cache(knowledge)
    question = "上海哪个区的小巨人企业数量排名第一？"
    assert quotes_for(knowledge, question, [cities], idf, cache) == []  # cities, no district
    assert quotes_for(knowledge, question, [cities, district], idf, cache)[0] == district


def test_a_firm_the_question_names_must_be_named_by_the_passage_quoted(
    knowledge: Knowledge,
) -> None:
    from assistant.answering.names import named_firms

    assert named_firms("灵动科技的总部设在哪个城市？") == ("灵动",)
    assert named_firms("宇樹科技是哪一年被認定的？") == ("宇树",)  # folded
    assert named_firms("为了让科技成果更好转化，代表们建议什么？") == ()  # no firm
    assert named_firms("小米有几家子公司被评为小巨人？") == ()  # a clause, no name
    districts = "南山区与宝安区作为深圳的科技创新高地和产业大区，共有712家小巨人企业。"
    firm = "灵动科技总部位于北京，专注于智能物流机器人。"
    idf = Idf.build([districts, firm, "企业"], knowledge.tokenizer)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    question = "灵动科技的总部设在哪个城市？"
    assert quotes_for(knowledge, question, [districts], idf, cache, places=False) == []
    assert quotes_for(knowledge, question, [districts, firm], idf, cache, places=False) == [firm]


def test_a_city_ranked_in_its_province_keeps_its_own_figure(knowledge: Knowledge) -> None:
    city = "工信部公布了第三批小巨人企业名单,济南市新增28家国家级小巨人企业,走在全省前列。"
    province = "工信部公布了第三批小巨人企业名单,全省新增156家国家级小巨人企业。"
    idf = Idf.build([city, province, "企业"], knowledge.tokenizer)
    cache = place_cache(knowledge)
    question = "济南第三批新增了多少家小巨人企业？"
    assert quotes_for(knowledge, question, [city], idf, cache) == [city]
    assert quotes_for(knowledge, question, [province], idf, cache) == []  # the province's


def test_a_place_named_only_by_the_documents_title_is_not_missing(knowledge: Knowledge) -> None:
    from assistant.answering.extract import missing_entity

    idf = Idf.build(["企业", "我省今年培育省级专精特新中小企业596家。"], knowledge.tokenizer)
    q = Question.parse("河北省今年培育了多少家省级专精特新中小企业？", knowledge.glossary,
                       knowledge.gazetteer, idf, places=knowledge.place_names)
    assert q.entities  # Hebei, from the entity table
    text = "我省今年培育省级专精特新中小企业596家。"
    titled = Document(id="h:1", page_content=text,
                      metadata={"doc_id": "h", "title": "河北省今年培育省级专精特新中小企业596家"})
    untitled = Document(id="g:1", page_content=text, metadata={"doc_id": "g", "title": "新闻"})
    assert not missing_entity(q, [titled], knowledge.gazetteer)
    assert missing_entity(q, [untitled], knowledge.gazetteer)


def test_a_city_named_with_its_province_needs_only_the_city_in_the_sentence(
    knowledge: Knowledge,
) -> None:
    city = "12月5日,省工信厅公示第二批专精特新中小企业名单,徐州共有328家企业入选。"
    idf = Idf.build([city, "企业", "江苏省第二批名单"], knowledge.tokenizer)
    cache = place_cache(knowledge)
    asked = "江苏第二批专精特新中小企业名单中，徐州有几家企业入选？"
    assert quotes_for(knowledge, asked, [city], idf, cache) == [city]
    # the province's own count is not the city's
    assert quotes_for(knowledge, "江苏第二批专精特新中小企业名单有几家企业入选？", [city], idf,
                      cache) == []


def test_a_term_written_with_quotation_marks_inside_is_the_whole_term(knowledge: Knowledge) -> None:
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    quoted = doc("q:1", "2025年,新认定“专精特新”中小企业11家,累计达22家。")
    plain = doc("p:1", "2025年,新认定专精特新中小企业11家。")
    words = cache.get(quoted).sentences[0].words
    assert "专精特新中小企业" in words and "专精特新中小企业" in cache.get(plain).words
    assert "专精特新中小企业" in cache.get(quoted).words  # the passage's words too


def test_a_figure_of_a_place_inside_the_asked_one_is_the_parts(knowledge: Knowledge) -> None:
    part = "内蒙古新闻网消息。2025年以来,锡林郭勒盟新认定各类优质中小企业41家。"
    idf = Idf.build([part, "企业", "内蒙古"], knowledge.tokenizer)
    cache = place_cache(knowledge)
    assert quotes_for(knowledge, "内蒙古2025年新认定了多少家优质中小企业？", [part], idf,
                      cache) == []
    assert quotes_for(knowledge, "锡林郭勒盟2025年新认定了多少家优质中小企业？", [part], idf,
                      cache)[0].startswith("2025年以来")
    whole = "内蒙古新闻网消息。2025年,全区新认定各类优质中小企业41家,其中锡林郭勒盟9家。"
    got = quotes_for(knowledge, "内蒙古2025年新认定了多少家优质中小企业？", [whole], idf, cache)
    assert got and got[0].startswith("2025年,全区")
    # 全盟 is the league's whole, a part of the region asked about
    league = "内蒙古新闻网消息。2025年以来,锡林郭勒盟全盟新认定各类优质中小企业41家。"
    assert quotes_for(knowledge, "内蒙古2025年新认定了多少家优质中小企业？", [league], idf,
                      cache) == []


def test_a_question_asking_a_target_is_not_answered_by_what_is_done(knowledge: Knowledge) -> None:
    from assistant.answering.targets import asks_plan

    assert asks_plan("How many firms does the centre expect to have on the board by 2023?")
    assert asks_plan("到2025年的目标是培育多少家？")
    assert not asks_plan("在广西的行动计划里，可以获得多少万元奖励？")  # a document's name
    done = "A board for innovative SMEs started trading in Beijing, with a first batch of 50 firms."
    plan = "The Beijing board aims to have 100 firms by the end of 2023."
    idf = Idf.build([done, plan, "企业"], knowledge.tokenizer)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    question = "How many firms does the Beijing board expect to have by the end of 2023?"
    assert quotes_for(knowledge, question, [done], idf, cache) == []
    assert quotes_for(knowledge, question, [done, plan], idf, cache) == [plan]


def test_a_count_of_firms_spelt_out_answers_how_many(knowledge: Knowledge) -> None:
    text = "Six companies based in Quzhou were honored on the third batch list."
    idf = Idf.build([text, "企业", "list"], knowledge.tokenizer)
    cache = place_cache(knowledge)
    got = quotes_for(knowledge, "How many Quzhou companies made the third batch list?", [text],
                     idf, cache)
    assert got == [text]


def test_a_zone_named_in_english_is_its_capitalised_name_and_its_chinese_noun(
    knowledge: Knowledge,
) -> None:
    from assistant.answering.zones import zones_of

    question = ("How many SRDI little giant firms at national, provincial and municipal level "
                "has Wuxi High-tech Zone accumulated?")
    assert zones_of(question) == ["Wuxi High-tech Zone"]
    text = "截至目前,无锡高新区累计获认国家、省、市各类专精特新小巨人企业189家。"
    idf = Idf.build([text, "企业", "无锡"], knowledge.tokenizer)
    got = quotes_for(knowledge, question, [text], idf, place_cache(knowledge))
    assert got and "189家" in got[0]
    other = "截至目前,无锡市累计获认国家、省、市各类专精特新小巨人企业900家。"  # not the zone
    assert quotes_for(knowledge, question, [other], idf, place_cache(knowledge)) == []


def test_a_firm_named_in_characters_is_found_in_pinyin(knowledge: Knowledge) -> None:
    from assistant.answering.names import names_firm

    assert names_firm("重庆渝鑫平瑞", "Chongqing Yuxin Pingrui Electronics Co., Ltd. has grown")
    assert not names_firm("重庆渝鑫平瑞", "Chongqing Yuxin Electronics Co., Ltd.")
    text = ("Chongqing Yuxin Pingrui Electronics Co., Ltd. makes ignition coils. The company's "
            "production and sales of ignition coils account for 14% of the global market.")
    idf = Idf.build([text, "企业", "market"], knowledge.tokenizer)
    got = quotes_for(knowledge, "重慶渝鑫平瑞電子的點火線圈產銷量佔全球市場的比重是多少?", [text],
                     idf, place_cache(knowledge))
    assert any("14%" in s for s in got)
