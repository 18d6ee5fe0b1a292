"""Names in a question that no document mentions (Paris, Huawei)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from assistant.knowledge.dictionary import Bridge
from assistant.knowledge.glossary import Glossary

__all__ = ["unknown_names"]


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
