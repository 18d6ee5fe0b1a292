"""Document metadata: the ``sources.yaml`` sidecar and what the text itself says.

The sidecar always wins; otherwise the title, publication date, publisher and
URL are read from the byline / metadata lines that cleaning set aside.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

logger = logging.getLogger(__name__)

META_FIELDS = ("title", "publisher", "date", "url", "lang")

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_MONTH_RE = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# (pattern, group numbers of year / month / day, "m" = month name, day may come first)
_DATE_PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, str, str], bool], ...] = (
    (re.compile(r"(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)"), ("1", "3", "4"), False),
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]"), ("1", "2", "3"), False),
    (re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)"), ("3", "1", "2"), True),
    (
        re.compile(rf"\b{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.I),
        ("3", "m1", "2"),
        False,
    ),
    (
        re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE},?\s+(\d{{4}})", re.I),
        ("3", "m2", "1"),
        False,
    ),
)
_LABEL = (
    r"(?:(?:信息|稿件|文章|新闻|新聞|消息)?(?:來源|来源)|出處|出处|發布日期|发布日期|日期"
    r"|發布時間|发布时间|發佈時間|发表时间|發表時間|更新時間|更新时间"
    r"|時間|时间|點擊數|点击数|點擊|点击|瀏覽|浏览|閱讀|阅读|責任編輯|责任编辑"
    r"|article source|source|date|release time|publish(?:ed)? time|upload(?:ed)? time"
    r"|views|hits|clicks|editor)"
)
_LABELLED = re.compile(rf"(?<![\w\u4e00-\u9fff]){_LABEL}\s*[:：]", re.I)
_ON_DATE = re.compile(r"\b(?:published|posted|updated|uploaded|released)(?:\s+on)?\s+\S", re.I)
_SOURCE_VALUE = re.compile(
    rf"(?<![\w\u4e00-\u9fff])(?:(?:信息|稿件|文章|新闻|新聞|消息)?(?:來源|来源)|出處|出处"
    rf"|article source|source)\s*[:：]\s*"
    rf"(.*?)\s*(?=(?<![\w\u4e00-\u9fff]){_LABEL}\s*[:：]|\d{{4}}[-/.年]|$)",
    re.I,
)
_URL = re.compile(r"https?://[^\s<>\"'，。]+")
_DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:com|org|net|cn|gov|edu|info|io|hk|tw)\b", re.I)
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_MARKUP = re.compile(r"<[^>]+>|^#{1,6}\s+|[*_`]+")


def _to_iso(year: str, month: str, day: str) -> str:
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return ""
    return date.isoformat() if 1900 <= date.year <= 2100 else ""


def _match_date(order: tuple[str, str, str], day_first_ok: bool, m: re.Match[str]) -> str:
    def pick(key: str) -> str:
        if key.startswith("m"):
            return str(_MONTHS[m.group(int(key[1:])).lower()[:3]])
        return m.group(int(key))

    year, month, day = (pick(k) for k in order)
    if day_first_ok and int(month) > 12:
        month, day = day, month  # 27/08/2022 is day first; 08/27/2022 month first
    return _to_iso(year, month, day)


def find_dates(text: str) -> list[str]:
    """Every valid date in ``text`` as ISO ``yyyy-mm-dd``, in order of appearance."""
    found: list[tuple[int, str]] = []
    for pattern, order, day_first_ok in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            iso = _match_date(order, day_first_ok, m)
            if iso and all(abs(pos - m.start()) > 3 for pos, _ in found):
                found.append((m.start(), iso))
    return [iso for _, iso in sorted(found)]


def parse_date(text: str) -> str:
    """The first date in ``text`` as ISO ``yyyy-mm-dd`` ("" when there is none)."""
    dates = find_dates(text)
    return dates[0] if dates else ""


def strip_dates(text: str) -> str:
    """``text`` with dates, clock times and metadata labels removed."""
    for pattern, _, _ in _DATE_PATTERNS:
        text = pattern.sub(" ", text)
    return _LABELLED.sub(" ", _TIME.sub(" ", text))


def is_labelled_meta(text: str) -> bool:
    """True when ``text`` carries a metadata label (来源:, 日期:, Upload time:, Published on …)."""
    return bool(_LABELLED.search(text) or (_ON_DATE.search(text) and find_dates(text)))


def publisher_from(line: str) -> str:
    """The source / site named by a byline (``来源:X``, or ``X· 2026-01-27``)."""
    m = _SOURCE_VALUE.search(line)
    if m:
        return _URL.sub("", m.group(1)).strip(" ·|-–—,，")
    starts = [m.start() for p, _, _ in _DATE_PATTERNS for m in p.finditer(line)]
    if starts and not is_labelled_meta(line):
        return line[: min(starts)].strip(" ·|-–—,，:：")
    return ""


def url_from(lines: Iterable[str]) -> str:
    """An explicit URL in the metadata lines, else the site domain a source names."""
    lines = list(lines)
    for line in lines:
        m = _URL.search(line)
        if m:
            return m.group(0)
    for line in lines:
        m = _DOMAIN.search(publisher_from(line))
        if m:
            return "http://" + m.group(0).lower()
    return ""


def clean_title(text: str, limit: int = 160) -> str:
    """A display title from a heading or first line: markup removed, shortened at ``limit``."""
    title = re.sub(r"\s+", " ", _MARKUP.sub("", text)).strip()
    if len(title) <= limit:
        return title
    cut = max(title.rfind(sep, 0, limit) for sep in (" ", "，", ",", "、"))
    return title[: cut if cut > limit // 2 else limit].rstrip(" ,，、") + "…"


# A journal's issue line ("2021年第43期8-8,共1页") opening a line of its own: the year of an
# article with no date (not a reference entry's "《改革》2021年第5期")
_ISSUE = re.compile(r"^[ \t]*((?:19|20)\d{2})\s*年\s*第\s*\d{1,3}\s*期", re.M)


def issue_year(text: str) -> str:
    """The year of the first journal issue line in ``text`` ("" when there is none)."""
    m = _ISSUE.search(text)
    return m.group(1) if m else ""


def text_metadata(meta_lines: Iterable[str], title_line: str, body: str = "") -> dict[str, str]:
    """Title, date, publisher and URL read from a document's own metadata lines (the date,
    when they give none, as a year from a journal issue line of ``body``)."""
    lines = list(meta_lines)
    publisher = next((p for p in map(publisher_from, lines) if p), "")
    date = next((d for d in map(parse_date, lines) if d), "") or issue_year(body)
    return {
        "title": clean_title(title_line) if title_line else "",
        "date": date,
        "publisher": clean_title(publisher, 80),
        "url": url_from(lines),
    }


def normalise_lang(value: str) -> str:
    """Map a language tag (``zh``, ``zh-CN``, ``zh-TW``, ``en-US``…) to en / zh-Hans / zh-Hant."""
    tag = value.strip().lower().replace("_", "-")
    if not tag:
        return ""
    if tag.startswith("zh"):
        return "zh-Hant" if any(t in tag for t in ("hant", "tw", "hk", "mo")) else "zh-Hans"
    return "en" if tag.startswith("en") else ""


def _scalar(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value).strip()


def _entry(key: str, value: Any) -> dict[str, str] | None:
    if not isinstance(value, Mapping):
        logger.warning("sources.yaml: entry %r is not a mapping; ignored", key)
        return None
    entry = {str(k).lower(): _scalar(v) for k, v in value.items()}
    if "language" in entry and not entry.get("lang"):
        entry["lang"] = entry["language"]
    if "site" in entry and not entry.get("publisher"):
        entry["publisher"] = entry["site"]
    if entry.get("date"):
        entry["date"] = parse_date(entry["date"]) or entry["date"]
    return entry


def _key(name: object) -> str:
    key = str(name).replace("\\", "/")
    return key[2:] if key.startswith("./") else key


def load_sources(corpus_dir: Path) -> dict[str, dict[str, str]]:
    """Read ``corpus_dir/sources.yaml``: per-file metadata keyed by relative posix path.

    A missing file gives ``{}``; a malformed one is reported and ignored (ingestion
    then falls back to metadata found in the text).
    """
    path = corpus_dir / "sources.yaml"
    if not path.is_file():
        return {}
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        logger.warning("sources.yaml unreadable, ignored: %s", exc)
        return {}
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        logger.warning("sources.yaml must map file names to fields; ignored")
        return {}
    entries = ((_key(k), _entry(str(k), v)) for k, v in raw.items())
    return {key: entry for key, entry in entries if entry is not None}


def merge_metadata(*layers: Mapping[str, str]) -> dict[str, str]:
    """The first non-empty value of each field, taking ``layers`` in priority order."""
    return {f: next((lay[f] for lay in layers if lay.get(f)), "") for f in META_FIELDS}
