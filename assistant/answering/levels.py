"""The tier a text speaks of: national (国家级), provincial (省级) or municipal (市级).

"What do first-time *provincial* SRDI firms get?" is not answered by the award for
*national* little giants, however many words the two sentences share: a sentence naming
only other tiers than the question speaks of another programme (an anchor it lacks,
like another year or place). The rung of the SRDI ladder (SRDI SMEs, little giants) is
read the same way, with its own table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.answering.question import Concept
from assistant.text.normalize import fold, without_ruby

__all__ = [
    "asked_kinds", "asks_firm_count", "count_of_other_kind", "kinds_of", "levels_of", "names_kind",
    "names_tier", "other_kind", "other_tier",
]

# a tier word before a word for money, a standard or an authority is that one's level,
# not the firms' ("参照省级奖励标准", "市级财政奖励", "省级工信部门")
_NOT_FIRMS = (r"(?!\s*(?:奖励|獎勵|财政|財政|资金|資金|标准|標準|部门|部門|主管|政府|工信"
              r"|funds?\b|finance|budget|standards?\b|departments?\b|authorit|government))")
_LEVELS = {
    "national": re.compile(
        rf"国家级{_NOT_FIRMS}|国家(?=专精|[“\"「]?小巨人|制造业|[“\"「]?单项冠军)"
        r"|\bnational[- ]level\b"
        r"|\bnational(?=\s+(?:srdi|[\"“]?little giant|specialized|manufacturing"
        r"|single[- ]champion))",
        re.I),
    # an autonomous region's (广西, 内蒙古) level is the provinces' (自治区级)
    "provincial": re.compile(
        rf"(?:省级|自治区级|\bprovincial(?:[- ]level)?\b|\bregional[- ]level\b){_NOT_FIRMS}",
        re.I),
    "municipal": re.compile(
        rf"(?:市级|\bmunicipal(?:[- ]level)?\b|\bcity[- ]level\b){_NOT_FIRMS}", re.I),
}


def _named(patterns: Mapping[str, re.Pattern[str]], text: str) -> frozenset[str]:
    """The names of ``patterns`` found in ``text`` (read without ruby readings)."""
    folded = fold(without_ruby(text))
    return frozenset(name for name, pattern in patterns.items() if pattern.search(folded))


def _only_others(named: frozenset[str], asked: frozenset[str]) -> bool:
    """Names found, none of them asked."""
    return bool(named) and not named & asked


def _concept_names(patterns: Mapping[str, re.Pattern[str]], concept: Concept) -> bool:
    """Whether a question's concept (any of its forms) names one of ``patterns``."""
    return any(_named(patterns, "".join(sorted(form))) for form in concept.forms)


def levels_of(text: str) -> frozenset[str]:
    """The tiers ``text`` names (read without a web page's ruby readings: 國(guó)家級(jí))."""
    return _named(_LEVELS, text)


def other_tier(asked: frozenset[str], sentence: str) -> bool:
    """Whether ``sentence`` names tiers, none of them ``asked``."""
    return bool(asked) and _only_others(levels_of(sentence), asked)


# The rungs of the SRDI ladder a figure counts: innovative SMEs, SRDI SMEs, little giants,
# single champions. "专精特新“小巨人”" names little giants only; 专精特新 otherwise (专精特新企业,
# 省级“专精特新”, SRDI SMEs) names the rung below.
_KINDS = {
    "little giant": re.compile(r"小巨人|\blittle[- ]giants?\b", re.I),
    # the key little giants (重点“小巨人”, recommended for central funds): little giants too
    "key little giant": re.compile(r"重点[“\"「]?小巨人|\bkey [\"“]?little[- ]giants?\b", re.I),
    "srdi sme": re.compile(
        r"专精特新(?![”\"」“「\s]*小巨人)"
        r"|\bsrdi (?:smes?|small and medium|enterprises|firms|companies)\b"
        # "specialized and innovative SMEs", "specialized, refined… enterprises"
        r"|\bspeciali[sz]ed(?:(?!little|giant)[\w ,-]){0,50}?"
        r"\b(?:smes?|small and medium|enterprises|firms|companies)\b", re.I),
    "innovative sme": re.compile(r"创新型中小企业|\binnovative smes?\b", re.I),
    "single champion": re.compile(r"单项冠军|\bsingle[- ]champions?\b", re.I),
    # other designations of firms, beside the ladder: a count of them is none of its rungs'
    # ("2024年底，北京市的国家高新技术企业为2.97万家" gives no count of innovative SMEs)
    "high-tech enterprise": re.compile(
        r"高新技术企业|\bhigh[- ]tech(?:nology)? (?:enterprises?|firms?|companies)\b", re.I),
    "tech-based sme": re.compile(r"科技型中小企业|\btech(?:nology)?-based smes?\b", re.I),
    "gazelle": re.compile(r"瞪羚|\bgazelles?\b", re.I),
    "unicorn": re.compile(r"独角兽|\bunicorns?\b", re.I),
}


def kinds_of(text: str) -> frozenset[str]:
    """The rungs of the SRDI ladder ``text`` names (see ``_KINDS``)."""
    return _named(_KINDS, text)


_PLAIN_LITTLE_GIANT = re.compile(
    r"(?<!重点)(?<!重点[“\"「])小巨人|(?<!\bkey )(?<!\bkey [\"“])\blittle[- ]giants?\b", re.I)


def asked_kinds(text: str) -> frozenset[str]:
    """The rungs a question asks about: a question about the key little giants only asks
    about them, not all little giants (a sentence about the key ones answers either)."""
    kinds = kinds_of(text)
    if "key little giant" in kinds and not _PLAIN_LITTLE_GIANT.search(fold(without_ruby(text))):
        return kinds - {"little giant"}
    return kinds


def other_kind(asked: frozenset[str], sentence: str, question: str = "") -> bool:
    """Whether ``sentence`` counts other rungs than the question asks about: a loan
    balance of SRDI SMEs is not one of little giants; for a ``question`` asking how many
    firms, neither is a count of SRDI SMEs in a sentence naming little giants elsewhere."""
    return bool(asked) and (_only_others(kinds_of(sentence), asked) or (
        asks_firm_count(question) and count_of_other_kind(asked, sentence)))


# a count of firms: "462家", "1.2万户", "317 companies"
_FIRM_COUNT = re.compile(
    r"\d[\d,.]*\s*(?:万|萬)?\s*(?:家|户|戶)|\d[\d,]*\s+(?:firms|companies|enterprises|smes)\b",
    re.I)
_CLAUSES = re.compile(r"[;；]")
_COMMAS = re.compile(r"[;；，]|,(?!\d{3})")  # (not a thousands comma: 4,762)


_ASKS_COUNT = re.compile(
    r"(?:多少|幾|几)\s*(?:家|户|戶)|\bhow many\b(?:\s+[\w'-]+){0,5}?\s+"
    r"(?:firms|companies|enterprises|smes|little giants|giants)\b",
    re.I)


def asks_firm_count(question: str) -> bool:
    """Whether a question asks how many firms ("多少家", "how many … companies")."""
    return bool(_ASKS_COUNT.search(question))


def count_of_other_kind(asked: frozenset[str], sentence: str) -> bool:
    """Whether every clause of ``sentence`` that counts firms names rungs other than the
    ``asked`` ones ("甘肃省专精特新企业…462家企业中有317家有贷款余额;…“小巨人”企业贷款余额
    46.9亿元" counts no little giants; "…总数达到4157家,意味着湖北冲击国家级专精特新“小巨人”
    储备更加充沛" neither), and some clause does."""
    # the rungs of the comma clauses that count firms and name what they count; else of
    # the clauses between semicolons that count ("462家企业中有317家" names no rung itself)
    counting = [k for c in _COMMAS.split(sentence) if _FIRM_COUNT.search(c) and (k := kinds_of(c))]
    if not counting:
        counting = [kinds_of(c) for c in _CLAUSES.split(sentence) if _FIRM_COUNT.search(c)]
    return bool(asked and counting) and all(_only_others(k, asked) for k in counting)


def names_kind(concept: Concept) -> bool:
    """Whether a question's concept is a rung of the SRDI ladder (专精特新中小企业)."""
    return _concept_names(_KINDS, concept)


def names_tier(concept: Concept) -> bool:
    """Whether a question's concept is a tier (国家级): an anchor checked by
    :func:`other_tier`, not a word an answer must repeat ("国家专精特新小巨人" says it)."""
    return _concept_names(_LEVELS, concept)
