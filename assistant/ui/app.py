"""The Gradio Blocks app: chat with cited sources, document viewer, library, ``/ask`` API."""

from __future__ import annotations

import logging
import sys
from importlib import resources
from typing import Any

import gradio as gr

from assistant.config import Settings
from assistant.console import configure
from assistant.ingest import SUPPORTED_SUFFIXES
from assistant.service import AssistantService
from assistant.ui import render
from assistant.ui.auth import LoginGuard, parse_auth
from assistant.ui.figures import build_figures_tab, wire_figures_tab
from assistant.ui.handlers import ChatHandlers
from assistant.ui.i18n import LANG_CHOICES, examples, t
from assistant.ui.library import LibraryHandlers, catalogue_html, doc_choices
from assistant.ui.scripts import DOCUMENT_JS, PAGE_JS, SOURCES_JS
from assistant.ui.wiring import Widgets, wire

log = logging.getLogger(__name__)

DEFAULT_LANG = "en"


def _chat_column(lang: str) -> tuple[gr.Chatbot, gr.Textbox, gr.Button]:
    chatbot = gr.Chatbot(
        value=[],
        elem_id="chat",
        show_label=False,
        height="calc(100dvh - 250px)",
        min_height=320,
        examples=examples(lang),  # type: ignore[arg-type]
        placeholder=render.welcome(lang),
        latex_delimiters=[],
        buttons=[],
        feedback_options=("Like", "Dislike"),
        layout="bubble",
        render_markdown=True,
        sanitize_html=True,
    )
    with gr.Row(elem_id="ask-row"):
        question = gr.Textbox(
            label=t(lang, "question"), show_label=False, placeholder=t(lang, "placeholder"),
            lines=1, max_lines=4, scale=6, container=False, autofocus=True, elem_id="question",
        )
        send = gr.Button(t(lang, "send"), variant="primary", scale=1, min_width=90, elem_id="send")
    return chatbot, question, send


def _chat_tab(lang: str, docs: list[tuple[str, str]]) -> dict[str, Any]:
    with gr.Row(equal_height=False, elem_id="chat-row"):
        with gr.Column(scale=3, min_width=420):
            chatbot, question, send = _chat_column(lang)
            with gr.Row(elem_id="tools-row"):
                clear = gr.Button(t(lang, "clear"), size="sm", scale=0, min_width=0,
                                  elem_id="clear-btn")
                copy = gr.Button(t(lang, "copy"), size="sm", scale=0, min_width=0,
                                 elem_id="copy-btn")
        with gr.Column(scale=2, min_width=320, elem_id="sources-col"):
            doc_filter = gr.Dropdown(
                choices=docs, value=[], multiselect=True, label=t(lang, "filter"),
                info=t(lang, "filter_info"),
                elem_id="doc-filter", interactive=True,
            )
            sources = gr.HTML(render.sources_panel([], lang), elem_id="sources",
                              js_on_load=SOURCES_JS, apply_default_css=False)
    return {"chatbot": chatbot, "question": question, "send": send, "clear": clear,
            "copy": copy, "doc_filter": doc_filter, "sources": sources}


def _library_tab(lang: str, service: AssistantService) -> dict[str, Any]:
    settings = service.settings
    with gr.Row(elem_id="library-head"):
        intro = gr.Markdown(t(lang, "library_intro"))
        refresh = gr.Button(t(lang, "refresh"), size="sm", scale=0, min_width=90)
    library = gr.HTML(catalogue_html(service.documents(), lang), elem_id="library",
                      apply_default_css=False)
    allowed = settings.allow_upload
    note = "" if allowed else render.message_html(t(lang, "upload_off"))
    with gr.Row(elem_id="upload-row", equal_height=False, visible=allowed):
        files = gr.File(
            file_count="multiple", file_types=sorted(SUPPORTED_SUFFIXES), interactive=allowed,
            label=t(lang, "upload", mb=settings.max_upload_mb), elem_id="upload-files",
            height=150, scale=3,
        )
        with gr.Column(scale=2):
            upload = gr.Button(t(lang, "upload_btn"), variant="primary", interactive=allowed,
                               elem_id="upload-btn")
    status = gr.HTML(note, elem_id="upload-status")
    return {"library_intro": intro, "library": library, "refresh": refresh, "files": files,
            "upload": upload, "upload_status": status}


def _doc_modal() -> dict[str, Any]:
    with gr.Column(visible=False, elem_id="doc-modal") as modal:
        close = gr.Button("✕", size="sm", elem_id="doc-close", scale=0, min_width=40)
        view = gr.HTML("", elem_id="doc-view", js_on_load=DOCUMENT_JS, apply_default_css=False)
    return {"modal": modal, "doc_close": close, "doc_view": view}


def build_app(service: AssistantService) -> gr.Blocks:
    """The whole web app over one shared service (queue configured, not launched)."""
    lang = DEFAULT_LANG
    docs = doc_choices(service.documents())
    demo = gr.Blocks(title=t(lang, "title"), analytics_enabled=False, fill_width=True)
    with demo:
        records: gr.State = gr.State([])
        pending: gr.State = gr.State("")
        with gr.Row(elem_id="top-row"):
            header = gr.HTML(render.header_html(lang), elem_id="header")
            switch = gr.Radio(choices=LANG_CHOICES, value=lang, show_label=False,
                              container=False, elem_id="lang", scale=0, min_width=190)
        with gr.Tabs(elem_id="tabs"):
            with gr.Tab(t(lang, "tab_chat"), id="chat") as chat_tab:
                chat = _chat_tab(lang, docs)
            with gr.Tab(t(lang, "tab_library"), id="library") as library_tab:
                lib = _library_tab(lang, service)
            figures = build_figures_tab(lang, service)
        widgets = Widgets(lang=switch, header=header, chat_tab=chat_tab, library_tab=library_tab,
                          records=records, pending=pending, **chat, **lib, **_doc_modal())
        wire(demo, widgets, ChatHandlers(service), LibraryHandlers(service))
        wire_figures_tab(figures, service, switch, widgets.modal, widgets.doc_view)
    demo.queue(default_concurrency_limit=CONCURRENCY, max_size=QUEUE_SIZE)
    return demo


#: Answers computed at the same time (2 CPU cores: more only adds waiting).
CONCURRENCY = 4
#: Requests allowed to wait in the queue before new ones are turned away.
QUEUE_SIZE = 200


FONTS = ("ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "PingFang SC",
         "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei",
         "sans-serif")


def theme() -> gr.themes.Base:
    """A quiet theme using the system's fonts (nothing fetched from the internet)."""
    return gr.themes.Soft(
        primary_hue="indigo", neutral_hue="slate", font=FONTS,
        font_mono=("ui-monospace", "SFMono-Regular", "Consolas", "monospace"),
    )


def login_guard(settings: Settings) -> LoginGuard | None:
    """The throttled login check for ``SRDI_AUTH`` (None: no login)."""
    pair = parse_auth(settings.auth)
    if pair is None:
        return None
    return LoginGuard(*pair, max_failures=settings.login_max_failures,
                      lockout_seconds=settings.login_lockout_seconds)


def launch_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments of ``Blocks.launch``: local only, no share link, no extra files."""
    return {
        "server_name": settings.host,
        "server_port": settings.port,
        "auth": login_guard(settings),
        "share": False,
        "allowed_paths": [],
        "max_file_size": f"{settings.max_upload_mb}mb",
        "footer_links": ["api"],
        "ssr_mode": False,
        "mcp_server": False,
        "theme": theme(),
        "css": resources.files("assistant.ui").joinpath("style.css").read_text("utf-8"),
        "js": PAGE_JS,
    }


def serve(settings: Settings, service: AssistantService, *, block: bool = True) -> gr.Blocks:
    """Build the app over ``service`` and serve it (``block=False`` returns at once).

    Quiet: one line on stdout naming the address (Gradio's own banner is off).
    """
    configure()
    options = launch_options(settings)
    demo = build_app(service)
    demo.launch(prevent_thread_lock=True, quiet=True, **options)
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "") else settings.host
    sys.stdout.write(
        f"SRDI assistant: http://{host}:{demo.server_port}/ "
        f"({len(service.documents())} documents; Ctrl-C to stop)\n"
    )
    sys.stdout.flush()
    if block:
        demo.block_thread()
    return demo
