"""The two dense channels' embedders, built together from Settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.config import Settings


@dataclass(frozen=True)
class Embedders:
    """e5 (sentence-transformers; also the baseline's) and multilingual USE.

    Each is a LangChain ``Embeddings`` with ``encode_queries``/``encode_documents``
    returning float32 arrays. Tests about storage or sync pass stand-ins.
    """

    e5: Any
    use: Any


def load_embedders(settings: Settings) -> Embedders:
    """The configured e5 model and the bundled USE model."""
    from assistant.models.embedding import load_embeddings
    from assistant.models.use import USEEmbeddings

    use = USEEmbeddings(cache=settings.cache_dir / "models" / "usem3.pkl")
    return Embedders(e5=load_embeddings(settings), use=use)
