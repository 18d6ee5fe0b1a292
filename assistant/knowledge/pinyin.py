"""Chinese names written in pinyin, found in characters: "Zhang Lei" is 张雷 / 張雷.

English questions name Chinese people (authors, officials, founders) in pinyin; the
documents write the characters. No dictionary lists people, so a name is matched by its
reading: the pinyin of each character (from ``pypinyin``'s character table, the readings
of every CJK character) against the syllables of the written name. Place names are not
read here: the division table knows their English names.

``pypinyin`` offers the character → reading direction only; splitting a written name
into syllables and finding the characters that read as it are written here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import product
from math import prod

__all__ = [
    "find_readings", "name_syllables", "pinyin_names", "readings_index", "written_as_syllables",
    "written_in_pinyin",
]

# Two or three capitalised words: "Zhang Lei", "Pang Beibei", "Xu Xiaolan" (a single
# capitalised word is mostly a place, a firm or a word)
_CAPITALISED_RUN = re.compile(r"(?<![\w'’])([A-Z][a-z]{0,6}(?:[\s-]+[A-Z][a-z]{1,9}){1,2})\b")
_MAX_SYLLABLES = 4


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Each CJK character's toneless readings, and the set of valid syllables."""
    from pypinyin.pinyin_dict import pinyin_dict  # deferred: 42k entries, ~0.15 s

    readings: dict[str, frozenset[str]] = {}
    for code, values in pinyin_dict.items():
        if 0x4E00 <= code <= 0x9FFF:
            readings[chr(code)] = frozenset(_toneless(v) for v in values.split(","))
    syllables = frozenset(s for values in readings.values() for s in values)
    return readings, syllables


def _toneless(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable.replace("ü", "v"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


@lru_cache(maxsize=4096)
def name_syllables(word: str) -> tuple[str, ...] | None:
    """``word`` split into pinyin syllables ("jiangping" → jiang, ping), the split with
    the fewest syllables; None when it is no pinyin."""
    _, valid = _table()
    word = word.lower()
    best: list[tuple[str, ...] | None] = [()] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            head = best[start]
            if head is not None and word[start:end] in valid:
                split = (*head, word[start:end])
                current = best[end]
                if current is None or len(split) < len(current):
                    best[end] = split
    return best[-1]


def pinyin_names(text: str, known: Callable[[str], bool]) -> list[tuple[str, tuple[str, ...]]]:
    """Each person's name ``text`` writes in pinyin, as written and as syllables (2–4);
    ``known``: whether a written name is something else (a place, a body). A run that
    opens the question ("Does Pang Beibei…") is read without its leading words."""
    names: list[tuple[str, tuple[str, ...]]] = []
    for m in _CAPITALISED_RUN.finditer(text):
        words = re.split(r"[\s-]+", m.group(1))
        for start in range(len(words) - 1):
            written = " ".join(words[start:])
            parts = [name_syllables(w) for w in words[start:]]
            syllables = tuple(s for p in parts if p for s in p)
            if all(parts) and 2 <= len(syllables) <= _MAX_SYLLABLES:
                if not known(written):
                    names.append((written, syllables))
                break
    return names


def find_readings(syllables: tuple[str, ...], text: str) -> list[str]:
    """The runs of characters in ``text`` that read as ``syllables`` ("zhang lei" →
    张雷 / 張雷), in order of appearance, each once."""
    readings, _ = _table()
    n = len(syllables)
    found: list[str] = []
    for i in range(len(text) - n + 1):
        run = text[i : i + n]
        reads = all(syllables[j] in readings.get(ch, ()) for j, ch in enumerate(run))
        if reads and run not in found:
            found.append(run)
    return found


def written_in_pinyin(name: str) -> re.Pattern[str] | None:
    """How English text writes a Chinese person's name ``name``: the surname then the
    given name ("Xin Guobin", "Xin Guo-bin") or the other way round ("Guobin Xin"), any
    reading of each character; None when a character has no reading."""
    readings, _ = _table()
    parts = [readings.get(ch) for ch in name]
    if len(parts) < 2 or not all(parts):
        return None
    alts = ["(?:" + "|".join(sorted(p)) + ")" for p in parts if p]
    surname, given = alts[0], r"[\s-]?".join(alts[1:])
    return re.compile(rf"\b(?:{surname}\s+{given}|{given}\s+{surname})\b", re.I)


def written_as_syllables(name: str) -> re.Pattern[str] | None:
    """How English text writes a firm's or a brand's name ``name`` in pinyin, the syllables
    run together or apart in any grouping ("渝鑫平瑞": "Yuxin Pingrui", "Yu Xin Ping Rui");
    None when a character has no reading or the name is one character."""
    readings, _ = _table()
    parts = [readings.get(ch) for ch in name]
    if len(parts) < 2 or not all(parts):
        return None
    syllables = r"[\s-]?".join(f"(?:{'|'.join(sorted(p))})" for p in parts if p)
    return re.compile(rf"\b{syllables}\b", re.I)


_MAX_READINGS = 16  # a word of many polyphonic characters is skipped, not expanded


def readings_index(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The Chinese words (two to four characters) among ``words`` by each toneless reading
    written as one word ("wanxi" → 皖西, "huoshi" → 火石): how an English text names a
    Chinese outlet, firm or place the dictionary does not list."""
    readings, _ = _table()
    index: dict[str, list[str]] = {}
    for word in words:
        if not 2 <= len(word) <= 4:
            continue
        parts = [readings.get(ch) for ch in word]
        if not all(parts) or prod(len(p) for p in parts if p) > _MAX_READINGS:
            continue
        for combo in product(*(sorted(p) for p in parts if p)):
            index.setdefault("".join(combo), []).append(word)
    return {k: tuple(v) for k, v in index.items()}
