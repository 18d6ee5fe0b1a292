"""Near misses: a sentence with a figure that does not state the asked one.

A figure question about one batch, one place or one listed item is often met by a
sentence that names all of it and still gives no figure for it:

* a figure for several batches together ("3916家(包括第一批和第四批复审)" for the fourth),
  or one naming other batches only;
* the whole country's figure in a passage about many places ("我国共有1.46万家" under a
  table of provinces) (a sentence going on about another place after a semicolon misses
  its place anchor: :mod:`assistant.answering.subjects`);
* a list of items with figures whose tail names the asked item without one ("上交所科创板
  35家, …, 上交所主板、港交所创业板等板块数量较少"), another market's figure, or figures
  that count parts (industries, fields) the question does not name;
* numbers that label (a document number, a date, Top20, a quoted name like “20+8”);
* the thing counted named only by a cited title or away from the sentence
  (:mod:`assistant.answering.unstated_keys`).

Each is a property of the sentence's wording, not of any one document: the cue words are
general ways of saying "respectively", "the whole country" and so on."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.anchors import ordinal_spans, ordinals_of
from assistant.answering.counted import LABELS, counts_other_kind
from assistant.answering.group_items import item_of_group
from assistant.answering.joint import joint_figure
from assistant.answering.levels import levels_of
from assistant.answering.passages import COMPARATIVES, PlaceSpans, SentenceCache
from assistant.answering.question import Concept, Question
from assistant.answering.scope import CLAUSE
from assistant.answering.selection import Candidate
from assistant.answering.unstated_keys import key_outside_sentence
from assistant.answering.zones import zone_unnamed
from assistant.knowledge.entities import Gazetteer
from assistant.knowledge.figure_rules import counts_a_part
from assistant.knowledge.figures import NATION
from assistant.text.normalize import fold
from assistant.text.numbers import find_figures

__all__ = [
    "combined_batches",
    "compared_only",
    "item_without_figure",
    "labels_only",
    "nation_figure",
    "other_entity",
    "other_level",
    "parts_only",
    "stated",
    "unstated",
]

_RESPECTIVELY = re.compile(r"分别|分別|依次|\brespectively\b", re.I)
# the country named as the frame of a place's figure ("占全国", "居全国", "in China"), not
# as whose figure it is
_FRAME_BEFORE = re.compile(
    r"(?:占|佔|居|领跑|領跑|领先|領先|位列|位居|排名|排在|在|于|於|\bof|\bin|\bamong|\bacross)\s*$",
    re.I,
)
# a line citing where a rule comes from: it names a document, it states no figure
_SOURCE_LINE = re.compile(
    r"\s*(?:政策)?(?:依据|依據|来源|來源|资料来源|資料來源|出处|出處|\bsource|\bbasis)\s*[:：]",
    re.I,
)
_TITLE = re.compile(r"《[^》]*》")
# a comparison word and what follows it (the other side): "超越北京(1210家)", "than Shanghai"
_COMPARED = re.compile(rf"(?:{COMPARATIVES})[^，,；;。]{{0,12}}", re.I)
# a question comparing places: "when did Shenzhen pass Shanghai", "北京比深圳多几家"
_COMPARES_Q = re.compile(
    r"\b(?:pass(?:ed|es|ing)?|exceed(?:ed|s)?|outnumber(?:ed|s)?|overt(?:ake|aken|akes|ook)"
    r"|beat|lead|leads|led)\b|比|超过|超過|超越|赶超|趕超|反超|领先|領先",
    re.I,
)
# a place's own figure in brackets right after it: "超越北京(1210家)和上海(1032家)"
_OWN_FIGURE = re.compile(r"\s*[（(]\s*\d")
# parts summed up: "研究和试验发展、科技推广等科创赛道合计…"
_PARTS_SUM = re.compile(
    r"、[^，,；;。]{1,30}等[^，,；;。]{0,8}(?:赛道|賽道|行业|行業|领域|領域|产业|產業|板块|板塊)"
)
# a part of a breakdown: its name, then its figure in brackets ("专用设备制造业（19家）")
_BREAKDOWN = re.compile(
    r"(?P<name>[^（(、，,；;：:。\s]{2,20})\s*[（(]\s*\d[\d,.]*\s*(?:万|萬|亿|億)?\s*"
    r"(?:家|个|個|项|項|件|名|人|%|％)\s*[)）]"
)
# an item of a list of figures: a name, then its figure ("上交所科创板35家")
_ITEM_FIGURE = re.compile(
    r"\d[\d,.]*\s*(?:万|萬|亿|億)?\s*(?:家|个|個|项|項|件|名|人|所|元|%|％)?\s*[)）]?\s*[。；;]?$"
)
def _counts(text: str) -> bool:
    """Whether ``text`` holds a figure other than a year."""
    return any(f.percent or not (1900 <= f.value <= 2100) for f in find_figures(text))


def labels_only(q: Question, sentence: str) -> bool:
    """A how-many or how-much question met by a sentence whose only figures label
    something (a cited document's number, a date, a ranking's length), or by a line
    naming a source ("依据: …关于印发…20条措施的通知")."""
    if not (q.wants_number or q.wants_amount):
        return False
    if _SOURCE_LINE.match(sentence):
        return True
    return _counts(sentence) and not _counts(LABELS.sub(" ", sentence))


def other_entity(q: Question, sentence: str, gazetteer: Gazetteer) -> bool:
    """A figure question naming a body or a market (港交所) met by a sentence naming
    another of that kind (深交所) and not the asked one: its figure is the other's."""
    if not (q.wants_number or q.wants_share or q.wants_amount):
        return False
    named = gazetteer.mentioned(sentence)
    for kind in {gazetteer.kind(e) for e in q.entities} - {"", "place"}:
        asked = {e for e in q.entities if gazetteer.kind(e) == kind}
        if not named & asked and any(gazetteer.kind(e) == kind for e in named):
            return True
    return False


def combined_batches(q: Question, sentence: str) -> bool:
    """The sentence names other batches only, or the asked batch among others with a
    figure of theirs together: no "respectively", no figure after the asked batch in its
    clause."""
    asked = q.anchors.ordinals
    named = ordinals_of(sentence)
    if asked and named and not named & asked:  # it names other batches: theirs
        return True
    if not asked or not named & asked or named <= asked or _RESPECTIVELY.search(sentence):
        return False
    spans = sorted(ordinal_spans(sentence))
    for i, (start, end) in enumerate(spans):
        own = ordinals_of(sentence[start:end])
        if not own & asked or own - asked:  # another batch, or a run of them (前六批)
            continue
        stop = spans[i + 1][0] if i + 1 < len(spans) and spans[i + 1][0] > end else None
        clause = CLAUSE.split(sentence[end:stop], maxsplit=1)[0]
        if _counts(clause):
            return False
    return True


def _own_nation(clause: str) -> bool:
    """The clause names the whole country as whose figure it is, not as a frame."""
    folded = fold(clause)
    return any(not _FRAME_BEFORE.search(folded[: m.start()]) for m in NATION.finditer(folded))


def nation_figure(
    q: Question, cand: Candidate, gazetteer: Gazetteer, cache: SentenceCache
) -> bool:
    """A figure question about a place met by the whole country's figure: every clause
    with a figure names the country (我国共有…) and not the asked place, in a document
    not set in that place (a national figure said at an event there may be the answer)."""
    if not (q.wants_number or q.wants_share or q.wants_amount):
        return False
    asked = frozenset(e for e in q.entities if gazetteer.kind(e) in ("", "place"))
    frames = [s.frame for s in cache.get(cand.doc).sentences[:1]]
    if not asked or any(frame and frame <= q.anchors.places for frame in frames):
        return False
    sentence = cand.text
    figures = [c for c in CLAUSE.split(sentence) if _counts(c)]
    return bool(figures) and all(
        _own_nation(c) and not gazetteer.mentioned(c) & asked for c in figures
    )


def parts_only(q: Question, sentence: str, cache: SentenceCache) -> bool:
    """A how-many question about a whole met by a sentence whose figures all count parts
    ("软件和信息技术服务业（21家）、专用设备制造业（19家）", "…等科创赛道合计超30家") that
    the question does not name."""
    if not q.wants_number or q.scope[0] is None:  # a part, or a difference, is asked
        return False
    tokenize = cache.tokenizer.tokenize
    figures = [c for c in CLAUSE.split(sentence) if _counts(c)]
    return bool(figures) and all(
        (_BREAKDOWN.search(c) or _PARTS_SUM.search(c) or counts_a_part(c.lower(), _first_digit(c)))
        and not _covered(q, frozenset(tokenize(c, bigrams=False)))
        for c in figures
    )


def _first_digit(text: str) -> int:
    match = re.search(r"\d", text)
    return match.start() if match else len(text)


def compared_only(q: Question, sentence: str, places: PlaceSpans) -> bool:
    """A figure question about a place met by a sentence naming that place only as the
    other side of a comparison ("深圳以347家的新增数量…超越北京(1210家)", "北京…331家，
    数量较深圳少77家"): the figures are the subject's."""
    if not (q.wants_number or q.wants_share or q.wants_amount) or not q.anchors.places:
        return False
    if _COMPARED.search(q.text) or _COMPARES_Q.search(q.text):  # it compares places itself
        return False
    asked = frozenset(n for _, _, n in places(q.text, q.anchors.places)) | q.anchors.places
    named = places(sentence, asked)
    if not {n for _, _, n in named} & asked:
        return False
    # "超越北京(1210家)": the compared place's own figure (a total: no additions of its)
    if q.scope != ("increment", True) and any(
            n in asked and _OWN_FIGURE.match(sentence, end) for _, end, n in named):
        return False
    rest = _COMPARED.sub(" ", sentence)
    return not frozenset(n for _, _, n in places(rest, asked)) & asked


def other_level(q: Question, sentence: str, cache: SentenceCache) -> bool:
    """A question for a level of recognition (省级, national) met by a sentence whose
    items with figures naming what is asked name another level ("国家制造业单项冠军31家"
    for 省级单项冠军)."""
    asked = levels_of(q.text)
    if not (q.wants_number and asked):
        return False
    tokenize = cache.tokenizer.tokenize
    top = max(q.concepts, key=lambda c: c.weight, default=None)
    items = [i for i in re.split(r"[、，,；;]", sentence)
             if _counts(i) and top is not None and top.covered(
                 frozenset(tokenize(i, bigrams=False)))]
    levels = [levels_of(i) for i in items]
    return bool(items) and all(lv and not lv & asked for lv in levels)


def _covered(q: Question, words: frozenset[str]) -> frozenset[int]:
    return frozenset(i for i, c in enumerate(q.concepts) if c.covered(words))


def item_without_figure(q: Question, sentence: str, cache: SentenceCache) -> bool:
    """A list of at least two items with figures ("name 35家") whose later figure-less
    clause has an item (between 、) naming more of what is asked than any item with a figure
    ("…港交所主板5家, 海外创业板1家, 上交所主板、港交所创业板等板块数量较少")."""
    if not q.wants_number:
        return False
    tokenize = cache.tokenizer.tokenize
    clauses = [c for c in CLAUSE.split(sentence) if c.strip()]
    seen: list[frozenset[int]] = []  # what each item with a figure so far names
    for i, clause in enumerate(clauses):
        if _ITEM_FIGURE.search(clause):
            seen.append(_covered(q, frozenset(tokenize(clause, bigrams=False))))
            continue
        # the list's tail: no figure in it or after it ("…等板块数量较少。")
        if len(seen) < 2 or any(_counts(c) for c in clauses[i:]):
            continue
        for item in re.split(r"[、/]", clause):
            covered = _covered(q, frozenset(tokenize(item, bigrams=False)))
            if all(covered > s for s in seen):
                return True
    return False


def unstated(
    q: Question, cand: Candidate, keys: Sequence[Concept], gazetteer: Gazetteer,
    cache: SentenceCache,
) -> bool:
    """Whether the candidate sentence of a figure question misses what is asked in one of
    the ways above (``keys``: the question's key concepts)."""
    sentence = cand.text
    return (
        labels_only(q, sentence)
        or counts_other_kind(q, sentence)
        or combined_batches(q, sentence)
        or nation_figure(q, cand, gazetteer, cache)
        or other_entity(q, sentence, gazetteer)
        or item_without_figure(q, sentence, cache)
        or parts_only(q, sentence, cache)
        or compared_only(q, sentence, cache.place_spans)
        or joint_figure(q, sentence, cand.doc.page_content, cache.place_spans)
        or item_of_group(q, sentence, keys)
        or other_level(q, sentence, cache)
        or key_outside_sentence(q, keys, cand, cache)
        or zone_unnamed(q, sentence, cache.tokenizer)
    )


def stated(
    q: Question, cands: Sequence[Candidate], keys: Sequence[Concept], gazetteer: Gazetteer,
    cache: SentenceCache,
) -> list[Candidate]:
    """The candidates of a figure question that do not miss it (:func:`unstated`)."""
    return [c for c in cands if not unstated(q, c, keys, gazetteer, cache)]
