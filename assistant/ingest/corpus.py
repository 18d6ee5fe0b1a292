"""The corpus: discover files, load each one into a :class:`SourceDoc`, skip bad ones."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath

from assistant.config import Settings
from assistant.ingest.clean import clean_text
from assistant.ingest.document import LoadError, SourceDoc
from assistant.ingest.limits import UNLIMITED, Limits
from assistant.ingest.loaders import extract, read_bytes
from assistant.ingest.metadata import (
    load_sources,
    merge_metadata,
    normalise_lang,
    text_metadata,
)
from assistant.schema import SkippedFile
from assistant.text.lang import detect_lang

logger = logging.getLogger(__name__)

SIDECAR_NAMES = frozenset({"sources.yaml"})


def relative_path(path: Path, corpus_dir: Path) -> str:
    """``path`` relative to ``corpus_dir`` in posix form (the file name if it lies outside)."""
    try:
        return path.resolve().relative_to(corpus_dir.resolve()).as_posix()
    except ValueError:
        return path.name


def doc_id_for(rel_path: str) -> str:
    """Stable document id: the relative posix path without its suffix."""
    return str(PurePosixPath(rel_path).with_suffix(""))


def _outside(path: Path, corpus_dir: Path) -> str:
    """Why ``path`` must not be read as part of the corpus ("" when it may)."""
    if path.is_symlink():
        return "symbolic link (not followed: it could point outside the corpus)"
    if not path.resolve().is_relative_to(corpus_dir.resolve()):
        return "resolves outside the corpus folder"
    return ""


def scan(corpus_dir: Path) -> tuple[list[Path], list[SkippedFile]]:
    """Every regular file under ``corpus_dir`` (recursive, sorted), and what was passed over.

    Symbolic links and anything resolving outside the folder, hidden files and
    folders are reported as skipped, never read. ``README*`` files and the
    ``sources.yaml`` sidecar are notes, left out quietly; unsupported types are
    kept so that loading can report them.
    """
    found: list[Path] = []
    skipped: list[SkippedFile] = []

    def skip(path: Path, reason: str) -> None:
        skipped.append(SkippedFile(path=path.relative_to(corpus_dir).as_posix(), reason=reason))

    for root, dirs, files in os.walk(corpus_dir):
        base = Path(root)
        for name in sorted(dirs):
            why = _outside(base / name, corpus_dir) or (
                "hidden folder (names starting with '.' are not indexed)"
                if name.startswith(".") else "")
            if why:
                skip(base / name, why)
                dirs.remove(name)
        for name in files:
            path = base / name
            why = _outside(path, corpus_dir)
            if not why and name.startswith("."):
                why = "hidden file (names starting with '.' are not indexed)"
            if why:
                skip(path, why)
            elif name.lower().startswith("readme") or not path.is_file():
                continue
            elif not (base == corpus_dir and name in SIDECAR_NAMES):
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(corpus_dir).as_posix()), skipped


def discover(corpus_dir: Path) -> list[Path]:
    """The files :func:`scan` would load (symlinks, hidden files, READMEs left out)."""
    return scan(corpus_dir)[0]


def load_document(
    path: Path,
    corpus_dir: Path,
    sources: Mapping[str, Mapping[str, str]],
    limits: Limits = UNLIMITED,
) -> SourceDoc:
    """Load, clean and describe one file; raise :class:`LoadError` with the reason if unusable
    (a symlink, a path outside ``corpus_dir``, a file over one of ``limits``)."""
    rel = relative_path(path, corpus_dir)
    outside = _outside(path, corpus_dir)
    if outside:
        raise LoadError(outside)
    data = read_bytes(path, limits)
    extracted = extract(path, data, limits)
    cleaned = clean_text(extracted.text)
    if not cleaned.segments:
        raise LoadError("no content left after removing page chrome")
    sidecar = sources.get(rel) or {}
    meta = merge_metadata(
        sidecar, extracted.strong, text_metadata(cleaned.meta_lines, cleaned.title, extracted.text),
        extracted.weak,
    )
    doc = SourceDoc(
        doc_id=doc_id_for(rel),
        path=rel,
        title=meta["title"] or PurePosixPath(rel).stem,
        publisher=meta["publisher"],
        date=meta["date"],
        url=meta["url"],
        lang="",
        text=extracted.text,
        file_hash=hashlib.sha256(data).hexdigest(),
        segments=cleaned.segments,
    )
    lang = normalise_lang(sidecar.get("lang", "")) or detect_lang(doc.cleaned_text())
    logger.debug("%s: dropped %d lines: %s", rel, len(cleaned.dropped), cleaned.dropped)
    return replace(doc, lang=lang)


def _load_one(
    path: Path, corpus_dir: Path, sources: Mapping[str, Mapping[str, str]], limits: Limits
) -> SourceDoc | str:
    """The loaded document, or the reason it cannot be used (never raises)."""
    try:
        return load_document(path, corpus_dir, sources, limits)
    except LoadError as exc:
        return str(exc)
    except Exception as exc:  # one bad file must never stop ingestion
        logger.debug("unexpected failure loading %s", path, exc_info=True)
        return f"unexpected error: {type(exc).__name__}: {exc}"


def load_corpus(
    settings: Settings, known: Mapping[str, tuple[str, str]] | None = None
) -> tuple[list[SourceDoc], list[SkippedFile]]:
    """Load every usable file of ``settings.corpus_dir``; report the rest as skipped.

    Never raises for one bad file: each skip is logged as a warning naming the file
    and the reason. Byte-identical copies are skipped as duplicates; a doc_id shared
    by two files (``a.md`` and ``a.txt``) is kept apart by keeping the suffix.
    ``known`` (relative path -> (file hash, doc_id)) names files indexed before and
    unchanged since: they are not read, only taken into account for duplicates and ids.
    """
    known = known or {}
    corpus_dir = settings.corpus_dir
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus directory not found: {corpus_dir}")
    sources = load_sources(corpus_dir)
    docs: list[SourceDoc] = []
    paths, skipped = scan(corpus_dir)
    for item in skipped:
        logger.warning("skipped %s: %s", item.path, item.reason)
    limits = Limits.from_settings(settings)
    by_hash: dict[str, str] = {h: rel for rel, (h, _) in known.items()}
    taken = {doc_id for _, doc_id in known.values()}
    for path in paths:
        if relative_path(path, corpus_dir) in known:
            continue
        result = _load_one(path, corpus_dir, sources, limits)
        if isinstance(result, SourceDoc) and result.file_hash in by_hash:
            result = f"duplicate of {by_hash[result.file_hash]}"
        if isinstance(result, str):
            rel = relative_path(path, corpus_dir)
            logger.warning("skipped %s: %s", rel, result)
            skipped.append(SkippedFile(path=rel, reason=result))
            continue
        if result.doc_id in taken or any(d.doc_id == result.doc_id for d in docs):
            result = replace(result, doc_id=result.path)
        by_hash[result.file_hash] = result.path
        docs.append(result)
    if not known:
        _warn_unmatched(sources, docs, skipped)
    return docs, skipped


def _warn_unmatched(
    sources: Mapping[str, object], docs: list[SourceDoc], skipped: list[SkippedFile]
) -> None:
    known = {d.path for d in docs} | {s.path for s in skipped}
    for key in sources:
        if key not in known:
            logger.warning("sources.yaml names %s, which is not in the corpus", key)
