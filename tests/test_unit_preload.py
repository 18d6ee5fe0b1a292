"""Preloading the query models: plumbing only, so the embedders are fakes that record."""

from __future__ import annotations

import threading

import pytest

from assistant.models.embedders import Embedders, preload


class Recording:
    """FAKE query encoder: records the texts it was asked to encode."""

    def __init__(self, fail: bool = False) -> None:
        self.calls: list[list[str]] = []
        self.fail = fail
        self.thread = ""

    def encode_queries(self, texts: list[str]) -> list[list[float]]:
        self.calls.append(texts)
        self.thread = threading.current_thread().name
        if self.fail:
            raise RuntimeError("model missing")
        return [[0.0]]


def test_each_query_model_is_loaded_in_its_own_background_thread() -> None:
    e5, use = Recording(), Recording()
    threads = preload(Embedders(e5=e5, use=use))
    for thread in threads:
        thread.join(timeout=5)
    assert len(e5.calls) == 1 and len(use.calls) == 1
    assert {e5.thread, use.thread} == {"preload-e5", "preload-use"}
    assert all(t.daemon for t in threads)  # never keeps a finished command alive


@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_failed_preload_is_left_for_the_question_to_report() -> None:
    broken = Recording(fail=True)
    for thread in preload(Embedders(e5=broken, use=object())):
        thread.join(timeout=5)
    assert broken.calls  # tried, raised nothing; an encoder without the method is skipped
