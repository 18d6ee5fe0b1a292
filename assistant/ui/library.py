"""The document library tab: the table of indexed documents and uploads."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from assistant.errors import user_message
from assistant.ingest.uploads import UploadError, safe_filename
from assistant.schema import DocumentInfo, IngestReport
from assistant.service import AssistantService
from assistant.ui.i18n import t
from assistant.ui.render import esc

log = logging.getLogger(__name__)

COLUMNS = ("col_title", "col_publisher", "col_date", "col_lang", "col_chunks", "col_indexed")
_LANG_NAMES = {
    "en": {"en": "English", "zh": "英文"},
    "zh-Hans": {"en": "Simplified Chinese", "zh": "简体中文"},
    "zh-Hant": {"en": "Traditional Chinese", "zh": "繁体中文"},
}

#: progress(fraction, description) as given by ``gr.Progress``.
ProgressFn = Callable[..., Any]


def language_name(codes: str, lang: str) -> str:
    """Document language codes ("zh-Hans, en") as readable names in the interface language."""
    out = []
    for code in (c.strip() for c in codes.split(",") if c.strip()):
        names = _LANG_NAMES.get(code)
        out.append(names["zh" if lang == "zh" else "en"] if names else code)
    return "、".join(out) if lang == "zh" else ", ".join(out)


def indexed_time(stamp: str) -> str:
    """An ISO timestamp shortened to ``yyyy-mm-dd hh:mm`` (UTC)."""
    return stamp[:16].replace("T", " ") if stamp else ""


def table(docs: Sequence[DocumentInfo], lang: str) -> dict[str, Any]:
    """The library table (a ``gr.Dataframe`` value: headers and rows)."""
    rows = [
        [
            d.title or d.path,
            d.publisher,
            d.date,
            language_name(d.lang, lang),
            d.chunks,
            indexed_time(d.indexed_at),
        ]
        for d in docs
    ]
    return {"headers": [t(lang, c) for c in COLUMNS], "data": rows}


_CATALOGUE = ("col_title", "col_publisher", "col_date", "col_lang", "col_size")


def catalogue_html(docs: Sequence[DocumentInfo], lang: str) -> str:
    """The library as a catalogue table (cards on narrow screens); unknowns say so."""
    unknown = t(lang, "unknown")
    labels = [t(lang, c) for c in _CATALOGUE]
    head = "".join(f'<th scope="col">{esc(label)}</th>' for label in labels)
    rows = []
    for d in docs:
        cells = (
            d.title or d.path, d.publisher or unknown, d.date or unknown,
            language_name(d.lang, lang) or unknown, t(lang, "size_passages", n=d.chunks),
        )
        tds = "".join(
            f'<td data-label="{esc(label)}" class="{"unknown" if value == unknown else ""}">'
            f"{esc(value)}</td>"
            for label, value in zip(labels, cells, strict=True)
        )
        rows.append(f"<tr>{tds}</tr>")
    empty = f'<p class="empty">{esc(t(lang, "library_empty"))}</p>' if not docs else ""
    return (
        f'<div class="srdi-library"><table><thead><tr>{head}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>{empty}</div>'
    )


def doc_choices(docs: Sequence[DocumentInfo]) -> list[tuple[str, str]]:
    """Choices of the document filter: (shown title, doc_id)."""
    return [(d.title or d.path, d.doc_id) for d in docs]


class LibraryHandlers:
    """The library tab's behaviour, shared by every browser session."""

    def __init__(self, service: AssistantService) -> None:
        self.service = service

    def table(self, lang: str) -> dict[str, Any]:
        """The current library table."""
        return table(self.service.documents(), lang)

    def catalogue(self, lang: str) -> str:
        """The current library catalogue (HTML)."""
        return catalogue_html(self.service.documents(), lang)

    def choices(self) -> list[tuple[str, str]]:
        """The current choices of the document filter."""
        return doc_choices(self.service.documents())

    def upload(
        self, files: Sequence[str] | str | None, lang: str, progress: ProgressFn
    ) -> tuple[str, bool]:
        """Add uploaded files to the corpus one by one; returns (report text, anything added)."""
        paths = [files] if isinstance(files, str) else list(files or [])
        if not paths:
            return t(lang, "upload_none"), False
        lines: list[str] = []
        added = False
        for i, path in enumerate(paths):
            name = _original_name(path)
            desc = f"{name} ({i + 1}/{len(paths)})"
            progress(i / len(paths), desc=desc)

            def step(done: int, total: int, i: int = i, desc: str = desc) -> None:
                progress((i + done / max(total, 1)) / len(paths), desc=desc)

            try:
                report = self.service.add_upload(Path(path), name, step)
            except UploadError as exc:
                lines.append("✗ " + t(lang, "upload_bad", name=name, reason=str(exc)))
                continue
            except Exception as exc:  # store down, index locked…: one line, next file
                log.warning("upload of %s failed: %s", name, exc)
                reason = user_message(exc, lang)
                lines.append("✗ " + t(lang, "upload_bad", name=name, reason=reason))
                continue
            lines.append(_upload_line(report, name, lang))
            added = added or lines[-1].startswith("✓")
        progress(1.0, desc="")
        return "\n".join(lines), added


def _upload_line(report: IngestReport, name: str, lang: str) -> str:
    """The truth about one upload: added (with its chunk count) or why not."""
    saved = safe_filename(name)
    status = report.status_of(saved)
    if status is not None and status.status in ("added", "updated"):
        chunks = report.embedded or report.chunks
        return "✓ " + t(lang, "upload_ok", name=name, chunks=chunks)
    reason = status.reason if status is not None and status.reason else (
        status.status if status is not None else "not indexed")
    return "✗ " + t(lang, "upload_bad", name=name, reason=reason)


def _original_name(path: str) -> str:
    """The name the user's file had (gradio keeps it as the temp file's name)."""
    return Path(path).name
