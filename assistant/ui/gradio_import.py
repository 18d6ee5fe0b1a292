"""Import gradio without rewriting its type stubs: half of the app's start-up.

Every gradio component class is created through ``gradio.component_meta.ComponentMeta``,
which calls ``create_or_modify_pyi`` for it: read the class's source file, parse it,
regenerate its ``.pyi`` stub text, and compare it with (or write it into) the stub file
in site-packages. That is a developer's tool for gradio's own repository (the installed
wheel ships the stubs), yet it runs for about 150 classes on every ``import gradio``:
here about half of that import's CPU time. Nothing else reads what it writes.

:func:`import_gradio` imports gradio with that one function replaced by a no-op while
``gradio.component_meta`` loads (before any component class exists); everything else
about gradio is unchanged. A gradio imported already is returned as it is.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import logging
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

log = logging.getLogger(__name__)

STUB_WRITER = ("gradio.component_meta", "create_or_modify_pyi")


def _skip(*args: Any, **kwargs: Any) -> None:
    """Stands in for the stub writer: the stubs on disk are the wheel's own."""


class _PatchingLoader(importlib.abc.Loader):
    """Runs the module's own loader, then replaces one function in the module."""

    def __init__(self, loader: Any, function: str) -> None:
        self.loader = loader
        self.function = function

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)  # type: ignore[no-any-return]

    def exec_module(self, module: ModuleType) -> None:
        self.loader.exec_module(module)
        if hasattr(module, self.function):
            setattr(module, self.function, _skip)
        else:  # another gradio release: import it as it is
            log.debug("%s has no %s", module.__name__, self.function)

    def __getattr__(self, name: str) -> Any:  # get_source, get_filename, … for tracebacks
        return getattr(self.loader, name)


class NoOpFinder(importlib.abc.MetaPathFinder):
    """Finds ``module`` as the import system would, with ``function`` replaced by a
    no-op once the module has run; used once, then it leaves ``sys.meta_path``."""

    def __init__(self, module: str, function: str) -> None:
        self.module = module
        self.function = function

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.module:
            return None
        remove_finder(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = _PatchingLoader(spec.loader, self.function)
        return spec


def remove_finder(finder: importlib.abc.MetaPathFinder) -> None:
    """Take ``finder`` off ``sys.meta_path`` (no error if it is gone already)."""
    if finder in sys.meta_path:
        sys.meta_path.remove(finder)


def import_with_noop(package: str, module: str, function: str) -> ModuleType:
    """Import ``package`` with ``module.function`` made a no-op (unless ``module`` has
    been imported already, when the package is imported as it is)."""
    finder = NoOpFinder(module, function)
    if module not in sys.modules:
        sys.meta_path.insert(0, finder)
    try:
        return importlib.import_module(package)
    finally:
        remove_finder(finder)


def import_gradio() -> ModuleType:
    """gradio, imported without regenerating its type stubs (see the module's docs)."""
    return import_with_noop("gradio", *STUB_WRITER)
