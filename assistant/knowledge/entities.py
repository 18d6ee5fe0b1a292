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


Starts = dict[str, tuple[tuple[re.Pattern[str], Entity], ...]]


@dataclass(frozen=True)
class Gazetteer:
    """All entities with one compiled pattern over every alias (longest first), and the
    same alternatives grouped by their first character (``starts``)."""

    entities: tuple[Entity, ...]
    pattern: re.Pattern[str]
    by_alias: dict[str, Entity]
    starts: Starts = field(default_factory=dict, compare=False, repr=False)
    lead: re.Pattern[str] = field(default=re.compile("(?!)"), compare=False, repr=False)
    _seen: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _kinds: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def spans(self, text: str) -> list[tuple[int, int, Entity]]:
        """Non-overlapping entity mentions in ``text`` (offsets into ``text``): what
        ``pattern.finditer`` finds, but only the aliases starting with a position's
        character are tried there (the one alternation tried every alias everywhere:
        most of the time a question spent on reading passages)."""
        folded = _fold(text)
        if len(folded) != len(text):  # OpenCC changed the length: match the raw text
            folded = text.lower()
        if not self.starts:
            return [(m.start(), m.end(), self.by_alias[m.group(0)])
                    for m in self.pattern.finditer(folded)]
        out: list[tuple[int, int, Entity]] = []
        lead = self.lead.search(folded)  # the next position where some alias could start
        while lead is not None:
            i = end = lead.start()
            for alias, entity in self.starts[folded[i]]:
                m = alias.match(folded, i)  # \b looks at folded[i - 1] too
                if m:
                    out.append((i, m.end(), entity))
                    end = m.end() - 1
                    break
            lead = self.lead.search(folded, end + 1)
        return out

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
        if not self._kinds:  # built on first use; the first entity of a key wins
            self._kinds.update((e.key, e.kind) for e in reversed(self.entities))
        return self._kinds.get(key, "")


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
    grouped: dict[str, list[tuple[re.Pattern[str], Entity]]] = {}
    for alias in aliases:  # longest first within each group, as in the alternation
        regex = re.compile(_alias_regex(alias, alias in listed))
        grouped.setdefault(alias[0], []).append((regex, by_alias[alias]))
    starts = {first: tuple(group) for first, group in grouped.items()}
    return Gazetteer(tuple(entities), pattern, by_alias, starts, _lead_pattern(aliases))


def _lead_pattern(aliases: Sequence[str]) -> re.Pattern[str]:
    """Where some alias could start: its first character, at a word start for an English
    alias that begins with a letter (its ``\\b``), anywhere for the others."""

    def chars(group: set[str]) -> str:
        return "[" + "".join(re.escape(c) for c in sorted(group)) + "]"

    bounded = [a.isascii() and re.match(r"\w", a) is not None for a in aliases]
    others = {a[0] for a, b in zip(aliases, bounded, strict=True) if not b}
    words = {a[0] for a, b in zip(aliases, bounded, strict=True) if b} - others
    parts = ([chars(others)] if others else []) + ([rf"\b{chars(words)}"] if words else [])
    return re.compile("|".join(parts) or "(?!)")
