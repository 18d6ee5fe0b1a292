"""Names in a question that no document mentions (Paris, Huawei, 辛国斌)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from langchain_core.documents import Document

from assistant.answering.orgnames import Spans, without_org_places
from assistant.knowledge.dictionary import Bridge
from assistant.knowledge.glossary import Glossary
from assistant.knowledge.pinyin import name_syllables, written_as_syllables, written_in_pinyin
from assistant.text.normalize import HAN_RUN, Tokenizer, blanked, fold

__all__ = [
    "absent_han_names", "absent_subject", "credits", "named_firms", "named_places_only",
    "names_firm", "unknown_names", "without_credited", "without_people",
]


# A name in an English question: a capitalised word that does not start the question
# (Paris, Hangzhou, Huawei) or an acronym; in a run of capitalised words ("Unitree
# Robotics", "Yangtze River Delta") each word, except pinyin, which may be a person's
# name the corpus writes in characters (see person_names).
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")
# Calendar words are capitalised in English without naming anything.
_CALENDAR = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday",
})
# …and so are a year's quarters and halves ("by the end of Q3 2025", H1, FY2024)
_PERIOD = re.compile(r"(?:Q[1-4]|H[12]|[1-4]Q|FY\d{0,4})", re.I)


_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z0-9'-]*")


def _run_words(run: str, glossary: Glossary) -> list[str]:
    """The words of a capitalised run that may name something (Unitree): not calendar
    words, pinyin, acronyms (PSBC, PwC: the corpus may spell them out), ordinary English
    words (Association), nor words of a glossary phrase in it ("Shanghai STAR Market")."""
    known = {w.lower() for m in glossary.match(run) for phrase in m.entry.en
             if phrase.lower() in run.lower() for w in phrase.split()}
    words = (w.removesuffix("'s").rstrip("'") for w in run.split())
    english = glossary.tokenizer.english
    return [w for w in words
            if w not in _CALENDAR and w.lower() not in known and name_syllables(w) is None
            and w[1:].islower() and w not in english]


def _lone_names(text: str, glossary: Glossary) -> list[str]:
    """Capitalised words after a space (not the first word), and in a Chinese question
    any Latin word of two letters or more set in the Chinese (深圳市GDP, IPO)."""
    chinese = bool(_HAN.search(text))
    out = []
    for m in _CAPITALISED_RUN.finditer(text):
        if " " in m.group(0):
            if m.start() and text[m.start() - 1].isspace():
                out.extend(_run_words(m.group(0), glossary))
            continue
        name = _LATIN.match(m.group(0))[0]  # type: ignore[index]  # "GDP是多少": GDP
        before = text[m.start() - 1] if m.start() else ""
        in_chinese = chinese and not before.isascii() and len(name) > 1
        if name in _CALENDAR or _PERIOD.fullmatch(name) or not (in_chinese or before.isspace()):
            continue
        out.append(name.removesuffix("'s").rstrip("'"))
    return out


def unknown_names(
    text: str, glossary: Glossary, vocabulary: Collection[str], bridge: Bridge | None,
    places: Callable[[str], frozenset[str]] | None,
) -> tuple[str, ...]:
    """Names the question uses that the corpus (``vocabulary``: its words) never mentions
    in any language: not as a word, not through the glossary, the dictionary or the place
    tables. A question about Paris or Huawei is not answered by a passage about Beijing."""
    tokenizer = glossary.tokenizer
    out: list[str] = []
    for name in _lone_names(text, glossary):
        tokens = tokenizer.tokenize(name, bigrams=False)
        if not tokens or any(t in vocabulary for t in tokens) or glossary.match(name):
            continue
        if bridge is not None and any(bridge.forms(t) for t in tokens):
            continue
        if places is not None and places(name):
            continue
        out.append(name)
    return tuple(out)


def absent_han_names(
    text: str, glossary: Glossary, vocabulary: Collection[str], passages: Sequence[Document],
) -> tuple[str, ...]:
    """People the question names in characters (jieba's tagger: 辛国斌) that no retrieved
    passage writes, in characters or in pinyin ("Xin Guobin"). Passages, not the corpus's
    words, are searched: a name is cut differently in different sentences, and a passage
    naming it is retrieved by its characters. The tagger runs only when the question has
    a word the corpus lacks (it takes a second to load)."""
    tokenizer = glossary.tokenizer
    words = tokenizer.tokenize(text, bigrams=False)
    if not any(len(w) > 1 and HAN_RUN.fullmatch(w) and w not in vocabulary for w in words):
        return ()
    texts = [p.page_content for p in passages]
    folded = [fold(t) for t in texts]
    out = []
    for name in tokenizer.people(text):
        if name in vocabulary or any(name in t for t in folded):
            continue
        pinyin = written_in_pinyin(name)
        if pinyin is None or not any(pinyin.search(t) for t in texts):
            gloss = _glossed(text, name)  # 碧云天生物（Beyotime Biotechnology）
            if not (gloss and any(gloss in t for t in folded)):
                out.append(name)
    return tuple(out)


def _glossed(text: str, name: str) -> str:
    """The first word of the other-script name the question gives in brackets right
    after ``name`` ("碧云天生物（Beyotime Biotechnology）": "beyotime"), folded; "" if none."""
    m = re.search(re.escape(name) + r"[^\s（(，,。？?]{0,6}[（(]\s*(?:the\s+)?([A-Za-z][\w'-]{2,})",
                  text, re.I)
    return fold(m.group(1)) if m else ""


# "朝陽宏達機械有限公司是國家級專精特新「小巨人」企業嗎？": whether a named firm is one of
# a kind. A passage about the kind that does not name the firm says nothing about it.
_IS_ONE_OF = re.compile(
    r"^\s*(?P<x>[^\s，,。？?、是]{2,30}?)(?:是不是|是否|是|有没有|有沒有|有无|有無)"
    r"[^，,。？?]{0,30}?(?:企业|企業|公司|名单|名單)\s*(?:吗|嗎)?\s*[？?]?\s*$"
)
_POINTING = re.compile(r"^(?:这|這|该|該|那|此|它|其|哪)")
_FIRM_SUFFIX = re.compile(r"(?:股份)?有限(?:责任|責任)?公司$|集团$|集團$|公司$")


def absent_subject(text: str, passages: Sequence[Document]) -> tuple[str, ...]:
    """The firm a "is X a little giant?" question names, when no retrieved passage writes
    it (without its legal suffix: 有限公司). Regular expressions: no library parses this."""
    m = _IS_ONE_OF.match(text)
    if m is None or _POINTING.match(m["x"]):
        return ()
    name = fold(_FIRM_SUFFIX.sub("", m["x"]))
    if len(name) < 2 or any(name in fold(p.page_content) for p in passages):
        return ()
    return (m["x"],)


# A news credit names a person after the role (记者邵长春, 通讯员 王芳), whatever the
# segmenter makes of the name
_CREDITED = re.compile(
    r"(?:记者|記者|通讯员|通訊員|编辑|編輯|责任编辑|責任編輯|撰文|摄影|攝影)\s*[:：]?\s*"
    r"(?P<name>[\u4e00-\u9fff]{2,3})(?=$|[\s)）】,，、。;；/])")


def credits(text: str) -> bool:
    """Whether ``text`` credits someone by a newsroom role ("(记者邵长春)")."""
    return _CREDITED.search(text) is not None


def without_credited(text: str) -> str:
    """``text`` with the names of a news credit blanked (offsets kept): "(记者   )"."""
    return blanked(text, [m.span("name") for m in _CREDITED.finditer(text)])


# A place as the given name of a word of three characters (李金华, 刘长春) may be a person's
# name: jieba's tagger decides, and only then (it takes a second to load).
def without_people(text: str, tokenizer: Tokenizer, places: Callable[[str], frozenset[str]]
                   ) -> str:
    """``text`` with the people jieba's tagger reads in it blanked (offsets kept) when a
    place it seems to name sits inside one ("李金华2021年的论文" names no 金华), and the
    name after a news credit's role ("(记者邵长春)": no 长春)."""
    text = without_credited(text)
    found = places(text)
    words = tokenizer.tokenize(text, bigrams=False)
    folded = fold(text)
    if len(folded) != len(text) or not any(
            len(w) == 3 and w[1:] in found and w not in found for w in words):
        return text
    return blanked(text, [m.span() for name in tokenizer.people(text)
                          for m in re.finditer(re.escape(name), folded)])


def named_places_only(text: str, tokenizer: Tokenizer, places: Callable[[str], frozenset[str]],
                      place_spans: Spans | None) -> str:
    """A question's ``text`` without the places inside a person's name ("李金华": no 金华)
    or opening an organisation's name ("蕪湖楚睿智能科技有限公司" is named by a passage
    naming the firm, whose place the passages do not count either)."""
    text = without_people(text, tokenizer, places)
    return without_org_places(text, place_spans) if place_spans is not None else text


# A firm a question names by its short name and a trade word ("灵动科技的总部", "宇树科技是
# 哪一年…"): the name before the trade word, as passages write it (靈動 folds to 灵动)
_FIRM = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{2,6}?)"
    r"(?:科技|公司|集团|集團|股份|机械|機械|生物|智能|电子|電子)"
    # …ending the name ("灵动科技的总部", not "科技成果", "硬科技领域", "我们公司深耕")
    r"(?=[的是在有已为為被和与與，,。？?（(\s]|$|股份|有限)")
_NOT_FIRM = re.compile(
    r"^(?:这家|這家|该|該|哪家|哪|一家|其|上市|国有|國有|子|母|分|总|總|我们|我們|硬)")


def names_firm(firm: str, text: str) -> bool:
    """Whether a passage's ``text`` names the firm ``firm`` (a short name
    from ``named_firms``): in characters, or in pinyin as English texts write Chinese
    firms ("渝鑫平瑞" is "Chongqing Yuxin Pingrui Electronics")."""
    if firm in fold(text):
        return True
    pinyin = written_as_syllables(firm)
    return pinyin is not None and pinyin.search(text) is not None


# …not a clause before a trade word ("小米有几家子公司": who has how many, no name)
_CLAUSE_WORD = re.compile(r"[有几幾多的是在个個家等和与與及为為被了]")


def named_firms(text: str) -> tuple[str, ...]:
    """Short names of the firms ``text`` names ("灵动" of 灵动科技), folded."""
    return tuple(dict.fromkeys(
        _glossed(text, m["name"]) or fold(m["name"])  # 碧云天生物（Beyotime…）: either
        for m in _FIRM.finditer(text)
        if not _NOT_FIRM.match(m["name"]) and not _CLAUSE_WORD.search(m["name"])))
