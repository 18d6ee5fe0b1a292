"""The Figures tab in a real browser, and the ``/facts`` API of the running app."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from typing import Any

import playwright.sync_api as playwright_api
import pytest

from assistant.ui.app import build_app, launch_options

expect = playwright_api.expect
# Generous waits: the two test workers share two cores with Chromium and the app.
expect.set_options(timeout=20_000)
pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update"]


@pytest.fixture(scope="module")
def url(service: Any) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    settings = service.settings.model_copy(update={"port": port})
    demo = build_app(service)
    demo.launch(prevent_thread_lock=True, quiet=True, **launch_options(settings))
    yield f"http://127.0.0.1:{port}/"
    demo.close()


def test_facts_api_returns_the_sheet(url: str, service: Any) -> None:
    from gradio_client import Client

    client = Client(url, verbose=False)
    records = client.predict(api_name="/facts")
    assert records == [r.model_dump() for r in service.facts()]
    shenzhen = client.predict("深圳", None, api_name="/facts")
    assert shenzhen and {r["place"] for r in shenzhen} == {"深圳"}


def test_filter_by_place_and_open_a_row(url: str, service: Any) -> None:
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(url)
        page.get_by_role("tab", name="Figures").click()
        expect(page.locator("#figures")).to_be_visible()
        page.locator("#figures-place input").click()
        page.get_by_role("option", name="深圳", exact=True).click()
        wanted = len(service.facts("深圳"))
        assert 0 < wanted < len(service.facts())
        grid = page.locator("#figures [role=grid]")
        expect(grid).to_have_attribute("aria-rowcount", str(wanted + 1), timeout=20_000)
        places = page.locator('#figures [role=gridcell][aria-colindex="1"]').all_inner_texts()
        assert places and {p.strip() for p in places} == {"深圳"}
        page.locator('#figures [role=gridcell][aria-colindex="2"]').first.click()
        mark = page.locator("#doc-modal #doc-hl")
        expect(mark).to_be_visible(timeout=20_000)
        first = service.facts("深圳")[0]
        expect(mark).to_have_text(first.quote)
        browser.close()
