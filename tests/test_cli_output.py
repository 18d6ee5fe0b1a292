"""What ``srdi`` prints: quiet by default, one line per citation, early input checks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from assistant import cli
from assistant.cli import answers
from assistant.cli.answers import print_answer
from assistant.config import PROJECT_ROOT
from assistant.schema import AnswerRecord, Citation, Quote
from assistant.service import AssistantService

PASSAGE = ("## 2.1 增长\n\n近年来，北京市累计培育1214家；\n深圳市累计培育1331家, 数量赶超北京。"
           "\n\n尾部很长的段落。")


def _record() -> AnswerRecord:
    start = PASSAGE.index("深圳市")
    quote = Quote(text="深圳市累计培育1331家, 数量赶超北京。", start=start, end=start + 21)
    cite = Citation(n=1, doc_id="d", title="北京市“小巨人”企业培育现状", chunk_id="c",
                    text=PASSAGE, date="2025-06-01", quotes=[quote])
    return AnswerRecord(question="q", found=True, answer="深圳市累计培育1331家 [1]",
                        citations=[cite])


def test_citation_is_one_line_with_the_quoted_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    print_answer(_record())
    out = capsys.readouterr().out.splitlines()
    head = "[1] 北京市“小巨人”企业培育现状, 2025-06-01"
    assert out[-1] == f"{head} — 深圳市累计培育1331家, 数量赶超北京。"
    assert "尾部" not in "\n".join(out)  # the whole passage only with --passages
    print_answer(_record(), passages=True)
    assert "尾部很长的段落。" in capsys.readouterr().out


def test_empty_question_is_refused_before_anything_loads(monkeypatch: Any) -> None:
    # Plumbing fake: building the service would load the model; it must not be reached.
    def no_service(_: Any) -> None:
        raise AssertionError("the service was built for an empty question")

    monkeypatch.setattr(answers, "open_service", no_service)
    result = CliRunner().invoke(cli.main, ["ask", "  "])
    assert result.exit_code == 2 and "empty" in result.output


def test_ask_without_an_index_fails_with_one_line(tmp_path: Path) -> None:
    env = {"SRDI_VECTORSTORE_DIR": str(tmp_path / "empty")}
    result = CliRunner().invoke(cli.main, ["ask", "深圳有多少家小巨人企业？", "--json"], env=env)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "srdi ingest" in result.stderr


def test_help_documents_exit_codes() -> None:
    result = CliRunner().invoke(cli.main, ["--help"])
    assert result.exit_code == 0 and "Exit codes:" in result.output
    assert "2  usage error" in result.output


@pytest.mark.slow
def test_ask_prints_a_short_answer_and_nothing_on_stderr(
    service: AssistantService, tmp_path: Path
) -> None:
    """The real command, as a new process, over a copy of the session's index."""
    store = tmp_path / "vectorstore"
    shutil.copytree(service.settings.vectorstore_dir, store)
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT),
           "SRDI_CORPUS_DIR": str(service.settings.corpus_dir),
           "SRDI_VECTORSTORE_DIR": str(store)}
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "深圳累计培育了多少家国家级小巨人企业？"],
        capture_output=True, text=True, env=env, cwd=PROJECT_ROOT, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert 0 < len(lines) <= 15 and "1331" in done.stdout and lines[-1].startswith("[")


@pytest.mark.slow
def test_a_reader_that_stops_reading_gets_no_error(
    service: AssistantService, tmp_path: Path
) -> None:
    """``srdi ask … | head -1``: the reader closes the pipe before the answer is written;
    that is no store failure and no error, just the end."""
    store = tmp_path / "vectorstore"
    shutil.copytree(service.settings.vectorstore_dir, store)
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT),
           "SRDI_CORPUS_DIR": str(service.settings.corpus_dir),
           "SRDI_VECTORSTORE_DIR": str(store)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "ask", "深圳累计培育了多少家国家级小巨人企业？"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=PROJECT_ROOT,
    )
    assert proc.stdout is not None
    proc.stdout.close()  # before anything is written: every write meets a closed pipe
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr
    assert b"unavailable" not in stderr and b"error" not in stderr
