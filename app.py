"""Start the SRDI assistant web app (``make run``): settings from ``SRDI_*`` variables."""

from assistant.config import Settings
from assistant.ui import launch

if __name__ == "__main__":
    launch(Settings())
