"""Whose figure a sentence gives when the question asks about one batch (round, list).

"How many first-batch little giants passed the re-review?" A sentence naming several
batches gives either one figure for them together ("2025年通过复审的企业有3916家(包括第一
批和第四批复审)"; "前六批累计公示企业数为15970家"): not the asked batch's; or a figure for
each of them in turn ("通过复审的第一至三批小巨人数量分别为:142家,1079家,2430家"): the
asked batch's among them.
"""

from __future__ import annotations

import re

__all__ = ["ORDINAL_FIGURE", "ordinal_figure_term"]

ORDINAL_FIGURE = 0.15  # for a figure per batch, against a figure of several batches together
_RESPECTIVELY = re.compile(r"分别|分別|依次|respectively", re.I)


def ordinal_figure_term(asked: frozenset[int], own: frozenset[int], sentence: str) -> float:
    """Bonus for a sentence giving a figure for each of its batches, the ``asked`` ones
    among them (``own``: the batches the sentence names); penalty for one naming more
    batches than asked with no such list; 0 when it names just the asked ones (or none)."""
    if not asked or not asked <= own or own == asked:
        return 0.0
    return ORDINAL_FIGURE if _RESPECTIVELY.search(sentence) else -ORDINAL_FIGURE
