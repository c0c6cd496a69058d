"""The UI in a real browser: Playwright drives Debian's chromium against the app served by uvicorn.

A reader's path — stories, a story's ledger, an article with its highlights, a search — and the
hostile invented article, whose payloads must show as text and never run. Screenshots of each page
go to ``tests/artifacts/`` (gitignored). Without chromium the tests skip with a message; under
``CI=true`` they fail, as CI installs it (``make browser``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.store import Store

from .conftest import ARTIFACTS, HOSTILE

CHROMIUM = os.environ.get("CLAIMLEDGER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]
VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """A headless chromium with a fresh profile; a skip (a failure under CI=true) when it is not installed."""
    if not (os.access(CHROMIUM, os.X_OK) or shutil.which(CHROMIUM)):
        message = f"chromium not found at {CHROMIUM}: install it (make browser, or apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, args=CHROMIUM_ARGS,
            headless=True, viewport=VIEWPORT,
        )
        yield context
        context.close()


@pytest.fixture
def page(browser_context):
    """A fresh tab that records console errors (a CSP violation is one) in ``page.errors``."""
    tab = browser_context.new_page()
    tab.errors = []
    tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    tab.close()


def screenshot(page, name: str, full_page: bool = False) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def test_a_reader_goes_from_stories_to_a_story_an_article_and_a_search(page, server_url: str, store: Store) -> None:
    page.goto(server_url + "/")
    assert page.locator("table.stories tbody tr").count() == 3
    assert page.locator("table.stories svg.stance-bar").count() == 3
    screenshot(page, "stories")

    page.get_by_role("link", name="Rights groups say scores detained and beaten after Orvik protests").first.click()
    page.wait_for_url("**/stories/*")
    story = store.story(page.url.rsplit("/", 1)[1])
    assert page.locator("figure.timeline circle.dot").count() == len(story["documents"]) == 6
    ledger = page.locator("details.claim[open] table.ledger")
    assert ledger.count() == 1 and ledger.locator("tbody tr").count() == sum(
        len(voice["statements"]) for side in ("supporters", "deniers", "neutral") for voice in story["claims"][0][side])
    assert ledger.locator("tbody tr").first.locator("td.quote-cell").inner_text().strip()  # the quote is there
    screenshot(page, "story")
    page.locator("section.claims").scroll_into_view_if_needed()
    screenshot(page, "story-ledger")

    page.locator("table.articles").get_by_role("link", name="Interior minister denies reports of abuse in Kestrel province").click()
    page.wait_for_url("**/documents/*")
    text = page.locator(".article-text")
    assert text.locator(".speaker").count() > 5 and text.locator(".cue").count() > 5 and text.locator(".quote").count() > 5
    minister = text.locator(".speaker", has_text="the minister").first
    assert minister.get_attribute("title").startswith("speaker: Dariusz Halvorsen · act: ")
    document = store.document(page.url.rsplit("/", 1)[1])
    assert text.inner_text() == document.text  # highlighting never changes a character
    screenshot(page, "article")

    page.get_by_label("Search articles and quotes").fill("find proof")
    page.get_by_label("Search articles and quotes").press("Enter")
    page.wait_for_url("**/search?q=find+proof")
    assert page.locator("ol.hits li").count() > 0
    assert set(page.locator("ol.hits mark").all_inner_texts()) <= {"find", "proof"}
    screenshot(page, "search")
    assert page.errors == []


def test_claim_and_speaker_pages(page, server_url: str, store: Store, story_ids: dict) -> None:
    claim = store.story(story_ids["fishermen"])["claims"][0]
    page.goto(f"{server_url}/claims/{claim['id']}")
    assert page.locator("h1").inner_text() == claim["text"]
    screenshot(page, "claim")
    page.locator("table.ledger .speaker-cell a").first.click()
    page.wait_for_url("**/speakers/*")
    assert page.locator("section.act-group").count() >= 1
    screenshot(page, "speaker")
    assert page.errors == []


def test_a_hostile_article_runs_nothing_and_reads_literally(page, server_url: str, store: Store) -> None:
    pages = ["/", f"/documents/{HOSTILE['id']}", "/search?q=council+leak", "/speakers/Mara%20Quill"]
    for path in pages:
        page.goto(server_url + path)
        assert page.evaluate("() => window.__pwned") is None, path
        assert page.title() != "pwned", path
        assert page.locator("script, img, iframe, a[href^='javascript:' i]").count() == 0, path
    page.goto(f"{server_url}/documents/{HOSTILE['id']}")
    assert page.locator(".article-text").inner_text() == store.document(HOSTILE["id"]).text
    assert page.locator("h1").inner_text() == HOSTILE["title"]
    assert page.get_by_text(f"source: {HOSTILE['url']}").count() == 1
    screenshot(page, "hostile-article")
    # The CSP holds even against script added at run time: inline script is refused.
    ran = page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__inline = 1'; document.body.appendChild(s); return window.__inline; }""")
    assert ran is None
    assert any("Content Security Policy" in error for error in page.errors)
