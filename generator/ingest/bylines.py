"""Bylines and the names in them: who wrote a piece, and what a byline says of the outlet.

`By Jane Doe and John Roe`, `ByJane Doe` (glued), `From Example's Jane Doe`, `From: President
Jane Doe`, `By Jane Doe, Staff Writer`, `By Jane Doe,  Example Staff`, `ByJane Doe ExampleNews
logo`. Titles before a name (`Dr.`, `Council Member`) come from nameparser's table; a byline
for a group (`By the Editorial Board`) names no person, so it gives no author.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from nameparser.config import CONSTANTS


@dataclass(frozen=True, slots=True)
class Byline:
    """The people a byline names (None for a group) and the outlet it names, if any."""

    author: str | None
    outlet: str | None = None


BYLINE_START = re.compile(
    r"^(?:(?:written |words |reporting |story |posted )?by\s*:?\s+|by(?=[A-ZÀ-Þ])"
    r"|(?:author|reporter|writer)s?\s*:\s*|from\s*:\s*|from\s+)",
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"^(?:the\s+)?(?P<outlet>.+?)['’]s\s+(?P<names>.+)$")
LOGO = re.compile(r"\s+(?P<outlet>\S+)\s+logo$", re.IGNORECASE)
STAFF = re.compile(r"^(?:by\s+)?(?P<outlet>\S.{0,40}?)\s+staff$", re.IGNORECASE)
# `of Example Wire`, `in Athens`: where the writers work, after their names.
OF_OUTLET = re.compile(r"\s+of\s+(?:the\s+)?(?P<outlet>[A-Z][^,]*)$")
IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*$")
# `and the markets team`, `with agencies`: who else worked on it, without a name.
TEAM = re.compile(r"\s+(?:and|with)\s+(?:the\s+)?(?:[a-z]\S*\s*)+$")
HANDLE = re.compile(r"\s*\(?(?:\S+@\S+\.\w+|@\w+)\)?")  # an address or handle after a name
GROUP_WORDS = frozenset("board staff team desk editors editorial newsroom committee".split())
ROLE = re.compile(
    r"^(?:[\w-]+\s+){0,3}(?:reporter|writer|correspondent|editor|columnist|contributor"
    r"|producer|journalist|critic|photographer|bureau chief)s?$",
    re.IGNORECASE,
)
# `Chief executive, Example Trust`: an author card's office and organisation, under the name.
OFFICE_AT = re.compile(r"^(?P<office>(?:[\w-]+\s+){0,3}[\w-]+),\s+[A-Z][^.!?]{1,60}$")
TERMINAL = re.compile(r"[.!?…:;\"”’')\]]$")
CONNECTORS = frozenset("of the and & for de du la le van der des di el al on in at y e".split())
# What comes before a person's name in a byline: `Dr.`, `President`, `Council Member`.
TITLES = frozenset(CONSTANTS.titles) | {"council", "city", "state", "deputy", "vice"}
PARTICLES = frozenset(CONSTANTS.prefixes)
NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")


def word_count(text: str) -> int:
    """Words in a line; Chinese and Japanese write none apart, so two characters count one."""
    words = len(text.split())
    if text.isascii() or (words > 1 and words * 12 > len(text)):
        return words  # spaced text: only a long run without spaces needs the count below
    wide = sum(1 for char in text if char.isalpha() and unicodedata.east_asian_width(char) == "W")
    return max(words, wide // 2)


def read_byline(text: str) -> Byline | None:
    """The byline a line (or a piece of one) gives, or None when it is no byline."""
    start = BYLINE_START.match(text)
    rest = HANDLE.sub("", text[start.end() :] if start else text).strip()
    outlet = None
    if possessive := POSSESSIVE.match(rest):
        rest, outlet = possessive.group("names"), possessive.group("outlet")
    if logo := LOGO.search(rest):
        rest, outlet = rest[: logo.start()], logo.group("outlet")
    names, *roles = [part.strip() for part in rest.split(",")]
    if not start and not (roles and all(ROLE.match(r) or STAFF.match(r) for r in roles)):
        return None  # without `By`, only `Jane Doe, Staff Writer` reads as a byline
    if roles and " and " in roles[-1]:
        names, roles = rest, []  # `Jane Doe, Jane Roe and John Poe`: a list of names
    for role in roles:
        if (staff := STAFF.match(role)) and not ROLE.match(role):
            outlet = staff.group("outlet")
    if of := OF_OUTLET.search(names):
        names, outlet = names[: of.start()], outlet or of.group("outlet")
    names = IN_PLACE.sub("", TEAM.sub("", names))
    if start and GROUP_WORDS & set(names.lower().split()):
        return Byline(None, outlet)
    author = person_names(names)
    return Byline(author, outlet) if author else None


def staff_outlet(text: str) -> str | None:
    """The outlet of a staff credit (`Example Staff`), else None."""
    match = STAFF.match(text)
    if match and is_name(match.group("outlet")) and not ROLE.match(text):
        return match.group("outlet")
    return None


def is_name(text: str, most: int = 6) -> bool:
    """A name in capitals: a site, a section, a person (`Example Gazette`, `NEWS 8`)."""
    words = text.split()
    if not 1 <= len(words) <= most or TERMINAL.search(text) or text.endswith(","):
        return False
    return all(
        word.lower() in CONNECTORS or word[0].isupper() or word[0].isdigit() for word in words
    ) and any(word[0].isupper() for word in words)


def person_names(text: str) -> str | None:
    """The people a byline names (`Dr. Jane Doe and John Roe`), titles dropped, else None."""
    parts = [p.strip() for p in re.split(r",|\s+and\s+|\s+&\s+", text.strip()) if p.strip()]
    names = [_person(part) for part in parts]
    found = [name for name in names if name]
    if not found or len(found) < len(names):
        return None
    return found[0] if len(found) == 1 else ", ".join(found[:-1]) + " and " + found[-1]


def _person(text: str) -> str | None:
    """One person's name without the titles before it (`Council Member`, `Dr.`), else None."""
    words = text.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    named = [w for w in words if not (w.islower() and w in PARTICLES)]  # `van der Berg`
    if not 2 <= len(named) <= 4 or not all(_name_word(word) for word in named):
        return None
    return " ".join(words)


def _name_word(word: str) -> bool:
    """`Jane`, `O'Brien`, `McAllister`, `J.`, or a prefixed surname like `al-Hassan`."""
    if not NAME_WORD.match(word):
        return False
    head, dash, rest = word.partition("-")
    return word[0].isupper() or (bool(dash) and f"{head}-" in PARTICLES and rest[:1].isupper())


def is_role(text: str) -> bool:
    """A line that gives a writer's job: `Politics Reporter`, `Chief executive, Example Trust`."""
    if ROLE.match(text):
        return True
    office = OFFICE_AT.match(text)
    return bool(office and office.group("office").split()[-1].lower() in TITLES)
