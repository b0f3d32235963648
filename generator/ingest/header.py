"""Read the lines above an article's first paragraph: title, dek, date, byline and outlet.

Pages stack the same few things above the text in many orders: a masthead, breadcrumbs, the
headline and its dek, a byline, a date, a caption. Each line gets the first shape in SHAPES
that fits it; `read_header` then applies one rule per field:

- title: the first line of the last run of headline lines that a byline or date follows (a
  dek runs on from its title; a section label or a tagline stands apart), else the first run;
- dek: the rest of the title's run, and any line between the title and its byline or date;
- date: the date line nearest the title (an aggregator's page date sits higher up), a
  published date before an updated one at the same distance;
- author: the first byline, else a person's name beside the date;
- outlet: the publication named nearest above the article date when a page date sits above
  it (an aggregator's copy), else the masthead (the page's first line), else a name above the
  title; what a byline says (`From Example's …`, `| Example Wire`, `Example Staff`) comes last.

A field no line shows stays None: nothing is guessed from the file name or the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.ingest.bylines import (
    BYLINE_START,
    TERMINAL,
    is_name,
    is_role,
    person_names,
    read_byline,
    staff_outlet,
    word_count,
)
from generator.ingest.dates import is_update, parse_date


@dataclass(frozen=True, slots=True)
class TextLine:
    """A line kept after junk removal, and the rule that removed the line right above it."""

    number: int
    text: str
    after: str | None = None  # a junk line between two lines keeps them apart


@dataclass(frozen=True, slots=True)
class Reading:
    """What one header line is (its shape) and the fields it shows."""

    shape: str
    date: str | None = None
    updated: bool = False
    author: str | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Shape:
    """A kind of header line: examples, the reader that recognises it, the rule that uses it."""

    name: str
    example: str  # examples are separated by ` | `
    read: Callable[[str], Reading | None]
    rule: str  # what becomes of a line of this shape


@dataclass(frozen=True, slots=True)
class Header:
    """The metadata a header shows, the lines it was read from and the lines it drops."""

    title: str | None = None
    date: str | None = None
    author: str | None = None
    outlet: str | None = None
    byline_outlet: str | None = None  # what a byline says of the outlet: the last resort
    used: frozenset[int] = frozenset()
    removed: tuple[tuple[int, str], ...] = ()  # (index, reason)


MEMO = re.compile(r"^(?:to|cc|subject|re)\s*:\s*\S", re.IGNORECASE)
SALUTATION = re.compile(r"^dear\s+\S.{0,80},$", re.IGNORECASE)
# Pieces of one header line: `By Jane Doe | Example Wire`, `[March 5, 2022] By Jane Doe`.
SEGMENT = re.compile(
    r"\s+[|•·—–]\s+|\s*\|\s*|^\s*\[([^\]]+)\]\s*"
    r"|\s+(?=(?:updated|published|posted|modified)\b)",  # `March 3, 2022 Updated March 4, 2022`
    re.IGNORECASE,
)
# `Jane Doe for Example Wire`: a photographer's credit.
CREDIT_FOR = re.compile(r"^(?P<names>(?:[A-Z][\w'’.-]*\s+){1,3})for\s+(?:the\s+)?[A-Z].{0,50}$")
SENTENCE = re.compile(r"[.!?…][\"”’')\]]*(?:\s|$)|[”\"。！？]")  # not the point in `£1.25`
# Section names and site furniture: never a title, never an outlet.
SECTION_WORDS = frozenset(
    "news newsroom opinion opinions politics business world sport sports local national live "
    "latest analysis commentary editorial editorials features culture economy markets money "
    "technology tech science health environment education home menu community voices letters "
    "weather alerts traffic watch video videos podcasts lifestyle travel blog blogs press "
    "releases release media centre center room office".split()
)
NEWSROOM = re.compile(r"\s+(?:newsroom|press room|media (?:centre|center|room))$", re.IGNORECASE)
ANCHORS = frozenset({"date", "byline", "staff credit"})
DATE_LINE_WORDS = 16
DEK_WORDS = 50


def _is_section(text: str) -> bool:
    return all(word.lower() in SECTION_WORDS for word in text.split())


def _is_headline(text: str) -> bool:
    """A headline: a few words to a long line, without a sentence's closing period or comma."""
    return (
        2 <= word_count(text) <= 30
        and (text[0].isalnum() or text[0] in "‘'\"“(¿¡")
        and not text.isupper()
        and not re.search(r"[.,;:]$", text)
        and any(char.isalpha() for char in text)
    )


def _initials(text: str) -> str:
    return "".join(word[0] for word in text.split() if word[0].isupper())


def segments(text: str) -> list[str]:
    """A line cut at pipes, bullets, dashes and a leading bracket."""
    return [part.strip() for part in SEGMENT.split(text) if part and part.strip()]


def _read_date(text: str) -> Reading | None:
    if len(text.split()) > DATE_LINE_WORDS:
        return None  # a sentence with a date in it (`ATHENS, May 4, 2023 — The agency …`)
    parts = segments(text)
    for i, part in enumerate(parts):
        date, before = _date_in(part)
        if date is None:
            continue
        others = [before, *parts[:i], *parts[i + 1 :]]
        author = next((r.author for p in others if p and (r := _read_byline(p))), None)
        return Reading("date", date=date, updated=is_update(part), author=author)
    return None


def _date_in(part: str) -> tuple[str | None, str]:
    """A piece's date, and the byline before it (`By Jane Doe, March 3, 2022`), if any."""
    if (date := parse_date(part)) is not None:
        return date, ""
    if not BYLINE_START.match(part):
        return None, ""
    for joint in (", ", " on "):
        pieces = part.split(joint)
        for cut in range(1, len(pieces)):
            if date := parse_date(joint.join(pieces[cut:])):
                return date, joint.join(pieces[:cut])
    return None, ""


def _read_byline(text: str) -> Reading | None:
    first, *others = segments(text)
    byline = read_byline(first)
    if byline is None:
        return None
    wire = next((o for o in others if is_name(o) and not parse_date(o)), None)  # `| Example Wire`
    return Reading("byline", author=byline.author, outlet=byline.outlet or wire)


def _read_staff(text: str) -> Reading | None:
    outlet = staff_outlet(text)
    return Reading("staff credit", outlet=outlet) if outlet else None


def _read_masthead(text: str) -> Reading | None:
    """A site's name, alone or with its short name or tagline: `HVPR | Hudson Valley Radio`."""
    parts = segments(text)
    if not 1 <= len(parts) <= 2 or not is_name(parts[0]) or _is_section(parts[0]):
        return None
    if len(parts) == 2 and _initials(parts[1]) == parts[0].replace(".", "").upper():
        return Reading("name", outlet=parts[1])  # the short name, then the name it stands for
    name = parts[0]
    return Reading("name", outlet=NEWSROOM.sub("", name) if len(name.split()) > 1 else name)


def _shape(name: str, test: Callable[[str], object]) -> Callable[[str], Reading | None]:
    return lambda text: Reading(name) if test(text) else None


# The shapes a header line can take, in the order they are tried, with what becomes of each.
SHAPES: tuple[Shape, ...] = (
    Shape(
        "date", "Posted Mar 3, 2022 9:15 AM CST | [March 5, 2022] By Jane Doe", _read_date,
        "the one nearest the title is the article's date, published before updated; any other "
        "is removed as a date line",
    ),
    Shape(
        "byline", "By Jane Doe and John Roe | ByJane Doe | From Example's Jane Doe", _read_byline,
        "the first gives the author and what it says of the outlet; a repeat is removed",
    ),
    Shape(
        "staff credit", "Example Staff", _read_staff,
        "names the outlet when no masthead does; removed",
    ),
    Shape(
        "role", "Staff Writer | Politics Reporter | Chief executive, Example Trust",
        _shape("role", is_role), "removed",
    ),
    Shape("memo", "To: Students, faculty and staff", _shape("memo", MEMO.match), "removed"),
    Shape(
        "salutation", "Dear colleagues and friends,", _shape("salutation", SALUTATION.match),
        "a letter begins: the text starts here",
    ),
    Shape(
        "label", "Opinion | Community Voices", _shape("label", lambda text: is_name(text, 3)),
        "a section or a short name: the title only when no headline line is there",
    ),
    Shape(
        "name", "Example Valley Public Radio | Jane van der Doe", _shape("name", is_name),
        "a site's name above the title is the outlet, a person's beside the date the author",
    ),
    Shape(
        "headline", "Bridge reopens | Council backs a tram", _shape("headline", _is_headline),
        "the first of the last run a byline or date follows is the title, the rest its dek",
    ),
)  # fmt: skip


def stamp(text: str) -> str | None:
    """Why a date or byline line inside the text goes (a live blog's entry stamp), else None."""
    if _read_date(text):
        return "date line"
    if BYLINE_START.match(text) and _read_byline(text):
        return "byline"
    return None


def read_line(text: str) -> Reading:
    """The first shape in SHAPES that fits a line; plain text when none does."""
    return next((reading for shape in SHAPES if (reading := shape.read(text))), Reading("text"))


def opens_body(text: str) -> bool:
    """A line that starts the text: a paragraph of a dozen words or more, or a salutation."""
    long = word_count(text) >= 12 and bool(SENTENCE.search(text))
    return long or bool(SALUTATION.match(text))


def body_start(lines: Sequence[TextLine | None]) -> int:
    """Where the article text begins: its first paragraph, past any byline or date under it."""
    texts = [i for i, line in enumerate(lines) if line is not None]
    body = [i for i in texts if opens_body(_text(lines, i))]
    if not body:  # no long paragraph anywhere: at most a headline above short text
        headline = len(texts) > 1 and _is_headline(_text(lines, texts[0]))
        return texts[0] + 1 if headline else 0
    # A dek or caption long enough to look like a paragraph can sit above the byline.
    following = body[1] if len(body) > 1 else len(lines)
    anchors = [i for i in texts if body[0] < i < following and _is_anchor(_text(lines, i))]
    if anchors:
        return next((i for i in body if i > anchors[-1]), anchors[-1] + 1)
    return body[0]


def _text(lines: Sequence[TextLine | None], i: int) -> str:
    line = lines[i]
    return line.text if line is not None else ""


def _is_anchor(text: str) -> bool:
    return read_line(text).shape in ANCHORS


def read_header(lines: Sequence[TextLine], masthead: bool) -> Header:
    """Read the metadata from the lines above the body (`masthead`: the first is the page's)."""
    if not lines:
        return Header()
    readings = [read_line(line.text) for line in lines]
    top = _read_masthead(lines[0].text) if masthead else None
    title_at = _title_at(lines, readings, top)
    if title_at == 0:
        top = None  # a lone name-like line above the text is its title (`Tram Works Begin`)
    title, site = _title_and_site(lines[title_at].text) if title_at is not None else (None, None)
    anchors = [i for i, r in enumerate(readings) if r.shape in ANCHORS]
    deks = _deks(lines, readings, title_at, anchors) if title_at is not None else []
    removed = dict.fromkeys(deks, "dek")
    used = {title_at} if title_at is not None else set()
    date_at = _date_at(readings, title_at if title_at is not None else len(lines))
    used |= {date_at} if date_at is not None else set()
    author, author_at = _author(lines, readings, date_at, used)
    used |= author_at
    outlet, outlet_at = _outlet(lines, readings, date_at, title_at, top, used)
    used |= outlet_at
    for i in set(range(len(lines))) - used - set(removed):
        if reason := _furniture(lines, readings, i, author, title_at):
            removed[i] = reason
    # Above the last line read, what is left is the page's furniture, unless it is a sentence.
    for i in range(max(used | set(removed), default=-1)):
        if i not in used and i not in removed and _is_chrome(lines[i].text):
            removed[i] = "page header"
    return Header(
        title=title,
        date=readings[date_at].date if date_at is not None else None,
        author=author,
        outlet=outlet or site,
        byline_outlet=next((r.outlet for r in readings if r.outlet and r.shape != "name"), None),
        used=frozenset(used),
        removed=tuple(sorted(removed.items())),
    )


def _title_at(
    lines: Sequence[TextLine], readings: list[Reading], top: Reading | None
) -> int | None:
    """The title's line: first of the last headline run a byline or date follows."""
    candidates = [i for i, r in enumerate(readings) if r.shape == "headline" and (i or not top)]
    if not candidates:  # a short Title Case headline has the shape of a name
        names = [i for i, r in enumerate(readings) if r.shape in ("label", "name")]
        candidates = [
            i for i in names if not _is_section(lines[i].text) and (i or not top or names == [0])
        ]
    if not candidates:  # a headline in capitals
        candidates = [
            i
            for i, line in enumerate(lines)
            if (i or not top) and line.text.isupper() and 3 <= len(line.text.split()) <= 30
            and readings[i].shape == "text"
        ]  # fmt: skip
    anchors = [i for i, r in enumerate(readings) if r.shape in ANCHORS]
    runs = _runs(lines, candidates)
    followed = [run for run in runs if any(a > run[-1] for a in anchors)]
    if followed:
        return followed[-1][0]
    return runs[0][0] if runs else None


def _title_and_site(text: str) -> tuple[str, str | None]:
    """A title copied with its site's name: `Bridge reopens | Example Gazette`."""
    head, bar, site = text.rpartition(" | ")
    if bar and head and is_name(site, 5) and not _is_section(site):
        return head.strip(), site.strip()
    return text, None


def _furniture(
    lines: Sequence[TextLine],
    readings: list[Reading],
    i: int,
    author: str | None,
    title_at: int | None,
) -> str | None:
    """Why an unused header line goes: a repeated byline, a role, a memo line, a second date."""
    reading, text = readings[i], lines[i].text
    if reading.shape in ("byline", "staff credit") or _same_name(text, author):
        return "byline"  # pages print the byline twice: in the header and over the text
    credit = CREDIT_FOR.match(text) if title_at is not None and i > title_at else None
    if credit and person_names(credit.group("names")):
        return "photo credit or caption"
    return {"role": "byline role", "memo": "memo line", "date": "date line"}.get(reading.shape)


def _runs(lines: Sequence[TextLine], candidates: list[int]) -> list[list[int]]:
    """Headline lines that follow one another with nothing but blank lines between."""
    runs: list[list[int]] = []
    for i in candidates:
        if runs and runs[-1][-1] == i - 1 and lines[i].after is None:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _deks(
    lines: Sequence[TextLine], readings: list[Reading], title_at: int, anchors: list[int]
) -> list[int]:
    """The lines under a title that sum it up: down to its byline or date, else its run."""
    below = [a for a in anchors if a > title_at]
    deks = []
    for i in range(title_at + 1, below[0] if below else len(readings)):
        if readings[i].shape == "salutation":
            break
        if not below and (readings[i].shape != "headline" or lines[i].after is not None):
            break
        # A name under the title is no dek, nor is a paragraph longer than a standfirst.
        if readings[i].shape not in ("label", "name") and word_count(lines[i].text) <= DEK_WORDS:
            deks.append(i)
    return deks


def _date_at(readings: list[Reading], title_at: int) -> int | None:
    """The article's date line: nearest the title, published before updated."""
    dates = [(abs(title_at - i), r.updated, i) for i, r in enumerate(readings) if r.shape == "date"]
    return min(dates)[2] if dates else None


def _author(
    lines: Sequence[TextLine], readings: list[Reading], date_at: int | None, used: set[int]
) -> tuple[str | None, set[int]]:
    """The byline's names, else a person's name on the line beside the date."""
    for i, reading in enumerate(readings):
        if reading.author and reading.shape in ("byline", "date"):
            return reading.author, {i}
    if date_at is None:
        return None, set()
    for i in (date_at + 1, date_at - 1):
        beside = 0 < i < len(lines) and i not in used and readings[i].shape in ("label", "name")
        if beside and (name := person_names(lines[i].text)) is not None:
            return name, {i}
    return None, set()


def _outlet(
    lines: Sequence[TextLine],
    readings: list[Reading],
    date_at: int | None,
    title_at: int | None,
    top: Reading | None,
    used: set[int],
) -> tuple[str | None, set[int]]:
    """The publication: by an aggregator's copy, the masthead, or a name above the title."""
    names = [
        i
        for i, r in enumerate(readings)
        if r.shape in ("label", "name") and i not in used and (i or not top)
        and not _is_section(lines[i].text)
    ]  # fmt: skip
    pages = [i for i, r in enumerate(readings) if r.shape == "date" and i != date_at]
    if date_at is not None and any(p < n < date_at for p in pages for n in names):
        # An aggregator's copy: its own name and date on top, the outlet's above the article's.
        upper = max(p for p in pages if p < date_at)
        return _spelling(lines, [n for n in names if upper < n < date_at])
    if top:
        return top.outlet, {0}
    above = title_at if title_at is not None else len(lines)
    if any(n < above for n in names):
        return _spelling(lines, [n for n in names if n < above])
    return _spelling(lines, names[:1])  # `Title / Example Gazette / By Jane Doe`


def _spelling(lines: Sequence[TextLine], names: list[int]) -> tuple[str | None, set[int]]:
    """The nearest name, in mixed case when the page prints it twice (logo and text)."""
    if not names:
        return None, set()
    nearest = lines[names[-1]].text
    same = [i for i in names[-2:] if lines[i].text.lower() == nearest.lower()]
    chosen = min(same, key=lambda i: (lines[i].text.isupper(), lines[i].text))
    return lines[chosen].text, {chosen}


def _same_name(text: str, author: str | None) -> bool:
    return author is not None and person_names(text) == author


def _is_chrome(line: str) -> bool:
    """Site furniture in a page header: short labels, capitals, pipes, no sentence."""
    return word_count(line) <= 5 or line.isupper() or "|" in line or not TERMINAL.search(line)
