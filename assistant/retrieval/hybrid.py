"""Hybrid retrieval: BM25 plus two dense channels through Chroma, fused by score.

Every channel is a LangChain retriever (swappable) with a ``search`` method
returning scored Documents; :class:`HybridRetriever` fuses min-max normalised
scores with fixed weights.

* BM25 (``assistant.index.lexical``) over script-folded, jieba-segmented text, with
  glossary translations of the question's terms: the workhorse.
* multilingual USE (``assistant.models.use``): little language bias, so it
  finds the Chinese passage for an English question and the reverse.
* e5 (sentence-transformers): strong within a language but biased towards the
  question's language; its similarities are centred per language.
"""

from __future__ import annotations

from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field, PrivateAttr

from assistant.index.store import ChunkIndex

Scored = list[tuple[Document, float]]


def doc_filter(doc_ids: Collection[str] | None) -> dict[str, Any] | None:
    """A Chroma ``where`` clause restricting the search to some documents."""
    return None if doc_ids is None else {"doc_id": {"$in": sorted(doc_ids)}}


class DenseRetriever(BaseRetriever):
    """Dense retrieval through a Chroma collection, optionally centred per language.

    With ``centroids`` (mean passage vector per language), every similarity is
    reduced by the question's similarity to the centroid of the passage's
    language, so passages compete on content rather than on language.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: ChunkIndex
    embeddings: Any  # anything with encode_queries(list[str]) -> float32 array
    centroids: dict[str, Any] = Field(default_factory=dict)
    k: int = 10

    def search(
        self, query: str, k: int | None = None, doc_ids: Collection[str] | None = None
    ) -> Scored:
        """Best passages by (centred) cosine similarity."""
        k = k or self.k
        vec = self.embeddings.encode_queries([query])[0]
        offsets = {lang: float(vec @ c) for lang, c in self.centroids.items()}
        # One query deep enough for every language to show its best passages, then
        # the per-language offsets re-rank them.
        depth = k * max(1, len(offsets))
        found = self.index.search(vec.tolist(), depth, doc_filter(doc_ids))
        hits = [(doc, sim - offsets.get(str(doc.metadata.get("lang")), 0.0)) for doc, sim in found]
        return sorted(hits, key=lambda pair: pair[1], reverse=True)[:k]

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [doc for doc, _ in self.search(query)]


@dataclass
class Hit:
    """A retrieved passage and its fused score."""

    doc: Document
    score: float


def _min_max(scored: Scored) -> dict[str, float]:
    """Scores rescaled to 0..1 within one ranked list."""
    if not scored:
        return {}
    values = [s for _, s in scored]
    low, high = min(values), max(values)
    span = high - low or 1.0
    return {str(doc.id): (s - low) / span for doc, s in scored}


class HybridRetriever(BaseRetriever):
    """Named channels fused by a weighted sum of min-max normalised scores.

    Score fusion beat reciprocal-rank fusion here: a rank keeps no trace of how
    far ahead the best BM25 passage is (measured figures in the README).
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    # name -> (retriever with search(query, k, doc_ids) -> [(Document, score)], weight)
    channels: dict[str, tuple[Any, float]]
    k: int = 10
    # The channels run side by side: torch and numpy release the GIL while they compute.
    _pool: ThreadPoolExecutor = PrivateAttr(
        default_factory=lambda: ThreadPoolExecutor(max_workers=3, thread_name_prefix="channel")
    )

    def hits(
        self,
        query: str,
        k: int | None = None,
        doc_ids: Collection[str] | None = None,
        only: str | None = None,
    ) -> list[Hit]:
        """Fused hits, best first (``only`` one named channel, for comparisons)."""
        k = k or self.k
        depth = max(2 * k, 30)
        futures = {
            name: self._pool.submit(searcher.search, query, depth, doc_ids)
            for name, (searcher, weight) in self.channels.items()
            if name == only or (only is None and weight > 0)  # a weight of 0 is never run
        }
        results = {name: future.result() for name, future in futures.items()}
        active = {name: w for name, (_, w) in self.channels.items() if results.get(name)}
        total = sum(active.values()) or 1.0
        docs = {str(d.id): d for scored in results.values() for d, _ in scored}
        fused = dict.fromkeys(docs, 0.0)
        for name, weight in active.items():
            for cid, value in _min_max(results[name]).items():
                fused[cid] += weight / total * value
        order = sorted(fused, key=lambda c: fused[c], reverse=True)[:k]
        return [Hit(docs[c], fused[c]) for c in order]

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [h.doc for h in self.hits(query)]
