"""``srdi bench --scale``: the synthetic corpus and the JSON figures (real query models;
passage vectors are the bench's own stand-ins, as documented in the command)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.config import Settings
from assistant.evaluation.scale import seed_sentences, write_corpus

KEYS = {"chunks", "ingest_s", "startup_s", "query_p50_ms", "query_p95_ms", "rss_mb",
        "disk_kb_per_chunk", "reingest_s"}


def test_synthetic_corpus_varies_the_seed_sentences(tmp_path: Path) -> None:
    sentences = seed_sentences(Settings().corpus_dir)
    assert len(sentences) > 50
    files = write_corpus(sentences, tmp_path, chunks=100)
    texts = [p.read_text(encoding="utf-8") for p in sorted(tmp_path.glob("*.txt"))]
    assert files == len(texts) >= 2
    assert sum(t.count("\n\n") + 1 for t in texts) == 200
    assert not any(t in sentences for t in texts[0].split("\n\n"))  # figures varied


@pytest.mark.model
def test_bench_scale_json_has_the_issue_keys(tmp_path: Path) -> None:
    env = {"SRDI_VECTORSTORE_DIR": str(tmp_path / "unused")}
    result = CliRunner().invoke(main, ["bench", "--scale", "40", "--json", "--rounds", "1"],
                                env=env)
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert set(figures) == KEYS
    assert 20 <= figures["chunks"] <= 80 and figures["reingest_s"] > 0
