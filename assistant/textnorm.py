"""Tokenisation for lexical (BM25) matching over English and Chinese text.

:func:`tokenize` folds width, case and script (Traditional → Simplified), so
``小巨人企業`` and ``小巨人企业`` give the same tokens; segments Chinese with
jieba in search mode plus character bigrams (partial words still match);
stems English words lightly and drops stop words; and emits every figure as its
canonical value from :mod:`assistant.numbers` (``1,214`` / ``1214家`` → ``1214``,
``1.46萬`` / ``14,600`` → ``14600``, ``2.7 billion`` / ``27亿`` → ``2700000000``).
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable
from typing import Any

from assistant.lang import to_simplified
from assistant.numbers import canonical, find_figures

__all__ = ["add_words", "en_words", "fold", "stem", "tokenize", "words"]

log = logging.getLogger(__name__)

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_EN_WORD = re.compile(r"[a-z0-9]+")
_SEGMENT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+")

_EN_STOP_WORDS = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me more most my no nor not of off on once only or other our ours out over own same she should
    so some such than that the their theirs them then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you
    your yours s t many much there's what's let may might must shall per via among upon
    give gives given get gets got receive receives received obtain obtains tell told
    say says said mention mentions mentioned"""
EN_STOP = frozenset(_EN_STOP_WORDS.split())
_ZH_STOP_WORDS = """
    的 了 是 在 和 与 及 或 等 为 对 于 之 也 都 而 其 该 这 那 这些 那些
    以及 并 被 把 从 到
    将 已 已经 哪 哪些 哪个 几 谁 什么 怎么 怎样 如何 吗 呢 吧 啊 有 有多少 多少 多 个 中 上 下
    就 又 还 但 所 以 让 给 向 由 着 过 我 我们 你 他 她 它 他们 请问 一下 呀 么
    可以 能 能够 会 可 获得 得到 为什么 为何 是否 有没有 哪里 哪儿 怎么样 什么样"""
ZH_STOP = frozenset(_ZH_STOP_WORDS.split())
# English number words that name a count ("one" is left out: it is mostly a pronoun).
NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
}

_lock = threading.RLock()
_jieba: Any = None
_pending_words: set[str] = set()


def fold(text: str) -> str:
    """NFKC, lower-case and Traditional → Simplified: the matching form of a text."""
    return to_simplified(unicodedata.normalize("NFKC", text).lower())


def stem(word: str) -> str:
    """A light English suffix stripper (plurals, -ing, -ed, -ation, trailing e)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, repl, min_stem in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            word = word[: -len(suffix)] + repl
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # running → runn → run
    return word


_SUFFIXES = (
    ("ization", "iz", 3),
    ("isation", "iz", 3),
    ("ational", "at", 3),
    ("ation", "at", 3),
    ("ative", "at", 3),
    ("ities", "ity", 3),
    ("ies", "y", 2),
    ("ied", "y", 2),
    ("sses", "ss", 2),
    ("ings", "", 3),
    ("ing", "", 3),
    ("ised", "iz", 3),
    ("ized", "iz", 3),
    ("ises", "iz", 3),
    ("izes", "iz", 3),
    ("ise", "iz", 3),
    ("ize", "iz", 3),
    ("ated", "at", 3),
    ("ates", "at", 3),
    ("ate", "at", 3),
    ("ive", "", 4),
    ("ed", "", 3),
    ("es", "e", 3),
    ("ss", "ss", 2),
    ("us", "us", 2),
    ("is", "is", 2),
    ("s", "", 3),
)


def add_words(terms: Iterable[str]) -> None:
    """Teach the Chinese segmenter domain words (e.g. ``专精特新``, ``北交所``).

    Call before building an index: documents and queries must be cut alike.
    """
    folded = {w for w in (fold(t).strip() for t in terms) if _HAN_RUN.fullmatch(w)}
    with _lock:
        if _jieba is None:
            _pending_words.update(folded)
            return
        for term in folded:
            _jieba.add_word(term, freq=max(_jieba.suggest_freq(term), 1000))


def _segmenter() -> Any:
    """The process-wide jieba tokenizer, initialised once and quietly."""
    global _jieba
    if _jieba is not None:
        return _jieba
    import jieba

    from assistant.glossary import default_terms

    domain = {fold(t) for t in default_terms()}
    with _lock:
        if _jieba is None:
            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.initialize()
            words = _pending_words | {t for t in domain if _HAN_RUN.fullmatch(t)}
            for term in words:
                tok.add_word(term, freq=max(tok.suggest_freq(term), 1000))
            _pending_words.clear()
            _jieba = tok
    return _jieba


def words(text: str, bigrams: bool = True) -> list[str]:
    """Word tokens of ``text`` without figures: Chinese words (and bigrams), stemmed English."""
    tokens: list[str] = []
    for seg in _SEGMENT.findall(fold(text)):
        if seg[0].isascii():
            if _keep(seg):
                tokens.append(stem(seg))
            if seg in NUMBER_WORDS:  # "three tiers" meets "3个层次"
                tokens.append(NUMBER_WORDS[seg])
        else:
            tokens.extend(_han_tokens(seg, bigrams))
    return tokens


def en_words(text: str) -> list[str]:
    """The stemmed English words of ``text`` in order, stop words and bare digits dropped."""
    return [stem(w) for w in _EN_WORD.findall(fold(text)) if _keep(w)]


def _keep(word: str) -> bool:
    return len(word) > 1 and word not in EN_STOP and not word.isdigit()


def _han_tokens(run: str, bigrams: bool = True) -> list[str]:
    """jieba search-mode words plus every character bigram (a 2-char word counts twice)."""
    tokens = [w for w in _segmenter().cut_for_search(run, HMM=False) if w not in ZH_STOP]
    if bigrams:
        tokens.extend(
            run[i : i + 2] for i in range(len(run) - 1) if run[i : i + 2] not in ZH_STOP
        )
    return tokens


def tokenize(text: str, bigrams: bool = True) -> list[str]:
    """BM25 tokens of ``text``: canonical figures plus :func:`words` of the rest.

    Without ``bigrams`` the Chinese tokens are only dictionary words: what sentence
    scoring uses, where a shared character pair is no evidence of a shared term.
    """
    figures = find_figures(text)
    if not figures:
        return words(text, bigrams)
    parts: list[str] = []
    tokens: list[str] = []
    last = 0
    for fig in figures:
        parts.append(text[last : fig.start])
        tokens.append(canonical(fig.value, fig.percent))
        last = fig.end
    parts.append(text[last:])
    return tokens + words(" ".join(parts), bigrams)
