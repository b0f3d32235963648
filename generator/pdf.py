"""Lay out the briefing book as a PDF with WeasyPrint (CSS paged media, Pango for text)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.model import Briefing
from generator.render.book import book_html

CSS = Path(__file__).parent / "assets" / "book.css"


def write_pdf(briefing: Briefing, target: Path) -> None:
    """Write the book; the same briefing always gives the same text and identifier."""
    from weasyprint import HTML  # imported here: only PDF builds need Pango loaded

    html = book_html(briefing, CSS.read_text(encoding="utf-8"))
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode()
    target.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=html).write_pdf(target, pdf_identifier=identifier, pdf_tags=True)
