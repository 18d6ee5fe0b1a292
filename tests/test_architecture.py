"""The layout's rules, checked on the real import graph (grimp, from import-linter)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import grimp
import pytest

from assistant.config import PACKAGE_DIR, PROJECT_ROOT

Graph = dict[str, set[str]]


@pytest.fixture(scope="module")
def graph() -> Graph:
    """Module -> modules it imports at run time (``if TYPE_CHECKING`` imports excluded)."""
    built = grimp.build_graph("assistant", exclude_type_checking_imports=True, cache_dir=None)
    return {m: set(built.find_modules_directly_imported_by(m)) for m in built.modules}


def cycles(graph: Graph) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(root: str) -> None:
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_cycle_finder_finds_a_cycle() -> None:
    toy = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(toy) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_among_assistant_modules(graph: Graph) -> None:
    assert len(graph) > 40
    assert cycles(graph) == []


def test_at_most_ten_modules_directly_in_the_package() -> None:
    modules = sorted(p.name for p in PACKAGE_DIR.glob("*.py"))
    assert len(modules) <= 10, modules
    packages = [p.name for p in PACKAGE_DIR.iterdir() if (p / "__init__.py").exists()]
    assert len(packages) >= 6


def test_layers_contract_has_six_layers_and_passes() -> None:
    config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = [c for c in contracts if c["type"] == "layers"]
    assert layers and max(len(c["layers"]) for c in layers) >= 6
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    run = subprocess.run(
        [exe, "--no-cache"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout
