"""Place names inside other words.

A question's compound word can hold a place's name without being about the place:
朝阳产业 (a sunrise industry) holds 朝阳 (朝阳区), 长安汽车 (a carmaker) holds 长安. The
tokenizer also offers a compound's parts as words, so that a paraphrase shares them
with a sentence; a part that is a place name would then match sentences about that
place. Such a part is dropped from the question's words unless the question names the
place itself (深圳 in 深圳湾 still counts: the place finder reads it as 深圳).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

__all__ = ["place_parts"]


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
