"""The web app: the only package that imports gradio; it calls only the service layer.

Importing :mod:`assistant.ui` (or its pure modules such as :mod:`assistant.ui.render`)
does not import gradio; :func:`build_app` and :func:`launch` load it on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gradio as gr

    from assistant.config import Settings
    from assistant.service import AssistantService

__all__ = ["build_app", "launch"]


def build_app(service: AssistantService) -> gr.Blocks:
    """The whole web app over one shared service (see :func:`assistant.ui.app.build_app`)."""
    from assistant.ui.gradio_import import import_gradio

    import_gradio()  # before the app's modules import it the slow way
    from assistant.ui.app import build_app as build

    return build(service)


def launch(settings: Settings, *, block: bool = True) -> gr.Blocks:
    """Open the service, then build and serve the app (see :func:`assistant.ui.app.serve`).

    The service opens before gradio is imported: the query models then load in their
    background threads while the (single-threaded) gradio import runs.
    """
    from assistant.service import AssistantService
    from assistant.ui.auth import parse_auth

    parse_auth(settings.auth)  # a malformed SRDI_AUTH fails before the slow start
    service = AssistantService(settings, warm=True)
    from assistant.ui.gradio_import import import_gradio

    import_gradio()  # without rewriting its type stubs (half of the import's time)
    from assistant.ui.app import serve

    return serve(settings, service, block=block)
