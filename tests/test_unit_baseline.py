"""The tutorial baseline's splitter (assistant.retrieval.baseline.raw_chunks)."""

from __future__ import annotations

from pathlib import Path

from assistant.retrieval.baseline import raw_chunks


def test_raw_chunks_are_tutorial_sized_overlapping_slices(tmp_path: Path) -> None:
    text = " ".join(f"w{i}" for i in range(900))  # one paragraph of ~4,900 characters
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    (tmp_path / "short.md").write_text("# Short\n\nOne line about little giants.\n")
    chunks = raw_chunks(tmp_path)
    long = [c for c in chunks if c.metadata["path"] == "long.txt"]
    assert len(long) > 3 and all(len(c.page_content) <= 1000 for c in long)
    for c in long:  # raw text, offsets into the file as loaded
        start = c.metadata["start_index"]
        assert text[start : start + len(c.page_content)] == c.page_content
    ids = [str(c.id) for c in chunks]
    assert len(set(ids)) == len(ids)
    assert [str(c.id) for c in long] == [f"long:{i}" for i in range(len(long))]
    first, second = long[0], long[1]
    assert second.metadata["start_index"] < first.metadata["start_index"] + len(
        first.page_content
    )  # the 200-character overlap
    assert {c.metadata["path"] for c in chunks} == {"long.txt", "short.md"}
    assert all(c.metadata["file_hash"] for c in chunks)


def test_unreadable_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7 garbage \x00\x01")
    (tmp_path / "good.txt").write_text("Little giants get support. " * 3)
    chunks = raw_chunks(tmp_path)
    assert [c.metadata["path"] for c in chunks] == ["good.txt"]
    assert chunks[0].id == f"{chunks[0].metadata['doc_id']}:0"
