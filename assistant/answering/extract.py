"""Extractive answers: quote the sentences that state the answer, with citations.

No language model is involved. Sentences of the top passages are scored by how
much of the question's (IDF-weighted) vocabulary they cover, in either
language thanks to the glossary, with a bonus for figures when the question
asks for one. The reply quotes them verbatim with ``[n]`` markers, or refuses
when coverage stays under a calibrated threshold or when the question names
an entity (a place, an organisation) that no passage mentions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from langchain_core.documents import Document

from assistant.answering.anchors import check
from assistant.answering.asked import Asked, other_anchors
from assistant.answering.asks import WHO_Q, asks_divisions
from assistant.answering.doc_dates import dated_as
from assistant.answering.enclosing import narrowest
from assistant.answering.enumeration import opens_item
from assistant.answering.figure_clauses import (
    asks_nationally,
    figure_terms,
    has_answer_figure,
    names_division,
    places_only,
)
from assistant.answering.hostile import is_instruction
from assistant.answering.kind_bonus import Asks, entity_bonus, kind_bonus
from assistant.answering.levels import names_kind, names_tier
from assistant.answering.metric_terms import (
    cross_language,
    metric_share,
    naming_metric,
    said_otherwise,
)
from assistant.answering.names import named_firms, names_firm
from assistant.answering.ordinal_figures import ordinal_figure_term
from assistant.answering.parts import cover_parts
from assistant.answering.passages import SentenceCache
from assistant.answering.question import Concept, Question, coverage, key_concepts
from assistant.answering.scope import names_first, names_scope
from assistant.answering.selection import (
    Candidate,
    citation,
    cite,
    cover_years,
    distinct_items,
    select,
    with_antecedents,
    with_items,
)
from assistant.answering.statements import AUTHOR_Q, asks_source, is_statement, names_document
from assistant.answering.subjects import same_subject, subject_after
from assistant.answering.targets import asks_done, asks_plan, looks_ahead, target_term
from assistant.answering.topic import as_said, off_topic
from assistant.answering.unstated import stated
from assistant.answering.unstated_keys import around_text
from assistant.knowledge.entities import Gazetteer
from assistant.schema import Citation
from assistant.text.lang import other_script
from assistant.text.normalize import fold
from assistant.text.numbers import firm_counts_in_digits

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

def _expressed(concept: Concept, cand: Candidate, cache: SentenceCache) -> bool:
    """Does the candidate's passage express ``concept`` (:meth:`SentenceCache.expresses`)?
    A word for a sum of money or a share is expressed by a sum or a percentage in the
    sentence, one for a target by a sentence setting one; a rung of the SRDI ladder by the
    document's title ("專精特新中小企業認定" over its list of conditions)."""
    return said_otherwise(concept.forms, cand.text) or cache.expresses(
        cand.doc, concept.forms) or (names_kind(concept) and cache.titled(cand.doc, concept.forms))


def _unprovable(q: Question, concept: Concept, cand: Candidate) -> bool:
    """A question's word whose other-language forms are dictionary translations only
    (least: 至少; 正在: right) is not proven absent from a passage in the other language
    that says it otherwise (不低于; "are expanding"): it is no key there."""
    return concept.bridged and cross_language(q, cand.doc)


def candidates(
    q: Question, passages: Sequence[Document], gazetteer: Gazetteer, cache: SentenceCache
) -> list[Candidate]:
    """Every sentence of the passages with its score, best first."""
    out: list[Candidate] = []
    nationally = asks_nationally(q)
    asked = Asked.of(q, gazetteer, nationally)
    done = asks_done(q.text)  # what has happened so far: a target is no answer
    asks_author = bool(AUTHOR_Q.search(q.text))  # a byline is then the answer, not a label
    asks = Asks.of(q)  # …a source line ("依据:…办法") when a rule's basis is asked
    # what a how-many question counts (an amount's or a share's words name who, not what)
    asked_metric = cache.metric(q.text) if q.wants_number and not (
        q.wants_amount or q.wants_share) else None
    said = as_said(q)
    implied = q.anchors.places - narrowest(q.anchors.places, cache, gazetteer.mentioned)
    for rank, doc in enumerate(passages, start=1):
        text = doc.page_content
        analysed = cache.get(doc)
        passage_cov = coverage(q, analysed.words | analysed.title_words)  # "the X article"
        previous: frozenset[str] = frozenset()
        joined = False  # the sentence before ended in a semicolon
        subject: frozenset[str] = frozenset()  # …and named these places
        for sent in analysed.sentences:
            sentence = text[sent.start : sent.end]
            context = coverage(said, sent.words | previous)  # what the sentence before said
            # a clause after a semicolon shares the subject of the one before ("北京…1214家;
            # 深圳市累计培育1331家"): it says what that one's words say
            cov = context if joined else coverage(said, sent.words)
            joined = sentence.rstrip().endswith((";", "；"))
            previous_words, previous = previous, sent.words
            anchored = check(q.anchors, sent.anchors, sent.context, sent.fallback_years, implied)
            # "the 2021 report": another document, unless the sentence names the year (a
            # reference entry: "the 2024 paper the study cites")
            if not (dated_as(q.document_years, doc) or q.document_years & sent.anchors.years):
                anchored = replace(anchored, missing=(*anchored.missing, "document"))
            own = places_only(sent.anchors.places, gazetteer)
            missing = other_anchors(
                asked, sent, sentence, (subject, own), gazetteer, cache)
            if missing:
                anchored = replace(anchored, missing=(*anchored.missing, *missing))
            subject = subject_after(subject, own, joined)
            statement = asks_author or is_statement(sentence, asks.source or asks.data) or any(
                person in fold(sentence) for person in q.people)
            # (a figure spelt out counts: "Six companies…were honored")
            figure, scope = figure_terms(q, firm_counts_in_digits(sentence), gazetteer, cache,
                                         (asked_metric, nationally))
            score = (
                0.45 * cov + 0.25 * context + 0.3 * passage_cov + figure + scope
                + entity_bonus(q, sentence, gazetteer)
                + 0.05 * anchored.matched
                - 0.03 * (rank - 1)
                - (0.0 if statement else 0.3)
                + kind_bonus(q, asks, sentence, sent.anchors.places)
                + (ordinal_figure_term(q.anchors.ordinals, sent.anchors.ordinals, sentence)
                   if q.wants_number else 0.0)
                + target_term(done, sentence)
            )
            years = tuple(sorted(sent.anchors.years or sent.context.years))
            out.append(Candidate(
                doc, rank, sent.start, sent.end, score, cov, context, passage_cov, anchored,
                statement, years, metric_share(q, sent.words | previous_words, sentence), figure,
            ))
    out = same_subject(out)
    out.sort(key=lambda c: c.score, reverse=True)
    return out


def by_meaning(question: str, cands: list[Candidate], cache: SentenceCache) -> list[Candidate]:
    """``cands`` (best first) with the best few in the other language than ``question``
    scored up by their similarity in meaning to it (the lexical scores meet its own
    language well, another only through the glossary and dictionary), re-sorted."""
    meaning = cache.meaning
    if meaning is None or meaning.weight <= 0 or not cands:
        return cands
    best = cands[: meaning.top]
    other = [c for c in best if other_script(question, c.text)]
    if not other:
        return cands
    sims = dict(zip((id(c) for c in other),
                    meaning.similarities(question, [c.text for c in other]), strict=True))
    lifted = [replace(c, score=c.score + meaning.weight * sims.get(id(c), 0.0)) for c in best]
    return sorted(lifted, key=lambda c: c.score, reverse=True) + cands[meaning.top:]


def missing_entity(q: Question, passages: Sequence[Document], gazetteer: Gazetteer,
                   cache: SentenceCache | None = None) -> bool:
    """True when the question names an entity that none of the passages mention, in
    their text or their document's title (a report says 我省 under a title naming 河北);
    with ``cache``, a province the question names around a city of it is said by the city."""
    entities = q.entities if cache is None else q.entities & narrowest(
        q.entities | q.anchors.places, cache, gazetteer.mentioned)
    if not entities:
        return False
    present: set[str] = set()
    for doc in passages:
        present |= gazetteer.mentioned(f"{doc.metadata.get('title', '')}\n{doc.page_content}")
    return not entities <= present


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
    preceding: Mapping[str, Document] | None = None,
) -> Extract:
    """Pick the quoted sentences, or decide the passages do not answer ``q``."""
    if q.unknown_names or q.absent_attribute or off_topic(q):  # nothing the corpus knows
        return Extract(False, [], [], [], 0.0)
    cands = [c for c in by_meaning(q.text, candidates(q, passages, gazetteer, cache), cache)
             if not is_instruction(c.text)]
    pool = [c for c in cands if c.anchors.ok]  # for the parts of a two-part question
    if q.wants_number or q.wants_share or q.wants_year:  # these need a sentence with a figure
        # …stated, not a heading's, a byline's or a reference entry's number
        cands = [c for c in cands if c.statement and c.figure > 0]  # has_answer_figure
        # …about what is counted: a figure of another metric is not an answer
        # …a tier (国家级) or a scope cue (新增) is read as such, not required as a word
        keys = [k for k in key_concepts(q) if not names_tier(k) and not names_scope(k.forms)
                and not names_first(k.forms)]
        cands = [c for c in cands if all(_expressed(k, c, cache) or _unprovable(q, k, c)
                                         for k in keys)]
        # …and a figure of the asked batch, place or item, not a near miss (unstated)
        cands = stated(q, cands, keys, gazetteer, cache)
        if asks_plan(q.text):  # …a target's, when one is asked, not what is done
            cands = [c for c in cands if looks_ahead(around_text(c, cache))]
    # the sentence names what is measured or asked ("the combined revenue of…"), not
    # another metric of the same place; a list item ("二是…") is named by the sentence
    # announcing the list, checked below
    cands = naming_metric(q, cands)
    cands = [c for c in cands if c.anchors.ok]  # a sentence about another year, place…
    firms = named_firms(q.text)  # …or from a passage not naming the firm asked about
    if firms:  # (each passage read once, not once per sentence)
        naming = {d.id for d in passages if all(names_firm(f, d.page_content) for f in firms)}
        cands = [c for c in cands if c.doc.id in naming]
    if asks_divisions(q.text):  # "哪些省份": a sentence naming some (such) place
        cands = [c for c in cands if names_division(q.text, c.text, gazetteer, cache)]
    if q.ordinal:  # "the sixth measure" of a list of five is no answer
        cands = [c for c in cands if opens_item(c.text, q.ordinal)]
    if asks_source(q.text):  # "依据的是哪份文件": a sentence naming one, where there is one
        cands = [c for c in cands if names_document(c.text)] or cands
    if not cands or missing_entity(q, passages, gazetteer, cache):
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
    chosen = cover_years(q, chosen, cands)
    chosen = with_antecedents(chosen, cache, preceding or {}, max_quotes=max(len(chosen) + 1, 3),
                              people=bool(WHO_Q.search(q.text)))
    citations, marks = cite(chosen)
    return Extract(True, chosen, citations, marks, best)
