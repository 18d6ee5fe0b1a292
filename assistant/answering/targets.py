"""Plans are not results: a target figure does not answer what has happened so far.

"北京有多少家小巨人企业已经上市了？" asks what is done; "By the end of 2025, Beijing aims to
recognize … 172 listed … enterprises" states a goal. A sentence setting a target (aims
to, 力争, 目标) answers a question about the present only when the question asks for the
target itself.
"""

from __future__ import annotations

import re

__all__ = [
    "TARGET_CLASH", "asks_done", "asks_plan", "looks_ahead", "names_target", "states_plan",
    "target_term",
]

TARGET_CLASH = 0.3  # as much as a heading's penalty: the sentence states something else
_TARGET = re.compile(
    r"\baims? to\b|\bplans? to\b|\btargets?\b|\bgoals?\b|\bstrives? to\b|\bwill (?:reach|exceed)\b"
    r"|力争|力爭|目标|目標|争取|爭取|计划到|計劃到|预计到|預計到|将达到|將達到",
    re.I,
)
_DONE = re.compile(
    r"已经|已經|迄今|至今|截至目前|\bso far\b|\balready\b|\bto date\b|\bhave been\b|\bhas been\b",
    re.I,
)


def asks_done(question: str) -> bool:
    """Whether the question asks what has happened so far, and not about a target."""
    return bool(_DONE.search(question)) and not _TARGET.search(question)


def target_term(done: bool, sentence: str) -> float:
    """Penalty for a sentence stating a target when what is done is asked (``done``)."""
    return -TARGET_CLASH if done and _TARGET.search(sentence) else 0.0


# Words for "a target" (培育目标, the goal): a sentence states one by setting it, in any
# wording ("will promote the formation of 100,000…", 到2025年培育…), without the word.
_TARGET_WORDS = frozenset({"目标", "目標", "target", "goal", "aim", "objectiv"})
_PLAN = re.compile(
    _TARGET.pattern
    + r"|\bwill (?:promote|cultivate|foster|nurture|build|form|reach|exceed|achieve|add)\b"
    r"|将培育|將培育|推动形成|推動形成|到20\d\d年|\bby (?:the end of )?20\d\d\b",
    re.I,
)


def names_target(forms: tuple[frozenset[str], ...]) -> bool:
    """Whether a concept's ``forms`` are a word for a target."""
    return any(form & _TARGET_WORDS for form in forms)


def states_plan(sentence: str) -> bool:
    """Whether ``sentence`` sets a target or states a plan."""
    return _PLAN.search(sentence) is not None


# A question asking what is planned or expected ("How many firms does it expect to have on
# the board by the end of 2023?", "目标是培育多少家"): a figure of what is done answers no
# plan. (Not a bare 计划: 行动计划 names a document, whose measures are no targets.)
_ASKS_PLAN = re.compile(
    r"\bexpect(?:s|ed)? to\b|\baims? to\b|\bplans? to\b|\btargets?\b|\bgoals?\b"
    r"|\bprojected\b|\bforecast|目标|目標|力争|力爭|预计|預計|计划到|計劃到|规划到|規劃到",
    re.I,
)


def asks_plan(question: str) -> bool:
    """Whether the question asks for a target or an expected figure."""
    return _ASKS_PLAN.search(question) is not None


# what a sentence says will be: a plan, a target, an expectation ("are expected to", 预计)
_AHEAD = re.compile(
    r"\bwill\b|\bexpect|\bplan|\baim|\btarget|\bgoal|\bby (?:the end of )?20\d\d\b"
    r"|预计|預計|将|將|拟|擬|计划|計劃|规划|規劃|目标|目標|力争|力爭|争取|爭取|到20\d\d年",
    re.I,
)


def looks_ahead(sentence: str) -> bool:
    """Whether ``sentence`` speaks of what is to come (a plan, a target, an expectation)."""
    return _AHEAD.search(sentence) is not None
