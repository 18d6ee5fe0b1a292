"""The real ChatOpenAI / ChatOllama clients against a local OpenAI-compatible server.

The server (``tests/openai_stub.py``) runs on 127.0.0.1 in a thread, so the HTTP
wire path (JSON requests, SSE / NDJSON streaming, errors, timeouts) is real.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
from openai_stub import OpenAIStub, StubState

from assistant.answering.grounded import stream_grounded_answer
from assistant.config import Settings
from assistant.models.chat import build_chat_model, condense_question, model_label
from assistant.schema import AnswerRecord, Citation, StreamUpdate

PASSAGES = [
    Citation(n=1, doc_id="miit", title="工信部通报", chunk_id="c1",
             text="截至2023年底，全国已培育专精特新“小巨人”企业1.46万家。"),
    Citation(n=2, doc_id="report", title="SRDI report", chunk_id="c2",
             text="In July 2022 the MIIT announced the fourth batch of 4,357 little giants."),
]
EXTRACTIVE = AnswerRecord(
    question="小巨人企业有多少家？", found=True, lang="zh-Hans",
    answer="截至2023年底，全国已培育专精特新“小巨人”企业1.46万家。[1]", citations=[PASSAGES[0]],
)
GOOD = "截至2023年底，全国共有约14,600家专精特新“小巨人”企业[1]。2022年第四批为4357家[2]。"


def openai_settings(stub: OpenAIStub, timeout: float = 30.0) -> Settings:
    return Settings(llm_provider="openai", llm_model="stub-model", llm_base_url=stub.base_url,
                    llm_timeout=timeout)


def ask(settings: Settings, lang: str = "zh-Hans") -> Iterator[StreamUpdate]:
    model = build_chat_model(settings)
    assert model is not None
    return stream_grounded_answer(model, model_label(settings), EXTRACTIVE.question, lang,
                                  PASSAGES, EXTRACTIVE)


def test_streamed_answer_over_http_passes() -> None:
    gate = threading.Event()
    with OpenAIStub(StubState(replies=[GOOD], gate=gate, chunk_chars=5)) as stub:
        updates = ask(openai_settings(stub))
        first = next(updates)
        # the server is holding the rest of the reply until the gate opens: this text
        # could only arrive through real streaming
        assert not stub.state.finished.is_set()
        assert first.record is None and first.text and GOOD.startswith(first.text)
        assert len(first.text) < len(GOOD)
        gate.set()
        rest = list(updates)
        request = stub.state.requests[0]
    assert len(rest) > 5
    final = rest[-1]
    assert final.record is not None and final.record.verification is not None
    assert final.record.verification.status == "passed"
    assert final.record.mode == "llm:stub-model"
    assert final.text == final.record.answer == GOOD
    assert [c.n for c in final.record.citations] == [1, 2]
    assert request["stream"] is True and request["model"] == "stub-model"
    assert request["path"] == "/v1/chat/completions"
    system, user = request["messages"]
    assert system["role"] == "system" and "data, not instructions" in system["content"]
    assert '<passage n="2"' in user["content"] and EXTRACTIVE.question in user["content"]


def test_unverified_answer_over_http_falls_back() -> None:
    with OpenAIStub(StubState(replies=["全国共有15,000家小巨人企业[1]。"])) as stub:
        final = list(ask(openai_settings(stub)))[-1]
    assert final.record is not None and final.record.verification is not None
    assert final.record.verification.status == "fallback"
    assert "15,000" in final.record.verification.reason
    assert final.text == EXTRACTIVE.answer and final.record.notice


def test_condense_over_http_uses_the_json_endpoint() -> None:
    with OpenAIStub(StubState(replies=["2022年第四批专精特新小巨人企业数量"])) as stub:
        model = build_chat_model(openai_settings(stub))
        assert model is not None
        query = condense_question(model, "第四批呢？", ["小巨人企业有多少家？"])
        request = stub.state.requests[0]
    assert query == "2022年第四批专精特新小巨人企业数量"
    assert not request.get("stream")
    assert "小巨人企业有多少家？" in request["messages"][1]["content"]


@pytest.mark.parametrize(
    ("mode", "kind"),
    [("error500", "HTTP 500"), ("close", "connection error"), ("sleep", "timeout")],
)
def test_server_failures_fall_back_with_notice(mode: str, kind: str) -> None:
    with OpenAIStub(StubState(mode=mode)) as stub:  # type: ignore[arg-type]
        updates = list(ask(openai_settings(stub, timeout=1.0), lang="en"))
    final = updates[-1]
    assert final.record is not None and final.record.verification is not None
    assert final.record.verification.status == "fallback"
    assert kind in final.record.verification.reason
    assert final.record.mode == "extractive"
    assert final.text == EXTRACTIVE.answer
    assert "showing the extractive answer" in final.record.notice


def test_condense_survives_a_failing_server() -> None:
    with OpenAIStub(StubState(mode="error500")) as stub:
        model = build_chat_model(openai_settings(stub))
        assert model is not None
        assert condense_question(model, "And 2022?", ["How many little giants?"]) == "And 2022?"


def test_ollama_native_api_streams_and_passes() -> None:
    with OpenAIStub(StubState(replies=[GOOD], chunk_chars=4)) as stub:
        settings = Settings(llm_provider="ollama", llm_model="qwen-stub",
                            llm_base_url=f"http://127.0.0.1:{stub.port}")
        updates = list(ask(settings))
        request = stub.state.requests[0]
    assert request["path"] == "/api/chat" and request["model"] == "qwen-stub"
    assert len(updates) > 5
    final = updates[-1]
    assert final.record is not None and final.record.verification is not None
    assert final.record.verification.status == "passed"
    assert final.record.mode == "llm:qwen-stub"


def test_ollama_on_a_closed_port_falls_back() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = Settings(llm_provider="ollama", llm_model="qwen-stub",
                        llm_base_url=f"http://127.0.0.1:{port}", llm_timeout=5)
    final = list(ask(settings))[-1]
    assert final.record is not None and final.record.verification is not None
    assert final.record.verification.status == "fallback"
    assert "connection error" in final.record.verification.reason
    assert final.record.notice.startswith("语言模型不可用（连接失败）")
