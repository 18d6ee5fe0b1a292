"""Years a report's dates imply: 今年 / this year, 去年, and a date written without its year
("7月14日", "截至3月末") in a report dated July 2023, which is of that year.

The report's date (its metadata or by-line) is what these are read against; without one
they name no year.
"""

from __future__ import annotations

import re

from assistant.answering.anchors import MONTH, MONTHS_EN

__all__ = ["relative_years", "report_years"]

# Years said relative to the document's date: 今年 / this year in a report of October 2024
# is 2024 (a year earlier for 去年 / last year, a year later for 明年 / next year). The
# formal 上年度 / 本年度 are not: a rule's "上年度研发费用不低于100万元" means the year
# before an application, whenever it is made.
_RELATIVE_YEAR = re.compile(
    r"(?P<this>今年|\bthis year\b)|(?P<last>去年|\blast year\b)"
    r"|(?P<next>明年|\bnext year\b)|(?P<before>前年)",
    re.I,
)
_OFFSETS = {"this": 0, "last": -1, "next": 1, "before": -2}


def relative_years(text: str, date: str) -> frozenset[int]:
    """The years ``text`` names relative to a document dated ``date`` (ISO, "" if none)."""
    if not date[:4].isdigit():
        return frozenset()
    year = int(date[:4])
    return frozenset(year + _OFFSETS[str(m.lastgroup)] for m in _RELATIVE_YEAR.finditer(text))


def report_years(text: str, date: str) -> frozenset[int]:
    """The year of the dates ``text`` writes without one ("7月14日,四川省经信厅公示…",
    "截至3月末", "on March 15") in a report dated ``date`` (ISO, "" if none): a news
    report's own year, or the year before for a month after the report's."""
    if not date[:7].replace("-", "").isdigit() or len(date) < 7:
        return frozenset()
    year, month = int(date[:4]), int(date[5:7])
    months = {m.group("zh") or m.group("en") for m in MONTH.finditer(text)} - {None}
    if not months:  # (年底 alone: the end of which year is not said)
        return frozenset()
    return frozenset(year - (_month_number(m) > month) for m in months)


def _month_number(written: str) -> int:
    return int(written) if written.isdigit() else MONTHS_EN.index(written[:3].lower()) + 1
