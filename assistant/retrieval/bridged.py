"""Lexical retrieval across languages: BM25 over the question's own words and, side by
side, over its words translated through the glossary and the CC-CEDICT word bridge.

An English question about a Chinese-only fact shares no token with its evidence; its
words read through the bridge ("collaboration" → 协同, "deepen" → 深化) do. Each chunk
keeps the better of its two scores, so a passage in the question's language is never
pushed down by the translation, and a passage in the other language competes on how
much of the question it matches once translated. Translations into English (glosses of
Chinese words) are looser than those into Chinese, hence a weight per direction.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
from langchain_core.documents import Document

from assistant.index.lexical import BM25Retriever, top_k
from assistant.knowledge.dictionary import Bridge
from assistant.knowledge.glossary import expansion_terms

__all__ = ["BridgedBM25"]


class BridgedBM25:
    """A :class:`BM25Retriever` that also searches with the question translated."""

    def __init__(
        self, lexical: BM25Retriever, bridge: Bridge, *, to_zh: float = 1.0, to_en: float = 0.7
    ) -> None:
        """``to_zh`` / ``to_en``: weight of translated terms in Chinese / in English."""
        self.lexical = lexical
        self.bridge = bridge
        self.to_zh = to_zh
        self.to_en = to_en

    def translated_terms(self, query: str) -> dict[str, float]:
        """Other-language tokens for the query's words, not among its own tokens: every
        dictionary form of a word weighted 1/√(number of forms) (an ambiguous word spreads
        its weight), glossary terms in full; times the direction's weight."""
        tokenizer = self.lexical.tokenizer
        own = set(tokenizer.tokenize(query))
        terms: dict[str, float] = {}

        def add(token: str, weight: float) -> None:
            if token not in own:
                direction = self.to_en if token.isascii() else self.to_zh
                terms[token] = max(terms.get(token, 0.0), weight * direction)

        for word in dict.fromkeys(tokenizer.tokenize(query, bigrams=False)):
            forms = self.bridge.forms(word)
            for form in forms:
                for token in tokenizer.tokenize(form, bigrams=False):
                    add(token, 1.0 / len(forms) ** 0.5)
        glossary = self.lexical.glossary
        if glossary is not None:
            for token in tokenizer.tokenize(" ".join(expansion_terms(query, glossary))):
                add(token, 1.0)
        return terms

    def search(
        self, query: str, k: int | None = None, doc_ids: Collection[str] | None = None
    ) -> list[tuple[Document, float]]:
        """The ``k`` best chunks by the better of their own-word and translated BM25 scores."""
        lexical = self.lexical
        if not lexical.docs or not query.strip():
            return []
        scores = lexical.index.scores(lexical.query_terms(query))
        translated = self.translated_terms(query)
        if translated:
            scores = np.maximum(scores, lexical.index.scores(translated))
        mask = None
        if doc_ids is not None:
            mask = np.isin(lexical.doc_id_array, np.array(list(doc_ids), dtype=np.str_))
        return [(lexical.docs[i], float(scores[i])) for i in top_k(scores, k or lexical.k, mask)]
