"""LangChain's ``Embeddings`` interface for this package's encoders, without its import.

The encoders (:mod:`assistant.models.fast`, :mod:`assistant.models.use`,
:mod:`assistant.models.embedding`) answer LangChain's four ``Embeddings`` methods
through :class:`EncoderEmbeddings`, and anything that takes a LangChain ``Embeddings``
(langchain-chroma, :mod:`assistant.retrieval.baseline`) calls only those. They do not
inherit from ``langchain_core.embeddings.Embeddings``: that module imports LangChain's
runnables, callbacks, messages and ``requests`` (a third of a second of CPU on each
start of ``srdi ask`` and of the app, which use none of them).
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

FloatMatrix = npt.NDArray[np.float32]


@runtime_checkable
class TextEmbeddings(Protocol):
    """What LangChain calls an ``Embeddings``: passages and a query to float lists."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages."""

    def embed_query(self, text: str) -> list[float]:
        """Embed one query."""


class EncoderEmbeddings:
    """LangChain's ``Embeddings`` methods over ``encode_documents`` / ``encode_queries``
    (float32 arrays, one row per text), which subclasses implement."""

    def encode_documents(self, texts: list[str]) -> FloatMatrix:
        """Passages → float32 array ``(len(texts), dimension)``."""
        raise NotImplementedError

    def encode_queries(self, texts: list[str]) -> FloatMatrix:
        """Queries → float32 array ``(len(texts), dimension)``."""
        raise NotImplementedError

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages as float lists (LangChain interface)."""
        return self.encode_documents(list(texts)).tolist()  # type: ignore[no-any-return]

    def embed_query(self, text: str) -> list[float]:
        """Embed one query as a float list (LangChain interface)."""
        return self.encode_queries([text])[0].tolist()  # type: ignore[no-any-return]

    async def aembed_documents(self, texts: list[str]) -> list[list[float]]:
        """``embed_documents`` in the default executor, as LangChain's base class does."""
        import asyncio

        return await asyncio.get_running_loop().run_in_executor(None, self.embed_documents, texts)

    async def aembed_query(self, text: str) -> list[float]:
        """``embed_query`` in the default executor, as LangChain's base class does."""
        import asyncio

        return await asyncio.get_running_loop().run_in_executor(None, self.embed_query, text)
