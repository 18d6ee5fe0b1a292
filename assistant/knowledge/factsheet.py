"""Queries over the figures sheet: filter, look up a figure, find conflicting figures."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.knowledge.figures import DOC_DATE
from assistant.schema import FactRecord

__all__ = ["FactSheet", "conflicts", "filter_records", "lookup", "year_of"]


def year_of(record: FactRecord) -> int | None:
    """The year of a record's as-of date (stated or document date), None when unknown."""
    head = record.as_of[:4]
    return int(head) if head.isdigit() else None


def _stated(record: FactRecord) -> bool:
    return bool(record.as_of) and not record.as_of.endswith(DOC_DATE)


def filter_records(
    records: Iterable[FactRecord], place: str | None = None, metric: str | None = None
) -> list[FactRecord]:
    """Records of ``place`` (exact canonical name, or English/other case) whose metric
    contains ``metric`` (case-insensitive)."""
    wanted_place = place.strip().lower() if place else None
    wanted_metric = metric.strip().lower() if metric else None
    return [
        r for r in records
        if (not wanted_place or r.place.lower() == wanted_place)
        and (not wanted_metric or wanted_metric in r.metric.lower())
    ]


def lookup(
    records: Iterable[FactRecord],
    place: str,
    metric: str,
    kind: str | None = None,
    year: int | None = None,
) -> list[FactRecord]:
    """Records answering "``metric`` of ``place`` (``kind``, ``year``)", best first.

    ``place`` is a canonical place name (全国 for China), ``metric`` a normalised label
    (exact, e.g. "national little giants"). Best first: latest stated as-of date, then
    latest document date. With ``year``, only records of that year; an empty list then
    means the caller should say which years the sheet does have (``lookup`` without it).
    """
    found = [
        r for r in records
        if r.place == place and r.metric == metric
        and (kind is None or r.kind == kind)
        and (year is None or year_of(r) == year)
    ]
    return sorted(found, key=lambda r: (_stated(r), r.as_of), reverse=True)


def _conflict_key(record: FactRecord) -> tuple[str, ...]:
    return (record.metric, record.place, record.as_of, record.kind, record.unit)


def conflicts(records: Iterable[FactRecord]) -> list[list[FactRecord]]:
    """Groups of records with the same metric, place, stated as-of date, kind and unit but
    different values (figures a reader should check against each other)."""
    groups: dict[tuple[str, ...], list[FactRecord]] = defaultdict(list)
    for r in records:
        if _stated(r):
            groups[_conflict_key(r)].append(r)
    return [g for g in groups.values() if len({r.value for r in g}) > 1]


@dataclass(frozen=True)
class FactSheet:
    """The figures sheet indexed once per index generation, so that answering a question
    looks up the records it needs instead of reading the whole sheet: records by
    document, by (metric, place), and the conflicting groups (:func:`conflicts`) in order."""

    records: tuple[FactRecord, ...]
    by_doc: dict[str, list[FactRecord]]
    by_subject: dict[tuple[str, str], list[FactRecord]]
    groups: dict[tuple[str, ...], tuple[int, list[FactRecord]]]

    @classmethod
    def of(cls, records: Sequence[FactRecord]) -> FactSheet:
        """Index ``records`` (the sheet's order is kept within every list)."""
        by_doc: dict[str, list[FactRecord]] = defaultdict(list)
        by_subject: dict[tuple[str, str], list[FactRecord]] = defaultdict(list)
        for r in records:
            by_doc[r.doc_id].append(r)
            by_subject[(r.metric, r.place)].append(r)
        groups = {_conflict_key(g[0]): (n, g) for n, g in enumerate(conflicts(records))}
        return cls(tuple(records), dict(by_doc), dict(by_subject), groups)

    def of_doc(self, doc_id: str) -> list[FactRecord]:
        """The records of one document, in sheet order."""
        return self.by_doc.get(doc_id, [])

    def about(self, metric: str, place: str) -> list[FactRecord]:
        """The records of one metric and place, in sheet order."""
        return self.by_subject.get((metric, place), [])

    def conflict_group(self, record: FactRecord) -> tuple[int, list[FactRecord]] | None:
        """The position and members of the conflicting group holding ``record`` (a record
        of this sheet), None when no other record contradicts it."""
        if not _stated(record):
            return None
        return self.groups.get(_conflict_key(record))
