"""Open-world places: every Chinese province, prefecture-level city and district/county.

The table ``places.tsv`` (built by ``tools/build_places.py`` from the cpca division codes)
gives each place its full name, safe short form, Traditional spelling and English names.
:class:`Places` finds them in any text with one Aho-Corasick automaton over all aliases:
script-insensitive (Simplified and Traditional aliases), case-insensitive, English only at
word boundaries, longest match first. A mention is reported by its canonical name: the
short form where one is safe (温州市, 溫州, Wenzhou → 温州), else the full name (朝阳区).
Phrases in the stop list that contain a place name (南京路) hide it.

A bare district/county short form (南山, 大兴, Nanshan) is also an ordinary word often
enough (两大城市 holds 大城, 大兴 a verb): it counts only when the text (or the
caller's ``context``) also names its city or province; full names (南山区) always count.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import ahocorasick

__all__ = ["NATIONAL", "Place", "Places", "canonical_place", "load_places"]

NATIONAL = "全国"
_NATIONAL_NAMES = {"全国", "全國", "china", "中国", "中國", "national", "nationwide", "我国"}

_SUFFIXES = ("区", "市", "县", "省", "旗")
_LOWER = {cp: cp + 32 for cp in range(ord("A"), ord("Z") + 1)}  # length-preserving fold


@dataclass(frozen=True)
class Place:
    """One administrative division."""

    adcode: str
    level: str  # province | city | district
    name: str  # full official name, e.g. 温州市
    canonical: str  # short form if safe, else the full name
    parent_code: str
    english: tuple[str, ...]
    weight: int


class Places:
    """All places and the automaton over their aliases (build once, share, read-only)."""

    def __init__(self, places: Iterable[Place], aliases: dict[str, tuple[str, bool]]) -> None:
        """``aliases`` maps a lower-cased alias to (canonical name, needs its city in
        context); an empty canonical name hides the span (stop-list phrases)."""
        self._by_code = {p.adcode: p for p in places}
        self._by_name: dict[str, Place] = {}
        self._provinces = {key: p for p in self._by_code.values() if p.level == "province"
                           for key in (p.canonical, p.name)}
        self._ancestors: dict[str, set[str]] = {}
        for place in sorted(self._by_code.values(), key=lambda p: p.weight):
            for key in (place.canonical, place.name):
                self._by_name[key] = place  # the heaviest same-named place wins
            self._ancestors.setdefault(place.canonical, set()).update(self._lineage(place))
        self._aliases: dict[str, list[str]] = {}
        for alias, (canonical, _) in aliases.items():
            if canonical:
                self._aliases.setdefault(canonical, []).append(alias)
        self._automaton = ahocorasick.Automaton()
        for alias, (canonical, contextual) in aliases.items():
            self._automaton.add_word(alias, (len(alias), canonical, contextual))
        self._automaton.make_automaton()

    def _lineage(self, place: Place) -> list[str]:
        names: list[str] = []
        parent = self._by_code.get(place.parent_code)
        while parent is not None:
            names.append(parent.canonical)
            parent = self._by_code.get(parent.parent_code)
        return names

    def __len__(self) -> int:
        return len(self._by_code)

    def spans(
        self, text: str, context: frozenset[str] = frozenset()
    ) -> list[tuple[int, int, str]]:
        """Non-overlapping place mentions ``(start, end, canonical)`` in ``text``, in order.

        ``context``: canonical names known from elsewhere (the document) that license
        bare district names."""
        folded = text.translate(_LOWER)
        # a text that capitalises words writes a place's English name of several words so:
        # "central and western China" names no Hong Kong district (a one-word name, as
        # "what about shenzhen?", is read in any case: the question's capital is its first)
        cased = folded != text
        found: list[tuple[int, int, str, bool]] = []
        for end, (length, canonical, contextual) in self._automaton.iter(folded):
            start = end + 1 - length
            if folded[start].isascii() and (not _word_bounded(folded, start, end + 1) or (
                    cased and text[start].islower() and " " in folded[start:end + 1])):
                continue
            found.append((start, end + 1, canonical, contextual))
        # the longest alias wins an overlap: 龙岗区 in 和龙岗区, not the city 和龙; of two as
        # long, one the context licenses (顺义 in 和顺义 after 北京, not the county 和顺)
        def unlicensed(span: tuple[int, int, str, bool]) -> bool:
            return span[3] and not self._ancestors.get(span[2], set()) & context

        found.sort(key=lambda s: (s[0] - s[1], unlicensed(s), s[0]))
        taken: list[tuple[int, int, str, bool]] = []
        for span in found:
            if all(span[1] <= t[0] or span[0] >= t[1] for t in taken):
                taken.append(span)
        chosen = sorted((s for s in taken if s[2]), key=lambda s: s[0])
        licensed = context | {c for _, _, c, contextual in chosen if not contextual}
        return [
            (start, end, canonical)
            for start, end, canonical, contextual in chosen
            if not contextual or self._ancestors.get(canonical, set()) & licensed
        ]

    def mentioned(self, text: str, context: frozenset[str] = frozenset()) -> frozenset[str]:
        """Canonical names of the places ``text`` mentions."""
        return frozenset(name for _, _, name in self.spans(text, context))

    def aliases(self, canonical: str) -> tuple[str, ...]:
        """Every lower-cased name of the place (short and full, both scripts, English)."""
        return tuple(self._aliases.get(canonical, ()))

    def is_name(self, word: str) -> bool:
        """Whether ``word`` is a place's name or short form, even one too ambiguous to be
        read as the place on its own (朝阳 of 朝阳区, 长安 of 长安区)."""
        found = self._automaton.get(word.translate(_LOWER), None)
        if found is None:
            return False
        return bool(found[1]) or any(word + suffix in self._by_name for suffix in _SUFFIXES)

    def get(self, name: str) -> Place | None:
        """The place called ``name`` (canonical or full name); the likelier one if shared."""
        return self._by_name.get(name)

    def division(self, name: str) -> Place | None:
        """The place called ``name``, a province first when a province shares the name
        (海南: the province, not Qinghai's 海南藏族自治州)."""
        return self._provinces.get(name) or self._by_name.get(name)

    def parent(self, name: str) -> str | None:
        """Canonical name of the enclosing place (南山 → 深圳, 深圳 → 广东); None at the top."""
        place = self._by_name.get(name)
        if place is None or not place.parent_code:
            return None
        parent = self._by_code.get(place.parent_code)
        return parent.canonical if parent else None

    def ancestors(self, name: str) -> frozenset[str]:
        """Canonical names of every place enclosing ``name`` (龙华 → 深圳, 广东)."""
        return frozenset(self._ancestors.get(name, ()))

    def english(self, name: str) -> str | None:
        """The English name of a place (深圳 → Shenzhen), None when unknown."""
        place = self._by_name.get(name)
        return place.english[0] if place and place.english else None


def canonical_place(places: Places, name: str) -> str:
    """The canonical name a user means (深圳市, Shenzhen → 深圳; China → 全国); the
    input itself when it names no known place."""
    text = name.strip()
    if text.lower() in _NATIONAL_NAMES:
        return NATIONAL
    spans = places.spans(text, context=frozenset(places.mentioned(text)) | {text})
    if spans:
        return spans[0][2]
    place = places.get(text)
    return place.canonical if place else text


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (
        after.isascii() and after.isalnum()
    )


def read_places(path: Path) -> list[tuple[Place, list[tuple[str, bool]]]]:
    """Rows of ``places.tsv`` with each place's aliases (Chinese and English), each
    flagged when it needs its city in context (bare district names of two characters)."""
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    rows: list[tuple[Place, list[tuple[str, bool]]]] = []
    for row in csv.DictReader(lines, delimiter="\t"):
        short, name, hant = row["short"], row["name"], row["hant"]
        english = tuple(e for e in row["en"].split("|") if e)
        place = Place(row["adcode"], row["level"], name, short or name, row["parent"],
                      english, int(row["weight"] or 0))
        district = place.level == "district"
        aliases = [(name, district and len(name) <= 2), (hant, district and len(hant) <= 2)]
        aliases += [(e, district and " " not in e) for e in english]
        if short:
            aliases += [(short, district), (_short_hant(short, name, hant), district)]
        # 臺 and 台 are both written in Traditional text (臺東縣, 台東縣)
        aliases += [(a.replace("臺", "台"), c) for a, c in aliases if "臺" in a]
        rows.append((place, aliases))
    return rows


def _short_hant(short: str, name: str, hant: str) -> str:
    """The Traditional short form: the prefix of the Traditional name (温州 → 溫州)."""
    return hant[: len(short)] if name.startswith(short) else short


def read_stoplist(path: Path) -> list[str]:
    """Phrases of the stop list (comments and blank lines dropped)."""
    with path.open(encoding="utf-8") as fh:
        return [s for s in (line.strip() for line in fh) if s and not s.startswith("#")]


def read_english(path: Path) -> dict[str, tuple[str, ...]]:
    """English names by adcode (``places_english.tsv``: the names English texts use)."""
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return {row["adcode"]: tuple(e for e in row["en"].split("|") if e)
            for row in csv.DictReader(lines, delimiter="\t")}


def _with_english(
    rows: list[tuple[Place, list[tuple[str, bool]]]], english: dict[str, tuple[str, ...]]
) -> list[tuple[Place, list[tuple[str, bool]]]]:
    """Each row with the English names ``english`` gives its adcode, first."""
    out = []
    for place, aliases in rows:
        names = english.get(place.adcode, ())
        if names:
            place = replace(place, english=(*names, *place.english))
            aliases = [*aliases, *((n, False) for n in names)]
        out.append((place, aliases))
    return out


def load_places(
    places_path: Path, stoplist_path: Path, supplement_path: Path | None = None,
    english_path: Path | None = None,
) -> Places:
    """Build :class:`Places` from the table, its supplement of divisions created after
    the table was compiled (same columns), the English names texts use where they are not
    the table's pinyin, and the stop list."""
    rows = read_places(places_path)
    if supplement_path is not None:
        rows += read_places(supplement_path)
    if english_path is not None:
        rows = _with_english(rows, read_english(english_path))
    aliases: dict[str, tuple[str, bool]] = {}
    for place, names in sorted(rows, key=lambda r: r[0].weight):
        for alias, contextual in names:
            key = alias.translate(_LOWER)
            previous = aliases.get(key)
            # a name that needs its city in context (a county's "Wuxi") never takes a name
            # from a place that does not (the city Wuxi, 无锡), whatever their weights
            if previous is not None and contextual and previous[0] and not previous[1]:
                continue
            aliases[key] = (place.canonical, contextual)
    for phrase in read_stoplist(stoplist_path):
        if phrase not in aliases:
            aliases[phrase.translate(_LOWER)] = ("", False)  # a word, or a blocking phrase
    return Places((p for p, _ in rows), aliases)
