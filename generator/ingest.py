"""Read an article file: decode it, parse front matter, infer metadata, strip scraping junk.

Plain text is taken as scraped: an optional header zone (site chrome, outlet, date, byline,
headline) sits before the first body paragraph. Only what is visibly there is inferred; anything
else stays `None`. Every removed line is kept, with the rule that removed it, for the audit list.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import frontmatter
import ftfy
import yaml

from generator.exceptions import InputError
from generator.model import Block, Document, Removal

ARTICLE_SUFFIXES = (".txt", ".md")
LARGE = 2_000_000  # bytes; larger articles are read whole but slow the build, so say so
FRONT_MATTER_KEYS = ("title", "date", "outlet", "author", "slug")

# Each rule removes a whole line; the name is what the audit list shows as the reason.
JUNK_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("sponsor", r"^(?:sponsor(?:ed)?(?: content)?|advertisement|promoted|paid content)\b"),
        (
            "read-next teaser",
            r"^(?:read (?:next|more|also)|see also|also read|related(?: articles?| stories)?"
            r"|recommended|more on this(?: story)?|watch)\s*:",
        ),
        (
            "photo credit or caption",
            r"(?:photo(?:graph)?s?|image|picture)\s*(?:credit)?\s*:\s*\S|^credits?\s*:"
            r"|\((?:photo|image)s?\s+(?:by|credit)\b|^(?:photo|image)s?\s+by\b",
        ),
        (
            "live-blog promo",
            r"\blive\s?text\b|\blive (?:blog|updates|coverage)\b"
            r"|^follow (?:the |our )?(?:latest|live)",
        ),
        (
            "navigation crumb",
            r"^(?:back|top|topics?|home|menu|next|previous|prev|skip to (?:main )?content|search"
            r"|log ?in|sign (?:in|up)|subscribe|share(?: this)?|print|email|tweet|comments?)$"
            r"|^\w[\w ]{0,30}(?:\s[>»›]\s[\w ]{1,30})+$",
        ),
        ("lone number", r"^[#№]?\d+(?:\s*(?:/|of)\s*\d+)?$"),
        ("separator", r"^[\W_]+$"),
    )
)
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # Unicode category Cc, but the newline
IMAGE_MARKER = re.compile(r"^(?:[A-Za-z]*Img|Image|Photo|Video)\s*:(?=\S)")
LEADING_DATE = re.compile(r"^\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
BYLINE = re.compile(r"^by\s+(.+)$", re.IGNORECASE)
TERMINAL = re.compile(r"[.!?…:;\"”’')\]]$")
NAME_WORD = re.compile(
    r"^(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)*|[A-Z]\.|van|von|de|da|del|al|bin)$"
)

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
DATE_FORMATS = tuple(
    re.compile(_WEEKDAY + pattern, re.IGNORECASE)
    for pattern in (
        r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})",
        rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})",
        rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
    )
)


def read_article(path: Path, display_path: str, extra_junk: Iterable[str] = ()) -> Document:
    """Read one article file into a Document, raising InputError when it cannot be read."""
    data = read_bytes(path, display_path)
    return parse_article(data, display_path, path.suffix.lower() == ".md", extra_junk)


def read_bytes(path: Path, display_path: str) -> bytes:
    """A file's bytes, or InputError naming the file and why it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(display_path, f"cannot read file: {error.strerror}") from None


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
        front, text, raw_front, front_warnings = _split_front_matter(text, display_path)
        warnings += front_warnings
    rules = JUNK_RULES + tuple(("corpus rule", re.compile(p)) for p in extra_junk)
    document = parse_text(text, display_path, rules, markdown=markdown)
    if not document.blocks:
        what = "empty file" if not text.strip() else "no article text left after cleaning"
        raise InputError(display_path, f"{what}; nothing to cite")
    return _apply_front_matter(document, front, warnings, raw_front)


def decode(data: bytes, display_path: str) -> str:
    """Decode bytes in any common encoding: UTF-8 (BOM or not), UTF-16 with BOM, cp1252, Latin-1."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):  # fmt: skip
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    if _looks_binary(data):
        raise InputError(display_path, "not a text file (binary content)")
    data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if not sample:
        return False
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f")
    return controls / len(sample) > 0.1


def normalise(text: str) -> str:
    """Unify line ends and spaces, drop control characters, compose Unicode."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\t", " ").replace("\u00a0", " ").replace("\u200b", "")
    return CONTROL.sub("", text)


def _split_front_matter(
    text: str, display_path: str
) -> tuple[dict[str, object], str, str, list[str]]:
    """Front matter, body, the raw front matter (for line numbers) and warnings."""
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        return {}, text, "", []
    try:
        raw, body = handler.split(text)
    except ValueError:
        raise InputError(display_path, "front matter opened with --- is never closed", 1) from None
    try:
        metadata = yaml.safe_load(raw) or {}
    except yaml.YAMLError as error:
        # Where the bad construct opened, else where parsing failed; the raw text starts on ---.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(error, "problem", None) or "unreadable"
        raise InputError(
            display_path, f"front matter is not valid YAML ({problem})", line
        ) from None
    if not isinstance(metadata, dict):
        raise InputError(display_path, "front matter must be a mapping of keys to values", 2)
    warnings = [
        f"line {_key_line(raw, str(key))}: unknown front matter key {key!r} ignored "
        f"(known: {', '.join(FRONT_MATTER_KEYS)})"
        for key in metadata
        if key not in FRONT_MATTER_KEYS
    ]
    return metadata, body, raw, warnings


def _key_line(raw_front: str, key: str) -> int | None:
    """The file line of a front matter key (the raw text starts right after the opening `---`)."""
    for number, line in enumerate(raw_front.split("\n"), start=1):
        if line.split(":", 1)[0].strip() == key:
            return number
    return None


def _apply_front_matter(
    document: Document, front: dict[str, object], warnings: list[str], raw_front: str
) -> Document:
    values: dict[str, str | None] = {}
    for key in ("title", "outlet", "author", "slug"):
        if key in front:
            value = front[key]
            if not isinstance(value, str | int | float) or isinstance(value, bool):
                raise InputError(
                    document.source_path,
                    f"front matter {key!r} must be text, found {value!r}",
                    _key_line(raw_front, key),
                )
            values[key] = str(value).strip() or None
    if "date" in front:
        line = _key_line(raw_front, "date")
        values["date"] = _front_matter_date(front["date"], document.source_path, line)
    return Document(
        source_path=document.source_path,
        title=values.get("title", document.title),
        date=values.get("date", document.date),
        outlet=values.get("outlet", document.outlet),
        author=values.get("author", document.author),
        blocks=document.blocks,
        removed=document.removed,
        slug_hint=values.get("slug"),
        warnings=document.warnings + tuple(warnings),
    )


def _front_matter_date(value: object, display_path: str, line: int | None) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    parsed = parse_date(str(value)) if isinstance(value, str) else None
    if parsed is None:
        raise InputError(
            display_path,
            f"front matter 'date' must be a date like 2023-07-11, found {value!r}",
            line,
        )
    return parsed


def parse_date(text: str) -> str | None:
    """Read a whole-line date (`2023-06-30`, `11 Jul 2023`, `July 11, 2023`) as ISO, else None."""
    text = text.strip(" |,·•-")
    for pattern in DATE_FORMATS:
        match = pattern.fullmatch(text)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else MONTHS.get(parts["month"].lower())
        try:
            return dt.date(int(parts["year"]), month or 0, int(parts["day"])).isoformat()
        except ValueError:
            return None
    return None


def junk_reason(line: str, rules: Iterable[tuple[str, re.Pattern[str]]] = JUNK_RULES) -> str | None:
    """Name the junk rule a line matches, or None when the line is content."""
    stripped = line.strip()
    return next((name for name, rule in rules if rule.search(stripped)), None)


def parse_text(
    text: str,
    display_path: str,
    rules: tuple[tuple[str, re.Pattern[str]], ...] = JUNK_RULES,
    markdown: bool = False,
) -> Document:
    """Clean a decoded article and infer its metadata from what is visibly there."""
    removed: list[Removal] = []
    date = None
    match = LEADING_DATE.match(text)
    if match:
        date = match.group(1)
        removed.append(Removal(1, match.group(0).strip(), "date line"))
        text = text[match.end() :]

    lines: list[tuple[int, str | None]] = []  # (line number, text); None marks a blank line
    for number, raw in enumerate(text.split("\n"), start=1):
        line = " ".join(raw.split())
        if not line:
            lines.append((number, None))
        elif reason := junk_reason(line, rules):
            removed.append(Removal(number, line, reason))
        elif marker := IMAGE_MARKER.match(line):
            removed.append(Removal(number, marker.group(0), "image marker"))
            lines.append((number, line[marker.end() :]))
        else:
            lines.append((number, line))

    lines = _join_wrapped(lines)
    body_start = next((i for i, (_, line) in enumerate(lines) if line and _is_body(line)), None)
    if body_start is None:  # no long paragraph anywhere: at most a headline above short text
        texts = [i for i, (_, line) in enumerate(lines) if line]
        headline = texts[:1] if len(texts) > 1 and _is_headline(lines[texts[0]][1] or "") else []
        body_start = headline[0] + 1 if headline else 0
    header = [(number, line) for number, line in lines[:body_start] if line]
    meta, used = _read_header([line for _, line in header])
    # Only chrome-like header lines go; a short sentence above the first long one is text.
    unused = [(i, n, line) for i, (n, line) in enumerate(header) if i not in used]
    removed += [Removal(n, line, "page header") for _, n, line in unused if _is_chrome(line)]
    kept = [line for _, _, line in unused if not _is_chrome(line)]
    blocks = _blocks([*kept, *(line for _, line in lines[body_start:])], markdown)
    byline = BYLINE.match(blocks[0].text) if blocks and "author" not in meta else None
    if byline and _looks_like_name(byline.group(1)):
        meta["author"] = byline.group(1)
        byline_at = next(n for n, line in lines[body_start:] if line == blocks[0].text)
        removed.append(Removal(byline_at, blocks[0].text, "byline"))
        blocks = blocks[1:]
    removed.sort(key=lambda removal: removal.line)
    return Document(
        source_path=display_path,
        title=meta.get("title"),
        date=meta.get("date") or date,
        outlet=meta.get("outlet"),
        author=meta.get("author"),
        blocks=tuple(blocks),
        removed=tuple(removed),
    )


def _is_chrome(line: str) -> bool:
    """Site furniture in a page header: short labels, capitals, pipes, no sentence."""
    words = line.split()
    return len(words) <= 5 or line.isupper() or "|" in line or not TERMINAL.search(line)


def _is_body(line: str) -> bool:
    """A body paragraph: a dozen words or more with sentence punctuation."""
    return len(line.split()) >= 12 and bool(re.search(r"[.!?”\"]", line))


def _read_header(header: list[str]) -> tuple[dict[str, str], set[int]]:
    """Find headline, article date, outlet and author among the lines above the body.

    Returns the metadata and the indices of the lines it was read from.
    """
    meta: dict[str, str] = {}
    used: set[int] = set()
    titles = [i for i, line in enumerate(header) if _is_headline(line)]
    title_at = titles[-1] if titles else len(header)
    if titles:
        meta["title"] = header[title_at]
        used.add(title_at)
    for i, line in enumerate(header):
        if (byline := BYLINE.match(line)) and _looks_like_name(byline.group(1)):
            meta["author"] = byline.group(1)
            used.add(i)
            break
    # The article's own date sits nearest the headline; an aggregator's page date sits higher up.
    dates = sorted((abs(title_at - i), i) for i, line in enumerate(header) if parse_date(line))
    if not dates:
        return meta, used
    date_at = dates[0][1]
    meta["date"] = parse_date(header[date_at]) or ""
    used.add(date_at)
    for i in (date_at + 1, date_at - 1):
        if (
            "author" not in meta
            and i not in used
            and 0 <= i < len(header)
            and _looks_like_name(header[i])
        ):
            meta["author"] = header[i]
            used.add(i)
            break
    outlet_at = [i for i in range(date_at - 1, -1, -1) if i not in used and _is_outlet(header[i])]
    if outlet_at:
        # Sites print their name twice (logo and text): prefer the mixed-case spelling.
        first = header[outlet_at[0]].lower()
        spellings = [i for i in outlet_at[:2] if header[i].lower() == first]
        chosen = min(spellings, key=lambda i: (header[i].isupper(), header[i]))
        meta["outlet"] = header[chosen]
        used.add(chosen)
    return meta, used


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words) <= 25
        and not BYLINE.match(line)
        and not line.isupper()
        and not line.endswith(".")
        and parse_date(line) is None
        and "|" not in line
    )


def _is_outlet(line: str) -> bool:
    return 1 <= len(line.split()) <= 4 and not re.search(r"[\d|:,.!?]", line) and line[0].isupper()


def _looks_like_name(text: str) -> bool:
    words = text.replace(" and ", " ").split()
    return 2 <= len(words) <= 5 and all(NAME_WORD.match(word) for word in words)


def _join_wrapped(lines: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
    """Join a hard-wrapped line to the one before when that one ends mid-sentence."""
    joined: list[tuple[int, str | None]] = []
    for number, line in lines:
        previous = joined[-1][1] if joined else None
        if line and previous and not TERMINAL.search(previous) and line[:1].islower():
            joined[-1] = (joined[-1][0], f"{previous} {line}")
        else:
            joined.append((number, line))
    return joined


def _blocks(lines: list[str | None], markdown: bool) -> list[Block]:
    """Sort logical lines into paragraphs and in-text section headings."""
    blocks: list[Block] = []
    for line in lines:
        if line is None:
            continue
        heading = _heading_text(line, markdown)
        blocks.append(
            Block("heading", heading) if heading is not None else Block("paragraph", line)
        )
    while blocks and blocks[-1].kind == "heading":
        blocks.pop()  # a heading with nothing under it is page chrome
    return blocks


def _heading_text(line: str, markdown: bool) -> str | None:
    if markdown and (match := re.match(r"^#{1,6}\s+(.*?)\s*#*$", line)):
        return match.group(1) or None
    letters = [c for c in line if c.isalpha()]
    words = line.split()
    if 2 <= len(words) <= 20 and letters and line.isupper() and not line.endswith("."):
        return line
    return None
