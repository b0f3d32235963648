"""One article file to a Document: decode, front matter, junk, header, body, in that order."""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable
from pathlib import Path

import ftfy

from generator.exceptions import InputError
from generator.ingest.body import blocks, join_wrapped
from generator.ingest.dates import dateline_date
from generator.ingest.decode import decode, normalise
from generator.ingest.front_matter import apply_front_matter, split_front_matter
from generator.ingest.header import Header, TextLine, body_start, read_header, stamp
from generator.ingest.junk import JUNK_RULES, Line, Rule, find_junk
from generator.model import Document, Removal
from generator.userregex import compile_user

ARTICLE_SUFFIXES = (".txt", ".md")
LARGE = 2_000_000  # bytes; larger articles are read whole but slow the build, so say so
IMAGE_MARKER = re.compile(r"^(?:[A-Za-z]*Img|Image|Photo|Video)\s*:(?=\S)")
LEADING_DATE = re.compile(r"^\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
# `Source: example.com`, `Originally published on example.com`: where a copy was taken from.
COPIED_FROM = re.compile(
    r"^(?:source\s*:|(?:this (?:article|story|piece) )?(?:was )?(?:originally|first)"
    r" (?:published|appeared) (?:on|in|at|by))\s*(?:https?://)?(?:www\.)?"
    r"(?P<site>[\w-]+(?:\.[\w-]+)+)(?:/\S*)?\.?$",
    re.IGNORECASE,
)
# `© 2024 Example Media Group. All rights reserved.`: the holder, without its company words.
COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*©?\s*(?:\d{4}(?:\s*[-–]\s*\d{2,4})?\s*)?(?P<holder>[^.©]+?)"
    r"(?:\s+\d{4})?(?:\.|$)",
    re.IGNORECASE,
)
COMPANY = re.compile(
    r"(?:\s+(?:media(?: group)?|group|ltd|limited|llc|inc|corp|plc|gmbh|b\.v|company|co)\.?)+$",
    re.IGNORECASE,
)
ABOUT = re.compile(r"^about\s+(?P<name>\S.*)$", re.IGNORECASE)
# `WASHINGTON (Example Wire) — `: the wire a story came from, in its dateline.
WIRE_DATELINE = re.compile(r"^[A-ZÀ-Þ][\w .,'’-]{1,60}\((?P<wire>[^()]{2,40})\)\s*(?:—|–|--)")


def read_article(path: Path, display_path: str, extra_junk: Iterable[str] = ()) -> Document:
    """Read one article file into a Document, raising InputError when it cannot be read."""
    data = read_bytes(path, display_path)
    return parse_article(data, display_path, path.suffix.lower() == ".md", extra_junk)


def read_bytes(path: Path, display_path: str) -> bytes:
    """A file's bytes, or InputError naming the file and why it cannot be read (it vanished,
    or became a link since the folder was listed: links are never followed)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        reason = "it is a link" if error.errno == errno.ELOOP else error.strerror
        raise InputError(display_path, f"cannot read file: {reason}") from None
    with os.fdopen(descriptor, "rb") as file:
        return file.read()


def parse_article(
    data: bytes, display_path: str, markdown: bool, extra_junk: Iterable[str] = ()
) -> Document:
    """An article file's bytes as a Document, raising InputError when they make no article."""
    text = normalise(decode(data, display_path))
    front: dict[str, object] = {}
    warnings: list[str] = []
    if len(data) > LARGE:
        warnings.append(f"very large article ({len(data) / 1e6:.1f} MB): the build will be slow")
    repaired = ftfy.fix_encoding(text)
    if repaired != text:
        warnings.append("repaired mojibake (text that had been decoded with the wrong encoding)")
        text = repaired
    raw_front = ""
    if markdown:
        front, text, raw_front, front_warnings = split_front_matter(text, display_path)
        warnings += front_warnings
    rules = JUNK_RULES + tuple(("corpus rule", compile_user(p)) for p in extra_junk)
    document = parse_text(text, display_path, rules, markdown=markdown)
    if not document.blocks:
        what = "empty file" if not text.strip() else "no article text left after cleaning"
        raise InputError(display_path, f"{what}; nothing to cite")
    return apply_front_matter(document, front, warnings, raw_front)


def parse_text(
    text: str,
    display_path: str,
    rules: tuple[Rule, ...] = JUNK_RULES,
    markdown: bool = False,
) -> Document:
    """Clean a decoded article and infer its metadata from what is visibly there."""
    removed: list[Removal] = []
    leading_date = None
    if match := LEADING_DATE.match(text):
        leading_date = match.group(1)
        removed.append(Removal(1, match.group(0).strip(), "date line"))
        text = text[match.end() :]
    lines = [Line(n, " ".join(raw.split()), raw) for n, raw in enumerate(text.split("\n"), 1)]
    kept = join_wrapped(_without_junk(lines, find_junk(lines, rules), removed))
    start = body_start(kept)
    header_lines = [line for line in kept[:start] if line is not None]
    first = next((line.number for line in lines if line.text), None)
    header = read_header(header_lines, bool(header_lines) and header_lines[0].number == first)
    removed += [Removal(header_lines[i].number, header_lines[i].text, r) for i, r in header.removed]
    read = {header_lines[i].number for i in header.used | {i for i, _ in header.removed}}
    above = [line for line in kept[:start] if line is None or line.number not in read]
    found = blocks([*above, *_without_stamps(kept[start:], removed)], markdown)
    opening = next((block.text for block in found if block.kind == "paragraph"), "")
    removed.sort(key=lambda removal: removal.line)
    return Document(
        source_path=display_path,
        title=header.title,
        date=header.date or leading_date or dateline_date(opening),
        outlet=_outlet(header, removed, opening),
        author=header.author,
        blocks=tuple(found),
        removed=tuple(removed),
    )


def _without_junk(
    lines: list[Line], junk: dict[int, str], removed: list[Removal]
) -> list[TextLine | None]:
    """The lines no junk rule removed (None for a blank line), each knowing the junk above it."""
    removed += [Removal(lines[i].number, lines[i].text, reason) for i, reason in junk.items()]
    kept: list[TextLine | None] = []
    after: str | None = None
    for i, line in enumerate(lines):
        if i in junk:
            after = junk[i]
        elif not line.text:
            kept.append(None)
        else:
            text = line.text
            if marker := IMAGE_MARKER.match(text):  # `NextImg:Headline`: an image's alt text
                removed.append(Removal(line.number, marker.group(0), "image marker"))
                text = text[marker.end() :]
            kept.append(TextLine(line.number, text, after))
            after = None
    return kept


def _outlet(header: Header, removed: list[Removal], opening: str) -> str | None:
    """The publication, by the strongest evidence the file shows, in this order."""
    # A copy names its source; then the header; then a release's "About" paragraph, a copyright
    # line, a wire's name in the dateline.
    return (
        _copied_from(removed)
        or header.outlet
        or header.byline_outlet
        or _release_owner(removed)
        or _copyright_holder(removed)
        or _wire(opening)
    )


def _without_stamps(lines: list[TextLine | None], removed: list[Removal]) -> list[TextLine | None]:
    """The text without date or byline lines of its own (a live blog stamps each entry)."""
    kept: list[TextLine | None] = []
    after: str | None = None
    for line in lines:
        reason = stamp(line.text) if line is not None else None
        if line is not None and reason:
            removed.append(Removal(line.number, line.text, reason))
            after = reason
        elif line is not None and after:
            kept.append(TextLine(line.number, line.text, line.after or after))
            after = None
        else:
            kept.append(line)
    return kept


def _copied_from(removed: list[Removal]) -> str | None:
    """`Source: example.com` under a copied article: the site it was copied from."""
    return next((m.group("site") for r in removed if (m := COPIED_FROM.match(r.text))), None)


def _release_owner(removed: list[Removal]) -> str | None:
    """The organisation a press release's "About <Org>" paragraph describes."""
    for removal in removed:
        match = ABOUT.match(removal.text)
        if removal.reason == "about boilerplate" and match and "author" not in removal.text:
            return match.group("name")
    return None


def _copyright_holder(removed: list[Removal]) -> str | None:
    """The publisher a copyright line names, when nothing above the text named one."""
    for removal in removed:
        match = COPYRIGHT.match(removal.text) if removal.reason == "copyright" else None
        holder = COMPANY.sub("", match.group("holder")).strip(" ,") if match else ""
        if holder and holder[0].isupper() and len(holder.split()) <= 6:
            return holder
    return None


def _wire(opening: str) -> str | None:
    match = WIRE_DATELINE.match(opening)
    return match.group("wire") if match else None
