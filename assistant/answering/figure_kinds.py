"""What a figure of a sentence is (a calendar year, a day or month of a date, a quantity)
and which kind of figure a question asks for.

A how-many question is answered by a quantity: "2028家" is a count although it reads like
a year, and the 6 of "6日在媒体撰文" is a day of the month, not a count. A when-question
("In which year did Shenzhen pass Shanghai in the number of little giants?") is answered
by a year, whatever count word it also uses, unless it also asks how many; a
why-question ("Why did the number of little giants fall back?") asks for a reason, not a
figure.
"""

from __future__ import annotations

import re

from assistant.answering.anchors import is_date_part, years_of
from assistant.answering.asks import JI
from assistant.text.numbers import Figure, find_figures

__all__ = [
    "asks_reason", "asks_year_only", "is_date_part", "is_quantity", "is_year", "names_count",
    "names_money", "said_by_figure", "states_amount_in_words", "states_money", "states_reason",
    "states_share_in_words", "states_time_in_words",
]

_COUNT = re.compile(rf"how (?:many|much)|多少|{JI}", re.I)  # 哪几年: which years
_REASON = re.compile(r"^\s*why\b|\bwhy (?:did|do|does|is|are|was|were|has|have)\b"
                     r"|为什么|為什麼|为何|為何|什么原因|什麼原因", re.I)


def is_year(text: str, figure: Figure) -> bool:
    """Whether ``figure`` of ``text`` is a calendar year (not a count such as 2028家)."""
    if figure.percent or figure.value != int(figure.value):
        return False
    return int(figure.value) in years_of(text[max(0, figure.start - 2) : figure.end + 12])


def is_quantity(text: str, figure: Figure) -> bool:
    """Whether ``figure`` counts or measures something: no percentage, year or date."""
    return not (figure.percent or is_year(text, figure) or is_date_part(text, figure))


def asks_year_only(text: str) -> bool:
    """Whether a when-question wants a year and no count ("which year…the number of")."""
    return not _COUNT.search(text)


def asks_reason(text: str) -> bool:
    """Whether the question asks why: a reason is the answer, not a figure."""
    return bool(_REASON.search(text))


# A sentence giving a cause ("基于产业链供给需要，更容易…", "评审规则也随之收紧", "because")
_CAUSE = re.compile(
    r"因为|因為|由于|由於|基于|基於|随之|隨之|因此|所以|导致|導致|得益于|得益於|源于|源於|归因|歸因"
    r"|\b(?:because|due to|as a result|owing to|thanks to|driven by|stems? from|caused by)\b",
    re.I,
)


def states_reason(text: str) -> bool:
    """Whether ``text`` gives a cause or a reason."""
    return _CAUSE.search(text) is not None


# Words for "a sum of money" ("put in more money", 多少钱): a sentence states one with its
# figure ("2.7 billion yuan", 27亿元) without the word.
_MONEY_WORDS = frozenset({"money", "钱", "錢", "金额", "金額", "amount", "sum"})
_MONEY_FIGURE = re.compile(
    r"\d\s*(?:万|萬|亿|億|千|百)?\s*(?:元|美元)|\d\s*(?:million|billion)?\s*(?:yuan|rmb|dollars?)"
    r"|(?:rmb|cny|\$|￥|¥)\s*\d",
    re.I,
)


def names_money(forms: tuple[frozenset[str], ...]) -> bool:
    """Whether a concept's ``forms`` are a word for a sum of money."""
    return any(form & _MONEY_WORDS for form in forms)


def states_money(text: str) -> bool:
    """Whether ``text`` states a sum of money."""
    return _MONEY_FIGURE.search(text) is not None


# Words for "how many" (数量, number): a count states one with its figure, without the word
_COUNT_WORDS = frozenset({"数量", "總數", "总数", "总量", "個數", "个数", "家数", "number", "count",
                          "quantiti", "total"})


def names_count(forms: tuple[frozenset[str], ...]) -> bool:
    """Whether a concept's ``forms`` are a word for a number of things."""
    return any(form & _COUNT_WORDS for form in forms)


# A share said in words: 过半, 半数, 三分之一, one-fifth, half of them (not a half year:
# 上半年, 近半年, the first half of 2024)
_SHARE_WORDS = re.compile(
    r"(?:过|過|超过|超過|近|逾|占|佔)半(?![年月天日])|半数|半數|一半(?![年月天日])"
    r"|[一二三四五六七八九十百]分之[一二三四五六七八九十]"
    # tenths: 超六成, 两成 (not 成为, 成功, 一成不变)
    r"|[一二两兩三四五六七八九]成(?![为為功立本果员員长長都市交型效绩績不])"
    r"|\b(?:one|a|two|three|four)[- ](?:half|third|fifth|quarter|tenth)s?\b(?! of (?:the |this |"
    r"last |next )?(?:year|month|century|20\d\d))"
    r"|\bhalf\b(?! (?:of )?(?:the |this |last |next )?(?:year|month|century|20\d\d))"
    r"|\bmajority\b",
    re.I,
)


def states_share_in_words(text: str) -> bool:
    """Whether ``text`` states a proportion in words (过半, one-fifth) rather than digits."""
    return _SHARE_WORDS.search(text) is not None


# A sum given as another one ("市财政给予与省同等额度的资金支持", 1:1配套, matching funds)
_AMOUNT_WORDS = re.compile(
    r"同等额度|同等額度|同等金额|同等金額|同等数额|同等數額|等额|等額|(?<!\d)1\s*[:：比]\s*1\s*配套"
    r"|\b(?:the same amount|an equal amount|matching funds?)\b",
    re.I,
)


def states_amount_in_words(text: str) -> bool:
    """Whether ``text`` states a sum as equal to another one rather than in digits."""
    return _AMOUNT_WORDS.search(text) is not None


# Words for "a proportion" (占比, share): a sentence states one with a percentage or a share
# in words, without the word ("复核通过率提升到87.04%").
_SHARE_NAMES = frozenset({"比例", "占比", "比重", "百分比", "share", "proportion", "percentag",
                          "percent", "ratio"})


def said_by_figure(forms: tuple[frozenset[str], ...], text: str) -> bool:
    """Whether a concept's ``forms`` name what a figure of ``text`` states by itself: a
    sum of money, a proportion."""
    if names_money(forms) and states_money(text):
        return True
    return any(form & _SHARE_NAMES for form in forms) and (
        any(f.percent for f in find_figures(text)) or states_share_in_words(text))


# A time said without a year's digits: "In the fourth quarter", 下半年, 年底前
_TIME_WORDS = re.compile(
    r"第?[一二三四]季度|[上下]半年|年底前?|年末|年内|年內"
    r"|\b(?:first|second|third|fourth|last) quarter\b|\b(?:first|second) half of\b"
    r"|\bby the end of (?:the|this|next) year\b|\b(?:later|early) this year\b",
    re.I,
)


# a day of a month: "8月9日", "July 14", "14 July"
_DAY = re.compile(
    r"(?<![\d.])(?:1[0-2]|0?[1-9])\s*月\s*(?:[12]\d|3[01]|0?[1-9])\s*[日号號]"
    r"|\b(?:jan(?:uary)?|feb(?:ruary)?|march|april|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october"
    r"|november|december)\b",
    re.I,
)


def states_day(text: str) -> bool:
    """Whether ``text`` names a day of a month (8月9日, July 14): it answers "on what
    day" (the year, where it writes none, is its report's)."""
    return _DAY.search(text) is not None


def states_time_in_words(text: str) -> bool:
    """Whether ``text`` names a time in words (第四季度, the first half of) that answers a
    when-question as a year would."""
    return _TIME_WORDS.search(text) is not None
