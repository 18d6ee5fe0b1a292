"""``srdi bench``: figures for ingest speed, model load and warm question latency."""

from __future__ import annotations

import resource
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from assistant.config import Settings
from assistant.evaluation.metrics import percentiles

SAMPLE_QUESTIONS = (
    "How many national-level little giant enterprises are there in Shenzhen?",
    "北京市专精特新“小巨人”企业有多少家已经上市？",
    "專精特新中小企業面臨哪些挑戰？",
    "What support do little giant enterprises get for financing?",
)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_bench(settings: Settings, questions: Sequence[str], rounds: int = 3) -> dict[str, float]:
    """Ingest the corpus into a fresh temporary index, then time warm questions."""
    from assistant.service import AssistantService

    with tempfile.TemporaryDirectory() as tmp:
        fresh = settings.model_copy(update={"vectorstore_dir": Path(tmp) / "vs"})
        started = time.perf_counter()
        service = AssistantService(fresh)
        loaded = time.perf_counter()
        report = service.ingest()
        ingested = time.perf_counter()
        service.ask(questions[0])
        latencies = [
            service.ask(q).timings_ms.total for _ in range(rounds) for q in questions
        ]
    ingest_s = ingested - loaded
    p50, p95 = percentiles(latencies, 50, 95)
    return {
        "model_load_s": round(loaded - started, 2),
        "ingest_s": round(ingest_s, 2),
        "chunks": report.chunks,
        "chunks_per_s": round(report.chunks / ingest_s, 1) if ingest_s else 0.0,
        "questions": len(latencies),
        "latency_p50_ms": round(p50, 1),
        "latency_p95_ms": round(p95, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
