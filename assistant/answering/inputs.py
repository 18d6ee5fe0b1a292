"""Checks of a question and its conversation history before any expensive work.

Text that cannot be used (lone surrogates, invalid UTF-8 turned into replacement
characters, control characters) is refused with :class:`~assistant.errors.BadText`;
the history is cut to the newest turns within the configured limits, so a huge
history costs nothing (the limits are named in the log).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from assistant.config import Settings
from assistant.errors import BadText

log = logging.getLogger(__name__)

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def check_text(text: str, what: str = "the question") -> None:
    """Raise :class:`BadText` if ``text`` cannot be used as typed input."""
    if _SURROGATE.search(text):
        raise BadText(f"{what} contains invalid Unicode (a lone surrogate)")
    if "\ufffd" in text:
        raise BadText(f"{what} was not valid UTF-8 (it contains replacement characters)")
    if _CONTROL.search(text):
        raise BadText(f"{what} contains control characters")


def bounded_history(history: Sequence[str], settings: Settings) -> list[str]:
    """The newest turns of ``history`` within ``max_history_turns`` and
    ``max_history_chars`` (older turns are dropped; each turn must be usable text)."""
    kept: list[str] = []
    total = 0
    for turn in reversed(history[-settings.max_history_turns :] if history else []):
        turn = str(turn)
        total += len(turn)
        if total > settings.max_history_chars:
            break
        check_text(turn, "the conversation history")
        kept.append(turn)
    if len(kept) < len(history):
        log.info(
            "history cut to the newest %d of %d turns (max_history_turns=%d, "
            "max_history_chars=%d)", len(kept), len(history),
            settings.max_history_turns, settings.max_history_chars,
        )
    return kept[::-1]


def checked(question: str, history: Sequence[str], settings: Settings) -> list[str]:
    """Validate ``question`` (raises :class:`BadText`) and return the bounded history."""
    check_text(question)
    return bounded_history(history, settings)
