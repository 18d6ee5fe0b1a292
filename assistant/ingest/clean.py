"""Cleaning: decide which lines of a document are content, without editing the text.

The result is a set of kept spans (offsets into the original text). Rules are
generic to scraped web pages: navigation breadcrumbs, welcome banners,
keyword-spam title lines, stray product codes, lone menu words in the page
header/footer, bylines (set aside for metadata extraction), figure captions and
blocks that repeat earlier text (a page that contains its article twice).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from assistant.ingest.metadata import find_dates, is_labelled_meta, strip_dates
from assistant.text.lang import han_count

CONTENT = ""
MIN_DUPLICATE_CHARS = 40  # a repeated run shorter than this (normalised) is kept
BODY_LINE_CHARS = 60  # lines this long (or punctuated) are body text, not header/footer

_SPACER = re.compile(r"[\u00a0\u2000-\u200b\u3000]")
_TAG = re.compile(r"<[^>]{1,200}>")
_MD_HEADING = re.compile(r"#{1,6}\s+\S")
_END = re.compile(r"[。！？.!?；;…][”’」』）)\]\"'*]*$")
_PROSE_PUNCT = re.compile(r"[。！？.!?；;，,：:、]")
_CJK_STOP = re.compile(r"[。！？]")
_CAPTION = re.compile(
    r"(?:图|圖|figure|fig\.)(?:\s*(?:\d[\d.\-]*|[一二三四五六七八九十]+)\s*[:：.]?\s*|\s+)\S", re.I
)
_CRUMB_SEP = re.compile(r"\s*(?:>|»|›|→)+\s*")
_CRUMB_LABEL = re.compile(
    r"^(?:當前位置|当前位置|您的位置|你的位置|現在位置|现在位置|所在位置"
    r"|location|you are here)\s*[:：]",
    re.I,
)
_BANNER = re.compile(
    r"\bwelcome (?:you|to)\b|^welcome\b"
    r"|欢迎(?:您|你)?(?:光临|访问|来到)|歡迎(?:您|你)?(?:光臨|訪問|來到)",
    re.I,
)
_CODE = re.compile(r"(?:[\w ]{0,30}[:：]\s*)?([A-Za-z0-9][\w./\-]{5,})")
_PAGE_NUMBER = re.compile(r"(?:page|第)?\s*\d{1,4}\s*(?:页|頁|/\s*\d{1,4}|of\s+\d{1,4})?", re.I)
_SPAM_SEP = re.compile(r"[-_|｜]")


@dataclass(frozen=True)
class Line:
    """A non-blank line of the text: offsets of its stripped span and its visible text."""

    start: int
    end: int
    text: str
    visible: str


@dataclass(frozen=True)
class Cleaned:
    """The outcome of cleaning one text."""

    segments: tuple[tuple[int, int], ...]
    meta_lines: tuple[str, ...]
    title: str  # the best title candidate found in the text ("" if none)
    dropped: tuple[tuple[str, str], ...]  # (reason, visible text) of every dropped line


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with the offsets of their whitespace-stripped spans."""
    lines = []
    for m in re.finditer(r"[^\n]+", text):
        raw = m.group()
        start = m.start() + len(raw) - len(raw.lstrip())
        end = m.end() - (len(raw) - len(raw.rstrip()))
        if start < end:
            body = text[start:end]
            lines.append(Line(start, end, body, _TAG.sub("", body).strip()))
        elif _SPACER.search(raw):  # an &nbsp; paragraph: a removed figure or a layout gap
            lines.append(Line(m.start(), m.end(), raw, ""))
    return lines


def _is_breadcrumb(v: str) -> bool:
    parts = [p for p in _CRUMB_SEP.split(v) if p]
    seps = len(_CRUMB_SEP.findall(v))
    if len(v) > 120 or _CJK_STOP.search(v) or not seps or any(len(p) > 40 for p in parts):
        return False
    return seps >= 2 or bool(_CRUMB_LABEL.match(v))


def _is_meta(v: str) -> bool:
    if len(v) > 120 or _CJK_STOP.search(v):
        return False
    if is_labelled_meta(v):
        return True
    if not find_dates(v) or _END.search(v):
        return False
    rest = strip_dates(v)  # what is left beside the date: a site name at most
    words = re.findall(r"[A-Za-z]+", rest)
    rest = re.sub(r"[\s·|\-–—/,，:：()（）]+", "", rest)
    return len(rest) <= 30 and han_count(rest) <= 10 and len(words) <= 5


def _is_code(v: str) -> bool:
    m = _CODE.fullmatch(v)
    token = m.group(1) if m else ""
    return bool(re.search(r"\d", token) and re.search(r"[A-Za-z]", token))


def _is_keyword_spam(v: str) -> bool:
    if _PROSE_PUNCT.search(v):
        return False
    parts = [p.strip() for p in _SPAM_SEP.split(v)]
    if len(parts) < 3 or any(len(p) < 4 or p.isdigit() for p in parts):
        return False
    return len(parts) >= 4 or not any(" " in p for p in parts)


def _is_caption(v: str) -> bool:
    return len(v) <= 100 and not _END.search(v) and bool(_CAPTION.match(v))


def _is_banner(v: str) -> bool:
    return len(v) <= 80 and "。" not in v and bool(_BANNER.search(v))


def _is_page_number(v: str) -> bool:
    return bool(_PAGE_NUMBER.fullmatch(re.sub(r"[-–—()\[\]]", "", v)))


_LINE_RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("spacer", lambda v: not v),
    ("symbols", lambda v: not re.search(r"[^\W_]", v)),
    ("image", lambda v: bool(re.fullmatch(r"!\[[^\]]*\]\([^)]*\)", v))),
    ("caption", _is_caption),
    ("breadcrumb", _is_breadcrumb),
    ("banner", _is_banner),
    ("meta", _is_meta),
    ("code", _is_code),
    ("page-number", _is_page_number),
    ("keyword-spam", _is_keyword_spam),
)


def classify_line(line: Line) -> str:
    """The junk kind of a line judged on its own, or :data:`CONTENT`."""
    if _MD_HEADING.match(line.text):
        return CONTENT
    return next((kind for kind, rule in _LINE_RULES if rule(line.visible)), CONTENT)


def _is_short_chrome(line: Line) -> bool:
    """A lone menu word or label ("Network", "Search documents", "高端智能")."""
    v = line.visible
    if len(v) > 24 or _MD_HEADING.match(line.text) or re.search(r"\d", v) or _PROSE_PUNCT.search(v):
        return False
    words, han = re.findall(r"[A-Za-z]+", v), han_count(v)
    if words and han:
        return False
    if words:
        return len(words) == 1 or (len(words) <= 3 and not all(w[0].isupper() for w in words))
    return 4 <= han <= 8 and not re.search(r"\s", v)


def _is_body(line: Line) -> bool:
    return len(line.visible) >= BODY_LINE_CHARS or bool(_END.search(line.visible))


def _mark_page_chrome(lines: list[Line], kinds: list[str]) -> None:
    """Lone menu words before the first / after the last line of body text are chrome."""
    body = [i for i, k in enumerate(kinds) if k == CONTENT and _is_body(lines[i])]
    if not body:
        return
    for i, line in enumerate(lines):
        if kinds[i] == CONTENT and (i < body[0] or i > body[-1]) and _is_short_chrome(line):
            kinds[i] = "chrome"


def _mark_title(lines: list[Line], kinds: list[str]) -> None:
    """The first content line, alone between junk lines and unpunctuated, is the title."""
    content = [i for i, k in enumerate(kinds) if k == CONTENT]
    if len(content) < 2:
        return
    i = content[0]
    isolated = (
        i + 1 < len(kinds) and kinds[i + 1] != CONTENT and (i == 0 or kinds[i - 1] != CONTENT)
    )
    if isolated and len(lines[i].visible) <= 250 and not _END.search(lines[i].visible):
        kinds[i] = "title"


def _normalised(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).lower())


def _mark_duplicates(lines: list[Line], kinds: list[str]) -> None:
    """Drop runs of lines repeating earlier text (junk lines inside a run go with it)."""
    seen: set[str] = set()
    run: list[int] = []

    def close() -> None:
        if sum(len(_normalised(lines[j].visible)) for j in run) >= MIN_DUPLICATE_CHARS:
            for j in run:
                kinds[j] = "duplicate"
        run.clear()

    for i, line in enumerate(lines):
        if kinds[i] not in (CONTENT, "title"):
            continue
        key = _normalised(line.visible)
        if key in seen:
            run.append(i)
        else:
            close()
            seen.add(key)
    close()


def _segments(lines: list[Line], kinds: list[str]) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    previous_kept = False
    for line, kind in zip(lines, kinds, strict=True):
        if kind == CONTENT and previous_kept:
            spans[-1] = (spans[-1][0], line.end)
        elif kind == CONTENT:
            spans.append((line.start, line.end))
        previous_kept = kind == CONTENT
    return tuple(spans)


def _title_candidate(lines: list[Line], kinds: list[str]) -> str:
    for wanted in ("title", "heading", CONTENT):
        for line, kind in zip(lines, kinds, strict=True):
            heading = kind == CONTENT and _MD_HEADING.match(line.text)
            if (kind == wanted and wanted != "heading") or (wanted == "heading" and heading):
                return line.visible
    return ""


def clean_text(text: str) -> Cleaned:
    """Classify every line of ``text`` and return the spans worth indexing."""
    lines = split_lines(text)
    kinds = [classify_line(line) for line in lines]
    _mark_page_chrome(lines, kinds)
    _mark_title(lines, kinds)
    _mark_duplicates(lines, kinds)
    return Cleaned(
        segments=_segments(lines, kinds),
        meta_lines=tuple(ln.visible for ln, k in zip(lines, kinds, strict=True) if k == "meta"),
        title=_title_candidate(lines, kinds),
        dropped=tuple((k, ln.visible) for ln, k in zip(lines, kinds, strict=True) if k != CONTENT),
    )
