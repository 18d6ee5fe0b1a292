"""YAML parsing for the knowledge files: libyaml's C parser when PyYAML has it (about ten
times faster than the pure-Python one, which was most of the start-up's knowledge load)."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` through the fastest safe loader available."""
    return yaml.load(text, Loader=_LOADER)
