"""Ingestion: files on disk to clean, citable chunk Documents.

``load_corpus`` loads every usable file of the corpus (reporting the others),
``chunk_document`` turns one :class:`SourceDoc` into LangChain ``Document``
chunks whose ``metadata`` carries :data:`assistant.schema.CHUNK_KEYS` and whose
text is always ``doc.text[start:end]``.
"""

from assistant.ingest.chunking import chunk_document, chunk_id, chunk_spans
from assistant.ingest.corpus import discover, doc_id_for, load_corpus, load_document
from assistant.ingest.document import SUPPORTED_SUFFIXES, LoadError, SourceDoc
from assistant.ingest.metadata import load_sources

__all__ = [
    "SUPPORTED_SUFFIXES",
    "LoadError",
    "SourceDoc",
    "chunk_document",
    "chunk_id",
    "chunk_spans",
    "discover",
    "doc_id_for",
    "load_corpus",
    "load_document",
    "load_sources",
]
