"""Extractive answers: quote the sentences that state the answer, with citations.

No language model is involved. Sentences of the top passages are scored by how
much of the question's (IDF-weighted) vocabulary they cover, in either
language thanks to the glossary, with a bonus for figures when the question
asks for one. The reply quotes them verbatim with ``[n]`` markers, or refuses
when coverage stays under a calibrated threshold or when the question names
an entity (a place, an organisation) that no passage mentions.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from langchain_core.documents import Document

from assistant.entities import Gazetteer
from assistant.glossary import Glossary
from assistant.ingest.sentences import split_sentences
from assistant.numbers import find_figures
from assistant.schema import Citation, Quote
from assistant.textnorm import tokenize

_NUMBER_Q = re.compile(
    r"how (many|much)|number of|多少|幾|几|数量|數量|总量|總量|规模|規模|金额|金額", re.I
)
_SHARE_Q = re.compile(r"share|proportion|percent|ratio|比例|比重|占|佔|百分", re.I)
_AMOUNT_Q = re.compile(
    r"how much|funding|funds?\b|investment|金额|金額|资金|資金|投资|投資|多少钱", re.I
)
_MONEY = re.compile(r"yuan|rmb|dollars?|元|美元", re.I)
_TRAILING_REFS = re.compile(r"\s*(\[\d+(?:[-–,，]\d+)*\])+\s*$")
_CLAUSE = re.compile(r"[，；;：:]\s*|,(?!\d)\s*")
_ENDERS = set("。！？；!?;.…”\"'）)")
_YEAR_Q = re.compile(
    r"\bwhen\b|what year|which year|deadline|哪一?年|何时|何時|什么时候|什麼時候|截止", re.I
)


@dataclass
class Idf:
    """Inverse document frequencies of dictionary words over the indexed chunks."""

    n: int
    df: Counter[str] = field(default_factory=Counter)

    @classmethod
    def build(cls, texts: Iterable[str]) -> Idf:
        """Count in how many chunks each word occurs."""
        df: Counter[str] = Counter()
        n = 0
        for text in texts:
            df.update(set(tokenize(text, bigrams=False)))
            n += 1
        return cls(n=n, df=df)

    def __call__(self, token: str) -> float:
        df = self.df.get(token, 0)
        return math.log(1.0 + (self.n - df + 0.5) / (df + 0.5))


@dataclass(frozen=True)
class Concept:
    """One thing the question asks about, with every form that expresses it."""

    weight: float
    forms: tuple[frozenset[str], ...]

    def covered(self, tokens: AbstractSet[str]) -> bool:
        """True when some form (all of its words) occurs in ``tokens``."""
        return any(form <= tokens for form in self.forms)


def concepts(text: str, glossary: Glossary, idf: Idf) -> list[Concept]:
    """The question's concepts: glossary entries (any language, any synonym) and other words."""
    words = set(tokenize(text, bigrams=False))
    used: set[str] = set()
    found: list[tuple[set[str], tuple[frozenset[str], ...]]] = []
    for match in glossary.match(text):
        forms = tuple(
            f for f in (frozenset(tokenize(t, bigrams=False)) for t in
                        (*match.entry.zh, *match.entry.en)) if f
        )
        own = set().union(*(f for f in forms if f <= words))
        if own:
            found.append((own, forms))
    out: list[Concept] = []
    for own, forms in sorted(found, key=lambda pair: len(pair[0]), reverse=True):
        if own <= used:
            continue
        used |= own
        out.append(Concept(sum(idf(t) for t in own), forms))
    out.extend(Concept(idf(t), (frozenset({t}),)) for t in sorted(words - used))
    return out


@dataclass
class Question:
    """What the answerer needs to know about a question."""

    text: str
    concepts: list[Concept]
    entities: frozenset[str]
    wants_number: bool
    wants_share: bool
    wants_year: bool
    wants_amount: bool

    @classmethod
    def parse(cls, text: str, glossary: Glossary, gazetteer: Gazetteer, idf: Idf) -> Question:
        """Find the question's concepts, entities and the kind of answer it wants."""
        return cls(
            text=text,
            concepts=concepts(text, glossary, idf),
            entities=gazetteer.mentioned(text),
            wants_number=bool(_NUMBER_Q.search(text)),
            wants_share=bool(_SHARE_Q.search(text)),
            wants_year=bool(_YEAR_Q.search(text)),
            wants_amount=bool(_AMOUNT_Q.search(text)),
        )


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

    @property
    def support(self) -> float:
        """How well the sentence, read in its passage, covers the question."""
        return max(self.coverage, (self.coverage + max(self.context, self.passage)) / 2)

    @property
    def text(self) -> str:
        return self.doc.page_content[self.start : self.end]


def coverage(q: Question, tokens: AbstractSet[str]) -> float:
    """IDF-weighted share of the question's concepts present in ``tokens``."""
    total = sum(c.weight for c in q.concepts)
    return sum(c.weight for c in q.concepts if c.covered(tokens)) / total if total else 0.0


def has_answer_figure(q: Question, text: str, gazetteer: Gazetteer) -> bool:
    """Whether ``text`` holds a figure of the kind a how-many question asks for."""
    return _figure_bonus(q, text, gazetteer) > 0


def _figure_text(q: Question, text: str, gazetteer: Gazetteer) -> str:
    """The clauses of ``text`` that name the question's entities (all of it if none do)."""
    if not q.entities:
        return text
    clauses = _CLAUSE.split(text)
    named = [gazetteer.mentioned(c) for c in clauses]
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


def _trim_references(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop the document's own trailing reference markers ("… [5][6]") from a quote."""
    match = _TRAILING_REFS.search(text, start, end)
    return (start, match.start()) if match and match.start() > start else (start, end)


def _spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans, a heading line joined to the line after it (a title alone says little)."""
    spans = [_trim_references(text, s, e) for s, e in split_sentences(text)]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        start, end = spans[i]
        heading = text[end - 1] not in _ENDERS and text[end : end + 1] == "\n"
        if heading and i + 1 < len(spans):
            end = spans[i + 1][1]
            i += 1
        out.append((start, end))
        i += 1
    return out


@dataclass(frozen=True)
class Analysed:
    """A passage's words and its sentences' spans and words."""

    words: frozenset[str]
    sentences: tuple[tuple[int, int, frozenset[str]], ...]


class SentenceCache:
    """Sentence analysis per chunk id, computed once (chunk ids are content hashes)."""

    def __init__(self) -> None:
        self._data: dict[str, Analysed] = {}

    def get(self, doc: Document) -> Analysed:
        """The analysis of ``doc``, from the cache when possible."""
        key = str(doc.id)
        found = self._data.get(key)
        if found is None:
            text = doc.page_content
            found = Analysed(
                frozenset(tokenize(text, bigrams=False)),
                tuple(
                    (s, e, frozenset(tokenize(text[s:e], bigrams=False))) for s, e in _spans(text)
                ),
            )
            self._data[key] = found
        return found


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
        for start, end, words in analysed.sentences:
            sentence = text[start:end]
            cov = coverage(q, words)
            context = coverage(q, words | previous)  # what the sentence before said
            previous = words
            score = (
                0.45 * cov + 0.25 * context + 0.3 * passage_cov
                + _figure_bonus(q, sentence, gazetteer)
                + _entity_bonus(q, sentence, gazetteer)
                - 0.03 * (rank - 1)
            )
            out.append(Candidate(doc, rank, start, end, score, cov, context, passage_cov))
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


def select(cands: Sequence[Candidate], max_quotes: int = 2, ratio: float = 0.8) -> list[Candidate]:
    """The best sentence, plus a close runner-up that is not already quoted."""
    if not cands:
        return []
    best = cands[0]
    chosen = [best]
    for c in cands[1:]:
        if len(chosen) >= max_quotes or c.score < ratio * best.score:
            break
        if all(c.text not in p.text and p.text not in c.text for p in chosen):
            chosen.append(c)
    return chosen


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
    m = doc.metadata
    return Citation(
        n=n,
        doc_id=str(m.get("doc_id", "")),
        title=str(m.get("title", "")),
        chunk_id=str(doc.id),
        text=doc.page_content,
        path=str(m.get("path", "")),
        publisher=str(m.get("publisher", "")),
        date=str(m.get("date", "")),
        url=str(m.get("url", "")),
        start=int(m.get("start", 0)),
        end=int(m.get("end", 0)),
    )


@dataclass
class Extract:
    """The outcome of extractive answering."""

    found: bool
    quotes: list[Candidate]
    citations: list[Citation]
    marks: list[int]
    best_coverage: float


def extract(
    q: Question,
    passages: Sequence[Document],
    gazetteer: Gazetteer,
    min_coverage: float,
    cache: SentenceCache,
) -> Extract:
    """Pick the quoted sentences, or decide the passages do not answer ``q``."""
    cands = candidates(q, passages, gazetteer, cache)
    if q.wants_number or q.wants_share or q.wants_year:  # these need a sentence with a figure
        cands = [c for c in cands if has_answer_figure(q, c.text, gazetteer)]
    best = max((c.support for c in cands), default=0.0)
    if not cands or best < min_coverage or missing_entity(q, passages, gazetteer):
        return Extract(False, [], [], [], best)
    chosen = select(cands)
    citations, marks = cite(chosen)
    return Extract(True, chosen, citations, marks, best)
