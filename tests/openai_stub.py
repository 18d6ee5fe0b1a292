"""A tiny OpenAI-compatible (and Ollama-compatible) chat server for tests.

Runs the stdlib ``http.server`` in a daemon thread on 127.0.0.1 (free port) so
that the real ``ChatOpenAI`` / ``ChatOllama`` clients talk HTTP to it:

* ``POST /v1/chat/completions``: JSON reply, or with ``"stream": true`` Server-Sent
  Events ``data: {chunk}\\n\\n`` … ``data: [DONE]\\n\\n``;
* ``POST /api/chat``: Ollama's native API (NDJSON lines when streaming).

``mode`` makes it misbehave: ``"error500"`` answers HTTP 500, ``"close"`` drops
the connection without a response, ``"sleep"`` waits (until :meth:`stop`) so the
client's timeout fires. ``gate``, when given, holds the stream after its first
chunk until the test sets it, and ``finished`` is set once a stream was sent whole:
together they prove that tokens reach the client before the reply ends.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

log = logging.getLogger(__name__)

Mode = Literal["ok", "error500", "close", "sleep"]


@dataclass
class StubState:
    """What the server answers and what it received."""

    replies: list[str] = field(default_factory=lambda: ["OK [1]"])
    mode: Mode = "ok"
    chunk_chars: int = 6
    gate: threading.Event | None = None
    requests: list[dict[str, Any]] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)
    finished: threading.Event = field(default_factory=threading.Event)

    def next_reply(self) -> str:
        """Replies in order; the last one repeats."""
        return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]


def chunks(text: str, size: int) -> Iterator[str]:
    """``text`` in pieces of ``size`` characters."""
    for i in range(0, len(text), size):
        yield text[i : i + size]


class _Handler(BaseHTTPRequestHandler):
    server: _StubServer

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("stub: " + format, *args)

    def do_POST(self) -> None:
        state = self.server.state
        length = int(self.headers.get("Content-Length", "0"))
        body: dict[str, Any] = json.loads(self.rfile.read(length) or b"{}")
        state.requests.append({"path": self.path, **body})
        if state.mode == "close":
            self.close_connection = True
            return
        if state.mode == "sleep":
            state.released.wait(60)
            return
        if state.mode == "error500":
            self._json(500, {"error": {"message": "stub failure", "type": "server_error"}})
            return
        if self.path.rstrip("/").endswith("/chat/completions"):
            self._openai(body, state)
        elif self.path.rstrip("/") == "/api/chat":
            self._ollama(body, state)
        else:
            self._json(404, {"error": {"message": f"no route {self.path}"}})

    def _json(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _openai(self, body: dict[str, Any], state: StubState) -> None:
        reply, model = state.next_reply(), str(body.get("model", "stub"))
        if not body.get("stream"):
            message = {"role": "assistant", "content": reply}
            self._json(200, {
                "id": "chatcmpl-stub", "object": "chat.completion", "created": int(time.time()),
                "model": model, "choices": [
                    {"index": 0, "message": message, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            })
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        deltas = [{"role": "assistant", "content": ""}]
        deltas += [{"content": piece} for piece in chunks(reply, state.chunk_chars)]
        for i, delta in enumerate(deltas):
            self._event(_openai_chunk(model, delta, None))
            if i == 1 and state.gate is not None:
                state.gate.wait(30)
        self._event(_openai_chunk(model, {}, "stop"))
        self.wfile.write(b"data: [DONE]\n\n")
        state.finished.set()

    def _event(self, payload: dict[str, Any]) -> None:
        self.wfile.write(b"data: " + json.dumps(payload).encode() + b"\n\n")
        self.wfile.flush()

    def _ollama(self, body: dict[str, Any], state: StubState) -> None:
        reply, model = state.next_reply(), str(body.get("model", "stub"))
        stamp = "2025-01-01T00:00:00Z"
        pieces = list(chunks(reply, state.chunk_chars)) if body.get("stream", True) else [reply]
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.end_headers()
        for piece in pieces:
            line = {"model": model, "created_at": stamp, "done": False,
                    "message": {"role": "assistant", "content": piece}}
            self.wfile.write(json.dumps(line).encode() + b"\n")
            self.wfile.flush()
        final = {"model": model, "created_at": stamp, "done": True, "done_reason": "stop",
                 "message": {"role": "assistant", "content": ""},
                 "prompt_eval_count": 1, "eval_count": 1}
        self.wfile.write(json.dumps(final).encode() + b"\n")


def _openai_chunk(model: str, delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-stub", "object": "chat.completion.chunk", "created": int(time.time()),
        "model": model, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


class _StubServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: StubState) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = state


class OpenAIStub:
    """Context manager: ``with OpenAIStub(StubState(...)) as stub: stub.base_url``."""

    def __init__(self, state: StubState | None = None) -> None:
        self.state = state or StubState()
        self._server = _StubServer(self.state)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """OpenAI-style base URL (``…/v1``)."""
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> OpenAIStub:
        """Serve in a daemon thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Release sleeping handlers, stop serving and close the socket."""
        self.state.released.set()
        if self.state.gate is not None:
            self.state.gate.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> OpenAIStub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
