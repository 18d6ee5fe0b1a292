"""Whose figures a clause after a semicolon gives: those of the place the clause before
it names.

"深圳市…发挥深交所创业板主场优势，数量达42家；上交所科创板35家，…港交所主板5家" — the
clause after the semicolon names no place: it goes on about Shenzhen, whatever city the
passage's earlier sentences (its context) named. It does not answer a question about
Beijing. Chunks overlap: where a copy of the clause opens a chunk, the clause before it
is in the other chunk only, whose reading holds for both copies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from assistant.answering.selection import Candidate

__all__ = ["SUBJECT", "other_subject", "same_subject", "subject_after"]

SUBJECT = "subject"  # the anchor a clause continuing about other places lacks


def other_subject(
    asked: frozenset[str], subject: frozenset[str], own: frozenset[str]
) -> bool:
    """Whether a clause naming no place of its own (``own``) continues one about other
    places (``subject``) than the ``asked`` ones."""
    return bool(asked) and bool(subject) and not own and not subject & asked


def subject_after(
    subject: frozenset[str], own: frozenset[str], semicolon: bool
) -> frozenset[str]:
    """The places the next clause continues about: this one's (or, naming none, those it
    continues about itself) when it ends in a semicolon, else none."""
    return (own or subject) if semicolon else frozenset()


def same_subject(cands: Sequence[Candidate]) -> list[Candidate]:
    """The candidates with a clause continuing about other places marked so in every copy
    of it (a copy opening an overlapping chunk has lost the clause before it)."""
    other = {c.text for c in cands if SUBJECT in c.anchors.missing}
    return [
        replace(c, anchors=replace(c.anchors, missing=(*c.anchors.missing, SUBJECT)))
        if c.text in other and SUBJECT not in c.anchors.missing else c
        for c in cands
    ]
