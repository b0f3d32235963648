"""Boilerplate a page puts around an article, and the named rule that removes each line.

A rule describes the shape of a line ("Advertisement", a share bar, `© 2024 …`) or of a short
run of lines (a list under "Related stories", a contact block, a caption above its credit); it
never names a site. Every removed line is kept with its rule's name for the audit list, so a
line leaves the text only when a rule says why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.ingest.bylines import person_names
from generator.ingest.dates import parse_date
from generator.ingest.header import DATE_LINE_WORDS, segments

Rule = tuple[str, re.Pattern[str]]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the file: its number, its text with spaces collapsed, and as it was."""

    number: int
    text: str  # "" for a blank line
    raw: str = ""


def _short(words: int) -> str:
    """A look-ahead that holds, at the start of a line, on lines of at most `words` words."""
    return rf"(?=(?:\S+\s+){{0,{words - 1}}}\S+$)"


_SHARE_ITEM = (
    r"(?:share(?: this(?: \w+){0,2}| on \w+| via \w+)?|tweet|e-?mail(?: this(?: \w+)?)?"
    r"|print(?: this(?: \w+)?)?|copy(?: the)? link|link copied|facebook|x|twitter|whatsapp"
    r"|linkedin|reddit|pinterest|telegram|messenger|instagram|threads|bluesky|flipboard"
    r"|gift(?: this)? article|save(?: for later)?)"
)
_MENU_ITEM = r"\s*[^\s|.!?]+(?:\s+[^\s|.!?]+){0,3}\s*"
_CAPITALISED = r"(?-i:[A-Z][\w'’&.-]*)"
_NAMES = rf"{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,3}}"  # `Kara Lindgren` of `Kara Lindgren/Agency`

# Each rule removes a whole line; the name is what the audit list shows as the reason. The first
# rule that matches names it, so narrower shapes come before wider ones.
JUNK_RULES: tuple[Rule, ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        (
            "sponsor",
            r"^(?:sponsor(?:ed)?(?: content)?|advertisement|advertising|promoted|paid (?:content"
            r"|post)|partner content)\b|^(?:the )?(?:article|story) continues (?:after|below)\b",
        ),
        ("page kind", r"^(?:for immediate release|(?:press|news|media) release|memorandum|memo)$"),
        ("end marker", r"^(?:#{3,}|-\s*ends?\s*-|-\s*30\s*-|ends?)$"),
        (
            "read-next teaser",
            r"^(?:read (?:next|more|also)|see also|also read|related(?: articles?| stories"
            r"| coverage| content)?|recommended|more on this(?: story)?|watch(?: next| now| more)?"
            r"|up next|more from [^:]{1,40})\s*:",
        ),
        (
            "photo credit or caption",
            r"(?:photo(?:graph)?s?|image|picture|illustration|graphic)\s*(?:credit|source)?\s*:\s*\S"
            r"|^(?:credits?|caption)\s*:|^(?:image|photo|slide)\s+\d+\s+(?:of|/)\s+\d+$"
            r"|\((?:photo|image)s?\s+(?:by|credit)\b|^(?:photo|image)s?\s+by\b"
            r"|[.!?]\s+(?:photo|image|picture)s?\s+by\s+\S|\b(?:photo|image)s?\s*/\s*\S"
            rf"|^{_NAMES}\s*/\s*{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,4}}$"
            rf"|^{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}}\s+(?:images|photos?|pictures)$"
            r"|\((?:[^()]{1,40}\s)?(?:photo|file photo|pool photo|image|picture|photograph)s?\)$"
            rf"|[.!?]\s+(?:{_CAPITALISED}\s+){{1,3}}for\s+(?:the\s+)?{_CAPITALISED}"
            rf"(?:\s+{_CAPITALISED}){{0,5}}$",
        ),
        ("video caption", r"^(?:video|audio)\s*:|^\(?\d{1,2}:\d{2}\)$"),
        (
            "social embed",
            r"\bpic\.twitter\.com/\S+|^[—–-]\s*.{1,60}\(@\w+\)\s+\w+\.? \d{1,2},? \d{4}$",
        ),
        ("tags", r"^(?:tags|topics|filed under|categories|keywords)\s*:"),
        (
            "source line",
            r"^source\s*:\s*\S|^(?:this (?:article|story|piece) )?(?:was )?(?:originally"
            r"|first) (?:published|appeared)\b",
        ),
        (
            "copyright",
            r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b|^" + _short(15) + r".*©\s*\d{4}",
        ),
        (
            "live-blog promo",
            r"\blive\s?text\b|^follow (?:the |our )?(?:latest|live)"
            r"|^(?:follow|read|watch) (?:the |our )?live (?:blog|updates|coverage)\b",
        ),
        (
            "live-blog marker",
            r"^(?:live(?: updates| coverage| blog)?|watch live|pinned(?: post)?|breaking(?: news)?"
            r"|just in|latest updates|key events|show key events(?: only)?"
            r"|(?:show|load|see) (?:latest|more|new|all)(?: updates| posts)?)$",
        ),
        (
            "time stamp",
            r"^(?:(?:first |last )?(?:updated|published|posted|modified)(?: on| at)?:?\s*)?"
            r"(?:[a-z]{3,9}\.? \d{1,2},? (?:at )?)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?"
            r"(?:\s+[a-z]{2,5})?$|^\d+\s*(?:m|min|h|hr|d)\s+ago$"
            # `Updated March 3`, `Published 2 hours ago`: when, without a year to date it by
            r"|^(?:first |last )?(?:updated|published|posted|modified)\b(?!\s+by\b)"
            r"(?!.*\b(?:1[89]|20)\d\d\b).{0,40}$"
            r"|^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday)$",
        ),
        ("audio player", r"^listen to (?:this|the) (?:article|story)\b|^\d+\s*min(?:ute)?s? read$"),
        (
            "newsletter sign-up",
            "^" + _short(25) + r"(?:sign[ -]?up\b|subscribe\b|.*\bin your inbox\b"
            r"|enter your e-?mail\b|get (?:the|our) .{0,50}\bnewsletter\b"
            r"|(?=.*\b(?:sign[ -]?up|subscribe|get|receive)\b)"
            r".*\b(?:newsletters?|briefing|digest|bulletin|news alerts)\b)",
        ),
        (
            "donation appeal",
            "^" + _short(25) + r"(?:donate\b|.*\bdonate (?:today|now)\b"
            r"|support (?:local |independent |our |quality )?journalism\b"
            r"|.*\bbecome an? (?:\S+ ){0,2}(?:member|subscriber|supporter|donor)\b"
            r"|.*\bsupported by (?:listeners|readers|viewers|members) like you\b)",
        ),
        (
            "social handle",
            r"^@[\w.]+$|^" + _short(15) + r"(?:find|like|join|connect with) us (?:on|at)\b"
            r"|^" + _short(15) + r"follow\b(?=.*(?:@\w|\b(?:on|us)\s+(?:x|twitter|instagram"
            r"|facebook|linkedin|tiktok|threads|bluesky|youtube|mastodon)\b))",
        ),
        ("app promo", r"^(?:download|get) (?:the|our) .{0,40}\bapp\b"),
        (
            "contact line",
            r"^(?:(?:media|press|news media)\s+)?(?:contacts?|enquiries|inquiries)\s*:"
            r"|^\+?\(?\d[\d\s().-]{6,}\d$"
            r"|^" + _short(15) + r".*\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
            r"|^" + _short(15) + r".*\b\d+\s+\w+(?:\s+\w+)?\s+(?:street|st|avenue|ave|road|rd"
            r"|drive|dr|boulevard|blvd|lane|way|place|square|plaza)\b.*\b\d{4,5}\b",
        ),
        ("letters invitation", r"^(?:submit|send(?: us)?|write) (?:a |your )?letters?\b"),
        (
            "opinion disclaimer",
            r"\bviews expressed\b|\breflects? the views of\b"
            r"|\b(?:views|opinions) (?:are|is) (?:the author's|the writer's|her|his|their) own\b"
            r"|\bare (?:the author's|the writer's|her|his|their) own\b|\bis not affiliated with\b",
        ),
        (
            "contributor note",
            "^" + _short(20) + r"(?:.*\b(?:contributed|added) (?:reporting|to this (?:report"
            r"|story|article))\b|\(?(?:with )?(?:additional )?reporting (?:by|from)\b"
            r"|\(?edit(?:ing|ed) by\b)",
        ),
        (
            "update note",
            r"^this (?:list|story|article|page|post|blog|live blog) (?:will be|is being|has been"
            r"|was|may be) updated\b|^this is a (?:developing|breaking) story\b",
        ),
        (
            "legal notice",
            r"^(?:forward-looking statements?|safe harbou?r statement)\b"
            r"|\bcontains? forward-looking statements?\b|\bsummary of product characteristics\b"
            r"|\b(?:full )?prescribing information\b",
        ),
        ("attachment", r"^(?:attachments?|enclosures?|download(?: the)? (?:pdf|report))\s*:"),
        ("audio promo", r"^(?:listen(?: back| again| now| live)?|hear (?:more|the full))\s*:"),
        ("lone number", r"^[#№]?\d+(?:\s*(?:/|of)\s*\d+)?$"),
        (
            "navigation crumb",
            r"^(?:back|top|back to top|topics?|home|menu|next|previous|prev|search|register"
            r"|skip to (?:main )?content|log ?in|sign (?:in|up)|subscribe|my account"
            r"|share(?: this)?|print|email|tweet|comments?|(?:view|show|load) comments"
            r"|\d+ comments?|comments? \(\d+\)|join the (?:discussion|conversation)"
            r"|leave a (?:comment|reply)|like this:?|(?:like )?loading\W*"
            r"|(?:previous|next|older|newer) (?:post|article|story)s?)$"
            r"|^[^\s>»›/|.!?][^>»›/|.!?]{0,40}(?:\s[>»›/]\s[^>»›/|.!?]{1,40})+$",
        ),
        ("site menu", rf"^(?!by\b|from\b){_MENU_ITEM}(?:\|{_MENU_ITEM})+$"),
        (
            "share bar",
            rf"^(?:share\s*:\s*)?{_SHARE_ITEM}(?:\s*[|·•,/]?\s*{_SHARE_ITEM})*(?:\s*:)?$",
        ),
        ("separator", r"^[\W_]+$"),
    )
)
# A menu copied from a page keeps its wide gaps: `News   Politics   Arts   Donate`.
SPACED_MENU = re.compile(r"^\S+(?: \S+){0,2}(?: {2,}\S+(?: \S+){0,2}){2,}$")
BULLET = re.compile(r"^(?:[•▪·*–—-]|\d{1,2}[.)])\s+\S")
TERMINAL = re.compile(r"[.!?…:;\"”’')\]]$")
RELATED_HEADING = re.compile(
    r"^(?:related(?: stories| coverage| articles| content| links| reading| topics| news)?"
    r"|read (?:more|next|also)|also read|see also|further reading|explore more"
    r"|editor'?s picks|popular(?: now)?|(?:latest|top) (?:news|stories|headlines)"
    r"|more (?:on this story|from .{1,40}|in \w+(?: \w+){0,2}|\w+(?: \w+)? news|coverage|stories"
    r"|opinion)"
    r"|most (?:read|popular|viewed|shared)|watch next|up next|you (?:may|might) also like"
    r"|recommended(?: for you)?|trending(?: now)?)\s*:?$",
    re.IGNORECASE,
)
KEY_POINTS = re.compile(r"^(?:key (?:points|takeaways|facts)|at a glance|highlights)\s*:?$", re.I)
CONTACT_HEADING = re.compile(
    r"^(?:(?:(?:media|press|news media)\s+)?(?:contacts?|enquiries|inquiries)"
    r"|for (?:more|further) information(?:,? (?:please )?contact)?)\s*:?$",
    re.IGNORECASE,
)
NOTES_HEADING = re.compile(r"^notes? (?:to|for) editors?\s*:?$", re.IGNORECASE)
ABOUT_HEADING = re.compile(r"^about\s+\S.{0,60}$", re.IGNORECASE)
AUTHOR_NOTE = re.compile(r"^about the authors?$", re.IGNORECASE)
LEGAL_HEADING = re.compile(r"^(?:forward-looking statements?|safe harbou?r statement)\s*:?$", re.I)
CREDIT = re.compile(r"^(?:photo(?:graph)?s?|image|picture)\s*(?:credit)?\s*:\s*\S", re.IGNORECASE)
# `Jane Doe for Example Wire`: a photographer's credit, said of the caption above it.
CREDIT_FOR = re.compile(
    rf"^((?:{_CAPITALISED}\s+){{1,3}})for\s+(?:the\s+)?{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,5}}$",
    re.IGNORECASE,
)
NAME_SLASH = re.compile(rf"^{_NAMES}\s*/\s*{_CAPITALISED}")  # `Jane Doe/Example Agency`
# `… in Washington. NTSB`: a caption that ends in the agency that took the picture.
CREDIT_TAIL = re.compile(
    r"(?P<word>[\w’']+)\.\s+(?-i:[A-Z][\w&/-]*)(?:\s+(?-i:[A-Z][\w&/-]*)){0,2}$"
)
# Words that end in a period without ending a sentence: `Gov. Jane Doe` is no credit.
ABBREVIATIONS = frozenset(
    "mr mrs ms mx dr prof st jr sr rep sen gen lt col maj capt sgt adm gov pres amb sec no vs "
    "inc corp co ltd".split()
)
QUOTES = '"“”‘'
FOOTER = frozenset({"copyright", "related links", "source line", "social handle"})
MASTHEAD_LOOKALIKES = frozenset({"site menu"})  # `HVPR | Hudson Valley Public Radio`


def junk_reason(line: str, rules: Iterable[Rule] = JUNK_RULES) -> str | None:
    """Name the junk rule a line matches, or None when the line is content."""
    stripped = line.strip().strip("*_").strip()
    return next((name for name, rule in rules if rule.search(stripped)), None)


def find_junk(lines: list[Line], rules: tuple[Rule, ...]) -> dict[int, str]:
    """The index of every boilerplate line, with the name of the rule that removes it."""
    found: dict[int, str] = {}
    first = next((i for i, line in enumerate(lines) if line.text), None)
    for i, line in enumerate(lines):
        if not line.text or _dated(line.text):
            continue  # a date line is the header's to read, whatever else it holds
        reason = junk_reason(line.text, rules)
        if reason is None and SPACED_MENU.match(line.raw.strip()):
            reason = "site menu"
        if reason in MASTHEAD_LOOKALIKES and i == first:
            continue  # the masthead (`HVPR | Hudson Valley Public Radio`); the header reads it
        if reason:
            found[i] = reason
    release = any(reason in ("page kind", "end marker") for reason in found.values())
    for rule in SECTION_RULES:
        for i, reason in rule(lines, found, release).items():
            found.setdefault(i, reason)
    return found


def _dated(text: str) -> bool:
    return len(text.split()) <= DATE_LINE_WORDS and any(parse_date(p) for p in segments(text))


def _block_after(lines: list[Line], i: int, skip_blank: bool = False) -> list[int]:
    """The lines after line `i` up to the next blank line (past one blank line if asked)."""
    j = i + 1
    if skip_blank and j < len(lines) and not lines[j].text:
        j += 1
    block = []
    while j < len(lines) and lines[j].text:
        block.append(j)
        j += 1
    return block


def _previous(lines: list[Line], i: int) -> int | None:
    """The line right above line `i`, when it is not blank."""
    return i - 1 if i > 0 and lines[i - 1].text else None


def _related_lists(lines: list[Line], found: dict[int, str], release: bool) -> dict[int, str]:
    """A "Related stories" or "Most read" heading and the headlines listed under it."""
    removed: dict[int, str] = {}
    for i, line in enumerate(lines):
        if not RELATED_HEADING.match(line.text.strip("*_ ")):
            continue
        removed[i] = "related links"
        for j in _block_after(lines, i, skip_blank=True):
            text = lines[j].text
            words = len(text.split())
            listed = BULLET.match(text) and words <= 40
            if not (listed or j in found or (words <= 20 and not text.endswith("."))):
                break
            removed[j] = "related links"
    return removed


def _key_points(lines: list[Line], found: dict[int, str], release: bool) -> dict[int, str]:
    """A "Key points" box: bullets that sum up the text below them."""
    removed: dict[int, str] = {}
    for i, line in enumerate(lines):
        if not KEY_POINTS.match(line.text):
            continue
        bullets = []
        for j in _block_after(lines, i, skip_blank=True):
            if not BULLET.match(lines[j].text):
                break
            bullets.append(j)
        if bullets:
            removed.update(dict.fromkeys([i, *bullets], "key points box"))
    return removed


def _trailing_sections(lines: list[Line], found: dict[int, str], release: bool) -> dict[int, str]:
    """A contact block, a legal notice, a release's "About <Org>" paragraph under its heading."""
    removed: dict[int, str] = {}
    for i, line in enumerate(lines):
        text = line.text
        if CONTACT_HEADING.match(text):
            reason = "contact block"
            block = [j for j in _block_after(lines, i) if len(lines[j].text.split()) <= 12]
        elif LEGAL_HEADING.match(text):
            reason, block = "legal notice", _block_after(lines, i)
        elif NOTES_HEADING.match(text):
            reason, block = "notes to editors", _block_after(lines, i, skip_blank=True)
        elif AUTHOR_NOTE.match(text) or (
            release and ABOUT_HEADING.match(text) and not TERMINAL.search(text)
        ):
            reason, block = "about boilerplate", _block_after(lines, i)
        else:
            continue
        removed.update(dict.fromkeys([i, *block], reason))
    return removed


def _newsletter_boxes(lines: list[Line], found: dict[int, str], release: bool) -> dict[int, str]:
    """The name of a newsletter right above its sign-up line (`Get the Markets Wrap`)."""
    removed: dict[int, str] = {}
    for i in sorted(found):
        above = _previous(lines, i)
        if found[i] != "newsletter sign-up" or above is None or above in found:
            continue
        text = lines[above].text
        if len(text.split()) <= 8 and not TERMINAL.search(text):
            removed[above] = "newsletter sign-up"
    return removed


def _captions(lines: list[Line], found: dict[int, str], release: bool) -> dict[int, str]:
    """A photo caption: the line above its credit, or one that ends in its credit."""
    removed: dict[int, str] = {}
    for i, line in enumerate(lines):
        text = line.text
        if not text or (i in found and found[i] != "photo credit or caption"):
            continue
        credit = (CREDIT.match(text) or NAME_SLASH.match(text)) and len(text.split()) <= 12
        credit_for = i not in found and CREDIT_FOR.match(text)
        above = _previous(lines, i)
        if (credit or credit_for) and above is not None and _is_caption(lines, above, found):
            removed[above] = "photo caption"
            if credit_for:
                removed[i] = "photo credit or caption"
        elif credit_for and (above is None or above in found) and person_names(credit_for[1]):
            removed[i] = "photo credit or caption"  # the credit of a picture left out of the paste
        elif i not in found and _ends_in_credit(text):
            removed[i] = "photo credit or caption"
    return removed


def _is_caption(lines: list[Line], i: int, found: dict[int, str]) -> bool:
    """A caption is one short sentence standing alone, under page furniture or a blank line."""
    text = lines[i].text
    if i in found or not text.endswith(".") or len(text.split()) > 40:
        return False
    if any(mark in text for mark in QUOTES) or text.lower().startswith(("by ", "from ")):
        return False
    above = _previous(lines, i)
    # A paragraph of a file that leaves no blank lines between paragraphs is no caption.
    return above is None or above in found or _dated(lines[above].text)


def _ends_in_credit(text: str) -> bool:
    words = text.split()
    match = CREDIT_TAIL.search(text)
    return bool(
        match
        and 5 <= len(words) <= 40
        and not any(mark in text for mark in QUOTES)
        and len(match.group("word")) > 1
        and match.group("word").lower() not in ABBREVIATIONS
    )


def _footer_credits(lines: list[Line], found: dict[int, str], release: bool) -> dict[int, str]:
    """A wire's or agency's name on its own line at the foot of the text (`Example Wire`),
    right above the page's footer, with nothing but page furniture after it."""
    removed: dict[int, str] = {}
    texts = [i for i, line in enumerate(lines) if line.text]
    for position, i in enumerate(texts):
        words = lines[i].text.split()
        after = texts[position + 1 :]
        if (
            i not in found
            and 1 <= len(words) <= 4
            and all(w[:1].isupper() for w in words)
            and not TERMINAL.search(lines[i].text)
            and after
            and found.get(after[0]) in FOOTER
            and all(j in found for j in after)
        ):
            removed[i] = "footer credit"
    return removed


SECTION_RULES: tuple[Callable[[list[Line], dict[int, str], bool], dict[int, str]], ...] = (
    _related_lists,
    _key_points,
    _trailing_sections,
    _newsletter_boxes,
    _captions,
    _footer_credits,
)
