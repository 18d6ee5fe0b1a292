"""Figures as first-class values: find, parse and canonicalise numbers in text.

A figure is a number as a reader would quote it: ``1,214``, ``1.46萬``,
``2.7 billion``, ``27亿``, ``8.5%``, ``１２１４`` (full-width), ``六成``.
:func:`find_figures` returns them with offsets into the input text;
:func:`canonical` gives a stable string so that every spelling of one value
matches (``1.46万`` / ``14,600`` / ``14600`` → ``"14600"``; ``35%`` → ``"35%"``).

Bibliographic noise is skipped: bracketed reference markers (``[2][10]``,
``[1-2]``), ``<sup>1</sup>``, DOIs, dotted identifiers (``2023.11.09``) and
list enumerators at the start of a line (``1.``, ``2、``, ``(3)``).
Digits glued to Latin letters (``5G``, ``H100``, ``14th``) are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import pairwise

__all__ = [
    "Figure", "canonical", "figure_keys", "find_figures", "fold_width", "in_digits", "word_counts",
]

# Full-width ASCII (U+FF01..U+FF5E) and ideographic space fold one-to-one, so
# offsets into the folded text are offsets into the original.
_WIDE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDE[0x3000] = 0x20

_CN_SCALE = {"百": 100, "千": 1000, "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_EN_SCALE = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
}
_CN_DIGIT = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

_NUMBER = re.compile(
    r"""
    (?<![A-Za-z0-9.])
    (?P<num>\d{1,3}(?:,\d{3})+(?!,?\d)|\d{1,3}(?:[ \u2009\u202f]\d{3})+(?=\s?[\u4e00-\u9fff])|\d+)
    (?P<dec>\.\d+)?
    (?:
        (?P<pct>\s?(?:%|‰|percent\b|per\scent\b))
      | (?P<cn>[百千](?:万亿|萬億|[万萬亿億])?(?!分)|万亿|萬億|[万萬亿億])
      | \s?(?P<en>(?:hundred|thousand|million|billion|trillion|bn|mn)\b)
    )?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_CN_NUM = "零〇一二两兩三四五六七八九十百千"
_CN_PERCENT = re.compile(rf"百分之(?P<n>[{_CN_NUM}]+(?:点[{_CN_NUM}]+)?|\d+(?:\.\d+)?)")
# 百亿, 三千亿, 十二万: Chinese numerals before a large scale (a scale is required, so words
# such as 千帆百舸 or 百姓 are never read as numbers).
_CN_AMOUNT = re.compile(
    rf"(?<![{_CN_NUM}\d数几多余])(?P<n>[{_CN_NUM}]+(?:万亿|萬億|亿|億|万|萬)"
    rf"(?:[{_CN_NUM}]+(?:万|萬)?)*)"
)
# 六家, 十余家, 四百余家, 百家, 分三批, 两款, 三位: a Chinese count before a counter of firms,
# cities, items, batches, products or people (from two up: 一家 is mostly "a firm"; 哪三家 /
# 前四家 / 第六家 are no counts; 百家号 / 百家争鸣 / 千家万户 / 两位数 are names and sayings)
_CN_COUNT = re.compile(
    rf"(?<![{_CN_NUM}\d数數几幾多余餘第前后後哪这這那每万萬亿億])(?P<n>[{_CN_NUM}]{{1,6}})"
    r"(?:多|余|餘)?(?=[家座项項名批款位](?!号|號|争|爭|族|庭|长|長|乡|鄉|居|电|電|具|人|万|萬|数|數))"
)
# 六成, 3成 (tenths, a share); not 二十成 or 13成 (成员, 成立, 成长 are words)
_CN_TENTHS = re.compile(
    r"(?<![一二三四五六七八九十\d.])(?P<n>[二三四五六七八九两1-9])成(?P<half>半)?(?![員员功长立])"
)
_SKIP = re.compile(
    r"""
      \[\s*\d+(?:\s*[-–—~,、]\s*\d+)*\s*\]      # reference markers [2] [1-2] [15,16]
    | <sup>[^<]{0,12}</sup>                      # footnote markers
    | \bdoi:\s*\S+                               # DOIs
    | \d+(?:\.\d+){2,}                           # dotted identifiers / dates
    | ^[ \t>*-]*\(?\d{1,2}[.、)](?!\d)          # list enumerators at line start
    | ^[ \t]*\#+[ \t]*\d+(?:\.\d+)*             # numbered headings
    | [(（]\d{1,2}[)）]                          # (1) （2）
    """,
    re.VERBOSE | re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True)
class Figure:
    """One figure found in a text; ``text == source[start:end]``."""

    text: str
    start: int
    end: int
    value: float
    percent: bool


# "six companies", "the two cities": a count written as an English word (two to twelve; a
# word for "one" is mostly an article or a pronoun). Eleven words: no library needed.
_EN_COUNTS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}
_EN_COUNT = re.compile(rf"\b({'|'.join(_EN_COUNTS)})\s+(?=[A-Za-z])", re.IGNORECASE)


def word_counts(text: str) -> frozenset[str]:
    """Canonical values of the counts ``text`` writes as English words ("six firms" → 6)."""
    return frozenset(str(_EN_COUNTS[m[1].lower()]) for m in _EN_COUNT.finditer(text))


def fold_width(text: str) -> str:
    """Fold full-width ASCII and the ideographic space to ASCII, one char for one."""
    return text.translate(_WIDE)


def canonical(value: float, percent: bool) -> str:
    """A stable string for ``value``: ``1214``, ``14600``, ``2700000000``, ``8.5%``."""
    text = f"{round(value, 6):.6f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text + "%" if percent else text


def figure_keys(text: str) -> set[str]:
    """Canonical strings of all figures in ``text``."""
    return {canonical(f.value, f.percent) for f in find_figures(text)}


def find_figures(text: str) -> list[Figure]:
    """All figures in ``text`` in order of appearance, with offsets into ``text``."""
    return list(_figures(text))


# A pure function of the text, memoised: answering reads one sentence's figures from
# several places (anchors, tokens, clauses, the figure bonus), about three times each.
@lru_cache(maxsize=8192)
def _figures(text: str) -> tuple[Figure, ...]:
    folded = fold_width(text)
    blocked = _blocked_mask(folded)
    chinese = _chinese_figures(text, folded)
    for f in chinese:
        blocked[f.start : f.end] = [True] * (f.end - f.start)
    found = [f for f in _arabic_figures(text, folded) if not blocked[f.start]]
    return tuple(_ranges(folded, sorted(found + chinese, key=lambda f: f.start)))


# "100-400 million", "3至5万元", "10-15%": a range writes its scale or unit once, after
# its upper bound
_RANGE_DASH = re.compile(r"\s*(?:[-–—~～]|至|到|to)\s*", re.IGNORECASE)
_BARE = re.compile(r"\d+(?:\.\d+)?")


def _ranges(folded: str, figures: list[Figure]) -> list[Figure]:
    """``figures`` with a bare lower bound of a range given its upper bound's scale and
    percent sign (only where the bound stays below the upper one)."""
    out = list(figures)
    for i, (low, high) in enumerate(pairwise(figures)):
        if not (_BARE.fullmatch(low.text) and _RANGE_DASH.fullmatch(folded[low.end:high.start])):
            continue
        bare = _BARE.match(high.text)
        if bare is None or bare.group(0) == high.text or not float(bare.group(0)):
            continue
        scale = high.value / float(bare.group(0)) if not high.percent else 1.0
        value = low.value * scale
        if value <= high.value and (scale > 1 or high.percent):
            out[i] = Figure(low.text, low.start, low.end, value, high.percent)
    return out


def _blocked_mask(folded: str) -> list[bool]:
    mask = [False] * (len(folded) + 1)
    for m in _SKIP.finditer(folded):
        for i in range(m.start(), m.end()):
            mask[i] = True
    return mask


def _arabic_figures(text: str, folded: str) -> list[Figure]:
    figures: list[Figure] = []
    for m in _NUMBER.finditer(folded):
        end = m.end()
        if end < len(folded) and folded[end].isascii() and folded[end].isalpha():
            continue  # 5G, 14th, 100km: an identifier or unit glued to letters
        try:
            # 1,214 and (before a Chinese word) 1 214: groups of thousands
            number = Decimal(re.sub(r"[, \u2009\u202f]", "", m["num"]) + (m["dec"] or ""))
        except InvalidOperation:  # pragma: no cover - the regex admits digits only
            continue
        percent = m["pct"] is not None
        if m["cn"]:
            number *= _cn_multiplier(m["cn"])
        elif m["en"]:
            number *= _EN_SCALE[m["en"].lower()]
        if m["pct"] and m["pct"].strip() == "‰":
            number /= 10
        figures.append(Figure(text[m.start() : end], m.start(), end, float(number), percent))
    return figures


def _cn_multiplier(suffix: str) -> int:
    """``万`` → 1e4, ``百亿`` → 1e10, ``万亿`` → 1e12 (scales multiply)."""
    total = 1
    for ch in suffix:
        total *= _CN_SCALE[ch]
    return total


def _chinese_figures(text: str, folded: str) -> list[Figure]:
    figures: list[Figure] = []
    for m in _CN_PERCENT.finditer(folded):
        value = _cn_decimal(m["n"])
        if value is not None:
            figures.append(Figure(text[m.start() : m.end()], m.start(), m.end(), value, True))
    for m in _CN_TENTHS.finditer(folded):
        digit = int(m["n"]) if m["n"].isdigit() else _CN_DIGIT[m["n"]]
        value = digit * 10 + (5 if m["half"] else 0)
        figures.append(Figure(text[m.start() : m.end()], m.start(), m.end(), float(value), True))
    for m in _CN_COUNT.finditer(folded):
        count = _cn_number(m["n"])
        if count is not None and count >= 2 and count == int(count):
            figures.append(Figure(text[m.start() : m.end()], m.start(), m.end(), count, False))
    for m in _CN_AMOUNT.finditer(folded):
        amount = _cn_number(m["n"])
        if amount:
            figures.append(Figure(text[m.start() : m.end()], m.start(), m.end(), amount, False))
    return figures


def _cn_number(numeral: str) -> float | None:
    """Parse a Chinese numeral with cn2an (``一万二千`` → 12000, ``三百零五`` → 305,
    ``百亿`` → 1e10: a leading 十/百/千 reads as one of it); None when it is not one."""
    import cn2an  # deferred: its import reads a config file

    if numeral[0] in "十百千":
        numeral = "一" + numeral
    try:
        return float(cn2an.cn2an(numeral.replace("两", "二").replace("兩", "二"), "normal"))
    except (ValueError, KeyError, IndexError):
        return None


def _cn_decimal(numeral: str) -> float | None:
    """Parse ``三十五``, ``八点五`` or Arabic ``8.5``; None when it is not a number."""
    if numeral[0].isdigit():
        return float(numeral)
    return _cn_number(numeral)


_UNITS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
          r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
          r"|seventy|eighty|ninety")
# a run of number words not after a digit ("150 billion" is read by find_figures already)
_NUMBER_WORDS = re.compile(
    rf"(?<![\d.,])(?<![\d.,] )\b(?:{_UNITS})(?:[\s-]+(?:and[\s-]+)?"
    rf"(?:{_UNITS}|hundred|thousand|million|billion)\b)*", re.I)


# a count of firms spelt out ("Six companies…", "eight \"small giant\" enterprises"), not
# any number word ("Five measures", "one of the…")
_FIRMS_AFTER = re.compile(
    r"(?:[\s-]+\S+){0,3}?[\s-]+[\"“‘']?(?:companies|firms|enterprises|businesses|manufacturers"
    r"|smes|(?:little|small) giants)\b", re.I)


def firm_counts_in_digits(text: str) -> str:
    """``text`` with the counts of firms it spells out in digits (:func:`in_digits`)."""
    if not _NUMBER_WORDS.search(text):
        return text
    from text_to_num import alpha2digit

    def digits(m: re.Match[str]) -> str:
        return str(alpha2digit(m.group(0), "en")) if _FIRMS_AFTER.match(text, m.end()) else (
            m.group(0))

    return _NUMBER_WORDS.sub(digits, text)


def in_digits(text: str) -> str:
    """``text`` with English number words in digits ("One hundred and eighteen
    companies" → "118 companies"; small ones such as "two cities" stay words), so a
    figure a question states is found where a report spells it out."""
    if not _NUMBER_WORDS.search(text):
        return text
    from text_to_num import alpha2digit  # deferred: most texts need no parsing

    return _NUMBER_WORDS.sub(lambda m: str(alpha2digit(m.group(0), "en")), text)
