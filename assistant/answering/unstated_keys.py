"""Key concepts of a figure question that the quoted sentence must name where it stands.

The rarest things a question asks about (its key concepts) must be named by the sentence,
the sentence before it in its section, the section's heading or the document title, and
not only inside a cited document's title: "2022年度认定了多少家瞪羚企业" is not answered
by "根据《关于开展…瞪羚企业…的通知》, 认定…2683家企业为…专精特新中小企业", nor "省级单项冠军
…奖励多少" by a sentence of another section about 国家级小巨人. When the question's place
is its rarest word, the rarest of its other words are the keys, checked in the passage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.passages import SentenceCache
from assistant.answering.question import Concept, Question
from assistant.answering.scope import names_period
from assistant.answering.selection import Candidate
from assistant.knowledge.figures import NATION
from assistant.text.lang import is_chinese

__all__ = ["around_text", "asked_keys", "key_outside_sentence"]

_TITLE = re.compile(r"《[^》]*》")
# the source a question cites: "according to the Two Sessions report", "普华永道的手册显示"
_CITED = re.compile(
    r"\baccording to [^,?]{2,80}"
    r"|(?:^|[，,])[^，,？?]{2,24}?(?:显示|顯示|介绍|介紹|报道|報道|称|稱|说|說)",
    re.I,
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

# the whole of the place asked about (全省, 全市; "我省" in the sentence): its scope
_WHOLE_PLACE = re.compile(r"全(?:省|市|区|區|县|縣)|我(?:省|市)|本(?:省|市)")


def _plain(concept: Concept) -> bool:
    """A concept naming what is asked about, not the kind of answer (数量, share) or the
    whole country or place (anchors, as places are)."""
    return not any(
        _ANSWER_WORD.fullmatch(w) or NATION.search(w) or _WHOLE_PLACE.fullmatch(w)
        for form in concept.forms for w in form
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
        if c.in_corpus and not c.verb and _plain(c)  # 进入, 入选: said in many ways
        and not names_period(c.forms)  # 每年, 现有: said by 年均, by "at present"
        and any(len(form) == 1 for form in c.forms)
        and all(_HAN.fullmatch(w) for w in c.forms[0])
        and not c.covered(framing)
        and not all(len(form) == 1 and len(next(iter(form))) == 1 for form in c.forms)
    ]
    top = max((c.specificity for c in known), default=0.0)
    keys = sorted((c for c in known if c.specificity >= share * top), key=lambda c: -c.specificity)
    return keys[:most]


def _in_passage(concept: Concept, cand: Candidate, cache: SentenceCache) -> bool:
    """Whether the candidate's passage names ``concept`` (:meth:`SentenceCache.expresses`)."""
    return cache.expresses(cand.doc, concept.forms)


def _opens_section(text: str) -> bool:
    """A sentence opening with a heading line ("二、山西综改区", "## 2.3 …")."""
    line = text.lstrip().split("\n", 1)
    return bool(_HEADING.match(text)) or (len(line) > 1 and line[0].rstrip()[-1:] not in _ENDERS)


def around_text(cand: Candidate, cache: SentenceCache) -> str:
    """The sentence, the one before it in its section of the passage, the section's
    heading and the document title."""
    text = cand.doc.page_content
    spans = [(s.start, s.end) for s in cache.get(cand.doc).sentences]
    here = next((i for i, (a, b) in enumerate(spans) if a <= cand.start < b), 0)
    heading = max((i for i in range(here + 1) if _opens_section(text[slice(*spans[i])])),
                  default=here)
    # the sentence before, unless a heading opens this one
    before = here if heading == here and _opens_section(cand.text) else here - 1
    parts = [text[slice(*spans[i])] for i in {heading, max(before, 0)} if spans]
    return " ".join((cand.text, *parts, str(cand.doc.metadata.get("title", ""))))


def _around_words(cand: Candidate, cache: SentenceCache) -> tuple[frozenset[str], ...]:
    """The words of :func:`around_text`: outside 《titles》, and with them."""
    around = around_text(cand, cache)
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
    question's key concepts, else those :func:`asked_keys` finds, checked in the passage.
    The source a question cites ("according to the … report", "…手册显示") names the
    document, not what the sentence must say; an English question's keys are checked in
    the passage only (綜改区 says "reform zone" in no word of it)."""
    keys = [k for k in keys if _plain(k)]
    if not keys:  # the place was the rarest word: the rarest others, in the passage
        return any(not _in_passage(k, cand, cache) for k in asked_keys(q))
    # across languages (an English sentence glossing a term in Chinese is English), a key
    # reaches the other language's text by translation only
    if not is_chinese(q.text) or not is_chinese(cand.text):
        return False
    tokenize = cache.tokenizer.tokenize
    cited = frozenset(w for m in _CITED.finditer(q.text) for w in tokenize(m[0], bigrams=False))
    keys = [k for k in keys if not any(form <= cited for form in k.forms)]  # the source's
    # a title the question itself quotes ("《…暂行办法》是哪一年出台的") asks about that
    # document: its words may stand in the sentence's 《title》
    quoted = frozenset(w for m in _TITLE.finditer(q.text) for w in tokenize(m[0], bigrams=False))
    plain, titled = _around_words(cand, cache)
    own = frozenset(tokenize(cand.text, bigrams=False))
    # named nowhere around, or by the sentence only inside a title
    return any(not k.covered(titled) or (k.covered(own) and not k.covered(plain | quoted))
               for k in keys)
