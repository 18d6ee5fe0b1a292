"""Choosing and citing the quoted sentences: the scored candidate sentence, the best
ones (distinct items for a list, a list's items after the sentence announcing it), and
citations numbered by first appearance."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from langchain_core.documents import Document

from assistant.answering.anchors import Check
from assistant.answering.enumeration import is_item
from assistant.answering.passages import SentenceCache
from assistant.answering.question import Question
from assistant.schema import Citation, Quote, chunk_fields

MAX_GAP = 4  # sentences of elaboration between two items of a list

__all__ = [
    "Candidate", "citation", "cite", "cover_years", "distinct_items", "select",
    "with_antecedents", "with_items",
]


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
    figure: float = 0.0  # bonus for a figure of the asked kind about the asked entity

    @property
    def support(self) -> float:
        """How well the sentence, read in its passage, covers the question (a heading, a
        title or an author line counts for less: it names a topic, it states nothing)."""
        value = max(self.coverage, (self.coverage + max(self.context, self.passage)) / 2)
        return value if self.statement else 0.6 * value

    @property
    def text(self) -> str:
        return self.doc.page_content[self.start : self.end]

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


def distinct_items(cache: SentenceCache) -> Callable[[Candidate, Candidate], bool]:
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
    passage's end, in the next passage of the document ("三个阶段:" then "完善期:…"). The
    first item follows ``best`` at once; an item's elaboration (up to ``MAX_GAP``
    sentences) is skipped, a heading ends the list."""
    doc, after, gap = best.doc, best.end, 0
    items: list[Candidate] = []
    # a list's opening line quoted with its first item ("…下列条件之一:\n\n1近三年…;"):
    # the next sentence goes on with that item
    opened = any(is_item(line) for line in best.text.splitlines()[1:])
    # a numbered point ("2.大中小企業融通不暢。", "#### 3.4 …") has its own items after a
    # sentence or two that introduce them ("當前…。一是…二是…")
    intro = 2 if is_item(best.text) or best.text.lstrip().startswith("#") else 0
    seen = {best.text}  # passages overlap: the next one may repeat the last sentences
    while len(items) < most:
        for sent in (s for s in cache.get(doc).sentences if s.start >= after):
            text = doc.page_content[sent.start:sent.end]
            if text.lstrip().startswith("#") or gap > MAX_GAP:
                return items
            if text in seen:
                continue
            seen.add(text)
            if is_item(text):
                items.append(replace(best, doc=doc, start=sent.start, end=sent.end))
                gap = 0
                if len(items) >= most:
                    return items
            elif opened and not items:  # the rest of the first item
                items.append(replace(best, doc=doc, start=sent.start, end=sent.end))
            elif not items and intro > 0:
                intro -= 1
            elif not items:
                return items
            else:
                gap += 1
        nxt = following.get(str(doc.id))
        if nxt is None:
            break
        doc, after = nxt, 0
    return items


def with_items(
    chosen: list[Candidate], cache: SentenceCache, following: Mapping[str, Document],
    max_quotes: int,
) -> list[Candidate]:
    """The best sentence followed by the list items after it, then the other chosen."""
    items = _items_after(chosen[0], cache, following, max_quotes - 1)
    rest = [c for c in chosen[1:] if all(c.text != i.text for i in items)]
    return [chosen[0], *items, *rest][:max_quotes]


# A sentence that points back at the one before ("This is the first time that…",
# "这是首次…", "此举…"): what it says is in that sentence. Regular expressions: a
# coreference model would be heavier than the answer step.
_POINTS_BACK = re.compile(
    r"^\s*(?:(?:This|That|These|Those)\s+(?:is|was|are|were|has|have|had|will|would"
    r"|marks?|means?|shows?|indicates?|reflects?)\b"
    r"|(?:这|這)(?:是|也是|意味|表明|标志|標誌|一(?:举措|舉措|数字|數字|比例|政策))|此(?:举|舉))"
    # …or whose subject is the one named before ("Global Design Information… It has
    # developed China's first…", "该公司…"): who "it" is, is in that sentence
    r"|^\s*(?:It|They)\s+(?:also\s+)?(?:has|have|had|provides?|produces?|develops?|developed"
    r"|makes?|made|offers?|helped|helps|was (?:founded|established|set up))\b"
    r"|^\s*The (?:company|firm|enterprise)\b|^\s*(?:该|該)(?:公司|企业|企業)",
    re.IGNORECASE,
)


# A sentence opening with a speaker's bare name ("李永春介紹稱，…", "單忠德表示，…"): news
# gives the name with the title at its first mention, in an earlier sentence.
_SPEAKER = re.compile(
    r"^\s*(?P<name>[\u4e00-\u9fff]{2,3})(?:介[绍紹](?:称|稱)?|表示|指出|强调|強調|[说說称稱])"
)


def with_antecedents(
    chosen: list[Candidate], cache: SentenceCache, preceding: Mapping[str, Document],
    max_quotes: int, people: bool = False,
) -> list[Candidate]:
    """``chosen`` with the sentence before each one that points back at it (in its
    passage, or at the end of the passage before), quoted first, up to ``max_quotes``;
    with ``people`` (the question asks who, or a title), a speaker's first mention too."""
    out: list[Candidate] = []
    for c in chosen:
        prev = _previous(c, cache, preceding) if _POINTS_BACK.match(c.text) else None
        if prev is None and people:
            prev = _first_mention(c, cache)
        if prev is not None and len(out) < max_quotes - 1 and all(
            prev.text != o.text for o in out
        ):
            out.append(prev)
        if all(c.text != o.text for o in out):
            out.append(c)
    return out[:max_quotes]


# …not a body (工信部表示, 省经信厅指出) nor a reporter, an expert or a text speaking
_NOT_A_NAME = re.compile(r"[部局厅廳会會委院所行司处處办辦社网網报報省市区區县縣]$"
                         r"|^(?:记者|記者|专家|專家|企业|企業|文章|报告|報告|研究|数据|數據)$")


def _first_mention(c: Candidate, cache: SentenceCache) -> Candidate | None:
    """The earlier sentence of ``c``'s passage naming the speaker ``c`` opens with."""
    m = _SPEAKER.match(c.text)
    if m is None or _NOT_A_NAME.search(m["name"]):
        return None
    text = c.doc.page_content
    first = next((s for s in cache.get(c.doc).sentences
                  if s.end <= c.start and m["name"] in text[s.start:s.end]), None)
    return None if first is None else replace(c, start=first.start, end=first.end)


def _previous(
    c: Candidate, cache: SentenceCache, preceding: Mapping[str, Document]
) -> Candidate | None:
    """The sentence before ``c``: in its passage, else in the passage before (which may
    repeat ``c`` itself: passages overlap)."""
    before = [s for s in cache.get(c.doc).sentences if s.end <= c.start]
    if before:
        return replace(c, start=before[-1].start, end=before[-1].end)
    doc = preceding.get(str(c.doc.id))
    if doc is None:
        return None
    spans = [(s.start, s.end) for s in cache.get(doc).sentences]
    texts = [doc.page_content[s:e] for s, e in spans]
    cut = texts.index(c.text) if c.text in texts else len(texts)
    if cut == 0:
        return None
    start, end = spans[cut - 1]
    return replace(c, doc=doc, start=start, end=end)


def cover_years(q: Question, chosen: list[Candidate], cands: Sequence[Candidate],
                most: int = 4) -> list[Candidate]:
    """``chosen`` plus, for each year a figure question names that no chosen sentence
    dates its figure to ("2023, 2024 and 2025"), the best candidate that does."""
    if len(q.anchors.years) < 2 or not (q.wants_number or q.wants_share or q.wants_amount):
        return chosen
    out = list(chosen)
    for year in sorted(q.anchors.years):
        if len(out) >= most or any(year in c.years for c in out):
            continue
        best = next((c for c in cands if year in c.years), None)  # cands: best first
        if best is not None and all(best.text != c.text for c in out):
            out.append(best)
    return out


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
