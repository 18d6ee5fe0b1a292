"""Interface labels in Simplified Chinese and English (answers keep the question's language)."""

from __future__ import annotations

from typing import Literal

UiLang = Literal["zh", "en"]

#: Choices of the language switch, shown as they are in both languages.
LANG_CHOICES: list[tuple[str, str]] = [("中文", "zh"), ("English", "en")]

#: Example questions of the empty chat (Chinese ones in the Chinese UI, all in English).
EXAMPLES: tuple[str, ...] = (
    "“小巨人”企业可以获得哪些支持？",
    "专精特新中小企业面临哪些困境？",
    "How does Beijing compare with Shenzhen in cultivating little giants?",
    "What are little giant enterprises?",
)

_EN: dict[str, str] = {
    "title": "SRDI Policy Assistant",
    "subtitle": "Answers about China's 专精特新 (SRDI) and “little giant” policy, "
    "always with the source passages. Ask in Chinese or English.",
    "welcome": "Ask about 专精特新 (SRDI) and “little giant” policy",
    "welcome_hint": "Every answer quotes the documents; click [1] to see where a figure comes "
    "from. Try one of these:",
    "tab_chat": "Chat",
    "tab_library": "Document library",
    "chatbot": "Conversation",
    "placeholder": "Ask a question, e.g. what support can a “little giant” get?",
    "question": "Your question",
    "send": "Ask",
    "clear": "Clear conversation",
    "copy": "Copy answer",
    "copied": "Copied ✓",
    "filter": "Search only in these documents",
    "filter_info": "Leave empty to search all documents.",
    "sources": "Sources",
    "document": "Document",
    "sources_empty": "Sources of each answer appear here. Click a marker such as [1] "
    "in an answer to jump to its passage.",
    "document_empty": "Click “View in document” on a source card to read the whole document "
    "with the passage highlighted.",
    "view": "View in document",
    "publisher": "Publisher",
    "date": "Date",
    "unknown": "unknown",
    "related": "Related passages (they do not answer the question)",
    "not_found": "Not found in the documents",
    "no_related": "No related passages.",
    "asked": "Question",
    "doc_missing": "This document is no longer in the library.",
    "feedback_up": "Thanks — marked as helpful.",
    "feedback_down": "Thanks — marked as not helpful.",
    "feedback_none": "There is no answer to rate yet.",
    "library_intro": "Documents the assistant answers from.",
    "col_title": "Title",
    "col_publisher": "Publisher",
    "col_date": "Date",
    "col_lang": "Language",
    "col_chunks": "Passages",
    "col_indexed": "Last indexed",
    "upload": "Add documents (txt, md, html, pdf, docx; up to {mb} MB each)",
    "upload_btn": "Add to library",
    "upload_off": "Uploading is turned off. Start the app with SRDI_ALLOW_UPLOAD=true to add "
    "documents here, or put files into the corpus folder and run `srdi ingest`.",
    "upload_none": "Choose a file first.",
    "upload_ok": "Added {name}: {chunks} passages indexed.",
    "upload_bad": "Could not add {name}: {reason}",
    "refresh": "Refresh",
    "mode": "Answer mode",
    "refusal": "The documents in the library do not answer this question. Related passages, "
    "if any, are listed under Sources.",
    "about": "About this answer",
    "about_extractive": "Extractive answer: the sentences are quoted verbatim from the "
    "documents (no language model).",
    "about_llm": "Written by a language model ({model}) from the cited passages.",
    "about_checked": "Check against the passages: {status}.",
    "about_search": "Hybrid search (meaning + keywords) read {n} passages (chunks).",
    "about_time": "Answered in {ms} ms.",
    "col_size": "Size",
    "size_passages": "{n} passages",
    "library_empty": "No documents yet.",
    "working": "Searching the documents…",
}

_ZH: dict[str, str] = {
    "title": "专精特新政策助手",
    "subtitle": "解答专精特新与“小巨人”企业政策问题，每个回答都附有原文出处。可用中文或英文提问。",
    "welcome": "专精特新与“小巨人”政策问答",
    "welcome_hint": "每个回答都引用原文；点击 [1] 即可查看数字的出处。可以试试：",
    "tab_chat": "对话",
    "tab_library": "文档库",
    "chatbot": "对话记录",
    "placeholder": "请输入问题，例如：“小巨人”企业可以获得哪些支持？",
    "question": "您的问题",
    "send": "提问",
    "clear": "清空对话",
    "copy": "复制回答",
    "copied": "已复制 ✓",
    "filter": "只在以下文档中检索",
    "filter_info": "留空则检索全部文档。",
    "sources": "出处",
    "document": "原文",
    "sources_empty": "每个回答的出处显示在这里。点击回答中的 [1] 等标记即可跳转到对应段落。",
    "document_empty": "在出处卡片上点击“查看原文”，即可阅读整篇文档并定位到高亮段落。",
    "view": "查看原文",
    "publisher": "发布方",
    "date": "日期",
    "unknown": "未知",
    "related": "相关段落（不能直接回答该问题）",
    "not_found": "文档中未找到答案",
    "no_related": "没有相关段落。",
    "asked": "问题",
    "doc_missing": "该文档已不在文档库中。",
    "feedback_up": "感谢反馈：已标记为有帮助。",
    "feedback_down": "感谢反馈：已标记为没有帮助。",
    "feedback_none": "还没有可评价的回答。",
    "library_intro": "助手据以回答问题的文档。",
    "col_title": "标题",
    "col_publisher": "发布方",
    "col_date": "日期",
    "col_lang": "语言",
    "col_chunks": "段落数",
    "col_indexed": "最近索引",
    "upload": "添加文档（txt、md、html、pdf、docx；每个不超过 {mb} MB）",
    "upload_btn": "加入文档库",
    "upload_off": "上传功能未开启。请以 SRDI_ALLOW_UPLOAD=true 启动应用，"
    "或将文件放入语料目录后运行 `srdi ingest`。",
    "upload_none": "请先选择文件。",
    "upload_ok": "已添加 {name}：索引了 {chunks} 个段落。",
    "upload_bad": "无法添加 {name}：{reason}",
    "refresh": "刷新",
    "mode": "回答模式",
    "refusal": "文档库中的文档无法回答这个问题。如有相关段落，列在右侧“出处”中。",
    "about": "关于此回答",
    "about_extractive": "摘录式回答：句子均逐字引自文档（未使用大语言模型）。",
    "about_llm": "由大语言模型（{model}）根据所引段落撰写。",
    "about_checked": "与原文核对结果：{status}。",
    "about_search": "混合检索（语义 + 关键词）共读取 {n} 个段落。",
    "about_time": "用时 {ms} 毫秒。",
    "col_size": "篇幅",
    "size_passages": "{n} 段",
    "library_empty": "还没有文档。",
    "working": "正在检索文档…",
}

LABELS: dict[UiLang, dict[str, str]] = {"en": _EN, "zh": _ZH}


def examples(lang: str | None) -> list[dict[str, str]]:
    """The example questions offered in ``lang``'s interface (English ones too in English)."""
    chosen = [q for q in EXAMPLES if ui_lang(lang) == "en" or not q.isascii()]
    return [{"text": q} for q in chosen]


def ui_lang(value: str | None) -> UiLang:
    """Normalise a language-switch value (anything unknown means English)."""
    return "zh" if value == "zh" else "en"


def t(lang: str | None, key: str, **fields: object) -> str:
    """The label ``key`` in ``lang``, with ``{name}`` fields filled in."""
    text = LABELS[ui_lang(lang)][key]
    return text.format(**fields) if fields else text


def lang_from_header(accept_language: str | None) -> UiLang:
    """Pick the interface language from a browser ``Accept-Language`` header."""
    first = (accept_language or "").split(",")[0].strip().lower()
    return "zh" if first.startswith("zh") else "en"
