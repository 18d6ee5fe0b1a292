"""How close a candidate sentence comes to the question in meaning, in any language.

The lexical scores meet an English question and a Chinese sentence only through the
glossary and the dictionary; "what role in employment" and "在吸纳就业方面发挥着重要作用"
share no word they know. The multilingual sentence encoder of the retrieval channel places both
near each other, so its cosine similarity is added to the scores of the best candidates
(``weight``, the ``top`` best only: each sentence is encoded once and kept).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

__all__ = ["SentenceMeaning"]


class SentenceMeaning:
    """Sentence vectors from ``encode`` (texts -> rows), kept per sentence text."""

    def __init__(self, encode: Callable[[list[str]], Any], weight: float, top: int,
                 most: int = 100_000) -> None:
        self.weight = weight
        self.top = top
        self._encode = encode
        self._vectors: dict[str, np.ndarray[Any, Any]] = {}
        self._most = most  # vectors kept (about 2 KB each)
        self._lock = threading.Lock()

    def _unit(self, texts: list[str]) -> list[np.ndarray[Any, Any]]:
        rows = np.asarray(self._encode(texts), dtype=np.float32)
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return list(rows / np.where(norms > 0, norms, 1.0))

    def similarities(self, question: str, sentences: Sequence[str]) -> list[float]:
        """Cosine similarity of ``question`` to each sentence (the question and the new
        sentences encoded in one batch, and kept: a two-part question asks again)."""
        with self._lock:
            new = sorted({question, *sentences} - self._vectors.keys())
            if len(self._vectors) + len(new) > self._most:
                self._vectors.clear()
        found = dict(zip(new, self._unit(new), strict=True)) if new else {}
        with self._lock:
            self._vectors.update(found)
            vectors = {t: found.get(t, self._vectors.get(t)) for t in {question, *sentences}}
        asked = vectors[question]
        if asked is None:  # cleared by another thread meanwhile: nothing to compare with
            return [0.0] * len(sentences)
        return [float(v @ asked) if (v := vectors[s]) is not None else 0.0 for s in sentences]
