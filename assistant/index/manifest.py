"""What each corpus file looked like when it was last indexed, so unchanged files are
neither re-read nor re-chunked.

A small JSON file next to the vector store maps each indexed file (relative path) to
its size, mtime, content hash, doc_id and number of chunks. A file whose size and mtime
are unchanged is taken as indexed; any other file is read and compared with what the
index holds for that path only. The manifest is discarded (everything re-read, as
before) when its ``signature`` changes (chunking settings, limits, ``sources.yaml``,
the figures sheet's rules and data)
or when its chunk count disagrees with the index (the store was rebuilt or wiped).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.config import Settings
from assistant.index.facts import rules_digest

log = logging.getLogger(__name__)

# bumped when the chunker cuts differently or a file's metadata is read otherwise (2: a
# keyword line's semicolons are not sentence ends; 3: wherever the line stands, and a
# journal issue line dates an undated article), so an existing store is read again
FORMAT = "manifest-3"
_SETTINGS = ("chunk_max_chars_zh", "chunk_max_chars_en", "chunk_min_chars",
             "chunk_overlap_sentences", "max_file_mb", "max_unpacked_mb", "max_zip_members",
             "max_pdf_pages", "max_document_chars")


@dataclass(frozen=True)
class FileEntry:
    """One indexed file as it was when indexed."""

    size: int
    mtime_ns: int
    file_hash: str
    doc_id: str
    chunks: int


def manifest_path(settings: Settings) -> Path:
    """The manifest of ``settings``' collection."""
    return settings.vectorstore_dir / f"{settings.collection_name}.manifest.json"


def signature(settings: Settings) -> str:
    """A digest of everything besides a file's own bytes that shapes its chunks."""
    digest = hashlib.sha1(FORMAT.encode())
    digest.update(json.dumps([getattr(settings, k) for k in _SETTINGS]).encode())
    sources = settings.sources_file
    digest.update(sources.read_bytes() if sources.is_file() else b"-")
    # what the figures sheet reads: a change re-reads every file, so their figures follow
    digest.update(rules_digest(settings).encode())
    return digest.hexdigest()


def stat_of(path: Path) -> tuple[int, int]:
    """Size and mtime (ns) of ``path``."""
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def read_manifest(settings: Settings, chunk_counts: list[int]) -> dict[str, FileEntry]:
    """The stored entries, or {} when missing, unreadable, stale or off the index."""
    path = manifest_path(settings)
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("signature") != signature(settings):
            return {}
        files = {rel: FileEntry(**entry) for rel, entry in data["files"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        log.warning("ignoring unreadable ingest manifest %s", path)
        return {}
    if any(sum(e.chunks for e in files.values()) != n for n in chunk_counts):
        log.info("ingest manifest does not match the index; reading every file")
        return {}
    return files


def write_manifest(settings: Settings, files: dict[str, FileEntry]) -> None:
    """Save the entries (atomic)."""
    path = manifest_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"signature": signature(settings),
            "files": {rel: asdict(entry) for rel, entry in sorted(files.items())}}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
