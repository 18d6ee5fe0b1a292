"""``srdi eval``: answer a question file and score it (metrics of shared/eval/README.md)."""

from __future__ import annotations

import json
import re
import statistics
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from assistant.schema import AnswerRecord

_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d)")


def norm(text: str) -> str:
    """The README's matching normalisation: NFKC, no whitespace, lower case, 1,214 -> 1214."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(text.split()).lower()
    return _DIGIT_COMMA.sub("", text)


def percentiles(values: Sequence[float], *points: int) -> list[float]:
    """The given percentiles (1..99) of ``values``, interpolated between the data points
    (:func:`statistics.quantiles`, inclusive method: never outside min..max)."""
    if not values:
        raise ValueError("percentiles of no values")
    if len(values) == 1:
        return [float(values[0])] * len(points)
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return [cuts[p - 1] for p in points]


def read_questions(path: Path) -> list[dict[str, Any]]:
    """Question records (``id`` and ``question`` required) from a JSON-lines file."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if "question" not in row:
            raise ValueError(f"{path}:{n}: a record without 'question'")
        row.setdefault("id", f"q{n}")
        rows.append(row)
    return rows


def run(
    questions: Sequence[dict[str, Any]], ask: Callable[[str], AnswerRecord]
) -> list[dict[str, Any]]:
    """Answer every question; one result record (JSON-ready dict) each."""
    out = []
    for q in questions:
        record = ask(str(q["question"]))
        record.id = str(q["id"])
        out.append(record.model_dump(mode="json"))
    return out


def _contains_any(text: str, alternatives: Iterable[str]) -> bool:
    t = norm(text)
    return any(norm(a) in t for a in alternatives)


def _first_hit(result: dict[str, Any], evidence: Sequence[str], depth: int = 10) -> int:
    for item in result["retrieved"][:depth]:
        if _contains_any(item["text"], evidence):
            return int(item["rank"])
    return 0


def _facts_ok(texts: Sequence[str], facts: Sequence[Sequence[str]]) -> bool:
    """Every group of alternatives is matched by one of ``texts``."""
    return all(any(_contains_any(t, group) for t in texts) for group in facts)


def metrics(
    questions: Sequence[dict[str, Any]], results: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """Recall@k, MRR@10, fact accuracy, cited-fact support, refusals, latency."""
    gold = [(q, r) for q, r in zip(questions, results, strict=True) if "answerable" in q]
    ans = [(q, r) for q, r in gold if q["answerable"]]
    una = [(q, r) for q, r in gold if not q["answerable"]]
    ranks = [_first_hit(r, q.get("evidence", [])) for q, r in ans]
    facts = [(q, r) for q, r in ans if q.get("answer_facts")]
    m: dict[str, Any] = {"questions": len(results)}
    if ans:
        m["recall@1"] = sum(0 < x <= 1 for x in ranks) / len(ans)
        m["recall@5"] = sum(0 < x <= 5 for x in ranks) / len(ans)
        m["recall@10"] = sum(0 < x <= 10 for x in ranks) / len(ans)
        m["mrr@10"] = sum(1 / x for x in ranks if x) / len(ans)
        m["false_refusals"] = sum(not r["found"] for _, r in ans) / len(ans)
    if facts:
        m["fact_accuracy"] = sum(
            _facts_ok([r["answer"]], q["answer_facts"]) for q, r in facts
        ) / len(facts)
        m["cited_fact_support"] = sum(
            _facts_ok([c["text"] for c in r["citations"]], q["answer_facts"])
            for q, r in facts
        ) / len(facts)
    if una:
        m["no_answer_accuracy"] = sum(not r["found"] for _, r in una) / len(una)
    totals = [r["timings_ms"]["total"] for r in results]
    if totals:
        m["latency_p50_ms"], m["latency_p95_ms"] = percentiles(totals, 50, 95)
    return m


def failures(questions: Sequence[dict[str, Any]], results: Sequence[dict[str, Any]]) -> list[str]:
    """Ids of questions that missed recall@5, facts or the refusal decision."""
    bad = []
    for q, r in zip(questions, results, strict=True):
        if "answerable" not in q:
            continue
        if not q["answerable"]:
            ok = not r["found"]
        else:
            rank = _first_hit(r, q.get("evidence", []))
            facts_ok = _facts_ok([r["answer"]], q.get("answer_facts", []))
            ok = 0 < rank <= 5 and r["found"] and facts_ok
        if not ok:
            bad.append(str(q["id"]))
    return bad


def format_table(columns: dict[str, dict[str, Any]]) -> str:
    """Metrics side by side, one column per run."""
    names = list(columns)
    keys = [k for k in next(iter(columns.values()))]
    width = max(len(k) for k in keys) + 2
    lines = ["metric".ljust(width) + "".join(n.rjust(12) for n in names)]
    for key in keys:
        cells = []
        for n in names:
            v = columns[n].get(key, "")
            cells.append((f"{v:.3f}" if isinstance(v, float) else str(v)).rjust(12))
        lines.append(key.ljust(width) + "".join(cells))
    return "\n".join(lines)


def calibration(
    questions: Sequence[dict[str, Any]], results: Sequence[dict[str, Any]],
    edges: Sequence[float] = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8),
) -> str:
    """Confidence against accuracy, one row per confidence band, so thresholds are chosen
    from data: answerable questions (right / wrong) and unanswerable ones in each band."""
    rows = ["confidence  answerable  right  unanswerable"]
    bands = [*zip(edges, [*edges[1:], float("inf")], strict=True)]
    for low, high in bands:
        ans = una = right = 0
        for q, r in zip(questions, results, strict=True):
            c = float(r.get("confidence", 0.0))
            if not low <= c < high or "answerable" not in q:
                continue
            if not q["answerable"]:
                una += 1
                continue
            ans += 1
            right += bool(q.get("answer_facts")) and _facts_ok([r["answer"]], q["answer_facts"])
        label = f"{low:.1f}–{high:.1f}" if high != float("inf") else f"≥{low:.1f}"
        rows.append(f"{label:<10}  {ans:>10}  {right:>5}  {una:>12}")
    return "\n".join(rows)
