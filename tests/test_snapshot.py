"""The index snapshot beside the store: a start reads it instead of Chroma (a question
in a fresh process never imports chromadb), an ingest patches it with its own changes,
and the USE collection keeps vectors and paths only.

About storage and sync, not meaning: the STAND-IN hashing embedder (``tests/standin.py``)
on a real Chroma in tmp_path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from langchain_core.documents import Document
from standin import standin_embedders

from assistant.config import PROJECT_ROOT, Settings
from assistant.index import handle as handle_module
from assistant.index import store as store_module
from assistant.index.records import RECORD_KEY, TEXT_KEY, joined, stored_document, unpacked
from assistant.index.snapshot import (
    Snapshot,
    load_snapshot,
    read_stamp,
    save_snapshot,
    snapshot_path,
)
from assistant.index.sync import corpus_chunks
from assistant.service import AssistantService

QUESTION = "深圳累计培育了多少家国家级专精特新小巨人企业？"


def test_stored_chunks_read_from_either_layout() -> None:
    new = stored_document("c1", None, {TEXT_KEY: "深圳 1331 家", "path": "a.txt"})
    assert new.page_content == "深圳 1331 家" and new.metadata == {"path": "a.txt"}
    old = stored_document("c1", "深圳 1331 家", {"path": "a.txt"})  # text as the document
    assert old.page_content == "深圳 1331 家" and old.metadata == {"path": "a.txt"}


def _no_chroma(*_args: object, **_kwargs: object) -> object:
    raise AssertionError("Chroma was opened")


def test_a_start_reads_the_snapshot_not_chroma(
    settings_factory: Callable[..., Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_factory()
    first = AssistantService(settings, standin_embedders())
    first.ingest()
    assert snapshot_path(settings).is_file() and read_stamp(settings)
    # text and metadata are stored once: the USE collection keeps vectors and paths
    got = first.use_index.collection.get(include=["documents", "metadatas"])
    assert got["ids"] and not any(got["documents"])
    assert all(set(m) == {"path"} for m in got["metadatas"])
    # the primary's text is metadata, not a Chroma document (no full-text index built),
    # packed with the other fields in one value beside the path
    primary = first.index.collection.get(limit=1, include=["documents", "metadatas"])
    assert not primary["documents"][0] and "doc_id" not in primary["metadatas"][0]
    assert primary["metadatas"][0][RECORD_KEY] and "path" in primary["metadatas"][0]
    monkeypatch.setattr(store_module, "open_client", _no_chroma)
    service = AssistantService(settings, standin_embedders())
    record = service.ask(QUESTION)
    assert record.found and "1331" in record.answer
    assert {c.id for c in service.chunks()} == {c.id for c in corpus_chunks(settings)[0]}


def test_an_ingest_patches_the_snapshot_with_its_changes_only(
    settings_factory: Callable[..., Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_factory()
    service = AssistantService(settings, standin_embedders())
    service.ingest()
    monkeypatch.setattr(handle_module, "from_chroma", _no_chroma)  # no full read again
    edited = settings.corpus_dir / "003_ae6fda2240162a5d.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nIn 2026 the pilot programme "
                      "added 77 more cities to the digital transformation list.\n",
                      encoding="utf-8")
    (settings.corpus_dir / "001_c3532d2b1e931b04.txt").unlink()
    report = service.ingest()
    assert report.embedded >= 1 and report.removed > 0
    expected = {str(c.id) for c in corpus_chunks(settings)[0]}
    assert {c.id for c in service.chunks()} == expected
    record = service.ask("How many more cities did the pilot programme add in 2026?")
    assert record.found and "77" in record.answer
    reopened = AssistantService(settings, standin_embedders())  # from the patched file
    assert {c.id for c in reopened.chunks()} == expected
    rows = {c.id: c for c in reopened.chunks()}
    stored = service.index.collection.get(ids=sorted(expected), include=["metadatas"])
    records = [unpacked(m) for m in stored["metadatas"]]
    joined(meta for _, meta in records)
    for cid, (text, meta) in zip(stored["ids"], records, strict=True):
        assert rows[cid].metadata == meta  # offsets moved by the edit are patched too
        assert rows[cid].page_content == text


def test_the_one_shot_question_path_imports_neither_chroma_nor_langchain_retrievers(
    settings_factory: Callable[..., Settings],
) -> None:
    settings = settings_factory()
    AssistantService(settings, standin_embedders()).ingest()
    script = (
        "import sys\n"
        "from standin import standin_embedders\n"
        "from assistant.config import Settings\n"
        "from assistant.service import AssistantService\n"
        f"record = AssistantService(Settings(), standin_embedders()).ask({QUESTION!r})\n"
        "assert record.found, record.answer\n"
        "heavy = ('chromadb', 'langchain_chroma', 'langchain_core.retrievers')\n"
        "print(' '.join(m for m in heavy if m in sys.modules))\n"
    )
    env = dict(os.environ, SRDI_CORPUS_DIR=str(settings.corpus_dir),
               SRDI_VECTORSTORE_DIR=str(settings.vectorstore_dir))
    env["PYTHONPATH"] = os.pathsep.join([str(PROJECT_ROOT), str(Path(__file__).parent)])
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_a_snapshot_of_the_previous_format_still_loads(tmp_path: Path) -> None:
    chunks = [Document(id=f"c{i}", page_content=f"第{i}段", metadata={"path": "a.txt", "seq": i})
              for i in range(2)]
    vectors = {"e5": np.eye(2, 3, dtype=np.float32)}
    path = tmp_path / "srdi.snapshot.npz"
    save_snapshot(path, Snapshot("s1", chunks, vectors))
    now = load_snapshot(path, "s1")
    assert now is not None and load_snapshot(path, "other") is None
    rows = [[c.page_content, c.metadata] for c in chunks]  # format 1: ids in an array
    blob = zlib.compress(json.dumps(rows, ensure_ascii=False).encode("utf-8"))
    np.savez(path, format=np.str_("snapshot-1"), stamp=np.str_("s1"),
             ids=np.array(["c0", "c1"], dtype=np.str_),
             records=np.frombuffer(blob, dtype=np.uint8), vec_e5=vectors["e5"].astype(np.float16))
    old = load_snapshot(path, "s1")
    assert old is not None
    assert [(c.id, c.page_content, c.metadata) for c in old.chunks] == [
        (c.id, c.page_content, c.metadata) for c in now.chunks]
    assert np.array_equal(old.vectors["e5"], now.vectors["e5"])
