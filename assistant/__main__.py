"""``python -m assistant`` is the ``srdi`` command."""

from assistant.cli import main

main()
