"""Tokens of the indexed chunks, saved next to the vector store so no start re-tokenises.

Cutting every chunk with jieba for BM25 and again for the IDF table was most of the
startup work (63 s at 20k chunks). :func:`token_tables` keeps both token lists of every
chunk in one ``.npz`` file (flat ``int32`` term ids with offsets over one vocabulary),
keyed by chunk id (a content hash): at start the file is loaded, and after an ingest
only the new chunks are tokenised and the file rewritten. A change of the tokenizer's
inputs (``signature``: glossary and entity files) discards the file.

Language centroids need no file: they are means of the snapshot's vectors
(:mod:`assistant.index.snapshot`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

# Bump when the tokenizer's code reads text otherwise (lexcache-3: ruby readings dropped;
# lexcache-4: a range's lower bound takes its scale, "100-400 million"; lexcache-5: Chinese
# counts before a counter, 六家, 百家; lexcache-6: …of batches, products, people, 分三批)
FORMAT = "lexcache-6"
T = TypeVar("T")
IntArray = npt.NDArray[np.int64]


@dataclass
class TokenTable:
    """One token list per chunk, as term ids into ``vocab`` (chunk ``i`` is
    ``flat[offsets[i]:offsets[i + 1]]``)."""

    vocab: list[str]
    flat: IntArray
    offsets: IntArray

    def rows(self) -> int:
        """Number of chunks."""
        return len(self.offsets) - 1


def signature_of(*paths: Path) -> str:
    """A digest of files whose content changes how text is tokenised."""
    digest = hashlib.sha1(FORMAT.encode())
    for path in paths:
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()


def ids_key(ids: Sequence[str]) -> str:
    """A digest of a set of chunk ids."""
    return hashlib.sha1("\n".join(sorted(ids)).encode()).hexdigest()


def _save(path: Path, **arrays: Any) -> None:
    """Write atomically (a killed process never leaves a half file), compressed: term
    ids deflate to about a quarter (``np.load`` reads it as any ``.npz``; level 1 takes
    half the time of ``np.savez_compressed``'s level for 15% more bytes)."""
    import zipfile

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp.npz")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, array in arrays.items():
            with archive.open(f"{name}.npy", "w", force_zip64=True) as member:
                np.lib.format.write_array(member, np.asanyarray(array), allow_pickle=False)
    os.replace(tmp, path)


def _blob(strings: Sequence[str]) -> npt.NDArray[np.uint8]:
    return np.frombuffer("\x00".join(strings).encode("utf-8"), dtype=np.uint8)


def _strings(blob: npt.NDArray[np.uint8]) -> list[str]:
    text = blob.tobytes().decode("utf-8")
    return text.split("\x00") if text else []


def _load(path: Path, signature: str) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["signature"]) != signature:
                return None
            return {k: data[k] for k in data.files}
    except (OSError, ValueError, KeyError):
        log.warning("ignoring unreadable token cache %s", path)
        return None


def token_tables(
    path: Path,
    signature: str,
    ids: Sequence[str],
    texts: Callable[[int], str],
    tokenizers: Sequence[Callable[[str], list[str]]],
) -> list[TokenTable]:
    """Token lists of chunks ``ids`` (in that order), one table per tokenizer.

    Chunks found in the file at ``path`` are not tokenised again (their rows are gathered
    in one vectorised step); the others are (``texts(i)`` is the text of ``ids[i]``) and
    the file is rewritten.
    """
    cached = _load(path, signature)
    vocab: list[str] = [] if cached is None else _strings(cached["vocab"])
    term_of = {t: i for i, t in enumerate(vocab)}
    row_of = {} if cached is None else {c: i for i, c in enumerate(_strings(cached["ids"]))}
    rows = np.array([row_of.get(cid, -1) for cid in ids], dtype=np.int64)
    fresh = np.flatnonzero(rows < 0)
    out = []
    for n, tokenize in enumerate(tokenizers):
        new_rows = [np.asarray([term_of.setdefault(t, len(term_of)) for t in tokenize(texts(i))],
                               dtype=np.int64) for i in fresh.tolist()]
        base_flat = np.zeros(0, dtype=np.int64) if cached is None else cached[f"flat{n}"]
        base_off = (np.zeros(1, dtype=np.int64) if cached is None
                    else cached[f"off{n}"].astype(np.int64))
        out.append(_gathered(rows, fresh, base_flat.astype(np.int64), base_off, new_rows))
    vocab = list(term_of)
    for table in out:
        table.vocab = vocab
    if len(fresh) or cached is None or len(row_of) != len(ids):
        # term ids in 16 bits while the vocabulary fits; strings as one UTF-8 blob each
        # (numpy's fixed-width strings pad every entry to the longest)
        small = np.uint16 if len(vocab) < 2**16 else np.int32
        arrays: dict[str, Any] = {f"flat{n}": t.flat.astype(small) for n, t in enumerate(out)}
        arrays |= {f"off{n}": t.offsets.astype(np.int32 if len(t.flat) < 2**31 else np.int64)
                   for n, t in enumerate(out)}
        _save(path, signature=np.str_(signature), vocab=_blob(vocab), ids=_blob(ids), **arrays)
    log.info("token tables: %d chunks, %d tokenised now", len(ids), len(fresh))
    return out


def _gathered(rows: IntArray, fresh: IntArray, base_flat: IntArray, base_off: IntArray,
              new_rows: list[IntArray]) -> TokenTable:
    """Row ``i`` is cached row ``rows[i]`` or, where ``rows`` is -1, the next of
    ``new_rows``: starts and lengths in one source array, gathered at once."""
    new_lengths = np.array([len(r) for r in new_rows], dtype=np.int64)
    source = np.concatenate([base_flat, *new_rows]) if new_rows else base_flat
    cached = rows >= 0
    starts = np.zeros(len(rows), dtype=np.int64)
    lengths = np.zeros(len(rows), dtype=np.int64)
    starts[cached] = base_off[rows[cached]]
    lengths[cached] = base_off[rows[cached] + 1] - base_off[rows[cached]]
    starts[fresh] = len(base_flat) + np.concatenate([[0], np.cumsum(new_lengths)[:-1]]
                                                    ).astype(np.int64)[: len(fresh)]
    lengths[fresh] = new_lengths
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    within = np.arange(offsets[-1], dtype=np.int64) - np.repeat(offsets[:-1], lengths)
    flat = source[np.repeat(starts, lengths) + within] if len(within) else source[:0]
    return TokenTable(vocab=[], flat=flat.astype(np.int64), offsets=offsets)


def distinct(keys: IntArray) -> tuple[IntArray, IntArray]:
    """The distinct values of ``keys`` (ascending) and how often each occurs: by sorting,
    which is many times faster on large integer arrays than ``np.unique``'s hashing."""
    ordered = np.sort(keys)
    if not len(ordered):
        return ordered, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]]))
    counts = np.diff(np.append(starts, len(ordered)))
    return ordered[starts], counts


def document_frequencies(table: TokenTable) -> dict[str, int]:
    """In how many chunks each term occurs."""
    n = table.rows()
    if n == 0 or len(table.flat) == 0:
        return {}
    doc = np.repeat(np.arange(n, dtype=np.int64), np.diff(table.offsets))
    pairs, _ = distinct(table.flat * n + doc)
    counts = np.bincount(pairs // n, minlength=len(table.vocab))
    return {table.vocab[t]: int(counts[t]) for t in np.flatnonzero(counts).tolist()}


def read_pickle(path: Path, key: str) -> Any | None:
    """The value pickled at ``path`` under ``key`` (None when missing, unreadable or saved
    under another key; this program's own files only)."""
    try:
        with path.open("rb") as f:
            saved_key, value = pickle.load(f)  # our own cache file, written below
        return value if saved_key == key else None
    except FileNotFoundError:
        return None
    # (ImportError: written by a version of the code with a module this one lacks)
    except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError,
            ImportError):
        log.warning("ignoring unreadable cache %s", path)
        return None


def write_pickle(path: Path, key: str, value: Any) -> None:
    """Pickle ``value`` at ``path`` under ``key`` (atomic; a failure is only logged)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump((key, value), f, 5)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("cannot write cache %s: %s", path, exc)


def cached_pickle(path: Path, key: str, compute: Callable[[], T]) -> T:
    """``compute()``, pickled at ``path`` under ``key`` and read back while the key holds
    (this program's own file next to the store; unreadable files are recomputed)."""
    found = read_pickle(path, key)
    if found is not None:
        return found  # type: ignore[no-any-return]
    value = compute()
    write_pickle(path, key, value)
    return value
