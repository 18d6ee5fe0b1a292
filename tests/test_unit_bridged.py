"""Cross-language lexical retrieval: BM25 with the question's words translated."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.config import Settings
from assistant.index.lexical import BM25Retriever
from assistant.knowledge import load_knowledge
from assistant.knowledge.dictionary import Bridge
from assistant.retrieval.bridged import BridgedBM25

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
