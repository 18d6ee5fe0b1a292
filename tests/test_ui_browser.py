"""The chat app in a real browser (Playwright driving Debian's Chromium).

Screenshots go to ``test-artifacts/ui/`` (git-ignored); look at them.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import playwright.sync_api as playwright_api
import pytest

from assistant.config import PROJECT_ROOT, Settings
from assistant.service import AssistantService
from assistant.ui.app import build_app, launch_options
from assistant.ui.figures import LABELS as FIGURE_LABELS
from assistant.ui.i18n import t

expect = playwright_api.expect
# Generous waits: the two test workers share two cores with Chromium and the app.
expect.set_options(timeout=20_000)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = PROJECT_ROOT / "test-artifacts" / "ui"
LAPTOP = {"width": 1366, "height": 768}
ZH_QUESTION = "北京有多少家国家级专精特新“小巨人”企业？"
EN_QUESTION = "How does Beijing compare with Shenzhen in cultivating little giants?"
HOSTILE_QUESTION = "What does the Zorblax programme give to little giant enterprises?"
HOSTILE_TEXT = (
    "Zorblax programme notice\n\n<script>window.__pwned = 3</script>\n"
    "The Zorblax programme gives 777 yuan to every little giant enterprise that files its "
    'annual report. <img src=x onerror="window.__pwned = 4"> Reports are due in March.\n'
)
HOSTILE_SOURCES = """
"hostile.txt":
  title: "Zorblax <img src=x onerror='window.__pwned = 1'> programme"
  publisher: "<script>window.__pwned = 2</script> Office"
  date: "2025-05-05"
  language: en
"""


@pytest.fixture(scope="module")
def app(
    tmp_path_factory: pytest.TempPathFactory, service: AssistantService
) -> Iterator[tuple[str, Settings]]:
    """The real app over the bundled corpus plus one hostile document, on a free port.

    Starts from a copy of the session service's index, so only the hostile document is
    embedded here.
    """
    assert Path(CHROMIUM).exists(), "Chromium is missing: apt-get install -y chromium"
    root = tmp_path_factory.mktemp("browser")
    corpus = root / "corpus"
    shutil.copytree(service.settings.corpus_dir, corpus)
    shutil.copytree(service.settings.vectorstore_dir, root / "vectorstore")
    (corpus / "hostile.txt").write_text(HOSTILE_TEXT, "utf-8")
    with (corpus / "sources.yaml").open("a", encoding="utf-8") as sidecar:
        sidecar.write(HOSTILE_SOURCES)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    settings = Settings(corpus_dir=corpus, vectorstore_dir=root / "vectorstore",
                        feedback_path=root / "feedback.jsonl", port=port)
    service = AssistantService(settings)
    service.ingest()
    demo = build_app(service)
    demo.launch(prevent_thread_lock=True, quiet=True, **launch_options(settings))
    yield f"http://127.0.0.1:{port}/", settings
    demo.close()


@pytest.fixture(scope="module")
def browser(app: Any) -> Iterator[Any]:
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, app: tuple[str, Settings]) -> Iterator[Any]:
    context = browser.new_context(viewport=LAPTOP, locale="en-US")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app[0][:-1])
    page = context.new_page()
    page.goto(app[0])
    expect(page.locator("#chat")).to_be_visible()
    yield page
    context.close()


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def ask(page: Any, question: str, turn: int) -> Any:
    """Type a question, press Enter and wait for its finished answer; returns the bubble."""
    box = page.locator("#question textarea")
    expect(box).to_be_editable()
    box.fill(question)
    box.press("Enter")
    expect(page.locator(f"#sources #turn-{turn}")).to_be_attached(timeout=120_000)
    expect(box).to_be_editable()
    expect(page.locator("#send")).to_be_enabled()
    page.wait_for_timeout(300)  # let the button's colour transition finish before screenshots
    return page.locator("#chat .message.bot, #chat [data-testid='bot']").last


def wait_for_lines(path: Path, count: int) -> list[dict[str, Any]]:
    """The JSON lines of ``path`` once it has ``count`` of them (the server writes it)."""
    for _ in range(200):
        if path.exists() and len(lines := path.read_text("utf-8").splitlines()) >= count:
            return [json.loads(line) for line in lines]
        time.sleep(0.1)
    raise AssertionError(f"{path} never got {count} lines")


def test_chat_answers_with_citations_and_highlighted_sources(
    page: Any, app: tuple[str, Settings]
) -> None:
    shot(page, "01-empty")
    bubble = ask(page, ZH_QUESTION, 0)
    expect(bubble.locator("a.cite").first).to_be_visible()
    card = page.locator("#turn-0 .card").first
    expect(card.locator(".title")).not_to_be_empty()
    expect(card.locator(".meta")).to_contain_text("Publisher")
    expect(card.locator("mark.quote").first).to_be_visible()
    shot(page, "02-chinese-answer")

    bubble = ask(page, EN_QUESTION, 1)
    link = bubble.locator("a.cite").last
    expect(link).to_be_visible()
    shot(page, "03-english-answer")

    target = page.locator(link.get_attribute("href"))
    link.click()
    expect(target).to_be_in_viewport()
    expect(target).to_have_class(re.compile(r"\bflash\b"))
    expect(target.locator("mark.quote").first).to_be_visible()
    shot(page, "04-citation-clicked")

    target.locator("button.view-doc").click()
    expect(page.locator("#doc-hl")).to_be_in_viewport()
    quote = target.locator("mark.quote").first.inner_text()
    expect(page.locator("#doc-view mark.passage mark.quote").first).to_have_text(quote)
    shot(page, "05-document-view")
    page.keyboard.press("Escape")
    expect(page.locator("#doc-modal")).to_be_hidden()


def test_feedback_copy_language_and_clear(page: Any, app: tuple[str, Settings]) -> None:
    bubble = ask(page, EN_QUESTION, 0)
    answer_start = bubble.inner_text().splitlines()[0]
    page.locator("#chat button[aria-label='Like']").last.click()
    rows = wait_for_lines(app[1].feedback_path, 1)
    assert rows[-1]["rating"] == "up" and rows[-1]["question"] == EN_QUESTION
    assert rows[-1]["citations"]

    page.locator("#copy-btn").click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()).includes('[1] ')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(answer_start) and "\n[1] " in copied

    page.locator("#lang label", has_text="中文").click()
    expect(page.locator("#send")).to_have_text(t("zh", "send"))
    expect(page.get_by_role("tab", name=t("zh", "tab_library"))).to_be_visible()
    expect(page.locator("#sources summary").first).to_contain_text(t("zh", "asked"))
    page.set_viewport_size({"width": 1440, "height": 900})
    shot(page, "06-chinese-labels-1440")

    page.locator("#clear-btn").click()
    expect(page.locator("#chat a.cite")).to_have_count(0)
    expect(page.locator("#sources")).to_contain_text(t("zh", "sources_empty"))


def test_refusal_lists_related_passages(page: Any) -> None:
    bubble = ask(page, "What is the weather in Paris tomorrow?", 0)
    expect(bubble).to_contain_text(t("en", "not_found"))
    expect(page.locator("#turn-0 .related-title")).to_have_text(t("en", "related"))
    expect(page.locator("#turn-0 .card.related").first).to_be_visible()
    shot(page, "07-refused")


def test_hostile_document_renders_as_text(page: Any) -> None:
    ask(page, HOSTILE_QUESTION, 0)
    sources = page.locator("#sources")
    expect(sources).to_contain_text("Zorblax <img src=x onerror='window.__pwned = 1'> programme")
    expect(sources).to_contain_text("<script>window.__pwned = 2</script> Office")
    sources.locator("button.view-doc").first.click()
    viewer = page.locator("#doc-view")
    expect(viewer).to_contain_text("<script>window.__pwned = 3</script>")
    expect(viewer).to_contain_text('<img src=x onerror="window.__pwned = 4">')
    shot(page, "08-hostile-document")
    page.keyboard.press("Escape")
    page.get_by_role("tab", name=t("en", "tab_library")).click()
    expect(page.locator("#library")).to_contain_text("Zorblax <img src=x")
    shot(page, "09-library")
    for area in ("#chat", "#sources", "#doc-view", "#library"):
        assert page.locator(f"{area} img, {area} script").count() == 0, area
    assert page.evaluate("window.__pwned") is None
    expect(page.locator("#upload-row")).to_be_hidden()  # no upload zone when uploads are off
    expect(page.locator("#upload-status")).to_contain_text("SRDI_ALLOW_UPLOAD=true")


# --- layout at phone and desktop widths, in Chinese ------------------------------------

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}
CORPUS_DOCS = sorted(p.stem for p in (PROJECT_ROOT / "corpus").glob("*.txt"))
MARKUP = ("##", "**", "<sup>", "</sup>")
# Latin words allowed on the Chinese page: names, commands, and the language switch.
LATIN_OK = {"SRDI", "English", "SRDI_ALLOW_UPLOAD", "true", "srdi", "ingest", "MB", "txt", "md",
            "html", "pdf", "docx"}

OVERFLOW_JS = """
(sel) => {
  const page = document.scrollingElement.scrollWidth <= window.innerWidth;
  const el = sel ? document.querySelector(sel) : null;
  if (!el) return {page, inner: true, right: 0};
  const box = el.getBoundingClientRect();
  return {page, inner: el.scrollWidth <= el.clientWidth + 1, right: box.right - window.innerWidth};
}
"""


def assert_no_overflow(page: Any, selector: str = "") -> None:
    """Nothing wider than the window (and ``selector`` neither wider than itself nor cut)."""
    result = page.evaluate(OVERFLOW_JS, selector)
    assert result["page"], f"the page scrolls sideways at {page.viewport_size}"
    assert result["inner"], f"{selector} overflows sideways"
    assert result["right"] <= 1, f"{selector} sticks out of the window by {result['right']} px"


def assert_no_markup(text: str, where: str) -> None:
    for token in MARKUP:
        assert token not in text, f"literal {token!r} in {where}: ...{text[:200]}"


def latin_words(page: Any, selector: str = "body") -> set[str]:
    """Latin-script words visible in ``selector``, apart from allowed names and commands."""
    text = page.locator(selector).inner_text()
    return set(re.findall(r"[A-Za-z_]{2,}", text)) - LATIN_OK


def view_document(page: Any, doc_id: str) -> Any:
    """Open ``doc_id`` in the viewer the way a source card's button does."""
    page.evaluate(
        """(doc) => {
          const b = document.createElement('button');
          b.className = 'view-doc'; b.dataset.doc = doc; b.dataset.chunk = '';
          document.querySelector('#sources .srdi-sources').appendChild(b); b.click(); }""",
        doc_id,
    )
    viewer = page.locator(f'#doc-view .srdi-doc[data-doc="{doc_id}"]')
    expect(page.locator("#doc-modal")).to_be_visible()
    expect(viewer.locator("h3.doc-title")).not_to_be_empty()
    return viewer


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390", "1440"])
def test_layout_fits_and_reads_in_chinese(browser: Any, app: tuple[str, Settings],
                                          size: dict[str, int]) -> None:
    context = browser.new_context(viewport=size, locale="zh-CN")
    page = context.new_page()
    page.goto(app[0])
    expect(page.locator("#send")).to_have_text(t("zh", "send"))
    # the Figures tab relabels in its own event: wait for it too before reading labels
    expect(page.get_by_role("tab", name=FIGURE_LABELS["zh"]["tab"])).to_be_visible()
    name = size["width"]
    assert latin_words(page) == set(), "untranslated labels"
    assert_no_overflow(page)
    shot(page, f"10-empty-{name}")

    bubble = ask(page, ZH_QUESTION, 0)
    expect(bubble.locator("a.cite").first).to_be_visible()
    assert_no_overflow(page)
    for area in ("#chat", "#sources"):
        assert_no_markup(page.locator(area).inner_text(), area)
    expect(page.locator("#sources details.about summary")).to_have_text(t("zh", "about"))
    visible = page.locator("body").inner_text()
    for word in ("extractive", "chunk", "hybrid", "Hybrid"):
        assert word not in visible, word
    shot(page, f"11-answer-{name}")

    for doc_id in CORPUS_DOCS:
        viewer = view_document(page, doc_id)
        assert_no_markup(viewer.inner_text(), doc_id)
        assert_no_overflow(page, "#doc-modal")
        assert_no_overflow(page, "#doc-view .doc-text")
        if doc_id.startswith("004"):
            expect(viewer.locator("p.aside").first).to_contain_text("【作者简介】")
            shot(page, f"12-viewer-{name}")
        page.keyboard.press("Escape")
        expect(page.locator("#doc-modal")).to_be_hidden()

    page.get_by_role("tab", name=t("zh", "tab_library")).click()
    library = page.locator("#library")
    expect(library).to_contain_text(t("zh", "unknown"))
    assert_no_overflow(page, "#library")
    hostile = {"Zorblax", "programme", "Office", "img", "src", "onerror", "window", "__pwned",
               "script"}
    words = latin_words(page, "#library") | latin_words(page, "#top-row")
    assert words - hostile <= _title_words(), "untranslated library labels"
    shot(page, f"13-library-{name}")
    context.close()


def _title_words() -> set[str]:
    """Latin words of the corpus documents' own titles and publishers (not labels)."""
    text = (PROJECT_ROOT / "corpus" / "sources.yaml").read_text("utf-8")
    return set(re.findall(r"[A-Za-z_]{2,}", text))
