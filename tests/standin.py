"""A fast, deterministic STAND-IN embedder for tests about storage and sync, not meaning.

It hashes word and CJK-character tokens into a fixed-dimension signed bag-of-tokens
vector (L2-normalised). Texts sharing tokens get similar vectors, nothing more: a test
that needs real semantic similarity must use the real model (the ``model`` marker).
"""

from __future__ import annotations

import hashlib
import re
import sys
import threading

import numpy as np
import numpy.typing as npt
from langchain_core.embeddings import Embeddings

from assistant.models.embedders import Embedders

FloatMatrix = npt.NDArray[np.float32]
TOKEN = re.compile(r"[a-z0-9]+|[^\W\da-z_]")


class HashEmbeddings(Embeddings):
    """STAND-IN: signed token hashing into ``dim`` dimensions (not a language model)."""

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim

    def _vector(self, text: str) -> FloatMatrix:
        vec = np.zeros(self.dim, dtype=np.float32)
        for token in TOKEN.findall(text.lower()):
            digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
            value = int.from_bytes(digest, "little")
            vec[value % self.dim] += 1.0 if value >> 63 else -1.0
        norm = float(np.linalg.norm(vec))
        if norm == 0.0:
            vec[0], norm = 1.0, 1.0
        return vec / norm

    def encode_documents(self, texts: list[str]) -> FloatMatrix:
        """Passages → float32 array ``(n, dim)``, rows L2-normalised."""
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dim))

    def encode_queries(self, texts: list[str]) -> FloatMatrix:
        """Queries → the same hashing as passages (no prompts)."""
        return self.encode_documents(texts)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """LangChain interface."""
        return self.encode_documents(list(texts)).tolist()  # type: ignore[no-any-return]

    def embed_query(self, text: str) -> list[float]:
        """LangChain interface."""
        return self.encode_queries([text])[0].tolist()  # type: ignore[no-any-return]


class StallingHashEmbeddings(HashEmbeddings):
    """STAND-IN that embeds ``batches`` calls, then announces it on stderr and blocks
    forever: a process using it can be killed mid-ingest without any timing guess."""

    MARKER = "stand-in embedder stalled"

    def __init__(self, batches: int = 1, dim: int = 64) -> None:
        super().__init__(dim)
        self.remaining = batches

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed the first ``batches`` calls, then stall (until killed)."""
        if self.remaining <= 0:
            print(self.MARKER, file=sys.stderr, flush=True)
            threading.Event().wait()
        self.remaining -= 1
        return super().embed_documents(texts)


def standin_embedders() -> Embedders:
    """Both dense channels as STAND-INs (e5 and USE positions)."""
    return Embedders(e5=HashEmbeddings(), use=HashEmbeddings(dim=48))
