"""How a chunk's text and metadata are laid out in Chroma metadata (the primary index).

Chroma's local store keeps every metadata value twice (its row, and an entry in an index
on ``(key, value)``) with per-row overhead, and an index entry over ~1000 bytes spills
into an overflow page of its own (4 KB, mostly empty). So a record is stored as:

* ``path`` as a key of its own (``where`` filters select a file's chunks by it);
* everything else as one JSON string ``[text, metadata]``, cut into parts of at most
  ``PART_BYTES`` (keys ``record``, ``record1``, …) so no index entry overflows;
* the fields every chunk of a document shares (``DOC_KEYS``: title, publisher, hash…)
  only on the document's first chunk (``seq`` 0) in a ``shared`` layout; reading joins
  them back by path (:func:`joined`).

Earlier layouts still read: one key per field with the text in ``TEXT_KEY``, or the
text as the Chroma document. An update writes the whole record and clears the keys of
the older layout, so records of either layout mix in one collection.

Vectors: a collection Chroma never searches by similarity (only reads back) and marked
``VECTORS_KEY: "float16"`` in its metadata holds each vector at the precision the index
snapshot searches with (float16), two values in each float32 Chroma stores
(:func:`half_packed`; read back exactly by :func:`half_unpacked`): half the bytes of
Chroma's vector files. Its space is ``ip``, which keeps vectors as given (``cosine``
would normalise the packed bits). A collection without the mark holds float32 vectors.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt
from langchain_core.documents import Document

TEXT_KEY = "text"  # the chunk text as a key of its own (stores written before RECORD_KEY)
RECORD_KEY = "record"
FILTER_KEYS = ("path",)
DOC_KEYS = ("doc_id", "title", "publisher", "date", "url", "file_hash")
PART_BYTES = 900  # an index entry (key, value, row id) stays under SQLite's ~1000 bytes
VECTORS_KEY = "srdi:vectors"  # collection metadata: "float16" when vectors are half-packed
HALF = "float16"
HALF_LAYOUT = {VECTORS_KEY: HALF}  # the collection metadata of the half-packed layout
Matrix = npt.NDArray[np.float32]

__all__ = ["DOC_KEYS", "FILTER_KEYS", "HALF", "HALF_LAYOUT", "RECORD_KEY", "TEXT_KEY",
           "VECTORS_KEY", "half_packed", "half_unpacked", "is_half", "joined", "packed",
           "stored_document", "unpacked"]


def is_half(collection_metadata: Mapping[str, Any] | None) -> bool:
    """Whether a collection (by its metadata) holds half-packed vectors."""
    return bool(collection_metadata) and (collection_metadata or {}).get(VECTORS_KEY) == HALF


def half_packed(vectors: Matrix) -> Matrix:
    """Rows of an even number of values rounded to float16, two to a float32 (the bits as
    they are: finite float16 values never make a float32 NaN or infinity)."""
    matrix = np.asarray(vectors, dtype=np.float32)
    if matrix.ndim != 2 or matrix.shape[1] % 2:
        raise ValueError(f"half-packed vectors need rows of an even length, got {matrix.shape}")
    with np.errstate(over="ignore"):
        half = np.ascontiguousarray(matrix.astype(np.float16))
    if not np.isfinite(half).all():
        raise ValueError("a vector value is out of float16 range")
    return half.view(np.float32)


def half_unpacked(stored: Matrix) -> Matrix:
    """The float16 values of half-packed rows, as float32 (twice as many columns)."""
    matrix = np.ascontiguousarray(np.asarray(stored, dtype=np.float32))
    return matrix.view(np.float16).astype(np.float32)


def _parts(record: str) -> list[str]:
    """``record`` cut into pieces of at most ``PART_BYTES`` UTF-8 bytes (whole chars)."""
    data = record.encode("utf-8")
    out: list[str] = []
    start = 0
    while start < len(data):
        end = min(start + PART_BYTES, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:  # not inside a character
            end -= 1
        out.append(data[start:end].decode("utf-8"))
        start = end
    return out or [""]


def _part_key(i: int) -> str:
    return RECORD_KEY if i == 0 else f"{RECORD_KEY}{i}"


def packed(text: str, meta: Mapping[str, Any], shared: bool = False,
           clear: Iterable[str] = ()) -> dict[str, Any]:
    """The Chroma metadata of a primary record (``shared``: a later chunk of a document
    leaves out ``DOC_KEYS``); the keys ``clear`` (an older layout's) are set to None,
    which Chroma's update deletes."""
    inner = {k: v for k, v in meta.items() if k not in FILTER_KEYS}
    if shared and "path" in meta and meta.get("seq", 0) != 0:
        inner = {k: v for k, v in inner.items() if k not in DOC_KEYS}
    record = json.dumps([text, inner], ensure_ascii=False, separators=(",", ":"))
    out: dict[str, Any] = dict.fromkeys(clear)
    out.update({k: meta[k] for k in FILTER_KEYS if k in meta})
    out.update({_part_key(i): part for i, part in enumerate(_parts(record))})
    return out


def unpacked(meta: Any) -> tuple[str | None, dict[str, Any]]:
    """The text (None when not stored in metadata) and metadata of a stored record, of
    any layout (a shared record's ``DOC_KEYS`` are filled in by :func:`joined`)."""
    metadata = dict(meta or {})
    if RECORD_KEY not in metadata:
        return metadata.pop(TEXT_KEY, None), metadata
    pieces = []
    i = 0
    while _part_key(i) in metadata:
        pieces.append(str(metadata[_part_key(i)]))
        i += 1
    # parts left over from a longer record that an update shortened follow the JSON value
    (text, inner), _ = json.JSONDecoder().raw_decode("".join(pieces))
    return str(text), {**inner, **{k: metadata[k] for k in FILTER_KEYS if k in metadata}}


def joined(metas: Iterable[dict[str, Any]]) -> None:
    """Fill in, in place, the ``DOC_KEYS`` a shared record leaves out, from the record
    of its document's first chunk (same path) among ``metas``."""
    rows = list(metas)
    carriers = {m["path"]: m for m in rows if "path" in m and "doc_id" in m}
    for meta in rows:
        if "path" in meta and "doc_id" not in meta and meta["path"] in carriers:
            source = carriers[meta["path"]]
            meta.update({k: source[k] for k in DOC_KEYS if k in source})


def stored_document(chunk_id: str, text: str | None, meta: Any) -> Document:
    """A stored chunk as a Document: text and metadata from the packed record (or an
    older store's ``TEXT_KEY`` and keys, or its Chroma document)."""
    stored, metadata = unpacked(meta)
    return Document(id=chunk_id, page_content=str(stored or text or ""), metadata=metadata)
