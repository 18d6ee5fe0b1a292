"""Hybrid retrieval: BM25 plus two dense channels, fused by score.

Every channel is a plain searcher (swappable) with a ``search`` method returning
scored LangChain Documents, and ``invoke`` as LangChain retrievers have (without
importing LangChain's runnables, a second of start-up); :class:`HybridRetriever`
fuses min-max normalised scores with fixed weights.

* BM25 (``assistant.index.lexical``) over script-folded, jieba-segmented text, with
  glossary translations of the question's terms: the workhorse.
* multilingual USE (``assistant.models.use``): little language bias, so it
  finds the Chinese passage for an English question and the reverse.
* e5 (sentence-transformers): strong within a language but biased towards the
  question's language; its similarities are centred per language.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from langchain_core.documents import Document

Scored = list[tuple[Document, float]]
FloatMatrix = npt.NDArray[np.float32]


def language_centroids(docs: Sequence[Document], vectors: FloatMatrix) -> dict[str, Any]:
    """Mean vector of each chunk language (``lang`` metadata; rows without a vector are
    left out)."""
    langs = np.array([str(d.metadata.get("lang", "")) for d in docs], dtype=np.str_)
    present = np.abs(vectors).sum(axis=1) > 0 if len(vectors) else np.zeros(0, dtype=bool)
    return {lang: vectors[(langs == lang) & present].mean(axis=0)
            for lang in sorted(set(langs.tolist())) if lang and ((langs == lang) & present).any()}


class DenseRetriever:
    """Exact cosine search over one channel's vectors (row ``i`` is ``docs[i]``),
    optionally centred per language.

    With ``centroids`` (mean passage vector per language), every similarity is
    reduced by the question's similarity to the centroid of the passage's
    language, so passages compete on content rather than on language.
    """

    def __init__(self, docs: Sequence[Document], vectors: FloatMatrix, embeddings: Any,
                 centroids: dict[str, Any] | None = None, k: int = 10) -> None:
        self.docs = list(docs)
        self.embeddings = embeddings  # anything with encode_queries(list[str]) -> array
        self.centroids = centroids or {}
        self.k = k
        self._vectors = vectors
        norms = np.linalg.norm(vectors, axis=1) if vectors.size else np.zeros(len(docs))
        self._present = norms > 0
        self._norms = np.where(self._present, norms, 1.0).astype(np.float32)
        self._langs = [str(d.metadata.get("lang")) for d in self.docs]
        self._doc_ids = np.array([str(d.metadata.get("doc_id", "")) for d in self.docs],
                                 dtype=np.str_)

    def search(
        self, query: str, k: int | None = None, doc_ids: Collection[str] | None = None
    ) -> Scored:
        """Best passages by (centred) cosine similarity."""
        k = k or self.k
        if not self.docs or not self._vectors.size:
            return []
        vec = np.asarray(self.embeddings.encode_queries([query])[0], dtype=np.float32)
        offsets = {lang: float(vec @ c) for lang, c in self.centroids.items()}
        # As deep as for every language to show its best passages, then the
        # per-language offsets re-rank them.
        depth = k * max(1, len(offsets))
        sims = (self._vectors @ vec) / (self._norms * (float(np.linalg.norm(vec)) or 1.0))
        allowed = self._present
        if doc_ids is not None:
            allowed = allowed & np.isin(self._doc_ids, np.array(sorted(doc_ids), dtype=np.str_))
        candidates = np.flatnonzero(allowed)
        if len(candidates) > depth:
            candidates = candidates[np.argpartition(-sims[candidates], depth - 1)[:depth]]
        found = sorted(candidates.tolist(), key=lambda i: (-float(sims[i]), i))
        hits = [(self.docs[i], float(sims[i]) - offsets.get(self._langs[i], 0.0)) for i in found]
        return sorted(hits, key=lambda pair: pair[1], reverse=True)[:k]

    def invoke(self, query: str) -> list[Document]:
        """The best passages for ``query`` (the retriever call of LangChain's interface)."""
        return [doc for doc, _ in self.search(query)]


@dataclass
class Hit:
    """A retrieved passage and its fused score."""

    doc: Document
    score: float


def named_first(hits: list[Hit], names_all: Callable[[str], bool] | None) -> list[Hit]:
    """``hits`` with the passages that name every asked place (``names_all`` of their
    document's title and text) ahead of the others, each group in fused order. A question
    about Ningbo is answered from a passage about Ningbo, however well a national one
    scores."""
    if names_all is None:
        return hits
    named = [names_all(f"{h.doc.metadata.get('title', '')}\n{h.doc.page_content}") for h in hits]
    return [h for h, n in zip(hits, named, strict=True) if n] + [
        h for h, n in zip(hits, named, strict=True) if not n]


def _min_max(scored: Scored) -> dict[str, float]:
    """Scores rescaled to 0..1 within one ranked list."""
    if not scored:
        return {}
    values = [s for _, s in scored]
    low, high = min(values), max(values)
    span = high - low or 1.0
    return {str(doc.id): (s - low) / span for doc, s in scored}


class HybridRetriever:
    """Named channels fused by a weighted sum of min-max normalised scores.

    Score fusion beat reciprocal-rank fusion here: a rank keeps no trace of how
    far ahead the best BM25 passage is (measured figures in the README).
    """

    def __init__(
        self, channels: dict[str, tuple[Any, float]], k: int = 10,
        naming: Callable[[str], Callable[[str], bool] | None] | None = None,
    ) -> None:
        # name -> (retriever with search(query, k, doc_ids) -> [(Document, score)], weight)
        self.channels = channels
        self.k = k
        # query -> a test of whether a passage names the places it asks about (or None)
        self.naming = naming
        # The channels run side by side: the models and numpy release the GIL.
        self._pool = ThreadPoolExecutor(max_workers=3, thread_name_prefix="channel")

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
        order = sorted(fused, key=lambda c: fused[c], reverse=True)
        hits = [Hit(docs[c], fused[c]) for c in order]
        if self.naming is not None and only is None:  # from every channel's list
            hits = named_first(hits, self.naming(query))
        return hits[:k]

    def invoke(self, query: str) -> list[Document]:
        """The fused passages for ``query`` (the retriever call of LangChain's interface)."""
        return [h.doc for h in self.hits(query)]
