"""srdi-assistant: offline-first, cited answers about China's SRDI policy and statistics."""

__version__ = "0.1.0"
