"""Optional chat model (LangChain) and follow-up condensing.

``SRDI_LLM_PROVIDER`` picks the backend: ``none`` (default: extractive answers
only, no model), ``openai`` (any OpenAI-compatible endpoint: the OpenAI API,
vLLM, llama.cpp's server, LM Studio, Ollama's ``/v1``) or ``ollama`` (Ollama's
native API). The model never decides *whether* to answer (refusal stays
threshold-based in the pipeline) and everything it writes is verified by
:mod:`assistant.answering.grounded` before it is shown.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from assistant.config import Settings

log = logging.getLogger(__name__)

#: API key sent to local OpenAI-compatible servers, which ignore it (the client requires one).
LOCAL_API_KEY = "not-needed"
#: How many earlier user questions the condensing prompt sees.
CONDENSE_HISTORY = 4
#: A condensed query longer than this is taken as the model rambling.
CONDENSE_MAX_CHARS = 400

_THINK = re.compile(r"<think>.*?(?:</think>|\Z)", re.DOTALL | re.IGNORECASE)
_LABEL_PREFIX = re.compile(
    r"^(?:standalone (?:search )?(?:query|question)|search query|query|独立问题|检索问题|问题)"
    r"\s*[:：]\s*",
    re.IGNORECASE,
)

_CONDENSE_SYSTEM = (
    "You rewrite a follow-up question from a conversation about China's SRDI policy "
    "(专精特新 SMEs, 'little giant' 小巨人 enterprises) as ONE standalone search query. "
    "Resolve pronouns and ellipsis from the earlier questions, keep every name, year and "
    "figure, and write it in the language of the follow-up question. Do not answer it. "
    "Reply with the query only: one line, no quotes, no explanation."
)


class LLMConfigError(ValueError):
    """The ``SRDI_LLM_*`` settings do not describe a usable model (message is user-facing)."""


def model_label(settings: Settings) -> str:
    """``"extractive"`` without a model, else ``"llm:<model>"`` (shown in the UI and records)."""
    if settings.llm_provider == "none":
        return "extractive"
    return f"llm:{settings.llm_model}"


def build_chat_model(settings: Settings) -> BaseChatModel | None:
    """Build the configured chat model, or ``None`` when ``llm_provider`` is ``none``.

    No request is sent here: an unreachable server shows up on the first question
    (and falls back to the extractive answer). Raises :class:`LLMConfigError` when
    the settings are incomplete, e.g. a provider without ``SRDI_LLM_MODEL``.
    """
    if settings.llm_provider == "none":
        return None
    if not settings.llm_model.strip():
        raise LLMConfigError(
            f"SRDI_LLM_PROVIDER={settings.llm_provider} needs SRDI_LLM_MODEL (the model name "
            "the server knows, e.g. qwen2.5:7b-instruct)."
        )
    if settings.llm_provider == "openai":
        return _build_openai(settings)
    return _build_ollama(settings)


def _build_openai(settings: Settings) -> BaseChatModel:
    from langchain_openai import ChatOpenAI

    if settings.llm_base_url is None and not settings.llm_api_key:
        raise LLMConfigError(
            "SRDI_LLM_PROVIDER=openai without SRDI_LLM_BASE_URL talks to the OpenAI API and "
            "needs SRDI_LLM_API_KEY; for a local server set SRDI_LLM_BASE_URL "
            "(e.g. http://127.0.0.1:8000/v1)."
        )
    # Chat Completions is what "OpenAI-compatible" servers implement, so the Responses
    # API is never chosen implicitly. No retries: a failure falls back at once.
    # streaming stays False so invoke() (condensing) uses the plain JSON endpoint;
    # .stream() streams regardless.
    return ChatOpenAI(
        model=settings.llm_model,
        base_url=settings.llm_base_url,
        api_key=settings.llm_api_key or LOCAL_API_KEY,  # type: ignore[arg-type]
        temperature=settings.llm_temperature,
        timeout=settings.llm_timeout,
        max_retries=0,
        use_responses_api=False,
    )


def _build_ollama(settings: Settings) -> BaseChatModel:
    from langchain_ollama import ChatOllama

    return ChatOllama(
        model=settings.llm_model,
        base_url=settings.llm_base_url,
        temperature=settings.llm_temperature,
        client_kwargs={"timeout": settings.llm_timeout},
    )


def strip_thinking(text: str) -> str:
    """Drop ``<think>…</think>`` blocks some reasoning models emit inline (also unclosed)."""
    return _THINK.sub("", text) if "<think" in text.lower() else text


def condense_messages(question: str, history: Sequence[str]) -> list[BaseMessage]:
    """The prompt that turns a follow-up plus earlier questions into a standalone query."""
    recent = [h.strip() for h in history if h.strip()][-CONDENSE_HISTORY:]
    earlier = "\n".join(f"{i}. {h}" for i, h in enumerate(recent, 1))
    user = (
        f"Earlier questions (oldest first):\n{earlier}\n\n"
        f"Follow-up question:\n{question.strip()}\n\nStandalone search query:"
    )
    return [SystemMessage(content=_CONDENSE_SYSTEM), HumanMessage(content=user)]


def condense_question(chat_model: BaseChatModel, question: str, history: Sequence[str]) -> str:
    """Rewrite a follow-up as a standalone search query with the model.

    Without history the question is returned unchanged (no model call). On any
    error, or when the reply is empty or implausibly long, the question is
    returned unchanged and the reason is logged: condensing never fails a request.
    """
    if not any(h.strip() for h in history):
        return question
    try:
        reply = chat_model.invoke(condense_messages(question, history))
    except Exception as exc:  # any provider failure: search with the question as typed
        log.warning("condensing the follow-up failed (%s); using the question as typed",
                    describe_error(exc))
        return question
    query = _clean_query(str(reply.text))
    if not query or len(query) > CONDENSE_MAX_CHARS:
        log.warning("condensing returned an unusable query (%r); using the question as typed",
                    query[:80])
        return question
    log.info("condensed follow-up %r -> %r", question, query)
    return query


def _clean_query(reply: str) -> str:
    lines = [line.strip() for line in strip_thinking(reply).splitlines() if line.strip()]
    if not lines:
        return ""
    query = _LABEL_PREFIX.sub("", lines[0]).strip()
    return query.strip("\"'“”‘’「」`*").strip()


def describe_error(exc: BaseException) -> str:
    """Short, log- and user-safe description of a provider failure.

    Classifies by class names along the MRO so that openai, httpx and ollama
    errors are recognised without importing those packages.
    """
    names = {cls.__name__ for cls in type(exc).__mro__}
    status = getattr(exc, "status_code", None)
    if names & {"APITimeoutError", "TimeoutException", "TimeoutError", "ReadTimeout"}:
        kind = "timeout"
    elif "RateLimitError" in names or status == 429:
        kind = "rate limit"
    elif isinstance(status, int):
        kind = f"HTTP {status}"
    elif names & {"APIConnectionError", "ConnectError", "ConnectionError", "TransportError"}:
        kind = "connection error"
    else:
        kind = type(exc).__name__
    detail = " ".join(str(exc).split())[:160]
    return f"{kind}: {detail}" if detail else kind


def error_kind(exc: BaseException) -> str:
    """The first part of :func:`describe_error` (``timeout``, ``rate limit``, ``HTTP 500``…)."""
    return describe_error(exc).split(":", 1)[0]
