"""Lexical retrieval: Okapi BM25 over :class:`~assistant.text.normalize.Tokenizer` tokens.

:class:`BM25Index` is the plain index (numpy postings, no LangChain);
:class:`BM25Retriever` wraps it as a retriever of LangChain Documents (with ``invoke``
as LangChain's retrievers have, without importing their runnables) and adds glossary
expansion on the query side: terms of the other language (and synonyms) for
every glossary term the query mentions, weighted by ``expansion_weight``.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Collection, Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from langchain_core.documents import Document

from assistant.index.lexcache import TokenTable, distinct
from assistant.knowledge.glossary import Glossary, expansion_terms
from assistant.text.normalize import Tokenizer
from assistant.text.numbers import figure_keys

__all__ = ["BM25Index", "BM25Retriever", "idf", "query_tokens"]

log = logging.getLogger(__name__)


def idf(size: int, df: int) -> float:
    """Okapi BM25 inverse document frequency (never negative) of a term in ``df`` of
    ``size`` texts: the one definition BM25 and answer scoring share."""
    return math.log(1.0 + (size - df + 0.5) / (df + 0.5))

FloatArray = npt.NDArray[np.float64]


class BM25Index:
    """Okapi BM25 over a fixed list of token lists (Lucene's non-negative idf)."""

    def __init__(self, corpus: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        """Index ``corpus`` (one token list per document)."""
        term_of: dict[str, int] = {}
        rows = [np.array([term_of.setdefault(t, len(term_of)) for t in toks], dtype=np.int64)
                for toks in corpus]
        lengths = np.array([len(r) for r in rows], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        flat = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
        self._build(list(term_of), flat, offsets, k1, b)

    @classmethod
    def from_table(cls, table: TokenTable, k1: float = 1.2, b: float = 0.75) -> BM25Index:
        """Index token lists already cut and stored as term ids (no tokenising)."""
        index = cls.__new__(cls)
        index._build(table.vocab, table.flat, table.offsets, k1, b)
        return index

    def _build(
        self, vocab: list[str], flat: npt.NDArray[np.int64], offsets: npt.NDArray[np.int64],
        k1: float, b: float,
    ) -> None:
        """Postings per term (documents and term frequencies), vectorised."""
        self.k1, self.b = k1, b
        self.size = n = len(offsets) - 1
        lengths = np.diff(offsets).astype(np.float64)
        avgdl = float(lengths.mean()) if n and lengths.mean() > 0 else 1.0
        self._norm: FloatArray = k1 * (1.0 - b + b * lengths / avgdl)
        doc = np.repeat(np.arange(n, dtype=np.int64), np.diff(offsets))
        pairs, tfs = distinct(flat * max(n, 1) + doc)
        terms, docs = pairs // max(n, 1), pairs % max(n, 1)
        bounds = np.searchsorted(terms, np.arange(len(vocab) + 1))
        # per posting: document, term frequency and the BM25 denominator tf + norm(doc),
        # computed once here rather than gathered for every query
        tf = tfs.astype(np.int32)
        den = tf + self._norm[docs]
        ends: list[int] = bounds.tolist()
        self._postings = {
            vocab[t]: (docs[ends[t] : ends[t + 1]], tf[ends[t] : ends[t + 1]],
                       den[ends[t] : ends[t + 1]])
            for t in np.flatnonzero(np.diff(bounds)).tolist()
        }

    def vocabulary(self) -> Collection[str]:
        """The terms of the indexed documents."""
        return self._postings.keys()

    def idf(self, term: str) -> float:
        """Inverse document frequency of ``term`` (0 for unknown terms)."""
        posting = self._postings.get(term)
        if posting is None:
            return 0.0
        return idf(self.size, len(posting[0]))

    def scores(self, weighted_terms: dict[str, float]) -> FloatArray:
        """BM25 score of every document for query terms with weights."""
        total = np.zeros(self.size, dtype=np.float64)
        for term, weight in weighted_terms.items():
            posting = self._postings.get(term)
            if posting is None or weight <= 0:
                continue
            docs, tfs, den = posting
            # weight * idf * tf * (k1 + 1) / den, the same operations in the same order
            # (bit-identical scores) in one buffer instead of three temporaries
            part = np.multiply(weight * self.idf(term), tfs, dtype=np.float64)
            part *= self.k1 + 1
            part /= den
            total[docs] += part
        return total


def top_k(scores: FloatArray, k: int, mask: npt.NDArray[np.bool_] | None = None) -> list[int]:
    """Indices of the ``k`` best positive scores, best first (``mask`` keeps only True)."""
    if k <= 0:
        return []
    if mask is not None:
        scores = np.where(mask, scores, 0.0)
    candidates = np.flatnonzero(scores > 0)
    if len(candidates) > k:
        candidates = candidates[np.argpartition(-scores[candidates], k - 1)[:k]]
    order = sorted(candidates.tolist(), key=lambda i: (-scores[i], i))
    return order[:k]


def query_tokens(tokenizer: Tokenizer, text: str) -> list[str]:
    """``text``'s tokens for a query, a compound counted by its parts: the segmenter gives
    小巨人企业 with 小巨人 and 企业 (and the bigram 人企 across them), and a passage may
    write it split ("小巨人”企业"); the compound and its straddling bigrams, rarer than the
    parts, would favour the passages that write it whole, whatever else they say."""
    words = list(dict.fromkeys(tokenizer.tokenize(text, bigrams=False)))
    have = set(words)
    compounds = {
        w for w in words
        if any(w.startswith(a) and w[len(a):] in have for a in have if len(a) < len(w))
    }
    kept = have - compounds

    def straddles(token: str) -> bool:
        return (token not in have and any(token in c for c in compounds)
                and not any(token in w for w in kept))

    return [t for t in tokenizer.tokenize(text) if t not in compounds and not straddles(t)]


class BM25Retriever:
    """BM25 retriever over chunk Documents with bilingual glossary expansion.

    Build with :meth:`from_documents` or :meth:`over`; :meth:`search` is the scored entry
    point (``doc_ids`` restricts to chosen documents via ``metadata["doc_id"]``).
    """

    def __init__(
        self, docs: list[Document], index: BM25Index, tokenizer: Tokenizer, *,
        doc_id_array: npt.NDArray[np.str_], glossary: Glossary | None = None, k: int = 10,
        expansion_weight: float = 0.5, figure_weight: float = 1.5,
    ) -> None:
        if expansion_weight < 0 or figure_weight < 0:
            raise ValueError("BM25 query weights cannot be negative")
        self.docs = docs
        self.index = index
        self.tokenizer = tokenizer
        self.doc_id_array = doc_id_array
        self.glossary = glossary
        self.k = k
        self.expansion_weight = expansion_weight
        self.figure_weight = figure_weight

    @classmethod
    def from_documents(
        cls,
        documents: Iterable[Document],
        tokenizer: Tokenizer,
        k: int = 10,
        *,
        k1: float = 1.2,
        b: float = 0.75,
        glossary: Glossary | None = None,
        expansion_weight: float = 0.5,
        figure_weight: float = 1.5,
    ) -> BM25Retriever:
        """Index ``documents`` cut by ``tokenizer``; queries are expanded with ``glossary``."""
        docs = list(documents)
        started = time.perf_counter()
        index = BM25Index([tokenizer.tokenize(d.page_content) for d in docs], k1=k1, b=b)
        log.info("BM25 index: %d chunks in %.2fs", len(docs), time.perf_counter() - started)
        return cls.over(docs, index, tokenizer, k=k, glossary=glossary,
                        expansion_weight=expansion_weight, figure_weight=figure_weight)

    @classmethod
    def over(
        cls, docs: list[Document], index: BM25Index, tokenizer: Tokenizer, **options: Any
    ) -> BM25Retriever:
        """A retriever over ``docs`` with a ready ``index`` (row ``i`` is ``docs[i]``)."""
        doc_ids = np.array([str(d.metadata.get("doc_id", "")) for d in docs], dtype=np.str_)
        return cls(docs=docs, index=index, tokenizer=tokenizer, doc_id_array=doc_ids, **options)

    def query_terms(self, query: str) -> dict[str, float]:
        """Weighted query tokens: the query's own (figures ``figure_weight``, words 1.0)
        plus glossary expansions (``expansion_weight``)."""
        terms = dict.fromkeys(query_tokens(self.tokenizer, query), 1.0)
        for key in figure_keys(query):
            terms[key] = self.figure_weight
        if self.glossary is not None and self.expansion_weight > 0:
            extra = expansion_terms(query, self.glossary)
            for tok in query_tokens(self.tokenizer, " ".join(extra)):
                terms.setdefault(tok, self.expansion_weight)
        return terms

    def search(
        self, query: str, k: int | None = None, doc_ids: Collection[str] | None = None
    ) -> list[tuple[Document, float]]:
        """The ``k`` best chunks for ``query`` with BM25 scores, best first.

        ``doc_ids`` (when given) restricts results to chunks of those documents.
        Chunks sharing no token with the query are never returned.
        """
        if not self.docs or not query.strip():
            return []
        scores = self.index.scores(self.query_terms(query))
        mask = None
        if doc_ids is not None:
            mask = np.isin(self.doc_id_array, np.array(list(doc_ids), dtype=np.str_))
        return [(self.docs[i], float(scores[i])) for i in top_k(scores, k or self.k, mask)]

    def invoke(self, query: str) -> list[Document]:
        """The best chunks as Documents with their ``score`` in the metadata (the
        retriever call of LangChain's interface)."""
        results = []
        for doc, score in self.search(query):
            meta = {**doc.metadata, "score": score}
            results.append(Document(page_content=doc.page_content, metadata=meta, id=doc.id))
        return results
