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


_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z0-9'-]*")


def _lone_names(text: str) -> list[str]:
    """Lone capitalised words after a space (not the first word), and in a Chinese
    question any Latin word of two letters or more set in the Chinese (深圳市GDP, IPO)."""
    chinese = bool(_HAN.search(text))
    out = []
    for m in _CAPITALISED_RUN.finditer(text):
        if " " in m.group(0):
            continue  # a multi-word name
        name = _LATIN.match(m.group(0))[0]  # type: ignore[index]  # "GDP是多少": GDP
        before = text[m.start() - 1] if m.start() else ""
        in_chinese = chinese and not before.isascii() and len(name) > 1
        if name in _CALENDAR or not (in_chinese or before.isspace()):
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
