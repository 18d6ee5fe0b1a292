"""Unit tests of what a question names and what a sentence must match (issue 9 classes)."""

from __future__ import annotations

from assistant.answering.anchors import Anchors, anchors_of, check, ordinals_of, years_of
from assistant.answering.names import _lone_names
from assistant.answering.question import question_scope
from assistant.answering.scope import scope_bonus, sentence_scope
from assistant.answering.statements import is_statement


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


def test_a_run_of_batches_names_every_ordinal_in_it() -> None:
    assert ordinals_of("第一至六批公示數量分別為:248家、1748家") == set(range(1, 7))
    assert ordinals_of("已完成對前三批專精特新小巨人企業復審") == {1, 2, 3}
    assert ordinals_of("第1-3批") == {1, 2, 3}
    assert ordinals_of("from the first to the third batch") == {1, 2, 3}
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
    assert _lone_names("What is the weather in Paris tomorrow?") == ["Paris"]
    assert _lone_names("In July 2023, how many in the Yangtze River Delta?") == []
    assert _lone_names("2025年深圳市GDP是多少？") == ["GDP"]  # set in a Chinese question
    assert _lone_names("深圳A股上市的小巨人有多少家？") == []
    assert _lone_names("How many does Beijing count, and Huawei?") == ["Beijing", "Huawei"]


def test_titles_headings_and_bylines_state_nothing() -> None:
    assert not is_statement("## 北京市国家级专精特新“小巨人”企业培育现状、问题及对策 任媛 钱思昭")
    assert not is_statement("【作者简介】任媛(2000-), 女")
    assert not is_statement("The Cultivation Status, Problems and Countermeasures of Beijing Firms")
    assert is_statement("北京市累计培育国家级专精特新“小巨人”企业1214家。")
    assert is_statement("- Suggestions include prioritising support for digital firms")


def test_a_heading_joined_to_a_byline_or_heading_states_nothing() -> None:
    # as sentence_spans joins a heading to the line after it
    assert not is_statement("## 北京市“小巨人”企业培育现状、问题及对策——对比研究\n\n任媛 钱思昭")
    assert not is_statement("# The Cultivation Status of Little Giants\n\nYuan Ren Sizhao Qian")
    assert not is_statement("## 2 发展现状\n\n### 2.1 增长动能放缓")
    assert is_statement("## 2.4 小结\n\n北京累计认定1214家“小巨人”企业。")
    assert not is_statement("北京市中小企业服务中心, 中国·北京 101117\n\n## 摘要")
    assert not is_statement("- [2] 丁建军.“小巨人”企业空间分布[J].经济地理,2022,42(10):109-118.")
    assert not is_statement("[5] Smith J. Little giants. Econ Geogr, 2022. doi: 10.1000/182")
    assert is_statement("## 支持措施\n\n加大对中小企业的财政支持力度和融资服务")


def test_a_comparison_asks_for_a_difference_not_a_total_or_an_increment() -> None:
    # "实现总量反超" names what is compared; the answer is the gap (多117家)
    assert question_scope("2025年深圳实现总量反超后，比北京多了几家？", True) == (None, False)
    assert question_scope("By how many did Shenzhen's new firms outnumber Beijing's?", True) == (
        None, False)
    assert question_scope("北京的小巨人总量是多少？", True) == ("stock", True)
