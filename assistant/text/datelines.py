"""News datelines: "新华社合肥11月26日电", "中評社北京12月2日電", "BEIJING, Nov. 23 (Xinhua) --".

A dateline's place is where the report was filed, not what it is about: a national
statistic filed from Beijing is no figure of Beijing's, a province's from its capital is
no figure of the capital's. Written by hand because it is a typographic convention of
news wires that no library parses.
"""

from __future__ import annotations

import re

from assistant.text.normalize import blanked

__all__ = ["without_datelines"]

_ZH = re.compile(
    r"(?:^|(?<=[\n(（【]))\s*"
    r"(?:[\u4e00-\u9fff]{1,8}?(?:社|网|網|报|報|台|讯|訊|电视台|電視台))?"  # the agency
    r"(?P<place>[\u4e00-\u9fff]{2,8}?)\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电|電|讯|訊)"
)
_EN = re.compile(
    r"(?:^|(?<=\n))\s*(?P<place>[A-Z][A-Za-z'.-]*(?:\s+[A-Z][A-Za-z'.-]*){0,3}),\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)"
    r"\s*(?:\([A-Za-z .]{2,30}\))?\s*(?:--|—|–|-)"
    # "CHONGQING -- China has…": a place in capitals, no date
    r"|(?:^|(?<=\n))\s*(?P<caps>[A-Z]{3,}(?:\s+[A-Z]{3,}){0,2})\s*(?:\([A-Za-z .]{2,30}\))?"
    r"\s*(?:--|—)"
)


def without_datelines(text: str) -> str:
    """``text`` with the places of its datelines blanked (offsets kept)."""
    return blanked(text, [m.span("place") if m["place"] else m.span("caps")
                          for pattern in (_ZH, _EN) for m in pattern.finditer(text)])
