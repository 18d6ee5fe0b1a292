"""The index as one object: Chroma opened on first use, its generation, and the snapshot
beside it kept in step with every ingest (:mod:`assistant.index.snapshot`)."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from assistant.config import Settings
from assistant.index.snapshot import (
    Snapshot,
    from_chroma,
    load_snapshot,
    patched,
    read_stamp,
    save_snapshot,
    snapshot_path,
    write_stamp,
)
from assistant.index.store import (
    LEAN_KEYS,
    ChunkIndex,
    Generation,
    Progress,
    new_stamp,
)
from assistant.schema import IngestReport

if TYPE_CHECKING:
    from assistant.index.sync import Synced

__all__ = ["IndexHandle", "compact_store"]

log = logging.getLogger(__name__)

# Chroma purges its write-ahead log (every added vector and record, queued until the
# vector index is saved) after writing, which leaves those pages free in the database
# file: a fresh ingest leaves ~15% of the file free. Compacted when over this share.
FREE_SHARE = 0.1


def compact_store(settings: Settings) -> bool:
    """VACUUM a local store's database when free pages are over ``FREE_SHARE`` of it
    (a small edit frees a few pages and is not worth rewriting the file); True when it
    did. Chroma's connections stay valid: VACUUM keeps every table's row ids."""
    import sqlite3
    from contextlib import closing

    path = settings.vectorstore_dir / "chroma.sqlite3"
    if settings.chroma_mode == "http" or not path.is_file():
        return False
    with closing(sqlite3.connect(path, timeout=10)) as db:
        pages = int(db.execute("PRAGMA page_count").fetchone()[0])
        free = int(db.execute("PRAGMA freelist_count").fetchone()[0])
        if not pages or free < FREE_SHARE * pages:
            return False
        db.execute("VACUUM")
    log.info("store compacted: %d of %d pages were free", free, pages)
    return True


class IndexHandle:
    """The two collections (e5: vectors, texts, metadata; USE: vectors and paths) of one
    index, opened lazily, and the snapshot a start reads instead of Chroma."""

    def __init__(self, settings: Settings, e5: Any, use: Any) -> None:
        self.settings = settings
        self.e5, self.use = e5, use
        self._lock = threading.RLock()
        self._client: Any = None
        self._indexes: tuple[ChunkIndex, ChunkIndex] | None = None
        self._generation: Generation | None = None

    @property
    def client(self) -> Any:
        """The Chroma client (imports and opens Chroma on first use)."""
        with self._lock:
            if self._client is None:
                from assistant.index.store import open_client

                self._client = open_client(self.settings)
            return self._client

    @property
    def index(self) -> ChunkIndex:
        """The primary (e5) collection."""
        return self._chunk_indexes()[0]

    @property
    def use_index(self) -> ChunkIndex:
        """The USE collection."""
        return self._chunk_indexes()[1]

    @property
    def generation(self) -> Generation:
        """The index's generation record in Chroma."""
        with self._lock:
            if self._generation is None:
                self._generation = Generation(self.client, self.settings.collection_name)
            return self._generation

    def _chunk_indexes(self) -> tuple[ChunkIndex, ChunkIndex]:
        with self._lock:
            if self._indexes is None:
                from assistant.index.store import open_collection

                name = self.settings.collection_name
                self._indexes = (
                    ChunkIndex(open_collection(self.client, name, searched=False), self.e5,
                               shared=True),
                    ChunkIndex(open_collection(self.client, f"{name}_use", searched=False),
                               self.use, LEAN_KEYS),
                )
            return self._indexes

    def stamp(self) -> str:
        """The current generation: the local stamp file, or Chroma's record over HTTP."""
        if self.settings.chroma_mode == "http":
            return self.generation.read()
        return read_stamp(self.settings)

    def current_snapshot(self) -> Snapshot:
        """The saved snapshot when it copies the current index, else one read from
        Chroma (and saved for the next start)."""
        found = load_snapshot(snapshot_path(self.settings), self.stamp())
        if found is not None:
            return found
        stamp = self.generation.read()
        snap = from_chroma(stamp, self.index, {"use": self.use_index}, "e5")
        if stamp:
            save_snapshot(snapshot_path(self.settings), snap)
            if self.settings.chroma_mode != "http":
                write_stamp(self.settings, stamp)
        return snap

    def ingest(
        self, snapshot: Snapshot, progress: Progress | None = None
    ) -> tuple[IngestReport, Snapshot]:
        """Bring the index in line with the corpus folder (incremental); the report and
        the snapshot of the index it leaves (``snapshot``: the one it started from)."""
        with self._lock:
            before = self.generation.read()
            local = self.settings.chroma_mode != "http"
            if local:
                write_stamp(self.settings, "")  # until the snapshot is saved again
            from assistant.index.sync import ingest  # the ingest package loads only here

            synced = ingest(self.settings, [self.index, self.use_index], progress)
            after = self._synced_snapshot(snapshot, synced, before)
            if local:
                compact_store(self.settings)
                write_stamp(self.settings, after.stamp)
            return synced.report, after

    def _synced_snapshot(self, old_snap: Snapshot, synced: Synced, before: str) -> Snapshot:
        """The snapshot after an ingest: the old one patched with the ingest's changes
        when it copied the index the ingest started from, else read from Chroma."""
        # the snapshot copies what the ingest started from: same generation, or both
        # empty (a first ingest patches the empty snapshot instead of reading it all back)
        fresh = not before and not old_snap.chunks
        old = old_snap if fresh or (before and old_snap.stamp == before) else None
        touched = any(p.add or p.update or p.delete for p in synced.plans)
        if old is not None and not touched:
            return old
        stamp = new_stamp()
        snap = patched(old, ["e5", "use"], synced.plans, synced.added, stamp) if old else None
        if snap is None or len(snap.chunks) != self.index.count():
            snap = from_chroma(stamp, self.index, {"use": self.use_index}, "e5")
        save_snapshot(snapshot_path(self.settings), snap)
        self.generation.write(stamp)
        return snap
