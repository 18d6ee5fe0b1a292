"""jieba's word table from our pickle cache cuts text exactly as a fresh jieba does."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from assistant.text.normalize import Tokenizer

TEXT = "深圳累计培育了多少家国家级专精特新“小巨人”企业？研发投入占营业收入比重不低于3%。"


def test_cached_word_table_cuts_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    fresh = Tokenizer(["专精特新"]).tokenize(TEXT)  # writes the cache
    caches = list(tmp_path.glob("srdi-jieba-*.pkl"))
    assert len(caches) == 1
    assert Tokenizer(["专精特新"]).tokenize(TEXT) == fresh  # reads it
    caches[0].write_bytes(b"damaged")
    assert Tokenizer(["专精特新"]).tokenize(TEXT) == fresh  # ignored, rewritten
    assert caches[0].stat().st_size > 1000


def test_memoised_tokens_are_the_fresh_ones_and_safe_to_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A memoised token list equals a fresh cut, a caller changing its list does not
    change the next answer, and a full memo is emptied rather than grown."""
    from assistant.text import normalize

    expected = Tokenizer(["专精特新"]).tokenize(TEXT, bigrams=False)
    tok = Tokenizer(["专精特新"])
    first = tok.tokenize(TEXT, bigrams=False)
    assert first == expected
    first.append("injected")
    assert tok.tokenize(TEXT, bigrams=False) == expected
    assert tok.tokenize(TEXT) != expected  # bigrams are a separate entry
    monkeypatch.setattr(normalize, "_MAX_TOKENS", 2)
    tok.tokenize("第三句话。")
    assert len(tok._tokens) == 1
