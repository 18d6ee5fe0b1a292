"""Domain knowledge from data files: the glossary, the named-entity table and the places.

Both are editable YAML whose paths are in :class:`~assistant.config.Settings`;
:func:`load_knowledge` reads them once and builds the tokenizer that knows their terms.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assistant.config import Settings
from assistant.knowledge.entities import Gazetteer, build_gazetteer, read_entity_rows
from assistant.knowledge.figure_rules import Metrics, load_metrics
from assistant.knowledge.glossary import Glossary, build_glossary, read_rows, zh_terms
from assistant.knowledge.places import Places, load_places, read_stoplist
from assistant.text.normalize import Tokenizer

__all__ = [
    "Knowledge", "Metrics", "Places", "knowledge_signature", "load_knowledge", "places_of",
]


@dataclass(frozen=True)
class Knowledge:
    """The tokenizer, glossary, gazetteer, open-world places and figure metrics every
    stage shares."""

    tokenizer: Tokenizer
    glossary: Glossary
    gazetteer: Gazetteer
    places: Places
    metrics: Metrics

    def place_names(self, text: str, context: frozenset[str] = frozenset()) -> frozenset[str]:
        """Places and named entities ``text`` mentions: the open-world division table
        (every province, city, district) and the entity table (markets, bodies).
        ``context``: places named around the text, which license bare district names
        (通州 counts after 北京 has been named)."""
        return self.gazetteer.mentioned(text) | self.places.mentioned(text, context)

    def naming_test(self, query: str) -> Callable[[str], bool] | None:
        """A test of whether a text names every place ``query`` names, by any of its names
        (None when the query names no place); substring checks, cheap per passage."""
        asked = self.places.mentioned(query)
        if not asked:
            return None
        forms = [self.places.aliases(p) or (p,) for p in asked]

        def names_all(text: str) -> bool:
            folded = text.lower()
            return all(any(a in folded for a in names) for names in forms)

        return names_all


def load_knowledge(settings: Settings) -> Knowledge:
    """Read the glossary and entity files named in ``settings``.

    Entity names join the glossary as entries (so "Nanshan" finds 南山), and every
    Chinese term of both is taught to the tokenizer's segmenter.
    """
    glossary_rows = read_rows(settings.glossary_path)
    # a short form the place stop list calls a common word (朝阳: "sunrise") is no term
    # of the glossary or the segmenter, and names an entity only where the text lists it
    # with other places ("朝阳、昌平两区"); its full form (朝阳区) always does
    ambiguous = frozenset(read_stoplist(settings.place_stoplist_path))
    all_rows = read_entity_rows(settings.entities_path)
    entity_rows = tuple(
        (kind, {**row, "zh": [n for n in row.get("zh", []) if n not in ambiguous]})
        for kind, row in all_rows
    )
    entity_entries = [row for _, row in entity_rows]
    tokenizer = Tokenizer(
        [*zh_terms(glossary_rows, settings.glossary_path),
         *zh_terms(entity_entries, settings.entities_path)]
    )
    glossary = build_glossary(
        [*glossary_rows, *entity_entries], tokenizer, settings.glossary_path
    )
    places = places_of(settings)
    metrics = load_metrics(settings.metrics_path)
    return Knowledge(
        tokenizer, glossary, build_gazetteer(all_rows, ambiguous), places, metrics
    )


def places_of(settings: Settings) -> Places:
    """The division table ``settings`` names, with its supplement, English names and stop
    list."""
    return load_places(settings.places_path, settings.place_stoplist_path,
                       settings.places_supplement_path, settings.places_english_path)


def knowledge_signature(settings: Settings) -> str:
    """A digest of everything :func:`load_knowledge` depends on: the data files named in
    ``settings`` and the code that reads them (this package and ``text/``), so a saved
    :class:`Knowledge` is reused only while both are unchanged."""
    here = Path(__file__).parent
    code = sorted(here.glob("*.py")) + sorted((here.parent / "text").glob("*.py"))
    digest = hashlib.sha1(b"knowledge-1")
    for path in (settings.glossary_path, settings.entities_path, settings.places_path,
                 settings.places_supplement_path, settings.place_stoplist_path,
                 settings.places_english_path,
                 settings.metrics_path, *code):
        digest.update(str(path).encode())
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()
