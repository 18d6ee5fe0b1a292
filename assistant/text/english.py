"""Whether a word is an ordinary English word (zone, association), not a name (Unitree).

The english-words package bundles the Webster's Second (web2) and GCIDE word lists;
they are read on first use (about 0.1 s), not at import.
"""

from __future__ import annotations

import threading
from typing import Any

__all__ = ["EnglishWords"]

_LISTS = ["web2", "gcide"]


class EnglishWords:
    """The general English vocabulary, lower-cased, loaded once per instance on first use."""

    def __init__(self) -> None:
        self._words: frozenset[str] | None = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        """Nothing to pickle: the lists are read again when first needed."""
        return {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__()  # type: ignore[misc]

    def _load(self) -> frozenset[str]:
        with self._lock:
            if self._words is None:
                from english_words import get_english_words_set

                self._words = frozenset(get_english_words_set(_LISTS, lower=True, alpha=True))
            return self._words

    def __contains__(self, word: object) -> bool:
        """Whether ``word`` (any case; a plural too: manufacturers, technologies) is in
        the lists."""
        if not isinstance(word, str):
            return False
        words = self._words if self._words is not None else self._load()
        w = word.lower()
        forms = {w, w.removesuffix("s"), w.removesuffix("es")}
        if w.endswith("ies"):
            forms.add(w[:-3] + "y")
        return any(f in words for f in forms if f)
