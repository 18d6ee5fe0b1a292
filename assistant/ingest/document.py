"""The records of the ingestion pipeline: a loaded source document and its errors."""

from __future__ import annotations

from dataclasses import dataclass

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"}
)


class LoadError(Exception):
    """A file ingestion cannot use; the message is the human-readable reason."""


@dataclass(frozen=True)
class SourceDoc:
    """One corpus file, loaded and cleaned, ready to be chunked.

    ``text`` is the original text every offset points into: the decoded file for
    ``.txt``/``.md``, the extracted plain text for ``.html``/``.pdf``/``.docx``.
    ``segments`` are the spans of ``text`` kept after cleaning (site chrome,
    bylines and repeated blocks removed), in order and non-overlapping.
    """

    doc_id: str
    path: str
    title: str
    publisher: str
    date: str
    url: str
    lang: str
    text: str
    file_hash: str
    segments: tuple[tuple[int, int], ...]

    def cleaned_text(self) -> str:
        """The kept spans joined by blank lines: what the UI shows as the document."""
        return "\n\n".join(self.text[start:end] for start, end in self.segments)
