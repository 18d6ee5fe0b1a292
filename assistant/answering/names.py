"""Names in a question: places it names as places, not as part of an institution's
name, and names no document mentions.

"The Shenzhen Stock Exchange" and "上海证券交易所" name a market, not the city: a question
about firms listed there asks nothing about where the firms are, so the city is no anchor
a quoted sentence must name ("北京…深交所创业板23家" answers it). The institution itself
stays an anchor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from assistant.knowledge.dictionary import Bridge
from assistant.knowledge.entities import Gazetteer
from assistant.knowledge.glossary import Glossary

__all__ = ["places_outside_names", "unknown_names"]


def places_outside_names(
    text: str, gazetteer: Gazetteer, finder: Callable[[str], frozenset[str]]
) -> frozenset[str]:
    """The places ``finder`` sees in ``text`` once the names of markets and organisations
    are blanked out, and those institutions' own keys."""
    chars = list(text)
    institutions: set[str] = set()
    for start, end, entity in gazetteer.spans(text):
        if entity.kind != "place":
            chars[start:end] = " " * (end - start)
            institutions.add(entity.key)
    return finder("".join(chars)) | institutions


# A name in an English question: a lone capitalised word that does not start the
# question (Paris, Hangzhou, Huawei) or an acronym. A run of capitalised words ("Yangtze
# River Delta") is a multi-word name the corpus may say otherwise: not judged here.
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")
# Calendar words are capitalised in English without naming anything.
_CALENDAR = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday",
})


def _lone_names(text: str) -> list[str]:
    out = []
    for m in _CAPITALISED_RUN.finditer(text):
        name = m.group(0)
        if m.start() == 0 or " " in name or name in _CALENDAR or not text[m.start() - 1].isspace():
            continue
        out.append(name.removesuffix("'s").rstrip("'"))
    return out


def unknown_names(
    text: str, glossary: Glossary, vocabulary: Collection[str], bridge: Bridge | None,
    places: Callable[[str], frozenset[str]] | None,
) -> tuple[str, ...]:
    """Names the question uses that the corpus (``vocabulary``: its words) never mentions
    in any language: not as a word, not through the glossary, the dictionary or the place
    tables. A question about Paris or Huawei is not answered by a passage about Beijing."""
    tokenizer = glossary.tokenizer
    out: list[str] = []
    for name in _lone_names(text):
        tokens = tokenizer.tokenize(name, bigrams=False)
        if not tokens or any(t in vocabulary for t in tokens) or glossary.match(name):
            continue
        if bridge is not None and any(bridge.forms(t) for t in tokens):
            continue
        if places is not None and places(name):
            continue
        out.append(name)
    return tuple(out)
