"""Typed records shared by the pipeline, the service, the CLI and the UI.

Chunks travel as LangChain ``Document`` objects whose ``metadata`` carries the
keys listed in :data:`CHUNK_KEYS`; answers travel as :class:`AnswerRecord`, the
JSON shape of ``srdi ask --json`` and of ``../shared/eval/README.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, Field

# Metadata every indexed chunk carries (Chroma needs scalar values: "" when unknown).
CHUNK_KEYS = (
    "chunk_id",  # stable, content-hash based
    "doc_id",  # stable per file (relative path without suffix)
    "path",  # relative to the corpus dir, posix
    "title",
    "publisher",
    "date",  # ISO yyyy-mm-dd when known
    "url",
    "lang",  # "en" | "zh-Hans" | "zh-Hant"
    "start",  # offsets into the document's original text: text == original[start:end]
    "end",
    "seq",  # position of the chunk in its document
    "file_hash",  # sha256 of the file bytes the chunk came from
)

Lang = Literal["en", "zh-Hans", "zh-Hant"]


class Quote(BaseModel):
    """A verbatim sentence quoted from a cited passage (offsets into the passage)."""

    text: str
    start: int
    end: int


class Citation(BaseModel):
    """A numbered source of an answer; ``text`` is the passage verbatim."""

    n: int
    doc_id: str
    title: str
    chunk_id: str
    text: str
    path: str = ""
    publisher: str = ""
    date: str = ""
    url: str = ""
    start: int = 0
    end: int = 0
    quotes: list[Quote] = Field(default_factory=list)


class Retrieved(BaseModel):
    """One ranked passage of the retrieval step."""

    rank: int
    doc_id: str
    chunk_id: str
    text: str
    score: float
    title: str = ""
    path: str = ""
    lang: str = ""
    start: int = 0
    end: int = 0


class Timings(BaseModel):
    """Milliseconds spent per stage."""

    retrieve: float = 0.0
    answer: float = 0.0
    total: float = 0.0


class Verification(BaseModel):
    """Outcome of checking a generated (LLM) answer against its passages."""

    status: Literal["passed", "fallback", "partial"]
    reason: str = ""


class AnswerRecord(BaseModel):
    """The answer to one question, as printed by ``srdi ask --json``."""

    id: str | None = None
    question: str
    found: bool
    answer: str
    confidence: float = 0.0  # how well the best quoted sentence, read in context, answers
    citations: list[Citation] = Field(default_factory=list)
    retrieved: list[Retrieved] = Field(default_factory=list)
    timings_ms: Timings = Field(default_factory=Timings)
    lang: str = "en"
    search_query: str = ""
    mode: str = "extractive"
    verification: Verification | None = None
    notice: str = ""
    related: list[Retrieved] = Field(default_factory=list)


class SkippedFile(BaseModel):
    """A corpus file ingestion could not use, with the reason."""

    path: str
    reason: str


class FileStatus(BaseModel):
    """What an ingest did with one corpus file."""

    path: str
    status: Literal["added", "updated", "unchanged", "removed", "skipped"]
    reason: str = ""


class IngestReport(BaseModel):
    """What ``srdi ingest --json`` prints.

    ``embedded`` counts the primary index's new chunks; ``embedded_by_index`` counts
    every index (a repair after an interrupted ingest may rebuild only one).
    """

    documents: int = 0
    chunks: int = 0
    embedded: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: list[SkippedFile] = Field(default_factory=list)
    embedded_by_index: dict[str, int] = Field(default_factory=dict)
    files: list[FileStatus] = Field(default_factory=list)
    seconds: float = 0.0

    def status_of(self, path: str) -> FileStatus | None:
        """The status of the corpus file ``path`` (relative posix path), if it was seen."""
        return next((f for f in self.files if f.path == path), None)


class DocumentInfo(BaseModel):
    """A row of the document library."""

    doc_id: str
    path: str
    title: str
    publisher: str = ""
    date: str = ""
    lang: str = ""
    url: str = ""
    chunks: int = 0
    indexed_at: str = ""


class DocumentView(BaseModel):
    """A whole cleaned document, with the span of one passage to highlight."""

    doc_id: str
    title: str
    publisher: str = ""
    date: str = ""
    url: str = ""
    path: str = ""
    text: str
    highlight_start: int | None = None
    highlight_end: int | None = None


class StreamUpdate(BaseModel):
    """One step of a streamed answer: the answer text so far; the final step has the record."""

    text: str
    record: AnswerRecord | None = None


_OFFSETS = ("start", "end")
_CHUNK_TEXT_FIELDS = ("doc_id", "title", "path", "lang", "publisher", "date", "url")


def chunk_fields(metadata: Mapping[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """The fields of ``model`` that a chunk's metadata supplies, typed (strings, offsets).

    The one mapping from chunk metadata to records (Retrieved, Citation, DocumentInfo).
    """
    out: dict[str, Any] = {}
    for name in model.model_fields:
        if name in _OFFSETS:
            out[name] = int(metadata.get(name, 0))
        elif name in _CHUNK_TEXT_FIELDS:
            out[name] = str(metadata.get(name, ""))
    return out


FactKind = Literal["stock", "increment", "share", "money", "target", "rank", "other"]


class FactRecord(BaseModel):
    """One figure of the figures sheet (``srdi facts --json``: exactly these fields).

    ``quote`` is the figure's sentence: ``original_text[start:end] == quote``. Records
    stating the same fact (metric, place, stated as-of date, value) share ``fact_id``.
    ``as_of`` ends in " (document date)" when the text gives none for the figure.
    """

    fact_id: str
    metric: str
    place: str
    as_of: str
    kind: FactKind
    value: int | float
    unit: str
    doc_id: str
    start: int
    end: int
    quote: str
