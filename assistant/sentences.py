"""Sentence spans of a passage, for quoting (offsets into the passage text)."""

from __future__ import annotations

import re

# Chinese enders always end a sentence; Latin enders only before space + a capital,
# digit or quote (so 1.46, No. 5 and e.g. stay inside); " - " bullets and line breaks
# of one-line summaries also separate sentences.
_BOUNDARY = re.compile(
    r"(?<=[。！？；!?;])[”’」』)\]]*"
    r"|(?<=[a-z0-9%\)”\"'\]])\.(?=\s+[\"“'‘(\[]?[A-Z0-9])"
    r"|\s+-\s+(?=[A-Z\"“])"
    r"|\n+"
)


def sentence_spans(text: str, min_chars: int = 2) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text``, whitespace-trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end() if m.group(0).strip(" \n-") else m.start()
        if text[m.start() : m.start() + 1] == ".":
            end = m.start() + 1
        _append(text, pos, end, spans, min_chars)
        pos = m.end()
    _append(text, pos, len(text), spans, min_chars)
    return spans


def _append(text: str, start: int, end: int, out: list[tuple[int, int]], min_chars: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= min_chars:
        out.append((start, end))
