"""The chat UI without a browser: safe rendering, and the handlers over the real service."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from standin import standin_embedders

from assistant.config import Settings
from assistant.schema import AnswerRecord, Citation, DocumentView, Quote, Retrieved
from assistant.service import AssistantService
from assistant.ui import render
from assistant.ui.handlers import ChatHandlers
from assistant.ui.i18n import LABELS, lang_from_header, t
from assistant.ui.library import LibraryHandlers, catalogue_html
from assistant.ui.markdown import render_markdown

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3))'
ZH_QUESTION = "北京有多少家国家级专精特新“小巨人”企业？"
EN_QUESTION = "How does Beijing compare with Shenzhen in cultivating little giants?"


def _no_progress(*_: Any, **__: Any) -> None:
    return None


def _record(found: bool = True) -> AnswerRecord:
    text = f"Intro {HOSTILE}. The cited sentence is here. Tail."
    start = text.index("The cited")
    quote = Quote(text="The cited sentence is here.", start=start, end=start + 27)
    cite = Citation(n=1, doc_id="d1", title=HOSTILE, chunk_id="c1", text=text,
                    publisher=HOSTILE, date="2024-01-02", quotes=[quote])
    related = [Retrieved(rank=1, doc_id="d2", chunk_id="c9", text=HOSTILE, score=0.1,
                         title="Near <b>doc</b>")]
    if not found:
        return AnswerRecord(question=HOSTILE, found=False, answer="Not in the documents.",
                            related=related)
    return AnswerRecord(question=HOSTILE, found=True, citations=[cite],
                        answer=f"{HOSTILE} says 42 [1] and [7].", notice="LLM <i>down</i>")


# --- pure rendering ------------------------------------------------------------------


def test_chat_text_shows_markup_and_markdown_literally() -> None:
    out = render.chat_text(HOSTILE + "\n    code\n1. item *em* $x$ www.example.com")
    assert "<" not in out and ">" not in out
    for raw in ("[", "]", "(", "*", "$", ":"):
        assert raw not in out
    assert "www." not in out  # no autolink
    assert "\n1&#46; item" in out and "\ncode" in out


def test_answer_links_only_markers_with_a_source_card() -> None:
    record = _record()
    html = render.answer_message(record, turn=3, lang="en")
    assert html.count('class="cite"') == 1
    assert '<a class="cite" href="#src-3-1">&#91;1&#93;</a>' in html
    assert "&#91;7&#93;" in html  # unknown marker stays text
    assert "<script" not in html and "<img" not in html and "<i>" not in html
    assert "<em>LLM" in html  # the notice is shown


def test_source_card_escapes_document_text_and_marks_the_quote() -> None:
    record = _record()
    panel = render.sources_panel([record], "en")
    assert 'id="src-0-1"' in panel
    assert '<mark class="quote">The cited sentence is here.</mark>' in panel
    assert "<script" not in panel and "<img" not in panel
    assert "&lt;script&gt;" in panel and "onerror=&quot;" in panel
    assert 'data-doc="d1"' in panel and 'data-chunk="c1"' in panel
    assert "Publisher: &lt;script&gt;" in panel and "Date: 2024-01-02" in panel


def test_refused_answer_says_so_and_lists_related_passages() -> None:
    record = _record(found=False)
    message = render.answer_message(record, 0, "zh")
    assert t("zh", "not_found") in message
    assert "Not in the documents" not in message  # the refusal speaks the UI's language
    assert render.chat_text(t("zh", "refusal")) in message
    panel = render.sources_panel([record], "en")
    assert t("en", "related") in panel
    assert 'class="card related"' in panel and 'data-chunk="c9"' in panel
    assert "Near &lt;b&gt;doc&lt;/b&gt;" in panel and "<b>" not in panel


def test_sources_panel_lists_turns_newest_first_and_opens_the_newest() -> None:
    first, second = _record(), _record(found=False)
    panel = render.sources_panel([first, second], "en")
    assert panel.index('id="turn-1"') < panel.index('id="turn-0"')
    assert '<details class="turn refused" id="turn-1" open>' in panel
    assert '<details class="turn" id="turn-0">' in panel
    assert panel.count('class="copy-src"') == 1  # only the newest answer is copied
    assert t("en", "sources_empty") in render.sources_panel([], "en")


def test_long_passage_is_cut_around_its_quote() -> None:
    text = "x" * 2000 + " The figure is 1,214 enterprises. " + "y" * 2000
    start = text.index("The figure")
    quote = Quote(text="The figure is 1,214 enterprises.", start=start, end=start + 32)
    html = render.passage_html(text, [quote])
    assert '<mark class="quote">The figure is 1,214 enterprises.</mark>' in html
    cut = '<span class="cut">…</span>'
    assert html.startswith(cut) and html.endswith(cut) and len(html) < 1000


def test_passage_markdown_is_rendered_safely_with_notes_set_apart() -> None:
    text = ("## 2.1 增长动能放缓\n\n**北京**累计培育1214家<sup>①</sup>，排名全国第二。\n\n"
            "【作者简介】任媛，硕士。\n\n<sup>①</sup> 本文增量=当年总量-上年总量。\n\n"
            f"{HOSTILE} [site](http://example.com) <https://example.org>\n\n    not code")
    start = text.index("累计")
    html = render.passage_html(text, [Quote(text="累计培育1214家", start=start, end=start + 9)])
    assert "<h2>2.1 增长动能放缓</h2>" in html and "<strong>北京</strong>" in html
    assert '<mark class="quote">累计培育1214家</mark><sup>①</sup>' in html
    assert '<p class="aside">【作者简介】' in html and '<p class="aside"><sup>①</sup> 本文' in html
    assert "<script" not in html and "<img" not in html and "<a" not in html
    assert "&lt;script&gt;" in html and "[site](http://example.com)" in html
    assert "<pre" not in html and "<code" not in html
    assert "##" not in html and "**" not in html


def test_marks_never_cross_block_elements() -> None:
    html = render_markdown("# Head\n\nOne two.\n\nThree", [(2, 16, "quote")])
    assert html == ('<h1><mark class="quote">Head</mark></h1>\n'
                    '<p><mark class="quote">One two.</mark></p>\n<p>Three</p>\n')


def test_a_mark_at_a_heading_keeps_the_heading() -> None:
    marks = [(0, 11, "quote"), (0, 18, "passage")]
    html = render_markdown("## Abstract\n\nText.", marks, {"passage": "hl"})
    head = '<h2><mark class="passage" id="hl"><mark class="quote">Abstract</mark></mark></h2>'
    assert html.startswith(head)


def test_quote_with_wrong_offsets_is_found_by_its_text() -> None:
    spans = render.quote_spans("abc The quote. def", [Quote(text="The quote.", start=0, end=3)])
    assert spans == [(4, 14)]


def test_document_view_highlights_the_passage_and_escapes_everything() -> None:
    text = f"Head {HOSTILE}\n\nThe passage with a quote inside.\n\nTail"
    start = text.index("The passage")
    view = DocumentView(doc_id="d", title="T<b>", text=text, highlight_start=start,
                        highlight_end=start + 32, url="javascript:alert(1)")
    quote = Quote(text="a quote", start=17, end=24)
    html = render.document_html(view, "en", [quote])
    assert '<p><mark class="passage" id="doc-hl">The passage with </mark>' in html
    assert '<mark class="passage"><mark class="quote">a quote</mark></mark>' in html
    assert html.count('id="doc-hl"') == 1
    assert "<script" not in html and "<b>" not in html and "<img" not in html
    assert "<a " not in html  # a non-http url is not a link
    broken = view.model_copy(update={"highlight_start": 5, "highlight_end": 10_000})
    assert "<mark" not in render.document_html(broken, "en")


def test_plain_answer_lists_sources() -> None:
    plain = render.plain_answer(_record())
    assert plain.splitlines()[-1] == f"[1] {HOSTILE} ({HOSTILE}, 2024-01-02)"


def test_label_tables_match_and_language_follows_the_browser() -> None:
    assert LABELS["en"].keys() == LABELS["zh"].keys()
    assert lang_from_header("zh-CN,zh;q=0.9,en;q=0.8") == "zh"
    assert lang_from_header("en-US,en;q=0.9") == "en" and lang_from_header(None) == "en"


# --- handlers over the real service --------------------------------------------------


def _ask(chat: ChatHandlers, question: str, records: list[AnswerRecord],
         doc_ids: list[str] | None = None) -> tuple[list[dict[str, str]], list[AnswerRecord], str]:
    text, shown, pending = chat.start_turn(question, records, "en")
    assert text == "" and pending == question.strip()
    assert shown[-2]["role"] == "user" and shown[-1]["role"] == "assistant"
    steps = list(chat.stream(pending, records, doc_ids, "en"))
    return steps[-1]


def test_a_turn_streams_then_shows_linked_answer_and_cards(service: AssistantService) -> None:
    chat = ChatHandlers(service)
    messages, records, panel = _ask(chat, ZH_QUESTION, [])
    record = records[-1]
    assert record.found and record.citations, record.answer
    assert len(messages) == 2 and messages[0]["content"] == render.user_message(ZH_QUESTION)
    assert 'href="#src-0-1"' in messages[1]["content"]
    for c in record.citations:
        assert f'id="src-0-{c.n}"' in panel


def test_follow_up_questions_pass_the_previous_questions(
    service: AssistantService, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[str]] = []
    real = service.ask_stream

    def spy(question: str, history: Any = (), **kw: Any) -> Any:
        seen.append(list(history))
        return real(question, history, **kw)

    monkeypatch.setattr(service, "ask_stream", spy)
    chat = ChatHandlers(service)
    _, records, _ = _ask(chat, ZH_QUESTION, [])
    _, records, _ = _ask(chat, "那深圳呢？", records)
    assert seen == [[], [ZH_QUESTION]]
    assert len(records) == 2 and records[1].question == "那深圳呢？"


def test_empty_question_changes_nothing(service: AssistantService) -> None:
    chat = ChatHandlers(service)
    assert chat.start_turn("   ", [], "en") == ("", [], "")
    assert list(chat.stream("", [], None, "en")) == [([], [], render.sources_panel([], "en"))]


def test_document_filter_restricts_the_search(service: AssistantService) -> None:
    docs = service.documents()
    only = docs[-1].doc_id
    _, records, _ = _ask(ChatHandlers(service), EN_QUESTION, [], [only])
    assert records[-1].retrieved and {r.doc_id for r in records[-1].retrieved} == {only}


def test_view_document_highlights_the_cited_passage(service: AssistantService) -> None:
    chat = ChatHandlers(service)
    _, records, _ = _ask(chat, ZH_QUESTION, [])
    cite = records[-1].citations[0]
    html = chat.view_document(cite.doc_id, cite.chunk_id, records, "en")
    passage = re.search(r'<mark class="passage" id="doc-hl">(.*?)</mark>\n?', html, re.S)
    assert passage is not None
    assert "<mark class=\"quote\">" in html
    missing = chat.view_document("../../etc/passwd", "x", records, "en")
    assert t("en", "doc_missing") in missing


def test_thumbs_append_the_answer_to_the_feedback_file(service: AssistantService) -> None:
    chat = ChatHandlers(service)
    _, records, _ = _ask(chat, EN_QUESTION, [])
    path = service.settings.feedback_path
    before = path.read_text("utf-8").splitlines() if path.exists() else []
    assert chat.feedback(1, True, records, "en") == t("en", "feedback_up")
    assert chat.feedback(1, False, records, "zh") == t("zh", "feedback_down")
    assert chat.feedback(7, True, records, "en") == t("en", "feedback_none")
    lines = path.read_text("utf-8").splitlines()[len(before):]
    rows = [json.loads(line) for line in lines]
    assert [r["rating"] for r in rows] == ["up", "down"]
    assert rows[0]["question"] == EN_QUESTION and rows[0]["answer"] == records[0].answer
    assert rows[0]["citations"]


def test_api_answer_is_the_cli_json_record(service: AssistantService) -> None:
    got = json.loads(ChatHandlers(service).ask_api(EN_QUESTION, None, None))
    want = service.ask(EN_QUESTION).model_dump(mode="json")
    got.pop("timings_ms"), want.pop("timings_ms")
    assert got == want


# --- library -------------------------------------------------------------------------


def test_library_table_lists_indexed_documents(service: AssistantService) -> None:
    table = LibraryHandlers(service).table("zh")
    assert table["headers"] == ["标题", "发布方", "日期", "语言", "段落数", "最近索引"]
    docs = service.documents()
    assert len(table["data"]) == len(docs)
    assert sum(row[4] for row in table["data"]) == sum(d.chunks for d in docs)


def test_library_catalogue_names_unknowns_in_the_interface_language() -> None:
    from assistant.schema import DocumentInfo

    docs = [DocumentInfo(doc_id="a", path="a.txt", title="<b>政策</b>", lang="zh-Hans", chunks=3)]
    html = catalogue_html(docs, "zh")
    assert html.count("未知") == 2 and "简体中文" in html and "3 段" in html
    assert 'data-label="发布方"' in html and "<b>" not in html
    assert "unknown" in catalogue_html(docs, "en")


def test_upload_is_refused_when_disabled(service: AssistantService, tmp_path: Path) -> None:
    assert not service.settings.allow_upload
    src = tmp_path / "new.txt"
    src.write_text("小巨人企业的新政策。" * 20, "utf-8")
    before = sorted(service.settings.corpus_dir.iterdir())
    report, added = LibraryHandlers(service).upload([str(src)], "en", _no_progress)
    assert not added and report.startswith("✗") and "new.txt" in report
    assert sorted(service.settings.corpus_dir.iterdir()) == before


def test_upload_adds_good_files_and_rejects_bad_ones(
    settings_factory: Callable[..., Settings], tmp_path: Path
) -> None:
    settings = settings_factory(corpus=None, allow_upload=True, max_upload_mb=1)
    (settings.corpus_dir / "seed.txt").write_text("Seed document about SRDI policy. " * 5)
    service = AssistantService(settings, standin_embedders())  # storage, not meaning
    service.ingest()
    lib = LibraryHandlers(service)
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    bad = uploads / "broken.pdf"
    bad.write_bytes(b"not a pdf at all")
    big = uploads / "big.txt"
    big.write_text("x" * (1024 * 1024 + 10))
    good = uploads / "little-giants.md"
    good.write_text("# Little giants\n\nThe pilot gives 500,000 yuan to each new little giant.\n")
    before = sorted(p.name for p in settings.corpus_dir.iterdir())
    report, added = lib.upload([str(bad), str(big)], "en", _no_progress)
    assert not added and report.count("✗") == 2
    assert sorted(p.name for p in settings.corpus_dir.iterdir()) == before
    report, added = lib.upload([str(good)], "en", _no_progress)
    assert added and report.startswith("✓"), report
    assert (settings.corpus_dir / "little-giants.md").exists()
    assert "Little giants" in [row[0] for row in lib.table("en")["data"]]
    assert ("Little giants", "little-giants") in lib.choices()
