"""``srdi ingest``: corpus files -> chunks -> incremental Chroma sync."""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from langchain_core.documents import Document

from assistant.config import Settings
from assistant.index.facts import current_docs, sync_facts
from assistant.index.manifest import FileEntry, read_manifest, stat_of, write_manifest
from assistant.index.store import ChunkIndex, FloatMatrix, Progress, SyncPlan, plan_sync
from assistant.ingest import SourceDoc, chunk_document, load_corpus
from assistant.ingest.corpus import relative_path, scan
from assistant.schema import FileStatus, IngestReport

log = logging.getLogger(__name__)


@dataclass
class Synced:
    """What an ingest did: the report, each index's plan and the vectors it added."""

    report: IngestReport
    plans: list[SyncPlan]
    added: list[FloatMatrix]


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Progress | None]:
    """A tqdm bar on a terminal (stderr), nothing otherwise."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(total=0, unit="chunk", desc="Embedding", file=sys.stderr)

    def update(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        yield update
    finally:
        bar.close()


def load_chunks(
    settings: Settings, known: dict[str, tuple[str, str]] | None = None
) -> tuple[list[SourceDoc], list[Document], IngestReport]:
    """Load, clean and chunk the corpus (no embedding): documents, chunks, the report
    (files in ``known`` are left out: see :func:`~assistant.ingest.corpus.load_corpus`)."""
    docs, skipped = load_corpus(settings, known)
    chunks = [chunk for doc in docs for chunk in chunk_document(doc, settings)]
    return docs, chunks, IngestReport(documents=len(docs), chunks=len(chunks), skipped=skipped)


def corpus_chunks(settings: Settings) -> tuple[list[Document], IngestReport]:
    """The corpus's chunks and the ingest report (no embedding)."""
    _, chunks, report = load_chunks(settings)
    return chunks, report


def _apply_all(
    indexes: Sequence[ChunkIndex], plans: Sequence[SyncPlan], progress: Progress | None
) -> list[FloatMatrix]:
    """Carry out each index's plan, the indexes side by side in threads: each model's
    native code runs outside the GIL, so one channel fills the cores the other leaves
    idle. ``progress`` sees the chunks embedded over all indexes."""
    total = sum(len(p.add) for p in plans)
    done = [0] * len(indexes)
    lock = threading.Lock()

    def report(i: int) -> Progress | None:
        if progress is None:
            return None

        def step(count: int, _: int) -> None:
            with lock:
                done[i] = count
                progress(sum(done), total)

        return step

    with ThreadPoolExecutor(max_workers=len(indexes), thread_name_prefix="embed") as pool:
        futures = [pool.submit(index.apply, plan, report(i))
                   for i, (index, plan) in enumerate(zip(indexes, plans, strict=True))]
        return [future.result() for future in futures]


def file_statuses(
    chunks: Sequence[Document],
    stored: Sequence[dict[str, dict[str, Any]]],
    plans: Sequence[SyncPlan],
    report: IngestReport,
) -> list[FileStatus]:
    """Per corpus file: added (new), updated (chunks embedded or changed), unchanged,
    removed (no longer in the corpus) or skipped with its reason."""
    before = {str(m.get("path", "")) for meta in stored for m in meta.values()}
    touched = {str(d.metadata.get("path", "")) for p in plans for d in (*p.add, *p.update)}
    now = {str(d.metadata.get("path", "")) for d in chunks}
    statuses = [
        FileStatus(path=path, status="unchanged" if path not in touched
                   else "updated" if path in before else "added")
        for path in sorted(now)
    ]
    skipped = {s.path: s.reason for s in report.skipped}
    statuses += [FileStatus(path=p, status="skipped", reason=r) for p, r in skipped.items()]
    gone = sorted(before - now - set(skipped))
    return statuses + [FileStatus(path=path, status="removed") for path in gone]


def _file_stats(settings: Settings) -> dict[str, tuple[int, int]]:
    """Size and mtime of every corpus file, by relative path."""
    out: dict[str, tuple[int, int]] = {}
    for path in scan(settings.corpus_dir)[0]:
        try:
            out[relative_path(path, settings.corpus_dir)] = stat_of(path)
        except OSError:
            continue
    return out


def _new_entries(
    same: dict[str, FileEntry], docs: Sequence[SourceDoc], chunks: Sequence[Document],
    stats: dict[str, tuple[int, int]],
) -> dict[str, FileEntry]:
    counts: dict[str, int] = {}
    for chunk in chunks:
        key = str(chunk.metadata.get("path", ""))
        counts[key] = counts.get(key, 0) + 1
    entries = dict(same)
    for doc in docs:
        if doc.path in stats:
            size, mtime = stats[doc.path]
            entries[doc.path] = FileEntry(size, mtime, doc.file_hash, doc.doc_id,
                                          counts.get(doc.path, 0))
    return entries


def _fill_report(
    report: IngestReport, indexes: Sequence[ChunkIndex], plans: Sequence[SyncPlan],
    same: dict[str, FileEntry],
) -> None:
    """The counts of an ingest; files not read count as unchanged."""
    plan = plans[0]
    kept = sum(e.chunks for e in same.values())
    report.documents += len(same)
    report.chunks += kept
    report.embedded = len(plan.add)
    report.unchanged = plan.unchanged + len(plan.update) + kept
    report.removed = len(plan.delete)
    pairs = zip(indexes, plans, strict=True)
    report.embedded_by_index = {index.name: len(p.add) for index, p in pairs}


def ingest(
    settings: Settings, indexes: Sequence[ChunkIndex], progress: Progress | None = None
) -> Synced:
    """Bring every index in line with the corpus, embedding only what is new.

    The first index is the primary one (the report counts its work); the others hold
    the same chunks embedded by another model. Files unchanged since the last ingest
    (the manifest: size and mtime) are not read; only the changed files' chunks are
    compared with the index.
    """
    started = time.perf_counter()
    stats = _file_stats(settings)
    entries = read_manifest(settings, [index.count() for index in indexes])
    sheet = current_docs(settings)  # a file whose figures went missing is read again
    same = {r: e for r, e in entries.items()
            if stats.get(r) == (e.size, e.mtime_ns) and e.doc_id in sheet}
    known = {r: (e.file_hash, e.doc_id) for r, e in same.items()}
    docs, chunks, report = load_chunks(settings, known)
    touched = sorted((set(stats) | set(entries)) - set(same)) if entries else None
    stored = [index.stored_metadata(touched) for index in indexes]
    plans = [plan_sync(meta, chunks, index.keys) for meta, index in zip(stored, indexes,
                                                                         strict=True)]
    plan = plans[0]
    log.info(
        "ingest plan: %d to embed, %d metadata updates, %d unchanged, %d to remove; "
        "%d files not read (unchanged)",
        len(plan.add), len(plan.update), plan.unchanged, len(plan.delete), len(same),
    )
    added = _apply_all(indexes, plans, progress)
    _fill_report(report, indexes, plans, same)
    files = file_statuses(chunks, stored, plans, report)
    files += [FileStatus(path=r, status="unchanged") for r in same]
    report.files = sorted(files, key=lambda f: (f.status == "removed", f.status == "skipped",
                                                f.path))
    sync_facts(settings, docs, [e.doc_id for e in same.values()])
    write_manifest(settings, _new_entries(same, docs, chunks, stats))
    report.seconds = round(time.perf_counter() - started, 3)
    return Synced(report, plans, added)
