"""Questions that ask two or more things, answered part by part.

"截至这次公示，海南共有几家企业获评小巨人？其中哪家还是单项冠军？" asks a count and a name;
read as one question, no sentence is both a figure sentence and the named firm's, and the
whole is refused though each part is stated. When the whole question finds no answer,
each part is answered on its own, from the same passages: a later part that names no
place or year of its own ("其中哪家…", "how did that count rank…") is read in the first
part's frame (its places and years). The parts' quotes are cited together. When the first
part (which names the subject) is answered and a later one is not, the answer quotes what
is found and names the part no sentence answered on its own (its answer may still sit in
a quoted sentence): a partial answer beats refusing the whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from assistant.answering.extract import Extract
from assistant.answering.parts import question_parts
from assistant.answering.question import Question
from assistant.answering.replies import text as reply
from assistant.answering.selection import Candidate, cite
from assistant.text.lang import detect_lang, is_chinese

__all__ = ["by_parts", "part_queries"]


def part_queries(text: str, parse: Callable[[str], Question]) -> list[str]:
    """The standalone queries of the parts of ``text`` (none when it asks one thing)."""
    parts = question_parts(text)
    if len(parts) < 2:
        return []
    # a lead clause asking nothing ("常州对…专利权质押贷款给贴息，") belongs to the first part
    opening = text[: text.find(parts[0]) + len(parts[0])].strip()
    first = parse(opening).anchors
    lead = opening.lower()
    out = [opening]
    for part in parts[1:]:
        own = parse(part).anchors
        frame = [] if own.places else [p for p in sorted(first.places) if p.lower() in lead]
        if not own.years:
            frame += [f"{y}年" if is_chinese(part) else str(y) for y in sorted(first.years)]
        out.append(" ".join([*frame[:2], part]))
    return out


def by_parts(
    text: str, parse: Callable[[str], Question], answer: Callable[[Question], Extract],
    most: int = 4, partial_min: float = 0.0,
) -> Extract | None:
    """The parts' answers together (at most ``most`` quotes, each part's best first), with
    a line for each part no sentence states; None for a one-part question, when the first
    part finds nothing, or when a part finds nothing and the others' support is under
    ``partial_min`` (a partial answer claims the rest is settled: it must be sure)."""
    queries = part_queries(text, parse)
    if not queries:
        return None
    results = [answer(parse(query)) for query in queries]
    if not results[0].found:  # the first part carries the subject: no answer without it
        return None
    found = [r for r in results if r.found]
    if len(found) < len(results) and min(r.best_coverage for r in found) < partial_min:
        return None
    merged = _merged(found, most)
    lang = detect_lang(text)
    unstated = [reply(lang, "part_unstated", part=part)
                for part, r in zip(question_parts(text), results, strict=True) if not r.found]
    return replace(merged, lines=[*merged.lines, *unstated])


def _merged(results: Sequence[Extract], most: int) -> Extract:
    """One extract quoting each part's sentences (best first, no sentence twice)."""
    order = sorted(
        ((i, c) for r in results for i, c in enumerate(r.quotes)), key=lambda pair: pair[0]
    )
    quotes: list[Candidate] = []
    for _, cand in order:
        if len(quotes) < most and all(
                (cand.doc.id, cand.start) != (q.doc.id, q.start) for q in quotes):
            quotes.append(cand)
    citations, marks = cite(quotes)
    lines = [line for r in results for line in r.lines]
    coverage = min(r.best_coverage for r in results)
    return Extract(True, quotes, citations, marks, coverage, list(dict.fromkeys(lines)))
