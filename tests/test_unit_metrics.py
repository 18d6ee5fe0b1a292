"""Evaluation metrics on hand-made records (assistant.evaluation.metrics)."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.evaluation.metrics import failures, format_table, metrics, norm, percentiles


def result(
    found: bool, answer: str, retrieved: list[str], cited: list[str], ms: float
) -> dict[str, Any]:
    return {
        "found": found,
        "answer": answer,
        "retrieved": [{"rank": i, "text": t} for i, t in enumerate(retrieved, start=1)],
        "citations": [{"text": t} for t in cited],
        "timings_ms": {"total": ms},
    }


QUESTIONS = [
    {"id": "a", "question": "?", "answerable": True, "evidence": ["1,214家"],
     "answer_facts": [["1214"]]},
    {"id": "b", "question": "?", "answerable": True, "evidence": ["Little Giant"],
     "answer_facts": [["104", "一百零四"], ["Shenzhen"]]},
    {"id": "c", "question": "?", "answerable": False},
    {"id": "d", "question": "no gold"},
]
RESULTS = [
    result(True, "共有1214家。", ["别的", "共 1,214 家企业"], ["共 1,214 家企业"], 10.0),
    result(True, "104 firms", ["x", "y", "z", "a", "b", "little  giant"], ["104 firms"], 20.0),
    result(True, "made up", [], [], 30.0),
    result(False, "", [], [], 40.0),
]


def test_norm_is_the_readme_matching_form() -> None:
    assert norm("Ｌittle  Giant 1,214") == "littlegiant1214"


def test_metrics_of_a_small_run() -> None:
    m = metrics(QUESTIONS, RESULTS)
    assert m["questions"] == 4
    assert (m["recall@1"], m["recall@5"], m["recall@10"]) == (0.0, 0.5, 1.0)
    assert m["mrr@10"] == pytest.approx((1 / 2 + 1 / 6) / 2)
    assert m["false_refusals"] == 0.0
    assert m["fact_accuracy"] == 0.5  # b's answer never says Shenzhen
    assert m["cited_fact_support"] == 0.5
    assert m["no_answer_accuracy"] == 0.0  # c was answered
    assert m["latency_p50_ms"] == 25.0 and 30.0 < m["latency_p95_ms"] <= 40.0


def test_failures_name_the_missed_questions() -> None:
    assert failures(QUESTIONS, RESULTS) == ["b", "c"]


@pytest.mark.parametrize(
    ("values", "p50", "p95"),
    [
        ([5.0], 5.0, 5.0),
        ([1.0, 2.0], 1.5, 1.95),
        ([float(v) for v in range(1, 101)], 50.5, 95.05),
        ([3.0, 1.0, 2.0], 2.0, 2.9),  # order does not matter
    ],
)
def test_percentiles_interpolate_within_the_data(
    values: list[float], p50: float, p95: float
) -> None:
    got = percentiles(values, 50, 95)
    assert got == [pytest.approx(p50), pytest.approx(p95)]
    assert min(values) <= got[0] <= got[1] <= max(values)


def test_percentiles_of_nothing_is_an_error() -> None:
    with pytest.raises(ValueError):
        percentiles([], 50)


def test_format_table_puts_runs_side_by_side() -> None:
    table = format_table({"hybrid": {"recall@5": 0.5, "questions": 4},
                          "baseline": {"recall@5": 0.25, "questions": 4}})
    lines = table.splitlines()
    assert lines[0].split() == ["metric", "hybrid", "baseline"]
    assert lines[1].split() == ["recall@5", "0.500", "0.250"]
    assert lines[2].split() == ["questions", "4", "4"]
