"""Ingestion of the bundled corpus: offsets, cleaning, de-duplication, sizes, metadata.

Fast: no vector store, no embedding model.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest
from langchain_core.documents import Document

from assistant.config import Settings
from assistant.ingest import chunk_document, load_corpus, load_document, load_sources
from assistant.ingest.chunking import TAIL_SLACK, Budget
from assistant.ingest.document import SourceDoc
from assistant.schema import CHUNK_KEYS

SETTINGS = Settings()
CORPUS = SETTINGS.corpus_dir
SEED_FILES = sorted(p.name for p in CORPUS.glob("*.txt"))

Corpus = tuple[list[SourceDoc], dict[str, list[Document]]]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    docs, skipped = load_corpus(SETTINGS)
    assert skipped == []
    return docs, {d.doc_id: chunk_document(d, SETTINGS) for d in docs}


def _doc(corpus: Corpus, prefix: str) -> tuple[SourceDoc, list[Document]]:
    doc = next(d for d in corpus[0] if d.doc_id.startswith(prefix))
    return doc, corpus[1][doc.doc_id]


def _all_chunks(corpus: Corpus) -> list[Document]:
    return [c for chunks in corpus[1].values() for c in chunks]


def test_every_seed_file_is_a_document(corpus: Corpus) -> None:
    assert len(SEED_FILES) == 5
    assert sorted(d.path for d in corpus[0]) == SEED_FILES
    assert sorted(d.doc_id for d in corpus[0]) == [Path(n).stem for n in SEED_FILES]
    assert all(corpus[1][d.doc_id] for d in corpus[0])


def test_offsets_point_into_the_file_on_disk(corpus: Corpus) -> None:
    for doc in corpus[0]:
        original = (CORPUS / doc.path).read_bytes().decode("utf-8-sig")
        assert doc.text == original
        for chunk in corpus[1][doc.doc_id]:
            start, end = chunk.metadata["start"], chunk.metadata["end"]
            assert original[start:end] == chunk.page_content
            assert chunk.page_content == chunk.page_content.strip()


def test_chunk_metadata_has_exactly_the_schema_keys(corpus: Corpus) -> None:
    for doc in corpus[0]:
        chunks = corpus[1][doc.doc_id]
        assert [c.metadata["seq"] for c in chunks] == list(range(len(chunks)))
        for chunk in chunks:
            assert set(chunk.metadata) == set(CHUNK_KEYS)
            assert chunk.id == chunk.metadata["chunk_id"]
            assert chunk.metadata["doc_id"] == doc.doc_id
            assert chunk.metadata["file_hash"] == doc.file_hash
            assert all(isinstance(v, str | int) for v in chunk.metadata.values())


def test_chunk_ids_are_unique_and_stable(corpus: Corpus) -> None:
    ids = [c.id for c in _all_chunks(corpus)]
    assert len(ids) == len(set(ids))
    docs, _ = load_corpus(SETTINGS)
    again = [c.id for d in docs for c in chunk_document(d, SETTINGS)]
    assert again == ids


def test_chunks_never_cross_a_removed_region(corpus: Corpus) -> None:
    for doc in corpus[0]:
        for chunk in corpus[1][doc.doc_id]:
            start, end = chunk.metadata["start"], chunk.metadata["end"]
            assert any(s <= start and end <= e for s, e in doc.segments)


@pytest.mark.parametrize(
    "junk",
    [
        "当前位置",
        "主頁 > 新聞中心",
        "Home>>",
        "Welcome you!!",
        "3HAC036260",
        "Search documents",
        "點擊:",
        "Upload time",
        "Article source",
        "Bei Ke Cai Jing·",
        "Published on",
        "高端智能",
    ],
)
def test_site_chrome_and_bylines_are_not_indexed(corpus: Corpus, junk: str) -> None:
    from assistant.text.lang import to_simplified

    in_text = [d for d in corpus[0] if to_simplified(junk) in to_simplified(d.text)]
    assert in_text, f"{junk!r} should occur in some original (else the test proves nothing)"
    for chunk in _all_chunks(corpus):
        assert to_simplified(junk) not in to_simplified(chunk.page_content)


def test_keyword_spam_title_line_is_dropped(corpus: Corpus) -> None:
    doc, chunks = _doc(corpus, "002")
    first_line = doc.text.splitlines()[0]
    assert first_line.count("-") >= 3
    assert not any(first_line in c.page_content for c in chunks)
    assert not any(part in doc.cleaned_text() for part in first_line.split("-"))


def test_lone_menu_word_is_dropped(corpus: Corpus) -> None:
    doc, chunks = _doc(corpus, "002")
    assert re.search(r"(?m)^Network$", doc.text)
    assert not any(re.search(r"(?m)^Network$", c.page_content) for c in chunks)


def test_duplicated_article_of_002_is_indexed_once(corpus: Corpus) -> None:
    doc, chunks = _doc(corpus, "002")
    key = "專精特新“小巨人”企業1.46萬家"
    assert doc.text.count(key) == 2
    assert doc.cleaned_text().count(key) == 1
    assert sum(key in c.page_content for c in chunks) == 1
    sentences = [s for s in re.split(r"(?<=[。！？])", doc.cleaned_text()) if len(s.strip()) >= 20]
    repeated = [s for s, n in Counter(s.strip() for s in sentences).items() if n > 1]
    assert repeated == []
    assert doc.cleaned_text().count("作者單位") == 1


def test_no_chunk_text_occurs_twice(corpus: Corpus) -> None:
    texts = Counter(c.page_content for c in _all_chunks(corpus))
    assert max(texts.values()) == 1


def test_real_content_is_kept(corpus: Corpus) -> None:
    texts = [c.page_content for c in _all_chunks(corpus)]
    for needle in (
        "Yuan Ren Sizhao Qian",
        "任媛 钱思昭",
        "## 2.4 上市培育卓有成效，未来仍需持续加力",
        "<sup>①</sup>",
        "深圳市累计培育1331家",
        "In 2011, the Ministry of Industry and Information Technology first proposed",
        '"One Month One Chain" financing promotion campaign',
        "1,214 national-level",
    ):
        assert any(needle in t for t in texts), needle


def test_chunk_sizes_are_citation_sized(corpus: Corpus) -> None:
    for doc in corpus[0]:
        budget = Budget(doc.text, SETTINGS)
        for chunk in corpus[1][doc.doc_id]:
            start, end = chunk.metadata["start"], chunk.metadata["end"]
            assert budget.cost(start, end) <= SETTINGS.chunk_max_chars_zh * TAIL_SLACK
            assert budget.cost(start, end) >= SETTINGS.chunk_min_chars
            if chunk.metadata["lang"] == "en":
                assert 40 <= len(chunk.page_content.split()) <= 300
            else:
                assert len(re.findall(r"[\u4e00-\u9fff]", chunk.page_content)) <= 500
    lengths = sorted(len(c.page_content) for c in _all_chunks(corpus))
    assert 150 <= lengths[len(lengths) // 2] <= 1100


_SENTENCE_END = re.compile(r"([。！？；.!?;…][”’」』）)\]\"']*|\[\d+\])$")


def test_chunks_start_and_end_at_sentence_boundaries(corpus: Corpus) -> None:
    for doc in corpus[0]:
        for chunk in corpus[1][doc.doc_id]:
            start, end = chunk.metadata["start"], chunk.metadata["end"]
            after, before = doc.text[end : end + 3], doc.text[max(0, start - 3) : start]
            ends_ok = bool(_SENTENCE_END.search(chunk.page_content)) or after[:1] in ("", "\n")
            assert ends_ok or after.startswith(" - "), chunk.page_content[-60:]
            starts_ok = before[-1:] in ("", "\n") or bool(
                re.search(r"[。！？；.!?;”\]]\s*$", before)
            )
            assert starts_ok or before.endswith(" - "), chunk.page_content[:60]


def test_consecutive_chunks_overlap_by_at_most_one_sentence(corpus: Corpus) -> None:
    overlaps = 0
    for doc in corpus[0]:
        chunks = corpus[1][doc.doc_id]
        for prev, nxt in pairwise(chunks):
            assert nxt.metadata["start"] > prev.metadata["start"]
            shared = doc.text[nxt.metadata["start"] : prev.metadata["end"]]
            if shared:
                overlaps += 1
                assert prev.page_content.endswith(shared)
                assert len(re.findall(r"[。！？；.!?;](?:\s|$)|[。！？；]", shared)) <= 1
    assert overlaps > 0


def test_sources_yaml_is_honoured(corpus: Corpus) -> None:
    sources = load_sources(CORPUS)
    assert sorted(sources) == SEED_FILES
    for doc in corpus[0]:
        entry = sources[doc.path]
        assert doc.title == entry["title"] and doc.title
        assert doc.date == entry["date"]
        assert doc.publisher == entry["publisher"]
        assert doc.url == entry["url"]
        assert doc.lang == entry["lang"]
        for chunk in corpus[1][doc.doc_id]:
            assert chunk.metadata["title"] == doc.title
            assert chunk.metadata["date"] == doc.date


def test_metadata_is_read_from_the_text_without_a_sidecar() -> None:
    found = {p.name[:3]: load_document(CORPUS / p.name, CORPUS, {}) for p in CORPUS.glob("*.txt")}
    assert found["000"].date == "2026-01-27"
    assert found["000"].publisher == "Bei Ke Cai Jing"
    assert found["000"].title.startswith("让“小巨人”成长为“真巨头”")
    assert found["001"].date == "2022-08-27"
    assert found["002"].date == "2025-10-22"
    assert found["002"].url == "http://achie.org"
    assert found["002"].title == "專精特新中小企業加快顛覆式創新的困境和突破路徑"
    assert found["003"].date == "2024-10-15"
    assert found["004"].title.startswith("The Cultivation Status")
    assert found["004"].date == ""
    assert [found[k].lang for k in sorted(found)] == ["en", "en", "zh-Hant", "en", "zh-Hans"]


def test_chunk_language_is_detected_per_chunk(corpus: Corpus) -> None:
    _, chunks = _doc(corpus, "004")
    langs = {c.metadata["lang"] for c in chunks}
    assert langs == {"en", "zh-Hans"}
    assert "Yuan Ren" in chunks[0].page_content and chunks[0].metadata["lang"] == "en"
    _, chunks = _doc(corpus, "002")
    assert {c.metadata["lang"] for c in chunks} == {"zh-Hant"}
