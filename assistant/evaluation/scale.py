"""``srdi bench --scale N``: how ingest, start, questions and re-ingest grow with the corpus.

A synthetic corpus of about ``N`` chunks is written from the seeds' sentences (figures
and years varied, sentences resampled), indexed into a fresh temporary store, and then
measured: fresh ingest, startup of a new service over the built index, warm question
latency (queries always embedded by the real models), peak RSS, disk per chunk, and
re-ingest after one paragraph of one file was edited.

Passage vectors are STAND-INS unless ``real_embeddings``: fixed pseudo-random unit
vectors derived from each text's hash (the sizes are real, the meaning is not), so the
figures measure storage, lexical index and start-up work rather than the embedding
model, whose speed ``srdi bench`` and ``srdi ingest`` show on the seeds.
"""

from __future__ import annotations

import hashlib
import random
import re
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.config import Settings
from assistant.evaluation.bench import SAMPLE_QUESTIONS, peak_rss_mb
from assistant.evaluation.metrics import percentiles
from assistant.models.embedders import Embedders, load_embedders
from assistant.text.sentences import split_sentences

PARAGRAPHS_PER_FILE = 40
PARAGRAPHS_PER_CHUNK = 2.0  # the chunker joins short paragraphs (measured on the seeds)
_NUMBER = re.compile(r"\d+")


class StandInPassages:
    """STAND-IN passages (hash-seeded random unit vectors), real queries."""

    def __init__(self, real: Any, dimension: int) -> None:
        self.real = real
        self.dimension = dimension

    def encode_documents(self, texts: list[str]) -> npt.NDArray[np.float32]:
        """One fixed random unit vector per distinct text."""
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for i, text in enumerate(texts):
            seed = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")
            vec = np.random.default_rng(seed).standard_normal(self.dimension)
            out[i] = vec / np.linalg.norm(vec)
        return out

    def encode_queries(self, texts: list[str]) -> npt.NDArray[np.float32]:
        """The real model's query vectors."""
        return np.asarray(self.real.encode_queries(texts), dtype=np.float32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """LangChain interface."""
        return self.encode_documents(texts).tolist()  # type: ignore[no-any-return]

    def embed_query(self, text: str) -> list[float]:
        """LangChain interface."""
        return self.encode_queries([text])[0].tolist()  # type: ignore[no-any-return]


def seed_sentences(corpus_dir: Path) -> list[str]:
    """Every sentence of the seed files."""
    out: list[str] = []
    for path in sorted(corpus_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [text[a:b].strip() for a, b in split_sentences(text) if b - a > 8]
    return out


def _vary(sentence: str, rng: random.Random) -> str:
    return _NUMBER.sub(lambda m: str(rng.randint(1, 10 ** max(1, len(m.group())))), sentence)


def write_corpus(sentences: list[str], out: Path, chunks: int, seed: int = 7) -> int:
    """Files of varied seed sentences that chunk into about ``chunks``; returns files."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    total = max(1, round(chunks * PARAGRAPHS_PER_CHUNK))
    files = -(-total // PARAGRAPHS_PER_FILE)
    for f in range(files):
        count = min(PARAGRAPHS_PER_FILE, total - f * PARAGRAPHS_PER_FILE)
        paragraphs = [
            "".join(_vary(rng.choice(sentences), rng) for _ in range(rng.randint(2, 3)))
            for _ in range(max(1, count))
        ]
        (out / f"synthetic_{f:05d}.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    return files


def _disk_kb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1024


def _timed(fn: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def _latencies(service: Any, questions: Sequence[str], rounds: int) -> list[float]:
    """Warm latencies: two questions warm the models up, then each question is asked
    ``rounds`` times (the first time of each is timed too: per-text memos do not flatter
    the figure); many latencies, so the percentiles hold from run to run."""
    for question in questions[:2]:
        service.ask(question)
    return [service.ask(q).timings_ms.total for _ in range(rounds) for q in questions]


def run_scale(settings: Settings, chunks: int, questions: Sequence[str] = SAMPLE_QUESTIONS,
              real_embeddings: bool = False, rounds: int = 3) -> dict[str, float]:
    """Build, index and measure a synthetic corpus of about ``chunks`` chunks (warm
    latency over ``questions``, each asked ``rounds`` times after a warm-up pass)."""
    from assistant.service import AssistantService

    real = load_embedders(settings)
    embedders = real if real_embeddings else Embedders(
        e5=StandInPassages(real.e5, 384), use=StandInPassages(real.use, 512)
    )
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(seed_sentences(settings.corpus_dir), corpus, chunks)
        fresh = settings.model_copy(update={
            "corpus_dir": corpus, "vectorstore_dir": Path(tmp) / "vs", "use_dictionary": True,
        })
        report, ingest_s = _timed(lambda: AssistantService(fresh, embedders).ingest())
        service, startup_s = _timed(lambda: AssistantService(fresh, embedders))
        latencies = _latencies(service, questions, rounds)
        disk = _disk_kb(fresh.vectorstore_dir)
        first = sorted(corpus.glob("*.txt"))[0]
        text = first.read_text(encoding="utf-8")
        first.write_text(text.replace("\n\n", "新增一句说明文字。\n\n", 1), encoding="utf-8")
        _, reingest_s = _timed(service.ingest)
    p50, p95 = percentiles(latencies, 50, 95)
    return {
        "chunks": report.chunks,
        "ingest_s": round(ingest_s, 2),
        "startup_s": round(startup_s, 2),
        "query_p50_ms": round(p50, 1),
        "query_p95_ms": round(p95, 1),
        "rss_mb": round(peak_rss_mb(), 1),
        "disk_kb_per_chunk": round(disk / max(1, report.chunks), 2),
        "reingest_s": round(reingest_s, 2),
    }
