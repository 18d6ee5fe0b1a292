"""Incremental indexing on a real Chroma in tmp_path.

Storage and sync are about ids, hashes and batches, not meaning: these tests use the
STAND-IN hashing embedder (``tests/standin.py``) except ``test_real_model_ingest``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from standin import StallingHashEmbeddings, standin_embedders

from assistant import service as service_module
from assistant.cli import main
from assistant.config import PROJECT_ROOT, Settings
from assistant.index.sync import corpus_chunks
from assistant.service import AssistantService

Factory = Callable[..., Settings]


@pytest.fixture
def standin(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every service built in-process (the CLI's too) embeds with the STAND-IN."""
    monkeypatch.setattr(service_module, "load_embedders", lambda _settings: standin_embedders())


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


def test_real_model_ingest(settings_factory: Factory, service: AssistantService) -> None:
    """Real e5 and USE (the session ``service``'s, already loaded) on one document."""
    settings = settings_factory(corpus=None)
    shutil.copy(PROJECT_ROOT / "corpus" / "003_ae6fda2240162a5d.txt", settings.corpus_dir)
    fresh = AssistantService(settings)
    assert fresh.embeddings is service.embeddings and fresh.use is service.use
    first = fresh.ingest()
    assert first.documents == 1 and first.embedded == first.chunks > 0
    assert fresh.ingest().embedded == 0
    hits = fresh.retrieve("数字化转型试点城市", retriever="dense")
    assert hits and hits[0].doc.metadata["doc_id"] == "003_ae6fda2240162a5d"


@pytest.mark.usefixtures("standin")
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
    service = AssistantService(settings, standin_embedders())
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


@pytest.mark.usefixtures("standin")
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


@pytest.mark.usefixtures("standin")
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


def _big_document(path: Path, sentences: int = 600) -> None:
    """About 48 chunks: three write batches of the child ingest."""
    lines = [
        f"Report item {i}: the district supported {i * 7 + 3} enterprises with grant batch {i}."
        for i in range(sentences)
    ]
    path.write_text("\n\n".join(" ".join(lines[j : j + 5]) for j in range(0, sentences, 5)))


def _child_ingest(settings: Settings, *args: str) -> subprocess.Popen[str]:
    env = _env(settings)
    env["PYTHONPATH"] = os.pathsep.join([str(PROJECT_ROOT), env.get("PYTHONPATH", "")])
    script = Path(__file__).with_name("standin_ingest.py")
    return subprocess.Popen(
        [sys.executable, str(script), *args], env=env, stderr=subprocess.PIPE, text=True
    )


def _ingest_until_stalled(settings: Settings, batches: int) -> None:
    """Run an ingest in a child process, kill -9 it once ``batches`` batches are stored."""
    proc = _child_ingest(settings, str(batches))
    assert proc.stderr is not None
    for line in proc.stderr:  # the stalled embedder announces itself, then blocks
        if StallingHashEmbeddings.MARKER in line:
            break
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    proc.kill()
    proc.wait()


def test_killed_ingest_keeps_old_index_and_next_run_repairs(settings_factory: Factory) -> None:
    settings = settings_factory()
    first, _ = corpus_chunks(settings)
    child = _child_ingest(settings)
    assert child.wait() == 0, child.stderr.read() if child.stderr else ""
    _big_document(settings.corpus_dir / "big.txt")
    _ingest_until_stalled(settings, batches=1)

    service = AssistantService(settings, standin_embedders())
    assert len(service.chunks()) > len(first)  # the stored batch survived; nothing lost
    record = service.ask("深圳累计培育了多少家国家级专精特新小巨人企业？")
    assert record.found and "1331" in record.answer

    report = service.ingest()
    assert 0 < report.embedded < report.chunks - len(first)  # only the unstored rest
    expected, _ = corpus_chunks(settings)
    assert {c.id for c in service.chunks()} == {c.id for c in expected}
    assert service.ingest().embedded == 0
