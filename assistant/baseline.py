"""The tutorial baseline, for comparison in ``srdi eval --retriever baseline``.

What a typical LangChain tutorial does: ``RecursiveCharacterTextSplitter(
chunk_size=1000, chunk_overlap=200)`` over the raw files (no cleaning), the same
embedding model, plain similarity top-k, in a collection of its own.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from langchain_core.documents import Document
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.ingest import discover, load_document
from assistant.retrieval import Hit
from assistant.store import ChunkIndex, open_store

if TYPE_CHECKING:
    from assistant.service import AssistantService

log = logging.getLogger(__name__)


def raw_chunks(service: AssistantService) -> list[Document]:
    """The corpus split the tutorial way (raw text, 1000/200 characters)."""
    corpus = service.settings.corpus_dir
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


def baseline_index(service: AssistantService) -> ChunkIndex:
    """The baseline's own collection, (re)built when the corpus changed."""
    store = open_store(
        service.client, f"{service.settings.collection_name}_baseline", service.embeddings
    )
    index = ChunkIndex(store)
    chunks = raw_chunks(service)
    wanted = {str(c.id): c.metadata.get("file_hash") for c in chunks}
    stored = {i: m.get("file_hash") for i, m in index.stored_metadata().items()}
    if stored != wanted:
        log.info("building the baseline collection (%d chunks)", len(chunks))
        if stored:
            index.collection.delete(ids=list(stored))
        store.add_documents(chunks, ids=[str(c.id) for c in chunks])
    return index


def baseline_hits(service: AssistantService, query: str, k: int) -> list[Hit]:
    """Plain top-k cosine similarity over the baseline collection."""
    if service.baseline is None:
        service.baseline = baseline_index(service)
    index = service.baseline
    vector = service.embeddings.embed_query(query)
    return [Hit(doc, score) for doc, score in index.search(vector, k)]
