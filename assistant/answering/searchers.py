"""Everything built from the indexed chunks for answering, swapped whole after an ingest:
the hybrid retriever's channels, IDF, the word bridge, the figures sheet and the sentence
cache. Token tables, centroids and the bridge come from caches beside the vector store,
so only chunks new since the last run are cut."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from assistant.answering.passages import SentenceCache
from assistant.answering.question import Idf
from assistant.config import Settings
from assistant.index.facts import read_facts
from assistant.index.lexcache import (
    cached_centroids,
    cached_pickle,
    document_frequencies,
    ids_key,
    signature_of,
    token_tables,
)
from assistant.index.lexical import BM25Index, BM25Retriever
from assistant.index.store import ChunkIndex
from assistant.knowledge import Knowledge
from assistant.knowledge.dictionary import Bridge, cedict_path, load_bridge
from assistant.retrieval.bridged import BridgedBM25
from assistant.retrieval.hybrid import DenseRetriever, HybridRetriever
from assistant.schema import FactRecord

__all__ = ["Searchers", "build_searchers"]


@dataclass
class Searchers:
    """Everything built from the indexed chunks (swapped whole after an ingest)."""

    chunks: list[Document]
    idf: Idf
    bridge: Bridge
    facts: list[FactRecord]
    hybrid: HybridRetriever
    sentences: SentenceCache


def build_searchers(
    cfg: Settings, knowledge: Knowledge, e5: tuple[ChunkIndex, Embeddings],
    use: tuple[ChunkIndex, Embeddings],
) -> Searchers:
    """Channels, IDF, bridge, figures and sentence cache over the indexed chunks."""
    index = e5[0]
    chunks = index.all_chunks()
    cache = cfg.vectorstore_dir / cfg.collection_name  # + .tokens.npz, .centroids.npz, …
    ids = [str(c.id) for c in chunks]
    centroids = cached_centroids(
        cache.parent / f"{cache.name}.centroids.npz", ids_key(ids), index.language_centroids
    ) if chunks else {}
    channels: dict[str, tuple[Any, float]] = {
        "e5": (DenseRetriever(index=index, embeddings=e5[1], centroids=centroids), cfg.weight_e5),
        "use": (DenseRetriever(index=use[0], embeddings=use[1]), cfg.weight_use),
    }
    tokenizer = knowledge.tokenizer
    signature = signature_of(cfg.glossary_path, cfg.entities_path)
    bm25_tokens, words = token_tables(
        cache.parent / f"{cache.name}.tokens.npz", signature, ids,
        lambda i: chunks[i].page_content,
        [tokenizer.tokenize, lambda text: tokenizer.tokenize(text, bigrams=False)],
    )
    idf = Idf(n=len(chunks), df=Counter(document_frequencies(words)))
    bridge = _bridge(
        cfg, knowledge, list(idf.df), cache.parent / f"{cache.name}.bridge.pkl",
        f"{signature}:{ids_key(ids)}:{cfg.use_dictionary}:verbs",
    )
    if chunks:
        bm25 = BM25Retriever.over(
            chunks, BM25Index.from_table(bm25_tokens), tokenizer, glossary=knowledge.glossary
        )
        bridged = BridgedBM25(bm25, bridge, to_zh=cfg.bridge_weight_zh, to_en=cfg.bridge_weight_en)
        channels["bm25"] = (bridged, cfg.weight_bm25)
    return Searchers(
        chunks, idf, bridge, read_facts(cfg), HybridRetriever(channels=channels, k=cfg.top_k),
        SentenceCache(tokenizer, knowledge.place_names, _leads(chunks)),
    )


def _leads(chunks: list[Document]) -> dict[str, str]:
    """Each document's first chunk (its title and opening), by document id."""
    return {str(c.metadata.get("doc_id", "")): c.page_content
            for c in reversed(chunks) if int(c.metadata.get("seq", 0)) == 0}


def _bridge(
    cfg: Settings, knowledge: Knowledge, vocabulary: list[str], path: Path, key: str
) -> Bridge:
    """The CC-CEDICT word bridge over ``vocabulary``, pickled next to the store under
    ``key`` (glossary, chunk set), so a start over an unchanged index does not rebuild it."""
    dictionary = cedict_path() if cfg.use_dictionary else None

    def build() -> Bridge:
        return load_bridge(
            dictionary,
            (w for w in vocabulary if not w.isascii()),
            (w for w in vocabulary if w.isascii()),
            knowledge.tokenizer.en_words,
        )

    if dictionary is not None and dictionary.is_file():
        stat = dictionary.stat()
        key = f"{key}:{stat.st_size}:{stat.st_mtime_ns}"
    return cached_pickle(path, key, build)
