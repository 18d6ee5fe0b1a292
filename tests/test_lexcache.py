"""The token cache next to the vector store: loaded instead of re-tokenising, updated for
new chunks only, and giving the same BM25 scores and IDF as tokenising from scratch.

Real jieba tokenizer and real files in tmp_path; no fakes.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
from test_lexical import KNOWLEDGE, PASSAGES

from assistant.answering.question import Idf
from assistant.index.lexcache import (
    document_frequencies,
    token_tables,
)
from assistant.index.lexical import BM25Index

TOKENIZER = KNOWLEDGE.tokenizer
TEXTS = [text for _, text in PASSAGES]


class Counting:
    """Counts how many texts the real tokenizer is asked to cut."""

    def __init__(self, bigrams: bool = True) -> None:
        self.calls = 0
        self.bigrams = bigrams

    def __call__(self, text: str) -> list[str]:
        self.calls += 1
        return TOKENIZER.tokenize(text, bigrams=self.bigrams)


def tables(path: Path, ids: list[str], texts: list[str], signature: str = "s1"):  # type: ignore[no-untyped-def]
    cut, words = Counting(), Counting(bigrams=False)
    out = token_tables(path, signature, ids, lambda i: texts[i], [cut, words])
    return out, cut.calls


def test_second_start_tokenises_nothing_and_an_ingest_only_the_new(tmp_path: Path) -> None:
    path = tmp_path / "srdi.tokens.npz"
    ids = [f"c{i}" for i in range(len(TEXTS))]
    _, first = tables(path, ids[:-1], TEXTS[:-1])
    assert first == len(TEXTS) - 1
    _, again = tables(path, ids[:-1], TEXTS[:-1])
    assert again == 0
    (bm25, words), added = tables(path, ids, TEXTS)
    assert added == 1
    _, changed_tokenizer = tables(path, ids, TEXTS, signature="s2")
    assert changed_tokenizer == len(TEXTS)

    fresh = BM25Index([TOKENIZER.tokenize(t) for t in TEXTS])
    cached = BM25Index.from_table(bm25)
    query = {t: 1.0 for t in TOKENIZER.tokenize("专精特新小巨人企业 digital transformation")}
    assert np.any(fresh.scores(query) > 0)
    np.testing.assert_allclose(cached.scores(query), fresh.scores(query))
    built = Idf.build(TEXTS, TOKENIZER)
    assert Counter(document_frequencies(words)) == built.df


def test_dropped_chunks_leave_the_tables(tmp_path: Path) -> None:
    path = tmp_path / "srdi.tokens.npz"
    ids = [f"c{i}" for i in range(len(TEXTS))]
    tables(path, ids, TEXTS)
    (bm25, _), calls = tables(path, ids[2:], TEXTS[2:])
    assert calls == 0 and bm25.rows() == len(TEXTS) - 2
    fresh = BM25Index([TOKENIZER.tokenize(t) for t in TEXTS[2:]])
    query = {t: 1.0 for t in TOKENIZER.tokenize("小巨人 unicorn")}
    np.testing.assert_allclose(BM25Index.from_table(bm25).scores(query), fresh.scores(query))


def test_new_rows_between_cached_ones_keep_the_requested_order(tmp_path: Path) -> None:
    """An ingest inserts new chunks among cached ones (document order): every row must be
    the token list of its own chunk, whichever source it was gathered from."""
    path = tmp_path / "srdi.tokens.npz"
    ids = [f"c{i}" for i in range(len(TEXTS))]
    tables(path, ids[::2], TEXTS[::2])  # every other chunk cached
    order = list(reversed(range(len(TEXTS))))
    (bm25, words), calls = tables(path, [ids[i] for i in order], [TEXTS[i] for i in order])
    assert calls == len(ids[1::2])
    for row, i in enumerate(order):
        terms = bm25.flat[bm25.offsets[row] : bm25.offsets[row + 1]]
        assert [bm25.vocab[t] for t in terms] == TOKENIZER.tokenize(TEXTS[i])
        plain = words.flat[words.offsets[row] : words.offsets[row + 1]]
        assert [words.vocab[t] for t in plain] == TOKENIZER.tokenize(TEXTS[i], bigrams=False)


def test_cached_pickle_recomputes_on_a_new_key_or_a_damaged_file(tmp_path: Path) -> None:
    from assistant.index.lexcache import cached_pickle

    path = tmp_path / "x.pkl"
    calls: list[int] = []

    def compute() -> dict[str, tuple[str, ...]]:
        calls.append(1)
        return {"企业": ("enterprise",)}

    assert cached_pickle(path, "a", compute) == {"企业": ("enterprise",)}
    assert cached_pickle(path, "a", compute) == {"企业": ("enterprise",)} and len(calls) == 1
    assert cached_pickle(path, "b", compute) and len(calls) == 2
    path.write_bytes(b"damaged")
    assert cached_pickle(path, "b", compute) and len(calls) == 3
    # written by another version of the code, with a module this one lacks
    import pickle

    path.write_bytes(pickle.dumps(("b", Path("x"))).replace(b"pathlib", b"gonelib"))
    assert cached_pickle(path, "b", compute) and len(calls) == 4


def test_bridge_after_a_vocabulary_change_equals_a_full_rebuild(tmp_path: Path) -> None:
    """The bridge cache parses dictionary lines of new words only; the result must be the
    bridge a full parse gives for the new vocabulary (real CC-CEDICT)."""
    from assistant.answering.searchers import _bridge
    from assistant.config import Settings
    from assistant.knowledge.dictionary import cedict_path, load_bridge

    path = tmp_path / "srdi.bridge.pkl"
    settings = Settings(use_dictionary=True)
    before = ["企业", "制造", "设备", "数字化", "host", "equip", "2024"]
    after = ["企业", "设备", "主机", "集群", "数字化", "host", "cluster", "equip", "2025"]
    first = _bridge(settings, KNOWLEDGE, before, path, "k")
    incremental = _bridge(settings, KNOWLEDGE, after, path, "k")
    full = load_bridge(cedict_path(), [w for w in after if not w.isascii()],
                       [w for w in after if w.isascii()], TOKENIZER.en_words)
    assert incremental.en_to_zh == full.en_to_zh and incremental.zh_to_en == full.zh_to_en
    assert incremental.en_to_zh != first.en_to_zh  # a real change, new words included
    assert "主机" in str(incremental.en_to_zh) and "制造" not in str(incremental.en_to_zh)
