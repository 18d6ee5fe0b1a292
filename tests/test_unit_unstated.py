"""Near misses of figure questions: a sentence that names everything asked and still
states no figure for it is no answer; the sentence that does state it is quoted.

The texts are written for these tests (real knowledge tables, no index)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from langchain_core.documents import Document

from assistant.answering.extract import extract
from assistant.answering.group_items import item_of_group
from assistant.answering.passages import SentenceCache
from assistant.answering.question import Concept, Idf, Question
from assistant.answering.unstated import compared_only
from assistant.config import Settings
from assistant.knowledge import Knowledge, load_knowledge
from assistant.service import AssistantService


@cache
def _knowledge() -> Knowledge:
    return load_knowledge(Settings())


def quotes(question: str, texts: Sequence[str], title: str = "") -> list[str]:
    """What ``extract`` quotes for ``question`` from one passage per text."""
    knowledge = _knowledge()
    idf = Idf.build([*texts, "企业", "北京", "深圳"], knowledge.tokenizer)
    q = Question.parse(question, knowledge.glossary, knowledge.gazetteer, idf,
                       places=knowledge.place_names)
    passages = [
        Document(id=f"d{i}:1", page_content=t,
                 metadata={"doc_id": f"d{i}", "title": title or f"T{i}", "path": f"d{i}.txt"})
        for i, t in enumerate(texts)
    ]
    cache_ = SentenceCache(knowledge.tokenizer, knowledge.place_names,
                           place_spans=knowledge.places.spans)
    found = extract(q, passages, knowledge.gazetteer, 0.2, cache_)
    return [c.text for c in found.quotes]


def test_a_figure_of_several_batches_together_is_not_one_batchs() -> None:
    combined = "2024年通过复审的小巨人企业有3100家(包括第二批和第五批复审)。"
    assert quotes("第五批小巨人企业有多少家通过复审？", [combined]) == []
    each = "通过复审的第二批和第五批小巨人企业分别为600家、1500家。"
    assert quotes("第五批小巨人企业有多少家通过复审？", [each]) == [each]


def test_a_sentence_about_other_batches_does_not_answer_for_the_asked_one() -> None:
    text = ("工信部已公布第一至六批小巨人企业名单。"
            "通过复审的第一至三批小巨人企业分别为142家、1079家、2430家。")
    assert quotes("第五批小巨人企业有多少家通过复审？", [text]) == []
    assert "1079家" in quotes("第二批小巨人企业有多少家通过复审？", [text])[0]


def test_the_countrys_figure_does_not_answer_for_a_place() -> None:
    nation = ("## 各省份小巨人企业数量\n\n山东、江苏、浙江位居前列。"
              "截至目前，我国共有1.46万家小巨人企业。")
    assert quotes("山东有多少家小巨人企业？", [nation]) == []
    own = "山东省累计培育小巨人企业1000家，居全国第三。"
    assert quotes("山东有多少家小巨人企业？", [nation, own]) == [own]
    share = "山东小巨人企业数量众多，占全国的8%。"  # the country as the frame of a share
    assert quotes("山东的小巨人企业占全国的比例是多少？", [share]) == [share]


def test_the_tail_of_a_list_naming_the_asked_item_without_a_figure_is_no_answer() -> None:
    listed = ("深圳小巨人上市企业中，深交所创业板23家，港交所创业板2家，"
              "上交所主板、港交所主板等板块数量较少。")
    assert quotes("深圳在港交所主板上市的小巨人企业有几家？", [listed]) == []
    assert quotes("深圳在港交所创业板上市的小巨人企业有几家？", [listed]) == [listed]


def test_another_markets_figure_is_not_the_asked_markets() -> None:
    text = "北交所为小巨人企业上市服务。深圳小巨人企业发挥深交所创业板主场优势，上市数量达42家。"
    figure = text.split("。")[1] + "。"
    assert quotes("深圳有几家小巨人企业在北交所上市？", [text]) == []
    assert quotes("深圳有几家小巨人企业在深交所上市？", [text]) == [figure]


def test_numbers_that_label_are_not_figures_of_an_amount() -> None:
    source = "依据:关于对首次认定的小巨人企业给予奖励的20条措施(某政办发〔2019〕87号)"
    date = "统计时间为2025年3月31日，山东等省份小巨人企业数量Top20如下。"
    question = "对首次认定的小巨人企业奖励多少钱？"
    assert quotes(question, [source]) == []
    assert quotes("2025年3月山东有多少家小巨人企业？", [date]) == []
    own = "对首次认定的小巨人企业，一次性奖励50万元。"
    assert quotes(question, [source, own]) == [own]


def test_a_key_concept_named_only_in_a_cited_title_is_not_what_is_counted() -> None:
    notice = ("根据《关于开展2023年度瞪羚企业培育认定工作的通知》，"
              "认定某某公司等500家企业为2023年度专精特新中小企业。")
    assert quotes("2023年度认定了多少家瞪羚企业？", [notice]) == []
    own = "认定某某公司等80家企业为2023年度瞪羚企业。"
    assert quotes("2023年度认定了多少家瞪羚企业？", [notice, own]) == [own]


def test_a_key_concept_of_another_section_does_not_make_a_sentence_answer() -> None:
    text = ("一、省级政策\n\n对认定为省级单项冠军的企业给予财政资金奖励。\n\n"
            "二、开发区政策\n\n对首次认定的国家级小巨人企业，一次性奖励50万元。")
    assert quotes("开发区对首次认定的单项冠军企业奖励多少钱？", [text]) == []
    own = "三、高新区政策\n\n对首次认定的单项冠军企业，一次性奖励80万元。"
    assert quotes("高新区对首次认定的单项冠军企业奖励多少钱？", [text + "\n\n" + own]) == [own]


def test_a_list_going_on_about_another_place_does_not_answer_for_the_asked_one(
    service: AssistantService,
) -> None:
    """End to end: after "深圳市…数量达42家；" the list of markets is Shenzhen's, in any
    chunk that holds it (one opens with the list)."""
    record = service.ask("北京在港交所主板上市的小巨人有几家？")
    assert not record.found
    record = service.ask("深圳有多少家小巨人企业在北交所上市？")
    assert record.found and "北交所5家" in record.answer


def test_figures_of_parts_the_question_does_not_name_are_no_answer() -> None:
    parts = ("北京已上市小巨人企业中，软件和信息技术服务业（21家）、专用设备制造业（19家）"
             "位居前列，研究和试验发展、科技推广等科创赛道合计超30家。")
    listed = "北京小巨人企业在港交所主板等板块均有上市。"
    assert quotes("北京在港交所主板上市的小巨人企业有几家？", [listed + parts]) == []
    assert quotes("北京已上市小巨人企业中，软件和信息技术服务业有多少家？", [parts]) == [parts]


def test_additions_of_a_place_named_only_as_the_other_side_of_a_comparison() -> None:
    text = "第七批名单公示后，深圳以300家的新增数量居首，超越北京(1200家)。"
    assert quotes("第七批名单中，北京新增了多少家小巨人企业？", [text]) == []
    assert quotes("第七批名单中，深圳新增了多少家小巨人企业？", [text]) == [text]


def test_any_figure_of_a_place_named_only_as_the_other_side_of_a_comparison() -> None:
    text = "杭州市的小巨人企业为330家，占全省27%，数量较宁波少70家。"
    assert quotes("宁波有多少家小巨人企业？", [text]) == []
    assert quotes("杭州有多少家小巨人企业？", [text]) == [text]
    # the compared place's own figure in brackets is its figure (for a total)
    knowledge = _knowledge()
    idf = Idf.build(["企业"], knowledge.tokenizer)
    for question, expected in (("杭州有多少家小巨人企业？", False), ("杭州新增了多少家？", True)):
        q = Question.parse(question, knowledge.glossary, knowledge.gazetteer, idf,
                           places=knowledge.place_names)
        assert compared_only(q, "宁波以500家居全省首位，超越杭州(400家)。",
                             knowledge.places.spans) is expected
    # "低于", "比": the place after it is the other side
    q = Question.parse("江苏第五批入选了多少家？", knowledge.glossary, knowledge.gazetteer, idf,
                       places=knowledge.place_names)
    for sentence in ("广东第五批入选企业数略低于江苏,共658家;", "浙江第五批入选384家,比江苏少。"):
        assert compared_only(q, sentence, knowledge.places.spans)
    assert not compared_only(q, "江苏第五批入选795家,比浙江多。", knowledge.places.spans)
    # 比如 / 好比 give an example: the place after them is no other side
    assert not compared_only(q, "第五批入选较多的省份，比如江苏，共795家。", knowledge.places.spans)
    # "超江苏93家", "距江苏仅相差10家": the place after them is the other side too
    for sentence in ("2023年浙江增量300家，超江苏93家；",
                     "2024年浙江增量283家，总量距江苏仅相差10家；"):
        assert compared_only(q, sentence, knowledge.places.spans)
    assert not compared_only(q, "江苏超级工厂数量多，第五批入选795家。", knowledge.places.spans)


def test_a_figure_of_another_level_of_recognition_is_no_answer() -> None:
    text = "截至目前，南京累计培育国家制造业单项冠军企业31家、省级专精特新中小企业1424家。"
    assert quotes("南京累计培育了多少家省级制造业单项冠军企业？", [text]) == []
    assert quotes("南京累计培育了多少家国家制造业单项冠军企业？", [text]) == [text]
    assert quotes("How many national manufacturing single champions has Nanjing fostered?",
                  [text]) == [text]


def test_a_batch_named_by_a_sentence_holds_for_the_next_on_the_same_place_only() -> None:
    text = ("第七批名单中，杭州新增300家小巨人企业。其中电子信息领域120家。"
            "反观宁波，其小巨人企业为1200家。")
    assert quotes("第七批名单中，宁波的小巨人企业为多少家？", [text]) == []
    asked = "第七批名单中，杭州电子信息领域有多少家小巨人企业？"
    assert "其中电子信息领域120家。" in quotes(asked, [text])


def test_the_whole_province_is_the_places_scope_not_a_key_word() -> None:
    """全省 / 全市 frame the asked place's figure (我省…总数达到2100家) as 全国 does the
    country's: no word the sentence must repeat."""
    from assistant.answering.question import Concept
    from assistant.answering.unstated_keys import _plain

    assert not _plain(Concept(3.0, (frozenset({"全省"}), frozenset({"provinc"}))))
    assert _plain(Concept(3.0, (frozenset({"认定"}),)))


def test_a_figure_of_another_rung_of_the_ladder_does_not_answer() -> None:
    # a loan balance of SRDI SMEs is not one of little giants, and the other way round
    srdi = "截至5月末,全市“专精特新”企业贷款余额312.97亿元,比年初增长22.78%。"
    giants = "截至5月末,全市专精特新“小巨人”企业贷款余额80亿元。"
    assert quotes("截至5月末，专精特新“小巨人”企业的贷款余额是多少？", [srdi]) == []
    assert quotes("截至5月末，专精特新“小巨人”企业的贷款余额是多少？", [srdi, giants]) == [giants]
    assert quotes("截至5月末，专精特新企业的贷款余额是多少？", [srdi]) == [srdi]


def test_a_rung_named_by_the_document_title_is_expressed_by_its_conditions() -> None:
    condition = "(二)上年度研发费用总额不低于100万元,且占营业收入总额比重不低于3%。"
    other = "专精特新中小企业名单已公布。"  # the rung is a word of the corpus
    asked = "专精特新中小企业上年度研发费用总额至少要多少？"
    assert quotes(asked, [condition, other], title="专精特新中小企业认定") == [condition]
    assert quotes(asked, [condition, other], title="高新技术企业认定") == []


def test_an_english_question_listing_the_items_asks_for_the_groups_figure() -> None:
    # the question's English words meet the Chinese ones by the dictionary (a bridge this
    # test gives by hand: the key as the answerer would build it)
    knowledge = _knowledge()
    group = "以航空航天、医药健康等高端制造业为例，截至2025年上述领域的“小巨人”企业83家。"
    medicine = Concept(5.0, (frozenset({"medicin"}), frozenset({"医药"})))
    idf = Idf.build([group], knowledge.tokenizer)

    def of_group(question: str) -> bool:
        q = Question.parse(question, knowledge.glossary, knowledge.gazetteer, idf)
        return item_of_group(q, group, [medicine])

    assert not of_group("How many aerospace and medicine/health little giants are there?")
    assert of_group("How many medicine little giants are there?")


def test_a_title_the_question_quotes_may_be_named_inside_the_sentences_title() -> None:
    sentence = "2022年出台的《优质中小企业梯度培育管理暂行办法》构建了梯度培育体系。"
    assert quotes("《优质中小企业梯度培育管理暂行办法》是哪一年出台的？", [sentence]) == [sentence]
    # …while a word the question does not quote stays unsaid by a cited title
    assert quotes("梯度培育了多少家瞪羚企业？",
                  ["根据《关于开展瞪羚企业培育的通知》,认定2683家企业。"]) == []


def test_a_count_of_other_firms_is_no_count_of_the_asked_rung() -> None:
    loans = ("截至3月末,甘肃省“专精特新”企业贷款余额251.09亿元,较年初增长14.64%,462家企业中有"
             "317家有贷款余额,获贷率68.61%;专精特新“小巨人”企业贷款余额46.9亿元,较年初增长16.93%,"
             "所有“小巨人”企业均获得信贷支持,获贷率达100%。")
    assert quotes("截至3月末，甘肃省共有多少家国家级专精特新“小巨人”企业？", [loans]) == []
    # …the same sentence still answers for the little giants' loan balance
    assert "46.9亿元" in " ".join(quotes("甘肃专精特新“小巨人”企业贷款余额是多少？", [loans]))
    text = ("截至2025年底，北京市的创新型中小企业数量为1.7万家。"
            "2024年底，北京市的国家高新技术企业为2.97万家。")
    assert quotes("2024年底北京的創新型中小企業有多少家？", [text]) == []
    assert "2.97万家" in " ".join(quotes("2024年底北京的国家高新技术企业有多少家？", [text]))


def test_a_yearly_average_growth_answers_how_much_it_grows_each_year() -> None:
    from assistant.answering.asks import wants_share
    from assistant.answering.scope import other_aggregate
    from assistant.answering.unstated_keys import asked_keys

    target = ("针对专精特新企业,无锡提出“小巨人”企业贷款余额年均增速不低于15%,"
              "有贷款户数持续增加的硬指标;")
    asked = "無錫要求專精特新「小巨人」企業的貸款餘額每年平均至少增長多少？"
    assert not other_aggregate(asked, target)  # 年均 is an average
    # a figure for each one is no total, nor a total one for each
    total = "The central government has allocated 2.7 billion yuan for the second batch of cities."
    assert other_aggregate("中央财政给每个试点城市拨了多少钱？", total)
    assert not other_aggregate("中央财政给每个试点城市拨了多少钱？", "每个城市补助1亿元。")
    assert not other_aggregate("中央财政一共拨了多少钱？", total)
    assert wants_share(asked) and wants_share("营业收入和利润总额分别同比增长了多少？")
    assert not wants_share("今年增长了多少家？") and not wants_share("新增了多少家？")
    # 每年 is said by 年均 (or by figures year by year): no key the passage must name
    knowledge = _knowledge()
    # (the corpus uses every other word of the question, 每年 rarely: its rarest word)
    idf = Idf.build([target, *["专精特新小巨人企业至少要求贷款余额平均增长无锡"] * 6, "每年"],
                    knowledge.tokenizer)
    q = Question.parse(asked, knowledge.glossary, knowledge.gazetteer, idf,
                       places=knowledge.place_names)
    assert all("每年" not in form for k in asked_keys(q) for form in k.forms)
    # a stock cue (现有) is said by "at present" or a total; an addition (新增) stays a key
    from assistant.answering.scope import names_period
    assert names_period((frozenset({"现有"}),)) and not names_period((frozenset({"新增"}),))


def test_a_verb_is_no_key_a_passage_must_name_when_the_place_is_the_rarest_word() -> None:
    from assistant.answering.unstated_keys import asked_keys
    from assistant.knowledge.dictionary import Bridge

    knowledge = _knowledge()
    # a hand-made bridge calling 进入 a verb (CC-CEDICT glosses it "to enter"; plumbing)
    bridge = Bridge({}, {"进入": ("enter",)}, verbs=frozenset({"进入"}))
    # the place is the question's rarest word, 进入 the rarest of the rest
    idf = Idf.build(["柳州", *["广西专精特新企业培育库数量有多少家企业"] * 6, "进入 进入"],
                    knowledge.tokenizer)
    q = Question.parse("柳州有多少家企业进入了广西专精特新企业培育库？", knowledge.glossary,
                       knowledge.gazetteer, idf, bridge, places=knowledge.place_names)
    assert all("进入" not in form for k in asked_keys(q) for form in k.forms)


def test_an_english_sentence_glossing_a_term_in_chinese_is_english_to_the_key_check() -> None:
    from assistant.answering.selection import Candidate
    from assistant.answering.unstated_keys import key_outside_sentence

    knowledge = _knowledge()
    text = ("As of the end of September China Development Bank had made 13.1 billion yuan in "
            "loans to small and medium-sized enterprises (专精特新中小企业).")
    idf = Idf.build([text, "国家开发银行 贷款", "企业"], knowledge.tokenizer)
    q = Question.parse("国家开发银行向专精特新中小企业发放了多少贷款？", knowledge.glossary,
                       knowledge.gazetteer, idf, places=knowledge.place_names)
    bank = Concept(1.0, (frozenset({"国家开发银行"}),), True)
    cache_ = SentenceCache(knowledge.tokenizer, knowledge.place_names)
    doc = Document(id="e:1", page_content=text, metadata={"doc_id": "e", "title": "CDB loans"})
    cand = Candidate(doc, rank=1, start=0, end=len(text), score=1.0, coverage=0.5)
    assert not key_outside_sentence(q, [bank], cand, cache_)  # a translation may say it
    chinese = "截至9月末,该行已向专精特新中小企业发放贷款131亿元。"
    cdoc = Document(id="c:1", page_content=chinese, metadata={"doc_id": "c", "title": "贷款"})
    other = Candidate(cdoc, rank=1, start=0, end=len(chinese), score=1.0, coverage=0.5)
    assert key_outside_sentence(q, [bank], other, cache_)  # a Chinese one must name the bank
