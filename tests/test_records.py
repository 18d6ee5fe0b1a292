"""How chunks are laid out in Chroma metadata: one packed value cut into parts no index
entry overflows, a document's shared fields on its first chunk, and older layouts that
still read and convert on update.

About storage, not meaning: a real Chroma in tmp_path, vectors written directly or by
the STAND-IN hashing embedder (``tests/standin.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from langchain_core.documents import Document
from standin import standin_embedders

from assistant.config import Settings
from assistant.index.handle import FREE_SHARE, compact_store
from assistant.index.records import (
    DOC_KEYS,
    PART_BYTES,
    RECORD_KEY,
    TEXT_KEY,
    joined,
    packed,
    unpacked,
)
from assistant.index.snapshot import snapshot_path, write_stamp
from assistant.index.store import ChunkIndex, SyncPlan, open_client
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


def _legacy_collection(settings: Settings) -> ChunkIndex:
    """A collection as the previous layout wrote it: one key per field, text in TEXT_KEY."""
    from assistant.index.store import open_collection

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
    write_stamp(settings, "")  # as after a killed ingest: the snapshot is not trusted
    Path(snapshot_path(settings)).unlink()
    rebuilt = AssistantService(settings, standin_embedders())
    assert {c.id: (c.page_content, c.metadata) for c in rebuilt.chunks()} == before


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
