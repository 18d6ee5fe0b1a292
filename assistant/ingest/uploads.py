"""Uploaded documents: validated completely before anything touches the corpus."""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from pathlib import Path

from assistant.config import Settings
from assistant.ingest import SUPPORTED_SUFFIXES, LoadError, load_document

log = logging.getLogger(__name__)

_SAFE_NAME = re.compile(r"[^\w.\-\u4e00-\u9fff]+")


class UploadError(ValueError):
    """An upload was refused; the message is shown to the user as is."""


def safe_filename(filename: str) -> str:
    """A plain file name (no folders, no traversal, no odd characters)."""
    name = Path(filename.replace("\\", "/")).name.strip()
    name = _SAFE_NAME.sub("_", name).lstrip(".")
    if not name or not Path(name).stem:
        raise UploadError("The file has no usable name.")
    return name


def check_upload(settings: Settings, src: Path, filename: str) -> str:
    """Validate an upload; returns the name it will have in the corpus."""
    if not settings.allow_upload:
        raise UploadError("Uploads are disabled (set SRDI_ALLOW_UPLOAD=true to enable them).")
    name = safe_filename(filename)
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES))
        raise UploadError(f"Unsupported file type '{suffix or '(none)'}'. Accepted: {kinds}.")
    size = src.stat().st_size
    limit = settings.max_upload_mb * 1024 * 1024
    if size > limit:
        raise UploadError(
            f"The file is too large ({size / 1048576:.1f} MB; the limit is "
            f"{settings.max_upload_mb} MB)."
        )
    if (settings.corpus_dir / name).exists():
        raise UploadError(f"A document named '{name}' is already in the library.")
    return name


def save_upload(settings: Settings, src: Path, filename: str) -> Path:
    """Check that the upload loads as a document, then copy it into the corpus."""
    name = check_upload(settings, src, filename)
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / name
        shutil.copyfile(src, trial)
        try:
            doc = load_document(trial, Path(tmp), {})
        except LoadError as exc:
            raise UploadError(f"'{name}' could not be read: {exc}") from exc
        if not doc.segments:
            raise UploadError(f"'{name}' contains no text to index.")
    dest = settings.corpus_dir / name
    settings.corpus_dir.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(f".{name}.part")
    shutil.copyfile(src, partial)
    partial.replace(dest)
    log.info("saved upload %s (%d bytes)", dest, dest.stat().st_size)
    return dest
