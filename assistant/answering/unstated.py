"""Near misses: a sentence with a figure that does not state the asked one.

A figure question about one batch, one place or one listed item is often met by a
sentence that names all of it and still gives no figure for it:

* a figure for several batches together ("3916家(包括第一批和第四批复审)" for the fourth);
* the whole country's figure in a passage about the asked place ("我国共有1.46万家"
  under a table of provinces);
* a list of items with figures whose tail names the asked item without one ("上交所科创板
  35家, …, 上交所主板、港交所创业板等板块数量较少");
* the thing counted named only by a cited document's title (《关于开展…瞪羚企业…的通知》)
  or elsewhere in the passage, not by the sentence or the one before it.

Each is a property of the sentence's wording, not of any one document: the cue words are
general ways of saying "respectively", "the whole country" and so on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.anchors import ordinal_spans, ordinals_of
from assistant.answering.passages import SentenceCache
from assistant.answering.question import Concept, Question
from assistant.answering.scope import CLAUSE
from assistant.answering.selection import Candidate
from assistant.knowledge.entities import Gazetteer
from assistant.knowledge.figures import NATION
from assistant.text.normalize import fold
from assistant.text.numbers import find_figures

__all__ = ["asked_keys", "combined_batches", "item_without_figure", "key_outside_sentence",
           "labels_only", "nation_figure", "other_entity", "unstated"]

_RESPECTIVELY = re.compile(r"分别|分別|依次|\brespectively\b", re.I)
# the country named as the frame of a place's figure ("占全国", "居全国", "in China"), not
# as whose figure it is
_FRAME_BEFORE = re.compile(
    r"(?:占|佔|居|领跑|領跑|领先|領先|位列|位居|排名|排在|在|于|於|\bof|\bin|\bamong|\bacross)\s*$",
    re.I,
)
# a line citing where a rule comes from: it names a document, it states no figure
_SOURCE_LINE = re.compile(
    r"\s*(?:政策)?(?:依据|依據|来源|來源|资料来源|資料來源|出处|出處|\bsource|\bbasis)\s*[:：]",
    re.I,
)
_TITLE = re.compile(r"《[^》]*》")
# an item of a list of figures: a name, then its figure ("上交所科创板35家")
_ITEM_FIGURE = re.compile(
    r"\d[\d,.]*\s*(?:万|萬|亿|億)?\s*(?:家|个|個|项|項|件|名|人|所|元|%|％)?\s*[)）]?\s*[。；;]?$"
)
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_ENDERS = set("。！？；!?;.…”\"'）):：")
_HEADING = re.compile(
    r"\s*(?:#|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]"
    r"|第[一二三四五六七八九十]+[章节部分])"
)
# words that say what kind of figure is asked, which the figure itself expresses
_ANSWER_WORD = re.compile(
    r"数量|數量|总数|總數|比例|比重|占比|佔比|份额|份額|金额|金額|规模|規模"
    r"|number|share|proportion|percent(?:age)?|ratio|amount|total",
    re.I,
)
# numbers that label rather than count: a document number (晋政办发〔2019〕87号), a date
# (3月31日, 2025年3月), a ranking's length (Top20, 前20名)
_LABELS = re.compile(
    r"《[^》]*》|[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*第?\s*\d+\s*[号號]"
    r"|(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号號])?"
    r"|\btop\s*\d+|前\s*\d+\s*(?:名|位|强|強)|[“「\"][^”」\"]{0,12}\d[^”」\"]{0,12}[”」\"]",
    re.I,
)


def _counts(text: str) -> bool:
    """Whether ``text`` holds a figure other than a year."""
    return any(f.percent or not (1900 <= f.value <= 2100) for f in find_figures(text))


def labels_only(q: Question, sentence: str) -> bool:
    """A how-many or how-much question met by a sentence whose only figures label
    something (a cited document's number, a date, a ranking's length), or by a line
    naming a source ("依据: …关于印发…20条措施的通知")."""
    if not (q.wants_number or q.wants_amount):
        return False
    if _SOURCE_LINE.match(sentence):
        return True
    return _counts(sentence) and not _counts(_LABELS.sub(" ", sentence))


def other_entity(q: Question, sentence: str, gazetteer: Gazetteer) -> bool:
    """A figure question naming a body or a market (港交所) met by a sentence naming
    another of that kind (深交所) and not the asked one: its figure is the other's."""
    if not (q.wants_number or q.wants_share or q.wants_amount):
        return False
    named = gazetteer.mentioned(sentence)
    for kind in {gazetteer.kind(e) for e in q.entities} - {"", "place"}:
        asked = {e for e in q.entities if gazetteer.kind(e) == kind}
        if not named & asked and any(gazetteer.kind(e) == kind for e in named):
            return True
    return False


def combined_batches(q: Question, sentence: str) -> bool:
    """The sentence names other batches only, or the asked batch among others with a
    figure of theirs together: no "respectively", no figure after the asked batch in its
    clause."""
    asked = q.anchors.ordinals
    named = ordinals_of(sentence)
    if asked and named and not named & asked:  # it names other batches: theirs
        return True
    if not asked or not named & asked or named <= asked or _RESPECTIVELY.search(sentence):
        return False
    spans = sorted(ordinal_spans(sentence))
    for i, (start, end) in enumerate(spans):
        own = ordinals_of(sentence[start:end])
        if not own & asked or own - asked:  # another batch, or a run of them (前六批)
            continue
        stop = spans[i + 1][0] if i + 1 < len(spans) and spans[i + 1][0] > end else None
        clause = CLAUSE.split(sentence[end:stop], maxsplit=1)[0]
        if _counts(clause):
            return False
    return True


def _own_nation(clause: str) -> bool:
    """The clause names the whole country as whose figure it is, not as a frame."""
    folded = fold(clause)
    return any(not _FRAME_BEFORE.search(folded[: m.start()]) for m in NATION.finditer(folded))


def nation_figure(
    q: Question, cand: Candidate, gazetteer: Gazetteer, cache: SentenceCache
) -> bool:
    """A figure question about a place met by the whole country's figure: every clause
    with a figure names the country (我国共有…) and not the asked place, in a document
    not set in that place (a national figure said at an event there may be the answer)."""
    if not (q.wants_number or q.wants_share or q.wants_amount):
        return False
    asked = frozenset(e for e in q.entities if gazetteer.kind(e) in ("", "place"))
    frames = [s.frame for s in cache.get(cand.doc).sentences[:1]]
    if not asked or any(frame and frame <= q.anchors.places for frame in frames):
        return False
    sentence = cand.text
    figures = [c for c in CLAUSE.split(sentence) if _counts(c)]
    return bool(figures) and all(
        _own_nation(c) and not gazetteer.mentioned(c) & asked for c in figures
    )


def _covered(q: Question, words: frozenset[str]) -> frozenset[int]:
    return frozenset(i for i, c in enumerate(q.concepts) if c.covered(words))


def item_without_figure(q: Question, sentence: str, cache: SentenceCache) -> bool:
    """A list of at least two items with figures ("name 35家") whose later figure-less
    clause has an item (between 、) naming more of what is asked than any item with a figure
    ("…港交所主板5家, 海外创业板1家, 上交所主板、港交所创业板等板块数量较少")."""
    if not q.wants_number:
        return False
    tokenize = cache.tokenizer.tokenize
    clauses = [c for c in CLAUSE.split(sentence) if c.strip()]
    seen: list[frozenset[int]] = []  # what each item with a figure so far names
    for i, clause in enumerate(clauses):
        if _ITEM_FIGURE.search(clause):
            seen.append(_covered(q, frozenset(tokenize(clause, bigrams=False))))
            continue
        # the list's tail: no figure in it or after it ("…等板块数量较少。")
        if len(seen) < 2 or any(_counts(c) for c in clauses[i:]):
            continue
        for item in re.split(r"[、/]", clause):
            covered = _covered(q, frozenset(tokenize(item, bigrams=False)))
            if all(covered > s for s in seen):
                return True
    return False


def _plain(concept: Concept) -> bool:
    """A concept naming what is asked about, not the kind of answer (数量, share) or the
    whole country (an anchor, as places are)."""
    return not any(
        _ANSWER_WORD.fullmatch(w) or NATION.search(w) for form in concept.forms for w in form
    )


def asked_keys(q: Question, share: float = 0.8, most: int = 2) -> list[Concept]:
    """The question's most specific concepts (as :func:`key_concepts`), its places and
    the cited source left out before the most specific one is picked ("武汉…继续支持…名单"
    asks about 名单, however rare 武汉 is); only plain words of a Chinese question (an English
    word reaches Chinese text through translations, a glossary term's words are cut in
    several ways: their absence proves little)."""
    if not _HAN.search(q.text):
        return []
    framing = q.place_words | q.source_words
    known = [
        c for c in q.concepts
        if c.in_corpus and (not c.verb or c in q.metric) and _plain(c)
        and any(len(form) == 1 for form in c.forms)
        and all(_HAN.fullmatch(w) for w in c.forms[0])
        and not any(form <= framing for form in c.forms)
        and not all(len(form) == 1 and len(next(iter(form))) == 1 for form in c.forms)
    ]
    top = max((c.specificity for c in known), default=0.0)
    keys = sorted((c for c in known if c.specificity >= share * top), key=lambda c: -c.specificity)
    return keys[:most]


def _in_passage(concept: Concept, cand: Candidate, cache: SentenceCache) -> bool:
    """Whether the candidate's passage names ``concept``, as words or (Chinese forms the
    segmenter may cut otherwise) as folded substrings."""
    if concept.covered(cache.get(cand.doc).words):
        return True
    folded = fold(cand.doc.page_content)
    return any(form and all(_HAN.fullmatch(t) and t in folded for t in form)
               for form in concept.forms)


def _opens_section(text: str) -> bool:
    """A sentence opening with a heading line ("二、山西综改区", "## 2.3 …")."""
    line = text.lstrip().split("\n", 1)
    return bool(_HEADING.match(text)) or (len(line) > 1 and line[0].rstrip()[-1:] not in _ENDERS)


def _around_words(cand: Candidate, cache: SentenceCache) -> tuple[frozenset[str], ...]:
    """The words of the sentence, the one before it in its section of the passage, the
    section's heading and the document title: outside 《titles》, and with them."""
    text = cand.doc.page_content
    spans = [(s.start, s.end) for s in cache.get(cand.doc).sentences]
    here = next((i for i, (a, b) in enumerate(spans) if a <= cand.start < b), 0)
    heading = max((i for i in range(here + 1) if _opens_section(text[slice(*spans[i])])),
                  default=here)
    before = here - 1 if heading < here else heading  # not across a heading
    parts = [text[slice(*spans[i])] for i in {heading, max(before, 0)} if spans]
    around = " ".join((cand.text, *parts, str(cand.doc.metadata.get("title", ""))))
    tokenize = cache.tokenizer.tokenize
    return (frozenset(tokenize(_TITLE.sub(" ", around), bigrams=False)),
            frozenset(tokenize(around, bigrams=False)))


def key_outside_sentence(
    q: Question, keys: Sequence[Concept], cand: Candidate, cache: SentenceCache
) -> bool:
    """A key concept of a figure question that neither the sentence, the one before it, its
    section's heading nor the document title names, or that the sentence names only in
    a cited document's title (《关于开展…
    瞪羚企业…的通知》 names the 瞪羚 notice, it does not count 瞪羚 firms); ``keys``: the
    question's key concepts, else those :func:`asked_keys` finds, checked in the passage."""
    keys = [k for k in keys if _plain(k)]
    if not keys:  # the place was the rarest word: the rarest others, in the passage
        return any(not _in_passage(k, cand, cache) for k in asked_keys(q))
    plain, titled = _around_words(cand, cache)
    tokenize = cache.tokenizer.tokenize
    own = frozenset(tokenize(cand.text, bigrams=False))
    # named nowhere around, or by the sentence only inside a title
    return any(not k.covered(titled) or (k.covered(own) and not k.covered(plain))
               for k in keys)


def unstated(
    q: Question, cand: Candidate, keys: Sequence[Concept], gazetteer: Gazetteer,
    cache: SentenceCache,
) -> bool:
    """Whether the candidate sentence of a figure question misses what is asked in one of
    the ways above (``keys``: the question's key concepts)."""
    sentence = cand.text
    return (
        labels_only(q, sentence)
        or combined_batches(q, sentence)
        or nation_figure(q, cand, gazetteer, cache)
        or other_entity(q, sentence, gazetteer)
        or item_without_figure(q, sentence, cache)
        or key_outside_sentence(q, keys, cand, cache)
    )
