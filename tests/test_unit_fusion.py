"""Score fusion of the hybrid retriever: min-max per channel, weighted sum, channel choice."""

from __future__ import annotations

from collections.abc import Collection

import pytest
from langchain_core.documents import Document

from assistant.retrieval.hybrid import HybridRetriever, _min_max

Scored = list[tuple[Document, float]]


class Channel:
    """A fixed ranked list standing in for a retriever (fusion is arithmetic, not meaning)."""

    def __init__(self, scores: dict[str, float]) -> None:
        self.scored: Scored = [(Document(id=i, page_content=i), s) for i, s in scores.items()]
        self.calls: list[tuple[int, Collection[str] | None]] = []

    def search(self, query: str, k: int, doc_ids: Collection[str] | None = None) -> Scored:
        self.calls.append((k, doc_ids))
        return sorted(self.scored, key=lambda p: p[1], reverse=True)[:k]


def fused(channels: dict[str, tuple[Channel, float]], **kw: object) -> dict[str, float]:
    hits = HybridRetriever(channels=channels, k=10).hits("q", **kw)  # type: ignore[arg-type]
    return {str(h.doc.id): h.score for h in hits}


def test_min_max_rescales_to_unit_range() -> None:
    chan = Channel({"a": 12.0, "b": 7.0, "c": 2.0})
    assert _min_max(chan.scored) == {"a": 1.0, "b": 0.5, "c": 0.0}
    assert _min_max([]) == {}
    assert _min_max(Channel({"x": 3.0}).scored) == {"x": 0.0}  # one hit: no span


def test_weighted_sum_of_normalised_scores() -> None:
    bm25 = Channel({"a": 10.0, "b": 5.0, "c": 0.0})
    dense = Channel({"c": 0.9, "b": 0.5, "a": 0.1})
    scores = fused({"bm25": (bm25, 0.75), "dense": (dense, 0.25)})
    assert list(scores) == ["a", "b", "c"]  # best first
    assert scores["a"] == pytest.approx(0.75)
    assert scores["b"] == pytest.approx(0.75 * 0.5 + 0.25 * 0.5)
    assert scores["c"] == pytest.approx(0.25)


def test_weights_of_empty_channels_are_shared_out() -> None:
    bm25 = Channel({"a": 10.0, "b": 0.0})
    scores = fused({"bm25": (bm25, 0.5), "dense": (Channel({}), 0.5)})
    assert scores == {"a": pytest.approx(1.0), "b": pytest.approx(0.0)}


def test_only_one_channel_and_k() -> None:
    bm25 = Channel({"a": 3.0, "b": 2.0, "c": 1.0})
    dense = Channel({"c": 1.0, "a": 0.0})
    assert list(fused({"bm25": (bm25, 0.9), "dense": (dense, 0.1)}, only="dense")) == ["c", "a"]
    assert bm25.calls == []
    assert len(fused({"bm25": (bm25, 1.0)}, k=2)) == 2


def test_doc_ids_reach_every_channel_and_become_a_chroma_filter() -> None:
    bm25 = Channel({"a": 1.0})
    fused({"bm25": (bm25, 1.0)}, doc_ids={"d2", "d1"})
    assert bm25.calls[0][1] == {"d1", "d2"} and bm25.calls[0][0] >= 10
