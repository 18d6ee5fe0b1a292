"""Uploaded documents: validated completely before anything touches the corpus."""

from __future__ import annotations

import hashlib
import logging
import re
import shutil
import tempfile
from pathlib import Path

from assistant.config import Settings
from assistant.ingest import SUPPORTED_SUFFIXES, LoadError, discover, load_document
from assistant.ingest.limits import Limits

log = logging.getLogger(__name__)

#: Longest file name (in UTF-8 bytes) common file systems accept.
MAX_NAME_BYTES = 255

_SAFE_NAME = re.compile(r"[^\w.\-\u4e00-\u9fff]+")


class UploadError(ValueError):
    """An upload was refused; the message is shown to the user as is."""


def safe_filename(filename: str) -> str:
    """A plain file name (no folders, no traversal, no odd characters, not too long)."""
    name = Path(filename.replace("\\", "/")).name.strip()
    name = _SAFE_NAME.sub("_", name).lstrip(".")
    if not name or not Path(name).stem:
        raise UploadError("The file has no usable name.")
    size = len(name.encode("utf-8"))
    if size > MAX_NAME_BYTES:
        raise UploadError(
            f"The file name is too long ({size} bytes; the limit is {MAX_NAME_BYTES}). "
            "Rename the file and upload it again."
        )
    if name.lower().startswith("readme"):
        raise UploadError("README files are notes about the folder and are not indexed; "
                          "rename the file if it is a document.")
    return name


def _same_content(settings: Settings, src: Path) -> str:
    """The corpus file with exactly the bytes of ``src`` ("" if none)."""
    size = src.stat().st_size
    digest = ""
    for path in discover(settings.corpus_dir) if settings.corpus_dir.is_dir() else []:
        if path.stat().st_size == size:
            digest = digest or hashlib.sha256(src.read_bytes()).hexdigest()
            if hashlib.sha256(path.read_bytes()).hexdigest() == digest:
                return path.relative_to(settings.corpus_dir).as_posix()
    return ""


def check_upload(settings: Settings, src: Path, filename: str) -> str:
    """Validate an upload; returns the name it will have in the corpus."""
    if not settings.allow_upload:
        raise UploadError("Uploads are disabled (set SRDI_ALLOW_UPLOAD=true to enable them).")
    name = safe_filename(filename)
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES))
        raise UploadError(f"Unsupported file type '{suffix or '(none)'}'. Accepted: {kinds}.")
    if src.is_symlink():
        raise UploadError("The upload is a symbolic link; only regular files are accepted.")
    size = src.stat().st_size
    limit = min(settings.max_upload_mb, settings.max_file_mb) * 1024 * 1024
    if size > limit:
        raise UploadError(
            f"The file is too large ({size / 1048576:.1f} MB; the limit is "
            f"{limit / 1048576:g} MB)."
        )
    if (settings.corpus_dir / name).exists():
        raise UploadError(f"A document named '{name}' is already in the library.")
    same = _same_content(settings, src)
    if same:
        raise UploadError(f"The same file is already in the library as '{same}'.")
    return name


def save_upload(settings: Settings, src: Path, filename: str) -> Path:
    """Check that the upload loads as a document, then copy it into the corpus."""
    name = check_upload(settings, src, filename)
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / name
        shutil.copyfile(src, trial)
        try:
            doc = load_document(trial, Path(tmp), {}, Limits.from_settings(settings))
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
