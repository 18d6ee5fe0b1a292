"""Pure functions turning answer records into safe HTML for the chat UI (no gradio here).

Everything that comes from a document (passages, titles, publishers, answer text) is
untrusted: it is HTML-escaped, and text shown inside the chat bubble is also made inert
for Markdown, so a document can never inject markup, links or scripts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from assistant.schema import AnswerRecord, Citation, DocumentView, Quote, Retrieved
from assistant.ui.i18n import t
from assistant.ui.markdown import plain_text, render_markdown

_MARKER = re.compile(r"\[(\d{1,3})\]")
# Characters with a meaning in Markdown / LaTeX / autolinks, replaced by numeric entities
# (an entity is always shown literally, never parsed as syntax).
_CHAT_TABLE = str.maketrans(
    {c: f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]()#+-!|~$:=^"}
)
_BLANK_LINES = re.compile(r"\n[ \t\u3000]*(?:\n[ \t\u3000]*)+")
_GAP = re.compile(r"[\s。！？；，、.!?;,]")
_PASSAGE_WINDOW = 700  # characters of a long passage shown on its card
_SNIPPET = 320  # characters of a "related" passage


def esc(text: object) -> str:
    """HTML-escape any value (quotes included), for text and attribute values."""
    return html.escape(str(text), quote=True)


def chat_text(text: str) -> str:
    """Escape document text for the chat bubble (rendered as Markdown): it shows as typed."""
    text = re.sub(r"(?m)^[ \t]+", "", text)  # leading blanks would start a code block
    text = re.sub(r"(?m)^[-*•] ", "• ", text)  # list items of an answer, shown as bullets
    safe = text.translate(_CHAT_TABLE)
    safe = re.sub(r"(?m)^(\d+)\.", r"\1&#46;", safe)  # "1." at a line start: ordered list
    return safe.replace("www.", "www&#46;")


def anchor(turn: int, n: int) -> str:
    """The element id of source card ``n`` of conversation turn ``turn``."""
    return f"src-{turn}-{n}"


def linked_answer(text: str, turn: int, numbers: Sequence[int]) -> str:
    """Escaped answer text whose ``[n]`` markers link to the matching source cards."""
    known = set(numbers)
    parts: list[str] = []
    last = 0
    for match in _MARKER.finditer(text):
        parts.append(chat_text(text[last : match.start()]))
        n = int(match.group(1))
        label = f"&#91;{n}&#93;"
        if n in known:
            parts.append(f'<a class="cite" href="#{anchor(turn, n)}">{label}</a>')
        else:
            parts.append(label)
        last = match.end()
    parts.append(chat_text(text[last:]))
    return "".join(parts)


def answer_message(record: AnswerRecord, turn: int, lang: str) -> str:
    """The assistant's chat bubble for a finished answer."""
    body = linked_answer(plain_text(record.answer), turn, [c.n for c in record.citations])
    if not record.found:  # the refusal in the interface language, whatever the question's
        body = f"<strong>⚠ {esc(t(lang, 'not_found'))}</strong>\n\n{chat_text(t(lang, 'refusal'))}"
    if record.notice:
        body += f"\n\n<em>{chat_text(record.notice)}</em>"
    return body


def stream_message(text: str) -> str:
    """The chat bubble while the answer is still streaming in."""
    return chat_text(plain_text(text)) + " ▍"


def user_message(question: str) -> str:
    """The user's chat bubble (what they typed, shown literally)."""
    return chat_text(question)


def chat_messages(records: Sequence[AnswerRecord], lang: str) -> list[dict[str, str]]:
    """The whole conversation in the messages format, from the answer records."""
    messages: list[dict[str, str]] = []
    for turn, record in enumerate(records):
        messages.append({"role": "user", "content": user_message(record.question)})
        messages.append({"role": "assistant", "content": answer_message(record, turn, lang)})
    return messages


def merge_spans(spans: Sequence[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Sorted, clipped, non-overlapping copies of ``spans`` inside ``[0, length)``."""
    clean = sorted((max(0, s), min(length, e)) for s, e in spans if min(length, e) > max(0, s))
    merged: list[tuple[int, int]] = []
    for start, end in clean:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(
    text: str, spans: Sequence[tuple[int, int]], css: str = "quote", compact: bool = False
) -> str:
    """Escaped ``text`` with ``<mark class=css>`` around each span (``compact``: no blank lines)."""

    def piece(part: str) -> str:
        return esc(_BLANK_LINES.sub("\n", part) if compact else part)

    out: list[str] = []
    last = 0
    for start, end in merge_spans(spans, len(text)):
        out.append(piece(text[last:start]))
        out.append(f'<mark class="{css}">{piece(text[start:end])}</mark>')
        last = end
    out.append(piece(text[last:]))
    return "".join(out)


def quote_spans(text: str, quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """Spans of the quoted sentences, trusting offsets only when they match the text."""
    spans: list[tuple[int, int]] = []
    for quote in quotes:
        if text[quote.start : quote.end] == quote.text:
            spans.append((quote.start, quote.end))
        elif quote.text and (found := text.find(quote.text)) >= 0:
            spans.append((found, found + len(quote.text)))
    return spans


def _window(text: str, first: int) -> tuple[int, int]:
    """About ``_PASSAGE_WINDOW`` characters from a little before ``first``, cut at word gaps."""
    start = max(0, min(first - 150, len(text) - _PASSAGE_WINDOW))
    end = min(len(text), start + _PASSAGE_WINDOW)
    if start:
        gap = _GAP.search(text, start, min(first, start + 40))
        start = gap.end() if gap else start
    if end < len(text):
        gaps = [m.end() for m in _GAP.finditer(text, max(start, end - 40), end)]
        end = gaps[-1] if gaps else end
    return start, end


def passage_html(text: str, quotes: Sequence[Quote]) -> str:
    """A passage as safe Markdown HTML with its quoted sentences marked, cut when long."""
    spans = quote_spans(text, quotes)
    start, end = 0, len(text)
    if len(text.strip()) > _PASSAGE_WINDOW:
        start, end = _window(text, min((s for s, _ in spans), default=0))
    marks = [(s - start, e - start, "quote") for s, e in spans]
    body = render_markdown(text[start:end], marks)
    before = '<span class="cut">…</span>' if text[:start].strip() else ""
    after = '<span class="cut">…</span>' if text[end:].strip() else ""
    return before + body + after


def _meta(publisher: str, date: str, lang: str) -> str:
    unknown = t(lang, "unknown")
    return (
        f'<div class="meta"><span>{esc(t(lang, "publisher"))}: {esc(publisher or unknown)}</span>'
        f'<span>{esc(t(lang, "date"))}: {esc(date or unknown)}</span></div>'
    )


def _view_button(doc_id: str, chunk_id: str, lang: str) -> str:
    return (
        f'<button type="button" class="view-doc" data-doc="{esc(doc_id)}" '
        f'data-chunk="{esc(chunk_id)}">{esc(t(lang, "view"))} ↗</button>'
    )


def citation_card(citation: Citation, turn: int, lang: str) -> str:
    """The source card of one citation: title, publisher, date, passage, view action."""
    return (
        f'<article class="card" id="{anchor(turn, citation.n)}">'
        f'<header><span class="num">[{citation.n}]</span>'
        f'<span class="title">{esc(citation.title or citation.doc_id)}</span></header>'
        f"{_meta(citation.publisher, citation.date, lang)}"
        f'<blockquote class="passage">{passage_html(citation.text, citation.quotes)}</blockquote>'
        f"{_view_button(citation.doc_id, citation.chunk_id, lang)}</article>"
    )


def related_card(item: Retrieved, lang: str) -> str:
    """A nearby passage offered when the question was not answered."""
    snippet = item.text if len(item.text) <= _SNIPPET else item.text[:_SNIPPET] + " …"
    return (
        f'<article class="card related"><header><span class="title">'
        f"{esc(item.title or item.doc_id)}</span></header>"
        f'<blockquote class="passage">{render_markdown(snippet)}</blockquote>'
        f"{_view_button(item.doc_id, item.chunk_id, lang)}</article>"
    )


def plain_answer(record: AnswerRecord) -> str:
    """The answer as plain text with its numbered sources (what "copy answer" copies)."""
    lines = [record.answer]
    if record.citations:
        lines.append("")
    for c in record.citations:
        meta = ", ".join(x for x in (c.publisher, c.date) if x)
        lines.append(f"[{c.n}] {c.title or c.doc_id}" + (f" ({meta})" if meta else ""))
    return "\n".join(lines)


def turn_sources(record: AnswerRecord, turn: int, lang: str, latest: bool) -> str:
    """The source cards of one turn, in a collapsible section (open for the latest turn)."""
    if record.found:
        cards = "".join(citation_card(c, turn, lang) for c in record.citations)
    else:
        related = record.related or record.retrieved[:3]
        items = "".join(related_card(r, lang) for r in related)
        cards = f'<h4 class="related-title">{esc(t(lang, "related"))}</h4>' + (
            items or f'<p class="empty">{esc(t(lang, "no_related"))}</p>'
        )
    copy = f'<pre class="copy-src" hidden>{esc(plain_answer(record))}</pre>' if latest else ""
    status = "" if record.found else " refused"
    return (
        f'<details class="turn{status}" id="turn-{turn}"{" open" if latest else ""}>'
        f'<summary><span class="q">{esc(t(lang, "asked"))} {turn + 1}</span> '
        f"{esc(record.question)}</summary>{cards}{about_html(record, lang)}{copy}</details>"
    )


def sources_panel(records: Sequence[AnswerRecord], lang: str) -> str:
    """All turns' source cards, newest first; a hint when the conversation is empty."""
    if not records:
        return f'<div class="srdi-sources empty"><p>{esc(t(lang, "sources_empty"))}</p></div>'
    last = len(records) - 1
    turns = [turn_sources(records[i], i, lang, i == last) for i in range(last, -1, -1)]
    return '<div class="srdi-sources">' + "".join(turns) + "</div>"


def _safe_url(url: str) -> str:
    if not re.match(r"^https?://", url, re.IGNORECASE):
        return esc(url)
    return f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(url)}</a>'


def document_html(view: DocumentView, lang: str, quotes: Sequence[Quote] = ()) -> str:
    """A whole document with the cited passage (and its quoted sentences) highlighted."""
    text = view.text
    start, end = view.highlight_start, view.highlight_end
    marks: list[tuple[int, int, str]] = []
    if start is not None and end is not None and 0 <= start < end <= len(text):
        marks.append((start, end, "passage"))
        marks += [(start + s, start + e, "quote") for s, e in quote_spans(text[start:end], quotes)]
    body = render_markdown(text, marks, {"passage": "doc-hl"})
    url = f'<div class="url">{_safe_url(view.url)}</div>' if view.url else ""
    return (
        f'<div class="srdi-doc" data-doc="{esc(view.doc_id)}">'
        f'<h3 class="doc-title">{esc(view.title or view.doc_id)}</h3>'
        f"{_meta(view.publisher, view.date, lang)}{url}"
        f'<div class="doc-text">{body}</div></div>'
    )


def message_html(text: str, css: str = "note") -> str:
    """A short escaped message in a styled box."""
    return f'<div class="srdi-{css}">{esc(text)}</div>'


def header_html(lang: str) -> str:
    """The title bar: product name and a one-line description (how each answer was made
    is told in its "about this answer" note, not here)."""
    return (
        f'<div class="srdi-header"><h1>{esc(t(lang, "title"))}</h1>'
        f'<p>{esc(t(lang, "subtitle"))}</p></div>'
    )


def about_html(record: AnswerRecord, lang: str) -> str:
    """The "about this answer" disclosure: how the answer was made, in plain words."""
    mode = record.mode or "extractive"
    how = t(lang, "about_extractive") if mode == "extractive" else t(
        lang, "about_llm", model=mode.removeprefix("llm:"))
    if record.verification is not None:
        how += " " + t(lang, "about_checked", status=record.verification.status)
    rows = [
        how,
        t(lang, "about_search", n=len(record.retrieved)),
        t(lang, "about_time", ms=round(record.timings_ms.total)),
        f"{t(lang, 'mode')}: {mode}",
    ]
    items = "".join(f"<li>{esc(row)}</li>" for row in rows)
    summary = f"<summary>{esc(t(lang, 'about'))}</summary>"
    return f'<details class="about">{summary}<ul>{items}</ul></details>'


def welcome(lang: str) -> str:
    """The empty chat's greeting (Markdown; our own text only)."""
    return f"### {t(lang, 'welcome')}\n{t(lang, 'welcome_hint')}"
