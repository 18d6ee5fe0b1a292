"""Unit tests of what a question names and what a sentence must match (issue 9 classes)."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.answering.anchors import (
    Anchors,
    anchors_of,
    check,
    months_of,
    ordinals_of,
    without_month_names,
    years_of,
)
from assistant.answering.levels import levels_of
from assistant.answering.markets import question_anchors
from assistant.answering.names import _lone_names, absent_han_names, unknown_names
from assistant.answering.question import Idf, Question, question_scope
from assistant.answering.scope import scope_bonus, sentence_scope
from assistant.answering.statements import is_statement
from assistant.config import Settings
from assistant.knowledge import load_knowledge
from assistant.text.numbers import in_digits


def no_places(_text: str) -> frozenset[str]:
    return frozenset()


def test_four_digit_counts_are_not_years() -> None:
    assert years_of("2028家企业入选") == frozenset()
    assert years_of("截至2024年底，累计2028家") == {2024}
    assert years_of("by the end of 2025, 1214 firms") == {2025}


def test_a_year_after_a_comma_used_as_punctuation_is_a_year() -> None:
    assert years_of("提升至國家戰略高度,2022年出臺的辦法") == {2022}
    assert years_of("1,2022 firms and 3.2019") == frozenset()


def test_ordinals_of_batches_in_both_languages() -> None:
    assert ordinals_of("工信部第七批公示名单") == {7}
    assert ordinals_of("the fifth batch of little giants") == {5}
    # a run of batches names each of them, not only the first
    assert ordinals_of("the report on the first seven batches") == set(range(1, 8))
    # a list sharing 第 and 批 names each of its batches
    assert ordinals_of("所以第五、六批的数量出现了优化性回调") == {5, 6}
    assert ordinals_of("第二和第五批分别公示了多少家？") == {2, 5}


def test_a_run_of_batches_names_every_ordinal_in_it() -> None:
    assert ordinals_of("第一至六批公示數量分別為:248家、1748家") == set(range(1, 7))
    assert ordinals_of("已完成對前三批專精特新小巨人企業復審") == {1, 2, 3}
    assert ordinals_of("第1-3批") == {1, 2, 3}
    assert ordinals_of("遠超前兩批總和") == {1, 2}  # 两 counts too
    assert ordinals_of("from the first to the third batch") == {1, 2, 3}
    assert ordinals_of("In the previous 3 batch of little giants, there are 27") == {1, 2, 3}
    assert ordinals_of("the first three batches") == {1, 2, 3}
    assert ordinals_of("How many second-batch little giants passed?") == {2}
    assert ordinals_of("the first time it is recognised") == frozenset()
    # all the batches so far, counted, name each of them; "this batch" names none
    assert ordinals_of("So far, the five batches of little giants have…") == set(range(1, 6))
    assert ordinals_of("工信部已累计开展五批培育工作") == set(range(1, 6))
    assert ordinals_of("这一批新增了多少家") == frozenset()
    assert ordinals_of("two batches of funding") == frozenset()
    # so a question about one batch is anchored by a sentence listing the run
    q = anchors_of("How many little giants were announced in the fourth batch?", no_places)
    s = anchors_of("第一至六批公示數量分別為:248家、1748家、2930家、4359家", no_places)
    assert check(q, s, Anchors()).ok


def test_a_sentence_about_another_year_or_place_fails_the_check() -> None:
    question = Anchors(years=frozenset({2023}), places=frozenset({"温州"}))
    beijing_2024 = Anchors(years=frozenset({2024}), places=frozenset({"北京"}))
    assert check(question, beijing_2024, Anchors()).missing == ("year", "place")
    wenzhou = Anchors(years=frozenset({2023}), places=frozenset({"温州"}))
    assert check(question, wenzhou, Anchors()).ok


def test_a_figure_of_unknown_date_does_not_answer_a_dated_question() -> None:
    question = anchors_of("2020年深圳新增了多少家？", no_places)
    undated = anchors_of("深圳市累计培育1331家。", no_places)
    assert not check(question, undated, Anchors()).ok
    # …unless the document's title or opening dates it
    assert check(question, undated, Anchors(), frozenset({2020})).ok


def test_stock_and_increment_read_from_the_figure_clause() -> None:
    assert sentence_scope("2025年深圳增量306家，实现总量反超") == "increment"
    assert sentence_scope("深圳市累计培育1331家, 数量赶超北京") == "stock"
    assert sentence_scope("The figure rose.") is None
    assert sentence_scope("深圳上述四领域的“小巨人”企业合计122家") == "part"
    assert sentence_scope("其中深圳累计1331家") == "stock"
    assert question_scope("深圳电子设备制造领域有多少家？", True) == (None, False)
    assert question_scope("深圳2025年新增了多少家？", True) == ("increment", True)
    assert question_scope("How many does Shenzhen have?", True) == ("stock", False)
    assert scope_bonus(("stock", False), "increment") < 0 < scope_bonus(("stock", True), "stock")


def test_names_in_english_questions() -> None:
    glossary = load_knowledge(Settings()).glossary  # the bundled terminology
    assert _lone_names("What is the weather in Paris tomorrow?", glossary) == ["Paris"]
    assert _lone_names("2025年深圳市GDP是多少？", glossary) == ["GDP"]  # set in Chinese
    assert _lone_names("深圳A股上市的小巨人有多少家？", glossary) == []
    assert _lone_names("How many does Beijing count, and Huawei?", glossary) == [
        "Beijing", "Huawei"]
    # in a run of capitalised words: the words that are no English word, pinyin, acronym
    # or part of a glossary phrase
    assert _lone_names("Who founded Unitree Robotics?", glossary) == ["Unitree", "Robotics"]
    assert _lone_names("In July, how many in the River Delta Association?", glossary) == []
    assert _lone_names("How many list on the Shanghai STAR Market?", glossary) == []
    assert _lone_names("What did Zhan Yong and Ma Congwen write?", glossary) == []
    assert _lone_names("What does PSBC Shaanxi lend?", glossary) == []


def test_a_chinese_proper_name_no_passage_writes_is_unknown() -> None:
    knowledge = load_knowledge(Settings())
    vocabulary = {"工信部", "发布会", "介绍", "小巨人", "企业", "副部长", "robot"}
    passages = [Document("工信部副部長王曉明在發布會上介紹了小巨人企業。"),  # in zh-Hant
                Document("Vice minister Zhang Jianguo introduced the little giants.")]

    def absent(text: str) -> tuple[str, ...]:
        return absent_han_names(text, knowledge.glossary, vocabulary, passages)

    assert absent("工信部副部长辛国斌在发布会上是怎么介绍小巨人企业的？") == ("辛国斌",)
    assert absent("工信部副部长王晓明在发布会上是怎么介绍小巨人企业的？") == ()
    assert absent("工信部副部长张建国在发布会上是怎么介绍小巨人企业的？") == ()  # in pinyin
    # …both read as people, so the passages are what clears them
    assert knowledge.tokenizer.people("副部长王晓明和张建国") == ["王晓明", "张建国"]
    # a phrase of dictionary words the tagger guesses to be a name is none
    assert knowledge.tokenizer.people("让企业面临的硬约束明显增加？") == []
    # a name of two characters counts after a title only (市长殷勇); alone it may be a
    # word the tagger misreads
    assert knowledge.tokenizer.people("北京市市长殷勇在两会上说了什么？") == ["殷勇"]
    assert absent("北京市市长殷勇在两会上对专精特新企业提出了什么目标？") == ("殷勇",)
    assert knowledge.tokenizer.people("卡住了脖子的技术有哪些？") == []
    # a name the question also gives in the other script, which a passage writes
    beyotime = [Document("Beyotime Biotechnology, a Songjiang company, is a little giant.")]
    assert absent_han_names("碧云天生物（Beyotime Biotechnology）是哪一年成立的？",
                            knowledge.glossary, vocabulary, beyotime) == ()
    assert absent_han_names("碧云天生物是哪一年成立的？", knowledge.glossary, vocabulary,
                            beyotime) == ("碧云天",)
    # a "name" ending in a word for a body is an organisation (彭博社: Bloomberg)
    assert absent("彭博社記者在發布會上提問時，點出了哪些現象？") == ()


def test_an_english_name_the_corpus_lacks_is_unknown() -> None:
    knowledge = load_knowledge(Settings())

    def unknown(text: str) -> tuple[str, ...]:
        return unknown_names(text, knowledge.glossary, {"robot"}, None, knowledge.place_names)

    # a word the corpus has (robot) is known, the name is not
    assert unknown("Who founded Unitree Robotics?") == ("Unitree",)
    assert unknown("Who builds Robotics?") == ()


def test_dates_give_months_not_figures_and_citations_give_years() -> None:
    assert months_of("截至2023年末") == {12} == months_of("at year-end")
    assert months_of("截至3月末") == {3} == months_of("at the end of March 2025")
    assert months_of("3个月内") == set() == months_of("you may ask")
    assert anchors_of("截至2025年3月31日，广东", lambda _: frozenset()).figures == set()
    assert anchors_of("截至3月，有31家", lambda _: frozenset()).figures == {"31"}
    assert years_of("管理学报,2024,21(04):560-567") == {2024}
    assert years_of("2,024,500") == set()
    question = Anchors(years=frozenset({2023}), months=frozenset({12}))
    assert check(question, Anchors(years=frozenset({2023}), months=frozenset({3})),
                 Anchors()).missing == ("month",)
    assert check(question, Anchors(years=frozenset({2023})), Anchors()).ok


def test_for_the_first_time_names_no_batch() -> None:
    assert ordinals_of("这个提法第一次被写进报告") == set()
    assert ordinals_of("第一批和第二次评审") == {1, 2}


def test_a_question_is_no_statement() -> None:
    assert not is_statement("深圳龍崗區專精特新獎勵有多少?")
    assert is_statement("龍崗區對新認定的企業給予獎勵。")
    # a sentence pointing to a figure of the paper tells where its content is, no finding
    assert not is_statement("本文构建了顛覆式創新的理論邏輯框架,具體內容如圖1所示。")
    assert not is_statement("The framework is shown in Figure 1.")
    assert is_statement("如图所示，北京有1214家。")


def test_a_year_that_dates_the_cited_report_is_checked_against_its_date() -> None:
    from assistant.answering.doc_dates import dated_as, document_years, without_document_dates

    question = "2021年中信证券的报告指出，A股上市的小巨人有多少家？"
    assert document_years(question) == {2021}
    assert years_of(without_document_dates(question)) == set()
    assert document_years("The April 2023 report on Hubei's firms says what?") == {2023}
    # a year of the facts, or of a policy the question asks for, dates no report
    assert document_years("How many did Shenzhen add in 2024, according to the report?") == set()
    assert document_years("2022年哪份文件搭起了梯度培育体系？") == set()
    # the criteria a document sets out are that document's
    assert document_years("Under the 2024 criteria, how much R&D must an SME spend?") == {2024}
    assert document_years("2024年的认定条件要求研发费用至少多少？") == {2024}
    # …and the press conference it reports
    question = "根据国新办2024年10月14日的发布会，全国现有多少家小巨人企业？"
    assert document_years(question) == {2024}
    assert document_years("At the 2024 press conference, how many firms were named?") == {2024}
    from assistant.answering.target import attribution
    assert attribution(question) == "根据国新办2024年10月14日的发布会"
    # the policy a question goes by is its source too, not what a sentence must name
    plan = "按照台州市2025—2029年的行动方案，到2029年要培育多少家小巨人企业？"
    assert attribution(plan) == "按照台州市2025—2029年的行动方案"
    dated = Document("…", metadata={"date": "2023-05-01"})
    assert dated_as(frozenset({2023}), dated) and not dated_as(frozenset({2021}), dated)
    assert dated_as(frozenset({2021}), Document("…", metadata={"date": ""}))  # undated


def test_batches_a_question_compares_with_are_no_anchors() -> None:
    knowledge = load_knowledge(Settings())

    def ordinals(text: str) -> frozenset[int]:
        return question_anchors(text, knowledge.gazetteer, knowledge.place_names).ordinals

    assert ordinals("2022年浙江入选多少家？和前两批相比如何？") == frozenset()
    assert ordinals("前两批一共有多少家？") == {1, 2}
    assert ordinals("How many more firms were in the fifth batch than the fourth?") == {5}


def test_tiers_are_read_through_ruby_readings() -> None:
    assert levels_of("當(dāng)年入選國(guó)家級(jí)專精特新“小巨人”的企業") == {"national"}


def test_a_tier_of_money_or_an_authority_is_not_the_firms() -> None:
    sentence = "福州市对新认定的国家专精特新“小巨人”企业,参照省级奖励标准,给予市级财政奖励。"
    assert levels_of(sentence) == {"national"}
    assert levels_of("由省级工信部门推荐") == set()
    assert levels_of("对省级专精特新企业给予奖励") == {"provincial"}
    assert levels_of("provincial-level SRDI firms get provincial funds") == {"provincial"}
    assert levels_of("from provincial funds") == set()


def test_a_dates_month_name_is_an_anchor_not_a_concept() -> None:
    knowledge = load_knowledge(Settings())
    idf = Idf.build(["深圳第五批新增310家", "July"], knowledge.tokenizer)
    q = Question.parse("In July 2023's fifth batch, how many Shenzhen firms were added?",
                       knowledge.glossary, knowledge.gazetteer, idf)
    assert not any("juli" in form for c in q.concepts for form in c.forms)
    assert q.anchors.months == {7}
    assert "March" not in without_month_names("by March 31, 2025")


def test_a_source_named_at_the_end_of_a_question_frames_it() -> None:
    from assistant.answering.target import attribution, without_attribution

    question = "What shares of revenue and profit do they contribute, according to Xinhua?"
    assert attribution(question) == "according to Xinhua"
    assert "Xinhua" not in without_attribution(question)
    assert attribution("According to MIIT, how many firms are there?") == "According to MIIT"
    # a source in the middle of a sentence without a comma stays part of it
    assert attribution("Which firms grew according to plan last year?") == ""
    # a handbook, a study or a survey said to say it, opening the question
    assert attribution("普华永道的广东“小巨人”成长手册称，深圳的占比是多少？") == (
        "普华永道的广东“小巨人”成长手册称")
    assert attribution("北京研究院称深圳有几家？") == ""
    assert attribution("鉅亨網的報道提到，深圳超越了哪座城市？") == "鉅亨網的報道提到"
    # an analysis or a commentary said to say it
    assert attribution("亞洲時報那篇分析說，截至2024年12月共有多少家？") == "亞洲時報那篇分析說"
    assert attribution("据火石创造的分析，北京有多少家？") == "据火石创造的分析"
    # "…的那篇报道，" points at the piece; its words ask for nothing (奖励资金 is no amount)
    question = "海南公示2023年“小巨人”奖励资金的那篇报道，是怎样界定“小巨人”企业的？"
    assert attribution(question) == "海南公示2023年“小巨人”奖励资金的那篇报道"
    knowledge = load_knowledge(Settings())
    idf = Idf.build(["海南", "企业", "资金"], knowledge.tokenizer)
    q = Question.parse(question, knowledge.glossary, knowledge.gazetteer, idf,
                       places=knowledge.place_names)
    assert q.wants_definition and not q.wants_amount
    # "In the … analysis of …," and "Per the … article," opening the question
    question = "In the OFweek analysis of the top-30 cities, which cities lead?"
    assert attribution(question) == "In the OFweek analysis of the top-30 cities"
    assert "OFweek" not in without_attribution(question)
    assert attribution("Per the disruptive-innovation article, what holds firms back?") == (
        "Per the disruptive-innovation article")
    # …but a time or a place opening it is what it asks about
    assert attribution("In 2023, how many firms did Shenzhen add?") == ""
    assert attribution("In the first half of 2024, how many firms were listed?") == ""


def test_tenths_in_words_are_a_share() -> None:
    from assistant.answering.figure_kinds import states_share_in_words

    assert states_share_in_words("「小巨人」企業佔比均超過兩成;")
    assert states_share_in_words("超六成集中在新一代信息技术")
    assert not states_share_in_words("成为专精特新企业") and not states_share_in_words("一成不变")


def test_the_figure_naming_a_questions_source_is_no_anchor() -> None:
    from assistant.answering.target import attribution

    knowledge = load_knowledge(Settings())
    idf = Idf.build(["鄂州", "企业"], knowledge.tokenizer)
    question = ("How many national little giants does Ezhou have, according to the local "
                "report on the 1,188-firm continued-support list?")
    assert attribution(question).endswith("1,188-firm continued-support list")
    q = Question.parse(question, knowledge.glossary, knowledge.gazetteer, idf,
                       places=knowledge.place_names)
    assert not q.anchors.figures and "鄂州" in q.anchors.places
    assert q.stated_figures == {"1188"}  # …but still a premise, never the answer
    assert attribution("According to the report on 1,188 firms, how many are there?") == (
        "According to the report on 1,188 firms")


def test_a_count_the_question_writes_in_words_is_a_premise() -> None:
    from assistant.answering.figure_clauses import has_answer_figure

    knowledge = load_knowledge(Settings())
    idf = Idf.build(["六安", "企业"], knowledge.tokenizer)
    q = Question.parse("Of the six Lu'an companies on the third list, how many national little "
                       "giants did the city have?", knowledge.glossary, knowledge.gazetteer, idf,
                       places=knowledge.place_names)
    assert "6" in q.stated_figures
    gazetteer = knowledge.gazetteer
    assert not has_answer_figure(q, "我市六家企业榜上有名。", gazetteer)
    assert has_answer_figure(q, "我市已有国家级专精特新“小巨人”企业9家。", gazetteer)


def test_english_number_words_are_figures_of_a_sentence() -> None:
    """A figure a question states is found where a report spells it out; a figure
    already in digits ("150 billion") and small words ("two cities") stay as they are."""
    assert in_digits("One hundred and eighteen companies in two cities") == (
        "118 companies in two cities")
    assert in_digits("Twenty-four companies in Songjiang") == "24 companies in Songjiang"
    assert in_digits("150 billion yuan, about 1.4 million dollars") == (
        "150 billion yuan, about 1.4 million dollars")
    assert "118" in anchors_of("One hundred and eighteen firms", lambda _: frozenset()).figures


def test_an_autonomous_regions_tier_is_the_provinces() -> None:
    assert levels_of("力争到2025年累计培育自治区级专精特新中小企业800家") == {"provincial"}
    assert levels_of("自治區級專精特新中小企業") == {"provincial"}
    assert levels_of("regional-level SRDI firms") == {"provincial"}
