"""Hybrid retrieval: a dense channel through Chroma and a BM25 channel, fused.

Both channels are LangChain retrievers (swappable); :class:`HybridRetriever`
fuses their scores. The e5 model ranks passages in the question's own language
first even when the answer is only in another language; the dense channel
corrects this by centring similarities per language, and the BM25 channel
carries glossary translations of the question's terms.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.embedding import SentenceTransformerEmbeddings
from assistant.glossary import Glossary, translations
from assistant.lexical import BM25Retriever
from assistant.store import ChunkIndex

Scored = list[tuple[Document, float]]


def doc_filter(doc_ids: Collection[str] | None, lang: str | None = None) -> dict[str, Any] | None:
    """A Chroma ``where`` clause restricting documents and/or language."""
    clauses: list[dict[str, Any]] = []
    if doc_ids is not None:
        clauses.append({"doc_id": {"$in": sorted(doc_ids)}})
    if lang is not None:
        clauses.append({"lang": lang})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class DenseRetriever(BaseRetriever):
    """Dense retrieval through the Chroma index, centred per language.

    The similarity of a question to a passage carries a large language
    component. Each language is searched separately and every similarity is
    reduced by the question's similarity to that language's centroid (the mean
    passage vector), so passages compete on content, not on language.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: ChunkIndex
    embeddings: SentenceTransformerEmbeddings
    glossary: Glossary | None = None
    centroids: dict[str, Any] = {}
    translation_weight: float = 0.0
    k: int = 10

    def query_texts(self, query: str) -> list[str]:
        """The question, plus its glossary translations as a second query (if weighted)."""
        texts = [query]
        if self.glossary is not None and self.translation_weight > 0:
            extra = translations(query, self.glossary)
            if extra:
                texts.append(" ".join(extra))
        return texts

    def search(
        self, query: str, k: int | None = None, doc_ids: Collection[str] | None = None
    ) -> Scored:
        """Best passages by language-centred cosine similarity."""
        k = k or self.k
        vectors = self.embeddings.encode_queries(self.query_texts(query))
        langs: Sequence[str | None] = tuple(self.centroids) or (None,)
        best: dict[str, tuple[Document, float]] = {}
        for i, vec in enumerate(vectors):
            weight = 1.0 if i == 0 else self.translation_weight
            for lang in langs:
                offset = float(vec @ self.centroids[lang]) if lang is not None else 0.0
                for doc, sim in self.index.search(vec.tolist(), k, doc_filter(doc_ids, lang)):
                    score = weight * (sim - offset)
                    cid = str(doc.id)
                    if cid not in best or best[cid][1] < score:
                        best[cid] = (doc, score)
        return sorted(best.values(), key=lambda pair: pair[1], reverse=True)[:k]

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [doc for doc, _ in self.search(query)]


@dataclass
class Hit:
    """A fused result with the evidence of each channel."""

    doc: Document
    score: float
    dense: float = 0.0
    lexical: float = 0.0


def _min_max(scored: Scored) -> dict[str, float]:
    """Scores rescaled to 0..1 within one ranked list."""
    if not scored:
        return {}
    values = [s for _, s in scored]
    low, high = min(values), max(values)
    span = high - low or 1.0
    return {str(doc.id): (s - low) / span for doc, s in scored}


class HybridRetriever(BaseRetriever):
    """Dense + BM25, fused by a weighted sum of min-max normalised scores.

    Score fusion beat reciprocal-rank fusion on the development questions: a
    rank keeps no trace of how far ahead the best BM25 passage is, and the
    dense channel's ranks are noisy on this corpus (see the README).
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    dense: DenseRetriever | None
    lexical: BM25Retriever | None
    lexical_share: float = 0.85
    k: int = 10

    def hits(
        self, query: str, k: int | None = None, doc_ids: Collection[str] | None = None
    ) -> list[Hit]:
        """Fused hits, best first, with per-channel scores."""
        k = k or self.k
        depth = max(2 * k, 30)
        dense = self.dense.search(query, depth, doc_ids) if self.dense else []
        lexical = self.lexical.search(query, depth, doc_ids) if self.lexical else []
        docs = {str(d.id): d for d, _ in [*dense, *lexical]}
        dense_n, lex_n = _min_max(dense), _min_max(lexical)
        share = self.lexical_share if dense and lexical else (1.0 if lexical else 0.0)
        fused = {
            cid: share * lex_n.get(cid, 0.0) + (1 - share) * dense_n.get(cid, 0.0) for cid in docs
        }
        dense_by = {str(d.id): s for d, s in dense}
        lex_by = {str(d.id): s for d, s in lexical}
        order = sorted(fused, key=lambda c: fused[c], reverse=True)[:k]
        return [
            Hit(docs[c], fused[c], dense_by.get(c, 0.0), lex_by.get(c, 0.0)) for c in order
        ]

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [h.doc for h in self.hits(query)]
