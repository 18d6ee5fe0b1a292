"""Incremental indexing on a real Chroma in tmp_path with the real embedding model."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.config import Settings
from assistant.index.sync import corpus_chunks
from assistant.service import AssistantService

Factory = Callable[..., Settings]


def _env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env["SRDI_CORPUS_DIR"] = str(settings.corpus_dir)
    env["SRDI_VECTORSTORE_DIR"] = str(settings.vectorstore_dir)
    return env


def _ingest_json(settings: Settings) -> dict[str, object]:
    result = CliRunner().invoke(main, ["ingest", "--json"], env=_env(settings))
    assert result.exit_code == 0, result.output
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def test_second_ingest_embeds_nothing(settings_factory: Factory) -> None:
    settings = settings_factory()
    first = _ingest_json(settings)
    assert set(first) == {"documents", "chunks", "embedded", "unchanged", "removed", "skipped",
                          "embedded_by_index", "files"}
    assert {f["status"] for f in first["files"]} == {"added"}  # type: ignore[index]
    assert first["documents"] == 5
    assert first["embedded"] == first["chunks"] and first["removed"] == 0
    second = _ingest_json(settings)
    assert second["embedded"] == 0 and second["removed"] == 0
    assert second["unchanged"] == first["chunks"]
    assert {f["status"] for f in second["files"]} == {"unchanged"}  # type: ignore[index]


def test_changed_and_deleted_files(settings_factory: Factory) -> None:
    settings = settings_factory()
    service = AssistantService(settings)
    service.ingest()
    per_doc = {row.doc_id: row.chunks for row in service.documents()}
    changed = settings.corpus_dir / "003_ae6fda2240162a5d.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8")
        + "\n\nIn 2026 the pilot programme added 77 more cities to the digital "
        "transformation list.\n",
        encoding="utf-8",
    )
    (settings.corpus_dir / "001_c3532d2b1e931b04.txt").unlink()
    report = service.ingest()
    assert 1 <= report.embedded <= per_doc["003_ae6fda2240162a5d"]
    assert report.removed >= per_doc["001_c3532d2b1e931b04"]
    assert "001_c3532d2b1e931b04" not in {row.doc_id for row in service.documents()}
    record = service.ask("How many more cities did the pilot programme add in 2026?")
    assert record.found and "77" in record.answer
    expected, _ = corpus_chunks(settings)
    assert {c.id for c in service.chunks()} == {c.id for c in expected}


def test_bad_files_are_skipped_with_reasons(settings_factory: Factory) -> None:
    settings = settings_factory()
    (settings.corpus_dir / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage \x00\x01")
    (settings.corpus_dir / "image.txt").write_bytes(bytes(range(256)) * 8)
    (settings.corpus_dir / "data.xlsx").write_bytes(b"PK\x03\x04 not really")
    report = _ingest_json(settings)
    skipped = {s["path"]: s["reason"] for s in report["skipped"]}  # type: ignore[attr-defined]
    assert set(skipped) == {"broken.pdf", "image.txt", "data.xlsx"}
    assert all(reason for reason in skipped.values())
    assert report["documents"] == 5


def test_chunks_command_lists_every_chunk(settings_factory: Factory) -> None:
    settings = settings_factory()
    report = _ingest_json(settings)
    result = CliRunner().invoke(main, ["chunks", "--json"], env=_env(settings))
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(rows) == report["chunks"]
    keys = {"chunk_id", "doc_id", "path", "title", "lang", "start", "end", "text"}
    for row in rows:
        assert set(row) == keys
        original = (settings.corpus_dir / row["path"]).read_text(encoding="utf-8")
        assert original[row["start"] : row["end"]] == row["text"]


def _big_document(path: Path, sentences: int = 1500) -> None:
    lines = [
        f"Report item {i}: the district supported {i * 7 + 3} enterprises with grant batch {i}."
        for i in range(sentences)
    ]
    path.write_text("\n\n".join(" ".join(lines[j : j + 5]) for j in range(0, sentences, 5)))


@pytest.mark.slow
def test_killed_ingest_keeps_old_index_and_next_run_repairs(settings_factory: Factory) -> None:
    settings = settings_factory()
    first = _ingest_json(settings)
    _big_document(settings.corpus_dir / "big.txt")
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "ingest"],
        env=_env(settings), stderr=subprocess.PIPE, text=True,
    )
    assert proc.stderr is not None
    for line in proc.stderr:  # wait until embedding has started, then kill -9
        if "ingest plan" in line:
            break
    time.sleep(3)
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    service = AssistantService(settings)
    assert len(service.chunks()) >= int(first["chunks"])  # type: ignore[call-overload]
    record = service.ask("深圳累计培育了多少家国家级专精特新小巨人企业？")
    assert record.found and "1331" in record.answer

    report = service.ingest()
    assert report.embedded > 0 and report.embedded < report.chunks
    expected, _ = corpus_chunks(settings)
    assert {c.id for c in service.chunks()} == {c.id for c in expected}
    assert service.ingest().embedded == 0
