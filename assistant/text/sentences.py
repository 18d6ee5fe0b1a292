"""Sentence segmentation for Chinese and English with exact character offsets.

Boundaries: Chinese 。！？； (also their ASCII forms when Chinese text follows),
English . ! ? ; followed by whitespace (not after abbreviations such as "No.",
"Co.", "e.g." or initials, not before a lower-case word, never inside 1.46),
citation markers such as ``[5][6]`` followed by a capitalised word, `` - ``
bullets of one-line summaries (not a range such as "120 - 150"), and line breaks that end
a paragraph, heading or list item.
"""

from __future__ import annotations

import re

from assistant.text.lang import han_count

_CLOSERS = r"[”’」』）)】》\]\"'*]*"
_CANDIDATE = re.compile(
    rf"(?P<cjk>[。！？；]+{_CLOSERS})"
    rf"|(?P<ascii>[.!?;]+{_CLOSERS})(?=\s|$|(?P<after_han>[\u3400-\u9fff“‘「『（(]))"
    r"|(?P<cite>(?:\[\d+(?:[-–,]\d+)*\])+)(?=\s+[A-Z“\"'])"
    # (not a range of numbers: "120 - 150 家")
    r"|(?<!\d)(?P<dash>[ \t][-–—][ \t])(?=[A-Z0-9“\"'\[\u3400-\u9fff])"
    r"|(?P<para>\s*\n\s*\n\s*)"
    r"|(?P<nl>[ \t\r]*\n[ \t\r]*)"
)
_KINDS = ("cjk", "ascii", "cite", "dash", "para", "nl")
_ABBREVIATIONS = frozenset(
    {
        "no", "nos", "vol", "vols", "art", "arts", "fig", "figs", "p", "pp", "para", "ch",
        "sec", "eq", "ref", "refs", "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "co",
        "corp", "inc", "ltd", "llc", "dept", "univ", "govt", "gov", "approx", "est", "misc",
        "e.g", "i.e", "etc", "vs", "cf", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "u.s", "u.k",
    }
)  # fmt: skip
_LIST_START = re.compile(
    r"(?:[-*+•]\s|\d{1,3}[.)、]\s*|[（(][\d一二三四五六七八九十]+[)）]|#{1,6}\s)"
)
_TERMINAL_END = re.compile(r"[。！？；.!?;…]" + _CLOSERS + r"$")
HEADING_MAX_CHARS = 60
_WINDOW = 80  # how far around a candidate boundary the rules look


def _previous_word(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, pos - _WINDOW) : pos])
    return m.group(1).lower() if m else ""


def _is_list_number(text: str, pos: int) -> bool:
    """Is ``text[:pos]`` a line opening with "1" / "a" (so the "." at pos numbers a list)?"""
    newline = text.rfind("\n", max(0, pos - 8), pos)
    if newline < 0 and pos > 8:
        return False
    return bool(re.fullmatch(r"\s*(?:\d{1,3}|[A-Za-z])", text[newline + 1 : pos]))


def _ascii_is_boundary(text: str, m: re.Match[str]) -> bool:
    mark = m.group("ascii")
    if m.group("after_han") is not None:  # "。"-less Chinese using ASCII punctuation
        return mark[0] != "." and han_count(text[max(0, m.start() - 1) : m.start()]) == 1
    if mark[0] != ".":
        return True
    if _is_list_number(text, m.start()):
        return False
    word = _previous_word(text, m.start())
    after = text[m.end() : m.end() + _WINDOW]
    if word.rstrip(".") in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return bool(re.match(r"\s+[A-Z]", after)) and word in {"etc", "al"}
    following = re.match(r"\s*(\S)", after)
    return following is None or not (following.group(1).islower() or following.group(1).isdigit())


def _line_ends_unit(text: str, m: re.Match[str]) -> bool:
    """Does a single line break end a sentence (rather than wrap one)?"""
    line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip()
    after = text[m.end() : m.end() + 8]
    if _TERMINAL_END.search(line) or len(line) <= HEADING_MAX_CHARS or _LIST_START.match(line):
        return True
    wrapped = after[:1].islower() or han_count(after[:1]) > 0
    return bool(_LIST_START.match(after)) or not wrapped


# A keyword line: "关键词: a; b; c", or the line under a "## 关键词" / "Keywords" heading
_KEYWORDS = re.compile(
    r"^\s*(?:#+\s*)?(?:关键词|關鍵詞|关键字|關鍵字|key\s?words?)\s*[:：]?", re.I | re.M
)


def _in_keyword_line(text: str, pos: int) -> bool:
    """Whether ``pos`` lies on a keyword line (its semicolons separate terms, not clauses)."""
    line_start = text.rfind("\n", 0, pos) + 1
    if _KEYWORDS.match(text, line_start):
        return True
    before = [ln for ln in text[max(0, line_start - 200) : line_start].split("\n") if ln.strip()]
    return bool(before) and bool(_KEYWORDS.match(before[-1])) and len(before[-1].strip()) < 16


def _cut(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """(end of the sentence, start of the next) for a boundary candidate, or None."""
    kind = next(k for k in _KINDS if m.group(k) is not None)
    if m.group(0).strip()[:1] in (";", "；") and _in_keyword_line(text, m.start()):
        return None  # "专精特新“小巨人”企业; 梯度培育; 高质量发展": one list of terms
    if kind in ("cjk", "cite"):
        return m.end(), m.end()
    if kind == "ascii":
        return (m.end(), m.end()) if _ascii_is_boundary(text, m) else None
    if kind == "dash":
        return m.start(), m.end()
    if kind == "para" or (kind == "nl" and _line_ends_unit(text, m)):
        return m.start(), m.end()
    return None


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text[start:end]``, whitespace-trimmed, in order."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for m in _CANDIDATE.finditer(text, start, end):
        cut = _cut(text, m)
        if cut is not None:
            spans.append((begin, cut[0]))
            begin = cut[1]
    spans.append((begin, end))
    return [span for span in map(lambda s: _trim(text, *s), spans) if span[0] < span[1]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_heading_like(text: str) -> bool:
    """A short unpunctuated line (a heading or label) that belongs with what follows."""
    line = text.strip()
    if line.startswith("#"):
        return True
    return "\n" not in line and len(line) <= HEADING_MAX_CHARS and not _TERMINAL_END.search(line)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation (closing quotes allowed)."""
    return bool(_TERMINAL_END.search(text.rstrip()))
