"""Years that date the document a question cites, not the figure it asks for.

"2021年中信证券的报告指出，A股上市的小巨人有多少家？", "the April 2023 report on Hubei's
1,800 provincial SRDI SMEs says…": the year tells which document, and a sentence of that
document need not name it. Such a year is checked against the document's own date when
the document has one (the 2019 report is not the 2023 one); a document without a date is
not held against it. The cue is grammar (a year, then within a few words a noun for a
document), not a list of documents.
"""

from __future__ import annotations

import re

from langchain_core.documents import Document

from assistant.answering.anchors import years_of

__all__ = ["dated_as", "document_years", "without_document_dates"]

# what reports on the facts (a policy a document cites, 2022年哪份文件, is asked about)
# …and the criteria a document sets out ("2024年的认定条件", "the 2024 criteria")
_NOUNS_ZH = (r"(?:报告|報告|文章|报道|報道|论文|論文|分析|白皮书|白皮書|手册|手冊|讲话|講話"
             r"|认定标准|認定標準|认定条件|認定條件|申报条件|申報條件|发布会|發布會"
             # …and the event a report covers ("2022年南京…发展大会上")
             r"|大会|大會|论坛|論壇|峰会|峰會|座谈会|座談會)")
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
           r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DOC_DATE = re.compile(
    r"(?P<zh>(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号號])?)?)"
    rf"(?=[^，,。？?；;！!\d哪]{{0,24}}?{_NOUNS_ZH})"
    rf"|(?<!which )(?<!what )(?P<en>\b(?:{_MONTHS}\.?\s+)?(?:19|20)\d{{2}})(?:'s)?"
    r"(?=\s+(?:[\w()&'-]+\s+){0,6}?"
    r"(?:report|article|paper|study|story|piece|analysis|handbook|survey|speech|interview"
    r"|criteri(?:on|a)|guideline|press conference|briefing|conference|forum|summit)s?\b)",
    re.I,
)


def document_years(text: str) -> frozenset[int]:
    """The years a question gives for the document it cites."""
    return frozenset(y for m in _DOC_DATE.finditer(text) for y in years_of(m[0]))


def without_document_dates(text: str) -> str:
    """``text`` with the dates of cited documents blanked out, offsets kept."""
    return _DOC_DATE.sub(lambda m: " " * len(m[0]), text)


def dated_as(years: frozenset[int], doc: Document) -> bool:
    """Whether ``doc`` may be the document of one of ``years``: its date's year is one of
    them, or it has no date."""
    date = str(doc.metadata.get("date", "") or "")
    return not (years and date[:4].isdigit()) or int(date[:4]) in years
