"""The extractive answer record: question analysis, sentence selection, the reply text
(quotes with their as-of dates, figures in the reader's language, conflicts, refusals).

The service retrieves; this module turns the hits into the :class:`AnswerRecord`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from langchain_core.documents import Document

from assistant.answering import extract as extractive
from assistant.answering.byline import asks_when, find_byline, wants_byline, with_byline
from assistant.answering.figures import conflict_values, figure_lines, other_years
from assistant.answering.multipart import by_parts
from assistant.answering.names import absent_han_names, absent_subject
from assistant.answering.person_names import (
    named,
    naming_passages,
    with_names,
    written_in_characters,
)
from assistant.answering.question import Question
from assistant.answering.replies import as_of, compose, text
from assistant.answering.searchers import Searchers
from assistant.config import Settings
from assistant.knowledge import Knowledge
from assistant.retrieval.hybrid import Hit
from assistant.schema import AnswerRecord, Retrieved, chunk_fields
from assistant.text.lang import detect_lang
from assistant.text.numbers import find_figures


@dataclass(frozen=True)
class Answerer:
    """Answers from retrieved passages with the shared knowledge and searchers."""

    settings: Settings
    knowledge: Knowledge
    searchers: Searchers

    def answer(self, question: str, query: str, lang: str, hits: list[Hit]) -> AnswerRecord:
        """The record for ``question`` (``query``: after follow-up resolution) from ``hits``."""
        docs = [h.doc for h in hits]
        names = named(query, docs, self._known)  # people written in pinyin ("Zhang Lei")
        absent = absent_han_names(  # …and people in characters no passage names (辛国斌)
            query, self.knowledge.glossary, self.searchers.idf.df, docs
        ) + absent_subject(query, docs)  # …or the firm of "X是小巨人企业吗？"

        def parse(text: str) -> Question:
            q = with_names(self._parse(text), names, self.knowledge.tokenizer)
            # an unknown word in pinyin a passage writes in characters (Lingdong: 靈動)
            unknown = tuple(n for n in q.unknown_names if not written_in_characters(n, docs))
            return replace(q, unknown_names=(*unknown, *absent))

        q = parse(query)
        passages = with_next(naming_passages(names, docs, self.settings.answer_passages),
                             self.searchers.following, self.settings.answer_next_chunks)

        def answer_from_passages(q: Question) -> extractive.Extract:
            return extractive.extract(
                q, passages, self.knowledge.gazetteer, self.settings.answer_min_coverage,
                self.searchers.sentences, self.searchers.following, self.searchers.preceding,
            )

        result = answer_from_passages(q)
        unsure = result.best_coverage < self.settings.answer_partial_min
        if result.found and unsure and self._far(query):  # about nothing the documents discuss
            result = extractive.Extract(False, [], [], [], 0.0)
        elif not result.found:  # a question asking two things: each part on its own
            result = by_parts(query, parse, answer_from_passages,
                              partial_min=self.settings.answer_partial_min) or result
        if wants_byline(query):  # who published the document, when: its byline
            result = self._with_byline(result, q, passages, lang)
        retrieved = [retrieved_row(i, h) for i, h in enumerate(hits, start=1)]
        record = AnswerRecord(
            question=question, found=result.found, answer="", lang=lang, search_query=query,
            retrieved=retrieved, citations=result.citations,
            confidence=round(result.best_coverage, 3),
        )
        if result.found:
            self._write_answer(record, result, q)
        else:
            self._write_refusal(record, result, q)
        return record

    def _far(self, query: str) -> bool:
        """Whether no passage of the corpus comes near ``query`` on the language-neutral
        channel (its best cosine similarity; a channel that is not there says nothing)."""
        channel = self.searchers.hybrid.channels.get(self.settings.relevance_channel)
        nearest = channel[0].search(query, 1) if channel is not None else []
        return bool(nearest) and nearest[0][1] < self.settings.answer_far_below

    def _known(self, written: str) -> bool:
        """Whether a capitalised name is a place's or a body's (not a person's)."""
        return bool(self.knowledge.place_names(written))

    def _parse(self, query: str) -> Question:
        return Question.parse(
            query, self.knowledge.glossary, self.knowledge.gazetteer, self.searchers.idf,
            self.searchers.bridge, self.knowledge.place_names, self.knowledge.places.is_name,
            self.knowledge.places.spans,
        )

    def _write_refusal(self, record: AnswerRecord, result: extractive.Extract,
                       q: Question) -> None:
        """Graded: close passages are offered when something came near; else a plain no."""
        lang = record.lang
        near = result.best_coverage >= self.settings.answer_related_min
        record.answer = text(lang, "refuse" if near else "refuse_plain")
        record.related = record.retrieved[:3] if near else []
        years = other_years(self.knowledge, record.search_query, q.anchors.years,
                            q.anchors.places, self.searchers.sheet)
        if years:  # "the documents give 2023; no 2025 figure"
            asked = "/".join(str(y) for y in sorted(q.anchors.years))
            given = ", ".join(str(y) for y in years)
            record.answer += " " + text(lang, "other_years", given=given, asked=asked)

    def _write_answer(self, record: AnswerRecord, result: extractive.Extract,
                      q: Question) -> None:
        """Quotes with their as-of dates, then the extract's lines; figures restated in
        English when an English question asking one is answered from Chinese (a question
        asking what or why gets no list of the figures its quotes happen to hold);
        conflicting figures."""
        lang, facts = record.lang, self.searchers.sheet
        cross = any(detect_lang(c.text) != lang for c in result.quotes)
        quotes = [
            (c.text, n, _when(lang, c) if find_figures(c.text) else "")
            for c, n in zip(result.quotes, result.marks, strict=True)
        ]
        record.answer = "\n".join([compose(lang, quotes, cross_language=cross), *result.lines])
        # the figures in the reader's language, from the sheet, when a figure is asked
        if cross and lang == "en" and (q.wants_number or q.wants_share or q.wants_amount):
            lines = figure_lines(self.knowledge, result.citations, facts, q.anchors.places,
                                 record.question)
            lead, _, rest = record.answer.partition("\n")
            record.answer = "\n".join([lead, *lines, rest]) if lines else record.answer
        for quoted, others in conflict_values(result.citations, facts):
            values = ", ".join(f"{o.value:g} ({o.doc_id})" for o in others[:3])
            record.notice += text(lang, "conflict", value=f"{quoted.value:g}", others=values)

    def _with_byline(
        self, result: extractive.Extract, q: Question, passages: list[Document], lang: str
    ) -> extractive.Extract:
        """The extract with a line naming the document's publisher and date (cited)."""
        found = find_byline(q, passages, self.searchers.last_chunks, self.knowledge.tokenizer)
        added = with_byline(result.citations, found, lang, asks_when(q.text)) if found else None
        if added is None:
            return result
        citations, line = added
        return replace(result, found=True, citations=citations, lines=[*result.lines, line])


def with_next(passages: list[Document], following: Mapping[str, Document], first: int
              ) -> list[Document]:
    """``passages`` and, after them, the next chunk of the ``first`` ones' documents: the
    retriever often ranks the chunk that opens a topic and not the one that goes on."""
    have = {d.id for d in passages}
    out = list(passages)
    for doc in passages[:first]:
        nxt = following.get(str(doc.id))
        if nxt is not None and nxt.id not in have:
            have.add(nxt.id)
            out.append(nxt)
    return out


def _when(lang: str, cand: extractive.Candidate) -> str:
    """When a quoted figure holds, from its sentence or passage, else the document date."""
    return as_of(lang, cand.years, str(cand.doc.metadata.get("date", "")))


def retrieved_row(rank: int, hit: Hit) -> Retrieved:
    """One retrieved passage as the record shows it."""
    return Retrieved(
        rank=rank,
        chunk_id=str(hit.doc.id),
        text=hit.doc.page_content,
        score=round(hit.score, 5),
        **chunk_fields(hit.doc.metadata, Retrieved),
    )
