"""Property-based tests: random text and front matter never crash, inject or lose anything."""

import datetime as dt
import json
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.config import BriefingConfig
from generator.exceptions import InputError
from generator.ingest import parse_text, read_article
from generator.model import Briefing
from generator.pipeline import Matchers, analyse, article_facts, assign_slugs
from generator.render.pages import source_page_markdown
from generator.render.site import EXTENSIONS
from generator.segment import segment

from .conftest import run_briefing
from .test_site import assert_links_resolve, parse_html

CONFIG = BriefingConfig.model_validate(
    {
        "title": "T",
        "topics": [{"id": "t", "title": "T", "description": "D", "cues": [{"terms": ["the"]}]}],
    }
)
# Text with the characters that matter: markup, quotes, dashes, newlines, other scripts, emoji.
ALPHABET = st.sampled_from(
    [*"abcXYZ019 .,;:!?'\"“”‘’–—-_*#<>[](){}|\\/`~=+^$%&@!\n\t", "<script>", "{{", "{%", "--8<--",
     "!!! note", "[TOC]", "{: #x }", "javascript:", "Україна", "مرحبا", "🙂", "\u00a0", "\x00", "\r\n"]
)  # fmt: skip
TEXT = st.lists(ALPHABET, max_size=200).map("".join)


def _briefing(texts: list[str]) -> Briefing:
    documents = [parse_text(text, f"s/{i}.txt") for i, text in enumerate(texts)]
    articles = tuple(segment(d, s) for d, s in zip(documents, assign_slugs(documents), strict=True))
    facts = [article_facts(a, Matchers.compile(CONFIG), None) for a in articles]
    return Briefing(CONFIG, articles, {}, analyse(facts, CONFIG))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_renders_as_text(text: str):
    briefing = _briefing([text])
    (article,) = briefing.articles
    page = source_page_markdown(briefing, article)
    html = markdown.markdown(page.split("---\n", 2)[2], extensions=list(EXTENSIONS))
    for tag, attributes in parse_html(html).elements:
        assert tag in {"h1", "h2", "h3", "p", "a", "table", "thead", "tbody", "tr", "th", "td",
                       "strong", "div", "details", "summary", "ul", "li", "em"}, tag  # fmt: skip
        assert not any(name.startswith("on") for name in attributes)
        assert not (attributes.get("href") or "").startswith("javascript")
    for paragraph in article.paragraphs:  # every paragraph's text survives, verbatim
        visible = "".join(parse_html(html).text)
        assert " ".join(paragraph.text.split()) in " ".join(visible.split())


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT,
                    st.dates(min_value=dt.date(1900, 1, 1)))  # fmt: skip
FRONT = st.dictionaries(
    st.sampled_from(["title", "date", "outlet", "author", "slug", "colour", "tags"]),
    st.one_of(
        SCALARS,
        st.lists(SCALARS, max_size=3),
        st.dictionaries(st.text(max_size=5), SCALARS, max_size=2),
    ),
    max_size=5,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(front=FRONT, body=TEXT)
def test_any_front_matter_is_read_or_refused_with_a_reason(tmp_path: Path, front: dict, body: str):
    path = tmp_path / "a.md"
    path.write_text(
        "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body, encoding="utf-8"
    )
    try:
        document = read_article(path, "seeds/a.md")
    except InputError as error:
        assert error.path == "seeds/a.md" and error.reason
    else:
        assert all(
            isinstance(v, str | None) for v in (document.title, document.date, document.outlet)
        )


ARTICLE = st.tuples(TEXT, TEXT, TEXT).map(lambda parts: "\n\n".join(parts))


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(ARTICLE, min_size=1, max_size=4))
def test_any_corpus_builds_into_a_valid_site(tmp_path_factory, texts: list[str]):
    root = tmp_path_factory.mktemp("corpus")
    seeds = root / "seeds"
    seeds.mkdir()
    for i, text in enumerate(texts):
        (seeds / f"{i}.txt").write_text(text, encoding="utf-8")
    (seeds / "briefing.yml").write_text(
        "title: Random\ntopics:\n  - {id: t, title: T, description: D, cues: [{terms: [a, b, c]}]}\n"
    )
    result = run_briefing(
        "build", str(seeds), "--site-dir", str(root / "site"), "--no-pdf", cwd=root
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    data = json.loads((root / "site" / "briefing.json").read_text())
    assert_links_resolve(root / "site")
    for article in data["articles"]:
        page = (root / "site" / article["url"] / "index.html").read_text()
        content = page.split('id="text"')[1].split("</article>")[0].split("<details")[0]
        assert {tag for tag, _ in parse_html(content).elements} <= {
            "div",
            "p",
            "a",
            "h2",
            "h3",
            "abbr",
        }
