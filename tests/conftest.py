"""Shared fixtures: the real model, a real Chroma in a temporary folder, the bundled corpus."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, Settings

CORPUS = PROJECT_ROOT / "corpus"


def make_settings(root: Path, corpus: Path | None = None, **overrides: object) -> Settings:
    """Settings whose corpus and index live under ``root`` (the model stays shared)."""
    corpus_dir = root / "corpus"
    if corpus is not None and not corpus_dir.exists():
        shutil.copytree(corpus, corpus_dir)
    corpus_dir.mkdir(parents=True, exist_ok=True)
    values: dict[str, object] = {
        "corpus_dir": corpus_dir,
        "vectorstore_dir": root / "vectorstore",
        "feedback_path": root / "feedback.jsonl",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests on the session ``service`` (the real models) are ``model`` tests."""
    for item in items:
        if "service" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)


@pytest.fixture
def settings_factory(tmp_path: Path) -> Callable[..., Settings]:
    """Build settings over a fresh folder (optionally seeded with the bundled corpus)."""

    def build(corpus: Path | None = CORPUS, **overrides: object) -> Settings:
        return make_settings(tmp_path, corpus, **overrides)

    return build


@pytest.fixture(autouse=True)
def _shared_real_models(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """In tests on the session ``service``, any other service built in-process (the CLI's,
    ``srdi eval``'s) gets the same already loaded real models instead of loading them again."""
    if "service" not in request.fixturenames:
        return
    from assistant import service as service_module
    from assistant.models.embedders import Embedders

    svc = request.getfixturevalue("service")
    shared = Embedders(e5=svc.embeddings, use=svc.use)
    monkeypatch.setattr(service_module, "load_embedders", lambda _settings: shared, raising=False)


def _shared_index(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The bundled corpus ingested with the real models once per test run.

    Under pytest-xdist the first worker builds it in the run's shared temporary folder and
    the others wait on a file lock, then reuse it (embedding the corpus costs ~20 s)."""
    from filelock import FileLock

    from assistant.service import AssistantService

    if worker_id == "master":
        return tmp_path_factory.mktemp("srdi-index")
    shared = tmp_path_factory.getbasetemp().parent / "srdi-index"
    with FileLock(str(shared) + ".lock"):
        if not (shared / ".complete").exists():
            shutil.rmtree(shared, ignore_errors=True)
            AssistantService(make_settings(shared, CORPUS)).ingest()
            (shared / ".complete").touch()
    return shared


@pytest.fixture(scope="session")
def service(tmp_path_factory: pytest.TempPathFactory, worker_id: str):  # type: ignore[no-untyped-def]
    """One real service over a copy of the bundled corpus, ingested once per run.

    Each worker gets its own copy (tests may add documents to it); the copy's ingest
    embeds nothing."""
    from assistant.service import AssistantService

    shared = _shared_index(tmp_path_factory, worker_id)
    root = tmp_path_factory.mktemp("srdi")
    if (shared / "vectorstore").exists():
        shutil.copytree(shared / "vectorstore", root / "vectorstore")
    settings = make_settings(root, CORPUS)
    svc = AssistantService(settings)
    svc.ingest()
    return svc
