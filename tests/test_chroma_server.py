"""SRDI_CHROMA_MODE=http: ingest into and answer from a real Chroma server on 127.0.0.1.

About storage, not meaning: the STAND-IN hashing embedder (``tests/standin.py``).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from standin import standin_embedders

from assistant.config import Settings
from assistant.service import AssistantService


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    """A `chroma run` server process on a free loopback port, stopped after the test."""
    exe = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
    port = _free_port()
    proc = subprocess.Popen(
        [exe, "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):  # up to ~20 s for the server to come up
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).is_success:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail("the Chroma server did not start")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_ingest_and_ask_through_a_chroma_server(
    chroma_server: int, settings_factory: Callable[..., Settings]
) -> None:
    settings = settings_factory(chroma_mode="http", chroma_port=chroma_server)
    service = AssistantService(settings, standin_embedders())
    first = service.ingest()
    assert first.embedded == first.chunks > 0
    assert not (settings.vectorstore_dir / "chroma.sqlite3").exists(), "nothing stored locally"

    # a second client sees the server's index
    reopened = AssistantService(settings, standin_embedders())
    assert reopened.ingest().embedded == 0
    record = reopened.ask("深圳有多少家专精特新小巨人企业已上市？")
    assert record.found and "104" in record.answer


def test_two_services_share_one_chroma_server(
    chroma_server: int, settings_factory: Callable[..., Settings]
) -> None:
    """Scale-out: two app services over one corpus folder and one Chroma server; a
    document added and ingested through one is answered by the other without a restart."""
    settings = settings_factory(chroma_mode="http", chroma_port=chroma_server)
    corpus = settings.corpus_dir
    first = AssistantService(settings, standin_embedders())
    first.ingest()
    second = AssistantService(settings, standin_embedders())
    question = "How many widget makers does Qingshui county support?"
    assert "4321" not in second.ask(question).answer

    (corpus / "qingshui.txt").write_text(
        "Qingshui county supports 4321 widget makers under its SRDI programme. "
        "The Qingshui county widget makers receive grants every year.",
        encoding="utf-8",
    )
    report = first.ingest()
    assert report.embedded > 0
    record = second.ask(question)
    assert record.found and "4321" in record.answer
    assert any(c.metadata.get("path") == "qingshui.txt" for c in second.chunks())
