"""Exchanges and boards a question names: their place words are no place anchors.

"How many of Beijing's listed little giants trade on the Shanghai STAR Market?" asks about
Beijing; "Shanghai" names the board (上交所科创板), and a sentence "上交所科创板35家" under a
Beijing heading answers it without naming Shanghai.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from assistant.answering.anchors import Anchors, anchors_of, ordinals_of
from assistant.knowledge.entities import Gazetteer
from assistant.text.normalize import blanked

__all__ = ["market_figure_missing", "markets_named", "question_anchors", "question_entities",
           "without_markets"]

# "the Shanghai STAR Market", "Shenzhen's ChiNext": a place word qualifying a board's name
_BOARD = re.compile(
    r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:'s)?\s+(?=(?:STAR Market|ChiNext|Main Board|SME Board"
    r"|Growth Enterprise Market|GEM)\b)"
)


def markets_named(text: str, gazetteer: Gazetteer) -> frozenset[str]:
    """The exchanges ``text`` names (gazetteer keys)."""
    return frozenset(e.key for _, _, e in gazetteer.spans(text) if e.kind == "market")


def market_figure_missing(
    asked: frozenset[str], own: frozenset[str], around: frozenset[str] = frozenset(),
    gazetteer: Gazetteer | None = None,
) -> bool:
    """Whether a sentence naming ``own`` entities gives no figure for the ``asked``
    exchanges: how many firms list on a board is said where the board is named, not by a
    sentence about listed firms in general under a heading naming boards. A sentence
    naming no exchange, in a document about the asked ones only (``around``: the places
    and bodies of its title and opening), speaks of them ("北交所正式开市。…71家精选层
    公司中…")."""
    if not asked or asked & own:
        return False
    if gazetteer is None:
        return True
    markets = {e for e in own | around if gazetteer.kind(e) == "market"}
    return not (asked <= around and markets <= asked)


_COMPARED_SIDE = re.compile(
    r"(?:和|与|與|跟|同)[^，,。？?；;]{1,12}?(?:相比|比较|比較|相较|相較)"
    r"|(?:相比|相较|相較)(?:于|於)[^，,。？?；;]{1,12}"
    r"|\bcompared (?:with|to)\b[^,.?;]{1,40}|\bthan\b[^,.?;]{1,40}",
    re.I,
)


def question_anchors(
    text: str, gazetteer: Gazetteer, places: Callable[[str], frozenset[str]]
) -> Anchors:
    """The anchors of a question (``places``: the place finder): the exchanges it names
    are anchors, the place words of their names are not."""
    markets = markets_named(text, gazetteer)
    plain = without_markets(text, gazetteer)
    anchors = anchors_of(plain, places)
    # batches on the other side of a comparison ("和前两批相比如何") are what the asked
    # figure is compared with, not whose figure it is
    ordinals = ordinals_of(_COMPARED_SIDE.sub(" ", plain))
    return replace(anchors, places=anchors.places | markets, ordinals=ordinals)


def question_entities(text: str, gazetteer: Gazetteer) -> frozenset[str]:
    """The entities a question names, less the place words of the boards it names."""
    return gazetteer.mentioned(without_markets(text, gazetteer)) | markets_named(text, gazetteer)


def without_markets(text: str, gazetteer: Gazetteer) -> str:
    """``text`` with the names of exchanges (the gazetteer's markets) and the place words
    of boards blanked out, offsets kept."""
    spans = [(s, e) for s, e, entity in gazetteer.spans(text) if entity.kind == "market"]
    return blanked(text, spans + [m.span() for m in _BOARD.finditer(text)])
