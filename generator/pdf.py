"""Lay out the briefing book as a PDF with WeasyPrint (CSS paged media, Pango for text)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from generator.model import Briefing
from generator.render.book import book_html

ASSETS = Path(__file__).parent / "assets"
CSS = ASSETS / "book.css"


def write_pdf(briefing: Briefing, target: Path) -> None:
    """Write the book; the same briefing always gives the same text and identifier."""
    html = book_html(briefing, CSS.read_text(encoding="utf-8"))
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode()
    target.parent.mkdir(parents=True, exist_ok=True)
    render_pdf(html, target, identifier)


def render_pdf(html: str, target: Path, identifier: bytes | None = None) -> None:
    """Lay out book HTML, loading nothing but inline data and the generator's own assets."""
    from weasyprint import HTML  # imported here: only PDF builds need Pango loaded

    HTML(string=html, url_fetcher=own_assets_fetcher()).write_pdf(
        target, pdf_identifier=identifier, pdf_tags=True
    )


def own_assets_fetcher():  # -> weasyprint.urls.URLFetcher, imported lazily
    """A fetcher that serves `data:` URLs and files of `generator/assets/` only: no network,
    no file of the machine. The book is made from article text, so nothing in it may make
    WeasyPrint fetch anything (CVE-2026-55073 was a server-side request forgery this way)."""
    from weasyprint.urls import URLFetcher

    own = ASSETS.resolve()

    class OwnAssets(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file:"):
                path = Path(url2pathname(urlsplit(url).path)).resolve()
                if not path.is_relative_to(own):
                    raise ValueError(f"the briefing book loads no file outside its assets: {url}")
            return super().fetch(url, headers)

    return OwnAssets(allowed_protocols=("data", "file"), allow_redirects=False, timeout=1)
