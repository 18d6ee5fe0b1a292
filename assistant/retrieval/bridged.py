"""Lexical retrieval across languages: BM25 over the question's own words and, side by
side, over its words translated through the glossary and the CC-CEDICT word bridge.

An English question about a Chinese-only fact shares no token with its evidence; its
words read through the bridge ("collaboration" → 协同, "deepen" → 深化) do. Each chunk
keeps the better of its two scores, so a passage in the question's language is never
pushed down by the translation, and a passage in the other language competes on how
much of the question it matches once translated. Translations into English (glosses of
Chinese words) are looser than those into Chinese, hence a weight per direction.

A chunk is also scored on its document's title (a second field, BM25F-like): a news item
names its place and subject in the headline ("咸宁98家企业入围") and then writes 我市 or
全市, so the chunk that states the figure shares none of the question's anchors.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import cached_property
from pathlib import Path

import numpy as np
import numpy.typing as npt
from langchain_core.documents import Document

from assistant.index.lexcache import cached_pickle
from assistant.index.lexical import BM25Index, BM25Retriever, top_k
from assistant.knowledge.dictionary import Bridge
from assistant.knowledge.glossary import expansion_terms
from assistant.knowledge.pinyin import name_syllables, readings_index

__all__ = ["BridgedBM25", "TitleField"]

# A capitalised word, or two or three in a row, that may be a Chinese name in pinyin
# ("Wanxi Daily", "Huoshi Creation", "Shan Zhongde")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[\s-]+[A-Z][a-z]+){0,2}\b")


class TitleField:
    """BM25 over the documents' titles, one row per document, read back per chunk."""

    def __init__(self, index: BM25Index, rows: npt.NDArray[np.int64], weight: float) -> None:
        """``rows[i]``: the title row of chunk ``i``; ``weight``: of a title's score."""
        self.index = index
        self.rows = rows
        self.weight = weight

    @classmethod
    def of(cls, lexical: BM25Retriever, titles: Sequence[str], weight: float) -> TitleField:
        """The field of ``lexical``'s chunks, ``titles[i]`` being chunk ``i``'s title."""
        row_of: dict[str, int] = {}
        rows = np.array([row_of.setdefault(t, len(row_of)) for t in titles], dtype=np.int64)
        index = BM25Index([lexical.tokenizer.tokenize(t) for t in row_of])
        return cls(index, rows, weight)

    def scores(self, *term_sets: dict[str, float]) -> npt.NDArray[np.float64]:
        """Per chunk: ``weight`` times its title's best score over ``term_sets``."""
        best = np.zeros(self.index.size, dtype=np.float64)
        for terms in term_sets:
            if terms:
                best = np.maximum(best, self.index.scores(terms))
        return self.weight * best[self.rows]



class BridgedBM25:
    """A :class:`BM25Retriever` that also searches with the question translated."""

    def __init__(
        self, lexical: BM25Retriever, bridge: Bridge, *, to_zh: float = 1.0, to_en: float = 0.7,
        titles: TitleField | None = None,
        readings: tuple[Path, str] | None = None,
    ) -> None:
        """``to_zh`` / ``to_en``: weight of translated terms in Chinese / in English;
        ``titles``: the documents' titles as a second field (none: the text alone);
        ``readings``: the file and key under which the corpus's Chinese words by reading
        (:func:`readings_index`) are kept beside the store (none: built in memory only)."""
        self.lexical = lexical
        self.bridge = bridge
        self.to_zh = to_zh
        self.to_en = to_en
        self.titles = titles
        self._readings_file = readings

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
            # a Chinese word the Chinese corpus does not use: its English forms (品牌: brand)
            forms = self.bridge.forms(word) or self.bridge.asked_forms(word)
            for form in forms:
                for token in tokenizer.tokenize(form, bigrams=False):
                    add(token, 1.0 / len(forms) ** 0.5)
        named = self._pinyin_words(query)  # (a reading shared by several words spreads)
        for chinese in named:
            for token in tokenizer.tokenize(chinese, bigrams=False):
                add(token, 1.0 / len(named) ** 0.5)
        glossary = self.lexical.glossary
        if glossary is not None:
            for token in tokenizer.tokenize(" ".join(expansion_terms(query, glossary))):
                add(token, 1.0)
        return terms

    @cached_property
    def _readings(self) -> dict[str, tuple[str, ...]]:
        """The corpus's Chinese words by their reading (read or built on first use: an
        English question naming something in pinyin; a large vocabulary takes seconds)."""
        def build() -> dict[str, tuple[str, ...]]:
            return readings_index(t for t in self.lexical.index.vocabulary() if not t.isascii())

        if self._readings_file is None:
            return build()
        return cached_pickle(*self._readings_file, build)

    def _pinyin_words(self, query: str) -> list[str]:
        """The corpus's Chinese words that the query's capitalised words the corpus does not
        use read as ("Wanxi" → 皖西, "Huoshi" → 火石): no dictionary lists such names."""
        vocabulary = self.lexical.index.vocabulary()
        found: list[str] = []
        for m in _CAPITALISED.finditer(query):
            words = re.split(r"[\s-]+", m.group(0))
            runs = [[w] for w in words] + ([words] if len(words) > 1 else [])
            for run in runs:
                written = "".join(run).lower()
                stems = self.lexical.tokenizer.tokenize(" ".join(run), bigrams=False)
                syllables = name_syllables(written)
                if any(t in vocabulary for t in stems) or not syllables or len(syllables) < 2:
                    continue
                found += self._readings.get(written, ())
        return list(dict.fromkeys(found))

    def search(
        self, query: str, k: int | None = None, doc_ids: Collection[str] | None = None
    ) -> list[tuple[Document, float]]:
        """The ``k`` best chunks by the better of their own-word and translated BM25 scores
        (plus their title's, weighted)."""
        lexical = self.lexical
        if not lexical.docs or not query.strip():
            return []
        own = lexical.query_terms(query)
        scores = lexical.index.scores(own)
        translated = self.translated_terms(query)
        if translated:
            scores = np.maximum(scores, lexical.index.scores(translated))
        if self.titles is not None:
            scores = scores + self.titles.scores(own, translated)
        mask = None
        if doc_ids is not None:
            mask = np.isin(lexical.doc_id_array, np.array(list(doc_ids), dtype=np.str_))
        return [(lexical.docs[i], float(scores[i])) for i in top_k(scores, k or lexical.k, mask)]
