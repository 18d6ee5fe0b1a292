"""``srdi ask`` and ``srdi chat``: answers printed for a terminal."""

from __future__ import annotations

import logging
from typing import Any

import click

from assistant.cli.base import echo_json, main, open_service
from assistant.config import Settings
from assistant.schema import AnswerRecord

log = logging.getLogger("assistant")


def require_index(service: Any, question: str) -> None:
    """Exit 1 with one line on stderr when nothing is indexed yet (in the question's
    language): a script must not take "no index" for an answer."""
    if not service.chunks():
        from assistant.answering.replies import text
        from assistant.text.lang import detect_lang

        raise click.ClickException(text(detect_lang(question) if question else "en",
                                         "no_index"))


def one_line(text: str, limit: int = 0) -> str:
    """Markup-free text on one line, cut to ``limit`` characters (0: whole)."""
    from assistant.ui.markdown import plain_text

    flat = " ".join(plain_text(text).split())
    return flat if not limit or len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def cited_sentence(citation: Any) -> str:
    """The sentences an answer quotes from a citation (its passage's start otherwise)."""
    quoted = " … ".join(one_line(q.text) for q in citation.quotes if q.text.strip())
    return one_line(quoted or citation.text, 220)


def print_answer(record: AnswerRecord, passages: bool = False) -> None:
    """An answer for the terminal: text, then ``[n] title, date — cited sentence`` lines."""
    from assistant.ui.markdown import plain_text

    click.echo(plain_text(record.answer).strip())
    if record.notice:
        click.secho(record.notice, fg="yellow")
    sources = record.citations if record.found else []
    if sources:
        click.echo()
    for c in sources:
        head = f"[{c.n}] {one_line(c.title or c.doc_id, 80)}" + (f", {c.date}" if c.date else "")
        click.echo(click.style(head, bold=True) + " — " + cited_sentence(c))
        if passages:
            click.echo(click.wrap_text(c.text.strip(), initial_indent="    ",
                                       subsequent_indent="    ", preserve_paragraphs=True))
    if not record.found and record.related:
        click.echo()
        click.echo("Related passages (they do not answer the question):")
        for r in record.related[:3]:
            click.echo(f"  · {one_line(r.title or r.doc_id, 60)} — {one_line(r.text, 120)}")


def require_question(question: str) -> str:
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
    question = require_question(question)
    service = open_service(settings, warm=True)
    require_index(service, question)
    record = service.ask(question, k=k, retriever=retriever)
    if as_json:
        echo_json(record.model_dump(mode="json"))
    else:
        print_answer(record, passages)


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
    service = open_service(settings, warm=True)
    require_index(service, "")
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
        print_answer(record, passages)
        click.echo()
        history.append(question.strip())
