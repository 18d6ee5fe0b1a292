"""``srdi facts``, ``srdi chunks``, ``srdi eval`` and ``srdi bench``: data and figures."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

import click

from assistant.cli.base import echo_json, main, open_service
from assistant.config import Settings
from assistant.schema import AnswerRecord

log = logging.getLogger("assistant")


@main.command()
@click.option("--place", help="Only this place (深圳, 深圳市, Shenzhen, 全国/China).")
@click.option("--metric", help='Only metrics containing this, e.g. "little giants".')
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV with a header row.")
@click.option("--conflicts", is_flag=True, help="Only figures that disagree for one date.")
@click.pass_obj
def facts(
    settings: Settings, place: str | None, metric: str | None, as_json: bool, as_csv: bool,
    conflicts: bool,
) -> None:
    """Print the figures sheet built at ingest (every statistic with place, date, source)."""
    import csv

    from assistant.index.facts import read_facts
    from assistant.knowledge import places_of
    from assistant.knowledge.factsheet import conflicts as conflicting
    from assistant.knowledge.factsheet import filter_records
    from assistant.knowledge.places import canonical_place
    from assistant.schema import FactRecord

    if place:
        places = places_of(settings)
        place = canonical_place(places, place)
    records = filter_records(read_facts(settings), place, metric)
    if conflicts:
        records = [r for group in conflicting(records) for r in group]
    if as_csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(FactRecord.model_fields))
        writer.writeheader()
        writer.writerows(r.model_dump() for r in records)
    elif as_json:
        for record in records:
            echo_json(record.model_dump())
    else:
        for r in records:
            click.echo(f"{r.place}\t{r.metric}\t{r.as_of}\t{r.kind}\t{r.value} {r.unit}"
                       f"\t{r.doc_id}:{r.start}")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="JSON lines (the only format).")
@click.pass_obj
def chunks(settings: Settings, as_json: bool) -> None:
    """Print every indexed chunk as a JSON line."""
    from assistant.index.store import ChunkIndex, open_client, open_collection

    index = ChunkIndex(open_collection(open_client(settings), settings.collection_name,
                                       searched=False), None)
    keys = ("doc_id", "path", "title", "lang", "start", "end")
    for doc in index.all_chunks():
        row = {"chunk_id": doc.id, **{k: doc.metadata.get(k) for k in keys}}
        row["text"] = doc.page_content
        echo_json(row)


@main.command("eval")
@click.option("--questions", "questions_path", type=click.Path(exists=True, path_type=Path),
              required=True, help="JSON lines with id and question (gold fields optional).")
@click.option("--out", "out_path", type=click.Path(path_type=Path), required=True,
              help="Result records (JSON lines); with several retrievers, one file each "
              "named OUT.<retriever>.jsonl.")
@click.option("--retriever", "retrievers", multiple=True, default=("hybrid",),
              type=click.Choice(["hybrid", "dense", "use", "bm25", "baseline"]), show_default=True,
              help="Repeat to compare retrievers side by side.")
@click.option("--llm", is_flag=True, help="Answer with the configured language model.")
@click.pass_obj
def eval_cmd(settings: Settings, questions_path: Path, out_path: Path,
             retrievers: tuple[str, ...], llm: bool) -> None:
    """Answer every question of a file and print the metrics (when gold fields exist)."""
    from assistant.evaluation import metrics as evaluation

    questions = evaluation.read_questions(questions_path)
    service = open_service(settings)
    columns: dict[str, dict[str, Any]] = {}
    calibrations: dict[str, str] = {}
    for name in retrievers:
        def ask_one(q: str, name: str = name) -> AnswerRecord:
            if llm:
                return service.ask(q, retriever=name)  # type: ignore[no-any-return]
            return service.ask_extractive(q, retriever=name)  # type: ignore[no-any-return]

        ask_one(str(questions[0]["question"]))  # warm-up: latency is measured warm
        results = evaluation.run(questions, ask_one)
        target = out_path if len(retrievers) == 1 else out_path.with_suffix(f".{name}.jsonl")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results), encoding="utf-8"
        )
        columns[name] = evaluation.metrics(questions, results)
        calibrations[name] = evaluation.calibration(questions, results)
        misses = evaluation.failures(questions, results)
        if misses:
            log.info("%s missed: %s", name, " ".join(misses))
    click.echo(evaluation.format_table(columns))
    for name, table in calibrations.items():
        click.echo(f"\n{name}: confidence vs accuracy (choose thresholds on dev data)\n{table}")


@main.command()
@click.option("--questions", "questions_path", type=click.Path(exists=True, path_type=Path),
              help="JSON lines with a question field (default: a few built-in questions; "
              "with --scale, also the seeds' dev questions).")
@click.option("--rounds", default=3, show_default=True, help="Times each question is asked.")
@click.option("--scale", type=click.IntRange(min=1), default=None,
              help="Measure a synthetic corpus of about N chunks instead of the seeds.")
@click.option("--real-embeddings", is_flag=True,
              help="With --scale: embed passages for real (default: stand-in vectors).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@click.pass_obj
def bench(settings: Settings, questions_path: Path | None, rounds: int, scale: int | None,
          real_embeddings: bool, as_json: bool) -> None:
    """Measure ingest speed (fresh temporary index), model load and warm latency;
    with --scale N, how they grow on a synthetic corpus of N chunks."""
    from assistant.evaluation import bench as benchmark
    from assistant.evaluation.metrics import read_questions

    questions = (
        [str(q["question"]) for q in read_questions(questions_path)]
        if questions_path else list(benchmark.SAMPLE_QUESTIONS)
    )
    if scale is not None:
        from assistant.evaluation.scale import run_scale

        if questions_path is None and settings.bench_questions_path.is_file():
            questions += [str(q["question"])
                          for q in read_questions(settings.bench_questions_path)]
        figures = run_scale(settings, scale, questions, real_embeddings, rounds)
    else:
        figures = benchmark.run_bench(settings, questions, rounds)
    if as_json:
        click.echo(json.dumps(figures))
        return
    for key, value in figures.items():
        click.echo(f"{key:18} {value}")
