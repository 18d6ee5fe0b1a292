"""Questions about a document itself: who published or issued it, and when (issue 9)."""

from __future__ import annotations

import pytest
from langchain_core.documents import Document

from assistant.answering.byline import (
    Byline,
    find_byline,
    signature_span,
    wants_byline,
    with_byline,
)
from assistant.answering.question import Idf, Question
from assistant.config import Settings
from assistant.knowledge import Knowledge, load_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(Settings())


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Which outlet published the piece on little giants, and on what date?", True),
        ("这份公布通知是哪天发的？", True),
        ("《突破路徑》是哪天、由哪裡發布的？", True),
        ("Which authority issued the 2022 provincial list?", True),
        # an event's date, not the document's
        ("On what date did the Politburo hold the study session quoted in the article?", False),
        ("How many little giants does Shenzhen have?", False),
        ("Which firm published the handbook?", False),  # a thing the text reports on
    ],
)
def test_byline_questions(text: str, wanted: bool) -> None:
    assert wants_byline(text) is wanted


def test_an_issuing_body_signs_off_on_its_own_line() -> None:
    text = "……現予以公布 。\n山東省工業和信息化廳"
    span = signature_span(text)
    assert span is not None and text[span[0]: span[1]] == "山東省工業和信息化廳"
    assert signature_span("……現予以公布 。\n這是一個句子,不是落款。") is None


def _doc(cid: str, doc_id: str, title: str, text: str, **meta: str) -> Document:
    return Document(page_content=text, id=cid,
                    metadata={"doc_id": doc_id, "title": title, "path": f"{doc_id}.txt", **meta})


def test_the_byline_of_the_document_the_question_names(knowledge: Knowledge) -> None:
    first = _doc("a", "shandong", "山东省专精特新名单通知", "认定2683家企业。", date="2022-06-23")
    other = _doc("b", "beijing", "北京小巨人研究", "北京1214家。", publisher="服务中心")
    last = _doc("c", "shandong", "山东省专精特新名单通知", "要继续聚焦主业。\n山东省工业和信息化厅")
    idf = Idf.build([first.page_content, other.page_content], knowledge.tokenizer)
    q = Question.parse("这份山东省名单通知是哪天发布的？", knowledge.glossary,
                       knowledge.gazetteer, idf)
    found = find_byline(q, [other, first], {"shandong": last}, knowledge.tokenizer)
    assert found is not None and found.date == "2022-06-23" and found.signature is not None
    added = with_byline([], found, "zh-Hans", when=True)
    assert added is not None
    citations, line = added
    assert "2022年6月23日" in line and "山东省工业和信息化厅" in line and line.endswith("[1]")
    assert citations[0].chunk_id == "c" and citations[0].quotes[0].text == "山东省工业和信息化厅"


def test_no_line_when_the_byline_lacks_what_is_asked() -> None:
    doc = _doc("a", "x", "T", "text")
    assert with_byline([], Byline(doc, publisher="", date="2024-01-01"), "en", when=False) is None
    assert with_byline([], Byline(doc, publisher="", date=""), "en", when=True) is None


def test_a_date_is_written_as_the_reader_writes_it() -> None:
    from assistant.answering.byline import reader_date

    assert reader_date("zh-Hans", "2024-09-23") == "2024年9月23日"
    assert reader_date("zh-Hant", "2025-12") == "2025年12月"
    assert reader_date("en", "2024-09-23") == "2024-09-23"
    assert reader_date("zh-Hans", "2024年") == "2024年"
