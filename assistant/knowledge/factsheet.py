"""Queries over the figures sheet: filter, look up a figure, find conflicting figures."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from assistant.knowledge.figures import DOC_DATE
from assistant.schema import FactRecord

__all__ = ["conflicts", "filter_records", "lookup", "year_of"]


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


def conflicts(records: Iterable[FactRecord]) -> list[list[FactRecord]]:
    """Groups of records with the same metric, place, stated as-of date, kind and unit but
    different values (figures a reader should check against each other)."""
    groups: dict[tuple[str, ...], list[FactRecord]] = defaultdict(list)
    for r in records:
        if _stated(r):
            groups[(r.metric, r.place, r.as_of, r.kind, r.unit)].append(r)
    return [g for g in groups.values() if len({r.value for r in g}) > 1]
