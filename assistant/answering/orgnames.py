"""Places that open an organisation's name: 湖北同方高科泵业有限公司, 深圳大学, Shenzhen
University. Such a place names where the organisation comes from, not what the sentence
is about: "我市2家企业上榜,…湖北同方高科泵业有限公司" gives no figure for 湖北.

The name's tail is read up to a word that ends organisation names (有限公司, 集团, 银行,
大学, 研究院…) over Han characters that are no function words or counting words, so
"深圳有104家已上市公司" keeps 深圳 as its subject. No library segments Chinese
organisation names this way (jieba's nt tag misses most company names), hence a pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.text.normalize import blanked

__all__ = ["org_name_spans", "without_org_places"]

_ORG_TAIL = re.compile(
    r"(?:(?![的有在是和与與及为為对對家个個等已将將共累计計培获獲])[\u4e00-\u9fff]){0,16}?"
    r"(?:有限公司|有限责任公司|有限責任公司|股份公司|集团|集團|银行|銀行|大学|大學|研究院|研究所"
    r"|学院|學院)"
    r"|(?:\s+[A-Z][\w&.'-]*){0,5}\s+(?:Co\.|Company|Corporation|Group|University|College|Bank)\b"
)

Spans = Callable[[str, frozenset[str]], list[tuple[int, int, str]]]


def org_name_spans(text: str, places: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Where ``text`` names an organisation after a place (``places``: the place spans
    of ``text``): from the place to the end of the name."""
    out = []
    for start, end, _ in places:
        m = _ORG_TAIL.match(text, end)
        if m:
            out.append((start, m.end()))
    return out


def without_org_places(text: str, spans: Spans) -> str:
    """``text`` with the organisation names that open with a place blanked (offsets kept)."""
    return blanked(text, org_name_spans(text, spans(text, frozenset())))
