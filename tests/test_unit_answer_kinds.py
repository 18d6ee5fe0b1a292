"""Which sentence answers: figures of the asked kind (a count that reads like a year, a day
of a date, a when- or a why-question), the asked batch's figure, the asked tier, source
lines. Real knowledge (glossary, gazetteer, tokenizer); the texts are written for these
tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from langchain_core.documents import Document
from test_unit_extract import quotes_for

from assistant.answering.anchors import Anchors, check
from assistant.answering.asks import wants_amount, wants_number, wants_share, wants_year
from assistant.answering.figure_kinds import (
    asks_year_only,
    is_date_part,
    is_quantity,
    is_year,
    said_by_figure,
    states_reason,
    states_share_in_words,
)
from assistant.answering.group_items import _terms
from assistant.answering.levels import count_of_other_kind, kinds_of, levels_of
from assistant.answering.passages import SentenceCache
from assistant.answering.question import Concept, Idf, Question
from assistant.answering.scope import names_scope
from assistant.answering.statements import asks_source, is_statement, names_document
from assistant.answering.target import asked_attribute
from assistant.answering.targets import asks_done
from assistant.config import Settings
from assistant.knowledge import Knowledge, load_knowledge
from assistant.text.numbers import find_figures

Ask = Callable[[str, list[str]], list[str]]


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(Settings())


def asker(knowledge: Knowledge, texts: list[str]) -> Ask:
    """Quotes for a question from one passage per text (a passage's id is its position:
    keep the texts in one order within a test)."""
    idf = Idf.build([*texts, "企业", "北京", "深圳"], knowledge.tokenizer)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    return lambda question, passages: quotes_for(knowledge, question, passages, idf, cache)


def test_figures_are_told_apart_by_what_follows_them() -> None:
    def kinds(text: str) -> list[tuple[bool, bool, bool]]:
        return [(is_year(text, f), is_date_part(text, f), is_quantity(text, f))
                for f in find_figures(text)]

    assert kinds("累计有2036家企业上市") == [(False, False, True)]  # a count, not a year
    assert kinds("截至2024年底") == [(True, False, False)]
    assert kinds("部长8日在会上表示") == [(False, True, False)]  # a day
    assert kinds("共有3个月") == [(False, False, True)]
    assert asks_year_only("In which year did Shenzhen pass Guangzhou in the number of firms?")
    assert not asks_year_only("哪一年有多少家企业上市？")


def test_a_count_that_reads_like_a_year_answers_and_a_day_does_not(
        knowledge: Knowledge) -> None:
    dated = "新华社报道，工信部负责人8日在会上表示，专精特新中小企业在科创板上市势头良好。"
    count = "累计有2036家专精特新中小企业在科创板上市。"
    ask = asker(knowledge, [dated, count])
    assert ask("How many SRDI SMEs have listed on the STAR Market?", [dated, count]) == [count]


def test_a_when_question_is_answered_by_a_year_not_by_a_count(knowledge: Knowledge) -> None:
    count = "深圳小巨人企业总量达到800家，超过广州。"
    dated = "深圳在2021年超过广州，小巨人企业数量跃居全省第一。"
    ask = asker(knowledge, [count, dated])
    question = "In which year did Shenzhen pass Guangzhou in the number of little giants?"
    assert ask(question, [count]) == []
    assert ask(question, [count, dated])[0] == dated



def test_a_when_question_is_answered_by_a_time_in_words(knowledge: Knowledge) -> None:
    quarter = "第四季度，工信部将联合有关部门推出一系列促消费、扩内需的具体举措。"
    other = "工信部已推出促消费、扩内需的具体举措300项。"
    ask = asker(knowledge, [quarter, other])
    question = "工信部说要在什么时候推出一系列促消费、扩内需的具体举措？"
    assert ask(question, [other]) == []
    assert ask(question, [other, quarter]) == [quarter]


def test_a_national_figure_before_the_clause_naming_the_country(knowledge: Knowledge) -> None:
    unicorns = "有120家专精特新中小企业进入全球独角兽榜单，占当年中国独角兽企业数量的40%。"
    total = "我国专精特新中小企业数量超过14万家。"
    ask = asker(knowledge, [unicorns, total])
    assert ask("How many of China's SRDI firms are on the global unicorn list?",
               [total, unicorns])[0] == unicorns


def test_a_why_question_is_answered_by_a_reason_not_a_figure(knowledge: Knowledge) -> None:
    reason = "评审标准趋严，所以第五批小巨人的数量出现了回落。"
    figure = "第五批小巨人企业共3600家。"
    ask = asker(knowledge, [reason, figure])
    assert ask("为什么第五批小巨人的数量出现了回落？", [figure, reason])[0] == reason


@pytest.mark.parametrize(
    ("question", "amount"),
    [
        ("Under which fund will Wuxi set up the new loan product?", False),  # picks a name
        ("哪家投资机构领投了这一轮？", False),
        ("How much funding did the central government allocate?", True),
        ("中央财政安排了多少资金？", True),
        ("Which city got the most funding, and how much?", True),
    ],
)
def test_a_money_word_asks_for_a_sum_unless_the_question_picks_a_name(
    question: str, amount: bool
) -> None:
    assert wants_amount(question) is amount


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("When did Shenzhen overtake Beijing?", True),
        ("Which ministry issued the notice, and when?", True),
        ("When the study describes the problems, which district is third?", False),
        ("When it comes to funding, how much did the city give?", False),
        # a deadline or a period asks for dates
        ("By what date must the prefectures finish their recommendations?", True),
        ("From when to when is the title valid?", True),
        ("企业在平台上的填报时间是哪几天？", True),
        ("纸质材料要在哪一天之前报送？", True),
        ("第几天完成审核？", False),
    ],
)
def test_a_when_clause_framing_another_question_asks_no_date(question: str, year: bool) -> None:
    assert wants_year(question) is year


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("近幾年獨角獸數量逐漸增多的是哪些城市？", False),  # 近几年: recent years
        ("这几年几乎每个区都有小巨人，是哪些区？", False),  # 几乎: almost
        ("前三批一共有几家？", True),
        ("深圳有多少家小巨人？", True),
    ],
)
def test_ji_asks_how_many_only_as_a_count_word(question: str, number: bool) -> None:
    assert wants_number(question) is number


def test_a_target_is_stated_by_a_sentence_setting_it(knowledge: Knowledge) -> None:
    plan = "规划提出，将推动形成10万家专精特新中小企业。"
    now = "目前全国共有专精特新中小企业14.1万家。"
    ask = asker(knowledge, [plan, now])
    assert ask("专精特新中小企业的培育目标是多少家？", [plan, now])[:1] == [plan]


def test_a_measure_asked_as_a_total_must_be_the_sentences(knowledge: Knowledge) -> None:
    income = "In 2022, the operating income earned by the little giants reached 4.1 trillion yuan."
    ask = asker(knowledge, [income])
    assert ask("What total profit did the little giants earn in 2022?", [income]) == []
    assert ask("What total operating income did the little giants earn in 2022?",
               [income]) == [income]
    assert ask("What was the total profit, in yuan, earned by the little giants in 2022?",
               [income]) == []


@pytest.mark.parametrize(
    ("question", "share", "number"),
    [
        ("What VAT rate applies to small firms?", True, False),
        ("这类贷款的年利率具体是多少？", True, False),
        ("利率水平是怎样的？", False, False),  # asked about in words
        ("增速高于行业平均的企业能获得什么激励？", False, False),  # a condition
        ("有多少家企业获得贷款？", False, True),
        ("What is the maximum loan the bank will grant to one firm?", False, True),
    ],
)
def test_a_rate_asked_for_is_a_percentage(question: str, share: bool, number: bool) -> None:
    assert (wants_share(question), wants_number(question)) == (share, number)


def test_what_a_measure_says_asks_for_the_measure_not_a_verb() -> None:
    assert asked_attribute("工信部支持企业的第五条措施讲的是什么？") == "第五条措施"
    assert asked_attribute("这份文件的主要内容说的是什么？") == "主要内容"
    # an amount restated in another currency asks the amount: 约合 is no attribute
    assert asked_attribute("重慶118家企業第一季度的總產值約合多少美元？") == "總產值"
    assert asked_attribute("北京小巨人企业的研发投入强度是多少？") == "研发投入强度"


def test_a_why_question_prefers_the_sentence_giving_a_cause(knowledge: Knowledge) -> None:
    figure = "第五批小巨人企业数量回落至3600家，第六批数量继续回落。"
    cause = "由于评审规则收紧，第五批、第六批小巨人企业数量有所回落。"
    ask = asker(knowledge, [figure, cause])
    assert ask("为什么第五批、第六批小巨人企业数量回落了？", [figure, cause])[0] == cause
    assert states_reason("Clusters form more easily because of supply-chain needs.")


def test_a_word_for_a_share_or_a_sum_is_said_by_its_figure() -> None:
    share = (frozenset({"比例"}), frozenset({"share"}))
    money = (frozenset({"金额"}), frozenset({"amount"}))
    assert said_by_figure(share, "复核通过率提升到87.04%")
    assert said_by_figure(share, "专精特新企业占比过半")
    assert not said_by_figure(share, "复核通过企业3916家")
    assert said_by_figure(money, "安排专项资金3000万元")
    assert not said_by_figure(money, "共有3000家企业")


def test_how_is_the_effect_asks_about_the_effect_not_the_word(knowledge: Knowledge) -> None:
    said = "核心区对周边各区的辐射带动作用尚不明显。"
    other = "核心区共培育小巨人企业658家。"
    ask = asker(knowledge, [said, other])
    assert ask("核心区对周边各区的带动效果怎么样？", [said, other])[:1] == [said]


def test_a_share_said_in_words_answers_a_share_question(knowledge: Knowledge) -> None:
    words = "首批上市公司中，专精特新企业占比过半。"
    count = "首批上市公司共81家，总市值超3000亿元。"
    ask = asker(knowledge, [words, count])
    assert ask("首批上市公司中专精特新企业占多大比重？", [words, count])[:1] == [words]
    assert states_share_in_words("More than one-fifth of them lead their niche")
    assert not states_share_in_words("上半年新增企业12家")  # half a year, no share


def test_the_asked_batch_figure_comes_from_a_list_per_batch(knowledge: Knowledge) -> None:
    together = "2024年通过复审的小巨人企业有3900家（包括第一批和第四批复审）。"
    per_batch = "通过复审的第一至三批小巨人数量分别为：150家，1100家，2400家。"
    ask = asker(knowledge, [together, per_batch])
    for question in ("第二批小巨人有多少家通过了复审？",
                     "How many second-batch little giants passed the re-review?",
                     "How many first-batch little giants passed the re-review?"):
        assert ask(question, [together, per_batch])[0] == per_batch


def test_a_sentence_naming_only_other_batches_does_not_answer() -> None:
    asked = Anchors(ordinals=frozenset({2}))
    context = Anchors(ordinals=frozenset(range(1, 8)))  # "the report on batches 1 to 7"
    assert not check(asked, Anchors(ordinals=frozenset({1, 4})), context).ok
    assert check(asked, Anchors(), context).ok  # the passage's batches
    assert check(context, Anchors(ordinals=frozenset(range(1, 5))), context).ok


def test_a_sentence_about_another_tier_does_not_answer(knowledge: Knowledge) -> None:
    national = "对首次认定的国家级专精特新企业，一次性奖励50万元。"
    provincial = "对首次认定的省级专精特新企业给予10万元。"
    ask = asker(knowledge, [national, provincial])
    assert levels_of(national) == {"national"} and levels_of(provincial) == {"provincial"}
    assert ask("首次认定的省级专精特新企业奖励多少？", [national, provincial]) == [provincial]
    assert ask("What one-off award do first-time provincial SRDI firms get?",
               [national]) == []
    assert ask("首次认定的国家级专精特新企业奖励多少？", [national, provincial])[0] == national


def test_the_key_little_giants_are_a_rung_of_their_own(knowledge: Knowledge) -> None:
    from assistant.answering.levels import asked_kinds, kinds_of

    assert asked_kinds("第五批重點「小巨人」企業名單中浙江有多少家？") == {"key little giant"}
    assert asked_kinds("How many key little giants?") == {"key little giant"}
    assert asked_kinds("国家级专精特新“小巨人”企业有多少家？") == {"little giant"}
    # …and a key little giant is a little giant: a sentence about them answers either
    assert kinds_of("key little giants") == {"key little giant", "little giant"}
    plain = "对首次认定的国家级专精特新“小巨人”企业，一次性奖励50万元。"
    key = "对国家级重点“小巨人”企业，给予200万元支持。"
    ask = asker(knowledge, [plain, key])
    assert ask("首次认定的国家级重点“小巨人”企业奖励多少万元？", [plain]) == []
    assert ask("首次认定的国家级重点“小巨人”企业奖励多少万元？", [plain, key])[0] == key
    assert ask("首次认定的国家级“小巨人”企业奖励多少万元？", [plain, key])[0] == plain
    assert ask("国家级“小巨人”企业最多获得多少万元支持？", [key]) == [key]


def test_a_source_line_is_no_statement() -> None:
    assert not is_statement("依据:某省促进企业自主创新扶持办法\n\n三、某市")
    assert not is_statement("资料来源：某研究院数据库")
    assert is_statement("依据该办法，对首次认定的企业奖励10万元。")


def test_question_words_meet_their_chinese_forms(knowledge: Knowledge) -> None:
    text = ("对首次认定的企业一次性奖励50万元，复审通过率位居前列；入选继续支持名单的企业"
            "平均市值30亿元。申报不收费。")
    idf = Idf.build([text, "企业"], knowledge.tokenizer)
    words = frozenset(knowledge.tokenizer.tokenize(text, bigrams=False))
    for question in ("first-time", "one-off", "re-review", "排名", "market capitalisation",
                     "continued-support", "put on the list", "application fees"):
        q = Question.parse(question, knowledge.glossary, knowledge.gazetteer, idf)
        assert q.concepts and all(c.covered(words) for c in q.concepts), question


def test_a_tier_word_need_not_be_repeated_by_the_answer(knowledge: Knowledge) -> None:
    listing = "国家级专精特新小巨人企业名单公布。"
    added = "第五批名单中，南通市新增小巨人企业45家。"
    passage = f"{added}截至目前，南通市累计培育国家专精特新小巨人企业120家。"
    ask = asker(knowledge, [listing, passage])
    assert ask("南通在第五批国家级小巨人名单中新增了几家企业？", [listing, passage])[0] == added


def test_the_place_word_of_an_exchange_is_no_place_to_name(knowledge: Knowledge) -> None:
    section = "## 天津市的上市企业\n\n天津市小巨人企业中，上交所科创板12家，北交所9家。"
    ask = asker(knowledge, [section])
    question = "How many of Tianjin's listed little giants trade on the Shanghai STAR Market?"
    assert "12家" in " ".join(ask(question, [section]))
    q = Question.parse(question, knowledge.glossary, knowledge.gazetteer,
                       Idf.build([section], knowledge.tokenizer), places=knowledge.place_names)
    assert "Shanghai" not in q.anchors.places and "Tianjin" in q.anchors.places


def test_a_clause_after_a_semicolon_goes_on_about_its_own_place(knowledge: Knowledge) -> None:
    passage = ("天津市小巨人企业集中于上交所科创板和北交所，分别为12家、9家；深交所创业板7家。"
               "南京市小巨人企业发挥深交所创业板优势，数量达30家；上交所科创板20家，港交所主板4家。")
    ask = asker(knowledge, [passage])
    assert ask("天津有几家小巨人在港交所主板上市？", [passage]) == []  # Nanjing's 4
    assert "7家" in " ".join(ask("天津有几家小巨人在深交所创业板上市？", [passage]))


def test_a_boards_count_is_stated_where_the_board_is_named(knowledge: Knowledge) -> None:
    passage = "北交所是专精特新企业上市的主阵地。天津市已上市小巨人企业共40家。"
    ask = asker(knowledge, [passage])
    assert ask("天津有几家小巨人在北交所上市？", [passage]) == []
    assert ask("天津有几家小巨人已上市？", [passage]) == ["天津市已上市小巨人企业共40家。"]


def test_a_target_does_not_answer_what_is_done(knowledge: Knowledge) -> None:
    target = "By the end of 2027, Tianjin aims to have 300 little giant enterprises listed."
    done = "天津已有40家小巨人企业上市。"
    ask = asker(knowledge, [target, done])
    assert ask("天津已经有多少家小巨人企业上市了？", [target, done])[0] == done
    assert asks_done("天津已经有多少家小巨人企业上市了？")
    assert not asks_done("天津的目标是到2027年已经有多少家小巨人企业上市？")


def test_list_terms_are_tried_in_one_order_whatever_the_hash_seed() -> None:
    # equally long words of a concept (信息, 技术) came out of a set in hash order, so the
    # same question was refused in one process and answered in the next
    concept = Concept(1.0, (frozenset({"技术", "信息", "软件", "服务"}), frozenset({"服务业"})))
    assert _terms(concept) == ["服务业", "信息", "技术", "服务", "软件"]


def test_a_source_line_answers_a_question_for_the_rules_basis(knowledge: Knowledge) -> None:
    rule = "2、对认定的省级专精特新中小企业给予同比例奖励。"
    source = "依据:民营经济(中小企业)发展专项资金管理办法(并财建〔2020〕201号)"
    ask = asker(knowledge, [rule + "\n" + source])
    assert is_statement(source, sources=True) and not is_statement(source)
    # the line naming the document answers, not the rule the question restates
    assert ask("对省级专精特新中小企业的同比例奖励，依据的是哪份办法？",
               [rule + "\n" + source]) == [source]
    assert not wants_share("对省级企业给予同比例奖励，依据的是哪份办法？")  # a manner
    assert asks_source("What policy document is the basis for the awards?")
    assert not asks_source("依据工信部数据，全国有多少家小巨人？")  # a source cited
    assert not asks_source("What measures will MIIT take?")  # a list of measures


def test_a_plan_named_without_title_marks_names_a_document() -> None:
    assert names_document("武汉出台的促进中小企业“专精特新”高质量发展行动计划,是全国首个…")
    assert names_document("《关于支持专精特新中小企业高质量发展的通知》")
    assert names_document("This is the first time the term has entered the Government Work Report.")
    assert not names_document("通过合理规划，平衡各辖区资源。")  # planning, no document
    assert not names_document("财政部、工信部联合印发通知,明确2021至2025年…")  # some notice
    assert wants_share("奖励资金按什么比例发放？")


def test_a_heading_of_three_capitalised_words_is_no_statement() -> None:
    assert not is_statement("Group 1: Policy and Recommendations")
    assert is_statement("Group 1 companies grew fast.")


def test_a_who_question_prefers_the_sentence_naming_someone_by_role(
        knowledge: Knowledge) -> None:
    attended = "工信部等部门出席发布会，介绍有关情况。"
    named = "工信部副部长王江平在发布会上介绍情况。"
    ask = asker(knowledge, [attended, named])
    assert ask("在发布会上介绍情况的是工信部哪位领导？", [attended, named])[0] == named
    assert ask("工信部在发布会上介绍了什么情况？", [attended, named])[0] == attended


def test_a_scope_cue_is_read_as_scope_not_required_as_a_word() -> None:
    # "新增了多少家" is answered by "增量306家": 新增 is what the scope bonus reads
    assert names_scope((frozenset({"新增"}), frozenset({"add", "newli"})))
    assert names_scope((frozenset({"累计"}),))
    assert not names_scope((frozenset({"小巨人", "巨人"}),))
    assert not names_scope((frozenset({"新增", "企业"}),))  # a phrase, not the cue alone


def test_a_sum_given_as_another_one_answers_how_much(knowledge: Knowledge) -> None:
    same = "对认定的省级专精特新民营中小企业，市财政给予与省同等额度的资金支持。"
    other = "对认定的省级专精特新民营中小企业，市里组织培训和对接活动。"
    ask = asker(knowledge, [same, other])
    assert ask("对认定的省级专精特新民营中小企业，市财政给多少资金支持？", [same, other]) == [same]
    assert ask("对认定的省级专精特新民营中小企业，市财政给多少资金支持？", [other]) == []


def test_a_definition_comes_first_even_from_a_lower_ranked_passage(
        knowledge: Knowledge) -> None:
    others = [f"第{i}批小巨人企业获得了支持。" for i in range(1, 6)]
    definition = "小巨人企业是指专注细分市场、创新能力强的中小企业。"
    texts = [*others, definition]
    ask = asker(knowledge, texts)
    assert ask("什么是小巨人企业？", texts)[0] == definition


@pytest.mark.parametrize(
    ("question", "share"),
    [
        ("Which fields together make up more than 40 percent of the listed firms?", False),
        ("工信部說佔獨角獸企業總數78%以上的，是來自哪些領域的企業？", False),
        ("占比超过40%的是哪些行业？", False),
        # a stated share beside an asked one: the asked one still wants a percentage
        ("They make up 14% of the SMEs by number. What shares of revenue do they hold?", True),
        ("营收占比3%以上的企业占多少?", True),
        ("北京小巨人占比多少？", True),
    ],
)
def test_a_share_the_question_states_is_given_not_asked(question: str, share: bool) -> None:
    assert wants_share(question) == share


def test_a_word_for_each_year_is_no_key() -> None:
    # "每年新增…分别有多少家" is answered by figures listed by year (分别为39家、55家)
    assert names_scope((frozenset({"每年"}), frozenset({"year"})))
    assert names_scope((frozenset({"逐年"}),))
    assert not names_scope((frozenset({"year"}),))  # the word for a year is no cue


def test_an_average_is_no_total_nor_a_total_an_average() -> None:
    from assistant.answering.scope import other_aggregate

    average = "By the end of October, their average loan balance was 75.26 million yuan."
    assert other_aggregate("截至2021年10月末，全国小巨人企业的贷款余额合计有多少？", average)
    assert not other_aggregate("它们的平均贷款余额是多少？", average)
    assert other_aggregate("What was the average loan balance?", "贷款余额合计251亿元。")
    assert not other_aggregate("贷款余额是多少？", average)  # no aggregate asked: either
    # a figure for each one is asked ("每一家"): a total allocated is none
    total = "The central government has allocated 2.7 billion yuan in funding."
    assert other_aggregate("中央财政对每一家重点小巨人企业的奖补金额是多少？", total)
    assert not other_aggregate("中央财政对每一家企业的奖补金额是多少？", "每家企业最高600万元。")


def test_a_question_asking_which_provinces_wants_a_sentence_naming_one() -> None:
    from assistant.answering.asks import asks_divisions

    assert asks_divisions("第三批专板覆盖了哪些省份？")
    assert asks_divisions("Which Shenzhen districts host its clusters?")
    assert not asks_divisions("Where are the robots mainly used?")  # not a division
    assert not asks_divisions("哪个省级部门负责？")  # 省级 qualifies a body


def test_what_a_quoted_term_means_asks_its_gloss() -> None:
    from assistant.answering.asks import DEFINITION_Q, QUOTED
    from assistant.answering.statements import DEFINES, names_role

    question = "In the association's proposals, what does 'pilot testing' (中試) mean?"
    assert DEFINITION_Q.search(question) and DEFINITION_Q.search("中試是什麼意思？")
    terms = {t for groups in QUOTED.findall(question) for t in groups if t}
    assert terms == {"pilot testing", "中試"}  # not the apostrophe of association's
    assert DEFINES.search("「中試」即「中間性試驗」，是指科研成果後續的實驗。")
    assert DEFINES.search("「中試」即「中間性試驗」")
    # "是怎样界定…的", "如何定义" ask a definition; a quoted term opening its sentence with
    # 是 / 則是 gives one
    assert DEFINITION_Q.search("那篇报道是怎样界定“小巨人”企业的？")
    assert DEFINITION_Q.search("文章如何定義專精特新中小企業？")
    assert not DEFINITION_Q.search("怎样申报小巨人企业？")
    assert DEFINES.search("“小巨人”則是“專精特新”中小企業中的佼佼者。")
    assert DEFINES.search("“小巨人”是专注于细分市场的排头兵企业。")
    assert not DEFINES.search("2023年“小巨人”企業獎勵資金公示。")
    # who briefed reporters: a sentence naming a deputy head of a provincial department
    assert names_role("安徽省經濟和信息化廳副廳長吳韋人介紹")
    assert names_role("the Mayor of Suzhou said")


def test_which_reporter_is_answered_by_the_credit_line() -> None:
    from assistant.answering.names import credits, without_credited
    from assistant.answering.statements import asks_credit

    assert asks_credit("Which reporter wrote the October 2023 Hainan news item?")
    assert asks_credit("報道那則新聞的記者是誰？") and not asks_credit("Who chaired it?")
    assert credits("(記者邵長春)") and credits("鄂州新闻网讯(全媒体记者陈振亮)近日")
    assert not credits("记者日前从邮储银行获悉")  # a reporter, no name
    assert without_credited("(記者邵長春)") == "(記者   )"  # no 长春 left


def test_where_the_data_come_from_is_answered_by_the_line_citing_them(
        knowledge: Knowledge) -> None:
    from assistant.answering.statements import asks_data_source, cites_source

    source = "① 数据来源: 北京市、深圳市“小巨人”企业数量主要来自当地政府官网报道和上奇产业通数据。"
    figure = "北京市累计培育国家级专精特新“小巨人”企业1214家。"
    ask = asker(knowledge, [figure, source])
    question = "这份研究的“小巨人”企业数量数据来自哪里？"
    assert asks_data_source(question) and not asks_data_source("北京有多少家小巨人企业？")
    assert asks_data_source("The item was based on which outlet's report?")
    assert asks_data_source("那篇文章的數據是來自哪個數據中心？")
    assert not asks_data_source("这些企业主要来自哪个行业？")  # not the data's origin
    assert asks_data_source("这项研究里的小巨人数量数据是从哪里来的？")
    assert cites_source(source) and cites_source("證券時報網訊,據央視新聞消息,北交所…")
    assert not cites_source(figure)
    assert ask(question, [figure, source])[0] == source



def test_the_answer_reads_on_into_the_next_chunk_of_the_first_passages() -> None:
    # plumbing, not meaning: which chunks the answer step reads
    from assistant.answering.answerer import with_next

    a1, a2, b1, b2, c1 = (Document(id=i, page_content=i) for i in ("a1", "a2", "b1", "b2", "c1"))
    following = {"a1": a2, "b1": b2, "c1": a1}
    assert [d.id for d in with_next([a1, b1, c1], following, 2)] == ["a1", "b1", "c1", "a2", "b2"]
    assert [d.id for d in with_next([a1, a2], following, 2)] == ["a1", "a2"]  # read already
    assert [d.id for d in with_next([c1, b1], following, 0)] == ["c1", "b1"]


def test_what_was_a_places_increase_asks_a_figure() -> None:
    assert wants_number("What was Shenzhen's increase in national little giants in 2022?")
    assert wants_number("What is the number of little giants in Beijing?")
    assert not wants_number("What was Shenzhen's role in the programme?")
    # "哪一座城市" picks a city: its 数量 says what is compared, no figure is asked
    assert not wants_number("深圳在2022年超越了哪一座城市，使其数量由全国第四升到第三？")



def test_a_thing_whose_number_the_sentence_calls_small_gets_no_figure(
        knowledge: Knowledge) -> None:
    boards = ("北京市小巨人企业中，深交所创业板23家，上交所主板12家，"
              "深交所主板、港交所主板、海外创业板等其他板块数量较少。")
    ask = asker(knowledge, [boards])
    # 23 and 12 are other boards' figures: "数量较少" states none for the overseas board
    assert ask("北京有几家小巨人企业在海外主板上市？", [boards]) == []
    assert ask("北京有几家小巨人企业在上交所主板上市？", [boards]) == [boards]
    # the kind the listed things are of ("等其他板块") is no thing whose number is withheld
    assert ask("北京有几家小巨人企业在上交所主板这个板块上市？", [boards]) == [boards]


def test_when_a_thing_was_first_done_is_answered_without_the_word_first(
        knowledge: Knowledge) -> None:
    said = "1997年，克里斯坦森提出了颠覆式创新理论。"
    # 首次 is rare in this corpus (one text), the theory common: 首次 would be a key concept
    corpus = [said, "该企业首次入选名单。", *["颠覆式创新理论受到关注。"] * 4, "企业", "北京"]
    idf = Idf.build(corpus, knowledge.tokenizer)
    cache = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    assert quotes_for(knowledge, "颠覆式创新理论是哪一年首次提出的？", [said], idf, cache) == [said]


def test_a_count_of_srdi_smes_beside_a_mention_of_little_giants_counts_none() -> None:
    """The comma clauses that count firms and name what they count decide; a clause
    naming little giants without a count adds none."""
    asked = kinds_of("How many national little giants did Hubei have?")
    hubei = ("我省1800家企业近日获得省级第五批专精特新中小企业认定,省级以上专精特新中小企业总数"
             "达到4157家,意味着湖北冲击国家级专精特新“小巨人”储备更加充沛。")
    assert count_of_other_kind(asked, hubei)
    listed = "统计数据显示,首批81家上市公司中,“专精特新”企业占比过半。"
    assert not count_of_other_kind(kinds_of("专精特新企业占多大比重？"), listed)
    both = "全省专精特新中小企业达2618家,其中国家级“小巨人”企业86家。"
    assert not count_of_other_kind(asked, both)
