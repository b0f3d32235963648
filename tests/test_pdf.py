"""The briefing book: contents page numbers, links, metadata, and a page looked at as an image."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.pipeline import build_briefing
from generator.render.book import book_html

from .conftest import ROOT, SEEDS, run_briefing

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def book(seeds_site: Path) -> PdfReader:
    return PdfReader(seeds_site / "briefing.pdf")


def _contents(book: PdfReader) -> dict[str, int]:
    """Contents entries (title → printed page number) from the contents page."""
    text = book.pages[1].extract_text()
    assert text.startswith("Contents")
    entries = re.findall(r"^(.+?)\s*\.{3,}\s*(\d+)$", text, flags=re.MULTILINE)
    return {title.strip(): int(page) for title, page in entries}


def test_cover_and_metadata(book: PdfReader):
    cover = " ".join(book.pages[0].extract_text().split())
    briefing = build_briefing(SEEDS).briefing
    assert briefing.config.title in cover
    assert "30 June 2023 – 11 July 2023" in cover  # the sources' date range
    assert "5 sources" in cover and "quotations" in cover and "actors" in cover
    assert book.metadata.title == briefing.config.title
    assert book.metadata["/CreationDate"] == "D:20230711"  # the newest source, not the clock
    assert book.trailer["/Root"]["/Lang"] == "en"


def test_contents_page_numbers_match_where_sections_start(book: PdfReader):
    contents = _contents(book)
    titles = [t.title for t in build_briefing(SEEDS).briefing.config.topics]
    assert set(titles) <= set(contents)
    for title, page in contents.items():
        lines = [line.strip() for line in book.pages[page - 1].extract_text().splitlines()]
        # The section's heading (maybe wrapped) opens the page; margin boxes come out last.
        opening = " ".join(" ".join(lines[:3]).split())
        assert opening.startswith(title), (title, page, opening)


def test_outline_follows_the_contents(book: PdfReader):
    contents = _contents(book)
    outline = {
        o.title: book.get_destination_page_number(o) + 1
        for o in book.outline
        if not isinstance(o, list)
    }
    for title, page in contents.items():
        if title in outline:
            assert outline[title] == page


def test_every_internal_link_has_a_destination(book: PdfReader):
    destinations = set(book.named_destinations)
    links = 0
    for page in book.pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                assert str(annotation["/Dest"]) in destinations
                links += 1
    assert links > 100


def test_running_heads_and_page_numbers(book: PdfReader):
    total = len(book.pages)
    for number in (3, total):
        text = book.pages[number - 1].extract_text()
        assert f"Page {number} of {total}" in text
        assert "US cluster munitions for Ukraine (2023)" in text


def test_citations_point_into_the_appendix_of_sources(book: PdfReader):
    html = book_html(build_briefing(SEEDS).briefing, "")
    cited = set(re.findall(r'class="cite" href="#(src-[^"]+)"', html))
    anchors = set(re.findall(r'class="para" id="(src-[^"]+)"', html))
    assert cited and cited <= anchors


def test_pdf_text_is_deterministic(tmp_path: Path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for path in (first, second):
        assert run_briefing("pdf", str(SEEDS), "-o", str(path)).returncode == 0
    text = [[p.extract_text() for p in PdfReader(path).pages] for path in (first, second)]
    assert text[0] == text[1]


@pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="needs poppler-utils (./dev test installs it)"
)
def test_pages_render_to_images(seeds_site: Path):
    """Render the cover, contents and matrix pages for a person to look at in test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    prefix = ARTIFACTS / "book"
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "4",
                    str(seeds_site / "briefing.pdf"), str(prefix)], check=True)  # fmt: skip
    images = sorted(ARTIFACTS.glob("book-*.png"))
    assert len(images) >= 4 and all(image.stat().st_size > 10_000 for image in images)


def test_long_titles_are_shortened_in_the_running_heads(tmp_path: Path):
    from generator.pdf import write_pdf

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    long_title = (
        "What the council, the unions, the traders and the residents of the old market quarter "
        "said about the riverside tram"
    )
    (seeds / "briefing.yml").write_text(
        f"title: {long_title}\n"
        "topics:\n  - id: route\n    title: The route\n    description: Where it runs.\n"
        "    cues:\n      - terms: [route, river]\n",
        encoding="utf-8",
    )
    (seeds / "a.md").write_text(
        f"---\ntitle: {long_title} and why it matters for every shop on the high street\n---\n\n"
        + "The riverside route runs along the river for three miles past the market.\n\n" * 40,
        encoding="utf-8",
    )
    target = tmp_path / "book.pdf"
    write_pdf(build_briefing(seeds).briefing, target)
    pages = [page.extract_text().splitlines() for page in PdfReader(target).pages]
    # The margin boxes come last in the text: the running heads, then "Page N of M".
    heads = [lines[lines.index(f"Page {n} of {len(pages)}") - 1] for n, lines in
             enumerate(pages[2:], start=3)]  # fmt: skip
    assert heads[0] == "What the council, the unions, the… Summary"
    assert (
        heads[-1]
        == "What the council, the unions, the… What the council, the unions, the traders and the…"
    )


def test_the_book_fetches_nothing_an_article_names(tmp_path: Path):
    """Article text can never make the book load a URL or a file of the machine."""
    import functools
    import http.server
    import threading

    from generator.pdf import render_pdf, write_pdf

    requests: list[str] = []

    class Counting(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n")
    try:
        # Even markup that reached the book's HTML (it is escaped before it can) loads nothing.
        html = (
            f'<html><head><link rel="stylesheet" href="{url}/style.css">'
            f"<style>@import url({url}/import.css); body {{ background: url({url}/bg.png) }}</style>"
            f'</head><body><p>Text</p><img src="{url}/img.png"><img src="{secret.as_uri()}">'
            f'<img src="file:///etc/passwd"></body></html>'
        )
        render_pdf(html, tmp_path / "book.pdf")
        # And through the whole pipeline, an article that names URLs.
        seeds = tmp_path / "seeds"
        seeds.mkdir()
        (seeds / "briefing.yml").write_text(
            "title: T\ntopics:\n  - {id: t, title: T, description: D, cues: [{terms: [tram]}]}\n"
        )
        (seeds / "a.md").write_text(
            f'---\ntitle: "<img src={url}/title.png>"\n---\n\n'
            f'The tram <img src="{url}/body.png"> and ![x]({url}/md.png) '
            f"<link rel=stylesheet href={url}/body.css> runs along the river.\n"
        )
        write_pdf(build_briefing(seeds).briefing, tmp_path / "article.pdf")
    finally:
        server.shutdown()
        server.server_close()
    assert requests == []
    assert (tmp_path / "book.pdf").stat().st_size > 1000


def test_a_large_corpus_book_prints_the_cited_paragraphs_only(tmp_path: Path):
    """`pdf.appendix: cited` (the default beyond 100 articles) keeps the book a briefing."""
    from generator.pdf import write_pdf

    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    config = (seeds / "briefing.yml").read_text() + "pdf:\n  appendix: cited\n"
    (seeds / "briefing.yml").write_text(config)
    briefing = build_briefing(seeds).briefing
    html = book_html(briefing, "")
    cited = set(re.findall(r'href="#(src-[a-z0-9-]+-p\d+)"', html))
    printed = set(re.findall(r'<p class="para" id="(src-[a-z0-9-]+-p\d+)"', html))
    assert cited and printed == cited  # every citation lands, and nothing else is printed
    total = sum(len(a.paragraphs) for a in briefing.articles)
    assert len(printed) < total
    # Every link of the book has its destination in it.
    ids = set(re.findall(r'id="([^"]+)"', html))
    assert set(re.findall(r'href="#([^"]+)"', html)) <= ids
    target = tmp_path / "book.pdf"
    write_pdf(briefing, target)

    def text(path: Path) -> str:
        return "".join(page.extract_text() for page in PdfReader(path).pages)

    assert len(text(target)) < len(text(_full_book(tmp_path)))


def _full_book(tmp_path: Path) -> Path:
    from generator.pdf import write_pdf

    target = tmp_path / "full.pdf"
    write_pdf(build_briefing(SEEDS).briefing, target)
    return target
