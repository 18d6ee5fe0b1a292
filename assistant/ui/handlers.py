"""What the chat's events do, as plain methods over the service (testable without a browser).

Per-user state lives in the browser session (``gr.State``): the list of finished
:class:`AnswerRecord` of the conversation. The chat bubbles are always rebuilt from it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence
from typing import Any

import gradio as gr

from assistant.errors import user_message
from assistant.schema import AnswerRecord, Quote
from assistant.service import AssistantService
from assistant.ui import render
from assistant.ui.i18n import t

log = logging.getLogger(__name__)

Messages = list[dict[str, str]]
StreamStep = tuple[Messages, list[AnswerRecord], str]


def _doc_filter(doc_ids: Sequence[str] | str | None) -> list[str] | None:
    """The documents to search (None = all), from the filter widget's value."""
    if not doc_ids:
        return None
    return [doc_ids] if isinstance(doc_ids, str) else [d for d in doc_ids if d]


class ChatHandlers:
    """The chat tab's behaviour, shared by every browser session."""

    def __init__(self, service: AssistantService) -> None:
        self.service = service

    def start_turn(
        self, question: str, records: list[AnswerRecord], lang: str
    ) -> tuple[str, Messages, str]:
        """Show the question at once; returns (new input text, bubbles, pending question)."""
        question = (question or "").strip()
        messages = render.chat_messages(records, lang)
        if not question:
            return "", messages, ""
        messages.append({"role": "user", "content": render.user_message(question)})
        messages.append({"role": "assistant", "content": render.chat_text(t(lang, "working"))})
        return "", messages, question

    def stream(
        self,
        pending: str,
        records: list[AnswerRecord],
        doc_ids: Sequence[str] | str | None,
        lang: str,
    ) -> Iterator[StreamStep]:
        """Stream the answer to ``pending``; the last step adds its record to the conversation."""
        if not pending:
            yield render.chat_messages(records, lang), records, render.sources_panel(records, lang)
            return
        history = [r.question for r in records]
        head = render.chat_messages(records, lang)
        head.append({"role": "user", "content": render.user_message(pending)})
        sources = render.sources_panel(records, lang)
        try:
            for update in self.service.ask_stream(pending, history, doc_ids=_doc_filter(doc_ids)):
                if update.record is None:
                    bubble = render.stream_message(update.text)
                    yield [*head, {"role": "assistant", "content": bubble}], records, sources
                    continue
                done = [*records, update.record]
                yield render.chat_messages(done, lang), done, render.sources_panel(done, lang)
        except Exception as exc:  # the UI boundary: show the failure, keep the conversation
            log.exception("answering failed")
            bubble = render.chat_text(f"⚠ {user_message(exc, lang)}")
            yield [*head, {"role": "assistant", "content": bubble}], records, sources

    def clear(self, lang: str) -> tuple[Messages, list[AnswerRecord], str, str]:
        """An empty conversation: (bubbles, records, sources panel, pending question)."""
        return [], [], render.sources_panel([], lang), ""

    def relabel(self, records: list[AnswerRecord], lang: str) -> tuple[Messages, str]:
        """The bubbles and the sources panel again, in another interface language."""
        return render.chat_messages(records, lang), render.sources_panel(records, lang)

    def view_document(
        self, doc_id: str, chunk_id: str, records: Sequence[AnswerRecord], lang: str
    ) -> str:
        """The whole document with the chosen passage (and its quoted sentences) highlighted."""
        try:
            view = self.service.document_view(str(doc_id), str(chunk_id) or None)
        except KeyError:
            return render.message_html(t(lang, "doc_missing"), "error")
        return render.document_html(view, lang, _quotes_of(records, doc_id, chunk_id))

    def feedback(self, index: Any, liked: Any, records: Sequence[AnswerRecord], lang: str) -> str:
        """Record a thumbs up/down on the answer bubble at message ``index``."""
        position = index[0] if isinstance(index, list | tuple) else index
        turn = int(position) // 2
        if liked not in (True, False) or not 0 <= turn < len(records):
            return t(lang, "feedback_none")
        if liked is True:
            self.service.record_feedback(records[turn], "up")
            return t(lang, "feedback_up")
        self.service.record_feedback(records[turn], "down")
        return t(lang, "feedback_down")

    def ask_api(
        self, question: str, history: Sequence[str] | None, doc_ids: Sequence[str] | None
    ) -> str:
        """One answer as the JSON text ``srdi ask --json`` prints.

        (Text, not a dict: gradio_client would take the citations' ``path`` keys for
        files to download.)
        """
        try:
            record = self.service.ask(
                str(question or ""), list(history or []), doc_ids=_doc_filter(doc_ids)
            )
        except Exception as exc:  # the caller gets {"error": "<one line>"}, never a traceback
            log.warning("/ask failed: %s", exc, exc_info=log.isEnabledFor(logging.DEBUG))
            raise gr.Error(user_message(exc), print_exception=False) from None
        return json.dumps(record.model_dump(mode="json"), ensure_ascii=False)


def _quotes_of(records: Sequence[AnswerRecord], doc_id: str, chunk_id: str) -> list[Quote]:
    """The quoted sentences of the newest citation of this passage, if any."""
    for record in reversed(records):
        for citation in record.citations:
            if citation.doc_id == doc_id and citation.chunk_id == chunk_id:
                return list(citation.quotes)
    return []
