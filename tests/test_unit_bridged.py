"""Cross-language lexical retrieval: BM25 with the question's words translated."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from langchain_core.documents import Document

from assistant.config import Settings
from assistant.index.lexical import BM25Retriever
from assistant.knowledge import load_knowledge
from assistant.knowledge.dictionary import Bridge, bridge_from, cedict_entries
from assistant.retrieval.bridged import BridgedBM25, TitleField

KNOWLEDGE = load_knowledge(Settings())
TEXTS = [
    ("zh", "深化京津冀产业协同，推动北京企业向周边地区拓展。"),
    ("zh", "深圳宝安、龙华电子装备集群带动硬件企业发展。"),
    ("en", "Beijing should deepen its cooperation with universities on research."),
]
BRIDGE = Bridge(
    {"deepen": ("深化",), "collabor": ("协同", "合作", "共同"), "region": ("地区", "区域")},
    {"协同": ("collabor",), "深化": ("deepen",)},
)


def _retriever(bridge: Bridge, **weights: float) -> BridgedBM25:
    docs = [Document(page_content=t, metadata={"doc_id": d}, id=f"c{i}")
            for i, (d, t) in enumerate(TEXTS)]
    lexical = BM25Retriever.from_documents(docs, KNOWLEDGE.tokenizer, glossary=KNOWLEDGE.glossary)
    return BridgedBM25(lexical, bridge, **weights)


def test_an_english_question_finds_the_chinese_passage_through_the_bridge() -> None:
    query = "With which region should Beijing deepen industrial collaboration?"
    assert _retriever(Bridge({}, {})).search(query, 3)[0][0].id == "c2"  # own words only
    assert _retriever(BRIDGE).search(query, 3)[0][0].id == "c0"


def test_translation_never_lowers_a_passage_in_the_questions_language() -> None:
    query = "Beijing deepen cooperation universities research"
    plain = dict((d.id, s) for d, s in _retriever(Bridge({}, {})).search(query, 3))
    bridged = dict((d.id, s) for d, s in _retriever(BRIDGE).search(query, 3))
    assert bridged["c2"] >= plain["c2"] > 0


def test_an_ambiguous_word_spreads_its_weight_and_directions_are_weighted() -> None:
    terms = _retriever(BRIDGE, to_zh=1.0, to_en=0.5).translated_terms("deepen collaboration")
    assert terms["深化"] > terms["协同"] == terms["合作"] > 0  # 1 form vs 3 forms
    back = _retriever(BRIDGE, to_zh=1.0, to_en=0.5).translated_terms("深化协同")
    assert back["deepen"] == 0.5  # translated into English: the to_en weight
    assert "深化" not in back  # the question's own words are not repeated


def test_a_chunk_is_found_by_its_documents_title() -> None:
    """A news item names its city in the headline only; its chunk says 全市."""
    texts = [
        ("xn", "咸宁98家企业入围", "截至目前，全市共有国家级专精特新企业20家。"),
        ("gz", "广州工业发展报告", "广州国家级企业数量增长，已有小巨人企业120家。"),
        ("sz", "深圳产业政策", "深圳支持中小企业创新发展。"),
        ("bj", "北京人才计划", "北京推动人才支持计划向企业倾斜。"),
        ("sh", "上海金融服务", "上海银行提供专项信贷产品。"),
    ]
    docs = [Document(page_content=t, metadata={"doc_id": d, "title": h}, id=d)
            for d, h, t in texts]
    lexical = BM25Retriever.from_documents(docs, KNOWLEDGE.tokenizer, glossary=KNOWLEDGE.glossary)
    query = "咸宁有多少家国家级小巨人企业？"
    titles = TitleField.of(lexical, [h for _, h, _ in texts], 1.0)
    plain = dict((d.id, s) for d, s in BridgedBM25(lexical, Bridge({}, {})).search(query, 5))
    titled = BridgedBM25(lexical, Bridge({}, {}), titles=titles).search(query, 5)
    assert max(plain, key=lambda c: plain[c]) == "gz"
    assert titled[0][0].id == "xn"
    assert dict((d.id, s) for d, s in titled)["gz"] == plain["gz"]  # its title is not asked


def test_every_sense_of_a_dictionary_entry_is_read(tmp_path: Path) -> None:
    # CC-CEDICT lines as the bundled file writes them: senses split by "/" and by ";"
    lines = [
        "企業 企业 [qi3 ye4] /company; firm; enterprise; corporation/CL:家[jia1]/",
        "主持 主持 [zhu3 chi2] /to take charge of; to manage/to host (a TV program)/",
    ]
    path = tmp_path / "cedict.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    entries = cedict_entries(path, {"企业", "主持"}, KNOWLEDGE.tokenizer.en_words)
    bridge = bridge_from(entries, ["compani", "enterpris", "host", "manag"])
    assert set(bridge.forms("企业")) == {"compani", "enterpris"}
    assert "企业" in bridge.forms("compani")
    assert bridge.is_verb("主持") and not bridge.is_verb("企业")


def test_a_name_written_in_pinyin_finds_the_chinese_word_reading_as_it() -> None:
    from assistant.knowledge.pinyin import readings_index

    assert readings_index(["皖西", "日报", "火石", "创造"])["wanxi"] == ("皖西",)
    docs = [Document(page_content=t, metadata={"doc_id": f"d{i}"}, id=f"c{i}") for i, t in
            enumerate(["据皖西日报报道，六安市六家企业入选。", "安徽日报报道，合肥企业入选。"])]
    lexical = BM25Retriever.from_documents(docs, KNOWLEDGE.tokenizer, glossary=KNOWLEDGE.glossary)
    retriever = BridgedBM25(lexical, Bridge({}, {}))
    query = "What did the Wanxi Daily report say?"
    assert "皖西" in retriever.translated_terms(query)
    assert retriever.search(query, 2)[0][0].id == "c0"
    # English words are no pinyin; a word the corpus itself writes is no name to read
    assert retriever._pinyin_words("What did the Daily Report say?") == []
    english = [Document(page_content="The Wanxi report.", metadata={"doc_id": "e"}, id="e0"),
               *docs]
    lexical = BM25Retriever.from_documents(english, KNOWLEDGE.tokenizer)
    assert BridgedBM25(lexical, Bridge({}, {}))._pinyin_words(query) == []


def test_the_readings_are_built_once_and_kept_beside_the_store(tmp_path: Path) -> None:
    docs = [Document(page_content="据皖西日报报道，六家企业入选。", metadata={"doc_id": "d"},
                     id="c0")]
    lexical = BM25Retriever.from_documents(docs, KNOWLEDGE.tokenizer)
    kept = (tmp_path / "srdi.readings.pkl", "readings-1:c0")
    retriever = BridgedBM25(lexical, Bridge({}, {}), readings=kept)
    assert retriever._pinyin_words("What did the Wanxi Daily say?") == ["皖西"]
    assert kept[0].is_file()
    # another process reads them back instead of building them
    again = BridgedBM25(lexical, Bridge({}, {}), readings=kept)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("assistant.retrieval.bridged.readings_index", _never)
        assert again._pinyin_words("What did the Wanxi Daily say?") == ["皖西"]


def _never(words: object) -> dict[str, tuple[str, ...]]:
    raise AssertionError("the readings were built again")
