"""Start-up shortcuts: gradio imported without its stub writer (on a small real package
built in a temporary folder, since the real gradio is imported once per process)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.ui.gradio_import import STUB_WRITER, import_with_noop

# A package whose import runs a "stub writer" for each class, as gradio's does.
PACKAGE = {
    "__init__.py": "from {pkg}.parts import Part, Other\n",
    "meta.py": (
        "from pathlib import Path\n"
        "WRITTEN = []\n"
        "def write_stub(cls):\n"
        "    WRITTEN.append(cls.__name__)\n"
        "    Path(__file__).with_name(cls.__name__ + '.pyi').write_text('stub')\n"
        "class Meta(type):\n"
        "    def __new__(mcs, name, bases, attrs):\n"
        "        cls = super().__new__(mcs, name, bases, attrs)\n"
        "        write_stub(cls)\n"
        "        return cls\n"
    ),
    "parts.py": (
        "from {pkg}.meta import Meta\n"
        "class Part(metaclass=Meta):\n"
        "    def name(self):\n"
        "        return 'part'\n"
        "class Other(Part):\n"
        "    pass\n"
    ),
}


def make_package(root: Path, name: str) -> Path:
    folder = root / name
    folder.mkdir()
    for file, text in PACKAGE.items():
        (folder / file).write_text(text.format(pkg=name))
    return folder


@pytest.fixture
def packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in [m for m in sys.modules if m.startswith("stubpkg_")]:
        del sys.modules[name]


def test_the_stub_writer_is_skipped_and_the_package_works(packages: Path) -> None:
    folder = make_package(packages, "stubpkg_a")
    finders = list(sys.meta_path)
    module = import_with_noop("stubpkg_a", "stubpkg_a.meta", "write_stub")
    assert module.Other().name() == "part"  # the classes are built as before
    assert not list(folder.glob("*.pyi"))  # ... without their stubs written
    assert sys.modules["stubpkg_a.meta"].WRITTEN == []
    assert sys.meta_path == finders  # the hook is gone afterwards
    loader: Any = sys.modules["stubpkg_a.meta"].__loader__
    assert loader.get_filename("stubpkg_a.meta").endswith("meta.py")  # for tracebacks


def test_a_plain_import_still_writes_the_stubs(packages: Path) -> None:
    folder = make_package(packages, "stubpkg_b")
    __import__("stubpkg_b")  # the control: the writer does run without the hook
    assert sorted(p.name for p in folder.glob("*.pyi")) == ["Other.pyi", "Part.pyi"]


def test_a_module_imported_already_is_left_as_it_is(packages: Path) -> None:
    make_package(packages, "stubpkg_c")
    __import__("stubpkg_c")
    finders = list(sys.meta_path)
    module = import_with_noop("stubpkg_c", "stubpkg_c.meta", "write_stub")
    assert module is sys.modules["stubpkg_c"]
    assert sys.modules["stubpkg_c.meta"].WRITTEN == ["Part", "Other"]
    assert sys.meta_path == finders


def test_the_installed_gradio_has_the_function_replaced() -> None:
    """The name patched must exist in the installed gradio (else the hook does nothing)."""
    import importlib.util

    module, function = STUB_WRITER
    spec = importlib.util.find_spec("gradio")
    assert spec is not None and spec.submodule_search_locations
    source = Path(spec.submodule_search_locations[0], "component_meta.py").read_text("utf-8")
    assert f"def {function}(" in source and module == "gradio.component_meta"
