"""Start the SRDI assistant web app (``make run``): settings from ``SRDI_*`` variables."""

import sys

from assistant.config import Settings
from assistant.ui import launch

if __name__ == "__main__":
    try:
        launch(Settings())
    except ValueError as exc:  # a malformed setting: one line, not a traceback
        sys.exit(f"error: {exc}")
