"""Seconds from ``python app.py`` until the app answers a question through its API.

Usage: ``.venv/bin/python tools/app_start.py [RUNS]`` (run on an idle machine; needs an
index: ``srdi ingest``). Each run starts the app on a free port, posts one question to
``/gradio_api/call/ask`` as soon as the server accepts connections, and prints the wall
time until the answer record arrives, with whether it was found.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "深圳累计培育了多少家国家级专精特新“小巨人”企业？"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _post(url: str, question: str) -> str | None:
    body = json.dumps({"data": [question, [], []]}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return str(json.load(response)["event_id"])
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None  # not listening yet


def _result(url: str) -> dict[str, object]:
    with urllib.request.urlopen(url, timeout=120) as response:
        for raw in response:
            line = raw.decode().strip()
            if line.startswith("data:") and line != "data: null":
                data = json.loads(line[5:])
                if isinstance(data, list) and data:
                    return dict(json.loads(data[0]))
    raise RuntimeError("no answer in the event stream")


def one_run() -> tuple[float, bool]:
    """Start the app, ask once, stop it: (seconds until the answer, found)."""
    port = _free_port()
    env = {**os.environ, "SRDI_PORT": str(port)}
    started = time.perf_counter()
    app = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/gradio_api/call/ask"
    try:
        while (event := _post(base, QUESTION)) is None:
            if app.poll() is not None:
                raise RuntimeError("the app exited")
            time.sleep(0.05)
        record = _result(f"{base}/{event}")
        return time.perf_counter() - started, bool(record.get("found"))
    finally:
        app.terminate()
        app.wait()


if __name__ == "__main__":
    for _ in range(int(sys.argv[1]) if len(sys.argv) > 1 else 3):
        seconds, found = one_run()
        print(f"app answered {seconds:.2f} s after start (found: {found})")
