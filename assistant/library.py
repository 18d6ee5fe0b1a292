"""The document library: indexed documents, whole-document views, feedback."""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from langchain_core.documents import Document

from assistant.config import Settings
from assistant.schema import AnswerRecord, DocumentInfo, DocumentView, chunk_fields

_FEEDBACK_LOCK = threading.Lock()


def document_rows(chunks: Sequence[Document]) -> list[DocumentInfo]:
    """One row per indexed document, from its chunks' metadata."""
    rows: dict[str, DocumentInfo] = {}
    shares: dict[str, Counter[str]] = {}
    for chunk in chunks:
        m = chunk.metadata
        doc_id = str(m.get("doc_id", ""))
        shares.setdefault(doc_id, Counter())[str(m.get("lang", ""))] += len(chunk.page_content)
        row = rows.get(doc_id)
        if row is None:
            row = rows[doc_id] = DocumentInfo(**chunk_fields(m, DocumentInfo))
        row.chunks += 1
        row.indexed_at = max(row.indexed_at, str(m.get("indexed_at", "")))
    for doc_id, row in rows.items():
        row.lang = _languages(shares[doc_id])
    return sorted(rows.values(), key=lambda r: r.path)


def _languages(chars: Counter[str], minimum: float = 0.15) -> str:
    """Languages making up at least ``minimum`` of a document's text, main one first."""
    total = sum(chars.values()) or 1
    return ", ".join(
        lang for lang, n in chars.most_common() if lang and n / total >= minimum
    )


def document_view(
    settings: Settings, chunks: Sequence[Document], doc_id: str, chunk_id: str | None
) -> DocumentView:
    """The cleaned text of an indexed document and the span of ``chunk_id`` in it.

    Only documents present in the index can be opened, and only through their
    corpus-relative path, so nothing outside the corpus folder is readable.
    """
    mine = [c for c in chunks if c.metadata.get("doc_id") == doc_id]
    if not mine:
        raise KeyError(f"unknown document: {doc_id}")
    rel = str(mine[0].metadata["path"])
    corpus = settings.corpus_dir.resolve()
    path = (corpus / rel).resolve()
    if not path.is_relative_to(corpus):
        raise KeyError(f"document outside the corpus: {rel}")
    from assistant.ingest import load_document, load_sources  # only to show a document

    doc = load_document(path, corpus, load_sources(corpus))
    view = DocumentView(
        doc_id=doc_id, title=doc.title, publisher=doc.publisher, date=doc.date, url=doc.url,
        path=rel, text=doc.cleaned_text(),
    )
    target = next((c for c in mine if str(c.id) == chunk_id), None)
    if target is not None:
        meta = target.metadata
        span = _cleaned_span(doc.segments, int(meta["start"]), int(meta["end"]))
        if span is not None:
            view.highlight_start, view.highlight_end = span
    return view


def _cleaned_span(
    segments: Sequence[tuple[int, int]], start: int, end: int
) -> tuple[int, int] | None:
    """Map an original-text span to the cleaned text (segments joined by a blank line)."""
    offset = 0
    for seg_start, seg_end in segments:
        if seg_start <= start and end <= seg_end:
            return offset + start - seg_start, offset + end - seg_start
        offset += seg_end - seg_start + 2
    return None


def append_feedback(
    path: Path, record: AnswerRecord, rating: Literal["up", "down"]
) -> None:
    """Append one rated answer as a JSON line (question, answer, citations, mode)."""
    line = {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "rating": rating,
        "question": record.question,
        "answer": record.answer,
        "found": record.found,
        "mode": record.mode,
        "citations": [c.model_dump(include={"n", "doc_id", "title", "chunk_id", "text"})
                      for c in record.citations],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with _FEEDBACK_LOCK, path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(line, ensure_ascii=False) + "\n")
