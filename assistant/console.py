"""How loud the program is: the one place that sets the verbosity of our libraries.

Quiet by default (warnings of our own code only, no progress bars for model loads,
no INFO lines from transformers, sentence-transformers, chromadb, jieba, httpx or
gradio); ``verbose`` turns our debug log and the libraries' own output back on.
Call :func:`configure` before anything heavy is imported (environment variables are
read at import time), and again is harmless.
"""

from __future__ import annotations

import logging
import os
import sys

#: Third-party loggers that are silenced below ERROR unless verbose.
NOISY_LOGGERS = (
    "httpx", "httpcore", "urllib3", "chromadb", "posthog", "sentence_transformers",
    "transformers", "huggingface_hub", "jieba", "gradio", "uvicorn", "uvicorn.error",
    "uvicorn.access", "asyncio", "py.warnings", "multipart", "matplotlib", "PIL", "pypdf",
    "docx",
)

#: Environment read by the libraries at import time: no progress bars, no chatter.
QUIET_ENV = {
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "TRANSFORMERS_NO_ADVISORY_WARNINGS": "1",
    "TOKENIZERS_PARALLELISM": "false",
    "GRADIO_ANALYTICS_ENABLED": "False",
}

LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"


def configure(verbose: bool = False, level: int = logging.WARNING) -> None:
    """Set the log level of our code and of every noisy library in one go.

    ``level`` is our own code's level when not verbose (WARNING: quiet; INFO: the app's
    start-up lines). Third-party libraries log only errors unless ``verbose``.
    """
    if not verbose:
        for key, value in QUIET_ENV.items():
            os.environ.setdefault(key, value)
    logging.captureWarnings(True)
    logging.basicConfig(level=logging.DEBUG if verbose else level, format=LOG_FORMAT,
                        stream=sys.stderr, force=True)
    third_party = logging.INFO if verbose else logging.ERROR
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(third_party)
    logging.getLogger("jieba").disabled = not verbose  # jieba resets its level on import
    _quiet_imported_libraries(verbose)


def _quiet_imported_libraries(verbose: bool) -> None:
    """Libraries imported already have read their environment: tell them directly."""
    transformers_logging = sys.modules.get("transformers.utils.logging")
    if transformers_logging is not None and not verbose:
        transformers_logging.set_verbosity_error()
        transformers_logging.disable_progress_bar()
    hub = sys.modules.get("huggingface_hub.utils")
    if hub is not None and not verbose:
        hub.disable_progress_bars()
