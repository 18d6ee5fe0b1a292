"""Extractive answers: quote the sentences that state the answer, with citations.

No language model is involved. Sentences of the top passages are scored by how
much of the question's (IDF-weighted) vocabulary they cover, in either
language thanks to the glossary, with a bonus for figures when the question
asks for one. The reply quotes them verbatim with ``[n]`` markers, or refuses
when coverage stays under a calibrated threshold or when the question names
an entity (a place, an organisation) that no passage mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from langchain_core.documents import Document

from assistant.answering.anchors import Check, check
from assistant.answering.enumeration import enumerates, is_item
from assistant.answering.hostile import is_instruction
from assistant.answering.parts import cover_parts
from assistant.answering.passages import SentenceCache
from assistant.answering.question import Concept, Question, coverage, key_concepts
from assistant.answering.scope import CLAUSE, scope_bonus, sentence_scope
from assistant.answering.statements import DEFINES, is_statement
from assistant.knowledge.entities import Gazetteer
from assistant.schema import Citation, Quote, chunk_fields
from assistant.text.normalize import HAN_RUN, fold
from assistant.text.numbers import find_figures

ITEMS_BONUS = 0.15  # for a sentence that lists as many items as the question asks for
METRIC_MIN = 0.5  # share of a how-much question's metric the quoted sentence must name
_MONEY = re.compile(r"yuan|rmb|dollars?|元|美元", re.I)


@dataclass
class Candidate:
    """A sentence of a retrieved passage, scored against the question."""

    doc: Document
    rank: int
    start: int
    end: int
    score: float
    coverage: float
    context: float = 0.0
    passage: float = 0.0
    anchors: Check = field(default_factory=Check)
    statement: bool = True
    years: tuple[int, ...] = ()  # the years the sentence (or else its context) names
    metric: float = 1.0  # share of the question's metric the sentence (and the one before) names

    @property
    def support(self) -> float:
        """How well the sentence, read in its passage, covers the question (a heading, a
        title or an author line counts for less: it names a topic, it states nothing)."""
        value = max(self.coverage, (self.coverage + max(self.context, self.passage)) / 2)
        return value if self.statement else 0.6 * value

    @property
    def text(self) -> str:
        return self.doc.page_content[self.start : self.end]

def _metric_share(q: Question, tokens: frozenset[str]) -> float:
    """Weighted share of the question's metric concepts that ``tokens`` express."""
    total = sum(c.weight for c in q.metric)
    return sum(c.weight for c in q.metric if c.covered(tokens)) / total if total else 1.0


def _expressed(concept: Concept, cand: Candidate, cache: SentenceCache) -> bool:
    """Does the candidate's passage express ``concept``: as tokens, or (for Chinese forms
    the segmenter may cut differently, such as a company name) as folded substrings?"""
    analysed = cache.get(cand.doc)
    if concept.covered(analysed.words):
        return True
    folded = fold(cand.doc.page_content)
    return any(
        form and all(HAN_RUN.fullmatch(t) and t in folded for t in form)
        for form in concept.forms
    )


def has_answer_figure(q: Question, text: str, gazetteer: Gazetteer) -> bool:
    """Whether ``text`` holds a figure of the kind a how-many question asks for."""
    return _figure_bonus(q, text, gazetteer) > 0


def _figure_text(q: Question, text: str, gazetteer: Gazetteer) -> str:
    """The clauses of ``text`` that name the question's entities (all of it if none do)."""
    if not q.entities:
        return text
    clauses = CLAUSE.split(text)
    # only names of the asked kind compete: an exchange or a ministry in a clause says where
    # a figure sits, not whose it is ("上交所科创板35家" under a Shenzhen heading)
    kinds = {gazetteer.kind(e) for e in q.entities}
    named = [
        frozenset(e for e in gazetteer.mentioned(c) if gazetteer.kind(e) in kinds)
        for c in clauses
    ]
    if not any(named):  # the place is named by the heading or an earlier sentence, if at all
        return text
    keep: list[str] = []
    for i, clause in enumerate(clauses):
        if named[i] & q.entities:
            keep.append(clause)
            # "南山区与宝安区…，共有712家": the figure often sits in the next clause
            if i + 1 < len(clauses) and not named[i + 1] - q.entities:
                keep.append(clauses[i + 1])
    return " ".join(keep)


def _figure_bonus(q: Question, text: str, gazetteer: Gazetteer) -> float:
    """Bonus for a figure of the asked kind, in a clause about the asked entity."""
    text = _figure_text(q, text, gazetteer)
    figures = find_figures(text)
    if q.wants_amount and figures and _MONEY.search(text):
        return 0.3
    if q.wants_share and any(f.percent for f in figures):
        return 0.25
    if q.wants_year and any(1900 <= f.value <= 2100 for f in figures):
        return 0.2
    if q.wants_number and any(not f.percent and not 1900 <= f.value <= 2100 for f in figures):
        return 0.2
    return 0.0


def _entity_bonus(q: Question, text: str, gazetteer: Gazetteer) -> float:
    """Favour sentences about the question's entities, disfavour those about others."""
    if not q.entities:
        return 0.0
    named = gazetteer.mentioned(text)
    if q.entities <= named:
        return 0.1 if named <= q.entities else 0.0
    return -0.1 if named and not named & q.entities else 0.0


def candidates(
    q: Question, passages: Sequence[Document], gazetteer: Gazetteer, cache: SentenceCache
) -> list[Candidate]:
    """Every sentence of the passages with its score, best first."""
    out: list[Candidate] = []
    for rank, doc in enumerate(passages, start=1):
        text = doc.page_content
        analysed = cache.get(doc)
        passage_cov = coverage(q, analysed.words)
        previous: frozenset[str] = frozenset()
        joined = False  # the sentence before ended in a semicolon
        for sent in analysed.sentences:
            sentence = text[sent.start : sent.end]
            context = coverage(q, sent.words | previous)  # what the sentence before said
            # a clause after a semicolon shares the subject of the one before ("北京…1214家;
            # 深圳市累计培育1331家"): it says what that one's words say
            cov = context if joined else coverage(q, sent.words)
            joined = sentence.rstrip().endswith((";", "；"))
            previous_words, previous = previous, sent.words
            anchored = check(q.anchors, sent.anchors, sent.context, sent.fallback_years)
            statement = is_statement(sentence)
            scope = (
                scope_bonus(q.scope, sentence_scope(_figure_text(q, sentence, gazetteer)))
                if q.wants_number or q.wants_amount or q.wants_share else 0.0
            )
            score = (
                0.45 * cov + 0.25 * context + 0.3 * passage_cov
                + _figure_bonus(q, sentence, gazetteer)
                + _entity_bonus(q, sentence, gazetteer)
                + 0.05 * anchored.matched
                - 0.03 * (rank - 1)
                - (0.0 if statement else 0.3)
                + scope
                + (0.15 if q.wants_definition and DEFINES.search(sentence) else 0.0)
                + (ITEMS_BONUS if q.items and enumerates(sentence, q.items, q.item_chars) else 0)
            )
            years = tuple(sorted(sent.anchors.years or sent.context.years))
            out.append(Candidate(
                doc, rank, sent.start, sent.end, score, cov, context, passage_cov, anchored,
                statement, years, _metric_share(q, sent.words | previous_words),
            ))
    out.sort(key=lambda c: c.score, reverse=True)
    return out


def missing_entity(q: Question, passages: Sequence[Document], gazetteer: Gazetteer) -> bool:
    """True when the question names an entity that none of the passages mention."""
    if not q.entities:
        return False
    present: set[str] = set()
    for doc in passages:
        present |= gazetteer.mentioned(doc.page_content)
    return not q.entities <= present


def select(
    cands: Sequence[Candidate], max_quotes: int = 2, ratio: float = 0.8,
    distinct: Callable[[Candidate, Candidate], bool] | None = None,
) -> list[Candidate]:
    """The best sentence, plus close runners-up that are not already quoted (and, with
    ``distinct``, that say something the chosen ones do not)."""
    if not cands:
        return []
    best = cands[0]
    chosen = [best]
    for c in cands[1:]:
        if len(chosen) >= max_quotes or c.score < ratio * best.score:
            break
        if all(c.text not in p.text and p.text not in c.text for p in chosen) and (
            distinct is None or all(distinct(c, p) for p in chosen)
        ):
            chosen.append(c)
    return chosen


def _distinct_items(cache: SentenceCache) -> Callable[[Candidate, Candidate], bool]:
    """Two sentences are distinct items when they share under half of their words."""

    def words(c: Candidate) -> frozenset[str]:
        return frozenset(cache.tokenizer.tokenize(c.text, bigrams=False))

    def distinct(a: Candidate, b: Candidate) -> bool:
        wa, wb = words(a), words(b)
        return len(wa & wb) < 0.5 * min(len(wa), len(wb)) if wa and wb else True

    return distinct


def _items_after(
    best: Candidate, cache: SentenceCache, following: Mapping[str, Document], most: int
) -> list[Candidate]:
    """The list items that follow ``best`` in its passage and, when the list runs to the
    passage's end, in the next passage of the document ("三个阶段:" then "完善期:…")."""
    doc, after = best.doc, best.end
    items: list[Candidate] = []
    while len(items) < most:
        sentences = [s for s in cache.get(doc).sentences if s.start >= after]
        for sent in sentences:
            text = doc.page_content[sent.start:sent.end]
            if len(items) >= most or not is_item(text):
                return items
            items.append(replace(best, doc=doc, start=sent.start, end=sent.end))
        nxt = following.get(str(doc.id))
        if nxt is None:
            break
        doc, after = nxt, 0
    return items


def _with_items(
    chosen: list[Candidate], cache: SentenceCache, following: Mapping[str, Document],
    max_quotes: int,
) -> list[Candidate]:
    """The best sentence followed by the list items after it, then the other chosen."""
    items = _items_after(chosen[0], cache, following, max_quotes - 1)
    rest = [c for c in chosen[1:] if all(c.text != i.text for i in items)]
    return [chosen[0], *items, *rest][:max_quotes]


def cite(chosen: Sequence[Candidate]) -> tuple[list[Citation], list[int]]:
    """Citations numbered by first appearance, and each quote's citation number."""
    citations: list[Citation] = []
    numbers: dict[str, int] = {}
    marks: list[int] = []
    for c in chosen:
        cid = str(c.doc.id)
        if cid not in numbers:
            numbers[cid] = len(citations) + 1
            citations.append(citation(numbers[cid], c.doc))
        citations[numbers[cid] - 1].quotes.append(Quote(text=c.text, start=c.start, end=c.end))
        marks.append(numbers[cid])
    return citations, marks


def citation(n: int, doc: Document) -> Citation:
    """A numbered citation of a chunk (the passage text verbatim)."""
    return Citation(
        n=n, chunk_id=str(doc.id), text=doc.page_content, **chunk_fields(doc.metadata, Citation)
    )


@dataclass
class Extract:
    """The outcome of extractive answering."""

    found: bool
    quotes: list[Candidate]
    citations: list[Citation]
    marks: list[int]
    best_coverage: float
    lines: list[str] = field(default_factory=list)  # answer lines besides the quotes


def extract(
    q: Question,
    passages: Sequence[Document],
    gazetteer: Gazetteer,
    min_coverage: float,
    cache: SentenceCache,
    following: Mapping[str, Document] | None = None,
) -> Extract:
    """Pick the quoted sentences, or decide the passages do not answer ``q``."""
    if q.unknown_names or q.absent_attribute:  # about something no document mentions
        return Extract(False, [], [], [], 0.0)
    cands = [c for c in candidates(q, passages, gazetteer, cache) if not is_instruction(c.text)]
    pool = [c for c in cands if c.anchors.ok]  # for the parts of a two-part question
    if q.wants_number or q.wants_share or q.wants_year:  # these need a sentence with a figure
        cands = [c for c in cands if has_answer_figure(q, c.text, gazetteer)]
        # …about what is counted: a figure of another metric is not an answer
        keys = key_concepts(q)
        cands = [c for c in cands if all(_expressed(k, c, cache) for k in keys)]
    # the sentence names what is measured or asked ("the combined revenue of…"), not
    # another metric of the same place
    cands = [c for c in cands if c.metric >= METRIC_MIN]
    cands = [c for c in cands if c.anchors.ok]  # a sentence about another year, place…
    if not cands or missing_entity(q, passages, gazetteer):
        return Extract(False, [], [], [], 0.0)
    best = max(c.support for c in cands)
    if best < min_coverage:
        return Extract(False, [], [], [], best)
    if q.wants_list:  # distinct measures from several passages, each cited
        chosen = select(cands, max_quotes=5, ratio=0.6, distinct=_distinct_items(cache))
        chosen = _with_items(chosen, cache, following or {}, max_quotes=5)
    else:
        chosen = select(cands)
    chosen = cover_parts(q, chosen, pool, cache.tokenizer)
    citations, marks = cite(chosen)
    return Extract(True, chosen, citations, marks, best)
