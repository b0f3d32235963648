import json
import os
import re
from dataclasses import replace
from pathlib import Path

import markdown
import pytest

from generator.model import Briefing
from generator.pipeline import build_briefing
from generator.render import export_json, render_pages
from generator.render.markdown import escape
from generator.render.pages import TOPIC_SOURCES
from generator.render.site import EXTENSIONS

from .conftest import TRAM

GOLDEN = Path(__file__).parent / "golden" / "tram"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def tram_pages() -> dict[str, str]:
    return render_pages(build_briefing(TRAM).briefing)


def test_golden_pages(tram_pages: dict[str, str]):
    """The fixture corpus renders to exactly the reviewed Markdown (UPDATE_GOLDEN=1 rewrites it)."""
    if UPDATE:
        for path, content in tram_pages.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(content, encoding="utf-8")
    expected = {
        p.relative_to(GOLDEN).as_posix(): p.read_text("utf-8") for p in GOLDEN.rglob("*.md")
    }
    assert sorted(tram_pages) == sorted(expected)
    for path, content in tram_pages.items():
        assert content == expected[path], f"{path} differs from its golden file"


def test_golden_export():
    text = export_json(build_briefing(TRAM).briefing)
    if UPDATE:
        (GOLDEN / "briefing.json").write_text(text, encoding="utf-8")
    assert text == (GOLDEN / "briefing.json").read_text("utf-8")


def test_pages_cite_paragraphs_verbatim(tram_pages: dict[str, str]):
    briefing = build_briefing(TRAM).briefing
    data = json.loads(export_json(briefing))
    texts = [p["text"] for a in data["articles"] for p in a["paragraphs"]]
    funding = tram_pages["topics/funding.md"]
    # The key point is the paragraph itself, escaped (names may be links), linking to its anchor.
    assert escape(texts[2]) in re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", funding)
    assert "(../sources/council-backs-riverside-tram-extension-in-narrow-vote.md#p3 " in funding


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<iframe src=//evil></iframe>",
    "<!-- hidden -->",
    "[click](javascript:alert(1))",
    "![img](http://x/y.png)",
    "`code` and **bold** and _em_",
    "{{ config.site_name }} {% include 'x' %}",
    "{: #evil .class onclick=x }",
    "*[HTML]: Hyper",
    "[^1] footnote and [ref]: http://x",
    "| a | b |",
    "==mark== ~~del~~ ^^ins^^ :smile: $x$",
    "&amp; &#60;b&#62;",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_text_only(text: str):
    names = [*EXTENSIONS, "abbr", "footnotes"]
    html = markdown.markdown(f"Intro {escape(text)}\n{{ #p1 }}", extensions=names)
    # One paragraph, no child element: everything the article said is text.
    assert html.startswith('<p id="p1">') and html.endswith("</p>")
    inner = html[len('<p id="p1">') : -len("</p>")]
    assert "<" not in inner.replace("&lt;", "")
    assert "{" not in inner and "[" not in inner


def test_a_large_corpus_leaves_source_paragraphs_to_the_full_text_search():
    briefing = build_briefing(TRAM).briefing
    slug = briefing.articles[0].slug

    def paragraph_lines(briefing: Briefing) -> list[str]:
        page = render_pages(briefing)[f"sources/{slug}.md"]
        return [line for line in page.splitlines() if ".briefing-para" in line]

    small = paragraph_lines(briefing)
    assert small and not any("data-search-exclude" in line for line in small)
    # The budget is the corpus's to set (search.text_budget in briefing.yml).
    search = briefing.config.search.model_copy(update={"text_budget": briefing.text_size - 1})
    over = replace(briefing, config=briefing.config.model_copy(update={"search": search}))
    large = paragraph_lines(over)
    assert len(large) == len(small) and all("data-search-exclude" in line for line in large)
    assert "which the site search leaves out at this size" in render_pages(over)["sources/index.md"]


def test_hub_pages_stay_bounded_on_a_large_corpus(tmp_path: Path):
    """An actor named in every article gets the most relevant passages, counted, not all."""
    from bench.corpus import write_corpus
    from generator.render import actors

    write_corpus(tmp_path / "seeds", 120)
    briefing = build_briefing(tmp_path / "seeds").briefing
    busiest = max(briefing.analysis.entities, key=lambda e: len(e.mentions))
    page = render_pages(briefing)[f"people/{busiest.id}.md"]
    mentions = page.split("## Mentions by topic")[1].split("## Cited on")[0]
    for section in mentions.split("\n### ")[1:]:
        items = [line for line in section.splitlines() if line.startswith("- ")]
        assert len(items) <= actors.MENTIONS_PER_TOPIC
    assert "more mentions: the full-text search of" in mentions
    cited_on = page.split("## Cited on")[1]
    assert cited_on.count("\n- ") <= actors.SOURCES_SHOWN + len(briefing.config.topics)
    assert len(busiest.mentions) > 10 * actors.MENTIONS_PER_TOPIC
    assert len(page.encode()) < 200_000
    # A topic's coverage table names the sources covering it most, and counts the rest.
    topics = [p for uri, p in render_pages(briefing).items() if uri.startswith("topics/")]
    widest = max(topics, key=lambda p: p.count("\n| "))
    coverage = widest.split("## Coverage by source")[1].split("## Actors involved")[0]
    assert coverage.count("\n| ") <= TOPIC_SOURCES + 1  # the header row too
    assert "more sources: the" in coverage


def test_the_timeline_page_of_a_large_corpus_is_sampled_across_its_span(monkeypatch):
    from generator.render import crosssource

    briefing = build_briefing(TRAM).briefing
    dated = [e for e in briefing.analysis.timeline if not e.published]
    monkeypatch.setattr(crosssource, "TIMELINE_ROWS", 2)
    page = render_pages(briefing)["timeline.md"]
    rows = [line for line in page.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) - 1 <= -(-len(dated) // -(-len(dated) // 2))
    assert "Published" not in page and "one in every" in page
