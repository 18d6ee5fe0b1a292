"""Figures in answers, read from the figures sheet: a line in the reader's language for
each quoted figure, and what the documents do give when the asked date is missing.

"How many little giants does Shenzhen have?" answered from a Chinese sentence gets
"Shenzhen: 1,331 national little giants (cumulative, date not stated) [1]" above the
quote; "…in 2026?" with no 2026 figure gets "The documents give 2023, 2024 and 2025
for this; no 2026 figure."
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.enclosing import subject_places
from assistant.answering.passages import PlaceSpans
from assistant.knowledge import Knowledge
from assistant.knowledge.factsheet import FactSheet, year_of
from assistant.knowledge.figures import DOC_DATE
from assistant.schema import Citation, FactRecord
from assistant.text.normalize import fold
from assistant.text.numbers import find_figures

__all__ = ["conflict_values", "figure_lines", "other_years"]

_KIND = {
    "en": {"stock": "cumulative", "increment": "added", "share": "share", "money": "amount",
           "target": "target", "rank": "rank", "other": ""},
}
_SHOWN_KINDS = frozenset({"stock", "increment", "share", "money", "target"})
# kinds where two values for one metric, place and date cannot both be right
_COUNTED = frozenset({"stock", "increment", "money", "target"})


def _english_place(knowledge: Knowledge, name: str) -> str:
    place = knowledge.places.get(name)
    if place is not None and place.english:
        return place.english[0]
    return "China" if name == "全国" else name


# "江苏、广东、浙江…分别为711家、561家和400家": which figure is whose is not read here
_RESPECTIVELY = re.compile(r"分别|分別|respectively", re.I)


def _up_to(text: str, record: FactRecord) -> str:
    """``text`` up to the record's figure (all of it when the figure is not found)."""
    percent = record.unit == "%"
    for f in find_figures(text):
        if f.value == record.value and f.percent == percent:
            return text[: f.end]
    return text


def _quoted_records(
    c: Citation, sheet: FactSheet, find_places: PlaceSpans | None = None,
) -> list[FactRecord]:
    """The sheet's records of the figures quoted from ``c``; with ``find_places``, only
    those whose place the quoted sentence names itself, before the figure: a place the
    sheet took from the document ("Shenzhen" for a Shenzhen report's "长三角地区…占比
    达到45%") is no place to print beside a figure."""
    spans = [(c.start + q.start, c.start + q.end, q.text) for q in c.quotes]
    out = []
    for r in sheet.of_doc(c.doc_id):
        if r.kind not in _SHOWN_KINDS or not r.place:
            continue
        # the quoted text up to the figure: "…长三角地区,占比达到45%,…广东(含深圳)" names
        # 深圳 after the 45%, about other figures
        quoted = [_up_to(text, r) for start, end, text in spans
                  if r.start < end and r.end > start]
        if quoted and (find_places is None or r.place == "全国" or any(
                r.place in (named := subject_places(text, find_places))
                and not (len(named) > 1 and _RESPECTIVELY.search(text)) for text in quoted)):
            out.append(r)
    return out


def figure_lines(
    knowledge: Knowledge, citations: Sequence[Citation], sheet: FactSheet,
    places: frozenset[str], question: str = "",
) -> list[str]:
    """English lines for the figures quoted from non-English sentences (at most three):
    those about the question's places first, then those of the metric it asks about."""
    wanted = knowledge.metrics.label(fold(question)) if question else None
    lines: list[tuple[tuple[bool, bool], str]] = []
    for c in citations:
        for r in _quoted_records(c, sheet, knowledge.places.spans):
            when = r.as_of.removesuffix(DOC_DATE) if r.as_of else "date not stated"
            kind = _KIND["en"].get(r.kind, "")
            detail = ", ".join(x for x in (kind, when) if x)
            value = f"{r.value:,}" if r.unit != "%" else f"{r.value}%"
            line = f"{_english_place(knowledge, r.place)}: {value} {r.metric} ({detail}) [{c.n}]"
            other_metric = wanted is not None and r.metric != wanted
            lines.append(((r.place not in places, other_metric), line))
    ordered = [line for _, line in sorted(lines, key=lambda pair: pair[0])]
    return list(dict.fromkeys(ordered))[:3]


def other_years(
    knowledge: Knowledge, question: str, years: frozenset[int], places: frozenset[str],
    sheet: FactSheet,
) -> list[int]:
    """Years the sheet has for the question's place and metric, when the asked ones are
    missing (empty when the question names no year, place or known metric)."""
    metric = knowledge.metrics.label(fold(question))
    if not years or not places or metric is None:
        return []
    found = {
        y for place in places for r in sheet.about(metric, place)
        if (y := year_of(r)) is not None
    }
    return [] if found & years else sorted(found)


def conflict_values(
    citations: Sequence[Citation], sheet: FactSheet
) -> list[tuple[FactRecord, list[FactRecord]]]:
    """Quoted figures that other sentences contradict (same metric, place, stated date,
    kind and unit, another value), each with the records that disagree with it (in the
    order of the sheet's conflicting groups, then of the quotes)."""
    quoted = [r for c in citations for r in _quoted_records(c, sheet) if r.kind in _COUNTED]
    found: list[tuple[int, int, FactRecord, list[FactRecord]]] = []
    for position, r in enumerate(quoted):
        group = sheet.conflict_group(r)
        if group is not None:
            others = [o for o in group[1] if o.value != r.value]
            if others:
                found.append((group[0], position, r, others))
    return [(r, others) for _, _, r, others in sorted(found, key=lambda f: f[:2])]
