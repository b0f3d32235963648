"""Dates as pages print them: a date line above the article, or a press release's dateline.

`dateparser` reads the date itself (month names in any language, times, zones, weekdays); the
code here only cuts away what pages put around it ("Posted", "Updated", a place) and refuses
what a careful reader could not settle either: no year, no day, or `03/04/2022`.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from dateparser.date import DateDataParser

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

# What a page writes before its date; the date line is still a date line without it.
LABEL = re.compile(
    r"^(?:(?:first |last |originally )?(?:posted|published|updated|modified|edited|dated?)"
    r"(?:\s+(?:on|at))?\s*:?\s*|on\s+)",
    re.IGNORECASE,
)
UPDATED = re.compile(r"^(?:last )?(?:updated|modified|edited)\b", re.IGNORECASE)
YEAR = re.compile(r"(?<!\d)(?:1[89]|2\d)\d\d(?!\d)")
# `03/04/2022`: March 4 or 3 April; only a day above 12 settles it.
NUMERIC = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}\b")
# A press release's opening: `WICHITA, Kan., March 11, 2024 — ` (place, date, dash).
DATELINE = re.compile(r"^[^\W\d_][^—–]{0,60}?,\s+(?P<date>[^,—–]{3,25}?,?\s+\d{4})\s*(?:—|–|--)")
PLACE = re.compile(r"^([^,]{2,40}),\s+")  # `Valencia, `: a dateline's place, before its date
MAX_LENGTH = 60  # characters; a longer line is a sentence that mentions a date
MONTH = re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.I)
NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{4}\s+\d{1,2}\s+\d{1,2}")


@cache
def _parser(english: bool) -> DateDataParser:
    """One parser per process and kind: building one loads its language data."""
    settings = {
        # Day, month and year must all be printed: no date is completed from today's.
        "REQUIRE_PARTS": ["day", "month", "year"],
        "STRICT_PARSING": True,
        "RELATIVE_BASE": dt.datetime(2000, 1, 1),
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=["en"] if english else None, settings=settings)


@lru_cache(maxsize=4096)
def parse_date(text: str) -> str | None:
    """Read a whole-line date (`2023-06-30`, `11 Jul 2023`, `Posted Mar 3, 2022 9:15 AM CST`)."""
    text = LABEL.sub("", text.strip(" |,·•-–—[]()")).strip(" |,·•")
    if not 6 <= len(text) <= MAX_LENGTH or not YEAR.search(text):
        return None
    if (numeric := NUMERIC.search(text)) and _ambiguous(numeric):
        return None
    found = _read(text)
    if found is None and (place := PLACE.match(text)) and _is_place(place.group(1)):
        found = _read(text[place.end() :])  # `Valencia, 21 August 2024`: a dateline on its own
    return found


def is_update(text: str) -> bool:
    """Whether a date line gives when the article was updated rather than published."""
    return bool(UPDATED.match(text.strip(" |[(")))


def dateline_date(paragraph: str) -> str | None:
    """The date of a release's dateline (`ATHENS, September 8, 2023 — …`), else None."""
    match = DATELINE.match(paragraph)
    return parse_date(match.group("date")) if match else None


def _read(text: str) -> str | None:
    if not YEAR.search(text):
        return None
    if text.isascii() and not (MONTH.search(text) or NUMERIC_DATE.search(text)):
        return None  # `© 2024 Example`: a year without a month is no date, so skip the parser
    parsed = _parser(english=True).get_date_data(text).date_obj
    if parsed is None and not text.isascii():
        # Trying every language is slow; only a line with letters beyond ASCII needs it.
        parsed = _parser(english=False).get_date_data(text).date_obj
    return parsed.date().isoformat() if parsed else None


def _is_place(text: str) -> bool:
    words = text.split()
    return len(words) <= 4 and all(word[0].isupper() and not word[0].isdigit() for word in words)


def _ambiguous(match: re.Match[str]) -> bool:
    first, second = int(match.group(1)), int(match.group(2))
    return first != second and first <= 12 and second <= 12
