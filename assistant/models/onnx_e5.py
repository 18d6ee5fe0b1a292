"""Passages of the bundled e5 through onnxruntime: batched, 2 threads, no torch at run time.

The converted sentence-transformers directory (:mod:`assistant.models.build`) is exported
once (``make install``) to a fused, int8-quantised ONNX model beside it
(:mod:`assistant.models.onnx_export`; the export imports torch, only that once). Running
it needs onnxruntime and the Rust ``tokenizers`` only.

Vectors follow :class:`~assistant.models.embedding.SentenceTransformerEmbeddings` (mean
pooling, L2 norm, ``passage: `` prompt; texts longer than one 512-token window are the
content-token-weighted mean of consecutive windows); int8 weights move them by a little
(cosine ≥ 0.99, the same passages retrieved: ``tests/test_embedding.py``).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

FloatMatrix = npt.NDArray[np.float32]
WINDOW = 512
PROMPTS = {"passage": "passage: ", "query": "query: "}
CLS, SEP, PAD = 0, 2, 1  # XLM-R special token ids
EXPORT_NAME = "model-fused-int8.onnx"  # a new recipe gets a new name
# Up to this many characters per call the Python tokenizer (~16 µs a character) is
# cheaper than loading the Rust one (1–2 s); beyond it, the Rust one is (same ids).
PIECES_MAX_CHARS = 60_000


def onnx_path(model_dir: Path) -> Path:
    """Where the (int8) export of ``model_dir`` is kept."""
    return model_dir.parent / f"{model_dir.name}-onnx" / EXPORT_NAME


def pieces_path(model_dir: Path) -> Path:
    """Where the question tokenizer's tables (:mod:`assistant.models.e5_pieces`) are kept."""
    return onnx_path(model_dir).with_name("pieces2.pkl")  # 2: format of e5_pieces.FORMAT


class OnnxE5:
    """e5 vectors from the int8 ONNX export (exported on first use if missing).

    Questions, and passages up to ``PIECES_MAX_CHARS`` per call, are tokenised by
    :class:`~assistant.models.e5_pieces.PieceTokenizer` (~0.1 s to load); larger passage
    batches by the Rust ``tokenizers`` (same ids; 1–2 s to load, then far faster). Each is
    loaded on first use. One lock serialises calls.
    """

    def __init__(self, model_dir: Path, threads: int = 2, batch_size: int = 16) -> None:
        import onnxruntime as ort

        path = onnx_path(model_dir)
        if not path.is_file():
            from assistant.models.onnx_export import export_onnx

            export_onnx(model_dir, path)
        options = ort.SessionOptions()
        if threads > 0:
            options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # Idle pool threads sleep instead of spinning (a shared 2-core machine)
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(
            str(path), options, providers=["CPUExecutionProvider"]
        )
        self.model_dir = model_dir
        self.batch_size = max(1, batch_size)
        self._tokenizer: Any = None
        self._pieces: Any = None
        self._lock = threading.Lock()

    def _ids(self, texts: list[str], kind: str) -> list[list[int]]:
        """Token ids of ``prompt + text`` without the special tokens."""
        full = [PROMPTS[kind] + t for t in texts]
        if kind == "query" or sum(map(len, full)) <= PIECES_MAX_CHARS:
            if self._pieces is None:
                from assistant.models.e5_pieces import load_tokenizer

                self._pieces = load_tokenizer(pieces_path(self.model_dir))
            return [self._pieces(t)[1:-1] for t in full]
        if self._tokenizer is None:
            from tokenizers import Tokenizer

            self._tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
            self._tokenizer.no_padding()
            self._tokenizer.no_truncation()
        return [enc.ids for enc in self._tokenizer.encode_batch(full, add_special_tokens=False)]

    @staticmethod
    def _windows(
        encoded: list[list[int]],
    ) -> tuple[list[list[int]], list[int], list[int]]:
        """Token windows (specials added), the text each belongs to, its content count."""
        windows: list[list[int]] = []
        owner: list[int] = []
        content: list[int] = []
        step = WINDOW - 2
        for i, ids in enumerate(encoded):
            ids = ids or [PAD]
            for start in range(0, len(ids), step):
                part = ids[start : start + step]
                windows.append([CLS, *part, SEP])
                owner.append(i)
                content.append(len(part))
        return windows, owner, content

    def _pool(self, windows: list[list[int]]) -> npt.NDArray[np.float64]:
        """Mean-pooled (unnormalised) vector of each window, in batches of like length."""
        out = np.zeros((len(windows), 384), dtype=np.float64)
        order = sorted(range(len(windows)), key=lambda i: len(windows[i]))
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            width = max(len(windows[i]) for i in rows)
            ids = np.full((len(rows), width), PAD, dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                ids[r, : len(windows[i])] = windows[i]
                mask[r, : len(windows[i])] = 1
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            summed = (hidden * mask[..., None]).sum(axis=1)
            out[rows] = summed / mask.sum(axis=1, keepdims=True)
        return out

    def _encode(self, texts: list[str], kind: str) -> FloatMatrix:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        with self._lock:
            windows, owner, content = self._windows(self._ids(list(texts), kind))
            pooled = self._pool(windows)
        sums = np.zeros((len(texts), pooled.shape[1]), dtype=np.float64)
        np.add.at(sums, owner, pooled * np.asarray(content, dtype=np.float64)[:, None])
        sums /= np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
        return sums.astype(np.float32)

    def encode_documents(self, texts: list[str]) -> FloatMatrix:
        """Passages (``passage: `` prompt) → float32 array ``(n, 384)``, rows L2-normalised."""
        return self._encode(texts, "passage")

    def encode_queries(self, texts: list[str]) -> FloatMatrix:
        """Questions (``query: `` prompt) → float32 array ``(n, 384)``, rows L2-normalised."""
        return self._encode(texts, "query")
