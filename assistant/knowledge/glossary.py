"""Bilingual domain glossary (Chinese ↔ English) and query expansion.

The glossary is editable data (``knowledge/data/glossary.yaml``, path in Settings):
entries of synonymous Chinese and English terms. :func:`expansion_terms` /
:func:`expand_query` add, for every term a query mentions, the other terms of
its entry, so an English question finds Chinese passages (``Beijing Stock
Exchange`` → ``北交所``) and vice versa; :func:`translations` gives only the
other-language terms (for the dense channel).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant.knowledge.yamlfile import safe_load
from assistant.text.lang import HAN_CLASS
from assistant.text.normalize import Tokenizer, fold

__all__ = [
    "Entry",
    "Glossary",
    "GlossaryError",
    "Match",
    "build_glossary",
    "expand_query",
    "expansion_terms",
    "read_rows",
    "translations",
]

log = logging.getLogger(__name__)

_HAN = re.compile(f"[{HAN_CLASS}]")


class GlossaryError(ValueError):
    """The glossary file is missing or malformed (the message says where)."""


@dataclass(frozen=True)
class Entry:
    """One concept: Chinese terms (folded to Simplified) and English terms."""

    zh: tuple[str, ...]
    en: tuple[str, ...]
    en_phrases: tuple[tuple[str, ...], ...] = field(default=(), repr=False, compare=False)


@dataclass(frozen=True)
class Match:
    """An entry a query mentions, and in which language(s) it was mentioned."""

    entry: Entry
    via_zh: bool
    via_en: bool


@dataclass(frozen=True)
class Glossary:
    """A loaded glossary; :meth:`match` finds the entries a text mentions."""

    entries: tuple[Entry, ...]
    tokenizer: Tokenizer = field(repr=False, compare=False)
    # memo: a question is matched by each lexical pass and again by its analysis
    _seen: dict[str, tuple[Match, ...]] = field(default_factory=dict, compare=False, repr=False)

    def match(self, text: str) -> list[Match]:
        """Entries whose Chinese terms occur in ``text`` or whose English phrases do
        (memoised per text)."""
        found = self._seen.get(text)
        if found is None:
            if len(self._seen) > 10_000:
                self._seen.clear()
            found = self._seen[text] = tuple(self._scan(text))
        return list(found)

    def _scan(self, text: str) -> list[Match]:
        folded = fold(text)
        han_words = set(self.tokenizer.words(text)) if _HAN.search(folded) else set()
        en_seq = tuple(self.tokenizer.en_words(text))
        found: list[Match] = []
        for entry in self.entries:
            via_zh = any(_zh_hit(t, folded, han_words) for t in entry.zh)
            via_en = any(_contains(en_seq, p) for p in entry.en_phrases)
            if via_zh or via_en:
                found.append(Match(entry, via_zh, via_en))
        return found


def _zh_hit(term: str, folded: str, han_words: set[str]) -> bool:
    return term in han_words if len(term) == 1 else term in folded


def _contains(seq: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    if n == 0 or n > len(seq):
        return False
    first = phrase[0]
    return any(seq[i] == first and seq[i : i + n] == phrase for i in range(len(seq) - n + 1))


def expansion_terms(query: str, glossary: Glossary) -> list[str]:
    """All terms (both languages) of the entries ``query`` mentions, minus those it contains."""
    folded = fold(query)
    out: list[str] = []
    for m in glossary.match(query):
        for term in (*m.entry.zh, *m.entry.en):
            if fold(term) not in folded and term not in out:
                out.append(term)
    return out


def expand_query(query: str, glossary: Glossary) -> str:
    """``query`` followed by its :func:`expansion_terms` (a string for any retriever)."""
    extra = expansion_terms(query, glossary)
    return " ".join([query, *extra]) if extra else query


def translations(query: str, glossary: Glossary, per_entry: int = 2) -> list[str]:
    """Other-language terms for the terms ``query`` mentions (``per_entry`` per concept).

    A concept mentioned in Chinese yields its English terms and vice versa; one
    mentioned in both languages yields nothing.
    """
    out: list[str] = []
    for m in glossary.match(query):
        if m.via_zh == m.via_en:
            continue
        terms = m.entry.en if m.via_zh else m.entry.zh
        out.extend(t for t in terms[:per_entry] if t not in out)
    return out


def build_glossary(
    rows: Sequence[dict[str, Any]], tokenizer: Tokenizer, source: Path
) -> Glossary:
    """A glossary of ``{"zh": [...], "en": [...]}`` rows (``source`` names them in errors).

    ``tokenizer`` must already know the rows' Chinese terms (see
    :func:`assistant.knowledge.load_knowledge`), so matching cuts them as words.
    """
    entries: list[Entry] = []
    for raw in rows:
        zh = tuple(dict.fromkeys(fold(t) for t in _terms(raw, "zh", source)))
        en = tuple(_terms(raw, "en", source))
        if not zh and not en:
            log.warning("%s: skipping an empty glossary entry", source)
            continue
        phrases = {tuple(tokenizer.en_words(t)) for t in en}
        entries.append(Entry(zh, en, tuple(sorted(p for p in phrases if p))))
    return Glossary(tuple(entries), tokenizer)


def zh_terms(rows: Sequence[dict[str, Any]], source: Path) -> list[str]:
    """The Chinese terms of glossary rows, as written (for the segmenter's dictionary)."""
    return [t for raw in rows for t in _terms(raw, "zh", source)]


def read_rows(path: Path) -> tuple[dict[str, Any], ...]:
    """The entry rows of a glossary YAML file; raises :class:`GlossaryError`."""
    return _read(path)


def _read(path: Path) -> tuple[dict[str, Any], ...]:
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GlossaryError(f"cannot read glossary {path}: {exc}") from exc
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise GlossaryError(f"{path}: expected a mapping with a list of 'entries' mappings")
    return tuple(entries)


def _terms(raw: dict[str, Any], key: str, path: Path) -> list[str]:
    value = raw.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise GlossaryError(f"{path}: '{key}' must be a list of strings in entry {raw!r}")
    return [str(v).strip() for v in value if str(v).strip()]
