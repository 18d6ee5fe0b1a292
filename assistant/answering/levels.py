"""The tier a text speaks of: national (国家级), provincial (省级) or municipal (市级).

"What do first-time *provincial* SRDI firms get?" is not answered by the award for
*national* little giants, however many words the two sentences share: a sentence naming
only other tiers than the question speaks of another programme (an anchor it lacks,
like another year or place).
"""

from __future__ import annotations

import re

from assistant.answering.question import Concept
from assistant.text.normalize import fold, without_ruby

__all__ = ["kinds_of", "levels_of", "names_kind", "names_tier", "other_kind", "other_tier"]

_LEVELS = {
    "national": re.compile(
        r"国家级|国家(?=专精|[“\"「]?小巨人|制造业|[“\"「]?单项冠军)|\bnational[- ]level\b"
        r"|\bnational(?=\s+(?:srdi|[\"“]?little giant|specialized|manufacturing"
        r"|single[- ]champion))",
        re.I),
    "provincial": re.compile(r"省级|\bprovincial(?:[- ]level)?\b", re.I),
    "municipal": re.compile(r"市级|\bmunicipal(?:[- ]level)?\b|\bcity[- ]level\b", re.I),
}


def levels_of(text: str) -> frozenset[str]:
    """The tiers ``text`` names (read without a web page's ruby readings: 國(guó)家級(jí))."""
    folded = fold(without_ruby(text))
    return frozenset(name for name, pattern in _LEVELS.items() if pattern.search(folded))


def other_tier(asked: frozenset[str], sentence: str) -> bool:
    """Whether ``sentence`` names tiers, none of them ``asked``."""
    if not asked:
        return False
    named = levels_of(sentence)
    return bool(named) and not named & asked


# The rungs of the SRDI ladder a figure counts: innovative SMEs, SRDI SMEs, little giants,
# single champions. "专精特新“小巨人”" names little giants only; 专精特新 otherwise (专精特新企业,
# 省级“专精特新”, SRDI SMEs) names the rung below.
_KINDS = {
    "little giant": re.compile(r"小巨人|\blittle[- ]giants?\b", re.I),
    "srdi sme": re.compile(
        r"专精特新(?![”\"」“「\s]*小巨人)"
        r"|\bsrdi (?:smes?|small and medium|enterprises|firms|companies)\b"
        # "specialized and innovative SMEs", "specialized, refined… enterprises"
        r"|\bspeciali[sz]ed(?:(?!little|giant)[\w ,-]){0,50}?"
        r"\b(?:smes?|small and medium|enterprises|firms|companies)\b", re.I),
    "innovative sme": re.compile(r"创新型中小企业|\binnovative smes?\b", re.I),
    "single champion": re.compile(r"单项冠军|\bsingle[- ]champions?\b", re.I),
}


def kinds_of(text: str) -> frozenset[str]:
    """The rungs of the SRDI ladder ``text`` names (see ``_KINDS``)."""
    folded = fold(without_ruby(text))
    return frozenset(name for name, pattern in _KINDS.items() if pattern.search(folded))


def other_kind(asked: frozenset[str], sentence: str) -> bool:
    """Whether ``sentence`` counts other rungs than the question asks about: a loan
    balance of SRDI SMEs is not one of little giants."""
    if not asked:
        return False
    named = kinds_of(sentence)
    return bool(named) and not named & asked


def names_kind(concept: Concept) -> bool:
    """Whether a question's concept is a rung of the SRDI ladder (专精特新中小企业)."""
    return any(kinds_of("".join(sorted(form))) for form in concept.forms)


def names_tier(concept: Concept) -> bool:
    """Whether a question's concept is a tier (国家级): an anchor checked by
    :func:`other_tier`, not a word an answer must repeat ("国家专精特新小巨人" says it)."""
    return any(levels_of("".join(sorted(form))) for form in concept.forms)

