"""How chunks are laid out in Chroma metadata: one packed value cut into parts no index
entry overflows, a document's shared fields on its first chunk, and older layouts that
still read and convert on update.

About storage, not meaning: a real Chroma in tmp_path, vectors written directly or by
the STAND-IN hashing embedder (``tests/standin.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from langchain_core.documents import Document
from standin import standin_embedders

from assistant.config import Settings
from assistant.index.handle import FREE_SHARE, compact_store
from assistant.index.records import (
    DOC_KEYS,
    PART_BYTES,
    RECORD_KEY,
    TEXT_KEY,
    half_packed,
    half_unpacked,
    joined,
    packed,
    unpacked,
)
from assistant.index.snapshot import load_snapshot, read_stamp, snapshot_path, write_stamp
from assistant.index.store import ChunkIndex, SyncPlan, open_client, open_collection
from assistant.service import AssistantService

TEXT = "深圳市累计培育国家级专精特新“小巨人”企业1331家。" * 40  # ~4 KB of UTF-8


def _meta(seq: int) -> dict[str, object]:
    return {"chunk_id": f"c{seq}", "doc_id": "d1", "path": "a.txt", "title": "深圳专精特新",
            "publisher": "", "date": "2025-01-02", "url": "", "file_hash": "ab" * 32,
            "lang": "zh-Hans", "start": 10 * seq, "end": 10 * seq + 9, "seq": seq}


def test_a_long_record_is_cut_into_parts_that_read_back_whole() -> None:
    stored = packed(TEXT, _meta(0))
    parts = [v for k, v in stored.items() if k.startswith(RECORD_KEY)]
    assert len(parts) > 3 and all(len(p.encode("utf-8")) <= PART_BYTES for p in parts)
    assert stored["path"] == "a.txt"
    assert unpacked(stored) == (TEXT, _meta(0))


def test_a_shortened_record_ignores_the_parts_left_from_the_longer_one() -> None:
    longer = packed(TEXT, _meta(0))
    shorter = packed("一句。", _meta(0))
    assert unpacked({**longer, **shorter}) == ("一句。", _meta(0))  # Chroma's update merges


def test_shared_fields_live_on_the_first_chunk_and_join_back() -> None:
    first, later = packed("甲", _meta(0), shared=True), packed("乙", _meta(1), shared=True)
    metas = [unpacked(later)[1], unpacked(first)[1]]
    assert not set(DOC_KEYS) & set(metas[0])
    joined(metas)
    assert metas == [_meta(1), _meta(0)]


def _vectors(rows: int, dim: int) -> np.ndarray:
    vectors = np.random.default_rng(3).standard_normal((rows, dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors[0] = 0.0
    vectors[1, 1::2] = 1e-7  # float16 subnormals: tiny, even denormal, float32 halves
    vectors[1, ::2] = -0.0
    return vectors


def test_half_packed_vectors_read_back_as_their_float16_values() -> None:
    vectors = _vectors(4, 6)
    stored = half_packed(vectors)
    assert stored.dtype == np.float32 and stored.shape == (4, 3) and np.isfinite(stored).all()
    back = half_unpacked(stored)
    assert back.tobytes() == vectors.astype(np.float16).astype(np.float32).tobytes()
    with pytest.raises(ValueError, match="even"):
        half_packed(vectors[:, :5])
    with pytest.raises(ValueError, match="float16 range"):
        half_packed(np.full((1, 2), 1e6, dtype=np.float32))


def _add(index: ChunkIndex, vectors: np.ndarray) -> None:
    docs = [Document(id=f"c{i}", page_content="甲", metadata=_meta(i)) for i in range(len(vectors))]
    index.embeddings = type("Fixed", (), {"embed_documents": lambda _s, _t: vectors})()
    index.apply(SyncPlan(add=docs))


def test_a_storage_collection_keeps_half_the_vector_bytes_exactly(
    settings_factory: Callable[..., Settings],
) -> None:
    settings = settings_factory(corpus=None)
    vectors = _vectors(120, 64)  # over hnsw:sync_threshold: part of it saved to disk
    _add(ChunkIndex(open_collection(open_client(settings), "half", searched=False), None),
         vectors)
    reopened = open_collection(open_client(settings), "half", searched=False)
    raw = reopened.get(ids=["c5"], include=["embeddings"])["embeddings"]
    assert np.asarray(raw).shape == (1, 32)  # two float16 values per float32 Chroma keeps
    got = ChunkIndex(reopened, None).all_vectors()
    expected = vectors.astype(np.float16).astype(np.float32)
    assert all(got[f"c{i}"].tobytes() == expected[i].tobytes() for i in range(len(vectors)))
    with pytest.raises(ValueError, match="not searchable"):
        ChunkIndex(reopened, None).search(expected[0], 3)


def test_a_storage_collection_of_an_older_store_keeps_float32_vectors(
    settings_factory: Callable[..., Settings],
) -> None:
    settings = settings_factory(corpus=None)
    client = open_client(settings)
    client.create_collection("older", embedding_function=None,
                             metadata={"hnsw:space": "cosine", "hnsw:M": 4})
    vectors = _vectors(3, 4)[2:]
    _add(ChunkIndex(open_collection(client, "older", searched=False), None), vectors)
    index = ChunkIndex(open_collection(open_client(settings), "older", searched=False), None)
    assert not index.half
    assert np.allclose(index.all_vectors()["c0"], vectors[0])  # cosine: stored normalised


def _legacy_collection(settings: Settings) -> ChunkIndex:
    """A collection as the previous layout wrote it: one key per field, text in TEXT_KEY."""
    collection = open_collection(open_client(settings), "legacy")
    collection.add(ids=["c0", "c1"], embeddings=[[1.0, 0.0], [0.0, 1.0]],
                   metadatas=[{**_meta(0), TEXT_KEY: "甲"}, {**_meta(1), TEXT_KEY: "乙"}])
    return ChunkIndex(collection, None, shared=True)


def test_an_older_layout_reads_and_an_update_converts_it(
    settings_factory: Callable[..., Settings],
) -> None:
    index = _legacy_collection(settings_factory(corpus=None))
    assert [(d.page_content, d.metadata) for d in index.all_chunks()] == [
        ("甲", _meta(0)), ("乙", _meta(1))]
    assert index.stored_metadata(["a.txt"]) == {"c0": _meta(0), "c1": _meta(1)}
    moved = {**_meta(1), "start": 99}
    index.apply(SyncPlan(update=[Document(id="c1", page_content="乙", metadata=moved)]))
    raw = index.collection.get(ids=["c1"], include=["metadatas"])["metadatas"][0]
    assert set(raw) == {"path", RECORD_KEY}  # the older keys are gone
    got = index.stored_metadata()
    assert got["c1"] == {**moved, "indexed_at": got["c1"]["indexed_at"]}
    assert got["c0"] == _meta(0)


def test_the_snapshot_is_rebuilt_from_chroma_alike(
    settings_factory: Callable[..., Settings],
) -> None:
    settings = settings_factory()
    built = AssistantService(settings, standin_embedders())
    built.ingest()
    before = {c.id: (c.page_content, c.metadata) for c in built.chunks()}
    patched = load_snapshot(snapshot_path(settings), read_stamp(settings))
    write_stamp(settings, "")  # as after a killed ingest: the snapshot is not trusted
    Path(snapshot_path(settings)).unlink()
    rebuilt = AssistantService(settings, standin_embedders())
    assert {c.id: (c.page_content, c.metadata) for c in rebuilt.chunks()} == before
    # the vectors read back from Chroma are the ones the patched snapshot searched with
    read = load_snapshot(snapshot_path(settings), read_stamp(settings))
    assert patched is not None and read is not None
    old, new = patched.vectors, read.vectors
    assert old.keys() == new.keys() == {"e5", "use"}
    assert all(old[k].tobytes() == new[k].tobytes() for k in old)


def _free_share(settings: Settings) -> float:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(settings.vectorstore_dir / "chroma.sqlite3")) as db:
        free = db.execute("PRAGMA freelist_count").fetchone()[0]
        return float(free) / float(db.execute("PRAGMA page_count").fetchone()[0])


def test_an_ingest_that_frees_much_of_the_store_compacts_it(
    settings_factory: Callable[..., Settings],
) -> None:
    settings = settings_factory()
    service = AssistantService(settings, standin_embedders())
    service.ingest()
    for path in sorted(settings.corpus_dir.glob("*.txt"))[:3]:
        path.unlink()
    assert service.ingest().removed > 0
    assert _free_share(settings) < FREE_SHARE
    assert not compact_store(settings)  # nothing left to reclaim
