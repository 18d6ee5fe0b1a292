"""Questions about a document itself: who published or issued it, and when.

"Which outlet published the piece…, and on what date?", "这份通知是哪天发的？", "Which
authority issued the list?" ask for a document's byline, which ingest reads into its
metadata (publisher, date) and strips from the text, or for the issuing body a notice
signs with on its last line. The answer names the document and gives them, cited.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from langchain_core.documents import Document

from assistant.answering.question import Question, coverage
from assistant.answering.selection import citation
from assistant.schema import Citation, Quote
from assistant.text.normalize import Tokenizer

__all__ = ["Byline", "asks_when", "find_byline", "wants_byline", "with_byline"]

_PUBLISH = re.compile(
    r"\b(?:publish|issu|releas|post(?:ed)?\b|wr[io]te|written|authored)"
    r"|发布|發布|印发|印發|发表|發表|公布|发的|發的|刊登|刊发|刊發|发出|發出",
    re.I,
)
_ASK_WHO = re.compile(
    r"\bwho\b|\bwhich (?:\w+ ){0,2}(?:outlets?|sites?|websites?|newspapers?|media|agency|"
    r"authority|authorities|department|ministry|body|organi[sz]ation|publisher|office)\b"
    r"|哪里|哪裡|由哪|哪个(?:机构|部门|单位|媒体|网站)|哪個(?:機構|部門|單位|媒體|網站)"
    r"|什么(?:机构|部门|单位|媒体)|什麼(?:機構|部門|單位|媒體)|谁|誰",
    re.I,
)
_ASK_WHEN = re.compile(
    r"\bwhen\b|\b(?:what|which) date\b|哪天|哪一天|什么时候|什麼時候|何时|何時|几月几|幾月幾|日期",
    re.I,
)
# The question points at a document (an article, a notice, a list), not at an event.
_DOC_WORD = re.compile(
    r"\b(?:articles?|piece|paper|report|notice|document|study|list|story)\b"
    r"|文章|一文|通知|报告|報告|篇|《|名单|名單|文件|研究",
    re.I,
)
# A notice's issuing body on a line of its own (山東省工業和信息化廳), as it signs off.
_SIGNATURE = re.compile(
    r"^[^\s，,。:：;；]{2,30}(?:厅|廳|局|部|委员会|委員會|办公室|辦公室|政府|中心|研究院|协会|協會)$"
)


def wants_byline(text: str) -> bool:
    """True when ``text`` asks who published or issued a document, or when."""
    return bool(
        _PUBLISH.search(text) and _DOC_WORD.search(text)
        and (_ASK_WHO.search(text) or _ASK_WHEN.search(text))
    )


def asks_when(text: str) -> bool:
    """True when a byline question asks for the date."""
    return bool(_ASK_WHEN.search(text))


@dataclass(frozen=True)
class Byline:
    """A document's byline: the passage to cite, publisher, date, a signature line."""

    doc: Document
    publisher: str
    date: str
    signature: tuple[int, int] | None = None  # span of the issuing body in doc's text

    @property
    def title(self) -> str:
        return str(self.doc.metadata.get("title", ""))


def signature_span(text: str) -> tuple[int, int] | None:
    """The span of an issuing body signing off on one of the last two lines of ``text``."""
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()][-2:]
    for m in reversed(lines):
        line = m.group(0).strip()
        if _SIGNATURE.match(line):
            start = m.start() + m.group(0).index(line)
            return start, start + len(line)
    return None


def find_byline(
    q: Question, passages: Sequence[Document], last_chunks: Mapping[str, Document],
    tokenizer: Tokenizer, top: int = 2,
) -> Byline | None:
    """The byline of the document the question points at: of the ``top`` passages, the
    one that, read with its title, covers most of the question, in either language (the
    best ranked on a tie)."""
    if not passages:
        return None

    def covered(doc: Document) -> float:
        text = f"{doc.metadata.get('title', '')}\n{doc.page_content}"
        return coverage(q, frozenset(tokenizer.tokenize(text, bigrams=False)))

    doc = max(passages[:top], key=covered)
    meta = doc.metadata
    last = last_chunks.get(str(meta.get("doc_id", "")))
    span = signature_span(last.page_content) if last is not None else None
    if span is not None and last is not None:
        return Byline(last, str(meta.get("publisher", "")), str(meta.get("date", "")), span)
    return Byline(doc, str(meta.get("publisher", "")), str(meta.get("date", "")))


_LINE = {
    "en": ("Document: “{title}”", "published by {publisher}", "dated {date}"),
    "zh-Hans": ("文档：《{title}》", "发布者：{publisher}", "日期：{date}"),
    "zh-Hant": ("文件：《{title}》", "發布者：{publisher}", "日期：{date}"),
}


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")


def reader_date(lang: str, date: str) -> str:
    """An ISO date as a reader of ``lang`` writes it: 2024年9月23日 in Chinese."""
    m = _ISO_DATE.fullmatch(date)
    if m is None or not lang.startswith("zh"):
        return date
    year, month, day = m.groups()
    return f"{year}年{int(month)}月" + (f"{int(day)}日" if day else "")


def byline_text(lang: str, byline: Byline, when: bool, n: int) -> str:
    """One answer line naming the document, its publisher and date, with ``[n]``."""
    title, publisher, date = _LINE.get(lang, _LINE["en"])
    parts = [title.format(title=byline.title)]
    if byline.publisher:
        parts.append(publisher.format(publisher=byline.publisher))
    if byline.signature is not None:
        s, e = byline.signature
        parts.append(f"“{byline.doc.page_content[s:e]}”")
    if byline.date and (when or not parts[1:]):
        parts.append(date.format(date=reader_date(lang, byline.date)))
    return ("; " if lang == "en" else "；").join(parts) + f" [{n}]"


def with_byline(
    citations: list[Citation], byline: Byline, lang: str, when: bool
) -> tuple[list[Citation], str] | None:
    """The citations with the byline's passage (and signature quote) added, and the
    answer line; None when the byline holds nothing the question asks for."""
    if not (byline.publisher or byline.signature or (when and byline.date)):
        return None
    cid = str(byline.doc.id)
    found = next((c for c in citations if c.chunk_id == cid), None)
    if found is None:
        found = citation(len(citations) + 1, byline.doc)
        citations = [*citations, found]
    if byline.signature is not None:
        s, e = byline.signature
        found.quotes.append(Quote(text=byline.doc.page_content[s:e], start=s, end=e))
    return citations, byline_text(lang, byline, when, found.n)
