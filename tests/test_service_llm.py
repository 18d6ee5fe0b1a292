"""The service with a language model: grounded, verified, refused before the model is called.

A deterministic fake chat model (the only fake: a remote LLM cannot run here) reads the
numbered passages it is given and cites the one holding the figure; the eval command is
exercised against a real OpenAI-compatible HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from openai_stub import OpenAIStub, StubState

from assistant.cli import main
from assistant.service import AssistantService


class CitingFakeModel(BaseChatModel):
    """Answers "<figure> [n]" citing the first passage that contains ``figure``."""

    figure: str
    template: str
    calls: int = 0

    @property
    def _llm_type(self) -> str:
        return "citing-fake"

    def _generate(self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None,
                  **kwargs: Any) -> ChatResult:
        self.calls += 1
        prompt = str(messages[-1].content)
        passages = re.findall(r'<passage n="(\d+)"[^>]*>(.*?)</passage>', prompt, re.S)
        n = next((num for num, text in passages if self.figure in text), "9")
        reply = self.template.format(n=n)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=reply))])


class ExplodingModel(CitingFakeModel):
    """A model that must never be called."""

    def _generate(self, *args: Any, **kwargs: Any) -> ChatResult:
        raise AssertionError("an unanswerable question reached the model")


def _with_model(service: AssistantService, model: BaseChatModel,
                monkeypatch: pytest.MonkeyPatch) -> None:
    settings = service.settings.model_copy(update={"llm_provider": "openai", "llm_model": "fake"})
    monkeypatch.setattr(service, "settings", settings)
    monkeypatch.setattr(service, "chat_model", model)


def test_llm_answer_is_verified_and_labelled(
    service: AssistantService, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = CitingFakeModel(figure="1331", template="深圳累计培育了1331家国家级“小巨人”企业[{n}]。")
    _with_model(service, model, monkeypatch)
    updates = list(service.ask_stream("深圳累计培育了多少家国家级专精特新“小巨人”企业？"))
    record = updates[-1].record
    assert record is not None and record.found
    assert record.mode == "llm:fake" and service.mode_label == "llm:fake"
    assert record.verification is not None and record.verification.status == "passed"
    assert "1331" in record.answer and any("1331" in c.text for c in record.citations)


def test_invented_figure_falls_back_to_extractive(
    service: AssistantService, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = CitingFakeModel(figure="1331", template="深圳累计培育了1400家“小巨人”企业[{n}]。")
    _with_model(service, model, monkeypatch)
    record = service.ask("深圳累计培育了多少家国家级专精特新“小巨人”企业？")
    assert record.verification is not None and record.verification.status == "fallback"
    assert record.mode == "extractive" and record.notice
    assert "1400" not in record.answer and "1331" in record.answer


def test_unanswerable_question_never_reaches_the_model(
    service: AssistantService, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = ExplodingModel(figure="x", template="x")
    _with_model(service, model, monkeypatch)
    record = service.ask("南京市有多少家国家级专精特新“小巨人”企业？")
    assert not record.found and model.calls == 0


def test_eval_llm_records_carry_mode_and_verification(
    service: AssistantService, tmp_path: Path
) -> None:
    questions = tmp_path / "q.jsonl"
    rows = [
        {"id": "a", "question": "深圳2025年新增了多少家“小巨人”企业？"},
        {"id": "b", "question": "What is the weather in Nanjing?"},
    ]
    questions.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    with OpenAIStub(StubState(replies=["深圳2025年增量306家[1]。"])) as stub:
        env = dict(os.environ)
        env.update({
            "SRDI_CORPUS_DIR": str(service.settings.corpus_dir),
            "SRDI_VECTORSTORE_DIR": str(service.settings.vectorstore_dir),
            "SRDI_LLM_PROVIDER": "openai", "SRDI_LLM_MODEL": "stub-model",
            "SRDI_LLM_BASE_URL": stub.base_url,
        })
        result = CliRunner().invoke(
            main, ["eval", "--llm", "--questions", str(questions), "--out", str(out)], env=env
        )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records[0]["mode"] in {"llm:stub-model", "extractive"}
    assert records[0]["verification"]["status"] in {"passed", "fallback"}
    assert not records[1]["found"]
