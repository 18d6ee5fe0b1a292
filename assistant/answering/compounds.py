"""A Chinese word and the pieces the segmenter also cuts from it.

The tokenizer cuts a Chinese word in search mode: 省区市 gives 省区, 区市 and 省区市;
第一条 gives 第一, 一条 and 第一条. Counted as separate concepts, one word of the question
weighs three times, so a word no document uses (a paraphrase the corpus says otherwise)
outweighs everything else the question asks. Grouped, the word is one concept that a text
expresses with the word itself or with all of its pieces (:func:`compounds`).

A piece can also be a place's name without the word being about the place: 朝阳产业 (a
sunrise industry) holds 朝阳 (朝阳区), 长安汽车 (a carmaker) holds 长安. Such a piece is
dropped from the question's words unless the question names the place itself (深圳 in
深圳湾 still counts: the place finder reads it as 深圳) (:func:`place_parts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from itertools import islice, product

from assistant.knowledge.dictionary import Bridge
from assistant.text.normalize import HAN_RUN

__all__ = ["book_title_words", "compounds", "piece_forms", "place_parts"]


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


def place_parts(
    words: Collection[str], place_words: Collection[str], is_place: Callable[[str], bool]
) -> frozenset[str]:
    """The ``words`` that are a place's name inside a longer word of ``words`` that is
    not itself a place, and that the question does not name as a place."""
    return frozenset(
        w for w in words
        if w not in place_words and is_place(w)
        and any(w in other and other != w and not is_place(other) for other in words)
    )


_BOOK_TITLE = re.compile(r"《([^》]{1,60})》")


def book_title_words(text: str, tokenize: Callable[..., list[str]]) -> set[str]:
    """The words of the document names a text writes in book-title marks (《…》)."""
    return {w for m in _BOOK_TITLE.findall(text) for w in tokenize(m, bigrams=False)}


def piece_forms(
    pieces: frozenset[str], bridge: Bridge | None, most: int = 8
) -> tuple[frozenset[str], ...]:
    """The compound said by a translation of every one of its pieces (行业标准 with the
    piece 标准: {standard}; 手机电池 needs phone and battery), as its pieces say it in
    Chinese; none when a piece has no translation (at most ``most`` combinations)."""
    if bridge is None or not pieces:
        return ()
    each = [bridge.forms(piece) for piece in sorted(pieces)]
    if not all(each):
        return ()
    return tuple(frozenset(combo) for combo in islice(product(*each), most))
