"""Places a question names as places, not as part of an institution's name.

"The Shenzhen Stock Exchange" and "上海证券交易所" name a market, not the city: a question
about firms listed there asks nothing about where the firms are, so the city is no anchor
a quoted sentence must name ("北京…深交所创业板23家" answers it). The institution itself
stays an anchor.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.knowledge.entities import Gazetteer

__all__ = ["places_outside_names"]


def places_outside_names(
    text: str, gazetteer: Gazetteer, finder: Callable[[str], frozenset[str]]
) -> frozenset[str]:
    """The places ``finder`` sees in ``text`` once the names of markets and organisations
    are blanked out, and those institutions' own keys."""
    chars = list(text)
    institutions: set[str] = set()
    for start, end, entity in gazetteer.spans(text):
        if entity.kind != "place":
            chars[start:end] = " " * (end - start)
            institutions.add(entity.key)
    return finder("".join(chars)) | institutions
