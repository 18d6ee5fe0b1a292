"""``srdi ingest``: corpus files -> chunks -> incremental Chroma sync."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from langchain_core.documents import Document

from assistant.config import Settings
from assistant.ingest import chunk_document, load_corpus
from assistant.schema import IngestReport
from assistant.store import ChunkIndex, Progress, plan_sync

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


def ingest(
    settings: Settings, index: ChunkIndex, progress: Progress | None = None
) -> IngestReport:
    """Bring the index in line with the corpus, embedding only what is new."""
    started = time.perf_counter()
    chunks, report = corpus_chunks(settings)
    plan = plan_sync(index.stored_metadata(), chunks)
    log.info(
        "ingest plan: %d to embed, %d metadata updates, %d unchanged, %d to remove",
        len(plan.add), len(plan.update), plan.unchanged, len(plan.delete),
    )
    index.apply(plan, progress)
    report.embedded = len(plan.add)
    report.unchanged = plan.unchanged + len(plan.update)
    report.removed = len(plan.delete)
    report.seconds = round(time.perf_counter() - started, 3)
    return report
