"""Extract every figure of a document into :class:`~assistant.schema.FactRecord` rows.

Figures come from :func:`assistant.text.numbers.find_figures` (cn2an for Chinese
numerals) plus small counted Chinese numerals (四百余家, 第二, 连续三年). Each figure's
place is the subject place of its sentence (places after comparison words such as 较,
超 or "than" are the other side of a comparison), else the last place of the section
so far, else the section heading's, else the document's dominant place; "全国", 我国,
China and nationwide name the whole country (全国).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from assistant.knowledge.figure_rules import (
    Metrics,
    as_of_in,
    counts_a_part,
    is_date_part,
    kind_of,
    unit_of,
    value_of,
)
from assistant.knowledge.places import NATIONAL, Places
from assistant.schema import FactRecord
from assistant.text.lang import to_simplified
from assistant.text.numbers import Figure, canonical, find_figures, fold_width
from assistant.text.sentences import is_heading_like, split_sentences

__all__ = ["NATION", "NATIONAL", "DocText", "extract_figures", "fact_id"]

DOC_DATE = " (document date)"
# the whole country, not a national rank ("排名全国第二")
NATION = re.compile(r"全国(?![第首前最])|我国|中国|\bchina\b|\bnationwide\b|\bthe country\b")
_COMPARED = re.compile(r"(?:较|比|距|超|超过|赶超|于|占|少于|多于|than|behind|ahead of)\s*$")
_CN_SMALL = re.compile(
    r"(?P<pre>第|连续)?(?P<n>[一二两三四五六七八九十百千]+)(?:余|多)?"
    r"(?P<u>家|个|项|名|位|批|层|倍|年|次|届|条|章|节|轮)?"
)
# a comparison anywhere in a clause ("超北京93家"); 超 before a figure is "over" (超60万家)
_COMPARISON = re.compile(r"较|比|距|赶超|超(?:过|越)?(?![\d.]|过\d)|少于|多于|than|behind|ahead of")
_FIRST = re.compile(r"首位|第一名|榜首")
# 图1, Table 2, Group 3, 百万级: labels and orders of magnitude, not figures
_LABEL_BEFORE = re.compile(r"(?:图|表|附件|group|figure|fig\.|table|chapter|section)\s*$")
_TAIL = 16  # characters after a figure that may name what it counts (3个专精特新企业)
_CLAUSE = re.compile(r"[，；;：:]|,(?!\d)")
_LIST_MARK = "、和与及,"


@dataclass(frozen=True)
class DocText:
    """What extraction needs of a document: its original text, kept segments and date."""

    doc_id: str
    text: str
    segments: tuple[tuple[int, int], ...]
    date: str = ""


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    folded: str  # Simplified, lower case, width-folded: same length as the original
    places: tuple[tuple[int, int, str], ...]  # (start, end, canonical) in sentence, subjects
    heading: bool


def fact_id(metric: str, place: str, value: int | float, unit: str) -> str:
    """Stable id of one fact: same normalised metric, place and value, in any script or
    language. The as-of date is left out on purpose: documents date one statistic
    differently (a statistics date in one, only a publication date in another), so
    dates are compared by :func:`~assistant.knowledge.factsheet.conflicts` instead."""
    key = "|".join([metric, place, canonical(float(value), unit == "%")])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _fold(text: str) -> str:
    simple = to_simplified(text)
    if len(simple) != len(text):  # a phrase conversion changed the length: keep the text
        simple = text
    return fold_width(simple).lower()


def _sentences(doc: DocText, places: Places) -> list[_Sentence]:
    context = places.mentioned(doc.text)
    found: list[_Sentence] = []
    for seg_start, seg_end in doc.segments:
        for start, end in split_sentences(doc.text, seg_start, seg_end):
            raw = doc.text[start:end]
            folded = _fold(raw)
            mentions = [_roll_up(places, folded, span) for span in places.spans(raw, context)]
            mentions += [(m.start(), m.end(), NATIONAL) for m in NATION.finditer(folded)]
            subjects = tuple(sorted(
                span for span in mentions
                if not _COMPARED.search(folded[max(0, span[0] - 4) : span[0]])
            ))
            found.append(_Sentence(start, end, folded, subjects, is_heading_like(raw)))
    return found


def _roll_up(places: Places, folded: str, span: tuple[int, int, str]) -> tuple[int, int, str]:
    """A district named in a list (海淀区、经开区; 朝阳、昌平两区) stands for its city."""
    start, end, name = span
    place = places.get(name)
    if place is None or place.level != "district":
        return span
    after = folded[end : end + 2].lstrip("区县")
    listed = folded[start - 1 : start] in _LIST_MARK or after[:1] in _LIST_MARK
    parent = places.parent(name)
    return (start, end, parent) if listed and parent else span


def _figures(folded: str) -> list[tuple[Figure, bool]]:
    """Figures of a sentence with whether each is a rank (第二, 首位)."""
    figures = [
        (f, False) for f in find_figures(folded)
        if not is_date_part(folded, f) and folded[f.end : f.end + 1] != "级"
        and not _LABEL_BEFORE.search(folded[max(0, f.start - 8) : f.start])
    ]
    taken = [(f.start, f.end) for f, _ in figures]
    for m in _CN_SMALL.finditer(folded):
        if any(s < m.end() and m.start() < e for s, e in taken) or (
            m["n"] == "一" and not m["pre"]) or not (m["u"] or m["pre"] == "第"):
            continue
        value = _cn_number(m["n"])
        if value:
            span = m.start("n"), m.end("n")
            fig = Figure(folded[span[0] : span[1]], span[0], span[1], value, False)
            if not (m["pre"] == "第" and m["u"] and m["u"] != "名"):  # 第七批 is a name
                figures.append((fig, m["pre"] == "第"))
    for m in _FIRST.finditer(folded):
        figures.append((Figure(m.group(0), m.start(), m.end(), 1.0, False), True))
    return sorted(figures, key=lambda f: f[0].start)


def _cn_number(numeral: str) -> float | None:
    import cn2an  # deferred: its import reads a config file

    try:
        return float(cn2an.cn2an(numeral.replace("两", "二"), "normal"))
    except (ValueError, KeyError, IndexError):
        return None


def _clause(folded: str, pos: int) -> tuple[int, int]:
    """Bounds of the clause (between commas or semicolons) around ``pos``."""
    starts = [m.end() for m in _CLAUSE.finditer(folded, 0, pos)]
    end = _CLAUSE.search(folded, pos)
    return (starts[-1] if starts else 0), (end.start() if end else len(folded))


def extract_figures(doc: DocText, places: Places, metrics: Metrics) -> list[FactRecord]:
    """Every figure of ``doc`` as a record (quotes are sentences of ``doc.text``)."""
    sentences = _sentences(doc, places)
    counts = Counter(name for s in sentences for _, _, name in s.places)
    dominant = counts.most_common(1)[0][0] if counts else NATIONAL
    records: list[FactRecord] = []
    heading_place: str | None = None
    recent: str | None = None
    last_label: str | None = None  # a figure without a metric word continues the last one
    for sent in sentences:
        if sent.heading:
            heading_place = sent.places[0][2] if sent.places else heading_place
            recent = last_label = None
        figures = _figures(sent.folded)
        listed: FactRecord | None = None  # the sentence's last figure with a kind of its own
        for i, (fig, rank) in enumerate(figures):
            lo = figures[i - 1][0].end if i else 0
            hi = figures[i + 1][0].start if i + 1 < len(figures) else len(sent.folded)
            before = [name for pos, _, name in sent.places if pos <= fig.start]
            after = [name for pos, _, name in sent.places if pos > fig.start]
            place = (before[-1:] or after[:1] or [recent or heading_place or dominant])[0]
            record = _record(doc, sent, (fig, rank, lo, hi), place, (metrics, last_label))
            last_label = record.metric if metrics.known(record.metric) else last_label
            if i and record.kind == "other" and listed is not None:
                record = _listed(record, listed, sent, fig)
            listed = record if not i or record.kind != "other" else listed
            records.append(record)
        if sent.places and not sent.heading and len({n for _, _, n in sent.places}) < 3:
            recent = sent.places[-1][2]
    return records


_LISTED_KINDS = frozenset({"stock", "increment", "target"})


def _listed(record: FactRecord, before: FactRecord, sent: _Sentence, fig: Figure) -> FactRecord:
    """A figure listed after another of its sentence under one verb ("累计培育A超60万家,
    B超14.1万家, C1.46万家") counts the same way: it takes the earlier one's kind when its
    clause has no cue word (its kind is other), names no place of its own (超北京93家 is
    a comparison) and does not count a part of its subject's group."""
    lo, hi = _clause(sent.folded, fig.start)
    if (before.kind not in _LISTED_KINDS or before.unit != record.unit
            or any(lo <= pos < hi for pos, _, _ in sent.places)
            or _COMPARISON.search(sent.folded, lo, hi)
            or counts_a_part(sent.folded[lo:hi], fig.start - lo)):
        return record
    return record.model_copy(update={"kind": before.kind})


_MONEY_LABELS = frozenset({"funding", "revenue"})


def _money_label(metrics: Metrics, clause: str) -> str:
    """The money metric a clause names (revenue when it says so), else funding."""
    for label in ("revenue", "funding"):
        metric = next((m for m in metrics.metrics if m.label == label), None)
        if metric is not None and any(p.search(clause) for p in metric.patterns):
            return label
    return "funding"


def _before_document(stated: str | None, date: str) -> bool:
    """Whether a figure's stated year lies before the document's (a plan's year, 到2023年,
    told in 2025 is history, not a target)."""
    return bool(stated and date and stated[:4].isdigit() and date[:4].isdigit()
                and int(stated[:4]) < int(date[:4]))


def _record(
    doc: DocText, sent: _Sentence, found: tuple[Figure, bool, int, int], place: str,
    labels: tuple[Metrics, str | None],
) -> FactRecord:
    """The record of one figure; ``found`` is (figure, is rank, window start, window end):
    the window reaches to the neighbouring figures, so each names its own metric."""
    fig, rank, lo, hi = found
    clause_lo, clause_hi = _clause(sent.folded, fig.start)
    clause = sent.folded[clause_lo:clause_hi]
    window = sent.folded[max(lo, clause_lo) : min(hi, clause_hi)]
    unit = unit_of(sent.folded, fig)
    metrics, previous = labels
    label = (metrics.label(window) or metrics.label(clause) or metrics.label(sent.folded)
             or previous)
    if unit == "yuan" and label not in _MONEY_LABELS:  # "60亿元…小巨人": a sum, not a count
        label = _money_label(metrics, clause)
    metric = label or clause.strip()[:40]
    stated = as_of_in(sent.folded, fig.start)
    as_of = stated or (f"{doc.date}{DOC_DATE}" if doc.date else "")
    if label == "funding" and not unit:
        unit = "yuan"
    tail = sent.folded[fig.end : fig.end + _TAIL]
    kind = kind_of(clause, unit, rank, fig.start - clause_lo, tail)
    if kind == "target" and _before_document(stated, doc.date):  # "到2023年超越上海": done
        kind = "other"
    value = value_of(fig, unit)
    return FactRecord(
        fact_id=fact_id(metric, place, value, unit),
        metric=metric, place=place, as_of=as_of, kind=kind,  # type: ignore[arg-type]
        value=value, unit=unit, doc_id=doc.doc_id, start=sent.start, end=sent.end,
        quote=doc.text[sent.start : sent.end],
    )
