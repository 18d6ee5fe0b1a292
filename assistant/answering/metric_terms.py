"""Whether a sentence names what a question measures or asks about (its metric phrase:
"the combined revenue of…", "重视达到了怎样的高度"), in either language.

A how-much question is answered by a figure of the metric it names, not by another figure
of the same place; a word for a sum, a share or a target is named by the figure itself.
"""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.answering.figure_kinds import said_by_figure
from assistant.answering.question import Question
from assistant.answering.selection import Candidate
from assistant.answering.targets import names_target, states_plan
from assistant.text.lang import other_script

__all__ = ["METRIC_MIN", "cross_language", "metric_share", "naming_metric", "said_otherwise"]

METRIC_MIN = 0.5  # share of a how-much question's metric the quoted sentence must name


def metric_share(q: Question, tokens: frozenset[str], sentence: str) -> float:
    """Weighted share of the question's metric concepts that ``tokens`` (or, for a sum, a
    share, a target, ``sentence``) express: what is measured must be named, in any language."""
    total = sum(c.weight for c in q.metric)
    said = sum(c.weight for c in q.metric
               if c.covered(tokens) or said_otherwise(c.forms, sentence))
    return said / total if total else 1.0


def said_otherwise(forms: tuple[frozenset[str], ...], sentence: str) -> bool:
    """A word for a sum, a share or a target that ``sentence`` states by its figure or
    by setting a target, without the word."""
    return said_by_figure(forms, sentence) or (names_target(forms) and states_plan(sentence))


def cross_language(q: Question, doc: Document) -> bool:
    """Whether the question is English and the passage Chinese, or the other way round."""
    return other_script(q.text, doc.page_content)


def naming_metric(q: Question, cands: list[Candidate]) -> list[Candidate]:
    """The candidates naming the question's metric (:data:`METRIC_MIN`). When none does
    and the question asks no figure, the other language's sentences stay: its words for
    what is asked ("重视达到了怎样的高度": "unprecedented attention") are no dictionary's."""
    kept = [c for c in cands if c.metric >= METRIC_MIN or q.ordinal]
    if kept or q.wants_number or q.wants_share or q.wants_year:
        return kept
    return [c for c in cands if cross_language(q, c.doc)]
