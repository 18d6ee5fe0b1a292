"""What a question asks: its concepts (in any language), entities and the kind of answer.

A concept is a glossary entry the question mentions (all its synonyms, Chinese and
English) or a plain word; each weighs its IDF, so coverage of a sentence is the share
of the question's weight the sentence expresses.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace

from assistant.answering.anchors import (
    Anchors,
    figures_of,
    without_month_names,
    years_of,
)
from assistant.answering.asks import (
    DEFINITION_Q,
    HYPOTHETICAL,
    LIST_Q,
    PLACE_Q,
    QUOTED,
    wants_amount,
    wants_number,
    wants_share,
    wants_year,
)
from assistant.answering.compounds import book_title_words, compounds, piece_forms, place_parts
from assistant.answering.doc_dates import document_years, without_document_dates
from assistant.answering.enumeration import asked_items, asks_chars, ordinal_item
from assistant.answering.figure_kinds import asks_reason, names_count
from assistant.answering.framing import content_text, without_answer_form
from assistant.answering.markets import question_anchors, question_entities
from assistant.answering.names import named_places_only, unknown_names
from assistant.answering.orgnames import Spans
from assistant.answering.report_dates import relative_years
from assistant.answering.scope import Scope, question_scope
from assistant.answering.target import (
    absent_attribute,
    attribution,
    metric_phrase,
    without_attribution,
)
from assistant.index.lexical import idf
from assistant.knowledge.dictionary import Bridge
from assistant.knowledge.entities import Gazetteer
from assistant.knowledge.glossary import Glossary
from assistant.text.normalize import Tokenizer, fold, zh_function_words
from assistant.text.numbers import word_counts


@dataclass
class Idf:
    """Inverse document frequencies of dictionary words over the indexed chunks."""

    n: int
    df: Counter[str] = field(default_factory=Counter)

    @classmethod
    def build(cls, texts: Iterable[str], tokenizer: Tokenizer) -> Idf:
        """Count in how many chunks each word occurs."""
        df: Counter[str] = Counter()
        n = 0
        for text in texts:
            df.update(set(tokenizer.tokenize(text, bigrams=False)))
            n += 1
        return cls(n=n, df=df)

    def known(self, forms: Iterable[frozenset[str]]) -> bool:
        """True when all words of some form occur in the indexed text."""
        return any(form and all(t in self.df for t in form) for form in forms)

    def __call__(self, token: str) -> float:
        return idf(self.n, self.df.get(token, 0))


@dataclass(frozen=True)
class Concept:
    """One thing the question asks about, with every form that expresses it."""

    weight: float
    forms: tuple[frozenset[str], ...]
    in_corpus: bool = True  # some form occurs in the indexed text
    verb: bool = False  # an action word (put, cover, 投放), not a thing an answer names
    senses: int = 1  # dictionary translations of a plain word (pass: 经过, 通行, 逐年…)
    bridged: bool = False  # its other-language forms are dictionary translations only

    @property
    def specificity(self) -> float:
        """The weight spread over the word's senses: an ambiguous word (pay: 待遇, 薪酬,
        关注) names no one thing, however rare it is in the corpus."""
        return self.weight / math.sqrt(self.senses)

    def covered(self, tokens: AbstractSet[str]) -> bool:
        """True when some form (all of its words) occurs in ``tokens``."""
        return any(form <= tokens for form in self.forms)


# a numeral with its measure word (一家, 每家, 两个, 三项) says how many, not what of
_COUNT_PHRASE = re.compile(
    r"[一二两兩三四五六七八九十百千万萬几幾多每某][家个個项項件名位种種类類]"
)


def concepts(
    text: str, glossary: Glossary, idf: Idf, bridge: Bridge | None = None,
    drop: AbstractSet[str] = frozenset(),
) -> list[Concept]:
    """The question's concepts: glossary entries (any language, any synonym) and other
    words (less ``drop``), each word with its dictionary translations found in the
    corpus (``bridge``)."""
    tokenize = glossary.tokenizer.tokenize
    # a year is an anchor (checked against the sentence's context), not content: a sentence
    # that shares only the year with the question does not cover it; nor do framing words
    text = without_month_names(content_text(text))
    words = set(tokenize(text, bigrams=False)) - {str(y) for y in years_of(text)} - drop
    # a document's name (《中小企业促进法》) is not said by what its pieces translate to
    titled = book_title_words(text, tokenize)
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
        verb = bridge is not None and all(bridge.is_verb(t) for t in own)  # 超过: an action
        out.append(Concept(sum(idf(t) for t in own), forms, idf.known(forms), verb))
    # function words (只有, 跟, 这次) name nothing a sentence must say; glossary terms stay
    words = {w for w in words if not _COUNT_PHRASE.fullmatch(w)}
    function = zh_function_words()
    for t, pieces in compounds(words - used):  # 省区市: one concept
        if t in function:
            continue
        # a function word inside a compound (通过 of 通过率) still translates a piece of it
        # ("pass rate"), but a sentence saying only it (通过复审) does not say the compound
        content = pieces - function
        other = bridge.forms(t) if bridge is not None else ()
        forms = (frozenset({t}), *((content,) if content else ()),
                 *(frozenset({o}) for o in other))
        verb = bridge is not None and bridge.is_verb(t)
        weight = max(idf(w) for w in (t, *content))
        # a Chinese word no Chinese text uses still meets an English one (品牌: brand); that
        # changes neither whether the corpus knows the word nor how ambiguous it is
        asked = bridge.asked_forms(t) if bridge is not None and not other else ()
        # a compound the dictionary lacks (行业标准) is said by what its pieces translate
        # to ("industrial standards"), as it is by its pieces in Chinese
        said = piece_forms(pieces, bridge) if not (other or asked or t in titled) else ()
        out.append(Concept(weight, (*forms, *(frozenset({o}) for o in asked), *said),
                           idf.known(forms), verb, max(1, len(other)),
                           bridged=bool(other or asked or said)))
    return out


def key_concepts(q: Question, share: float = 0.8, most: int = 2) -> list[Concept]:
    """The question's most specific concepts that the corpus can express: the (at most
    ``most``) rarest (an ambiguous word's rarity spread over its senses), within ``share``
    of the most specific one. An answer must express them.
    A lone Chinese character (内, 后) is too ambiguous a word to be one, and a verb
    (put, cover) is said in too many ways: the things asked about are the keys. A place
    is an anchor, checked against the sentence's context (heading, title, lead), not a key;
    nor is the source the question cites ("according to MIIT"), nor a figure it states."""
    # an action word is no key, unless it is what a how-many question counts (新上市)
    known = [c for c in q.concepts if c.in_corpus and (not c.verb or c in q.metric)
             and not _lone_character(c) and not _numeral(c)]
    top = max((c.specificity for c in known), default=0.0)
    keys = sorted((c for c in known if c.specificity >= share * top),
                  key=lambda c: -c.specificity)
    framing = q.place_words | q.source_words
    return [c for c in keys[:most] if not c.covered(framing)]


def _lone_character(concept: Concept) -> bool:
    return all(len(form) == 1 and len(next(iter(form))) == 1 for form in concept.forms)


def _numeral(concept: Concept) -> bool:
    """A figure the question states ("Chongqing's 118 little giants") is an anchor, not a
    key: a document may write it in words ("One hundred and eighteen…")."""
    return all(t.replace(".", "").replace(",", "").isdigit()
               for form in concept.forms for t in form)


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
    anchors: Anchors = field(default_factory=Anchors)
    scope: tuple[Scope | None, bool] = (None, False)
    wants_list: bool = False
    wants_definition: bool = False
    wants_place: bool = False  # "which districts…", "哪些区": places are the answer
    quoted: tuple[str, ...] = ()  # terms the question quotes (“三维跃迁”), folded
    unknown_names: tuple[str, ...] = ()  # names the question uses that no document has
    absent_attribute: str = ""  # the asked attribute ("weather") when no document names it
    # every figure the question states, its source's too ("the 1,188-firm list"): a premise,
    # never the answer
    stated_figures: frozenset[str] = frozenset()
    metric: tuple[Concept, ...] = ()  # what a how-much question measures (revenue, 上市)
    place_words: frozenset[str] = frozenset()  # the words of the places the question names
    source_words: frozenset[str] = frozenset()  # …of the source it cites ("据工信部介绍")
    document_years: frozenset[int] = frozenset()  # "the 2021 report": its document's date
    items: int = 0  # how many items the question asks for ("哪三个方面", "which two kinds")
    item_chars: bool = False  # …as characters of one phrase ("概括成哪四个字")
    ordinal: int = 0  # which item of a list it asks for ("第一条措施", "the second measure")
    people: tuple[str, ...] = ()  # people it names, as the passages write them (张雷)

    @classmethod
    def parse(
        cls, text: str, glossary: Glossary, gazetteer: Gazetteer, idf: Idf,
        bridge: Bridge | None = None,
        places: Callable[[str], frozenset[str]] | None = None,
        place_name: Callable[[str], bool] | None = None,
        place_spans: Spans | None = None,
    ) -> Question:
        """Find the question's concepts, entities and the kind of answer it wants
        (``place_name``: whether a word is a place's name, for compounds holding one;
        ``place_spans``: where a text names places, for organisations named after one)."""
        text = without_answer_form(text)  # "…, in one sentence?" asks what "…?" asks
        # the source a question cites ("the Hong Kong paper") is where it was published,
        # not what it asks about: its places are no anchors, its name no entity (its
        # years and batches are: "according to the study of the first four batches")
        subject = without_attribution(text)
        # "the Shanghai STAR Market" names a board, not a place the answer must name
        # "the 2021 report says…": the year says which document, checked against its date
        find = places or gazetteer.mentioned
        anchors = question_anchors(without_document_dates(
            named_places_only(text, glossary.tokenizer, find, place_spans)), gazetteer, find)
        if subject != text:  # …nor are the figures naming the source ("the 1,188-firm list")
            framed = question_anchors(
                named_places_only(subject, glossary.tokenizer, find, place_spans),
                gazetteer, find)
            anchors = replace(anchors, places=framed.places, figures=framed.figures)
        if HYPOTHETICAL.search(text):  # a supposed case's figures are no document's
            anchors = replace(anchors, figures=frozenset())
        # "据2024年10月的发布会，今年…": this year is the cited document's (its next year is not)
        cited = document_years(text)
        anchors = replace(anchors, years=anchors.years | frozenset().union(
            *(relative_years(text, str(year)) for year in cited)))
        tokenize = glossary.tokenizer.tokenize
        # the places' names, and the words the question writes them in ("Xianning": its
        # stem "xian" is no other concept, 西安)
        written = [text[a:b] for a, b, name in (place_spans(text, frozenset()) if place_spans
                                                 else []) if name in anchors.places
                   and text[a:b].isascii()]
        place_words = frozenset(t for p in (*anchors.places, *written)
                                for t in tokenize(p, bigrams=False))
        drop = (place_parts(tokenize(text, bigrams=False), place_words, place_name)
                if place_name is not None else frozenset())
        return cls(
            text=text,
            place_words=place_words,
            source_words=frozenset(tokenize(attribution(text), bigrams=False)),
            concepts=concepts(text, glossary, idf, bridge, drop),
            entities=question_entities(subject, gazetteer),
            wants_number=wants_number(text) and not asks_reason(text),
            wants_share=wants_share(text),
            wants_year=wants_year(text),
            wants_amount=wants_amount(subject),  # (not the cited piece's words: 奖励资金的那篇报道)
            anchors=anchors,
            document_years=cited,
            scope=question_scope(text, wants_number(text)),
            wants_list=(
                bool(LIST_Q.search(text)) or (asked_items(text) > 1 and not asks_chars(text))
            ) and not wants_number(text),
            items=asked_items(text),
            item_chars=asks_chars(text),
            ordinal=ordinal_item(text)[0],
            wants_definition=bool(DEFINITION_Q.search(text)),
            # "which city, Beijing or Shenzhen?" picks among the places it names
            wants_place=bool(PLACE_Q.search(text)) and len(gazetteer.mentioned(text)) < 2,
            quoted=tuple(fold(m) for groups in QUOTED.findall(text)
                         for m in groups if len(m.strip()) > 1),
            # the outlet a question cites ("the Anue article") need not be written anywhere
            unknown_names=unknown_names(subject, glossary, idf.df, bridge, places),
            metric=metric_concepts(text, glossary, idf, bridge, places),
            # (a count in words states a figure too: "the six Lu'an firms" are no answer)
            stated_figures=figures_of(text, years_of(text)) | word_counts(text),
            absent_attribute=absent_attribute(
                text, glossary, idf.df, bridge.forms if bridge is not None else _no_forms
            ),
        )


# 全省, 全市, 全区: the whole of the place a question names ("占广东全省的多少")
_WHOLE = re.compile(r"全(?:省|市|区|區|县|縣|州)")


def metric_concepts(
    text: str, glossary: Glossary, idf: Idf, bridge: Bridge | None,
    places: Callable[[str], frozenset[str]] | None,
) -> tuple[Concept, ...]:
    """The concepts of the question's metric phrase, without places (anchors check
    those) and lone characters. A word of it that no document uses stays in: a sentence
    cannot name it, so a measure the corpus never states ("研发费用加计扣除比例") is not
    answered with a figure of the words around it."""
    phrase = metric_phrase(text)
    if not phrase:
        return ()
    # "第一条措施": the measure is asked; 第一条 says which item, no sentence names it so
    ordinal = ordinal_item(text)[1]
    words = set(glossary.tokenizer.tokenize(phrase, bigrams=False)) - set(
        glossary.tokenizer.tokenize(ordinal, bigrams=False)
    )
    out = []
    for c in concepts(text, glossary, idf, bridge):
        own = {t for form in c.forms for t in form} & words
        if not own or _lone_character(c) or names_count(c.forms):  # "的数量是多少": a count
            continue
        if places is not None and any(places(t) for t in own):
            continue
        if any(_WHOLE.fullmatch(t) for t in own):  # 广东全省: the place itself, no measure
            continue
        out.append(c)
    return tuple(out)


def _no_forms(word: str) -> tuple[str, ...]:
    return ()


def coverage(q: Question, tokens: AbstractSet[str]) -> float:
    """IDF-weighted share of the question's concepts present in ``tokens``."""
    total = sum(c.weight for c in q.concepts)
    return sum(c.weight for c in q.concepts if c.covered(tokens)) / total if total else 0.0
