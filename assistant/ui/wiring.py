"""Event wiring of the app: which handler runs on which event, with which components.

(No ``from __future__ import annotations`` here: Gradio reads the parameter annotations
``gr.LikeData`` / ``gr.EventData`` / ``gr.SelectData`` of the handlers at run time.)
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import gradio as gr
from gradio.events import api

from assistant.schema import AnswerRecord
from assistant.ui import render
from assistant.ui.handlers import ChatHandlers, StreamStep
from assistant.ui.i18n import examples, lang_from_header, t
from assistant.ui.library import LibraryHandlers
from assistant.ui.scripts import COPY_JS

PRIVATE: dict[str, Any] = {"api_visibility": "private"}


@dataclass
class Widgets:
    """Every component the event handlers read or update."""

    lang: gr.Radio
    header: gr.HTML
    chat_tab: gr.Tab
    library_tab: gr.Tab
    chatbot: gr.Chatbot
    question: gr.Textbox
    send: gr.Button
    clear: gr.Button
    copy: gr.Button
    doc_filter: gr.Dropdown
    sources: gr.HTML
    records: gr.State
    pending: gr.State
    modal: gr.Column
    doc_close: gr.Button
    doc_view: gr.HTML
    library_intro: gr.Markdown
    library: gr.HTML
    refresh: gr.Button
    files: gr.File
    upload: gr.Button
    upload_status: gr.HTML


def wire(demo: gr.Blocks, w: Widgets, chat: ChatHandlers, lib: LibraryHandlers) -> None:
    """Connect every event of the app (call inside the ``gr.Blocks`` context)."""
    _wire_ask(w, chat)
    _wire_tools(w, chat)
    _wire_sources(w, chat)
    _wire_language(w, chat, lib)
    refresh = _wire_library(w, lib)
    _wire_api(chat)

    def initial_lang(request: gr.Request) -> str:
        return lang_from_header(request.headers.get("accept-language"))

    quiet: dict[str, Any] = {"queue": False, "show_progress": "hidden", **PRIVATE}
    # chained, not two loads: a parallel refresh read the default language and could land
    # after the relabel, leaving a zh-CN browser with an English library table
    demo.load(initial_lang, None, w.lang, **quiet).then(
        refresh, [w.lang], [w.library, w.doc_filter], **quiet)


def _wire_ask(w: Widgets, chat: ChatHandlers) -> None:
    """Ask (Enter, button or example): show the question, stream the answer, unlock."""
    def start(question: str, records: list[AnswerRecord], lang: str) -> tuple[Any, ...]:
        text, messages, pending = chat.start_turn(question, records, lang)
        busy = bool(pending)
        return gr.Textbox(value=text, interactive=not busy), gr.Button(interactive=not busy), \
            messages, pending

    def answer(pending: str, records: list[AnswerRecord], doc_ids: list[str] | None,
               lang: str) -> Iterator[StreamStep]:
        yield from chat.stream(pending, records, doc_ids, lang)

    def unlock() -> tuple[Any, Any]:
        return gr.Textbox(interactive=True), gr.Button(interactive=True)

    def example(evt: gr.SelectData) -> str:
        value = evt.value
        return str(value.get("text", "")) if isinstance(value, dict) else str(value)

    start_args: dict[str, Any] = {
        "fn": start, "inputs": [w.question, w.records, w.lang],
        "outputs": [w.question, w.send, w.chatbot, w.pending], "queue": False, **PRIVATE,
    }
    answer_args: dict[str, Any] = {
        "fn": answer, "inputs": [w.pending, w.records, w.doc_filter, w.lang],
        "outputs": [w.chatbot, w.records, w.sources], "concurrency_id": "answer",
        "show_progress": "hidden", **PRIVATE,
    }
    unlock_args: dict[str, Any] = {"fn": unlock, "outputs": [w.question, w.send],
                                   "queue": False, **PRIVATE}
    w.question.submit(**start_args).then(**answer_args).then(**unlock_args)
    w.send.click(**start_args).then(**answer_args).then(**unlock_args)
    picked = w.chatbot.example_select(example, None, w.question, queue=False, **PRIVATE)
    picked.then(**start_args).then(**answer_args).then(**unlock_args)


def _wire_tools(w: Widgets, chat: ChatHandlers) -> None:
    """Clear, copy and thumbs up/down."""
    for trigger in (w.clear.click, w.chatbot.clear):
        trigger(chat.clear, [w.lang], [w.chatbot, w.records, w.sources, w.pending],
                queue=False, **PRIVATE)
    w.copy.click(None, None, None, js=COPY_JS, **PRIVATE)

    def like(records: list[AnswerRecord], lang: str, data: gr.LikeData) -> None:
        gr.Info(chat.feedback(data.index, data.liked, records, lang), duration=3)

    w.chatbot.like(like, [w.records, w.lang], None, queue=False, **PRIVATE)


def _wire_sources(w: Widgets, chat: ChatHandlers) -> None:
    def view(records: list[AnswerRecord], lang: str, evt: gr.EventData) -> tuple[str, Any]:
        doc_id = str(getattr(evt, "doc", ""))
        chunk_id = str(getattr(evt, "chunk", ""))
        return chat.view_document(doc_id, chunk_id, records, lang), gr.Column(visible=True)

    def close() -> Any:
        return gr.Column(visible=False)

    w.sources.click(view, [w.records, w.lang], [w.doc_view, w.modal], **PRIVATE)
    w.doc_close.click(close, None, w.modal, queue=False, **PRIVATE)


def _wire_language(w: Widgets, chat: ChatHandlers, lib: LibraryHandlers) -> None:
    settings = lib.service.settings

    def relabel(lang: str, records: list[AnswerRecord]) -> tuple[Any, ...]:
        messages, sources = chat.relabel(records, lang)
        note = "" if settings.allow_upload else render.message_html(t(lang, "upload_off"))
        return (
            render.header_html(lang),
            gr.Tab(label=t(lang, "tab_chat")), gr.Tab(label=t(lang, "tab_library")),
            gr.Chatbot(value=messages, placeholder=render.welcome(lang),  # type: ignore[arg-type]
                       examples=examples(lang)),  # type: ignore[arg-type]
            gr.Textbox(label=t(lang, "question"), placeholder=t(lang, "placeholder")),
            gr.Button(t(lang, "send")), gr.Button(t(lang, "clear")), gr.Button(t(lang, "copy")),
            gr.Dropdown(label=t(lang, "filter"), info=t(lang, "filter_info")), sources,
            t(lang, "library_intro"), lib.catalogue(lang), gr.Button(t(lang, "refresh")),
            gr.File(label=t(lang, "upload", mb=settings.max_upload_mb)),
            gr.Button(t(lang, "upload_btn")), note,
        )

    outputs = [
        w.header, w.chat_tab, w.library_tab, w.chatbot, w.question, w.send, w.clear, w.copy,
        w.doc_filter, w.sources, w.library_intro, w.library, w.refresh, w.files, w.upload,
        w.upload_status,
    ]
    w.lang.change(relabel, [w.lang, w.records], outputs, queue=False, show_progress="hidden",
                  **PRIVATE)


def _wire_library(w: Widgets, lib: LibraryHandlers) -> Any:
    def refresh(lang: str) -> tuple[Any, Any]:
        return lib.catalogue(lang), gr.Dropdown(choices=lib.choices())

    def upload(files: list[str] | None, lang: str,
               progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        report, added = lib.upload(files, lang, progress)
        table, choices = refresh(lang)
        status = render.message_html(report, "ok" if added else "error")
        return status, table, choices, None

    w.refresh.click(refresh, [w.lang], [w.library, w.doc_filter], **PRIVATE)
    w.upload.click(upload, [w.files, w.lang], [w.upload_status, w.library, w.doc_filter, w.files],
                   concurrency_limit=1, **PRIVATE)
    return refresh


def _wire_api(chat: ChatHandlers) -> None:
    def ask(
        question: str, history: list[str] | None = None, doc_ids: list[str] | None = None
    ) -> str:
        """Answer ``question`` from the documents: the answer record as JSON text, exactly
        what ``srdi ask --json`` prints (``json.loads`` it). ``history``: the previous
        questions of the conversation, oldest first; ``doc_ids``: search only these."""
        return chat.ask_api(question, history, doc_ids)

    api(ask, api_name="ask", concurrency_id="answer")
