"""The single API the CLI and the UI call: ingest, ask, browse documents."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from langchain_core.documents import Document

from assistant import library
from assistant.answering import extract as extractive
from assistant.answering.answerer import Answerer
from assistant.answering.followup import resolve
from assistant.answering.inputs import checked
from assistant.answering.replies import text
from assistant.answering.searchers import Searchers, build_searchers
from assistant.config import RetrieverName, Settings
from assistant.index.handle import IndexHandle
from assistant.index.lexcache import cached_pickle
from assistant.index.snapshot import Snapshot
from assistant.index.store import ChunkIndex, Progress
from assistant.knowledge import knowledge_signature, load_knowledge
from assistant.knowledge.factsheet import filter_records
from assistant.models.embedders import Embedders, load_embedders, preload
from assistant.retrieval.hybrid import Hit
from assistant.schema import (
    AnswerRecord,
    DocumentInfo,
    DocumentView,
    FactRecord,
    IngestReport,
    StreamUpdate,
    Timings,
)
from assistant.text.lang import detect_lang

log = logging.getLogger(__name__)

__all__ = ["AssistantService"]


class AssistantService:
    """Ingest, retrieve and answer over one corpus and one index."""

    def __init__(
        self, settings: Settings, embedders: Embedders | None = None, *, warm: bool = False
    ) -> None:
        """``warm``: start loading the query models now, in the background (a question
        is coming: the CLI's ask and chat, the app)."""
        self.settings = settings
        embedders = embedders or load_embedders(settings)
        if warm:
            preload(embedders)
        self.embeddings = embedders.e5
        self.use = embedders.use
        # built from the data files once, then loaded from a pickle while they and the
        # code reading them are unchanged (a third of a second per start)
        self.knowledge = cached_pickle(
            settings.cache_dir / "knowledge.pkl", knowledge_signature(settings),
            lambda: load_knowledge(settings),
        )
        self.chat_model: Any = None
        if settings.llm_provider != "none":  # langchain's model classes load only when used
            from assistant.models.chat import build_chat_model

            self.chat_model = build_chat_model(settings)
        self._baseline: Any = None
        self._lock = threading.RLock()
        self.store = IndexHandle(settings, self.embeddings, self.use)  # Chroma opens lazily
        self._snapshot = self.store.current_snapshot()
        self._built: Searchers | None = None  # built on first use, once per index state

    # --- the store (opened on first use; see assistant.index.handle) --------------
    @property
    def client(self) -> Any:
        """The Chroma client (imports and opens Chroma on first use)."""
        return self.store.client

    @property
    def index(self) -> ChunkIndex:
        """The primary (e5) collection: vectors, texts and metadata."""
        return self.store.index

    @property
    def use_index(self) -> ChunkIndex:
        """The USE collection: vectors and paths only."""
        return self.store.use_index

    @property
    def mode_label(self) -> str:
        """Which answerer replies: ``extractive`` or ``llm:<model>``."""
        if self.chat_model is None:
            return "extractive"
        from assistant.models.chat import model_label

        return model_label(self.settings)

    @property
    def baseline(self) -> Any:
        """The plain-similarity baseline (its collection is built on first use)."""
        if self._baseline is None:
            from assistant.retrieval.baseline import Baseline

            name = f"{self.settings.collection_name}_baseline"
            self._baseline = Baseline(self.settings.corpus_dir, self.client, name, self.embeddings)
        return self._baseline

    def _build_searchers(self) -> Searchers:
        return build_searchers(
            self.settings, self.knowledge, self._snapshot, {"e5": self.embeddings, "use": self.use}
        )

    # --- indexing ---------------------------------------------------------------
    def ingest(self, progress: Progress | None = None) -> IngestReport:
        """Bring the index in line with the corpus folder (incremental)."""
        with self._lock:
            report, self._snapshot = self.store.ingest(self._snapshot, progress)
            self._built = None  # rebuilt by the next question, not by every ingest
        return report

    def _fresh(self) -> Snapshot:
        """The index snapshot, reloaded first when another process changed the index."""
        current = self.store.stamp()
        if current and current != self._snapshot.stamp:
            with self._lock:
                if current != self._snapshot.stamp:
                    log.info("index changed by another process; reloading")
                    self._snapshot = self.store.current_snapshot()
                    self._built = None
        return self._snapshot

    @property
    def _searchers(self) -> Searchers:
        """The searchers: built on first use, and again after an ingest or when another
        process changed the index."""
        self._fresh()
        built = self._built
        if built is not None:
            return built
        with self._lock:
            if self._built is None:
                self._built = self._build_searchers()
            return self._built

    def add_upload(
        self, src: Path, filename: str, progress: Progress | None = None
    ) -> IngestReport:
        """Validate an uploaded file, save it into the corpus and index it (with progress)."""
        from assistant.ingest.uploads import save_upload

        save_upload(self.settings, src, filename)
        return self.ingest(progress)

    def facts(self, place: str | None = None, metric: str | None = None) -> list[FactRecord]:
        """The figures sheet (``srdi facts``), optionally filtered by place and metric (the
        records loaded with the searchers, in step with the index)."""
        return filter_records(self._searchers.facts, place, metric)

    # --- questions --------------------------------------------------------------
    def retrieve(
        self,
        query: str,
        k: int | None = None,
        doc_ids: Collection[str] | None = None,
        retriever: RetrieverName | None = None,
    ) -> list[Hit]:
        """Ranked passages for ``query`` from the chosen retriever."""
        name = retriever or self.settings.retriever
        if name == "baseline":
            hits: list[Hit] = self.baseline.hits(query, k or self.settings.top_k)
            return hits
        only = {"hybrid": None, "dense": "e5", "use": "use", "bm25": "bm25"}[name]
        return self._searchers.hybrid.hits(query, k or self.settings.top_k, doc_ids, only)

    def ask_extractive(
        self,
        question: str,
        history: Sequence[str] = (),
        *,
        k: int | None = None,
        doc_ids: Collection[str] | None = None,
        retriever: RetrieverName | None = None,
    ) -> AnswerRecord:
        """Answer with quoted, cited sentences of the documents (never a language model)."""
        history = checked(question, history, self.settings)  # raises BadText
        query = resolve(question.strip(), history, self.knowledge.gazetteer)
        return self._extractive(question, query, k, doc_ids, retriever)[0]

    def _extractive(
        self,
        question: str,
        query: str,
        k: int | None = None,
        doc_ids: Collection[str] | None = None,
        retriever: RetrieverName | None = None,
    ) -> tuple[AnswerRecord, list[Hit]]:
        started = time.perf_counter()
        question = question.strip()
        lang = detect_lang(question) if question else "en"
        problem = self._problem(question, lang)
        if problem:
            return AnswerRecord(question=question, found=False, answer=problem, lang=lang), []
        hits = self.retrieve(query, k, doc_ids, retriever)
        retrieved_at = time.perf_counter()
        record = self._answer(question, query, lang, hits)
        done = time.perf_counter()
        record.timings_ms = Timings(
            retrieve=round((retrieved_at - started) * 1000, 2),
            answer=round((done - retrieved_at) * 1000, 2),
            total=round((done - started) * 1000, 2),
        )
        return record, hits

    def _problem(self, question: str, lang: str) -> str:
        if not question:
            return text(lang, "empty")
        limit = self.settings.max_question_chars
        if len(question) > limit:
            return text(lang, "too_long", n=len(question), limit=limit)
        if not self._searchers.chunks:
            return text(lang, "no_index")
        return ""

    def _answer(self, question: str, query: str, lang: str, hits: list[Hit]) -> AnswerRecord:
        return Answerer(self.settings, self.knowledge, self._searchers).answer(
            question, query, lang, hits)

    def ask_stream(
        self,
        question: str,
        history: Sequence[str] = (),
        *,
        k: int | None = None,
        doc_ids: Collection[str] | None = None,
        retriever: RetrieverName | None = None,
    ) -> Iterator[StreamUpdate]:
        """The answer as it is written, then the full record as the last update.

        With a language model configured, the model writes the answer from the
        numbered passages and the result is verified (or replaced by the
        extractive answer); unanswerable questions never reach the model.
        Unusable text raises :class:`~assistant.errors.BadText`.
        """
        history = checked(question, history, self.settings)
        if self.chat_model is None:
            yield from _replay(
                self.ask_extractive(question, history, k=k, doc_ids=doc_ids, retriever=retriever)
            )
            return
        from assistant.answering.grounded import stream_grounded_answer
        from assistant.models.chat import condense_question

        started = time.perf_counter()
        query = condense_question(self.chat_model, question.strip(), history)
        record, hits = self._extractive(question, query, k, doc_ids, retriever)
        if not record.found:
            yield from _replay(record)
            return
        passages = [extractive.citation(n, h.doc) for n, h in enumerate(
            hits[: self.settings.answer_passages], start=1)]
        for update in stream_grounded_answer(
            self.chat_model, self.mode_label, question, record.lang, passages, record
        ):
            if update.record is not None:
                update.record.timings_ms.total = round((time.perf_counter() - started) * 1000, 2)
                update.record.timings_ms.answer = round(
                    update.record.timings_ms.total - update.record.timings_ms.retrieve, 2)
            yield update

    def ask(
        self, question: str, history: Sequence[str] = (), *,
        k: int | None = None,
        doc_ids: Collection[str] | None = None,
        retriever: RetrieverName | None = None,
    ) -> AnswerRecord:
        """Answer with the configured answerer (the language model when one is set, else
        quoted sentences): the final record of :meth:`ask_stream`."""
        final: AnswerRecord | None = None
        for update in self.ask_stream(
            question, history, k=k, doc_ids=doc_ids, retriever=retriever
        ):
            final = update.record or final
        assert final is not None
        return final

    # --- documents --------------------------------------------------------------
    def chunks(self) -> list[Document]:
        """Every indexed chunk, in document order."""
        return list(self._fresh().chunks)

    def documents(self) -> list[DocumentInfo]:
        """The indexed documents, one row each."""
        return library.document_rows(self._fresh().chunks)

    def document_view(self, doc_id: str, chunk_id: str | None = None) -> DocumentView:
        """The whole cleaned document, with one passage's span to highlight."""
        return library.document_view(self.settings, self._fresh().chunks, doc_id, chunk_id)

    def record_feedback(self, record: AnswerRecord, rating: Literal["up", "down"]) -> None:
        """Append a rating of an answer to the feedback file (JSON lines)."""
        library.append_feedback(self.settings.feedback_path, record, rating)


def _replay(record: AnswerRecord) -> Iterator[StreamUpdate]:
    """Stream a finished answer line by line, then hand over the record."""
    lines = record.answer.split("\n")
    for i in range(1, len(lines)):
        yield StreamUpdate(text="\n".join(lines[:i]))
    yield StreamUpdate(text=record.answer, record=record)
