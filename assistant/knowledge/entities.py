"""Named entities (places, markets, organisations) from editable data.

An entity is a set of aliases in English and Chinese; Traditional text is
matched through script folding. Used to refuse questions about an entity no
passage mentions, and to swap the subject of follow-up questions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.knowledge.yamlfile import safe_load
from assistant.text.lang import to_simplified


@dataclass(frozen=True)
class Entity:
    """One real-world entity and all its names."""

    kind: str
    names: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.names[0]


@dataclass(frozen=True)
class Gazetteer:
    """All entities with one compiled pattern over every alias (longest first)."""

    entities: tuple[Entity, ...]
    pattern: re.Pattern[str]
    by_alias: dict[str, Entity]
    _seen: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def spans(self, text: str) -> list[tuple[int, int, Entity]]:
        """Non-overlapping entity mentions in ``text`` (offsets into ``text``)."""
        folded = _fold(text)
        if len(folded) != len(text):  # OpenCC changed the length: match the raw text
            folded = text.lower()
        return [
            (m.start(), m.end(), self.by_alias[m.group(0)]) for m in self.pattern.finditer(folded)
        ]

    def mentioned(self, text: str) -> frozenset[str]:
        """Keys of the entities ``text`` mentions (memoised: passages recur across questions)."""
        found = self._seen.get(text)
        if found is None:
            if len(self._seen) > 100_000:
                self._seen.clear()
            found = self._seen[text] = frozenset(e.key for _, _, e in self.spans(text))
        return found

    def kind(self, key: str) -> str:
        """The kind (place, market, org) of the entity with ``key`` ("" when unknown)."""
        return next((e.kind for e in self.entities if e.key == key), "")


def _fold(text: str) -> str:
    return to_simplified(text).lower()


# A Chinese name that is also a common word (朝阳 "sunrise", 朝阳产业) names the place only
# where the text lists it with other places or calls it a district: "朝阳、昌平两区",
# "海淀、朝阳", "朝阳区".
_LISTED_BEFORE = "(?<=、)"
_LISTED_AFTER = "(?=、|(?:两|兩|三|四|等)?[区區])"


def _alias_regex(alias: str, ambiguous: bool = False) -> str:
    body = re.escape(alias)
    if alias.isascii():
        return rf"\b{body}\b"
    return f"{_LISTED_BEFORE}{body}|{body}{_LISTED_AFTER}" if ambiguous else body


def read_entity_rows(path: Path) -> tuple[tuple[str, dict[str, Any]], ...]:
    """``(kind, row)`` for every entity row of the table at ``path``."""
    data = safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple((str(kind), dict(row)) for kind, rows in data.items() for row in rows or [])


def build_gazetteer(
    rows: Sequence[tuple[str, dict[str, Any]]], ambiguous: frozenset[str] = frozenset()
) -> Gazetteer:
    """The entity table with its alias pattern; an ``ambiguous`` Chinese alias (a common
    word) matches only where the text lists it with other places or calls it a district."""
    entities: list[Entity] = []
    by_alias: dict[str, Entity] = {}
    for kind, row in rows:
        names = tuple(str(n) for n in [*row.get("en", []), *row.get("zh", [])])
        entity = Entity(kind=kind, names=names)
        entities.append(entity)
        for name in names:
            by_alias[_fold(name)] = entity
    aliases = sorted(by_alias, key=len, reverse=True)
    listed = {_fold(a) for a in ambiguous}
    pattern = re.compile("|".join(_alias_regex(a, a in listed) for a in aliases))
    return Gazetteer(tuple(entities), pattern, by_alias)
