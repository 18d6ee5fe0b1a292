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

from assistant.answering.anchors import years_of
from assistant.text.numbers import Figure

__all__ = ["asks_reason", "asks_year_only", "is_date_part", "is_quantity", "is_year"]

# a day or a month of a date right after the figure: "6日", "3月31日", "12号"
_DATE_UNIT = re.compile(r"\s*(?:日|号|號|月(?!份?[内內]))")
_COUNT = re.compile(r"how (?:many|much)|多少|(?<!哪)[几幾]", re.I)  # 哪几年: which years
_REASON = re.compile(r"^\s*why\b|\bwhy (?:did|do|does|is|are|was|were|has|have)\b"
                     r"|为什么|為什麼|为何|為何|什么原因|什麼原因", re.I)


def is_year(text: str, figure: Figure) -> bool:
    """Whether ``figure`` of ``text`` is a calendar year (not a count such as 2028家)."""
    if figure.percent or figure.value != int(figure.value):
        return False
    return int(figure.value) in years_of(text[max(0, figure.start - 2) : figure.end + 12])


def is_date_part(text: str, figure: Figure) -> bool:
    """Whether ``figure`` is the day or month of a date ("6日", "3月")."""
    small = not figure.percent and figure.value == int(figure.value) and figure.value <= 31
    return small and bool(_DATE_UNIT.match(text, figure.end))


def is_quantity(text: str, figure: Figure) -> bool:
    """Whether ``figure`` counts or measures something: no percentage, year or date."""
    return not (figure.percent or is_year(text, figure) or is_date_part(text, figure))


def asks_year_only(text: str) -> bool:
    """Whether a when-question wants a year and no count ("which year…the number of")."""
    return not _COUNT.search(text)


def asks_reason(text: str) -> bool:
    """Whether the question asks why: a reason is the answer, not a figure."""
    return bool(_REASON.search(text))
