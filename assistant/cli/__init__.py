"""The ``srdi`` command line (also ``python -m assistant``): thin commands over the service.

``base`` holds the group (quiet by default, one-line errors, exit codes) and the index and
app commands; ``answers`` the question commands; ``tools`` the data and measurement ones.
"""

from assistant.cli import answers, tools  # noqa: F401  (they register their commands)
from assistant.cli.base import main

__all__ = ["main"]
