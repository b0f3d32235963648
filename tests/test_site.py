"""End-to-end: real `mkdocs build --strict` of the seeds and of the second corpus, then the output."""

import hashlib
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import jsonschema
import pytest
import yaml

from .conftest import BIN, ROOT, SEEDS, TRAM, mkdocs_build, run_briefing

SCHEMA = json.loads((ROOT / "generator/schema/briefing.schema.json").read_text())
SEED_TOPICS = ["positions", "humanitarian", "burns-mission", "stockpiles"]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.text: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            if attributes.get(name) and tag in ("a", "img", "link", "script"):
                self.links.append(attributes[name])

    def handle_data(self, data):
        self.text.append(data)


def parse(path: Path) -> _Page:
    return parse_html(path.read_text("utf-8"))


def parse_html(html: str) -> _Page:
    """Ids, links, text and elements (tag and attributes) of some HTML."""
    page = _Page()
    page.feed(html)
    return page


def html_pages(site: Path) -> list[Path]:
    # 404.html is served from any depth, so MkDocs writes its links root-absolute: not checkable here.
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def assert_links_resolve(site: Path) -> int:
    """Every internal link and image of every page reaches a file, and its #anchor an id there."""
    checked = 0
    parsed = {path: parse(path) for path in html_pages(site)}
    for path, page in parsed.items():
        base = "file://" + path.as_posix()
        for href in page.links:
            url = urlparse(urljoin(base, href))
            if url.scheme != "file":
                continue
            target = Path(unquote(url.path))
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{path.relative_to(site)}: broken link {href}"
            if url.fragment and target.suffix == ".html":
                assert url.fragment in parsed[target].ids, (
                    f"{path.relative_to(site)}: no #{url.fragment} in {href}"
                )
            checked += 1
    return checked


def test_seeds_site_has_every_page(seeds_site: Path):
    expected = ["index.html", "sources/index.html", "methodology/index.html", "briefing.json"]
    expected += [f"topics/{t}/index.html" for t in SEED_TOPICS]
    data = json.loads((seeds_site / "briefing.json").read_text())
    expected += [a["url"] + "index.html" for a in data["articles"]]
    for path in expected:
        assert (seeds_site / path).is_file(), path
    assert len(data["articles"]) == len(list(SEEDS.glob("*.txt"))) == 5


def test_seeds_site_links_and_anchors_resolve(seeds_site: Path):
    assert assert_links_resolve(seeds_site) > 200


def test_seeds_export_matches_schema_and_pages(seeds_site: Path):
    data = json.loads((seeds_site / "briefing.json").read_text())
    jsonschema.validate(data, SCHEMA)
    assert [t["id"] for t in data["topics"]] == SEED_TOPICS
    for article in data["articles"]:
        page = parse(seeds_site / article["url"] / "index.html")
        text = "".join(page.text)
        for paragraph in article["paragraphs"]:
            assert paragraph["id"] in page.ids
            assert paragraph["text"] in text  # exactly as it stands on the source page
        for line in article["removed"]:
            assert line not in [p["text"] for p in article["paragraphs"]]


def test_every_topic_cites_paragraphs(seeds_site: Path):
    data = json.loads((seeds_site / "briefing.json").read_text())
    filed = {t: 0 for t in SEED_TOPICS}
    for article in data["articles"]:
        for paragraph in article["paragraphs"]:
            for topic in paragraph["topics"]:
                filed[topic] += 1
    assert all(count > 0 for count in filed.values()), filed
    for topic in SEED_TOPICS:
        page = parse(seeds_site / "topics" / topic / "index.html")
        assert any("/sources/" in link or link.startswith("../../sources/") for link in page.links)


def test_burns_page_is_about_burns(seeds_site: Path):
    html = (seeds_site / "topics/burns-mission/index.html").read_text()
    points = html.split('id="key-points"')[1].split('id="coverage-by-source"')[0]
    items = points.split("<li>")[1:]
    assert items, "no key points"
    for item in items:
        assert "Burns" in item or "CIA" in item


def test_search_index_covers_generated_pages(seeds_site: Path):
    index = json.loads((seeds_site / "search/search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {"topics/burns-mission/", "sources/", "methodology/"} <= locations
    assert any("Burns" in doc["text"] for doc in index["docs"])


def test_junk_never_reaches_a_page(seeds_site: Path):
    for path in html_pages(seeds_site):
        text = "".join(parse(path).text)
        for junk in ("QWIKET", "Elevate your fantasy game", "LIVETEXT on HOTNEWS", "Remer,MN"):
            # Only the audit list of the page's own source may show a removed line.
            if junk in text:
                assert "Removed while cleaning" in text, f"{junk} on {path.relative_to(seeds_site)}"


def test_second_corpus_builds_with_its_own_taxonomy(tram_site: Path):
    data = json.loads((tram_site / "briefing.json").read_text())
    jsonschema.validate(data, SCHEMA)
    assert [t["id"] for t in data["topics"]] == ["funding", "route", "disruption"]
    for topic in data["topics"]:
        assert (tram_site / topic["url"] / "index.html").is_file()
    assert (tram_site / "search/search_index.json").is_file()
    home = "".join(parse(tram_site / "index.html").text)
    assert "The Riverside tram extension" in home and "cluster" not in home.lower()
    assert assert_links_resolve(tram_site) > 50


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_build_never_writes_into_docs(tmp_path: Path):
    before = _tree_digest(ROOT / "docs")
    assert mkdocs_build(ROOT, tmp_path / "site").returncode == 0
    assert _tree_digest(ROOT / "docs") == before


def test_builds_are_deterministic(tmp_path: Path):
    """Two builds in fresh processes (different hash seeds) give byte-identical pages and JSON."""
    dump = (
        "import json, sys; from pathlib import Path; from generator.pipeline import build_briefing;"
        "from generator.render import render_pages, export_json;"
        "b = build_briefing(Path(sys.argv[1])).briefing;"
        "print(json.dumps([render_pages(b), export_json(b)]))"
    )
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", dump, str(SEEDS)], env=env, capture_output=True,
                                text=True, check=True)  # fmt: skip
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    sites = [tmp_path / "a", tmp_path / "b"]
    for site in sites:
        assert run_briefing("build", str(SEEDS), "--site-dir", str(site)).returncode == 0
    first, second = (_tree_digest(site) for site in sites)
    for name in ("sitemap.xml", "sitemap.xml.gz"):  # MkDocs stamps the build date in the sitemap
        first.pop(name), second.pop(name)
    # WeasyPrint 70 subsets fonts in hash-seed order, so the PDF's bytes differ between processes
    # while everything a reader sees is the same: compare its text, page by page, and its links.
    pdfs = [first.pop("briefing.pdf"), second.pop("briefing.pdf")]
    assert first == second
    texts = [_pdf_text(site / "briefing.pdf") for site in sites]
    assert texts[0] == texts[1] and pdfs[0] and pdfs[1]


def _pdf_text(path: Path) -> list[str]:
    from pypdf import PdfReader

    pages = PdfReader(path).pages
    return [page.extract_text() + repr(page.get("/Annots") is not None) for page in pages]


def test_generated_page_may_not_shadow_a_handwritten_one(project_copy: Path):
    (project_copy / "docs/topics").mkdir()
    (project_copy / "docs/topics/positions.md").write_text("# Mine\n")
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert "topics/positions.md" in result.stderr and "hand-written" in result.stderr
    assert (project_copy / "docs/topics/positions.md").read_text() == "# Mine\n"


def test_bad_config_fails_the_build_naming_file_and_key(project_copy: Path):
    config = project_copy / "seeds/briefing.yml"
    config.write_text(config.read_text().replace("id: burns-mission", "id: Burns Mission"))
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert "briefing.yml" in result.stderr and "topics[2].id" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_article_fails_strict_build_but_not_a_lenient_one(project_copy: Path):
    (project_copy / "seeds/zz-image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    strict = mkdocs_build(project_copy, project_copy / "site")
    assert strict.returncode != 0 and "zz-image.txt: error: not a text file" in strict.stderr
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    lenient = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--no-strict"],
                             cwd=project_copy, env=env, capture_output=True, text=True)  # fmt: skip
    assert lenient.returncode == 0, lenient.stderr
    data = json.loads((project_copy / "site/briefing.json").read_text())
    assert len(data["articles"]) == 5


@pytest.mark.parametrize("corpus", [SEEDS, TRAM])
def test_check_reports_every_file(corpus: Path):
    result = run_briefing("check", str(corpus))
    assert result.returncode == 0, result.stderr
    articles = [p for p in corpus.iterdir() if p.suffix in (".txt", ".md")]
    assert len(result.stdout.strip().splitlines()) == len(articles) + 1
    for path in articles:
        assert f"{corpus.name}/{path.name}:" in result.stdout


SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")
def test_bundled_seeds_are_the_originals_unchanged():
    originals = sorted(SHARED_SEEDS.glob("*.txt"))
    assert originals
    for original in originals:
        assert (SEEDS / original.name).read_bytes() == original.read_bytes()


def test_entity_pages_and_positions_matrix(seeds_site: Path):
    data = json.loads((seeds_site / "briefing.json").read_text())
    names = {e["id"]: e["name"] for e in data["entities"]}
    for entity in data["entities"]:
        page = seeds_site / entity["url"] / "index.html"
        assert page.is_file(), entity["url"]
        assert "Cited on" in page.read_text()
    stances = {names[p["entity"]]: p["stance"] for p in data["positions"]}
    assert stances["Antony Blinken"] == "supports" and stances["Sarah Yager"] == "opposes"
    matrix = (seeds_site / "topics/positions/index.html").read_text()
    matrix = matrix.split('id="positions-at-a-glance"')[1].split('id="key-points"')[0]
    for name, stance in stances.items():
        row = matrix.split(f">{name}</a>")[1].split("</tr>")[0]
        assert f"<strong>{stance.capitalize()}</strong>" in row, name
        assert "sources/" in row  # the strongest evidence is cited


def test_names_link_to_entity_pages(seeds_site: Path):
    source = parse(
        seeds_site / "sources/blinken-defends-decision-to-send-ukraine-cluster-munitions/index.html"
    )
    assert "../../people/antony-blinken/" in source.links
    assert "../../people/oleksiy-reznikov/" in source.links
    topic = parse(seeds_site / "topics/burns-mission/index.html")
    assert "../../people/william-burns/" in topic.links


def test_corroborated_quotes_show_every_source(seeds_site: Path):
    data = json.loads((seeds_site / "briefing.json").read_text())
    quotes = [c for c in data["corroborations"] if c["kind"] == "quote"]
    assert {tuple(r["article"][:3] for r in c["quotes"]) for c in quotes} == {("pen", "the")}
    cooper = (seeds_site / "people/laura-cooper/index.html").read_text()
    assert cooper.count("reported by 2 sources") == len(quotes) == 2


def test_glossary_terms_have_tooltips_everywhere(seeds_site: Path):
    assert (seeds_site / "glossary/index.html").is_file()
    for path in html_pages(seeds_site):
        html = path.read_text()
        text = "".join(parse(path).text)
        if " DPICM " in text:
            assert '<abbr title="Dual-purpose improved conventional munition' in html, path


def test_discrepancies_and_timeline_pages(seeds_site: Path):
    page = "".join(parse(seeds_site / "discrepancies/index.html").text)
    for figure in ("over 100", "more than 100", "more than 120", "123", "2008", "2010"):
        assert figure in page
    data = json.loads((seeds_site / "briefing.json").read_text())
    for group in data["discrepancies"]:
        for claim in group["claims"]:
            assert claim["text"] in page  # every source sentence, verbatim
    timeline = (seeds_site / "timeline/index.html").read_text()
    rows = timeline.split("<tbody>")[1].split("<tr>")[1:]
    burns = next(i for i, r in enumerate(rows) if "At the beginning of June" in r)
    crow = next(i for i, r in enumerate(rows) if "sent a letter Thursday" in r)
    blinken = next(i for i, r in enumerate(rows) if "on Tuesday defended" in r)
    invasion = next(i for i, r in enumerate(rows) if "February 2022 invasion" in r)
    assert invasion < burns < crow < blinken
    assert "29 Jun 2023" in rows[crow] and "June 2023" in rows[burns]
    assert all("sources/" in row for row in rows)  # each linked to its source


def test_every_page_links_the_briefing_book(seeds_site: Path):
    assert (seeds_site / "briefing.pdf").stat().st_size > 50_000
    for path in html_pages(seeds_site):
        if 'http-equiv="refresh"' in path.read_text():
            continue  # a former address, sending the reader on
        links = [link for link in parse(path).links if link.endswith("briefing.pdf")]
        assert links, path
        assert (path.parent / links[0]).resolve() == (seeds_site / "briefing.pdf").resolve()


@pytest.mark.parametrize("directory_urls", [True, False])
def test_full_text_search_indexes_every_source_page(tmp_path: Path, directory_urls: bool):
    site = tmp_path / "site"
    command = [str(BIN / "mkdocs"), "build", "--strict", "-q", "--site-dir", str(site)]
    command += [] if directory_urls else ["--no-directory-urls"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    articles = len(list(SEEDS.glob("*.txt")))
    assert entry["languages"]["en"]["page_count"] == articles + 1  # and the Sources page's title


def _page_text(site: Path) -> dict[str, str]:
    """Every page's main content, by its path: what a reader sees, whichever engine wrote it."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if '<article class="md-content__inner' in html:
            article = html.split('<article class="md-content__inner', 1)[1].split("</article>")[0]
            found[page.relative_to(site).as_posix()] = article
    return found


def test_properdocs_builds_the_same_site_as_mkdocs(seeds_site: Path, tmp_path: Path):
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [str(BIN / "properdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    expected = {p.relative_to(seeds_site).as_posix() for p in seeds_site.rglob("*") if p.is_file()}
    assert files == expected
    assert _page_text(site) == _page_text(seeds_site)
    assert (site / "briefing.json").read_bytes() == (seeds_site / "briefing.json").read_bytes()


def test_pages_export_builds_with_plain_mkdocs(tmp_path: Path):
    """`briefing pages` hands the generated pages to an engine that has no briefing plugin."""
    out = tmp_path / "out"
    result = run_briefing("pages", str(out), str(SEEDS))
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"] == ["search"]
    built = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict"], cwd=out, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    site = out / "site"
    assert_links_resolve(site)
    topics = sorted(p.name for p in (site / "topics").iterdir())
    assert topics == ["burns-mission", "humanitarian", "positions", "stockpiles"]
    source = next((site / "sources").glob("the-united-states-is-leaning-toward-*/index.html"))
    assert 'id="p7"' in source.read_text(encoding="utf-8")
    glossary_tip = (site / "topics" / "stockpiles" / "index.html").read_text(encoding="utf-8")
    assert "<abbr title=" in glossary_tip


def test_timeline_marks_announced_plans(seeds_site: Path):
    data = json.loads((seeds_site / "briefing.json").read_text())
    plans = [e for e in data["timeline"] if e["plan"]]
    assert [(e["date"], e["precision"]) for e in plans] == [("2023-12", "month")]
    assert "by the end of the year" in plans[0]["text"]
    html = (seeds_site / "timeline" / "index.html").read_text()
    row = next(r for r in html.split("<tr>") if "by the end of the year" in r)
    assert "<em>Planned:</em>" in row
