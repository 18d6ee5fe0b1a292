"""Figures in answers, read from the figures sheet: a line in the reader's language for
each quoted figure, and what the documents do give when the asked date is missing.

"How many little giants does Shenzhen have?" answered from a Chinese sentence gets
"Shenzhen: 1,331 national little giants (cumulative, date not stated) [1]" above the
quote; "…in 2026?" with no 2026 figure gets "The documents give 2023, 2024 and 2025
for this; no 2026 figure."
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.knowledge import Knowledge
from assistant.knowledge.factsheet import FactSheet, year_of
from assistant.knowledge.figures import DOC_DATE
from assistant.schema import Citation, FactRecord
from assistant.text.normalize import fold

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


def _quoted_records(c: Citation, sheet: FactSheet) -> list[FactRecord]:
    spans = [(c.start + q.start, c.start + q.end) for q in c.quotes]
    return [
        r for r in sheet.of_doc(c.doc_id)
        if r.kind in _SHOWN_KINDS and r.place
        and any(r.start < end and r.end > start for start, end in spans)
    ]


def figure_lines(
    knowledge: Knowledge, citations: Sequence[Citation], sheet: FactSheet,
    places: frozenset[str], question: str = "",
) -> list[str]:
    """English lines for the figures quoted from non-English sentences (at most three):
    those about the question's places first, then those of the metric it asks about."""
    wanted = knowledge.metrics.label(fold(question)) if question else None
    lines: list[tuple[tuple[bool, bool], str]] = []
    for c in citations:
        for r in _quoted_records(c, sheet):
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
