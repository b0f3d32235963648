"""The built site in a real browser: Playwright driving Debian's chromium, never a downloaded one."""

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from .conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium (./dev test installs it)"
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(seeds_site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(seeds_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == [], errors


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_home_shows_a_card_per_topic(page: Page, site_url: str):
    page.goto(site_url)
    cards = page.locator(".grid.cards > ul > li")
    expect(cards).to_have_count(4)
    for title in ("Positions", "Humanitarian concerns", "The Burns mission", "Stockpile issues"):
        expect(
            page.locator(".grid.cards").get_by_role("link", name=title, exact=True)
        ).to_be_visible()
    _shot(page, "home")


def test_citation_lands_on_the_highlighted_paragraph(page: Page, site_url: str):
    page.goto(site_url + "topics/burns-mission/")
    _shot(page, "topic-burns-mission")
    citation = page.locator("#key-points ~ ul a[href*='sources/']").first
    target = citation.get_attribute("href") or ""
    citation.click()
    anchor = target.split("#")[1]
    paragraph = page.locator(f"#{anchor}")
    expect(paragraph).to_be_in_viewport()
    assert page.url.endswith(f"#{anchor}")
    # The :target rule outlines the cited paragraph.
    outline = paragraph.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid"
    _shot(page, "source-after-citation")


def test_search_finds_the_burns_mission(page: Page, site_url: str):
    page.goto(site_url)
    page.keyboard.press("s")  # Material's search shortcut
    page.locator("input.md-search__input").fill("Burns")
    result = page.locator(".md-search-result__item a[href*='burns-mission']").first
    expect(result).to_be_visible(timeout=10_000)
    result.click()
    expect(page.locator("h1")).to_have_text("The Burns mission")


def test_a_name_opens_its_entity_page(page: Page, site_url: str):
    page.goto(site_url + "sources/blinken-defends-decision-to-send-ukraine-cluster-munitions/")
    page.locator("#p6 a[href*='people/oleksiy-reznikov']").click()
    expect(page.locator("h1")).to_have_text("Oleksiy Reznikov")
    expect(page.get_by_text("Ukraine’s defense minister").first).to_be_visible()
    _shot(page, "entity-reznikov")
