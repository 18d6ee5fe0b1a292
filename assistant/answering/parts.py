"""Questions that ask two things ("Which minister spoke…, and how many SMEs…?",
"有效期多长？这份通知是哪天发的？"): each part gets a quoted sentence that covers it.

The quotes chosen for the whole question often cover one part well and the other not at
all; for each part, the sentence that covers it best is added when no chosen quote
covers it as well.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from assistant.answering.question import Concept, Question
from assistant.text.normalize import Tokenizer

__all__ = ["cover_parts", "question_parts"]

_SPLIT = re.compile(
    r",\s*and\s+|;\s*|\?\s+(?=\S)|？(?=\S)|；|，(?=[^，]*(?:哪|什么|什麼|多少|几|幾|谁|誰|何))"
)
_ASKS = re.compile(
    r"\b(?:who|what|which|when|where|how|why)\b"
    r"|哪|什么|什麼|多[少长長久大高远遠]|几|幾|谁|誰|何|吗|嗎",
    re.I,
)


def question_parts(text: str) -> list[str]:
    """The parts of a question that asks two or more things (one part when it asks one)."""
    parts = [p.strip() for p in _SPLIT.split(text) if p.strip()]
    asking = [p for p in parts if _ASKS.search(p)]
    return asking if len(asking) > 1 else [text]


class Quoted(Protocol):
    """A candidate sentence (see ``extract.Candidate``)."""

    @property
    def text(self) -> str: ...


# "Which minister…", "哪位部长…": the thing asked for, which the answer must name
_ASKED = re.compile(
    r"\b(?:which|what)\s+([a-z][\w-]*)|哪(?:个|個|位|家|些)?([\u4e00-\u9fff]{2})", re.I
)


def _part_concepts(
    q: Question, part: str, tokenizer: Tokenizer
) -> list[tuple[Concept, float]]:
    """The concepts of ``q`` that ``part`` names, each with its weight (tripled for the
    thing the part asks for)."""
    words = set(tokenizer.tokenize(part, bigrams=False))
    m = _ASKED.search(part)
    asked = set(tokenizer.tokenize(m.group(1) or m.group(2), bigrams=False)) if m else set()
    return [
        (c, c.weight * (3 if any(form & asked for form in c.forms) else 1))
        for c in q.concepts if c.in_corpus and any(form & words for form in c.forms)
    ]


def _covers(concepts: Sequence[tuple[Concept, float]], words: frozenset[str]) -> float:
    total = sum(w for _, w in concepts)
    return sum(w for c, w in concepts if c.covered(words)) / total if total else 0.0


C = TypeVar("C", bound=Quoted)


def cover_parts(
    q: Question, chosen: list[C], pool: Sequence[C], tokenizer: Tokenizer, most: int = 3
) -> list[C]:
    """``chosen`` plus, for each part of ``q`` that no chosen sentence covers as well as
    the best sentence of ``pool`` does, that sentence (at most ``most`` quotes)."""
    parts = question_parts(q.text)
    if len(parts) < 2:
        return chosen
    out = list(chosen)
    words = {id(c): frozenset(tokenizer.tokenize(c.text, bigrams=False)) for c in pool}
    for c in out:
        words.setdefault(id(c), frozenset(tokenizer.tokenize(c.text, bigrams=False)))
    for part in parts:
        concepts = _part_concepts(q, part, tokenizer)
        if not concepts or len(out) >= most:
            continue
        best = max(pool, key=lambda c: _covers(concepts, words[id(c)]), default=None)
        have = max((_covers(concepts, words[id(c)]) for c in out), default=0.0)
        better = best is not None and _covers(concepts, words[id(best)]) > have + 0.1
        if best is not None and better and all(best.text != c.text for c in out):
            out.append(best)
    return out
