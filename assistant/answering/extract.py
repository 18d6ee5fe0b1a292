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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from langchain_core.documents import Document

from assistant.answering.anchors import check
from assistant.answering.enumeration import enumerates, opens_item
from assistant.answering.hostile import is_instruction
from assistant.answering.parts import cover_parts
from assistant.answering.passages import SentenceCache
from assistant.answering.question import Concept, Question, coverage, key_concepts
from assistant.answering.scope import CLAUSE, scope_bonus, sentence_scope
from assistant.answering.selection import (
    Candidate,
    citation,
    cite,
    distinct_items,
    select,
    with_items,
)
from assistant.answering.statements import AUTHOR_Q, DEFINES, is_statement
from assistant.knowledge.entities import Gazetteer
from assistant.knowledge.figures import NATION, NATIONAL
from assistant.schema import Citation
from assistant.text.normalize import HAN_RUN, fold
from assistant.text.numbers import find_figures

__all__ = [
    "Candidate",
    "Extract",
    "candidates",
    "citation",
    "cite",
    "extract",
    "has_answer_figure",
    "missing_entity",
    "select",
]

PLACE_BONUS = 0.2  # for a sentence naming places besides the question's, when places are asked
QUOTED_BONUS = 0.15  # for a sentence with a term the question quotes
ITEMS_BONUS = 0.15  # for a sentence that lists as many items as the question asks for
ORDINAL_BONUS = 0.2  # for a sentence opening the list item the question asks for (一是…)
METRIC_MIN = 0.5  # share of a how-much question's metric the quoted sentence must name
_MONEY = re.compile(r"yuan|rmb|dollars?|元|美元", re.I)


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


def _metric_clash(asked: str | None, text: str, cache: SentenceCache) -> float:
    """Penalty for a figure clause naming another metric of the figures table than the
    question ("深圳有104家已上市" counts listed firms; the question, all of them)."""
    named = cache.metric(text) if asked else None
    return -METRIC_CLASH if named and named != asked else 0.0


def _places_only(names: frozenset[str], gazetteer: Gazetteer) -> frozenset[str]:
    """The places among ``names`` (not the bodies and markets the gazetteer also names)."""
    return frozenset(n for n in names if gazetteer.kind(n) in ("", "place"))


def _asks_nationally(q: Question) -> bool:
    """The question is about the whole country (全国, 我国, China) and no place in it."""
    return not q.anchors.places and bool(NATION.search(fold(q.text)))


def _figure_text(q: Question, text: str, gazetteer: Gazetteer) -> str:
    """The clauses of ``text`` that name the question's entities (all of it if none do).
    A question about the whole country (全国, 我国, China) names it like a place: a
    figure in a clause about Beijing is not the country's ("北京…1214家, 排名全国第二")."""
    national = _asks_nationally(q)
    asked = q.entities | ({NATIONAL} if national else frozenset())
    if not asked:
        return text
    clauses = CLAUSE.split(text)
    # only names of the asked kind compete: an exchange or a ministry in a clause says where
    # a figure sits, not whose it is ("上交所科创板35家" under a Shenzhen heading)
    kinds = {gazetteer.kind(e) for e in q.entities} | ({"place"} if national else set())
    named = [
        frozenset(e for e in gazetteer.mentioned(c) if gazetteer.kind(e) in kinds)
        | ({NATIONAL} if national and NATION.search(fold(c)) else frozenset())
        for c in clauses
    ]
    if not any(named):  # the place is named by the heading or an earlier sentence, if at all
        return text
    # a clause naming the asked entity speaks for it, and so do the clauses after it until
    # one names another entity of that kind: "南山区与宝安区…，共有712家", "反观北京，…为例，
    # 截至2025年上述领域的企业83家，不足全市总量的7%"
    # (a clause naming another entity as well speaks for the asked one for one clause more)
    keep: list[str] = []
    run = 0  # how many clauses more speak for the asked entity (-1: until another is named)
    for clause, names in zip(clauses, named, strict=True):
        if names:
            run = (-1 if not names - asked else 1) if names & asked else 0
            if run:
                keep.append(clause)
        elif run:
            keep.append(clause)
            run = -1 if run < 0 else run - 1
    return " ".join(keep)


def _figure_bonus(
    q: Question, text: str, gazetteer: Gazetteer, figure_text: str | None = None
) -> float:
    """Bonus for a figure of the asked kind, in a clause about the asked entity
    (``figure_text``: those clauses, when known already)."""
    text = _figure_text(q, text, gazetteer) if figure_text is None else figure_text
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


METRIC_CLASH = 0.15  # as much as a sentence of the other scope (scope_bonus)


def candidates(
    q: Question, passages: Sequence[Document], gazetteer: Gazetteer, cache: SentenceCache
) -> list[Candidate]:
    """Every sentence of the passages with its score, best first."""
    out: list[Candidate] = []
    # a figure for the whole country (全国, China) is not a place's
    national = _asks_nationally(q) and (q.wants_number or q.wants_share or q.wants_amount)
    asks_author = bool(AUTHOR_Q.search(q.text))  # a byline is then the answer, not a label
    # what a how-many question counts (an amount's or a share's words name who, not what)
    asked_metric = cache.metric(q.text) if q.wants_number and not (
        q.wants_amount or q.wants_share) else None
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
            if national and _places_only(sent.anchors.places | sent.frame, gazetteer) and (
                    not NATION.search(fold(sentence))):  # a city's figure, or in its document
                anchored = replace(anchored, missing=(*anchored.missing, "place"))
            statement = asks_author or is_statement(sentence)
            figure_text = _figure_text(q, sentence, gazetteer)
            scope = (
                scope_bonus(q.scope, sentence_scope(figure_text))
                + _metric_clash(asked_metric, figure_text, cache)
                if q.wants_number or q.wants_amount or q.wants_share else 0.0
            )
            figure = _figure_bonus(q, sentence, gazetteer, figure_text)
            score = (
                0.45 * cov + 0.25 * context + 0.3 * passage_cov + figure
                + _entity_bonus(q, sentence, gazetteer)
                + 0.05 * anchored.matched
                - 0.03 * (rank - 1)
                - (0.0 if statement else 0.3)
                + scope
                + (0.15 if q.wants_definition and DEFINES.search(sentence) else 0.0)
                + (PLACE_BONUS if q.wants_place and sent.anchors.places - q.anchors.places
                   else 0.0)
                + (QUOTED_BONUS if q.quoted and any(t in fold(sentence) for t in q.quoted)
                   else 0.0)
                + (ITEMS_BONUS if q.items and enumerates(sentence, q.items, q.item_chars) else 0)
                + (ORDINAL_BONUS if q.ordinal and opens_item(sentence, q.ordinal) else 0.0)
            )
            years = tuple(sorted(sent.anchors.years or sent.context.years))
            out.append(Candidate(
                doc, rank, sent.start, sent.end, score, cov, context, passage_cov, anchored,
                statement, years, _metric_share(q, sent.words | previous_words), figure,
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
        # …stated, not a heading's, a byline's or a reference entry's number
        cands = [c for c in cands if c.statement and c.figure > 0]  # has_answer_figure
        # …about what is counted: a figure of another metric is not an answer
        keys = key_concepts(q)
        cands = [c for c in cands if all(_expressed(k, c, cache) for k in keys)]
    # the sentence names what is measured or asked ("the combined revenue of…"), not
    # another metric of the same place; a list item ("二是…") is named by the sentence
    # announcing the list, checked below
    cands = [c for c in cands if c.metric >= METRIC_MIN or q.ordinal]
    cands = [c for c in cands if c.anchors.ok]  # a sentence about another year, place…
    if q.ordinal:  # "the sixth measure" of a list of five is no answer
        cands = [c for c in cands if opens_item(c.text, q.ordinal)]
    if not cands or missing_entity(q, passages, gazetteer):
        return Extract(False, [], [], [], 0.0)
    best = max(c.support for c in cands)
    if best < min_coverage:
        return Extract(False, [], [], [], best)
    if q.wants_list:  # distinct measures from several passages, each cited
        chosen = select(cands, max_quotes=5, ratio=0.6, distinct=distinct_items(cache))
        chosen = with_items(chosen, cache, following or {}, max_quotes=5)
    else:
        chosen = select(cands)
    chosen = cover_parts(q, chosen, pool, cache.tokenizer)
    citations, marks = cite(chosen)
    return Extract(True, chosen, citations, marks, best)
