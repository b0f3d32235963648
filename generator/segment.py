"""Split cleaned articles into paragraphs and sentences with stable ids and offsets.

Paragraph ids are `p1`, `p2`, … in reading order; headings get no id but name the section of the
paragraphs under them. Offsets of a paragraph are into the article text (blocks joined by a blank
line); offsets of a sentence are into its paragraph's text.
"""

from __future__ import annotations

import re
import unicodedata

from generator.model import Article, Document, Paragraph, Sentence

BLOCK_SEPARATOR = "\n\n"
# Words that end with a period without ending a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st jr sr rep reps sen sens gen lt col maj capt cpt sgt adm cmdr gov pres
    amb sec dept no nos vs etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u a.m p.m e.g i.e approx est fig mt ft
    """.split()
)
BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9\u0400-\u04FF])")
WORD_BEFORE = re.compile(r"([\w.]+)[.!?…]+[\"”’')\]]*\s+$")


def segment(document: Document, slug: str) -> Article:
    """Number the paragraphs of a Document and split them into sentences."""
    paragraphs: list[Paragraph] = []
    section: str | None = None
    offset = 0
    for block in document.blocks:
        if block.kind == "heading":
            section = block.text
        else:
            number = len(paragraphs) + 1
            paragraphs.append(
                Paragraph(
                    id=f"p{number}",
                    number=number,
                    text=block.text,
                    start=offset,
                    end=offset + len(block.text),
                    section=section,
                    sentences=split_sentences(block.text),
                )
            )
        offset += len(block.text) + len(BLOCK_SEPARATOR)
    return Article(
        slug=slug,
        source_path=document.source_path,
        title=document.title,
        date=document.date,
        outlet=document.outlet,
        author=document.author,
        paragraphs=tuple(paragraphs),
        removed=document.removed,
        warnings=document.warnings,
    )


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split a paragraph into sentences; abbreviations (`U.S.`, `Rep.`) and initials stay whole."""
    sentences: list[Sentence] = []
    start = 0
    for match in BOUNDARY.finditer(text):
        before = WORD_BEFORE.search(text[start : match.end()])
        word = before.group(1).lower().rstrip(".") if before else ""
        if word in ABBREVIATIONS or re.fullmatch(r"[a-z]", word):
            continue
        end = match.end() - (len(match.group(0)) - len(match.group(0).rstrip()))
        sentences.append(Sentence(start, end, text[start:end]))
        start = match.end()
    if start < len(text):
        sentences.append(Sentence(start, len(text), text[start:]))
    return tuple(sentences)


def slugify(text: str, max_length: int = 60) -> str:
    """Make a lowercase ASCII slug, cut at a word boundary; empty when nothing usable is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or "-".join(words)[:max_length].strip("-")
