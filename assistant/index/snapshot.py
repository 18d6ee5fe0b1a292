"""A read copy of the index beside the store, so a start needs neither Chroma nor a read
of every chunk from it.

``<collection>.snapshot.npz`` holds every chunk's id, text and metadata (zlib-compressed
JSON) and each dense channel's vectors (float16 rows in the same order: half the disk,
and scores differ from float32 by about 1e-4; held as float32 after rounding, so a
patched snapshot in memory and the same one read back rank alike), with the
generation stamp of the index it copies. Chroma stays the record: the snapshot is
derived from it, patched by each ingest with just that ingest's changes (deletions,
metadata updates, the vectors it embedded), and rebuilt from Chroma (read in pages)
whenever it cannot be trusted.

Trust comes from the stamp. On a local store, ``<collection>.generation`` names the
stamp of the last completed ingest: an ingest removes it before touching Chroma and
writes it after the snapshot, so a killed ingest leaves no stamp and the next start
reads Chroma. Over a Chroma server the stamp is Chroma's own generation record.
"""

from __future__ import annotations

import json
import logging
import os
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.documents import Document

from assistant.config import Settings
from assistant.index.store import ChunkIndex, FloatMatrix, SyncPlan

log = logging.getLogger(__name__)

FORMAT = "snapshot-2"
OLD_FORMAT = "snapshot-1"  # still read


@dataclass
class Snapshot:
    """The indexed chunks in document order, and each channel's vectors (row ``i`` is
    ``chunks[i]``; a zero row where a channel lacks the chunk)."""

    stamp: str
    chunks: list[Document]
    vectors: dict[str, FloatMatrix]


def snapshot_path(settings: Settings) -> Path:
    """Where the snapshot of ``settings``' collection lives."""
    return settings.vectorstore_dir / f"{settings.collection_name}.snapshot.npz"


def stamp_path(settings: Settings) -> Path:
    """The local store's generation stamp file."""
    return settings.vectorstore_dir / f"{settings.collection_name}.generation"


def read_stamp(settings: Settings) -> str:
    """The stamp of the last completed ingest into the local store ("" if none)."""
    try:
        return stamp_path(settings).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def write_stamp(settings: Settings, stamp: str) -> None:
    """Record ``stamp`` (atomic); "" removes the record (an ingest is under way)."""
    path = stamp_path(settings)
    if not stamp:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(stamp, encoding="utf-8")
    os.replace(tmp, path)


def _order(chunks: Sequence[Document]) -> list[int]:
    return sorted(range(len(chunks)), key=lambda i: (
        str(chunks[i].metadata.get("path", "")), int(chunks[i].metadata.get("seq", 0))))


def _stored(matrix: FloatMatrix) -> FloatMatrix:
    """Vectors at the precision the snapshot stores them (float16), as float32."""
    return matrix.astype(np.float16).astype(np.float32)


def _arranged(stamp: str, chunks: list[Document], vectors: dict[str, FloatMatrix]) -> Snapshot:
    order = _order(chunks)
    return Snapshot(stamp, [chunks[i] for i in order],
                    {name: _stored(matrix[order]) for name, matrix in vectors.items()})


def save_snapshot(path: Path, snap: Snapshot) -> None:
    """Write ``snap`` atomically."""
    rows = [[str(c.id), c.page_content, c.metadata] for c in snap.chunks]
    blob = zlib.compress(json.dumps(rows, ensure_ascii=False).encode("utf-8"), 1)
    arrays: dict[str, Any] = {f"vec_{name}": m.astype(np.float16)
                              for name, m in snap.vectors.items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp.npz")
    np.savez(tmp, format=np.str_(FORMAT), stamp=np.str_(snap.stamp),
             records=np.frombuffer(blob, dtype=np.uint8), **arrays)
    os.replace(tmp, path)


def _records(data: Any) -> list[list[Any]]:
    """``[id, text, metadata]`` per chunk (format 1 kept the ids in a fixed-width array
    of its own: four bytes a character)."""
    rows: list[list[Any]] = json.loads(zlib.decompress(data["records"].tobytes()).decode())
    if str(data["format"]) == OLD_FORMAT:
        return [[i, *row] for i, row in zip(data["ids"].tolist(), rows, strict=True)]
    return rows


def load_snapshot(path: Path, stamp: str) -> Snapshot | None:
    """The snapshot at ``path`` if it copies the index at ``stamp``, else None."""
    if not stamp or not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["format"]) not in (FORMAT, OLD_FORMAT) or str(data["stamp"]) != stamp:
                return None
            rows = _records(data)
            vectors = {k[4:]: data[k].astype(np.float32)
                       for k in data.files if k.startswith("vec_")}
    except (OSError, ValueError, KeyError, zlib.error):
        log.warning("ignoring unreadable index snapshot %s", path)
        return None
    # our own file: built without re-validating every field (a third of the load time)
    chunks = [Document.model_construct(id=i, page_content=text, metadata=meta)
              for i, text, meta in rows]
    return Snapshot(stamp, chunks, vectors)


def from_chroma(stamp: str, primary: ChunkIndex, others: Mapping[str, ChunkIndex],
                name: str) -> Snapshot:
    """The snapshot read from Chroma: the primary index's chunks (its channel ``name``)
    and every other channel's vectors for them."""
    chunks = primary.all_chunks()
    vectors = {name: primary.all_vectors(), **{n: ix.all_vectors() for n, ix in others.items()}}
    log.info("index snapshot read from Chroma: %d chunks", len(chunks))
    return Snapshot(stamp, chunks, {n: _stored(_rows(v, chunks)) for n, v in vectors.items()})


def _rows(found: dict[str, FloatMatrix], chunks: Sequence[Document]) -> FloatMatrix:
    dim = len(next(iter(found.values()))) if found else 0
    out = np.zeros((len(chunks), dim), dtype=np.float32)
    for i, chunk in enumerate(chunks):
        vector = found.get(str(chunk.id))
        if vector is not None:
            out[i] = vector
    return out


def patched(snap: Snapshot, names: Sequence[str], plans: Sequence[SyncPlan],
            added: Sequence[FloatMatrix], stamp: str) -> Snapshot | None:
    """``snap`` with one ingest's changes (channel ``names[j]`` ran ``plans[j]`` and
    embedded ``added[j]``), or None when the channels' plans differ (a repair: rebuild)."""
    first = plans[0]
    add_ids = [str(d.id) for d in first.add]
    if any([str(d.id) for d in p.add] != add_ids or p.delete != first.delete
           for p in plans[1:]):
        return None
    gone = set(first.delete)
    have = {str(c.id) for c in snap.chunks}
    if not gone <= have or have.intersection(add_ids):
        return None  # the snapshot does not copy what the ingest started from
    updates = {str(d.id): d for d in first.update}
    keep = [i for i, c in enumerate(snap.chunks) if str(c.id) not in gone]
    chunks = [updates.get(str(snap.chunks[i].id), snap.chunks[i]) for i in keep]
    chunks += [Document(id=str(d.id), page_content=d.page_content, metadata=dict(d.metadata))
               for d in first.add]
    vectors: dict[str, Any] = {}
    for name, new in zip(names, added, strict=True):
        old = snap.vectors[name][keep]
        if not len(new):
            vectors[name] = old
        elif old.shape[1] == new.shape[1] or not len(old):
            vectors[name] = np.concatenate([old.reshape(len(old), new.shape[1]), new])
        else:
            return None
    return _arranged(stamp, chunks, vectors)
