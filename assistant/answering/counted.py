"""What a how-many question counts, and whether a sentence's figures count it.

"深圳的小巨人企业平均有多少名员工？" counts people (名), so "深圳市累计培育1331家" — a
number of firms — is no answer; "多少家企业与高校合作" counts organisations, so
"连续6年…5年" is none either. The counted kind is read from the measure word after
多少/几 (家, 名, 项, 个城市…) or from the noun after "how many" (employees, firms,
cities), and from the measure word or noun after each figure of the sentence. A sentence
whose figures all have a known kind, none the asked one, counts something else.

Measure words are Chinese grammar and the nouns their English counterparts, not domain
terms; no library maps either to a kind, hence the table below.
"""

from __future__ import annotations

import re

from assistant.answering.asks import JI
from assistant.answering.figure_kinds import is_quantity
from assistant.answering.question import Question
from assistant.knowledge.figure_rules import unit_of
from assistant.text.normalize import fold
from assistant.text.numbers import find_figures

__all__ = ["LABELS", "asked_kind", "counts_other_kind", "figure_kinds"]

# measure word → kind of thing counted (个 is generic: the noun after it decides)
_MEASURES = {
    "家": "org", "户": "org", "戶": "org",
    "名": "people", "位": "people", "人": "people",
    "项": "item", "項": "item", "件": "item",
    "批": "batch", "次": "time", "年": "year", "所": "school", "款": "product",
}
# nouns after 个 / 個 and English count nouns → kind
_NOUNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("place", re.compile(r"城市|省份|省|市|区|區|县|縣|地区|地區|国家|國家"
                         r"|\b(?:cit(?:y|ies)|provinces?|districts?|regions?|countries|county"
                         r"|counties|municipalit(?:y|ies))\b")),
    ("org", re.compile(r"企业|企業|公司|小巨人|银行|銀行|机构|機構"
                       r"|\b(?:firms?|compan(?:y|ies)|enterprises?|businesses|giants?|smes"
                       r"|manufacturers?|banks?|startups?|institutions?)\b")),
    ("people", re.compile(r"\b(?:people|persons?|employees?|workers?|staff|talents?"
                          r"|researchers?|engineers?|experts?|academicians?)\b")),
    ("item", re.compile(r"\b(?:patents?|projects?|items?)\b")),
    ("product", re.compile(r"\bproducts?\b")),
    ("share", re.compile(r"百分点|百分點|\bpercentage points?\b")),  # 13.34个百分点
    ("batch", re.compile(r"\bbatch(?:es)?\b")),
    ("time", re.compile(r"\btimes\b")),
    ("year", re.compile(r"\byears?\b")),
    ("school", re.compile(r"\b(?:universit(?:y|ies)|colleges?|schools?)\b")),
)
_ZH_ASK = re.compile(rf"(?:多少|{JI})\s*(?P<m>[家户戶名位人项項件批次年所款个個])"
                     r"(?P<tail>[^，,。？?；;]{0,6})")
_EN_ASK = re.compile(r"\bhow many\s+(?P<tail>(?:[\w'-]+\s+){0,3}[\w'-]+)", re.I)
_NOUN_WINDOW = 6  # characters after 个 that name what it counts (个专精特新企业 → 企业)


# numbers that label rather than count: a document number (晋政办发〔2019〕87号), a date
# (3月31日, 2025年3月), a ranking's length (Top20, 前20名)
LABELS = re.compile(
    r"《[^》]*》|[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*第?\s*\d+\s*[号號]"
    r"|(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号號])?"
    r"|\btop\s*\d+|前\s*\d+\s*(?:名|位|强|強)|[“「\"][^”」\"]{0,12}\d[^”」\"]{0,12}[”」\"]"
    # an order of magnitude names a class of firm, not a count (百亿级, 千亿级企业)
    r"|[\d十百千万萬亿億]+\s*(?:元)?\s*(?:级|級)",
    re.I,
)


def _noun_kind(text: str, whole: bool = False) -> str | None:
    """The kind named first in ``text`` (``whole``: ``text`` is one word naming it)."""
    if whole:
        word = text.strip(".,;:?!'\"")
        return next((kind for kind, p in _NOUNS if p.fullmatch(word)), None)
    found = [(m.start(), kind) for kind, p in _NOUNS if (m := p.search(text))]
    return min(found)[1] if found else None


def _measure_kind(measure: str, tail: str) -> str | None:
    if measure in ("个", "個"):
        return _noun_kind(tail[:_NOUN_WINDOW])
    return _MEASURES.get(measure)


def asked_kind(text: str) -> str | None:
    """The kind of thing a how-many question counts, when its wording says it."""
    zh = _ZH_ASK.search(text)
    if zh:
        return _measure_kind(zh["m"], zh["tail"])
    en = _EN_ASK.search(text)
    if en:
        for word in en["tail"].lower().split():  # the first count noun, as a whole word
            kind = _noun_kind(word, whole=True)
            if kind:
                return kind
    return None


def figure_kinds(sentence: str) -> set[str | None]:
    """The kinds counted by the sentence's quantities (None: a figure of unknown kind)."""
    folded = fold(sentence)
    kinds: set[str | None] = set()
    for fig in find_figures(sentence):
        if folded[fig.end : fig.end + 1] == "年" and fig.value < 1000:  # 连续6年: a duration
            kinds.add("year")
            continue
        if fig.percent:
            kinds.add("share")
            continue
        if not is_quantity(sentence, fig):
            continue
        unit = unit_of(folded, fig)
        if unit == "yuan":
            kinds.add("money")
            continue
        tail = folded[fig.end : fig.end + 40]
        if unit in _MEASURES or unit in ("个", "個"):
            start = tail.find(unit) + 1
            kinds.add(_measure_kind(unit, tail[start:]))
        else:  # an English noun after the figure ("300 employees", "1,214 firms")
            words = re.split(r"[,;，；。]", tail, maxsplit=1)[0].split()[:4]
            kinds.add(_noun_kind(" ".join(words)) if unit else None)
    return kinds


def counts_other_kind(q: Question, sentence: str) -> bool:
    """A how-many question whose counted kind is known, met by a sentence whose figures
    all count things of other known kinds."""
    if not q.wants_number:
        return False
    asked = asked_kind(q.text)
    if asked is None:
        return False
    kinds = figure_kinds(LABELS.sub(" ", sentence))
    return bool(kinds) and None not in kinds and asked not in kinds
