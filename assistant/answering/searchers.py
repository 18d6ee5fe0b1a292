"""Everything built from the indexed chunks for answering, swapped whole after an ingest:
the hybrid retriever's channels, IDF, the word bridge, the figures sheet and the sentence
cache, all from the index snapshot (:mod:`assistant.index.snapshot`). Token tables and
the bridge come from caches beside the vector store, so only chunks new since the last
run are cut."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.documents import Document

from assistant.answering.meaning import SentenceMeaning
from assistant.answering.passages import SentenceCache
from assistant.answering.question import Idf
from assistant.config import Settings
from assistant.index.facts import read_facts
from assistant.index.lexcache import (
    cached_pickle,
    document_frequencies,
    ids_key,
    read_pickle,
    signature_of,
    token_tables,
    write_pickle,
)
from assistant.index.lexical import BM25Index, BM25Retriever
from assistant.index.snapshot import Snapshot
from assistant.knowledge import Knowledge
from assistant.knowledge.dictionary import Bridge, bridge_from, cedict_entries, cedict_path
from assistant.knowledge.factsheet import FactSheet
from assistant.retrieval.bridged import BridgedBM25, TitleField
from assistant.retrieval.hybrid import DenseRetriever, HybridRetriever, language_centroids
from assistant.schema import FactRecord
from assistant.text import normalize
from assistant.text.normalize import fold

__all__ = ["Searchers", "build_searchers"]


@dataclass
class Searchers:
    """Everything built from the indexed chunks (swapped whole after an ingest)."""

    chunks: list[Document]
    idf: Idf
    bridge: Bridge
    facts: list[FactRecord]
    sheet: FactSheet  # the facts indexed for answering
    hybrid: HybridRetriever
    sentences: SentenceCache
    last_chunks: dict[str, Document]  # each document's last chunk (where notices sign off)
    following: dict[str, Document]  # chunk id -> the document's next chunk
    preceding: dict[str, Document]  # chunk id -> the document's chunk before


def build_searchers(
    cfg: Settings, knowledge: Knowledge, snap: Snapshot, embedders: dict[str, Any]
) -> Searchers:
    """Channels, IDF, bridge, figures and sentence cache over the snapshot's chunks
    (``embedders``: the query embedder of each dense channel, by name)."""
    chunks = snap.chunks
    cache = cfg.vectorstore_dir / cfg.collection_name  # + .tokens.npz, .bridge.pkl
    ids = [str(c.id) for c in chunks]
    e5 = snap.vectors["e5"]
    channels: dict[str, tuple[Any, float]] = {
        "e5": (DenseRetriever(chunks, e5, embedders["e5"], language_centroids(chunks, e5)),
               cfg.weight_e5),
        "use": (DenseRetriever(chunks, snap.vectors["use"], embedders["use"]), cfg.weight_use),
    }
    tokenizer = knowledge.tokenizer
    # (the tokenizer's own code too: a change to it tokenises every chunk again)
    signature = signature_of(cfg.glossary_path, cfg.entities_path, Path(normalize.__file__))
    bm25_tokens, words = token_tables(
        cache.parent / f"{cache.name}.tokens.npz", signature, ids,
        lambda i: chunks[i].page_content,
        [tokenizer.tokenize, lambda text: tokenizer.tokenize(text, bigrams=False)],
    )
    idf = Idf(n=len(chunks), df=Counter(document_frequencies(words)))
    bridge = _bridge(
        cfg, knowledge, list(idf.df), cache.parent / f"{cache.name}.bridge.pkl",
        f"{signature}:{cfg.use_dictionary}:verbs",
    )
    if chunks:
        bm25 = BM25Retriever.over(
            chunks, BM25Index.from_table(bm25_tokens), tokenizer, glossary=knowledge.glossary
        )
        titles = TitleField.of(bm25, [str(c.metadata.get("title", "")) for c in chunks],
                               cfg.title_weight)
        bridged = BridgedBM25(bm25, bridge, to_zh=cfg.bridge_weight_zh, to_en=cfg.bridge_weight_en,
                              titles=titles if cfg.title_weight > 0 else None,
                              readings=(cache.parent / f"{cache.name}.readings.pkl",
                                        f"readings-1:{ids_key(ids)}"))
        channels["bm25"] = (bridged, cfg.weight_bm25)
    facts = read_facts(cfg)
    return Searchers(
        chunks, idf, bridge, facts, FactSheet.of(facts),
        HybridRetriever(channels=channels, k=cfg.top_k, naming=knowledge.naming_test),
        SentenceCache(tokenizer, knowledge.place_names, _leads(chunks),
                      lambda text: knowledge.metrics.label(fold(text)), knowledge.places.spans,
                      knowledge.places.ancestors, knowledge.places.division,
                      _meaning(cfg, embedders)),
        _lasts(chunks),
        *_neighbours(chunks),
    )


def _meaning(cfg: Settings, embedders: dict[str, Any]) -> SentenceMeaning | None:
    """Sentence similarity by the language-neutral channel's encoder (none without it)."""
    encoder = embedders.get(cfg.relevance_channel)
    if encoder is None or cfg.answer_meaning_weight <= 0:
        return None
    return SentenceMeaning(encoder.encode_queries, cfg.answer_meaning_weight,
                           cfg.answer_meaning_top)


def _leads(chunks: list[Document]) -> dict[str, str]:
    """Each document's first chunk (its title and opening), by document id."""
    return {str(c.metadata.get("doc_id", "")): c.page_content
            for c in reversed(chunks) if int(c.metadata.get("seq", 0)) == 0}


def _lasts(chunks: list[Document]) -> dict[str, Document]:
    """Each document's last chunk, by document id."""
    out: dict[str, Document] = {}
    for c in chunks:
        key = str(c.metadata.get("doc_id", ""))
        seq = int(c.metadata.get("seq", 0))
        if key not in out or int(out[key].metadata.get("seq", 0)) < seq:
            out[key] = c
    return out


def _neighbours(chunks: list[Document]) -> tuple[dict[str, Document], dict[str, Document]]:
    """Each chunk's successor and predecessor in its document, by chunk id."""
    at = {(str(c.metadata.get("doc_id", "")), int(c.metadata.get("seq", 0))): c for c in chunks}

    def beside(step: int) -> dict[str, Document]:
        return {str(c.id): n for (doc, seq), c in at.items() if (n := at.get((doc, seq + step)))}

    return beside(1), beside(-1)


def _bridge(
    cfg: Settings, knowledge: Knowledge, vocabulary: list[str], path: Path, key: str
) -> Bridge:
    """The CC-CEDICT word bridge over ``vocabulary``, pickled next to the store under
    ``key`` (glossary) and the vocabulary, so a start does not rebuild it; when the
    vocabulary changed, only dictionary lines of new Chinese words are parsed (the lines
    of the others are kept in ``<store>.bridge.entries.pkl``). Every line, for the Chinese
    words of questions about English documents, is parsed once per dictionary and kept in
    the cache folder (``cache_dir``), not beside the store."""
    dictionary = cedict_path() if cfg.use_dictionary else None
    stamp = ""
    if dictionary is not None and dictionary.is_file():
        stat = dictionary.stat()
        stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
    key = f"{key}:{stamp}:bridge-3"  # 3: senses split by ";" too
    zh = frozenset(w for w in vocabulary if not w.isascii())
    en = [w for w in vocabulary if w.isascii()]

    def build() -> Bridge:
        if dictionary is None:
            return Bridge({}, {})
        entries_path = path.with_name(f"{path.stem}.entries.pkl")
        saved = read_pickle(entries_path, key)
        if saved is None:
            entries = cedict_entries(dictionary, zh, knowledge.tokenizer.en_words)
        else:
            words, kept = saved
            entries = [e for e in kept if e[1] in zh]
            entries += cedict_entries(dictionary, zh - words, knowledge.tokenizer.en_words)
        write_pickle(entries_path, key, (zh, entries))
        every = cached_pickle(  # the dictionary's, not the corpus's: in the shared cache
            cfg.cache_dir / "cedict.all.pkl", f"cedict-all-3:{stamp}",
            lambda: cedict_entries(dictionary, None, knowledge.tokenizer.en_words),
        )
        return bridge_from(entries, en, every)

    return cached_pickle(path, f"{key}:{ids_key(vocabulary)}", build)
