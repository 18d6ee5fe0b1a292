"""Question analysis: the kind of answer wanted, concepts across languages, IDF, coverage."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from assistant.answering.question import (
    Concept,
    Idf,
    Question,
    concepts,
    coverage,
    key_concepts,
)
from assistant.answering.topic import as_said, off_topic
from assistant.config import Settings
from assistant.knowledge import Knowledge, load_knowledge
from assistant.knowledge.dictionary import Bridge, load_bridge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(Settings())


@pytest.fixture(scope="module")
def idf(knowledge: Knowledge) -> Idf:
    texts = ["小巨人企业名单", "深圳市企业数量", "the pilot cities list", "企业"]
    return Idf.build(texts, knowledge.tokenizer)


def parse(text: str, knowledge: Knowledge, idf: Idf) -> Question:
    return Question.parse(text, knowledge.glossary, knowledge.gazetteer, idf)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("How many little giants does Shenzhen have?", {"wants_number"}),
        ("深圳有多少家小巨人企业？", {"wants_number"}),
        ("What share of revenue goes to R&D?", {"wants_share"}),
        ("What is the market share of the firm?", {"wants_share"}),
        # "share" as a verb asks for no proportion
        ("What tool does the article suggest to share the risk of innovation?", set()),
        ("研发投入占营收的比重是多少？", {"wants_share", "wants_number"}),
        ("Which year was the third batch announced?", {"wants_year"}),
        ("第三批名单是哪一年公布的？", {"wants_year"}),
        ("What funding does a little giant receive?", {"wants_amount"}),
        ("What is a little giant enterprise?", set()),
        ("Which region should deepen industrial collaboration?", set()),  # not "ratio"
        ("What percentage of firms are listed?", {"wants_share"}),
        # a measure asked for is a figure: "what is the total export value of…"
        ("What's the total export value of Hangzhou's little giants?", {"wants_number"}),
        # 哪几 picks several things (which), it does not ask how many
        ("杭州在哪几个领域形成了产业集群？", set()),
        ("哪幾個區的小巨人有多少家？", {"wants_number"}),
        ("追求规模的企业留下了哪些短板？", set()),  # 哪些 picks; 规模 names no count
        ("这项政策是在第几次会议上通过的？", set()),  # 第几: which one, no count
    ],
)
def test_wanted_answer_kind(text: str, wanted: set[str], knowledge: Knowledge, idf: Idf) -> None:
    q = parse(text, knowledge, idf)
    flags = {"wants_number", "wants_share", "wants_year", "wants_amount"}
    assert {f for f in flags if getattr(q, f)} == wanted


def test_glossary_concept_carries_every_language(knowledge: Knowledge, idf: Idf) -> None:
    found = concepts("How many little giants are there?", knowledge.glossary, idf)
    tokenize = knowledge.tokenizer.tokenize
    zh = set(tokenize("小巨人", bigrams=False))
    giant = [c for c in found if any(zh <= form for form in c.forms)]
    assert len(giant) == 1
    assert giant[0].covered(frozenset(tokenize("第三批小巨人企业名单", bigrams=False)))


def test_coverage_is_the_weighted_share_of_concepts(knowledge: Knowledge, idf: Idf) -> None:
    q = parse("深圳 小巨人", knowledge, idf)
    tokenize = knowledge.tokenizer.tokenize
    both = frozenset(tokenize("深圳的小巨人企业", bigrams=False))
    one = frozenset(tokenize("深圳的企业", bigrams=False))
    assert coverage(q, both) == pytest.approx(1.0)
    assert 0.0 < coverage(q, one) < 1.0
    assert coverage(q, frozenset()) == 0.0


def test_empty_question_has_no_concepts(knowledge: Knowledge, idf: Idf) -> None:
    q = parse("", knowledge, idf)
    assert q.concepts == [] and coverage(q, frozenset({"x"})) == 0.0


def test_entities_are_found_in_any_script(knowledge: Knowledge, idf: Idf) -> None:
    assert parse("深圳有多少家？", knowledge, idf).entities == frozenset({"Shenzhen"})
    assert parse("How many in Shenzhen?", knowledge, idf).entities == frozenset({"Shenzhen"})


def test_idf_ranks_rare_words_above_common_ones(knowledge: Knowledge, idf: Idf) -> None:
    assert idf.n == 4
    assert idf("名单") > idf("企业") > 0.0
    assert idf("never-seen") > idf("名单")


def test_an_asked_attribute_no_document_names_refuses(knowledge: Knowledge, idf: Idf) -> None:
    assert parse("What is the weather in Shenzhen tomorrow?", knowledge, idf).absent_attribute
    assert parse("今天深圳的天氣如何？", knowledge, idf).absent_attribute == "天气"
    # the attribute is in the corpus, or the question asks when, not for an attribute
    assert not parse("What is the number of little giants in Shenzhen?", knowledge, idf
                     ).absent_attribute
    assert not parse("深圳的企业数量是多少？", knowledge, idf).absent_attribute
    assert not parse("那份名单的文章是什么时候发布的？", knowledge, idf).absent_attribute
    # a sum is stated by its figure ("150 billion yuan"), whether or not a text says 金额
    assert not parse("再贷款已簽約的金額有多少？", knowledge, idf).absent_attribute
    # a glossary row (总经理 = general manager) is no sign the documents write the role
    assert parse("國家中小企業發展基金的總經理是誰？", knowledge, idf).absent_attribute
    assert not parse("What is the amount of the signed relending?", knowledge, idf
                     ).absent_attribute


def test_a_year_is_an_anchor_not_content(knowledge: Knowledge, idf: Idf) -> None:
    q = parse("Who won the football world cup in 2022?", knowledge, idf)
    assert q.anchors.years == {2022}
    tokens = set(knowledge.tokenizer.tokenize("2022年出台的办法", bigrams=False))
    assert coverage(q, tokens) == 0.0  # sharing only the year covers nothing


def test_the_metric_of_a_how_much_question(knowledge: Knowledge, idf: Idf) -> None:
    from assistant.answering.target import metric_phrase

    assert metric_phrase("截至2025年底，北京的国家高新技术企业有多少家？") == "国家高新技术企业"
    assert metric_phrase("What is the combined annual revenue of Shenzhen's firms?") == (
        "combined annual revenue"
    )
    assert "上市" in metric_phrase("2023年北京有多少家小巨人企业新上市？")
    # a measure qualified as a total, followed by what earned it
    assert metric_phrase("What was the total profit earned by the little giants in 2024?") == (
        "total profit"
    )
    q = parse("深圳的企业数量是多少？", knowledge, idf)
    assert q.metric and all("深圳" not in form for c in q.metric for form in c.forms)


def test_a_verb_is_never_a_key_concept(knowledge: Knowledge, tmp_path: Path) -> None:
    # CC-CEDICT glosses a verb "to …": 覆盖 only as one, 城市 never
    cedict = tmp_path / "cedict.txt.gz"
    with gzip.open(cedict, "wt", encoding="utf-8") as fh:
        fh.write("覆蓋 覆盖 [fu4 gai4] /to cover/\n城市 城市 [cheng2 shi4] /city/town/\n")
    tokenizer = knowledge.tokenizer
    texts = ["名单覆盖城市", "城市", "企业", "企业城市"]
    bridge = load_bridge(cedict, ["覆盖", "城市"], ["cover", "citi"], tokenizer.en_words)
    assert bridge.is_verb("cover") and bridge.is_verb("覆盖")
    assert not bridge.is_verb("citi") and not bridge.is_verb("城市")
    idf = Idf.build(texts, tokenizer)
    q = Question.parse("Which cities does it cover?", knowledge.glossary, knowledge.gazetteer,
                       idf, bridge)
    keys = [set().union(*k.forms) for k in key_concepts(q)]
    assert keys == [{"citi", "城市"}]  # 覆盖 is rarer, but only an action


def test_a_place_is_an_anchor_not_a_key_concept(knowledge: Knowledge) -> None:
    # the place may be named only by the passage's heading or the document's lead: the
    # anchors check it there, the key filter (passage words) must not ask for it again
    idf = Idf.build(["重庆 会议", "部长", "企业", "企业 会议"], knowledge.tokenizer)
    q = parse("重庆会议上部长说培育了多少家企业？", knowledge, idf)
    keys = [set().union(*k.forms) for k in key_concepts(q)]
    assert keys and not any("重庆" in k for k in keys)


def test_a_stated_figure_is_an_anchor_not_a_key_concept(knowledge: Knowledge) -> None:
    # "Chongqing's 118 little giants": the report may spell it out (One hundred and eighteen)
    idf = Idf.build(["118 企业", "output value", "企业", "output"], knowledge.tokenizer)
    q = parse("What output value did Chongqing's 118 little giants achieve?", knowledge, idf)
    keys = [set().union(*k.forms) for k in key_concepts(q)]
    assert keys and not any("118" in k for k in keys)
    assert "118" in q.anchors.figures


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Which Shenzhen districts host its electronic equipment clusters?", True),
        ("深圳的电子装备集群分布在哪些区？", True),
        ("Which city has more listed little giants, Beijing or Shenzhen?", False),  # a pick
        ("Where do the counts in the study come from?", False),
        ("How many little giants does Shenzhen have?", False),
    ],
)
def test_questions_whose_answer_is_a_place(
    text: str, wanted: bool, knowledge: Knowledge, idf: Idf
) -> None:
    assert parse(text, knowledge, idf).wants_place is wanted


def test_framing_words_and_batch_ordinals_are_no_concepts(knowledge: Knowledge) -> None:
    # interrogatives (哪一年, 几个), hedges (roughly, 大约, combined) and batch ordinals
    # (anchors, like years) name nothing a sentence must express: were they concepts,
    # their rarity would make them the key words an answer cannot contain
    idf = Idf.build(["深圳 小巨人 占 全国 总数 10%", "企业", "赛道 新材料", "一年 大约"],
                    knowledge.tokenizer)
    for text, framing in [
        ("深圳第六批獲批的小巨人大約佔全國總數的多少？", {"大约", "大約", "六批", "第六批"}),
        ("工信部是哪一年推出小巨人政策的？", {"一年"}),
        ("广东的小巨人主要集中在哪几个赛道？", {"几个"}),
        ("第七批名单公示后，这一批深圳新增了多少家？", {"一批", "七批", "第七批"}),
        ("Roughly what was the combined revenue of the first six batches?",
         {"roughli", "combin", "six", "batch"}),
        # a year's time frame is its anchor, checked with the year
        ("截至2023年底，杭州有多少家小巨人？", {"截至", "年底"}),
        ("As of the end of 2023, how many little giants did Hangzhou have?", {"end"}),
        ("第五批公示名单共有多少家？", {"共有"}),
        ("这项政策是在第几次会议上通过的？", {"第", "几次", "第几"}),
        # function words name nothing an answer must repeat
        ("深圳的小巨人总量跟北京比只有多少家？", {"跟", "只有"}),
    ]:
        words = {t for c in concepts(text, knowledge.glossary, idf) for f in c.forms for t in f}
        assert words and not words & framing, text


def test_an_ambiguous_word_is_not_a_key_concept(knowledge: Knowledge, tmp_path: Path) -> None:
    # "pay" reads as 待遇, 薪酬 or 关注: rare, but it names no one thing; "reward" does
    cedict = tmp_path / "cedict.txt.gz"
    with gzip.open(cedict, "wt", encoding="utf-8") as fh:
        fh.write("待遇 待遇 [dai4 yu4] /treatment/pay/\n薪酬 薪酬 [xin1 chou2] /pay/salary/\n"
                 "關注 关注 [guan1 zhu4] /attention/pay attention to/\n"
                 "獎勵 奖励 [jiang3 li4] /reward/award/\n")
    tokenizer = knowledge.tokenizer
    words = ["待遇", "薪酬", "关注", "奖励"]
    bridge = load_bridge(cedict, words, ["pay", "reward", "award"], tokenizer.en_words)
    idf = Idf.build(["待遇 奖励", "薪酬 奖励", "关注 企业", "企业"], tokenizer)
    q = Question.parse("What reward does the zone pay?", knowledge.glossary,
                       knowledge.gazetteer, idf, bridge)
    keys = [set().union(*k.forms) for k in key_concepts(q)]
    assert keys and all("pay" not in k for k in keys)
    assert any("reward" in k for k in keys)


def test_a_glossary_verb_is_no_key_concept(knowledge: Knowledge, tmp_path: Path) -> None:
    # 超过 (a glossary entry: 超过, 逾) is glossed only as an action: the passage may say
    # 超越; the thing asked about (宁波's rank) is what a key must name
    cedict = tmp_path / "cedict.txt.gz"
    with gzip.open(cedict, "wt", encoding="utf-8") as fh:
        fh.write("超過 超过 [chao1 guo4] /to surpass/to exceed/\n"
                 "數量 数量 [shu4 liang4] /amount/\n")
    tokenizer = knowledge.tokenizer
    bridge = load_bridge(cedict, ["超过", "数量"], ["surpass", "exceed", "amount"],
                         tokenizer.en_words)
    idf = Idf.build(["数量 超越", "数量 企业", "超过 企业", "企业"], tokenizer)
    q = Question.parse("深圳的数量是哪一年超过其他城市的？", knowledge.glossary,
                       knowledge.gazetteer, idf, bridge)
    keys = [set().union(*k.forms) for k in key_concepts(q)]
    assert keys and not any("超过" in k for k in keys)


def test_an_action_word_that_is_counted_stays_a_key(knowledge: Knowledge, tmp_path: Path) -> None:
    # "多少家企业新上市": listing (上市, glossed only as an action) is what is counted; a
    # sentence about another count of the same firms (增量) does not answer it
    cedict = tmp_path / "cedict.txt.gz"
    with gzip.open(cedict, "wt", encoding="utf-8") as fh:
        fh.write("上市 上市 [shang4 shi4] /to hit the market/to go public/\n")
    tokenizer = knowledge.tokenizer
    bridge = load_bridge(cedict, ["上市"], ["market", "public"], tokenizer.en_words)
    idf = Idf.build(["北京 上市 企业", "深圳 增量 企业", "企业", "北京 企业"], tokenizer)
    q = Question.parse("2023年北京有多少家企业新上市？", knowledge.glossary,
                       knowledge.gazetteer, idf, bridge)
    keys = [set().union(*k.forms) for k in key_concepts(q)]
    assert any("上市" in k for k in keys)


def _words(q: Question) -> set[str]:
    return {t for c in q.concepts for form in c.forms for t in form}


@pytest.mark.parametrize(
    ("text", "dropped", "kept"),
    [
        ("朝阳产业有哪些支持政策？", "朝阳", "产业"),  # a sunrise industry, not 朝阳区
        ("长安汽车获得了哪些支持？", "长安", "汽车"),  # a carmaker, not 长安区
    ],
)
def test_a_place_name_inside_a_word_is_not_the_place(
    knowledge: Knowledge, idf: Idf, text: str, dropped: str, kept: str
) -> None:
    plain = parse(text, knowledge, idf)
    q = Question.parse(text, knowledge.glossary, knowledge.gazetteer, idf,
                       places=knowledge.place_names, place_name=knowledge.places.is_name)
    assert dropped in _words(plain)  # the tokenizer offers the compound's parts
    assert dropped not in _words(q) and kept in _words(q)


def test_a_named_place_inside_a_longer_word_still_counts(knowledge: Knowledge, idf: Idf) -> None:
    for text, place in (("北京市朝阳区有多少家小巨人？", "朝阳"), ("深圳湾有哪些企业？", "深圳")):
        q = Question.parse(text, knowledge.glossary, knowledge.gazetteer, idf,
                           places=knowledge.place_names, place_name=knowledge.places.is_name)
        assert place in _words(q)


def test_a_word_and_the_pieces_the_segmenter_cuts_from_it_are_one_concept(
    knowledge: Knowledge, idf: Idf
) -> None:
    # search mode cuts 省区市 into 省区, 区市 and 省区市: one word of the question, not three
    q = parse("有多少个省区市提到了小巨人企业？", knowledge, idf)
    region = [c for c in q.concepts if any(f & {"省区", "区市", "省区市"} for f in c.forms)]
    assert len(region) == 1
    # a text says the word itself, or all of its pieces
    assert region[0].covered(frozenset({"省区市"}))
    assert region[0].covered(frozenset({"省区", "区市"}))
    assert not region[0].covered(frozenset({"区市"}))
    tokens = frozenset(knowledge.tokenizer.tokenize("小巨人企业提到", bigrams=False))
    assert coverage(q, tokens) > 0.5  # the unknown word weighs once


def test_the_source_a_question_cites_is_no_key_concept(knowledge: Knowledge) -> None:
    texts = ["国务院新闻办公室 发布会", "专精特新中小企业 141000", "专精特新中小企业"]
    idf = Idf.build(texts, knowledge.tokenizer)
    cited = parse("据国新办发布会介绍，全国有多少家专精特新中小企业？", knowledge, idf)
    plain = parse("国新办发布会上全国有多少家专精特新中小企业？", knowledge, idf)
    # the source frames the question: the sentence with the figure need not name it
    assert cited.source_words
    assert not any(c.covered(frozenset({"国新办"})) for c in key_concepts(cited))
    assert any(c.covered(frozenset({"国新办"})) for c in key_concepts(plain))
    # a report named as the source ("根据…数据分析报告，") frames the question too
    texts = ["数据分析 报告", "小巨人 3012家", "小巨人"]
    idf = Idf.build(texts, knowledge.tokenizer)
    report = parse("根据第一至七批小巨人数据分析报告，2024年新认定的有多少家？", knowledge, idf)
    named = parse("第一至七批小巨人数据分析报告中2024年新认定的有多少家？", knowledge, idf)
    assert not any(c.covered(frozenset({"报告"})) for c in key_concepts(report))
    assert any(c.covered(frozenset({"报告"})) for c in key_concepts(named))


@pytest.mark.parametrize(("text", "places", "ordinals"), [
    ("Which firm wrote the Fujian handbook covered by the Hong Kong paper?", {"福建"}, set()),
    ("澳门日报说福建有多少家小巨人？", {"福建"}, set()),
    # the source's batches still scope the question; only its places are where it appeared
    ("According to the Xiamen study of the first two batches, how many did Fujian have?",
     {"福建"}, {1, 2}),
])
def test_the_place_of_a_cited_outlet_is_no_anchor(
    text: str, places: set[str], ordinals: set[int], knowledge: Knowledge, idf: Idf
) -> None:
    q = Question.parse(text, knowledge.glossary, knowledge.gazetteer, idf, None,
                       knowledge.place_names, knowledge.places.is_name)
    assert {p for p in q.anchors.places if not p.isascii()} == places
    assert q.anchors.ordinals == ordinals



@pytest.mark.parametrize(
    ("wrapped", "plain"),
    [
        ("What are little giant enterprises, in one sentence?",
         "What are little giant enterprises?"),
        ("Briefly, what is a little giant enterprise?", "What is a little giant enterprise?"),
        ("In short, how many little giants does Shenzhen have?",
         "How many little giants does Shenzhen have?"),
        ("用一句话说说什么是小巨人企业？", "什么是小巨人企业？"),
        ("请简单介绍一下深圳的小巨人企业数量", "深圳的小巨人企业数量"),
    ],
)
def test_the_form_asked_for_the_answer_changes_nothing_asked(
    wrapped: str, plain: str, knowledge: Knowledge, idf: Idf
) -> None:
    """"…, in one sentence?" asks what "…?" asks: the same kind, concepts and anchors."""
    a, b = parse(wrapped, knowledge, idf), parse(plain, knowledge, idf)
    fields = ("concepts", "wants_number", "wants_definition", "wants_list", "anchors", "scope")
    assert [getattr(a, f) for f in fields] == [getattr(b, f) for f in fields]


def test_words_like_the_answer_form_inside_content_stay() -> None:
    from assistant.answering.framing import without_answer_form

    for text in ["What does the simply named fund do?", "简单的产品有哪些？", "深圳有多少家？"]:
        assert without_answer_form(text) == text


def test_a_chinese_word_no_chinese_text_uses_meets_its_english_forms(
    knowledge: Knowledge,
) -> None:
    """A Chinese question about an English document: 品牌 (in no Chinese text) meets
    "brand" through the whole dictionary, without becoming a word the corpus knows."""
    from assistant.knowledge.dictionary import bridge_from

    corpus = [(1, "企业", (("enterpris", False),))]
    every = [(2, "品牌", (("brand", False),)), (3, "企业", (("firm", False),))]
    bridge = bridge_from(corpus, ["brand", "enterpris", "firm"], every)
    assert bridge.asked_forms("品牌") == ("brand",) and bridge.asked_forms("企业") == ()
    idf = Idf.build(["企业 brand"], knowledge.tokenizer)
    q = Question.parse("首批推出多少个品牌？", knowledge.glossary, knowledge.gazetteer, idf, bridge)
    brand = next(c for c in q.concepts if c.covered(frozenset({"品牌"})))
    assert brand.covered(frozenset({"brand"})) and not brand.in_corpus


def test_a_chinese_attribute_asked_with_yigong_is_read() -> None:
    from assistant.answering.target import asked_attribute

    assert asked_attribute("杭州已上市的小巨人企业去年净利润一共多少？") == "小巨人企业去年净利润"


def test_a_compound_the_dictionary_lacks_is_said_by_its_pieces_translations(
    knowledge: Knowledge,
) -> None:
    # a hand-made bridge (the dictionary's entries for the pieces; plumbing, not meaning)
    bridge = Bridge({}, {"标准": ("standard",), "电池": ("batteri",)})
    idf = Idf.build(["行业标准 标准 industri standard", "电池 batteri"], knowledge.tokenizer)

    def concept_of(question: str, word: str) -> Concept:
        q = Question.parse(question, knowledge.glossary, knowledge.gazetteer, idf, bridge)
        return next(c for c in q.concepts if any(word in f for f in c.forms))

    standards = concept_of("小巨人企业参与制定了多少项行业标准？", "行业标准")
    assert standards.covered(frozenset({"industri", "standard"})) and standards.bridged
    # every piece needs a translation: 手机 has none here, so "battery" says nothing
    assert not concept_of("手机电池怎样保养？", "手机电池").covered(frozenset({"batteri"}))
    # a document's name is no compound to translate
    assert not concept_of("《行业标准管理办法》是哪年发布的？", "行业标准").covered(
        frozenset({"standard"}))

    # a function word inside a compound (通过 of 通过率) translates its piece ("pass rate"),
    # but a sentence saying only the function word (通过复审) does not say the compound
    bridge = Bridge({}, {"通过": ("pass",)})
    idf = Idf.build(["通过率 通过 pass rate", "复审"], knowledge.tokenizer)
    rate = concept_of("南通的通过率是多少？", "通过率")
    assert rate.covered(frozenset({"pass"})) and not rate.covered(frozenset({"通过"}))


def test_the_outlet_a_question_cites_is_no_unknown_name(knowledge: Knowledge, idf: Idf) -> None:
    def unknown(text: str) -> tuple[str, ...]:
        return Question.parse(text, knowledge.glossary, knowledge.gazetteer, idf).unknown_names

    assert unknown("According to the Anue article on Shenzhen, what does a firm need?") == ()
    assert unknown("What did Anue report about Shenzhen's little giants?") == ("Anue",)


def test_the_report_a_question_reads_from_frames_it(knowledge: Knowledge, idf: Idf) -> None:
    q = Question.parse("2022年南京全国专精特新中小企业发展大会的报道中，规上企业的收入门槛是多少？",
                       knowledge.glossary, knowledge.gazetteer, idf, None, knowledge.place_names)
    # the year and the place say which report; neither is an anchor of the figure
    assert q.document_years == {2022}
    assert not q.anchors.years and not q.anchors.places
    plain = Question.parse("2022年南京规上企业的收入门槛是多少？", knowledge.glossary,
                           knowledge.gazetteer, idf, None, knowledge.place_names)
    assert plain.anchors.years == {2022} and "南京" in plain.anchors.places


def test_a_report_described_by_its_language_still_frames_the_question(
    knowledge: Knowledge, idf: Idf
) -> None:
    q = Question.parse("南京2022年11月的英文报道中，企业研发投入多少？", knowledge.glossary,
                       knowledge.gazetteer, idf, None, knowledge.place_names)
    assert q.document_years == {2022} and not q.anchors.places
    assert {"英文", "报道"} <= q.source_words


def test_a_dates_month_and_day_are_no_concepts(knowledge: Knowledge, idf: Idf) -> None:
    # the month is an anchor checked against a sentence's date, as "July" is
    words = {w for c in concepts("2021年11月14日发布的名单有多少家企业？", knowledge.glossary, idf)
             for f in c.forms for w in f}
    assert not words & {"11", "14"} and "名单" in words


def test_a_place_opening_a_firms_name_is_no_anchor(knowledge: Knowledge, idf: Idf) -> None:
    def places(text: str) -> frozenset[str]:
        return Question.parse(text, knowledge.glossary, knowledge.gazetteer, idf,
                              places=knowledge.place_names,
                              place_spans=knowledge.places.spans).anchors.places

    # the passages name the firm, and do not count its place either
    assert "芜湖" not in places("蕪湖楚睿智能科技有限公司專注哪些關鍵領域？")
    assert "芜湖" in places("芜湖有多少家小巨人企业？")
    assert "金华" not in places("李金华2021年发表的论文题目是什么？")  # a person's name


def test_a_directional_complement_is_no_concept(knowledge: Knowledge) -> None:
    local = Idf.build(["六个省份合计占比超过全国总量的60%", "站起来", "起来"], knowledge.tokenizer)
    q = parse("这六个省份的小巨人加起来占全国多大比例？", knowledge, local)
    assert not any("起来" in form for c in q.concepts for form in c.forms)
    assert any("省份" in form for c in q.concepts for form in c.forms)
    q = parse("六安市当时有多少家省级专精特新企业？", knowledge, local)  # "at the time"
    assert not any("当时" in form for c in q.concepts for form in c.forms)


def test_a_question_about_nothing_the_corpus_knows_is_off_topic(knowledge: Knowledge) -> None:
    texts = ["北京 上海 小巨人企业 数量", "上海市 企业 名单", "北京市 专精特新"]
    idf = Idf.build(texts, knowledge.tokenizer)
    # only the places are in the corpus: what is asked (high-speed rail times) is not
    assert off_topic(parse("北京到上海坐高铁最快要多久？", knowledge, idf))
    # one word the corpus knows beyond the places: the question is about the corpus
    assert not off_topic(parse("北京和上海的小巨人企业数量是多少？", knowledge, idf))
    # a question naming only a place asks for nothing to be missing
    assert not off_topic(parse("上海？", knowledge, idf))


def test_the_source_a_question_cites_need_not_be_repeated_by_the_answer(
        knowledge: Knowledge) -> None:
    texts = ["颠覆式创新 文章", "产业生态 滞后 抑制 创新积极性", "企业 生态"]
    idf = Idf.build(texts, knowledge.tokenizer)
    q = parse("据颠覆式创新那篇文章，产业生态滞后有什么影响？", knowledge, idf)
    sentence = frozenset(knowledge.tokenizer.tokenize("产业生态配套体系滞后，抑制企业创新积极性"))
    # the sentence says what is asked; the source's words are the passage's to match
    assert coverage(as_said(q), sentence) > coverage(q, sentence)
    assert not any(c.covered(frozenset({"文章"})) for c in as_said(q).concepts)
    plain = parse("产业生态滞后有什么影响？", knowledge, idf)
    assert as_said(plain) is plain


def test_an_english_place_names_stem_is_no_other_concept(
    knowledge: Knowledge, tmp_path: Path
) -> None:
    # "Xianning" stems to "xian", which a dictionary reads as 西安: the place is an
    # anchor (咸宁), not a key a sentence about 咸宁 would have to say as 西安
    cedict = tmp_path / "cedict.txt.gz"
    with gzip.open(cedict, "wt", encoding="utf-8") as fh:
        fh.write("西安 西安 [Xi1 an1] /Xi'an/\n")
    tokenizer = knowledge.tokenizer
    idf = Idf.build(["西安市企业", "咸宁市新增企业", "企业"], tokenizer)
    bridge = load_bridge(cedict, ["西安"], ["xian"], tokenizer.en_words)
    q = Question.parse(
        "How many new SRDI SMEs did Xianning add in 2022?", knowledge.glossary,
        knowledge.gazetteer, idf, bridge,
        knowledge.place_names, knowledge.places.is_name, knowledge.places.spans,
    )
    assert "咸宁" in q.anchors.places
    assert not any(frozenset({"西安"}) in k.forms for k in key_concepts(q))


def test_a_quarter_or_half_year_is_no_unknown_name(knowledge: Knowledge, idf: Idf) -> None:
    def unknown(text: str) -> tuple[str, ...]:
        return Question.parse(text, knowledge.glossary, knowledge.gazetteer, idf).unknown_names

    assert unknown("By the end of Q3 2025, how many SRDI firms had credit lines?") == ()
    assert unknown("How much did the little giants earn in H1 2024?") == ()
    assert unknown("By the end of Q3 2025, how many firms had Zorblax credit?") == ("Zorblax",)


def test_the_figures_of_a_supposed_case_are_no_anchors(knowledge: Knowledge, idf: Idf) -> None:
    def figures(text: str) -> frozenset[str]:
        return Question.parse(text, knowledge.glossary, knowledge.gazetteer, idf).anchors.figures

    # the asker's own numbers: the documents state brackets and thresholds, not these
    assert not figures("Our SME scored only 55 points; is 15 million yuan of R&D enough?")
    assert not figures("A provincial SRDI firm in Longgang spent 20 million yuan on R&D. "
                       "How much is its subsidy?")
    assert not figures("龙岗一家省级专精特新企业去年研发投入8000万元，能拿多少补贴？")
    # a figure naming what is asked about stays one ("每一家" is no supposed firm)
    assert figures("中央财政对每一家获得1000万元的企业支持多少？")
    assert figures("Which city had 1,331 little giants?")


def test_the_whole_of_a_named_place_is_no_metric(knowledge: Knowledge, idf: Idf) -> None:
    q = parse("深圳的国家级小巨人大约占广东全省的多少？", knowledge, idf)
    assert q.metric and not any("全省" in form for c in q.metric for form in c.forms)


def test_a_handbook_or_study_a_question_reads_from_is_its_source() -> None:
    from assistant.answering.target import attribution

    assert attribution("普华永道的成长手册里，深圳大约占广东全省的多少？") == "普华永道的成长手册里"
    assert attribution("宁波大学那份研究，浙江有多少家？") == "宁波大学那份研究"
    assert attribution("In the PwC handbook, what share does Shenzhen hold?") == (
        "In the PwC handbook")
    assert attribution("深圳在全省的占比是多少？") == ""


def test_in_a_row_meets_its_english_phrasing(knowledge: Knowledge, idf: Idf) -> None:
    words = frozenset(knowledge.tokenizer.tokenize("Shenzhen led for three years in a row.",
                                                   bigrams=False))
    q = parse("深圳连续几年新增最多？", knowledge, idf)
    assert all(c.covered(words) for c in q.concepts if "连续" in str(c.forms))
    assert any("连续" in str(c.forms) for c in q.concepts)


def test_the_event_a_question_reads_from_frames_it(knowledge: Knowledge, idf: Idf) -> None:
    q = Question.parse("2022年南京全国专精特新中小企业发展大会上，徐晓兰称参与制定了多少项标准？",
                       knowledge.glossary, knowledge.gazetteer, idf, None, knowledge.place_names)
    # the conference's year and city say which report, not whose figure
    assert q.document_years == {2022}
    assert not q.anchors.years and not q.anchors.places
    assert parse("At the 2022 conference in Nanjing, what did Xu say?", knowledge, idf
                 ).document_years == {2022}


def test_this_year_is_the_cited_documents_year(knowledge: Knowledge, idf: Idf) -> None:
    q = parse("根据国新办2024年10月14日的发布会，今年中央财政将支持多少家企业？", knowledge, idf)
    assert q.anchors.years == {2024}  # its "next year" (2025) is another year
    assert not parse("今年中央财政将支持多少家企业？", knowledge, idf).anchors.years


def test_a_general_managers_title_is_known_in_short(knowledge: Knowledge, idf: Idf) -> None:
    unknown = Question.parse("What did the BSE deputy GM say about high-tech firms?",
                             knowledge.glossary, knowledge.gazetteer, idf).unknown_names
    assert unknown == ()
