"""Tokenisation for lexical (BM25) matching over English and Chinese text.

:func:`tokenize` folds width, case and script (Traditional → Simplified), so
``小巨人企業`` and ``小巨人企业`` give the same tokens; segments Chinese with
jieba in search mode plus character bigrams (partial words still match);
stems English words (Snowball) and drops stop words; and emits every figure as its
canonical value from :mod:`assistant.text.numbers` (``1,214`` / ``1214家`` → ``1214``,
``1.46萬`` / ``14,600`` → ``14600``, ``2.7 billion`` / ``27亿`` → ``2700000000``).
"""

from __future__ import annotations

import logging
import os
import pickle
import re
import tempfile
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import snowballstemmer
from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

from assistant.text.english import EnglishWords
from assistant.text.lang import HAN_CLASS, to_simplified
from assistant.text.numbers import canonical, find_figures

__all__ = [
    "HAN_RUN", "Tokenizer", "blanked", "fold", "reading_text", "without_ruby", "zh_function_words",
]

log = logging.getLogger(__name__)

HAN_RUN = re.compile(f"[{HAN_CLASS}]+")
_EN_WORD = re.compile(r"[a-z0-9]+")
# An upper-case acronym with a plural s (SMEs, IPOs, MNCs): Snowball keeps the s after a
# vowel or with no vowel at all, so the plural is dropped before folding.
_ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,})s\b")
_SEGMENT = re.compile(f"[{HAN_CLASS}]+|[a-z0-9]+")

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

# Pinyin left in a text by a web page's ruby annotations (企業(yè), 認(rèn)定): a tone-marked
# syllable in brackets right after a Han character. A quote keeps it (it is what the file
# says); words are read without it, so "認(rèn)定" is the word 认定, not 认 and 定.
_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_RUBY = re.compile(rf"(?<=[\u4e00-\u9fff])[(（][a-zü]*[{_TONE}][a-zü]*[)）]")


def without_ruby(text: str) -> str:
    """``text`` without the pinyin readings of ruby annotations (see ``_RUBY``)."""
    return _RUBY.sub("", text) if "(" in text or "（" in text else text


# Quotation marks set inside a term for emphasis (“专精特新”中小企业, 专精特新“小巨人”企业): the
# term is read whole, as when written without them.
_INNER_QUOTES = re.compile(r"(?<=[\u4e00-\u9fff])[“”\"「」『』]+(?=[\u4e00-\u9fff])"
                           r"|(?<![\u4e00-\u9fff])[“\"「『](?=[\u4e00-\u9fff]{2,8}[”\"」』][\u4e00-\u9fff])"
                           r"|(?<=[\u4e00-\u9fff])[”\"」』](?=[\u4e00-\u9fff])")


def reading_text(text: str) -> str:
    """``text`` as a term is looked for in it (a substring): no ruby readings, no quotes
    inside a term. (Tokens keep the quotes' cut: reading terms whole there moved as many
    dev answers wrong as right.)"""
    return _INNER_QUOTES.sub("", without_ruby(text))


@lru_cache(maxsize=1)
def zh_function_words() -> frozenset[str]:
    """Chinese function words (只有, 跟, 其中, 这次) from the stopwords-iso collection:
    what a question says them with names nothing an answer must repeat. The tokenizer's
    own short list (``ZH_STOP``) decides the index's words; this one only a question's."""
    import stopwordsiso  # deferred: a 0.4 MB JSON file

    # …with the directional complements the collection lacks (加起来, 总结出来) and "at the
    # time" (当时): grammar and deixis, not a thing asked about
    complements = {"起来", "下来", "出来", "上来", "下去", "进来", "当时", "彼时", "那时"}
    return frozenset(fold(w) for w in stopwordsiso.stopwords("zh")) | complements


def blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each ``(start, end)`` span replaced by spaces, offsets kept."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def fold(text: str) -> str:
    """NFKC, lower-case and Traditional → Simplified: the matching form of a text."""
    if text.isascii():  # NFKC and script folding leave ASCII as it is
        return text.lower()
    return to_simplified(unicodedata.normalize("NFKC", text).lower())


def _jieba_tokenizer(jieba: Any) -> Any:
    """An initialised jieba tokenizer; its word table comes from a pickle beside jieba's
    own cache (in the temp folder), which loads ~5x faster than jieba's marshal file."""
    tok = jieba.Tokenizer()
    dictionary = Path(jieba.__file__).with_name("dict.txt")
    stat = dictionary.stat()
    key = f"{jieba.__version__}:{stat.st_size}:{stat.st_mtime_ns}"
    cache = Path(tempfile.gettempdir()) / f"srdi-jieba-{os.getuid()}.pkl"
    try:
        with cache.open("rb") as f:
            saved = pickle.load(f)  # our own file, written below
        if saved[0] == key:
            tok.FREQ, tok.total, tok.initialized = saved[1], saved[2], True
            return tok
    except (OSError, pickle.PickleError, EOFError, IndexError, TypeError, ValueError):
        pass
    tok.initialize()
    try:
        tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump((key, tok.FREQ, tok.total), f, 5)
        os.replace(tmp, cache)
    except OSError:
        pass
    return tok


# Memos of a tokenizer, emptied when full: runs of Chinese characters recur across
# passages (专精特新, 小巨人企业, a heading) and answering reads one sentence several times.
# jieba's tags for people's names
_PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
# …but a "name" ending in a word for a body is one (彭博社: Bloomberg, an agency)
_BODY_END = re.compile(r"(?:社|网|报|台|局|厅|院|部|会|署|委|办|公司|集团)$")
# …and a two-character "name" is one after a title (市长殷勇, 部长王伟): alone, it is as
# often a word the tagger misreads (卡住)
_TITLE_END = re.compile(r"(?:长|長|主任|书记|書記|总理|總理|主席|委员|委員|教授|院士|记者|記者)$")
_MAX_CUTS = 20_000  # jieba cuts of runs (a few MB)
_MAX_TOKENS = 4_096  # token lists of whole texts (sentences and passages; tens of MB)


class Tokenizer:
    """Tokens for lexical matching, with domain words taught to a private jieba instance.

    Build one per knowledge set (``Tokenizer(glossary_terms)``) and pass it where text is
    tokenised: documents and queries must be cut alike. jieba's dictionary loads lazily,
    on the first Chinese text, and quietly.
    """

    def __init__(self, domain_words: Iterable[str] = ()) -> None:
        self.domain_words = frozenset(
            w for w in (fold(t).strip() for t in domain_words) if HAN_RUN.fullmatch(w)
        )
        self._jieba: Any = None
        self._tagger: Any = None  # jieba's part-of-speech tagger, built on first use
        self._lock = threading.Lock()
        # Snowball stemmers keep per-call state: one per tokenizer, used under a lock.
        self._stemmer = snowballstemmer.stemmer("english")
        self._stems: dict[str, str] = {}
        self._cuts: dict[str, tuple[str, ...]] = {}
        self._tokens: dict[tuple[str, bool], tuple[str, ...]] = {}
        self.english = EnglishWords()  # ordinary English words, to tell names from them

    def __getstate__(self) -> dict[str, Any]:
        """Picklable state: the domain words and stems (jieba, the lock and the stemmer
        are made again when loaded)."""
        state = dict(self.__dict__)
        state["_jieba"] = state["_tagger"] = None
        state["_cuts"], state["_tokens"] = {}, {}
        del state["_lock"], state["_stemmer"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.__dict__.setdefault("_tagger", None)  # a tokenizer pickled by an older version
        self.__dict__.setdefault("english", EnglishWords())
        self._cuts, self._tokens = {}, {}
        self._lock = threading.Lock()
        self._stemmer = snowballstemmer.stemmer("english")

    def stem(self, word: str) -> str:
        """The Snowball (Porter 2) stem of an English word (``news`` stays ``news``), of its
        American spelling (recognised → recognized: the two stem apart)."""
        found = self._stems.get(word)
        if found is None:
            if not word.isalpha():
                return word
            american = american_spelling(word)
            with self._lock:
                found = str(self._stemmer.stemWord(american))
            if len(self._stems) < 200_000:
                self._stems[word] = found
        return found

    def _segmenter(self) -> Any:
        if self._jieba is None:
            with self._lock:
                if self._jieba is None:
                    import jieba

                    jieba.setLogLevel(logging.WARNING)
                    tok = _jieba_tokenizer(jieba)
                    for term in self.domain_words:
                        tok.add_word(term, freq=max(tok.suggest_freq(term), 1000))
                    self._jieba = tok
        return self._jieba

    def people(self, text: str) -> list[str]:
        """People's names jieba's tagger reads in ``text`` (辛国斌), folded; of three
        characters or more, or two after a title (市长殷勇)."""
        if self._tagger is None:
            from jieba import posseg

            segmenter = self._segmenter()  # takes the lock itself
            with self._lock:
                self._tagger = self._tagger or posseg.POSTokenizer(segmenter)
        tagged = self._tagger.lcut(fold(text))
        return [p.word for i, p in enumerate(tagged)
                if p.flag in _PERSON_TAGS and HAN_RUN.fullmatch(p.word)
                and (len(p.word) > 2 or (len(p.word) == 2 and i > 0
                                         and _TITLE_END.search(tagged[i - 1].word)))
                and not _BODY_END.search(p.word) and not self._of_words(p.word)]

    def _of_words(self, word: str) -> bool:
        """Whether ``word`` splits into dictionary words of two characters or more (明显增加:
        明显 + 增加): a phrase tagged as a name; a name keeps a lone character (王 + 建国)."""
        known = self._segmenter().FREQ
        ends = {0}  # where a split into such words can end so far
        for end in range(2, len(word) + 1):
            if any(known.get(word[start:end]) for start in ends if end - start > 1 and (
                    start, end) != (0, len(word))):
                ends.add(end)
        return len(word) in ends

    def words(self, text: str, bigrams: bool = True) -> list[str]:
        """Word tokens of ``text`` without figures: Chinese words (and bigrams), stemmed English."""
        tokens: list[str] = []
        for seg in _SEGMENT.findall(fold(_ACRONYM_PLURAL.sub(r"\1", without_ruby(text)))):
            if seg[0].isascii():
                if _keep(seg):
                    tokens.append(self.stem(seg))
                if seg in NUMBER_WORDS:  # "three tiers" meets "3个层次"
                    tokens.append(NUMBER_WORDS[seg])
            else:
                tokens.extend(self._han_tokens(seg, bigrams))
        return tokens

    def _han_tokens(self, run: str, bigrams: bool = True) -> list[str]:
        """jieba search-mode words plus every character bigram (a 2-char word counts twice)."""
        cut = self._cuts.get(run)
        if cut is None:
            cut = tuple(w for w in self._segmenter().cut_for_search(run, HMM=False)
                        if w not in ZH_STOP)
            if len(self._cuts) >= _MAX_CUTS:
                self._cuts.clear()
            self._cuts[run] = cut
        tokens = list(cut)
        if bigrams:
            tokens.extend(
                run[i : i + 2] for i in range(len(run) - 1) if run[i : i + 2] not in ZH_STOP
            )
        return tokens

    def tokenize(self, text: str, bigrams: bool = True) -> list[str]:
        """BM25 tokens of ``text``: canonical figures plus :meth:`words` of the rest.

        Without ``bigrams`` the Chinese tokens are only dictionary words: what sentence
        scoring uses, where a shared character pair is no evidence of a shared term.
        """
        found = self._tokens.get((text, bigrams))
        if found is None:
            found = tuple(self._tokenize(text, bigrams))
            if len(self._tokens) >= _MAX_TOKENS:
                self._tokens.clear()
            self._tokens[text, bigrams] = found
        return list(found)

    def _tokenize(self, text: str, bigrams: bool) -> list[str]:
        figures = find_figures(text)
        if not figures:
            return self.words(text, bigrams)
        parts: list[str] = []
        tokens: list[str] = []
        last = 0
        for fig in figures:
            parts.append(text[last : fig.start])
            tokens.append(canonical(fig.value, fig.percent))
            last = fig.end
        parts.append(text[last:])
        return tokens + self.words(" ".join(parts), bigrams)

    def en_words(self, text: str) -> list[str]:
        """The stemmed English words of ``text`` in order, stop words and bare digits dropped."""
        folded = fold(_ACRONYM_PLURAL.sub(r"\1", text))
        return [self.stem(w) for w in _EN_WORD.findall(folded) if _keep(w)]


# -isation is British for -ization in every word (breame's pair list lacks some)
_ISATION = re.compile(r"isation(s?)$")


def american_spelling(word: str) -> str:
    """The American spelling of a lower-case British one (breame's list of spelling pairs:
    organised → organized, programme → program), else the word itself."""
    return BRITISH_ENGLISH_SPELLINGS.get(word) or _ISATION.sub(r"ization\1", word)


def _keep(word: str) -> bool:
    return len(word) > 1 and word not in EN_STOP and not word.isdigit()
