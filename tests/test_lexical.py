"""Lexical side of retrieval: tokenisation, the bilingual glossary and BM25."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from langchain_core.documents import Document

from assistant.config import PROJECT_ROOT, Settings
from assistant.index.lexical import BM25Retriever
from assistant.knowledge import Knowledge, load_knowledge
from assistant.knowledge.glossary import (
    Glossary,
    GlossaryError,
    expand_query,
    expansion_terms,
    translations,
)

KNOWLEDGE = load_knowledge(Settings())
tokenize = KNOWLEDGE.tokenizer.tokenize


def load_glossary(path: Path | None = None) -> Glossary:
    """The packaged glossary, or one read from ``path`` through Settings."""
    return KNOWLEDGE.glossary if path is None else _custom(path).glossary


def _custom(path: Path) -> Knowledge:
    return load_knowledge(Settings(glossary_path=path))

PASSAGES = [
    ("bj", "北京市累计培育国家级专精特新“小巨人”企业1214家，排名全国第二。"),
    ("sz", "深圳市累计培育1331家，数量赶超北京，跃居全国首位。"),
    ("bj", "北京的“小巨人”企业有110家已上市，相对集中于上交所科创板和北交所，分别为35家、30家。"),
    ("tw", "截至2024年底，專精特新“小巨人”企業1.46萬家，國家級製造業單項冠軍達1557家。"),
    ("en", "The central government has allocated 2.7 billion yuan for digital transformation."),
    ("en", "Support the establishment of postdoctoral research workstations by little giants."),
    ("en", "Unicorn companies have fast development speed and high growth potential."),
]


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return [
        Document(page_content=text, metadata={"doc_id": doc_id, "chunk_id": f"c{i}"})
        for i, (doc_id, text) in enumerate(PASSAGES)
    ]


@pytest.fixture(scope="module")
def retriever(docs: list[Document]) -> BM25Retriever:
    return BM25Retriever.from_documents(docs, KNOWLEDGE.tokenizer, k=3, glossary=KNOWLEDGE.glossary)


def ids(results: list[tuple[Document, float]]) -> list[str]:
    return [d.metadata["chunk_id"] for d, _ in results]


# --- tokenisation ---------------------------------------------------------------


def test_traditional_and_simplified_tokenise_alike() -> None:
    assert tokenize("小巨人企业") == tokenize("小巨人企業")
    assert tokenize("国家级制造业单项冠军") == tokenize("國家級製造業單項冠軍")
    assert "小巨人" in tokenize("專精特新“小巨人”企業")


def test_british_and_american_spellings_tokenise_alike() -> None:
    assert tokenize("newly recognised organisations") == tokenize("newly recognized organizations")
    assert tokenize("the modernisation programme") == tokenize("the modernization program")
    assert tokenize("enterprise") == ["enterpris"]  # no -ise word is touched by a rule


def test_ruby_readings_left_in_a_page_are_no_words() -> None:
    """A page scraped with its pinyin ruby (企業(yè), 認(rèn)定) reads as the plain text;
    brackets holding no tone-marked reading stay."""
    assert tokenize("專精特新中小企業(yè)認(rèn)定") == tokenize("專精特新中小企業認定")
    assert "amr" in tokenize("自主移动机器人(AMR)")


def test_chinese_gets_words_and_bigrams_without_function_words() -> None:
    tokens = tokenize("北交所是专精特新企业的主阵地")
    assert {"北交所", "专精特新", "专精", "特新", "主阵地"} <= set(tokens)
    assert "的" not in tokens and "是" not in tokens


def test_english_is_lowercased_stemmed_and_stopped() -> None:
    assert tokenize("The Enterprises were Listed") == tokenize("enterprise listing")
    assert tokenize("SMEs") == tokenize("SME")
    assert "the" not in tokenize("the little giants")


def test_figures_inside_words_and_alphanumerics() -> None:
    assert tokenize("培育1214家") == ["1214", "培育", "培育", "家"]  # word + bigram
    assert "5g" in tokenize("5G networks")
    assert "10" not in tokenize("development funds [2][10]")


def test_tokenize_handles_empty_text() -> None:
    assert tokenize("") == []
    assert tokenize("   ，。！") == []


def test_segmenter_initialises_quietly() -> None:
    code = (
        "from assistant.config import Settings; from assistant.knowledge import load_knowledge; "
        "print(load_knowledge(Settings()).tokenizer.tokenize('专精特新小巨人企业'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert "小巨人" in done.stdout
    assert done.stderr == ""


# --- glossary -------------------------------------------------------------------


def test_packaged_glossary_loads_with_many_entries() -> None:
    glossary = load_glossary()
    assert 80 <= len(glossary.entries) <= 400  # (the glossary and the entity table)
    assert all(e.zh or e.en for e in glossary.entries)


def test_english_query_expands_to_chinese_terms() -> None:
    glossary = load_glossary()
    query = "little giant enterprises listed on the Beijing Stock Exchange"
    extra = expansion_terms(query, glossary)
    assert {"小巨人", "北交所", "上市"} <= set(extra)
    assert expand_query(query, glossary).startswith(query)
    assert {"小巨人", "北交所"} <= set(translations(query, glossary))


def test_chinese_query_translates_to_english_and_traditional_folds() -> None:
    glossary = load_glossary()
    simplified = translations("北交所上市的小巨人企业", glossary)
    assert {"Beijing Stock Exchange", "little giant", "listed"} <= set(simplified)
    assert translations("北交所上市的小巨人企業", glossary) == simplified


def test_english_variants_match_as_phrases() -> None:
    glossary = load_glossary()
    assert "专精特新" in translations("Specialized, refined, unique and new SMEs", glossary)
    assert "专精特新" in translations("SRDI enterprises", glossary)
    # the words of a phrase must be adjacent (stop words aside) to match
    assert "北交所" not in translations("stock prices in Beijing on the exchange", glossary)


def test_single_character_terms_need_a_word_boundary() -> None:
    glossary = load_glossary()
    assert "enterprises" in translations("有多少家", glossary)
    assert "enterprises" not in translations("国家战略", glossary)


def test_bad_glossary_gives_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    with pytest.raises(GlossaryError, match="cannot read glossary"):
        load_glossary(missing)
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - zh: {a: 1}\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="'zh' must be a list"):
        load_glossary(bad)
    flat = tmp_path / "flat.yaml"
    flat.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="entries"):
        load_glossary(flat)


def test_custom_glossary_teaches_the_segmenter(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text("entries:\n  - zh: [蓝鲸企業]\n    en: [blue whale]\n", encoding="utf-8")
    knowledge = _custom(path)
    assert translations("blue whales", knowledge.glossary) == ["蓝鲸企业"]
    assert "蓝鲸企业" in knowledge.tokenizer.words("这些蓝鲸企业")
    assert "蓝鲸企业" not in KNOWLEDGE.tokenizer.words("这些蓝鲸企业")  # no shared state


# --- BM25 -----------------------------------------------------------------------


def test_query_with_a_figure_ranks_its_passage_first(retriever: BM25Retriever) -> None:
    # c0 and c1 share their words; only the figure tells them apart
    assert ids(retriever.search("哪个城市累计培育了1,331家？", k=1)) == ["c1"]
    assert ids(retriever.search("哪个城市累计培育了1214家？", k=1)) == ["c0"]
    assert ids(retriever.search("14,600家小巨人企业", k=1)) == ["c3"]  # 1.46萬家 in c3
    assert ids(retriever.search("27亿元", k=1)) == ["c4"]


def test_english_query_finds_chinese_passage_through_the_glossary(docs: list[Document]) -> None:
    query = "little giant enterprises listed on the Beijing Stock Exchange"
    with_glossary = BM25Retriever.from_documents(
        docs, KNOWLEDGE.tokenizer, glossary=KNOWLEDGE.glossary
    )
    assert ids(with_glossary.search(query, k=1)) == ["c2"]
    without = BM25Retriever.from_documents(docs, KNOWLEDGE.tokenizer)
    assert "c2" not in ids(without.search(query, k=3))


def test_simplified_query_finds_traditional_passage(retriever: BM25Retriever) -> None:
    assert ids(retriever.search("国家级制造业单项冠军有多少家", k=1)) == ["c3"]


def test_doc_ids_restrict_results(retriever: BM25Retriever) -> None:
    query = "小巨人企业有多少家"
    everywhere = retriever.search(query, k=7)
    assert {d.metadata["doc_id"] for d, _ in everywhere} >= {"bj", "tw"}
    only_tw = retriever.search(query, k=7, doc_ids={"tw"})
    assert ids(only_tw) == ["c3"]
    assert retriever.search(query, k=7, doc_ids=[]) == []


def test_scores_are_positive_and_sorted(retriever: BM25Retriever) -> None:
    results = retriever.search("小巨人 北京 上市", k=5)
    scores = [s for _, s in results]
    assert scores == sorted(scores, reverse=True)
    assert all(s > 0 for s in scores)
    assert retriever.search("weather tomorrow", k=5) == []
    assert retriever.search("   ") == []


def test_langchain_invoke_returns_scored_documents(retriever: BM25Retriever) -> None:
    docs = retriever.invoke("postdoctoral research workstations")
    assert docs[0].page_content.startswith("Support the establishment of postdoctoral")
    assert docs[0].metadata["score"] > 0
    assert len(docs) <= retriever.k


def test_empty_index_returns_nothing() -> None:
    assert BM25Retriever.from_documents([], KNOWLEDGE.tokenizer).search("小巨人") == []


def corpus_paragraphs() -> list[Document]:
    docs = []
    for path in sorted((PROJECT_ROOT / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for i, para in enumerate(p.strip() for p in re.split(r"\n\s*\n", text)):
            if para:
                docs.append(Document(page_content=para, metadata={"doc_id": path.stem, "seq": i}))
    return docs


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("深圳市累计培育了多少家小巨人企业", "1331"),
        ("北京市國家高新技術企業有多少家", "2.97万家"),
        ("how much did local governments invest in SME digital transformation", "12 billion"),
        ("南山区和宝安区共有多少家小巨人企业", "712家"),
    ],
)
def test_real_corpus_paragraphs(query: str, needle: str) -> None:
    retriever = BM25Retriever.from_documents(
        corpus_paragraphs(), KNOWLEDGE.tokenizer, glossary=KNOWLEDGE.glossary
    )
    top = [d.page_content for d, _ in retriever.search(query, k=3)]
    assert any(needle in text for text in top), top


def test_a_query_compound_counts_by_its_parts() -> None:
    # a passage writing the compound split ("小巨人”企业") ranks as one writing it whole
    # (小巨人企業) when both name the asked place; the compound and the bigram 人企 across
    # its parts are rarer than the parts and would favour the whole spelling alone
    docs = [
        Document(page_content="第六批專精特新小巨人企業培育完成，小巨人企業共3012家。",
                 metadata={"doc_id": "a"}, id="whole"),
        Document(page_content="其次是武汉(348家)，“小巨人”企业集聚。", metadata={"doc_id": "b"},
                 id="split"),
        Document(page_content="成都的企业数量。", metadata={"doc_id": "c"}, id="other"),
    ]
    retriever = BM25Retriever.from_documents(docs, KNOWLEDGE.tokenizer)
    from assistant.index.lexical import query_tokens

    tokens = query_tokens(KNOWLEDGE.tokenizer, "武汉有多少家小巨人企业？")
    assert "小巨人企业" not in tokens and "人企" not in tokens and "小巨人" in tokens
    assert "综改" in query_tokens(KNOWLEDGE.tokenizer, "山西综改区")  # an unknown word's bigrams
    assert retriever.search("武汉有多少家小巨人企业？", 3)[0][0].id == "split"
