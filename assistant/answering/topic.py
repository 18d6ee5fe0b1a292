"""What a question asks about, beyond the places and the source that frame it.

A question whose every other word is unknown to the corpus asks about something the
documents do not discuss (:func:`off_topic`); the words naming the source it cites say
which document to read, not what a sentence answering it must repeat (:func:`as_said`).
"""

from __future__ import annotations

from dataclasses import replace

from assistant.answering.question import Question

__all__ = ["as_said", "off_topic"]


def off_topic(q: Question) -> bool:
    """Whether nothing the question asks about, beyond the places and the source it names,
    occurs in the corpus ("北京到上海坐高铁最快要多久？"): a sentence sharing a place or a
    dictionary sense with it ("today": "at present") answers nothing it asks."""
    framing = q.place_words | q.source_words
    asked = [c for c in q.concepts if not c.covered(framing)]
    return bool(asked) and not any(c.in_corpus for c in asked)


def as_said(q: Question) -> Question:
    """``q`` without the words of the source it cites ("Per the disruptive-innovation
    article, …"): they say which document, found by its title and passage; a sentence
    stating the answer need not repeat them."""
    if not q.source_words:
        return q
    kept = [c for c in q.concepts if not c.covered(q.source_words)]
    return replace(q, concepts=kept) if kept else q
