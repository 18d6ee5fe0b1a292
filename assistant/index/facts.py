"""The figures sheet on disk: ``facts.jsonl.gz`` beside the Chroma store, kept in step
with the corpus (a changed document's figures are re-extracted, a removed one's dropped).

One line per document: ``{"doc_id", "file_hash", "records": [FactRecord…]}``, gzipped
(its field names repeat on every record: a sixth of the size). A sheet written before as
plain ``facts.jsonl`` still reads, and is replaced by the next write.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.config import Settings
from assistant.schema import FactRecord

if TYPE_CHECKING:  # the ingest package loads only for an ingest
    from assistant.ingest import SourceDoc

log = logging.getLogger(__name__)

__all__ = ["current_docs", "facts_path", "read_facts", "rules_digest", "sync_facts"]

FACTS_FILE = "facts.jsonl.gz"
PLAIN_FILE = "facts.jsonl"  # the sheet as stores written before compression keep it
GZIP_LEVEL = 1  # nearly the size of level 6 (rewritten whole by every ingest that changes it)
# Bump when the extraction code (knowledge/figures, figure_rules) reads figures otherwise:
# the digest below then differs and every document's figures are read again.
# 13: counts of batches, products, people (分三批, 20余款); 12: Chinese counts before a counter
# (六家, 百家); 11: ranges
EXTRACTION = "figures-13"


def rules_digest(settings: Settings) -> str:
    """A digest of what, besides a document, shapes its figures: the extraction code's
    version and the metric and place data it reads."""
    digest = hashlib.sha1(EXTRACTION.encode())
    for path in (settings.metrics_path, settings.places_path, settings.place_stoplist_path,
                 settings.places_supplement_path):
        digest.update(path.read_bytes() if path is not None and path.is_file() else b"-")
    return digest.hexdigest()


def facts_path(settings: Settings) -> Path:
    """Where the sheet lives: ``facts.jsonl.gz`` in ``vectorstore_dir``."""
    return settings.vectorstore_dir / FACTS_FILE


def _read_lines(path: Path) -> dict[str, dict[str, Any]]:
    plain = path.with_name(PLAIN_FILE)
    if path.exists():
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    elif plain.exists():
        text = plain.read_text(encoding="utf-8")
    else:
        return {}
    entries: dict[str, dict[str, Any]] = {}
    for line in text.splitlines():
        if line.strip():
            entry = json.loads(line)
            entries[entry["doc_id"]] = entry
    return entries


def read_facts(settings: Settings) -> list[FactRecord]:
    """Every record of the sheet, in document then text order ([] before any ingest)."""
    entries = _read_lines(facts_path(settings))
    fields = set(FactRecord.model_fields)
    # our own file: rows with exactly the record's fields are built without re-validation
    return [FactRecord.model_construct(**r) if r.keys() == fields else FactRecord.model_validate(r)
            for e in entries.values() for r in e["records"]]


def current_docs(settings: Settings) -> set[str]:
    """The doc_ids whose figures the sheet holds under today's rules (a document missing
    here is read again by the next ingest even when its file did not change)."""
    rules = rules_digest(settings)
    return {k for k, e in _read_lines(facts_path(settings)).items() if e.get("rules") == rules}


def sync_facts(
    settings: Settings, docs: Sequence[SourceDoc], unchanged: Collection[str] = ()
) -> int:
    """Bring the sheet in line with ``docs`` (plus the ``unchanged`` doc_ids, kept as they
    are); returns how many documents were re-read."""
    path = facts_path(settings)
    stored = _read_lines(path)
    rules = rules_digest(settings)
    stale = [d for d in docs if (stored.get(d.doc_id, {}).get("file_hash"),
                                 stored.get(d.doc_id, {}).get("rules")) != (d.file_hash, rules)]
    if stale:
        from assistant.knowledge import places_of
        from assistant.knowledge.figure_rules import load_metrics
        from assistant.knowledge.figures import DocText, extract_figures

        places = places_of(settings)
        metrics = load_metrics(settings.metrics_path)
        for doc in stale:
            records = extract_figures(
                DocText(doc.doc_id, doc.text, doc.segments, doc.date), places, metrics
            )
            stored[doc.doc_id] = {
                "doc_id": doc.doc_id, "file_hash": doc.file_hash, "rules": rules,
                "records": [r.model_dump() for r in records],
            }
    keep = {d.doc_id for d in docs} | set(unchanged)
    removed = set(stored) - keep
    if stale or removed or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps(stored[k], ensure_ascii=False) for k in sorted(keep & set(stored))]
        data = "".join(line + "\n" for line in lines).encode("utf-8")
        path.write_bytes(gzip.compress(data, GZIP_LEVEL, mtime=0))
        path.with_name(PLAIN_FILE).unlink(missing_ok=True)
    log.info("facts: %d documents re-read, %d removed", len(stale), len(removed))
    return len(stale)
