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

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

FloatMatrix = npt.NDArray[np.float32]
WINDOW = 512
PROMPT = "passage: "
CLS, SEP, PAD = 0, 2, 1  # XLM-R special token ids
EXPORT_NAME = "model-fused-int8.onnx"  # a new recipe gets a new name


def onnx_path(model_dir: Path) -> Path:
    """Where the (int8) export of ``model_dir`` is kept."""
    return model_dir.parent / f"{model_dir.name}-onnx" / EXPORT_NAME


class OnnxPassages:
    """e5 passage vectors from the ONNX export (exported on first use if missing)."""

    def __init__(self, model_dir: Path, threads: int = 2, batch_size: int = 16) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

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
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.batch_size = max(1, batch_size)
        self._lock = threading.Lock()

    def _windows(self, texts: list[str]) -> tuple[list[list[int]], list[int], list[int]]:
        """Token windows (specials added), the text each belongs to, its content count."""
        encoded = self.tokenizer.encode_batch([PROMPT + t for t in texts], add_special_tokens=False)
        windows: list[list[int]] = []
        owner: list[int] = []
        content: list[int] = []
        step = WINDOW - 2
        for i, enc in enumerate(encoded):
            ids = enc.ids or [PAD]
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

    def encode_documents(self, texts: list[str]) -> FloatMatrix:
        """Passages → float32 array ``(n, 384)``, rows L2-normalised."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        with self._lock:
            windows, owner, content = self._windows(list(texts))
            pooled = self._pool(windows)
        sums = np.zeros((len(texts), pooled.shape[1]), dtype=np.float64)
        np.add.at(sums, owner, pooled * np.asarray(content, dtype=np.float64)[:, None])
        sums /= np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
        return sums.astype(np.float32)
