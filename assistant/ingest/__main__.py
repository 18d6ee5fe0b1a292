"""``python -m assistant.ingest [CORPUS_DIR]``: print what ingestion makes of a corpus.

A diagnostic for people: chunks per document, chunk length statistics, skipped
files with reasons and a few example chunks. Nothing is written anywhere.
"""

from __future__ import annotations

import logging
import statistics
import sys
from pathlib import Path

from assistant.config import Settings
from assistant.ingest.chunking import chunk_document
from assistant.ingest.corpus import load_corpus


def main(argv: list[str]) -> int:
    """Print the ingestion summary of ``argv[0]`` (default: the configured corpus)."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    settings = Settings(corpus_dir=Path(argv[0])) if argv else Settings()
    docs, skipped = load_corpus(settings)
    lengths: list[int] = []
    examples = []
    print(f"{'doc_id':<28} {'lang':<8} {'chunks':>6} {'min':>5} {'median':>6} {'max':>5}  title")
    for doc in docs:
        chunks = chunk_document(doc, settings)
        sizes = [len(c.page_content) for c in chunks]
        lengths += sizes
        examples += chunks[:1]
        print(
            f"{doc.doc_id:<28} {doc.lang:<8} {len(chunks):>6} {min(sizes):>5} "
            f"{statistics.median(sizes):>6.0f} {max(sizes):>5}  {doc.title[:50]}"
        )
    if lengths:
        print(
            f"\n{len(docs)} documents, {len(lengths)} chunks; length min {min(lengths)}, "
            f"median {statistics.median(lengths):.0f}, max {max(lengths)} characters"
        )
    for item in skipped:
        print(f"skipped {item.path}: {item.reason}")
    for chunk in examples:
        meta = chunk.metadata
        print(f"\n[{meta['doc_id']} #{meta['seq']} {meta['lang']} {meta['start']}:{meta['end']}]")
        print(chunk.page_content[:400] + ("…" if len(chunk.page_content) > 400 else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
