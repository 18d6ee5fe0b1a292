"""The launched app over HTTP: the ``/ask`` endpoint, 20 simultaneous users, safety, start-up."""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client

from assistant.config import PROJECT_ROOT, Settings
from assistant.service import AssistantService
from assistant.ui.app import build_app, launch_options
from assistant.ui.auth import parse_auth

pytestmark = pytest.mark.slow

QUESTIONS = (
    "北京有多少家国家级专精特新“小巨人”企业？",
    "How does Beijing compare with Shenzhen in cultivating little giants?",
    "专精特新中小企业面临哪些困境？",
    "What are little giant enterprises?",
    "What is the weather in Paris tomorrow?",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(service: AssistantService, **overrides: Any) -> tuple[Any, str]:
    """Launch the real app on a free local port without blocking; returns (demo, url)."""
    settings = service.settings.model_copy(update={"port": free_port(), **overrides})
    demo = build_app(service)
    demo.launch(prevent_thread_lock=True, quiet=True, **launch_options(settings))
    return demo, f"http://127.0.0.1:{settings.port}/"


@pytest.fixture(scope="module")
def app_url(service: AssistantService) -> Iterator[str]:
    demo, url = serve(service)
    yield url
    demo.close()


def ask(url: str, question: str, **kw: Any) -> dict[str, Any]:
    client = Client(url, verbose=False, **kw)
    return dict(json.loads(client.predict(question, api_name="/ask")))


def _essence(record: dict[str, Any]) -> tuple[Any, ...]:
    cited = [(c["n"], c["chunk_id"]) for c in record["citations"]]
    return record["question"], record["found"], record["answer"], cited


def test_launch_options_are_local_and_closed() -> None:
    opts = launch_options(Settings())
    assert opts["server_name"] == "127.0.0.1" and opts["share"] is False
    assert opts["allowed_paths"] == [] and opts["auth"] is None
    assert parse_auth("ann:pa:ss") == ("ann", "pa:ss")
    with pytest.raises(ValueError, match="user:password"):
        parse_auth("no-colon")


def test_ask_endpoint_returns_the_cli_record(app_url: str, service: AssistantService) -> None:
    record = ask(app_url, QUESTIONS[0])
    assert record["found"] and record["citations"] and "[1]" in record["answer"]
    assert set(record) == set(service.ask(QUESTIONS[0]).model_dump(mode="json"))
    cite = record["citations"][0]
    assert {"n", "doc_id", "title", "chunk_id", "text", "quotes"} <= set(cite)
    names = Client(app_url, verbose=False).view_api(print_info=False, return_format="dict")
    assert sorted(names["named_endpoints"]) == ["/ask", "/facts"]  # UI events are private


def test_twenty_simultaneous_questions_get_correct_answers(
    app_url: str, service: AssistantService
) -> None:
    expected = {q: _essence(service.ask(q).model_dump(mode="json")) for q in QUESTIONS}
    jobs = [QUESTIONS[i % len(QUESTIONS)] for i in range(20)]
    start = threading.Barrier(len(jobs))

    def one(question: str) -> tuple[dict[str, Any], float]:
        client = Client(app_url, verbose=False)
        start.wait()
        began = time.perf_counter()
        record = json.loads(client.predict(question, api_name="/ask"))
        return record, time.perf_counter() - began

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        results = list(pool.map(one, jobs))
    for question, (record, _) in zip(jobs, results, strict=True):
        assert _essence(record) == expected[question]
    latencies = sorted(seconds for _, seconds in results)
    print(f"\n/ask under 20 simultaneous users: p50 {statistics.median(latencies):.2f} s, "
          f"max {latencies[-1]:.2f} s")


def test_no_file_outside_the_app_can_be_downloaded(app_url: str, service: AssistantService) -> None:
    corpus_file = next(service.settings.corpus_dir.glob("*.txt"))
    targets = [
        "/etc/passwd", str(corpus_file), corpus_file.name, "../../../../etc/passwd",
        str(PROJECT_ROOT / "app.py"), str(service.settings.vectorstore_dir / "chroma.sqlite3"),
    ]
    with httpx.Client(base_url=app_url) as http:
        assert http.get("/").status_code == 200
        for target in targets:
            for prefix in ("/gradio_api/file=", "/file="):
                response = http.get(prefix + target)
                assert response.status_code in (403, 404), (prefix + target, response.status_code)


def test_login_is_required_when_auth_is_set(service: AssistantService) -> None:
    demo, url = serve(service, auth="alice:s3cret")
    try:
        with pytest.raises(Exception, match=r"(?i)login|auth|401|403"):
            ask(url, QUESTIONS[0])
        assert ask(url, QUESTIONS[0], auth=("alice", "s3cret"))["found"]
        assert httpx.get(url + "config").status_code in (401, 403)
    finally:
        demo.close()


def test_app_py_starts_and_answers(service: AssistantService, tmp_path: Path) -> None:
    """``python app.py`` on an already built index: time until ``/ask`` answers."""
    store = tmp_path / "vectorstore"
    shutil.copytree(service.settings.vectorstore_dir, store)
    port = free_port()
    env = {**os.environ, "SRDI_CORPUS_DIR": str(service.settings.corpus_dir),
           "SRDI_VECTORSTORE_DIR": str(store), "SRDI_PORT": str(port),
           "SRDI_FEEDBACK_PATH": str(tmp_path / "feedback.jsonl")}
    began = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=PROJECT_ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        record = _first_answer(f"http://127.0.0.1:{port}/", proc)
        elapsed = time.perf_counter() - began
    finally:
        proc.terminate()
        output = proc.communicate(timeout=60)[0].decode(errors="replace")
    assert record["found"] and record["citations"], output
    assert f"http://127.0.0.1:{port}" in output and "gradio.live" not in output
    assert len([line for line in output.splitlines() if line.strip()]) <= 3, output
    print(f"\npython app.py -> first answer: {elapsed:.1f} s")


def _first_answer(url: str, proc: subprocess.Popen[bytes]) -> dict[str, Any]:
    """Poll the starting app until ``/ask`` answers (or the process dies)."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        assert proc.poll() is None, "app.py exited early"
        try:
            httpx.get(url, timeout=2)
        except httpx.HTTPError:
            time.sleep(0.2)
            continue
        return ask(url, QUESTIONS[0])
    raise AssertionError("app.py did not answer within 300 s")
