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
        "part_unstated": "Not confirmed separately by any sentence: “{part}”",
        "as_of": "(as of {when})",
        "other_years": "The documents give figures for {given}; none for {asked}.",
        "conflict": "Check this figure: the documents disagree. {value} is contradicted by "
        "{others} for the same place, date and measure. ",
        "dated": "(date not stated; document dated {when})",
        "undated": "(date not stated)",
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
        "part_unstated": "未找到单独回答这一部分的句子：「{part}」",
        "as_of": "（时间：{when}年）",
        "other_years": "文档中有 {given} 年的数据，没有 {asked} 年的。",
        "conflict": "请核对：文档之间数字不一致。{value} 与 {others} "
        "的同一地区、时间、指标数字不同。",
        "dated": "（未注明时间；文档日期 {when}）",
        "undated": "（未注明时间）",
        "empty": "请输入问题。",
        "too_long": "问题太长（{n} 个字符，上限为 {limit}），请精简后再问。",
        "no_index": "尚未建立文档索引。请先运行 `srdi ingest`（或 `make run`）。",
    },
    "zh-Hant": {
        "lead": "根據文件：",
        "lead_cross": "根據文件（引用原文）：",
        "refuse": "文件中沒有句子直接回答這個問題。以下列出最接近的段落，供參考。",
        "refuse_plain": "文件中沒有這個問題的答案。",
        "part_unstated": "未找到單獨回答這一部分的句子：「{part}」",
        "as_of": "（時間：{when}年）",
        "other_years": "文件中有 {given} 年的數據，沒有 {asked} 年的。",
        "conflict": "請核對：文件之間數字不一致。{value} 與 {others} "
        "的同一地區、時間、指標數字不同。",
        "dated": "（未註明時間；文件日期 {when}）",
        "undated": "（未註明時間）",
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


def as_of(lang: str, years: Sequence[int], document_date: str) -> str:
    """When a quoted figure holds: the years its sentence names, else the document date."""
    if years:
        span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        return text(lang, "as_of", when=span)
    if document_date:
        return text(lang, "dated", when=document_date)
    return text(lang, "undated")


def compose(
    lang: str, quotes: Sequence[tuple[str, int] | tuple[str, int, str]], cross_language: bool
) -> str:
    """A lead line, then each quoted sentence followed by its ``[n]`` marker (and, for a
    figure, when it holds)."""
    lead = text(lang, "lead_cross" if cross_language else "lead")
    lines = []
    for quote in quotes:
        note = f" {quote[2]}" if len(quote) > 2 and quote[2] else ""
        lines.append(f"- {_quoted(lang, quote[0])} [{quote[1]}]{note}")
    return "\n".join([lead, *lines])
