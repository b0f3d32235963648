"""Split a run of capitalised words into the role in front and the person's name.

"House Minority Whip Jane Doe" is the role "House Minority Whip" and the name "Jane Doe";
"While Doe" is the name "Doe"; "Chief Operating Officer John Roe" is "John Roe", whose role is
"Chief Operating Officer". Title words come from `nameparser` (some 800 English titles and
offices) plus the few it lacks that news copy uses. Names keep their inner capitals, apostrophes,
hyphens, accents and particles: McAllister, O'Brien, DeSantis, van der Berg, al-Hassan, Núñez.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from generator import lexicon as lx

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
# One capitalised word of a name: Jane, O'Brien, McAllister, DeSantis, Smith-Jones, al-Hassan.
NAME_WORD = (
    rf"(?:(?:al|el|Al|El)-)?[{UPPER}](?:[’'][{UPPER}][{LOWER}]+|[{LOWER}]{{1,2}}[{UPPER}][{LOWER}]+"
    rf"|[{LOWER}]+)(?:-[{UPPER}][{LOWER}]+)*"
)
PARTICLES = "van|von|der|den|de|del|della|di|da|du|la|le|bin|ibn|al|ter|ten|dos|das|bint"
PARTICLE_WORDS = frozenset(PARTICLES.split("|"))
# A title abbreviated with a dot: "Gov.", "Sen.", "Lt.", "Dr.".
ABBREVIATION = r"(?:[A-Z][a-z]{0,4}\.)"


@cache
def title_words() -> frozenset[str]:
    """Lower-case words that name an office or an honorific, without dots."""
    from nameparser.config import CONSTANTS

    titles = frozenset(t.replace(".", "") for t in CONSTANTS.titles) - lx.NOT_TITLES
    return titles | lx.EXTRA_TITLES


@cache
def run_pattern() -> re.Pattern[str]:
    """A run of capitalised words, initials, acronyms and title abbreviations, with particles."""
    word = rf"(?:(?:[A-Z]\.){{2,}}|{ABBREVIATION}|{NAME_WORD}|[A-Z]{{2,6}}(?![{LOWER}]))"
    gap = rf"[ \t]+(?:(?:{PARTICLES}|(?:of|for)(?:[ \t]+the)?)[ \t]+){{0,2}}"
    return re.compile(rf"(?<![\w’'.-]){word}(?:{gap}{word}){{0,8}}(?![\w-])(?![’'][{UPPER}])")


@dataclass(frozen=True, slots=True)
class Split:
    """A capitalised run cut into a role and a name, with the name's offsets in the text."""

    role: str | None
    name: str
    start: int
    end: int
    affiliated: bool = False  # "John Roe of Example Brothers": a person and where they work
    rest: int | None = None  # where a second titled name in the same run begins


def is_title(word: str) -> bool:
    """An office or honorific; of a hyphenated one ("Secretary-General"), any part."""
    plain = word.replace(".", "").lower()
    return plain in title_words() or (
        "-" in plain and any(part in title_words() for part in plain.split("-"))
    )


def split_run(text: str, start: int, end: int) -> Split | None:
    """The role and the name in `text[start:end]`, or None when no name is left.

    The role runs up to the last title word that still has a name after it; leading clause
    words ("While", "But") and trailing ones ("Monday") are not part of the name.
    """
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    words = _cut_at_sentence_end(text, words)
    if not words:
        return None
    a, b = words[-1]
    if text[b - 1] == "." and not is_title(text[a:b]) and not _is_initial(text[a:b]):
        words[-1] = (a, b - 1)  # the full stop after the sentence's last word
    while words and _not_name(text[words[0][0] : words[0][1]]):
        words.pop(0)
    while words and (
        _not_name(text[words[-1][0] : words[-1][1]]) or is_suffix(text[words[-1][0] : words[-1][1]])
    ):
        words.pop()  # "Monday", and post-nominals: "Jane Doe MP", "John Roe Jr."
    if not words:
        return None
    # The role ends at the last title word before the name.
    cut = -1
    for i, (a, b) in enumerate(words[:-1]):
        if is_title(text[a:b]):
            cut = i
    # "of"/"for" join an office to its field ("Minister for Health") or a name to a place.
    of = next((i for i, (a, b) in enumerate(words) if text[a:b] in ("of", "for")), None)
    affiliated, rest = False, None
    head_cut = max(
        (i for i, (a, b) in enumerate(words[: (of or 0) - 1]) if is_title(text[a:b])), default=None
    )
    if of is not None and head_cut is not None:
        # "Sen. Jane Roe of Gov. Tom Doe's plan", "Sen. Jane Doe of Ohio": a titled name ends
        # before "of"; what follows is read again when a title opens it.
        if of + 1 < len(words) and is_title(text[words[of + 1][0] : words[of + 1][1]]):
            rest = words[of + 1][0]
        words, cut = words[:of], head_cut
    elif of is not None and of == cut + 1:
        # "Secretary of State Antony Blinken": the office runs on; the name is its last words.
        last = len(words) - 2
        if last - 1 > of and _is_initial(text[words[last][0] : words[last][1]]):
            last -= 1
        cut = last - 1 if last - 1 > of else len(words) - 1
    elif of is not None and of > cut + 1:
        # "Jane Doe of Example Watch": the name ends before "of", and says where they work.
        joiner = text[words[of][0] : words[of][1]]  # "Jane Doe for Example Wire" is a credit
        words, affiliated = words[:of], joiner == "of" and of - cut - 1 in (2, 3)
        if cut >= len(words) - 1:
            return None
    role = text[words[0][0] : words[cut][1]] if cut >= 0 else None
    name_words = words[cut + 1 :]
    if not name_words or not all(_name_like(text[a:b]) for a, b in name_words):
        return None
    if len(name_words) == 1 and text[words[0][0] : words[0][1]] in lx.ORG_HEADS:
        return None  # "Association of General Practitioners" names an organisation
    # Dotted abbreviations are titles or initials; anything else dotted ends a sentence.
    if any(text[b - 1] == "." and not is_title(text[a:b]) and b - a > 2 for a, b in name_words):
        return None
    start, end = name_words[0][0], name_words[-1][1]
    return Split(role, text[start:end], start, end, affiliated, rest)


def _cut_at_sentence_end(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the words before one that ends a sentence ("… said Doe. Officials …")."""
    for i, (a, b) in enumerate(words[:-1]):
        if _ends_sentence(text[a:b]):
            return words[: i + 1]
    return words


def _ends_sentence(word: str) -> bool:
    return word.endswith(".") and len(word) > 2 and not is_title(word) and "." not in word[:-1]


def sentence_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run cut where a sentence ends inside it: "… Stability Act. Chief Justice Jane Roe"."""
    parts, begin = [], start
    for match in re.finditer(r"\S+", text[start:end]):
        if _ends_sentence(match.group(0)) and start + match.end() < end:
            parts.append((begin, start + match.end()))
            begin = start + match.end() + 1
    return [*parts, (begin, end)]


def _name_like(word: str) -> bool:
    """A word a name can hold: not a title ("Officer"), not in capitals ("DANIEL", "FAA")."""
    if word.split()[0] in PARTICLE_WORDS or _is_initial(word):
        return True
    bare = re.sub(r"^(?:al|el)-", "", word)  # al-Hassan
    return bare[:1].isupper() and not is_title(word) and not (word.isupper() and len(word) > 1)


@cache
def suffixes() -> tuple[frozenset[str], frozenset[str]]:
    """Post-nominals written as acronyms (MP, PhD), and as words (Jr., III)."""
    from nameparser.config import CONSTANTS

    return frozenset(CONSTANTS.suffix_acronyms), frozenset(CONSTANTS.suffix_not_acronyms)


def is_suffix(word: str) -> bool:
    """A post-nominal: MP, QC, Jr., PhD, III; an acronym only as one ("Obi" is also a surname)."""
    plain = word.replace(".", "").replace(",", "")
    acronyms, words = suffixes()
    if plain.lower() in words:
        return True
    written_as_name = plain[:1].isupper() and plain[1:].islower()
    return plain.lower() in acronyms and not written_as_name


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word.endswith(".")


def _not_name(word: str) -> bool:
    plain = word.strip(".")
    return plain in lx.NOT_NAME_WORDS or plain.lower() in lx.CLAUSE_WORDS
