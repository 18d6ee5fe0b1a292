"""Language and script helpers: detect en / zh-Hans / zh-Hant, fold scripts.

Traditional and Simplified Chinese are one language to users, so matching
code folds both to Simplified (OpenCC, phrase-aware) while display code always
shows the original text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from assistant.schema import Lang

# The CJK ideograph ranges (Extension A, the unified block, compatibility ideographs):
# the one definition every module builds its patterns from.
HAN_CLASS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN = re.compile(f"[{HAN_CLASS}]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@lru_cache(maxsize=2)
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Fold Traditional Chinese to Simplified (other text passes through)."""
    return str(_converter("t2s").convert(text)) if _HAN.search(text) else text


def to_traditional(text: str) -> str:
    """Convert Simplified Chinese to Traditional (other text passes through)."""
    return str(_converter("s2t").convert(text)) if _HAN.search(text) else text


def other_script(a: str, b: str) -> bool:
    """Whether one of two texts is Chinese and the other not (an English question and a
    Chinese sentence; an English text glossing a term in Chinese is English)."""
    return is_chinese(a) != is_chinese(b)


def han_count(text: str) -> int:
    """Number of CJK ideographs in ``text``."""
    return len(_HAN.findall(text))


def is_chinese(text: str) -> bool:
    """True when ideographs outweigh Latin words (a question or a passage)."""
    han = han_count(text)
    words = len(_LATIN_WORD.findall(text))
    return han > 0 and han >= words


def detect_lang(text: str) -> Lang:
    """Classify ``text`` as ``en``, ``zh-Hans`` or ``zh-Hant``.

    Script is decided by how many ideographs change under each OpenCC direction:
    Traditional text changes when folded to Simplified, and vice versa.
    """
    if not is_chinese(text):
        return "en"
    han = "".join(_HAN.findall(text))
    to_s = sum(a != b for a, b in zip(han, to_simplified(han), strict=False))
    to_t = sum(a != b for a, b in zip(han, to_traditional(han), strict=False))
    return "zh-Hant" if to_s > to_t else "zh-Hans"
