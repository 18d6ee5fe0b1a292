"""Incremental ingest: files unchanged since the last ingest are not read again.

About storage and sync, not meaning: the STAND-IN hashing embedder (``tests/standin.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from standin import standin_embedders

from assistant.config import Settings
from assistant.index.facts import facts_path, read_facts
from assistant.index.manifest import manifest_path
from assistant.index.sync import corpus_chunks
from assistant.ingest import corpus as corpus_module
from assistant.service import AssistantService


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the files ingest reads (``load_document`` calls)."""
    seen: list[str] = []
    real = corpus_module.load_document

    def spy(path: Path, *args: object, **kwargs: object) -> object:
        seen.append(path.name)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(corpus_module, "load_document", spy)
    return seen


def test_only_changed_files_are_read(
    settings_factory: Callable[..., Settings], reads: list[str]
) -> None:
    settings = settings_factory()
    service = AssistantService(settings, standin_embedders())
    service.ingest()
    files = sorted(p.name for p in settings.corpus_dir.glob("*.txt"))
    assert sorted(reads) == files and manifest_path(settings).is_file()

    reads.clear()
    again = service.ingest()
    assert reads == [] and again.embedded == 0 and again.documents == len(files)
    assert {f.status for f in again.files} == {"unchanged"}

    edited = settings.corpus_dir / files[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\n新增一段：某区新增企业12家。",
                      encoding="utf-8")
    (settings.corpus_dir / files[1]).unlink()
    report = service.ingest()
    assert reads == [files[0]]
    assert report.embedded >= 1 and report.removed > 0
    status = {f.path: f.status for f in report.files}
    assert status[files[0]] == "updated" and status[files[1]] == "removed"
    assert all(status[f] == "unchanged" for f in files[2:])
    expected, full = corpus_chunks(settings)
    assert {str(c.id) for c in service.chunks()} == {str(c.id) for c in expected}
    assert report.chunks == full.chunks and report.documents == full.documents


def test_manifest_that_disagrees_with_the_index_is_ignored(
    settings_factory: Callable[..., Settings], reads: list[str]
) -> None:
    settings = settings_factory()
    service = AssistantService(settings, standin_embedders())
    service.ingest()
    service.client.delete_collection(settings.collection_name)  # the store was wiped
    reads.clear()
    report = AssistantService(settings, standin_embedders()).ingest()
    assert len(reads) == report.documents and report.embedded == report.chunks


def test_a_lost_figures_sheet_is_rebuilt_without_embedding_again(
    settings_factory: Callable[..., Settings], reads: list[str]
) -> None:
    settings = settings_factory()
    service = AssistantService(settings, standin_embedders())
    service.ingest()
    sheet = {r.doc_id for r in read_facts(settings)}
    facts_path(settings).unlink()  # deleted by hand, or lost with a disk
    reads.clear()
    report = AssistantService(settings, standin_embedders()).ingest()
    assert report.embedded == 0 and len(reads) == report.documents
    assert {r.doc_id for r in read_facts(settings)} == sheet and sheet
