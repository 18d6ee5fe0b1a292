"""The fixed wording of replies, in the question's language."""

from __future__ import annotations

from collections.abc import Sequence

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "lead": "Here is what the documents say:",
        "lead_cross": "Here is what the documents say (quoted in the original language):",
        "refuse": "No sentence in the documents states this. The closest passages are listed "
        "below, in case they help.",
        "refuse_plain": "The documents do not answer this question.",
        "empty": "Please type a question.",
        "too_long": "The question is too long ({n} characters; the limit is {limit}). "
        "Please shorten it.",
        "no_index": "No documents are indexed yet. Run `srdi ingest` (or `make run`) first.",
    },
    "zh-Hans": {
        "lead": "根据文档：",
        "lead_cross": "根据文档（引用原文）：",
        "refuse": "文档中没有句子直接回答这个问题。以下列出最接近的段落，供参考。",
        "refuse_plain": "文档中没有这个问题的答案。",
        "empty": "请输入问题。",
        "too_long": "问题太长（{n} 个字符，上限为 {limit}），请精简后再问。",
        "no_index": "尚未建立文档索引。请先运行 `srdi ingest`（或 `make run`）。",
    },
    "zh-Hant": {
        "lead": "根據文件：",
        "lead_cross": "根據文件（引用原文）：",
        "refuse": "文件中沒有句子直接回答這個問題。以下列出最接近的段落，供參考。",
        "refuse_plain": "文件中沒有這個問題的答案。",
        "empty": "請輸入問題。",
        "too_long": "問題太長（{n} 個字元，上限為 {limit}），請精簡後再問。",
        "no_index": "尚未建立文件索引。請先執行 `srdi ingest`（或 `make run`）。",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    """A fixed reply string in ``lang`` (English when the language is unknown)."""
    table = _TEXT.get(lang, _TEXT["en"])
    return table[key].format(**values)


def _quoted(lang: str, sentence: str) -> str:
    return f"“{sentence}”" if lang == "en" else f"「{sentence}」"


def compose(lang: str, quotes: Sequence[tuple[str, int]], cross_language: bool) -> str:
    """A lead line, then each quoted sentence followed by its ``[n]`` marker."""
    lead = text(lang, "lead_cross" if cross_language else "lead")
    lines = [f"- {_quoted(lang, q)} [{n}]" for q, n in quotes]
    return "\n".join([lead, *lines])
