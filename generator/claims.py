"""Claims that carry a number or a year, grouped by what they count, to show where sources differ.

A count claim is a number with the noun it counts (`more than 120 countries`, `212 million
pounds`), its qualifier kept (`more than`, `about`, `at least`). A year claim ties a year to a
thing (`the 2008 treaty`, `the 2010 Convention on Cluster Munitions`). Claims about the same
thing — the same unit, in sentences that share their words — form a group; a group whose values
differ is a discrepancy. No verdict: each figure is shown with its sentence; figures that can
all be true together (`more than 100`, `123`) are marked as compatible.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from generator.config import ClaimSubject
from generator.corroborate import content_words
from generator.grouping import connected, similar_pairs
from generator.model import Article, Claim, Discrepancy, Ref

QUALIFIERS = {
    "more than": "above", "over": "above", "at least": "from", "nearly": "below",
    "almost": "below", "up to": "upto", "fewer than": "below", "less than": "below",
    "about": "near", "around": "near", "roughly": "near", "approximately": "near", "some": "near",
}  # fmt: skip
WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
}  # fmt: skip
SCALES = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "bln": 1e9, "thousand": 1e3}
UNIT_ADJECTIVES = frozenset(
    "new other more additional small large major key senior separate different old young "
    "former further extra tiny".split()
)
NOT_UNITS = frozenset(
    "years year months month days day weeks week hours minutes percent of and or to in on at "
    "the a an for from with by is are was were".split()
)
TREATY_NOUNS = frozenset("treaty convention agreement accord pact deal".split())
_QUAL = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(WORD_NUMBERS)
COUNT = re.compile(
    rf"(?<![\w$£€.-])(?:(?P<qual>{_QUAL})\s+)?(?P<currency>[$£€])?(?P<num>{_NUM})"
    rf"(?P<scale>\s*(?:million|billion|thousand|bln|bn|m)\b)?"
    rf"(?P<percent>\s*(?:%|percent\b|per cent\b))?"
    rf"(?!\s*-?\s*year-old|\w|[-–/:])(?:\s+(?P<unit>(?-i:[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)))?",
    re.IGNORECASE,
)
RANGE = re.compile(
    rf"(?<![\w$£€.-])(?:between\s+)?(?P<low>{_NUM})\s*(?:-|–|to|and)\s*(?P<high>{_NUM})"
    rf"(?!\w|[-–/:])\s+(?P<unit>(?-i:[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?))",
    re.IGNORECASE,
)
YEAR_THING = re.compile(
    r"\b(?:[Tt]he|[Aa]|[Ii]ts|[Tt]heir)\s+(?P<year>(?:19|20)\d{2})\s+"
    r"(?P<thing>[A-Za-z][\w-]*(?:\s+(?:on|of)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?)"
)
AGE = re.compile(r"\baged\s+$|\bage\s+of\s+$", re.IGNORECASE)
MONTH_NAMES = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE
)
SHARED_WORDS = 2  # claims on one unit belong together when their sentences share this many words


@dataclass(frozen=True, slots=True)
class FoundClaim:
    claim: Claim
    unit: str
    low: float
    high: float
    words: frozenset[str]


def find_discrepancies(
    articles: tuple[Article, ...],
    subjects: tuple[ClaimSubject, ...] = (),
    claims: Sequence[Sequence[FoundClaim]] | None = None,
) -> tuple[Discrepancy, ...]:
    """Groups of claims about one thing whose values differ, in corpus order.

    `claims` are `claims_in` of each article, when they were kept from an earlier build.
    """
    if claims is None:
        claims = [claims_in(article) for article in articles]
    found = [c for in_article in claims for c in in_article]
    groups = _group(found)
    result = []
    for group in groups:
        values = {f.claim.value.lower() for f in group}
        if len(values) < 2:
            continue
        unit = group[0].unit
        subject = _subject(unit, group, subjects)
        compatible = max(f.low for f in group) <= min(f.high for f in group)
        result.append(Discrepancy(subject, tuple(f.claim for f in group), compatible))
    return tuple(result)


def claims_in(article: Article) -> tuple[FoundClaim, ...]:
    """Every count and year claim of an article, sentence by sentence."""
    found = []
    for paragraph in article.paragraphs:
        ref = Ref(article.slug, paragraph.id)
        for sentence in paragraph.sentences:
            text = sentence.text
            found += _counts(text, ref)
            found += _years(text, ref)
    return tuple(found)


def _counts(text: str, ref: Ref) -> list[FoundClaim]:
    found = []
    ranges = []
    for match in RANGE.finditer(text):  # "between 100 and 120 countries", "10-15 people"
        unit = _unit(match.group("unit"))
        low, high = (_number(match.group(g)) for g in ("low", "high"))
        if unit and not _is_year(match.group("low").lower()) and low < high:
            claim = Claim(text[match.start() : match.end("high")], text, ref)
            found.append(
                FoundClaim(claim, unit, low, high, content_words(text) - content_words(unit))
            )
            ranges.append((match.start(), match.end()))
    for match in COUNT.finditer(text):
        if any(start <= match.start("num") < end for start, end in ranges):
            continue
        number, unit = match.group("num").lower(), _unit(match.group("unit") or "")
        if match.group("percent"):
            unit = "percent"
        elif match.group("currency"):
            unit = {"$": "dollars", "£": "pounds", "€": "euros"}[match.group("currency")]
        if not unit or _is_year(number) or AGE.search(text[: match.start()]):
            continue
        if MONTH_NAMES.search(text[: match.start()]):  # "June 30": a date, not a count
            continue
        value = _number(number)
        value *= SCALES.get((match.group("scale") or "").strip().lower(), 1)
        qualifier = (match.group("qual") or "").lower()
        low, high = _interval(value, qualifier)
        shown = text[
            match.start() : match.end("scale") if match.group("scale") else match.end("num")
        ]
        if match.group("percent"):
            shown = text[match.start() : match.end("percent")]
        claim = Claim(shown.strip(), text, ref)
        words = content_words(text) - content_words(unit)
        found.append(FoundClaim(claim, unit, low, high, words))
    return found


def _number(text: str) -> float:
    text = text.lower()
    return float(WORD_NUMBERS[text]) if text in WORD_NUMBERS else float(text.replace(",", ""))


def _unit(phrase: str) -> str:
    """`new countries` stays two words; `countries have` is `countries`."""
    words = phrase.lower().split()
    if not words or words[0] in NOT_UNITS:
        return ""
    if words[0] in UNIT_ADJECTIVES:  # "two new countries"; "two senior U.S. officials" has none
        return " ".join(words[:2]) if len(words) > 1 else ""
    return words[0]


def _is_year(number: str) -> bool:
    return number.isdigit() and len(number) == 4 and 1900 <= int(number) <= 2099


def _years(text: str, ref: Ref) -> list[FoundClaim]:
    found = []
    for match in YEAR_THING.finditer(text):
        thing = match.group("thing")
        noun = thing.split()[0].lower()
        unit = "year of the treaty" if noun in TREATY_NOUNS else f"year of the {noun}"
        year = float(match.group("year"))
        claim = Claim(match.group("year"), text, ref)
        found.append(
            FoundClaim(claim, unit, year, year, content_words(text) - {match.group("year")})
        )
    return found


def _interval(value: float, qualifier: str) -> tuple[float, float]:
    kind = QUALIFIERS.get(qualifier)
    return {
        "above": (value + 1e-9, math.inf),
        "from": (value, math.inf),
        "below": (-math.inf, value),
        "upto": (-math.inf, value),
        "near": (value * 0.9, value * 1.1),
    }.get(kind or "", (value, value))


def _group(found: list[FoundClaim]) -> list[list[FoundClaim]]:
    """Claims on one unit whose sentences share enough words, joined transitively."""
    by_unit: dict[str, list[FoundClaim]] = defaultdict(list)
    for f in found:
        by_unit[f.unit].append(f)
    groups = []
    for claims in by_unit.values():
        pairs = (
            (i, j)
            for i, j, _ in similar_pairs([c.words for c in claims], SHARED_WORDS)
            if claims[i].claim.text != claims[j].claim.text
        )
        groups += [[claims[i] for i in g] for g in connected(len(claims), pairs) if len(g) > 1]
    return groups


def _subject(unit: str, group: list[FoundClaim], subjects: tuple[ClaimSubject, ...]) -> str:
    """The configured name for this unit and its words, else the unit itself."""
    words = set().union(*(f.words for f in group))
    for subject in subjects:
        if subject.unit == unit and (not subject.terms or words & set(subject.terms)):
            return subject.name
    return unit
