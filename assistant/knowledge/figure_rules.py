"""The rules that describe one figure: its metric, kind, unit, as-of date and value.

Each rule reads the figure's sentence (folded to Simplified, lower case; offsets are kept
because the folds are one character for one). Metric patterns are data
(``metrics.yaml``, path in Settings); cue words for kind and date are grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from assistant.knowledge.yamlfile import safe_load
from assistant.text.numbers import Figure

__all__ = [
    "Metrics",
    "as_of_in",
    "counts_a_part",
    "counts_other_things",
    "is_date_part",
    "kind_of",
    "load_metrics",
    "unit_of",
    "value_of",
]

_TAIL = 12  # characters after a figure that still describe it (unit, counted noun)
_YEAR = r"(?:19|20)\d\d"
_AS_OF = re.compile(
    rf"(?:截至|截止|到)?(?P<y1>{_YEAR})年(?:(?P<m>\d{{1,2}})月|(?P<end>底|末))?"
    rf"|(?:by |as of |at )?the end of (?P<y2>{_YEAR})"
    # a bare year, not a count that looks like one (2028家, 2,028 listed firms)
    rf"|(?<![\d,])(?P<y3>{_YEAR})(?![\d年月日.,%]|\s*(?:家|个|個|项|項|件|人|元|万|萬|亿|億|余|多"
    r"|listed|firms|companies|enterprises|smes))"
)
_ZH_UNIT = re.compile(
    r"\s*(?:余|多)?(?P<u>亿元|万元|元|家|个|项|名|位|批|款|次|倍|人|件|所|户|层|年)")
_EN_UNIT = re.compile(
    r"\s*(?:(?P<yuan>yuan|rmb)|(?P<firms>[\w\s\"“”'-]{0,50}?(?:enterprises|companies|firms))"
    r"|(?P<word>[a-z]+))"
)
_KIND_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("target", re.compile(r"目标|力争|到20\d\d年|计划|规划|将培育|推动形成|\btarget|\baim|\bgoal"
                          r"|\bwill\b|\bplan\b|promote the formation")),
    ("increment", re.compile(r"新增|增量|增加|增长|新认定|\bincrease|\bnew(?:ly)?\b|\badded")),
    ("stock", re.compile(r"累计|总数|总量|共有|共培育|合计|达|为"
                         r"|\btotal|\bcumulative|\bthere are")),
)

# a difference between two figures (相差10家, the gap is 10), not a count of anything
_DIFFERENCE = re.compile(r"相差|差距|相距|差额|差額|\bgap\b|\bdifference\b", re.I)

# Measure words that count durations, batches, times, multiples, levels, rounds, articles
# and people: a figure in them is never a number of firms (累计开展六批, 连续三年新增).
_OTHER_COUNTERS = frozenset("年批次倍层届轮章节条名位人")
# 个 counts firms only when a firm noun follows (3个专精特新企业; not 3个层次, 30个城市)
_FIRM_NOUN = re.compile(r"[^的，,；;。]{0,8}?(?:企业|公司|小巨人|enterprise|compan|firm)")

# A qualifier that narrows the counted group to a part of what the clause's subject has:
# "深圳上述四领域的企业合计122家", "Shenzhen's firms in the electronics sector numbered 134".
# At the clause's start it points back instead ("其中深圳1331家": of those, Shenzhen's all).
_PART = re.compile(
    r"上述|以上|这些|這些|其中|此类|此類"
    r"|(?:领域|領域|行业|行業|板块|板塊|赛道|賽道|细分|細分)(?:的|中|里|裡|内|內)"
    r"|\bof (?:which|them|these)\b|\bamong (?:them|these|which)\b"
    r"|\bin the [\w\s-]{1,30}? (?:sectors?|industry|industries|fields?)\b",
    re.I,
)


def counts_a_part(clause: str, figure_at: int) -> bool:
    """Whether the figure at ``figure_at`` in ``clause`` counts a part of its subject's
    group (a field, sector, the ones named above), not the subject's whole."""
    lead = len(clause) - len(clause.lstrip(" \"“”'「」"))
    return any(lead < m.start() < figure_at for m in _PART.finditer(clause))


@dataclass(frozen=True)
class Metric:
    """A normalised metric and the patterns that name it."""

    label: str
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Metrics:
    """All metric patterns, most specific first."""

    metrics: tuple[Metric, ...]

    def known(self, label: str) -> bool:
        """Whether ``label`` is one of the normalised metric labels."""
        return any(m.label == label for m in self.metrics)

    def label(self, clause: str) -> str | None:
        """The label of the first metric named in ``clause`` (folded text), if any."""
        for metric in self.metrics:
            if any(p.search(clause) for p in metric.patterns):
                return metric.label
        return None


def load_metrics(path: Path) -> Metrics:
    """Read ``metrics.yaml`` (a list of ``{label, zh: [regex], en: [regex]}``)."""
    rows = safe_load(path.read_text(encoding="utf-8")) or []
    return Metrics(tuple(
        Metric(str(row["label"]), tuple(
            re.compile(p) for p in [*row.get("zh", []), *row.get("en", [])]
        ))
        for row in rows
    ))


def is_date_part(folded: str, fig: Figure) -> bool:
    """Whether the figure is a year, month or day (2024年, 2024, 10月, 14日)."""
    after = folded[fig.end : fig.end + 1]
    if after in ("年", "月", "日", "号") and not fig.percent:
        return True
    digits = fig.text.replace(",", "")
    return bool(re.fullmatch(_YEAR, digits)) and after not in ("家", "个", "项", "元")


def unit_of(folded: str, fig: Figure) -> str:
    """The unit after a figure: ``%``, ``share`` (六成), ``yuan``, a measure word, a noun."""
    if fig.percent:
        return "share" if fig.text.endswith("成") or fig.text.endswith("成半") else "%"
    tail = folded[fig.end : fig.end + _TAIL + 20]
    m = _ZH_UNIT.match(tail)
    if m:
        return "yuan" if m["u"].endswith("元") else m["u"]
    m = _EN_UNIT.match(tail)
    if m:
        if m["yuan"]:
            return "yuan"
        if m["firms"]:
            return "家"
        return m["word"] or ""
    return ""


def value_of(fig: Figure, unit: str) -> int | float:
    """The value as the sheet stores it: 六成 → 0.6, 8.5% → 8.5, 1.46万 → 14600."""
    value = fig.value / 100 if unit == "share" else fig.value
    return int(value) if float(value).is_integer() else round(value, 6)


def counts_other_things(unit: str, tail: str) -> bool:
    """Whether a figure with ``unit``, followed by ``tail`` (its sentence after the figure),
    counts something that is no firm, money or patent: years (连续三年), batches (六批),
    times, multiples, levels, people, or things counted with 个 (3个层次, 30个城市)."""
    if unit in _OTHER_COUNTERS:
        return True
    return unit == "个" and not _FIRM_NOUN.match(tail, tail.find("个") + 1)


def kind_of(clause: str, unit: str, rank: bool, figure_at: int | None = None,
            tail: str = "") -> str:
    """stock, increment, share, money, target, rank or other, from cue words; a count of
    a part of the subject's group, or of things that are no firms (六批, 连续三年), is
    neither its stock nor its increment (other). ``tail``: the sentence after the figure."""
    if rank:
        return "rank"
    if counts_other_things(unit, tail):
        return "other"
    if unit in ("%", "share"):
        return "share"
    if unit == "yuan":
        return "money"
    if figure_at is not None and counts_a_part(clause, figure_at):
        return "other"
    if _DIFFERENCE.search(clause):  # "总量距北京仅相差10家": a gap, not a total
        return "other"
    for kind, cue in _KIND_CUES:
        if cue.search(clause):
            return kind
    return "other"


def as_of_in(sentence: str, offset: int) -> str | None:
    """The date the sentence gives for a figure at ``offset`` (nearest before, else after)."""
    before: str | None = None
    after: str | None = None
    for m in _AS_OF.finditer(sentence):
        year = m["y1"] or m["y2"] or m["y3"]
        if m["m"]:
            stamp = f"{year}-{int(m['m']):02d}"
        elif m["end"] or m["y2"]:
            stamp = f"{year}-12-31"
        else:
            stamp = year
        if m.start() <= offset:
            before = stamp
        elif after is None:
            after = stamp
    return before or after
