"""Size limits of input files, checked before any expensive reading.

Each check raises :class:`LoadError` naming the setting that was exceeded, so a
skipped file's reason says which limit to raise (``SRDI_<NAME>``).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from assistant.config import Settings
from assistant.errors import LimitExceeded
from assistant.ingest.document import LoadError

_MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The input limits of :class:`Settings` (``None`` fields: unlimited)."""

    max_file_mb: float | None = None
    max_unpacked_mb: float | None = None
    max_zip_members: int | None = None
    max_pdf_pages: int | None = None
    max_document_chars: int | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        """The limits configured in ``settings``."""
        return cls(
            max_file_mb=settings.max_file_mb,
            max_unpacked_mb=settings.max_unpacked_mb,
            max_zip_members=settings.max_zip_members,
            max_pdf_pages=settings.max_pdf_pages,
            max_document_chars=settings.max_document_chars,
        )

    def file_size(self, size: int) -> None:
        """Refuse a file larger than ``max_file_mb`` (before it is read)."""
        if self.max_file_mb is not None and size > self.max_file_mb * _MB:
            _over("max_file_mb", f"{size / _MB:.1f} MB > {self.max_file_mb:g} MB")

    def zip_directory(self, data: bytes) -> None:
        """Refuse a zip container (DOCX) whose directory declares too much content.

        Only the central directory is read; the declared sizes are what a
        decompressor would produce (a member that lies is cut off by zipfile's own
        size check when read).
        """
        try:
            members = zipfile.ZipFile(io.BytesIO(data)).infolist()
        except zipfile.BadZipFile as exc:
            raise LoadError("not a valid .docx (not a zip archive)") from exc
        if self.max_zip_members is not None and len(members) > self.max_zip_members:
            _over("max_zip_members", f"{len(members)} members > {self.max_zip_members}")
        unpacked = sum(m.file_size for m in members)
        if self.max_unpacked_mb is not None and unpacked > self.max_unpacked_mb * _MB:
            _over(
                "max_unpacked_mb",
                f"unpacks to {unpacked / _MB:.0f} MB > {self.max_unpacked_mb:g} MB",
            )

    def pdf_pages(self, pages: int) -> None:
        """Refuse a PDF with more than ``max_pdf_pages`` pages (before extracting text)."""
        if self.max_pdf_pages is not None and pages > self.max_pdf_pages:
            _over("max_pdf_pages", f"{pages} pages > {self.max_pdf_pages}")

    def document_chars(self, chars: int) -> None:
        """Refuse a document longer than ``max_document_chars`` (before chunking)."""
        if self.max_document_chars is not None and chars > self.max_document_chars:
            _over("max_document_chars", f"{chars} characters > {self.max_document_chars}")


def _over(name: str, detail: str) -> None:
    raise LoadError(str(LimitExceeded(name, detail)))


UNLIMITED = Limits()
