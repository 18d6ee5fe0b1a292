"""Sentence analysis of retrieved passages: sentence spans (a heading joined to its line,
trailing reference markers dropped) and, per chunk, each sentence's words and anchors
with those of what precedes it, computed once per chunk."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import partial
from typing import Protocol

from langchain_core.documents import Document

from assistant.answering.anchors import (
    Anchors,
    anchors_of,
    since_years,
    written_years,
)
from assistant.answering.meaning import SentenceMeaning
from assistant.answering.names import without_credited
from assistant.answering.orgnames import without_org_places
from assistant.answering.report_dates import relative_years, report_years
from assistant.knowledge.places import Place
from assistant.text.datelines import without_datelines
from assistant.text.normalize import HAN_RUN, Tokenizer, fold, reading_text
from assistant.text.sentences import is_heading_like, split_sentences

__all__ = [
    "COMPARATIVES", "Analysed", "PlaceFinder", "PlaceSpans", "Sentence", "SentenceCache",
    "sentence_spans",
    "trim_references",
]

# Comparison words: the place after one is the other side ("2022年超越宁波", "较北京多117
#家", "ahead of Shanghai"), not what the text goes on to be about.
COMPARATIVES = (
    r"超越|超过|超過|赶超|趕超|反超|领先于|領先於|落后于|落後於|不及|较|較|相比于|相比於"
    # "超北京93家", "距北京仅相差10家" (not 超级, 超大, 距今)
    r"|超(?![过過越级級大额額前])|距离|距離|距(?!今)"
    r"|低于|低於|高于|高於|多于|多於|少于|少於"  # "广东…略低于江苏, 共658家": 江苏 is compared
    r"|(?<![对對相无無类類好])比(?![例重较較率值如方])"  # "比浙江…还要多", not 比例/对比/比如
    r"|\bthan\b|\bahead of\b|\bbehind\b|\bovert(?:ook|aking|akes)\b|\bsurpass(?:ed|ing|es)?\b"
    r"|\boutpac(?:ed|ing|es)\b"
)
_COMPARED = re.compile(rf"(?:{COMPARATIVES})\s*", re.I)
_OBJECT_CHARS = 12  # how far after a comparison word its place is looked for
_TRAILING_REFS = re.compile(r"\s*(\[\d+(?:[-–,，]\d+)*\])+\s*$")
_ENDERS = set("。！？；!?;.…”\"'）)")


def trim_references(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop the document's own trailing reference markers ("… [5][6]") from a quote."""
    match = _TRAILING_REFS.search(text, start, end)
    return (start, match.start()) if match and match.start() > start else (start, end)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans, a heading line joined to the line after it (a title alone says little)."""
    spans = [trim_references(text, s, e) for s, e in split_sentences(text)]
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


def _no_metric(text: str) -> str | None:
    return None


class PlaceFinder(Protocol):
    """Finds the places a text names, given those named around it."""

    def __call__(self, text: str, context: frozenset[str] = ...) -> frozenset[str]: ...


class PlaceSpans(Protocol):
    """Where a text names places: ``(start, end, canonical name)``, in order."""

    def __call__(
        self, text: str, context: frozenset[str] = ...
    ) -> list[tuple[int, int, str]]: ...


def _no_spans(text: str, context: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    return []


@dataclass(frozen=True)
class Sentence:
    """A sentence of a passage: its span, words, anchors and the anchors of what precedes
    it (the document title and the passage's earlier sentences and headings)."""

    start: int
    end: int
    words: frozenset[str]
    anchors: Anchors
    context: Anchors
    fallback_years: frozenset[int] = frozenset()  # the document title's and opening's
    frame: frozenset[str] = frozenset()  # the places of the document's title and opening


@dataclass(frozen=True)
class Analysed:
    """A passage's words, its sentences and its text as terms are looked for in it."""

    words: frozenset[str]
    sentences: tuple[Sentence, ...]
    folded: str = ""  # folded, without ruby readings or quotes inside a term
    title_words: frozenset[str] = frozenset()  # its document title's


def _no_enclosing(_: str) -> frozenset[str]:
    return frozenset()


def _no_division(_: str) -> Place | None:
    return None


class SentenceCache:
    """Sentence analysis per chunk id, computed once (chunk ids are content hashes)."""

    def __init__(
        self, tokenizer: Tokenizer, places: PlaceFinder, leads: Mapping[str, str] | None = None,
        metric: Callable[[str], str | None] | None = None,
        place_spans: PlaceSpans | None = None,
        enclosing: Callable[[str], frozenset[str]] | None = None,
        division: Callable[[str], Place | None] | None = None,
        meaning: SentenceMeaning | None = None,
    ) -> None:
        self._data: dict[str, Analysed] = {}
        self.meaning = meaning  # sentences' similarity in meaning to a question (or none)
        # a place's entry in the division table (湖北 → 湖北省, a province), None if none
        self.division: Callable[[str], Place | None] = division or _no_division
        # the places enclosing a place (龙华 → 深圳, 广东), from the division table
        self.enclosing: Callable[[str], frozenset[str]] = enclosing or _no_enclosing
        self.place_spans: PlaceSpans = place_spans or _no_spans  # open-world, with offsets
        self.tokenizer = tokenizer
        self._places = places
        # the metric a text names ("listed little giants"), from the figures sheet's table
        self.metric: Callable[[str], str | None] = metric or _no_metric
        self._leads = leads or {}  # doc_id -> its opening passage (where news names places)

    def get(self, doc: Document) -> Analysed:
        """The analysis of ``doc``, from the cache when possible."""
        key = str(doc.id)
        found = self._data.get(key)
        if found is None:
            found = self._analyse(doc)
            if len(self._data) > 50_000:
                self._data.clear()
            self._data[key] = found
        return found

    def expresses(self, doc: Document, forms: tuple[frozenset[str], ...]) -> bool:
        """Whether ``doc`` names one of a concept's ``forms``: as words, or (Chinese forms
        the segmenter may cut otherwise, such as a company name) as folded substrings."""
        analysed = self.get(doc)
        if any(form <= analysed.words for form in forms):
            return True
        return any(form and all(HAN_RUN.fullmatch(t) and t in analysed.folded for t in form)
                   for form in forms)

    def titled(self, doc: Document, forms: tuple[frozenset[str], ...]) -> bool:
        """Whether the title of ``doc``'s document names one of a concept's ``forms``."""
        words = self.get(doc).title_words
        return any(form <= words for form in forms)

    def _analyse(self, doc: Document) -> Analysed:
        text = doc.page_content
        tokenize = self.tokenizer.tokenize
        lead = self._leads.get(str(doc.metadata.get("doc_id", "")), "")
        date = str(doc.metadata.get("date", "") or "")
        title = str(doc.metadata.get("title", ""))
        heading = anchors_of(title, self._places)
        # The document's title and lead say where and when the rest of it holds; their
        # years count only for places and ordinals, a sentence's own years decide time.
        # (a dateline's place is where the report was filed: "新华社合肥11月26日电"; one
        # named only as the other side of a comparison, "超越北京和上海", is not the subject)
        lead = without_datelines(lead)
        heading = replace(heading, places=heading.places - self._compared(title, frozenset()))
        opening = anchors_of(lead, partial(self._places, context=heading.places))
        opening = Anchors((opening.years | heading.years) - since_years(f"{title} {lead}"),
                          opening.places - self._compared(lead, heading.places), opening.ordinals)
        context = Anchors(places=heading.places | opening.places,
                          ordinals=heading.ordinals | opening.ordinals)
        sentences: list[Sentence] = []
        frame = context.places
        # a sentence dated neither by itself, by its passage nor by the document's title and
        # opening holds as of the document's date (a report of 2022-06: "achieved a total
        # output value of 15.268 billion yuan")
        undated = opening.years or (frozenset({int(date[:4])}) if date[:4].isdigit()
                                    else frozenset())
        # a batch named by a heading holds for its section; one named by a sentence, for
        # the next sentence if that goes on about the same places ("第七批名单中，深圳…。
        # 其中…"), not for one turning to another place ("反观北京，…") or the rest
        ordinals, previous = context.ordinals, Anchors()
        for s, e in sentence_spans(text):
            # (no place of a dateline, an organisation's name or a credited person's: 记者邵长春;
            # jieba's tagger is not run on passages, it would load with most first questions)
            plain = without_org_places(without_datelines(text[s:e]), self.place_spans)
            own = anchors_of(without_credited(plain),
                             partial(self._places, context=context.places))
            # 今年, and 7月14日 in a report of July 2023: the report's year
            dated = relative_years(text[s:e], date) or (
                frozenset() if own.years else report_years(plain, date))
            own = replace(own, years=own.years | dated)
            words = frozenset(tokenize(text[s:e], bigrams=False)) | unquoted_words(
                text[s:e], tokenize)
            carried = previous.ordinals if own.places <= previous.places else frozenset()
            around = replace(context, ordinals=ordinals | carried)
            sentences.append(Sentence(s, e, words, own, around, undated, frame))
            compared = self._compared(text[s:e], context.places)
            # (the years it writes: a run's inner years are its own list's, not the passage's)
            years = (own.years & written_years(text[s:e]) | dated) - since_years(text[s:e])
            context = context | replace(own, places=own.places - compared, years=years)
            head = self._heading_anchors(text[s:e], own, context.places)
            if head is not None:  # its batch holds for the section
                ordinals, previous = ordinals | head.ordinals, Anchors()
            else:
                previous = replace(own, ordinals=own.ordinals | carried,
                                   places=own.places | previous.places)
        return Analysed(frozenset(tokenize(text, bigrams=False)) | unquoted_words(text, tokenize),
                        tuple(sentences),
                        fold(reading_text(text)),
                        frozenset(tokenize(str(doc.metadata.get("title", "")), bigrams=False)))

    def _heading_anchors(
        self, span: str, own: Anchors, context: frozenset[str]
    ) -> Anchors | None:
        """The anchors of a heading (``own``), or of the heading line a span starts with
        ("二、前三批重点小巨人" joined to the sub-heading under it); None for no heading."""
        if is_heading_like(span):
            return own
        head = span.split("\n", 1)[0]
        if head == span or not is_heading_like(head):
            return None
        return anchors_of(head, partial(self._places, context=context))

    def _compared(self, sentence: str, context: frozenset[str]) -> frozenset[str]:
        """Places a sentence names only as the other side of a comparison: the later
        sentences of the passage are not about them."""
        spans = [(m.end(), m.end() + _OBJECT_CHARS) for m in _COMPARED.finditer(sentence)]
        if not spans:
            return frozenset()
        found: set[str] = set()
        rest = list(sentence)
        for start, end in spans:
            found |= self._places(sentence[start:end], context)
            rest[start:end] = " " * len(rest[start:end])
        # a place the sentence also names outside a comparison is still its subject
        return frozenset(found) - self._places("".join(rest), context)


# a term written with quotation marks inside it (“专精特新”中小企业, 专精特新“小巨人”企业):
# the sentence says the whole term (专精特新中小企业) as well as its quoted parts
_QUOTED_RUN = re.compile(r"[\u4e00-\u9fff]+(?:[“”\"「」『』][\u4e00-\u9fff]+)+")
_QUOTE = re.compile(r"[“”\"「」『』]")


def unquoted_words(text: str, tokenize: Callable[..., list[str]]) -> frozenset[str]:
    """The words of ``text``'s terms written with quotation marks inside, unquoted."""
    runs = [_QUOTE.sub("", m) for m in _QUOTED_RUN.findall(text)]
    return frozenset(tokenize(" ".join(runs), bigrams=False)) if runs else frozenset()
