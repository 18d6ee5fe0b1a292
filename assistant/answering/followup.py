"""Rule-based follow-up resolution for the extractive mode.

"那深圳呢？" after "北京有多少家小巨人企业？" becomes "深圳有多少家小巨人企业？":
an elliptical question inherits the previous question; when both name an
entity (a place, a market, an organisation), the new one replaces the old one,
otherwise the new words are added to the previous question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.framing import without_answer_form
from assistant.knowledge.entities import Gazetteer
from assistant.text.lang import is_chinese

_MARKERS = re.compile(
    r"^\s*(and|what about|how about|also|then|same for|what of)\b"
    r"|^\s*(那|那么|那麼|还有|還有|另外|以及)"
    r"|(呢)\s*[?？]?\s*$",
    re.I,
)
_ANAPHORA = re.compile(r"\b(it|its|they|them|their)\b|它|其|他们|他們", re.I)
_FILLER = re.compile(
    r"^\s*(and|what about|how about|also|then|same for|what of)\s+(the\s+)?"
    r"|^\s*(那么|那麼|那|还有|還有|另外|以及)"
    r"|(呢)?\s*[?？。.!！]*\s*$",
    re.I,
)


def _length(question: str) -> int:
    return len(question.strip()) if is_chinese(question) else len(question.split())


def is_follow_up(question: str) -> bool:
    """Whether ``question`` leans on the previous turn (elliptical or anaphoric)."""
    n = _length(question)
    zh = is_chinese(question)
    if n <= (6 if zh else 3):
        return True
    if _MARKERS.search(question) and n <= (14 if zh else 8):
        return True
    return bool(_ANAPHORA.search(question))


def resolve(question: str, history: Sequence[str], gazetteer: Gazetteer) -> str:
    """The standalone search query for ``question`` given earlier user questions (the
    words asking for a form of answer, "in one sentence", are no search terms)."""
    question = without_answer_form(question)
    previous = without_answer_form(next((h for h in reversed(history) if h.strip()), ""))
    if not previous or not is_follow_up(question):
        return question
    new = gazetteer.spans(question)
    old = gazetteer.spans(previous)
    if new and old:
        start, end, _ = old[0]
        return previous[:start] + question[new[0][0] : new[0][1]] + previous[end:]
    fragment = _FILLER.sub("", question).strip()
    return f"{previous} {fragment}".strip()
