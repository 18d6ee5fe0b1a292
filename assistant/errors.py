"""The error vocabulary every layer raises and every front end shows as one line.

A :class:`UserError` carries a message key and values; :func:`user_message` turns it
(or any other exception) into one line in the user's language saying what failed and
what to do. This module sits at the bottom layer and imports nothing of the project.
"""

from __future__ import annotations

_MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "store_down": "The vector store is unavailable ({detail}). Start the Chroma server "
        "(or set SRDI_CHROMA_MODE=persistent) and try again.",
        "model_missing": "The embedding model is missing ({detail}). Run `make install` "
        "or `srdi build-model`.",
        "index_locked": "The index is locked by another process ({detail}). Wait for the "
        "other ingest to finish and try again.",
        "bad_text": "The text cannot be used: {detail}. Please retype it.",
        "over_limit": "Over the limit {name}: {detail}. Shorten the input or raise "
        "SRDI_{env}.",
        "unexpected": "Something went wrong ({detail}). Try again; details are in the log.",
    },
    "zh": {
        "store_down": "向量库不可用（{detail}）。请启动 Chroma 服务（或设置 "
        "SRDI_CHROMA_MODE=persistent）后重试。",
        "model_missing": "缺少向量模型（{detail}）。请运行 `make install` 或 `srdi build-model`。",
        "index_locked": "索引正被另一个进程锁定（{detail}）。请等待其完成后重试。",
        "bad_text": "文本无法使用：{detail}。请重新输入。",
        "over_limit": "超出限制 {name}：{detail}。请缩短输入或调高 SRDI_{env}。",
        "unexpected": "出现错误（{detail}）。请重试；详情见日志。",
    },
}


class UserError(Exception):
    """A failure the user can act on; ``key`` names its message in :data:`_MESSAGES`."""

    key = "unexpected"

    def __init__(self, detail: str, **values: str) -> None:
        super().__init__(detail)
        self.detail = detail
        self.values = values

    def message(self, lang: str = "en") -> str:
        """The one-line message in ``lang`` (``zh``/``zh-*`` → Chinese, else English)."""
        table = _MESSAGES["zh" if lang.startswith("zh") else "en"]
        return _one_line(table[self.key].format(detail=self.detail, **self.values))


class StoreUnavailable(UserError):
    """The Chroma store cannot be reached or opened."""

    key = "store_down"


class ModelMissing(UserError):
    """The embedding model is not installed."""

    key = "model_missing"


class IndexLocked(UserError):
    """Another process holds the index."""

    key = "index_locked"


class BadText(UserError):
    """Input text that cannot be decoded or contains forbidden characters."""

    key = "bad_text"


class LimitExceeded(UserError):
    """An input over one of the configured limits (``name`` is the setting)."""

    key = "over_limit"

    def __init__(self, name: str, detail: str) -> None:
        super().__init__(detail, name=name, env=name.upper())
        self.name = name

    def __str__(self) -> str:
        return f"over the limit {self.name} ({self.detail})"


def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def classify(exc: BaseException) -> UserError:
    """``exc`` as a :class:`UserError` (known failures of lower libraries recognised)."""
    if isinstance(exc, UserError):
        return exc
    detail = _one_line(f"{type(exc).__name__}: {exc}", 160)
    name = type(exc).__name__.lower()
    text = str(exc).lower()
    if "embeddingmodel" in name:
        return ModelMissing(detail)
    if "locked" in text:
        return IndexLocked(detail)
    if isinstance(exc, BrokenPipeError):  # our reader went away, not the store
        return UserError(detail)
    if isinstance(exc, ConnectionError) or "connect" in name or "could not connect" in text:
        return StoreUnavailable(detail)
    if isinstance(exc, UnicodeError):
        return BadText(detail)
    return UserError(detail)


def user_message(exc: BaseException, lang: str = "en") -> str:
    """One line for the user about ``exc`` in ``lang``: never empty, never a traceback."""
    return classify(exc).message(lang)
