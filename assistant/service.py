"""The single API the CLI and the UI call: ingest, ask, browse documents."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Collection, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

from langchain_core.documents import Document

from assistant import library
from assistant.answering import extract as extractive
from assistant.answering.byline import asks_when, find_byline, wants_byline, with_byline
from assistant.answering.figures import conflict_values, figure_lines, other_years
from assistant.answering.followup import resolve
from assistant.answering.inputs import checked
from assistant.answering.question import Question
from assistant.answering.replies import as_of, compose, text
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
    Retrieved,
    StreamUpdate,
    Timings,
    chunk_fields,
)
from assistant.text.lang import detect_lang
from assistant.text.numbers import find_figures

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
        searchers = self._searchers
        gazetteer = self.knowledge.gazetteer
        q = Question.parse(
            query, self.knowledge.glossary, gazetteer, searchers.idf, searchers.bridge,
            self.knowledge.place_names,
        )
        passages = [h.doc for h in hits[: self.settings.answer_passages]]
        result = extractive.extract(
            q, passages, gazetteer, self.settings.answer_min_coverage, searchers.sentences,
            searchers.following,
        )
        if wants_byline(query):  # who published the document, when: its byline
            result = self._with_byline(result, q, passages, lang)
        retrieved = [_retrieved(i, h) for i, h in enumerate(hits, start=1)]
        record = AnswerRecord(
            question=question, found=result.found, answer="", lang=lang, search_query=query,
            retrieved=retrieved, citations=result.citations,
            confidence=round(result.best_coverage, 3),
        )
        if not result.found:
            # graded: close passages are offered when something came near; else a plain no
            near = result.best_coverage >= self.settings.answer_related_min
            record.answer = text(lang, "refuse" if near else "refuse_plain")
            record.related = retrieved[:3] if near else []
            years = other_years(self.knowledge, query, q.anchors.years, q.anchors.places,
                                searchers.facts)
            if years:  # "the documents give 2023; no 2025 figure"
                asked = "/".join(str(y) for y in sorted(q.anchors.years))
                given = ", ".join(str(y) for y in years)
                record.answer += " " + text(lang, "other_years", given=given, asked=asked)
            return record
        cross = any(detect_lang(c.text) != lang for c in result.quotes)
        quotes = [
            (c.text, n, _when(lang, c) if find_figures(c.text) else "")
            for c, n in zip(result.quotes, result.marks, strict=True)
        ]
        record.answer = "\n".join([compose(lang, quotes, cross_language=cross), *result.lines])
        if cross and lang == "en":  # the figures in the reader's language, from the sheet
            lines = figure_lines(self.knowledge, result.citations, searchers.facts,
                                 q.anchors.places, question)
            lead, _, rest = record.answer.partition("\n")
            record.answer = "\n".join([lead, *lines, rest]) if lines else record.answer
        for quoted, others in conflict_values(result.citations, searchers.facts):
            values = ", ".join(f"{o.value:g} ({o.doc_id})" for o in others[:3])
            record.notice += text(lang, "conflict", value=f"{quoted.value:g}", others=values)
        return record

    def _with_byline(
        self, result: extractive.Extract, q: Question, passages: list[Document], lang: str
    ) -> extractive.Extract:
        """The extract with a line naming the document's publisher and date (cited)."""
        searchers = self._searchers
        found = find_byline(q, passages, searchers.last_chunks, self.knowledge.tokenizer)
        added = with_byline(result.citations, found, lang, asks_when(q.text)) if found else None
        if added is None:
            return result
        citations, line = added
        return replace(result, found=True, citations=citations, lines=[*result.lines, line])

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


def _when(lang: str, cand: extractive.Candidate) -> str:
    """When a quoted figure holds, from its sentence or passage, else the document date."""
    return as_of(lang, cand.years, str(cand.doc.metadata.get("date", "")))


def _replay(record: AnswerRecord) -> Iterator[StreamUpdate]:
    """Stream a finished answer line by line, then hand over the record."""
    lines = record.answer.split("\n")
    for i in range(1, len(lines)):
        yield StreamUpdate(text="\n".join(lines[:i]))
    yield StreamUpdate(text=record.answer, record=record)


def _retrieved(rank: int, hit: Hit) -> Retrieved:
    return Retrieved(
        rank=rank,
        chunk_id=str(hit.doc.id),
        text=hit.doc.page_content,
        score=round(hit.score, 5),
        **chunk_fields(hit.doc.metadata, Retrieved),
    )
