"""The tutorial baseline, for comparison in ``srdi eval --retriever baseline``.

What a typical LangChain tutorial does: ``RecursiveCharacterTextSplitter(
chunk_size=1000, chunk_overlap=200)`` over the raw files (no cleaning), the same
embedding model, plain similarity top-k, in a collection of its own.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from langchain_core.documents import Document
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.index.store import ChunkIndex, SyncPlan, open_collection
from assistant.ingest import discover, load_document
from assistant.models.interface import TextEmbeddings
from assistant.retrieval.hybrid import Hit

log = logging.getLogger(__name__)


def raw_chunks(corpus: Path) -> list[Document]:
    """The corpus split the tutorial way (raw text, 1000/200 characters)."""
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=1000, chunk_overlap=200, add_start_index=True
    )
    out: list[Document] = []
    for path in discover(corpus):
        try:
            doc = load_document(path, corpus, {})
        except Exception as exc:  # the baseline skips what it cannot read, like the product
            log.warning("baseline: skipping %s: %s", path, exc)
            continue
        meta = {"doc_id": doc.doc_id, "path": doc.path, "title": doc.title,
                "file_hash": doc.file_hash}
        for i, chunk in enumerate(splitter.create_documents([doc.text], [meta])):
            chunk.id = f"{doc.doc_id}:{i}"
            out.append(chunk)
    return out


class Baseline:
    """The baseline's own collection, (re)built on first use when the corpus changed."""

    def __init__(self, corpus: Path, client: Any, collection: str, embeddings: TextEmbeddings):
        self.corpus = corpus
        self.client = client
        self.collection = collection
        self.embeddings = embeddings
        self._index: ChunkIndex | None = None
        self._lock = threading.Lock()

    def index(self) -> ChunkIndex:
        """The baseline collection, in step with the corpus folder."""
        with self._lock:
            if self._index is None:
                self._index = self._build()
            return self._index

    def _build(self) -> ChunkIndex:
        index = ChunkIndex(open_collection(self.client, self.collection), self.embeddings)
        chunks = raw_chunks(self.corpus)
        wanted = {str(c.id): c.metadata.get("file_hash") for c in chunks}
        stored = {i: m.get("file_hash") for i, m in index.stored_metadata().items()}
        if stored != wanted:
            log.info("building the baseline collection (%d chunks)", len(chunks))
            if stored:
                index.collection.delete(ids=list(stored))
            index.apply(SyncPlan(add=chunks))
        return index

    def hits(self, query: str, k: int) -> list[Hit]:
        """Plain top-k cosine similarity over the baseline collection."""
        vector = self.embeddings.embed_query(query)
        return [Hit(doc, score) for doc, score in self.index().search(vector, k)]
