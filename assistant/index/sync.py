"""``srdi ingest``: corpus files -> chunks -> incremental Chroma sync."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from langchain_core.documents import Document

from assistant.config import Settings
from assistant.index.facts import sync_facts
from assistant.index.store import ChunkIndex, Progress, plan_sync
from assistant.ingest import chunk_document, load_corpus
from assistant.schema import IngestReport

log = logging.getLogger(__name__)


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


def corpus_chunks(settings: Settings) -> tuple[list[Document], IngestReport]:
    """Load, clean and chunk the corpus (no embedding)."""
    docs, skipped = load_corpus(settings)
    chunks = [chunk for doc in docs for chunk in chunk_document(doc, settings)]
    return chunks, IngestReport(documents=len(docs), chunks=len(chunks), skipped=skipped)


def _shifted(progress: Progress | None, offset: int, total: int) -> Progress | None:
    """One index's progress as part of the whole ingest's."""
    if progress is None:
        return None
    return lambda done, _: progress(offset + done, total)


def ingest(
    settings: Settings, indexes: Sequence[ChunkIndex], progress: Progress | None = None
) -> IngestReport:
    """Bring every index in line with the corpus, embedding only what is new.

    The first index is the primary one (the report counts its work); the
    others hold the same chunks embedded by another model.
    """
    started = time.perf_counter()
    docs, skipped = load_corpus(settings)
    chunks = [chunk for doc in docs for chunk in chunk_document(doc, settings)]
    report = IngestReport(documents=len(docs), chunks=len(chunks), skipped=skipped)
    plans = [plan_sync(index.stored_metadata(), chunks) for index in indexes]
    plan = plans[0]
    log.info(
        "ingest plan: %d to embed, %d metadata updates, %d unchanged, %d to remove",
        len(plan.add), len(plan.update), plan.unchanged, len(plan.delete),
    )
    grand_total = sum(len(p.add) for p in plans)
    offset = 0
    for index, each in zip(indexes, plans, strict=True):
        index.apply(each, _shifted(progress, offset, grand_total))
        offset += len(each.add)
    report.embedded = len(plan.add)
    report.unchanged = plan.unchanged + len(plan.update)
    report.removed = len(plan.delete)
    sync_facts(settings, docs)
    report.seconds = round(time.perf_counter() - started, 3)
    return report
