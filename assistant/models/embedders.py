"""The two dense channels' embedders, built together from Settings."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from assistant.config import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Embedders:
    """e5 (sentence-transformers; also the baseline's) and multilingual USE.

    Each has LangChain's ``Embeddings`` methods and ``encode_queries``/``encode_documents``
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


def _warm(embedder: Any) -> None:
    try:
        embedder.encode_queries(["warm-up"])
    except Exception as exc:  # the real question reports the failure
        log.debug("query model preload failed: %s", exc)


def preload(embedders: Embedders) -> list[threading.Thread]:
    """Load both query encoders in background threads, one each, and return them.

    A one-shot question then loads its models while the index, the knowledge and the
    question analysis load on the main thread (model loading is mostly native code, so
    the two cores share the work); the question waits on each model's lock if needed.
    """
    threads = [
        threading.Thread(target=_warm, args=(e,), name=f"preload-{name}", daemon=True)
        for name, e in (("e5", embedders.e5), ("use", embedders.use))
        if hasattr(e, "encode_queries")
    ]
    for thread in threads:
        thread.start()
    return threads
