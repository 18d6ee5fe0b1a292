"""Document text (Markdown-ish, from untrusted files) as safe HTML, with marked spans.

Passages and documents are rendered as Markdown so headings, emphasis and lists read as
such, but nothing a document contains can become live markup: raw HTML is escaped
(only ``<sup>…</sup>`` footnote markers are kept, as escaped text in a ``<sup>``), links,
images, autolinks and reference definitions stay plain text, and indented lines are not
code. Highlighted spans are given as offsets into the original text and placed with
private-use sentinel characters before rendering, so Markdown never shifts them;
author notes and footnotes (【作者简介】…, ① …) become ``<p class="aside">``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when HTML is rendered, not for plain text (the CLI)
    from markdown_it import MarkdownIt

# Sentinels: (open, close) per mark class; private-use characters never found in documents.
_SENTINELS = {"quote": ("\ue000", "\ue001"), "passage": ("\ue002", "\ue003")}
_NESTING = ("passage", "quote")
_SUP_OPEN, _SUP_CLOSE = "\ue004", "\ue005"
_ALL_SENTINELS = re.compile("[\ue000-\ue005]")
_SUP = re.compile(r"<sup>\s*([^<>\n]{1,12}?)\s*</sup>", re.IGNORECASE)
_TOKENS = re.compile(r"(<[^>]*>)|([^<]+)")
_ASIDE_START = re.compile(
    "<p>([\ue000-\ue003]*(?:【(?:作者简介|作者簡介|基金项目|基金項目|收稿日期|通讯作者|作者单位)"
    "|\ue004|[①-⑳]\\s*(?:数据来源|資料來源|资料来源|本文)|注[:：]|Notes?:|Corresponding author))"
)
_BLOCK_MARKUP = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,3}[.)][ \t]+|>[ \t]?)")
_LEADING_BLANKS = re.compile(r"(?m)^[ \t]+")
_EMPHASIS_LEFT = re.compile(r"\*\*")
_MARKUP_FOR_PLAIN = re.compile(
    r"(?m)(?:^|(?<=[“「『‘\"']))[ \t]*#{1,6}[ \t]+|\*\*|</?sup>", re.IGNORECASE
)


def _parser() -> MarkdownIt:
    """CommonMark plus tables; no raw HTML, no links, no images, no indented code."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.disable(["link", "image", "autolink", "reference", "code", "html_inline", "html_block"])
    return md


def _after_block_markup(text: str, start: int) -> int:
    """A span starting a line starts after its ``#``/list/quote marker (kept as syntax)."""
    if start <= 0 or text[start - 1] == "\n":
        found = _BLOCK_MARKUP.match(text, max(start, 0))
        return found.end() if found else start
    return start


def _prepare(text: str, marks: Sequence[tuple[int, int, str]]) -> str:
    """``text`` with mark sentinels at each (start, end, css) and ``<sup>`` tags as sentinels.

    Offsets refer to the original text, so both are placed in one left-to-right pass.
    """
    inserts: dict[int, list[tuple[int, str]]] = {}
    for first, end, css in marks:
        start = _after_block_markup(text, first)
        if 0 <= start < end <= len(text):
            opening, closing = _SENTINELS[css]
            inserts.setdefault(start, []).append((1, opening))
            inserts.setdefault(end, []).append((0, closing))
    replaced: dict[int, str] = {}
    for match in _SUP.finditer(text):
        for i in range(match.start(), match.start(1)):
            replaced[i] = _SUP_OPEN if i == match.start() else ""
        for i in range(match.end(1), match.end()):
            replaced[i] = _SUP_CLOSE if i == match.end(1) else ""
    out: list[str] = []
    for pos in range(len(text) + 1):
        out.extend(char for _order, char in sorted(inserts.get(pos, ())))
        if pos < len(text):
            out.append(replaced.get(pos, text[pos]))
    return "".join(out)


def _open_tags(active: Sequence[str], first_ids: dict[str, str]) -> str:
    tags = []
    for css in active:
        ident = first_ids.pop(css, "")
        tags.append(f'<mark class="{css}"' + (f' id="{ident}"' if ident else "") + ">")
    return "".join(tags)


def _marked(run: str, active: Sequence[str], first_ids: dict[str, str]) -> str:
    """A text run inside the ``active`` marks (blank runs between blocks stay bare)."""
    if not active or not run.strip():
        return run
    nested = sorted(active, key=_NESTING.index)  # a passage mark holds its quote marks
    return _open_tags(nested, first_ids) + run + "</mark>" * len(active)


def _place_marks(html_text: str, first_ids: dict[str, str]) -> str:
    """Turn sentinels into ``<mark>`` around every text run inside a span (never across tags)."""
    by_char = {c: (css, i == 0) for css, pair in _SENTINELS.items() for i, c in enumerate(pair)}
    active: list[str] = []
    out: list[str] = []
    for tag, text in _TOKENS.findall(html_text):
        if tag:
            out.append(tag)
            continue
        run = ""
        for char in text:
            if char not in by_char:
                run += char
                continue
            out.append(_marked(run, active, first_ids))
            run = ""
            css, opening = by_char[char]
            if opening and css not in active:
                active.append(css)
            elif not opening and css in active:
                active.remove(css)
        out.append(_marked(run, active, first_ids))
    return "".join(out)


def render_markdown(
    text: str,
    marks: Sequence[tuple[int, int, str]] = (),
    first_ids: dict[str, str] | None = None,
) -> str:
    """Safe HTML of document ``text`` with ``<mark class=css>`` over each (start, end, css).

    ``first_ids`` maps a css class to the element id its first ``<mark>`` gets.
    """
    clean = _ALL_SENTINELS.sub(" ", text)  # same length: offsets stay valid
    prepared = _prepare(clean, marks)
    prepared = _LEADING_BLANKS.sub("", prepared)
    rendered = _parser().render(prepared)
    rendered = _ASIDE_START.sub(r'<p class="aside">\1', rendered)
    rendered = rendered.replace(_SUP_OPEN, "<sup>").replace(_SUP_CLOSE, "</sup>")
    rendered = _EMPHASIS_LEFT.sub("", rendered)  # unmatched ** of a cut passage
    return _place_marks(rendered, dict(first_ids or {}))


def plain_text(text: str) -> str:
    """Text with Markdown heading/emphasis marks and ``<sup>`` tags removed (for one line)."""
    return _MARKUP_FOR_PLAIN.sub("", text)
