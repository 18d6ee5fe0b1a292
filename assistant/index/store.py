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
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
from langchain_core.documents import Document

from assistant.config import Settings
from assistant.index.records import (
    FILTER_KEYS,
    HALF_LAYOUT,
    TEXT_KEY,
    half_packed,
    half_unpacked,
    is_half,
    joined,
    packed,
    stored_document,
    unpacked,
)

if TYPE_CHECKING:  # chromadb is imported only by the commands that open the store
    from chromadb.api import ClientAPI

log = logging.getLogger(__name__)

ADD_BATCH = 256  # chunks per embedding call and Chroma write
METADATA_PAGE = 5000  # rows per Chroma read
# Metadata that is bookkeeping, not content: not compared when deciding what changed.
_VOLATILE = frozenset({"indexed_at"})
# What a secondary index (the same chunks embedded by another model) stores per chunk:
# its vector and the path it came from (ingest reads what a changed file had). The text
# and the other metadata live once, in the primary index.
LEAN_KEYS = ("path",)

Progress = Callable[[int, int], None]
FloatMatrix = npt.NDArray[np.float32]


def open_client(settings: Settings) -> ClientAPI:
    """A Chroma client: on-disk in ``vectorstore_dir`` or a Chroma server over HTTP."""
    import chromadb

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

    def write(self, stamp: str) -> None:
        """Store ``stamp`` as the current one."""
        vector: list[Sequence[float]] = [[0.0]]
        self.collection.upsert(ids=[self.KEY], documents=[stamp], embeddings=vector)

    def bump(self) -> str:
        """Write and return a new stamp."""
        stamp = new_stamp()
        self.write(stamp)
        return stamp


def new_stamp() -> str:
    """A fresh random generation stamp."""
    from uuid import uuid4

    return uuid4().hex


# Chroma replays its write-ahead log since the vector index was last saved on every
# write, and keeps that log (vectors, texts) in its database: saving the index every 100
# changes instead of 1000 keeps both small (a one-paragraph edit's writes and ~40% of
# the disk per chunk). Applies to collections created from now on.
_COLLECTION = {"hnsw:space": "cosine", "hnsw:sync_threshold": 100, "hnsw:batch_size": 100}
# The index's own collections are never searched through Chroma (questions search the
# snapshot's vectors exactly): a sparse graph (4 links a node instead of 16) is enough,
# saves ~100 bytes per chunk and channel, and is quicker to build; the vectors are
# half-packed (float16, the snapshot's precision; :mod:`assistant.index.records`).
_STORAGE_ONLY = {**_COLLECTION, "hnsw:M": 4, "hnsw:space": "ip", **HALF_LAYOUT}


def open_collection(client: ClientAPI, name: str, searched: bool = True) -> Any:
    """One cosine-space collection (vectors are always passed in, never computed by
    Chroma); ``searched`` False for one only read back, never queried by similarity
    (the graph's settings apply when the collection is created)."""
    metadata = _COLLECTION if searched else _STORAGE_ONLY
    return client.get_or_create_collection(name, embedding_function=None, metadata=metadata)


@dataclass
class SyncPlan:
    """What a sync has to do, derived from stored vs. produced chunks."""

    add: list[Document] = field(default_factory=list)
    update: list[Document] = field(default_factory=list)
    delete: list[str] = field(default_factory=list)
    unchanged: int = 0


def _content_meta(meta: dict[str, Any], keys: Sequence[str] | None) -> dict[str, Any]:
    if keys is not None:
        return {k: meta[k] for k in keys if k in meta}
    return {k: v for k, v in meta.items() if k not in _VOLATILE}


def plan_sync(
    stored: dict[str, dict[str, Any]], chunks: Iterable[Document],
    keys: Sequence[str] | None = None,
) -> SyncPlan:
    """Compare stored ``id -> metadata`` with the chunks the corpus produces now (only
    the metadata ``keys`` an index keeps, all but bookkeeping when None)."""
    plan = SyncPlan()
    wanted: set[str] = set()
    for doc in chunks:
        cid = str(doc.id)
        wanted.add(cid)
        old = stored.get(cid)
        if old is None:
            plan.add.append(doc)
        elif _content_meta(old, keys) != _content_meta(doc.metadata, keys):
            plan.update.append(doc)
        else:
            plan.unchanged += 1
    plan.delete = sorted(set(stored) - wanted)
    return plan


class ChunkIndex:
    """Chunks of the corpus in a Chroma collection, kept in sync incrementally.

    The primary index (``keys`` None) stores each chunk's text and metadata packed
    (:mod:`assistant.index.records`; ``shared``: a document's shared fields on its first
    chunk only, so :meth:`search` hits lack them) with its vector; a lean one stores the
    vector and only the metadata ``keys``. Older layouts still read.
    """

    def __init__(
        self, collection: Any, embeddings: Any, keys: Sequence[str] | None = None,
        shared: bool = False,
    ) -> None:
        self.collection = collection
        self.embeddings = embeddings
        self.keys = None if keys is None else tuple(keys)
        self.shared = shared
        self.half = is_half(getattr(collection, "metadata", None))

    @property
    def name(self) -> str:
        """The collection's name."""
        return str(self.collection.name)

    def _pages(self, include: list[str], where: dict[str, Any] | None = None
               ) -> Iterable[dict[str, Any]]:
        done = 0
        while True:
            got = self.collection.get(
                where=where, include=include, limit=METADATA_PAGE, offset=done
            )
            yield got
            done += len(got["ids"])
            if len(got["ids"]) < METADATA_PAGE:
                return

    def stored_metadata(self, paths: Sequence[str] | None = None) -> dict[str, dict[str, Any]]:
        """``chunk_id -> metadata`` of everything indexed (or of the files ``paths``),
        read in pages."""
        if paths is not None and not paths:
            return {}
        where = None if paths is None else {"path": {"$in": list(paths)}}
        out: dict[str, dict[str, Any]] = {}
        for got in self._pages(["metadatas"], where):
            for i, m in zip(got["ids"], got["metadatas"], strict=True):
                out[i] = unpacked(m)[1]
        joined(out.values())
        return out

    def all_chunks(self) -> list[Document]:
        """Every indexed chunk as a Document (text + metadata), in document order."""
        docs = [
            stored_document(i, t, m)
            for got in self._pages(["documents", "metadatas"])
            for i, t, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        ]
        joined(d.metadata for d in docs)
        docs.sort(key=lambda d: (str(d.metadata.get("path", "")), int(d.metadata.get("seq", 0))))
        return docs

    def all_vectors(self) -> dict[str, FloatMatrix]:
        """``chunk_id -> stored vector`` of everything indexed, read in pages."""
        out: dict[str, FloatMatrix] = {}
        for got in self._pages(["embeddings"]):
            vectors = np.asarray(got["embeddings"], dtype=np.float32)
            if self.half:
                vectors = half_unpacked(vectors)
            out.update(zip(got["ids"], vectors, strict=True))
        return out

    def count(self) -> int:
        """Number of indexed chunks."""
        return int(self.collection.count())

    def _stored_meta(self, meta: dict[str, Any], stamp: str, text: str,
                     update: bool = False) -> dict[str, Any]:
        if self.keys is None:
            meta["indexed_at"] = stamp
            # an update also deletes the keys a record of the older layout has
            old = (TEXT_KEY, *(k for k in meta if k not in FILTER_KEYS)) if update else ()
            return packed(text, meta, self.shared, old)
        return {k: meta[k] for k in self.keys if k in meta}

    def apply(self, plan: SyncPlan, progress: Progress | None = None) -> FloatMatrix:
        """Carry out a plan: add (embedding), then update metadata, then delete; returns
        the vectors of ``plan.add``, in its order."""
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        total = len(plan.add)
        added: list[FloatMatrix] = []
        for i in range(0, total, ADD_BATCH):
            batch = plan.add[i : i + ADD_BATCH]
            texts = [d.page_content for d in batch]
            vectors = np.asarray(self.embeddings.embed_documents(texts), dtype=np.float32)
            self.collection.add(
                ids=[str(d.id) for d in batch],
                embeddings=half_packed(vectors) if self.half else vectors,
                metadatas=[self._stored_meta(d.metadata, stamp, d.page_content)
                           for d in batch],
            )
            added.append(vectors)
            if progress:
                progress(min(i + ADD_BATCH, total), total)
        if plan.update:
            self.collection.update(
                ids=[str(d.id) for d in plan.update],
                metadatas=[self._stored_meta(d.metadata, stamp, d.page_content, True)
                           for d in plan.update],
            )
        if plan.delete:
            self.collection.delete(ids=plan.delete)
        return np.concatenate(added) if added else np.zeros((0, 0), dtype=np.float32)

    def search(
        self, vector: Sequence[float], k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[Document, float]]:
        """Nearest chunks to a query vector, with cosine similarity (higher is closer)."""
        if self.half:
            raise ValueError(f"{self.name} holds half-packed vectors: not searchable")
        n = self.count()
        if n == 0:
            return []
        got = self.collection.query(
            query_embeddings=[list(vector)], n_results=min(k, n), where=where,
            include=["documents", "metadatas", "distances"],
        )
        rows = zip(got["ids"][0], got["documents"][0], got["metadatas"][0],
                   got["distances"][0], strict=True)
        return [(stored_document(i, t, m), 1.0 - float(d)) for i, t, m, d in rows]
