"""The persistent Chroma index and its incremental synchronisation.

Chroma itself is the record of what is indexed: every chunk's id is a content
hash and its metadata carries the file hash, so a sync compares the chunks the
pipeline produces now with the ids and metadata already stored:

* new ids are embedded and added (in batches, before anything is deleted);
* ids whose metadata alone changed (offsets moved, title edited) are updated
  without re-embedding;
* ids no longer produced (edited or deleted files) are deleted last.

Every step is idempotent, so an interrupted sync (even ``kill -9``) leaves the
previous chunks queryable and the next sync finishes the job.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import chromadb
from chromadb.api import ClientAPI
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from assistant.config import Settings

log = logging.getLogger(__name__)

ADD_BATCH = 256  # chunks per embedding call and Chroma write
METADATA_PAGE = 5000  # metadata rows per Chroma read
# Metadata that is bookkeeping, not content: not compared when deciding what changed.
_VOLATILE = frozenset({"indexed_at"})

Progress = Callable[[int, int], None]


def open_client(settings: Settings) -> ClientAPI:
    """A Chroma client: on-disk in ``vectorstore_dir`` or a Chroma server over HTTP."""
    # Telemetry off in the client's own settings (not through the environment, which
    # would make clients opened before and after disagree: Chroma refuses that).
    quiet = chromadb.config.Settings(anonymized_telemetry=False)
    if settings.chroma_mode == "http":
        return chromadb.HttpClient(
            host=settings.chroma_host, port=settings.chroma_port, settings=quiet
        )
    settings.vectorstore_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.vectorstore_dir), settings=quiet)


class Generation:
    """A marker of the index's state, shared by every process using the same Chroma.

    Each ingest that changed the index writes a new random stamp; a service that sees a
    stamp other than the one it built its searchers from rebuilds them, so processes
    sharing one Chroma server answer from each other's ingests.
    """

    KEY = "generation"

    def __init__(self, client: ClientAPI, collection_name: str) -> None:
        self.collection = client.get_or_create_collection(
            f"{collection_name}_generation", embedding_function=None
        )

    def read(self) -> str:
        """The current stamp ("" before the first ingest)."""
        got = self.collection.get(ids=[self.KEY], include=["documents"])
        docs = got.get("documents") or []
        return str(docs[0] or "") if docs else ""

    def bump(self) -> str:
        """Write and return a new stamp."""
        from uuid import uuid4

        stamp = uuid4().hex
        vector: list[Sequence[float]] = [[0.0]]
        self.collection.upsert(ids=[self.KEY], documents=[stamp], embeddings=vector)
        return stamp


def open_store(
    client: ClientAPI, collection_name: str, embeddings: Embeddings | None
) -> Chroma:
    """The LangChain vector store over one cosine-space collection."""
    return Chroma(
        client=client,
        collection_name=collection_name,
        embedding_function=embeddings,
        collection_metadata={"hnsw:space": "cosine"},
    )


@dataclass
class SyncPlan:
    """What a sync has to do, derived from stored vs. produced chunks."""

    add: list[Document] = field(default_factory=list)
    update: list[Document] = field(default_factory=list)
    delete: list[str] = field(default_factory=list)
    unchanged: int = 0


def _content_meta(meta: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in meta.items() if k not in _VOLATILE}


def plan_sync(stored: dict[str, dict[str, Any]], chunks: Iterable[Document]) -> SyncPlan:
    """Compare stored ``id -> metadata`` with the chunks the corpus produces now."""
    plan = SyncPlan()
    wanted: set[str] = set()
    for doc in chunks:
        cid = str(doc.id)
        wanted.add(cid)
        old = stored.get(cid)
        if old is None:
            plan.add.append(doc)
        elif _content_meta(old) != _content_meta(doc.metadata):
            plan.update.append(doc)
        else:
            plan.unchanged += 1
    plan.delete = sorted(set(stored) - wanted)
    return plan


class ChunkIndex:
    """Chunks of the corpus in a Chroma collection, kept in sync incrementally."""

    def __init__(self, store: Chroma) -> None:
        self.store = store

    @property
    def collection(self) -> Any:
        """The underlying ``chromadb`` collection."""
        return self.store._collection

    def stored_metadata(self, paths: Sequence[str] | None = None) -> dict[str, dict[str, Any]]:
        """``chunk_id -> metadata`` of everything indexed (or of the files ``paths``),
        read in pages."""
        where = None if paths is None else {"path": {"$in": list(paths)}}
        if paths is not None and not paths:
            return {}
        out: dict[str, dict[str, Any]] = {}
        while True:
            got = self.collection.get(
                where=where, include=["metadatas"], limit=METADATA_PAGE, offset=len(out)
            )
            rows = zip(got["ids"], got["metadatas"], strict=True)
            out.update((i, dict(m or {})) for i, m in rows)
            if len(got["ids"]) < METADATA_PAGE:
                return out

    def all_chunks(self) -> list[Document]:
        """Every indexed chunk as a Document (text + metadata), in document order."""
        got = self.collection.get(include=["documents", "metadatas"])
        docs = [
            Document(id=i, page_content=t or "", metadata=dict(m or {}))
            for i, t, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        ]
        docs.sort(key=lambda d: (str(d.metadata.get("path", "")), int(d.metadata.get("seq", 0))))
        return docs

    def language_centroids(self) -> dict[str, Any]:
        """Mean stored vector of each chunk language (``lang`` metadata)."""
        import numpy as np

        got = self.collection.get(include=["embeddings", "metadatas"])
        vectors = np.asarray(got["embeddings"], dtype=np.float32)
        langs = [str((m or {}).get("lang", "")) for m in got["metadatas"]]
        return {
            lang: vectors[[i for i, x in enumerate(langs) if x == lang]].mean(axis=0)
            for lang in sorted(set(langs))
            if lang
        }

    def count(self) -> int:
        """Number of indexed chunks."""
        return int(self.collection.count())

    def apply(self, plan: SyncPlan, progress: Progress | None = None) -> None:
        """Carry out a plan: add (embedding), then update metadata, then delete."""
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        total = len(plan.add)
        for i in range(0, total, ADD_BATCH):
            batch = plan.add[i : i + ADD_BATCH]
            for doc in batch:
                doc.metadata["indexed_at"] = stamp
            self.store.add_documents(batch, ids=[str(d.id) for d in batch])
            if progress:
                progress(min(i + ADD_BATCH, total), total)
        if plan.update:
            self.collection.update(
                ids=[str(d.id) for d in plan.update],
                metadatas=[{**d.metadata, "indexed_at": stamp} for d in plan.update],
            )
        if plan.delete:
            self.collection.delete(ids=plan.delete)

    def search(
        self, vector: Sequence[float], k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[Document, float]]:
        """Nearest chunks to a query vector, with cosine similarity (higher is closer)."""
        n = self.count()
        if n == 0:
            return []
        hits = self.store.similarity_search_by_vector_with_relevance_scores(
            list(vector), k=min(k, n), filter=where
        )
        return [(doc, 1.0 - float(dist)) for doc, dist in hits]
