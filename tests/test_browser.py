"""The built site in a real browser: Playwright driving Debian's chromium, never a downloaded one."""

import functools
import http.server
import itertools
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from .conftest import ROOT, mkdocs_build

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
def published_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seeds built as the Pages workflow builds them, with `site_url` set (its sitemap is
    what instant navigation and previews go by), served from that address."""
    site = tmp_path_factory.mktemp("published")
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    result = mkdocs_build(ROOT, site, {"SITE_URL": url})
    assert result.returncode == 0, result.stderr
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
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


def _search(page: Page, site_url: str, query: str) -> None:
    page.goto(site_url)
    page.wait_for_load_state("networkidle")  # the search index and its worker have loaded
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=20)  # real keystrokes, as a reader types


def test_search_finds_the_burns_mission(page: Page, site_url: str):
    _search(page, site_url, "Burns")
    result = page.locator(".md-search-result__item a[href*='burns-mission']").first
    expect(result).to_be_visible(timeout=10_000)
    result.click()
    expect(page.locator("h1")).to_have_text("The Burns mission")


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("Blinken", "people/antony-blinken/"),  # a person
        ("dud rate", "sources/the-united-states-is-leaning-toward-6187/"),  # words of a source
        ("Izium", "sources/blinken-defends-decision-to-send-ukraine-cluster-munitions/"),
        ("game changer", "people/oleksiy-reznikov/"),  # a quotation, on its speaker's page
        ("Stockpile issues", "topics/stockpiles/"),  # a topic
    ],
)
def test_search_finds_people_topics_and_quotes(page: Page, site_url: str, query: str, target: str):
    _search(page, site_url, query)
    result = page.locator(f".md-search-result__item a[href*='{target}']").first
    expect(result).to_be_visible(timeout=10_000)


def test_a_search_hit_in_a_source_lands_on_its_paragraph(page: Page, site_url: str):
    _search(page, site_url, "dud rate")
    hit = page.locator(".md-search-result__item a[href*='sources/'][href*='#p']").first
    expect(hit).to_be_visible(timeout=10_000)
    anchor = (hit.get_attribute("href") or "").rsplit("#", 1)[1]
    hit.click()
    paragraph = page.locator(f"#{anchor}")
    expect(paragraph).to_be_in_viewport()
    expect(paragraph).to_contain_text("dud rate")
    assert page.url.endswith(f"#{anchor}") and anchor != "p1"


def test_sources_page_searches_the_full_text_in_chunks(page: Page, site_url: str):
    page.goto(site_url)
    page.locator(".md-tabs, .md-nav").get_by_role("link", name="Sources").first.click()
    expect(page.locator("h1")).to_have_text("Sources")  # reached by instant navigation
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.locator("#briefing-source-search input").click()
    page.keyboard.type("Izium", delay=20)
    result = page.locator(".pagefind-ui__result-link").first
    expect(result).to_be_visible(timeout=10_000)
    _shot(page, "source-search")
    expect(result).to_have_attribute("href", re.compile(r"/sources/blinken-defends-[^/]+/$"))
    # Pagefind loads index chunks and the fragments of the pages it shows, never the whole index.
    assert any("/pagefind/index/" in url for url in requested)
    assert any("/pagefind/fragment/" in url for url in requested)
    result.click()
    expect(page.locator("h1")).to_contain_text("Blinken defends")


MAIN_PAGES = ["", "topics/positions/", "topics/burns-mission/", "people/", "people/laura-cooper/",
              "sources/", "sources/blinken-defends-decision-to-send-ukraine-cluster-munitions/",
              "discrepancies/", "timeline/", "glossary/", "methodology/"]  # fmt: skip


def test_every_page_offers_the_pdf_and_the_newest_source_date(page: Page, site_url: str):
    for path in MAIN_PAGES:
        page.goto(site_url + path)
        footer = page.locator(".briefing-pdf")
        expect(footer).to_contain_text("Newest source: 11 Jul 2023")
        expect(footer.get_by_role("link", name="Download the briefing book (PDF)")).to_be_visible()
        # Images load (the logo, any others), and the breadcrumbs or navigation are there.
        broken = page.evaluate(
            "() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0).length"
        )
        assert broken == 0, path


def test_citation_shows_outlet_and_date_on_hover(page: Page, site_url: str):
    page.goto(site_url + "topics/stockpiles/")
    citation = page.locator("#key-points ~ ul a[href*='blinken-defends']").first
    assert citation.get_attribute("title") == "Politico · 2023-07-11"


def test_phone_width_has_no_horizontal_scroll(browser: Browser, site_url: str):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    for path, name in (("", "home"), ("topics/positions/", "topic-positions"),
                       ("people/laura-cooper/", "entity-cooper"), ("timeline/", "timeline")):  # fmt: skip
        phone.goto(site_url + path)
        overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, overflow)
        phone.screenshot(path=str(ARTIFACTS / f"phone-{name}.png"), full_page=True)
    context.close()


def test_dark_mode(browser: Browser, site_url: str):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(site_url + "topics/positions/")
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.screenshot(path=str(ARTIFACTS / "dark-positions.png"))
    context.close()


def test_readable_with_javascript_off(browser: Browser, site_url: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "topics/burns-mission/")
    expect(page.locator("h1")).to_have_text("The Burns mission")
    expect(page.get_by_text("At the beginning of June").first).to_be_visible()
    page.locator("#key-points ~ ul a[href*='sources/']").first.click()
    page.wait_for_url("**/sources/**#p*")
    expect(page.locator("#" + page.url.split("#")[1])).to_be_visible()
    context.close()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def _axe_serious(page: Page, context: str = "document") -> list[str]:
    """axe-core's serious and critical violations on the page (or one element of it)."""
    page.add_script_tag(path=str(AXE))
    target = "document" if context == "document" else repr(context)
    result = page.evaluate(f"async () => await axe.run({target})")
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.skipif(not AXE.exists(), reason="needs axe-core (./dev test installs it with npm)")
def test_citation_previews_its_paragraph_on_hover_and_focus(page: Page, published_url: str):
    page.goto(published_url + "topics/burns-mission/")
    page.wait_for_load_state("networkidle")  # the sitemap previews go by has loaded
    citations = page.locator("#key-points ~ ul a[href*='sources/']")
    preview = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    citations.first.hover()
    expect(preview).to_be_visible()
    expect(page.locator(".md-tooltip2--active")).to_have_css("opacity", "1")  # faded in
    _shot(page, "citation-preview")
    previewed = preview.inner_text()
    # The preview is the cited paragraph, no more: its words, not the next paragraph's.
    href = citations.first.get_attribute("href") or ""
    anchor = href.split("#")[1]
    number = int(anchor[1:])
    page.mouse.move(0, 0)
    citations.first.click()
    cited = page.locator(f"#{anchor}").inner_text()
    following = page.locator(f"#p{number + 1}")
    assert cited.split(maxsplit=1)[1][:80] in previewed
    if following.count():
        assert following.inner_text().split(maxsplit=1)[1][:60] not in previewed
    # Keyboard: focusing the second citation previews it too, and the page stays accessible.
    page.go_back()
    page.wait_for_load_state("networkidle")
    page.mouse.move(0, 0)  # the click left the pointer over the first citation
    expect(page.locator(".md-tooltip2--active")).to_have_count(0)
    citations.nth(1).focus()
    expect(preview).to_be_visible()
    expect(page.locator(".md-tooltip2--active")).to_have_css("opacity", "1")
    # The open preview itself (the page under it is checked closed, below).
    serious = _axe_serious(page, ".md-tooltip2--active")
    assert serious == [], "\n".join(serious)


@pytest.mark.skipif(not AXE.exists(), reason="needs axe-core (./dev test installs it with npm)")
def test_no_serious_accessibility_violations(page: Page, site_url: str):
    found = {}
    for path in MAIN_PAGES:
        page.goto(site_url + path)
        serious = _axe_serious(page)
        if serious:
            found[path or "home"] = serious
    assert found == {}, found


def test_a_source_s_former_address_still_lands_on_its_paragraph(page: Page, site_url: str):
    # Untitled sources were once addressed by their file names.
    page.goto(site_url + "sources/002-960a1861d71e25eb/#p3")
    page.wait_for_url("**/sources/the-united-states-is-leaning-toward-6187/#p3")
    expect(page.locator("#p3")).to_be_in_viewport()
    assert page.title().startswith("Untitled: “The United States is leaning toward")


def test_a_name_opens_its_entity_page(page: Page, site_url: str):
    page.goto(site_url + "sources/blinken-defends-decision-to-send-ukraine-cluster-munitions/")
    page.locator("#p6 a[href*='people/oleksiy-reznikov']").click()
    expect(page.locator("h1")).to_have_text("Oleksiy Reznikov")
    expect(page.get_by_text("Ukraine’s defense minister").first).to_be_visible()
    _shot(page, "entity-reznikov")


def test_headings_are_in_order(page: Page, site_url: str):
    for path in MAIN_PAGES:
        page.goto(site_url + path)
        levels = page.evaluate(
            "() => [...document.querySelectorAll('article h1, article h2, article h3, article h4')]"
            ".map(h => Number(h.tagName[1]))"
        )
        assert levels[0] == 1, path
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, (path, levels)


def test_printing_a_page_is_clean(page: Page, site_url: str):
    page.goto(site_url + "topics/positions/")
    page.emulate_media(media="print")
    for chrome in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-search",
        ".md-footer",
        ".briefing-pdf",
    ):
        assert not page.locator(chrome).first.is_visible(), chrome
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("#positions-at-a-glance")).to_be_visible()
    # The briefing's own links print as text; only links leaving the site print their address.
    citation = page.locator("#key-points ~ ul a[href*='sources/']").first
    after = citation.evaluate("a => getComputedStyle(a, '::after').content")
    assert after in ("none", "normal"), after
    page.evaluate(
        "() => { const a = document.createElement('a'); a.href = 'https://example.org/x';"
        " a.textContent = 'x'; a.className = 'briefing-external';"
        " document.querySelector('.md-content article').append(a); }"
    )
    shown = page.locator(".md-content a.briefing-external").evaluate(
        "a => getComputedStyle(a, '::after').content"
    )
    assert "https://example.org/x" in shown
    page.screenshot(path=str(ARTIFACTS / "print-positions.png"), full_page=True)
