"""A Chinese word and the pieces the segmenter also cuts from it.

The tokenizer cuts a Chinese word in search mode: 省区市 gives 省区, 区市 and 省区市;
第一条 gives 第一, 一条 and 第一条. Counted as separate concepts, one word of the question
weighs three times, so a word no document uses (a paraphrase the corpus says otherwise)
outweighs everything else the question asks. Grouped, the word is one concept that a text
expresses with the word itself or with all of its pieces.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.text.normalize import HAN_RUN

__all__ = ["compounds"]


def compounds(words: Iterable[str]) -> list[tuple[str, frozenset[str]]]:
    """Each word with the pieces of it among ``words`` (Chinese, two characters or
    more: a lone character such as 家 stays a word), by word; a piece is listed under
    the longest word that holds it, not on its own."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    heads: list[tuple[str, set[str]]] = []
    for word in ordered:
        holder = next(
            (pieces for head, pieces in heads
             if len(word) > 1 and HAN_RUN.fullmatch(word) and HAN_RUN.fullmatch(head)
             and word in head),
            None,
        )
        if holder is None:
            heads.append((word, set()))
        else:
            holder.add(word)
    return sorted(((head, frozenset(pieces)) for head, pieces in heads), key=lambda h: h[0])
