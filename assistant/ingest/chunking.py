"""Chunking: cleaned segments to citation-sized passages with exact offsets.

Chunks are a few whole sentences, never cross a removed region (each is a
contiguous slice of one kept segment) and satisfy
``doc.text[start:end] == page_content``. Size is measured in "cost": one per
Chinese ideograph and ``chunk_max_chars_zh / chunk_max_chars_en`` per other
character, so a pure-Chinese chunk holds up to ``chunk_max_chars_zh`` characters,
a pure-English one up to ``chunk_max_chars_en``, and mixed text in between.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from itertools import accumulate

from langchain_core.documents import Document

from assistant.config import Settings
from assistant.ingest.document import SourceDoc
from assistant.schema import CHUNK_KEYS
from assistant.text.lang import detect_lang
from assistant.text.sentences import is_heading_like, split_sentences

Span = tuple[int, int]
TAIL_SLACK = 1.2  # a last small remainder may stretch a chunk to this multiple of the budget
STRONG_END_SHARE = 0.6  # give up at most 40% of a chunk to end it at a full stop
_FULL_STOP = re.compile(r"[。！？.!?…][”’」』）)\]\"'*]*$")
_SOFT_BREAK = re.compile(r"[，,、：:；;）)》”]\s*|\s+")


class Budget:
    """Cost of any slice of one text, from prefix sums (O(1) per query)."""

    def __init__(self, text: str, settings: Settings) -> None:
        self.text = text
        self.max_cost = float(settings.chunk_max_chars_zh)
        self.ratio = settings.chunk_max_chars_zh / max(1, settings.chunk_max_chars_en)
        self.min_cost = settings.chunk_min_chars
        is_han = (
            1 if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" else 0 for ch in text
        )
        self._han = array("q", [0, *accumulate(is_han)])

    def cost(self, start: int, end: int) -> float:
        """Cost of ``text[start:end]``."""
        han = self._han[end] - self._han[start]
        return han + (end - start - han) * self.ratio

    def fits(self, start: int, end: int, factor: float = 1.0) -> bool:
        """Whether ``text[start:end]`` fits in ``factor`` times the chunk budget."""
        return self.cost(start, end) <= self.max_cost * factor


def _split_long(budget: Budget, span: Span) -> list[Span]:
    """Cut one over-long sentence at clause punctuation or spaces (hard cut as last resort)."""
    start, end = span
    pieces: list[Span] = []
    while not budget.fits(start, end):
        limit = start + 1
        while limit < end and budget.fits(start, limit + 1):
            limit += 1
        breaks = [m.end() for m in _SOFT_BREAK.finditer(budget.text, start, limit)]
        cut = max((b for b in breaks if b - start >= (limit - start) // 2), default=limit)
        piece = _strip(budget.text, start, cut)
        if piece[0] < piece[1]:
            pieces.append(piece)
        start = _strip(budget.text, cut, end)[0]
    pieces.append((start, end))
    return pieces


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _heading(budget: Budget, span: Span) -> bool:
    return is_heading_like(budget.text[span[0] : span[1]])


def _is_lead(budget: Budget, sents: list[Span], j: int) -> bool:
    """A heading, or the short opening sentence of a paragraph ("1.资金供给不畅。")."""
    if _heading(budget, sents[j]):
        return True
    start, end = sents[j]
    k = start - 1
    while k >= 0 and budget.text[k] in " \t":
        k -= 1
    opens_line = k < 0 or budget.text[k] == "\n"
    continues = j + 1 < len(sents) and "\n" not in budget.text[end : sents[j + 1][0]]
    return opens_line and continues and budget.cost(start, end) < budget.min_cost


def _strong_end(budget: Budget, sents: list[Span], j: int) -> bool:
    """Sentence ``j`` ends a paragraph or with 。！？.!? (not a ; or a bullet break)."""
    end = sents[j][1]
    if j + 1 == len(sents) or "\n" in budget.text[end : sents[j + 1][0]]:
        return True
    return bool(_FULL_STOP.search(budget.text[sents[j][0] : end]))


def _good_end(budget: Budget, sents: list[Span], j: int) -> bool:
    return _strong_end(budget, sents, j) and not _is_lead(budget, sents, j)


def _last_index(budget: Budget, sents: list[Span], i: int) -> int:
    """Index of the last sentence of the chunk starting at sentence ``i``."""
    j = i
    while j + 1 < len(sents) and budget.fits(sents[i][0], sents[j + 1][1]):
        j += 1
    rest_small = j + 1 < len(sents) and budget.cost(sents[j + 1][0], sents[-1][1]) < budget.min_cost
    if rest_small and budget.fits(sents[i][0], sents[-1][1], TAIL_SLACK):
        return len(sents) - 1
    if j + 1 == len(sents) or _good_end(budget, sents, j):
        return j
    floor = STRONG_END_SHARE * budget.max_cost
    for k in range(j - 1, i - 1, -1):
        if budget.cost(sents[i][0], sents[k][1]) < floor:
            break
        if _good_end(budget, sents, k):
            return k
    while j > i and _is_lead(budget, sents, j):
        j -= 1  # at least let a heading or topic sentence open the next chunk
    return j


def _next_start(budget: Budget, sents: list[Span], i: int, j: int, overlap: int) -> int:
    """Where the chunk after ``sents[i..j]`` starts: ``overlap`` sentences back when useful."""
    nxt = j + 1
    if overlap <= 0 or nxt >= len(sents) or _is_lead(budget, sents, nxt):
        return nxt
    back = max(i + 1, nxt - overlap)
    if back >= nxt or any(_heading(budget, s) for s in sents[back:nxt]):
        return nxt
    small = budget.cost(sents[back][0], sents[j][1]) <= budget.max_cost / 3
    return back if small and budget.fits(sents[back][0], sents[nxt][1]) else nxt


def _pack(budget: Budget, sents: list[Span], overlap: int) -> list[Span]:
    chunks: list[Span] = []
    i = 0
    while i < len(sents):
        j = _last_index(budget, sents, i)
        chunks.append((sents[i][0], sents[j][1]))
        i = len(sents) if j + 1 >= len(sents) else _next_start(budget, sents, i, j, overlap)
    return chunks


def chunk_spans(text: str, segments: tuple[Span, ...], settings: Settings) -> list[Span]:
    """Chunk offsets for the kept ``segments`` of ``text``, in document order."""
    budget = Budget(text, settings)
    spans: list[Span] = []
    for start, end in segments:
        sents = [p for s in split_sentences(text, start, end) for p in _split_long(budget, s)]
        spans.extend(_pack(budget, sents, settings.chunk_overlap_sentences))
    return spans


def chunk_id(doc_id: str, text: str, occurrence: int = 0) -> str:
    """Stable content-hash id; ``occurrence`` tells apart equal texts within one document."""
    key = f"{doc_id}\0{text}" + (f"\0{occurrence}" if occurrence else "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def chunk_document(doc: SourceDoc, settings: Settings) -> list[Document]:
    """Split a loaded document into LangChain Documents carrying :data:`CHUNK_KEYS` metadata."""
    seen: dict[str, int] = {}
    chunks: list[Document] = []
    for seq, (start, end) in enumerate(chunk_spans(doc.text, doc.segments, settings)):
        body = doc.text[start:end]
        cid = chunk_id(doc.doc_id, body, seen.get(body, 0))
        seen[body] = seen.get(body, 0) + 1
        values: dict[str, str | int] = {
            "chunk_id": cid, "doc_id": doc.doc_id, "path": doc.path, "title": doc.title,
            "publisher": doc.publisher, "date": doc.date, "url": doc.url,
            "lang": detect_lang(body), "start": start, "end": end, "seq": seq,
            "file_hash": doc.file_hash,
        }  # fmt: skip
        chunks.append(
            Document(page_content=body, id=cid, metadata={k: values[k] for k in CHUNK_KEYS})
        )
    return chunks
