"""Find the people, organisations and groups that act in the articles, with their roles.

A capitalised name of two to four words is a person only when the text treats it as one: a title
before it ("Secretary of State Antony Blinken"), a role beside it ("Laura Cooper, the Pentagon's
top official …", "the director of the CIA, William Burns,"), a speech verb ("Dan Rice stated"),
or a possessive ("Prigozhin's uprising"). Later surname-only mentions ("Cooper added") resolve to
the full name, within an article and, when the surname is unique, across the corpus.
Organisations come from `briefing.yml` and from names ending like one ("… Committee",
"… Watch", "the Biden administration"); groups are plural actors ("human rights groups").
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from generator import lexicon as lx
from generator import names
from generator.config import Entities as EntitiesConfig
from generator.model import Article, Entity, Mention, Ref, Role
from generator.places import country_names, is_place, place_key
from generator.segment import slugify

Kind = Literal["person", "organisation", "group"]
ArticleNames = tuple[tuple["Found", ...], ...]  # candidate names of each paragraph

# One capitalised word of a name (bandit takes the name TOKEN for a password: it is a pattern).
TOKEN = r"(?:[A-ZÀ-Ý](?:[a-zà-ÿ]+|’[A-Z][a-zà-ÿ]+|'[A-Z][a-zà-ÿ]+)(?:-[A-ZÀ-Ý][a-zà-ÿ]+)*|[A-Z]\.)"  # nosec B105
ORG_NAME = re.compile(
    rf"(?P<org>(?:{TOKEN}|[A-Z]{{2,}}|U\.S\.)(?:\s+(?:(?:of|for|on)\s+(?:the\s+)?)?(?:{TOKEN}|[A-Z]{{2,}}))*)"
)
ORG_LOWER = re.compile(
    rf"(?P<org>{TOKEN}(?:\s+{TOKEN})?\s+(?:{'|'.join(sorted(lx.ORG_LOWER_HEADS))}))\b"
)
SPEECH = "|".join(sorted(lx.SPEECH_VERBS))
ROLE_NOUN = "|".join(sorted(lx.ROLE_NOUNS))
AFTER_SPEECH = re.compile(rf"^,?\s+(?:{SPEECH})\b")
BEFORE_SPEECH = re.compile(rf"\b(?:{SPEECH})\s+$|[”\"]\s*[—–-]\s*$")
COUNTRY_RUN = re.compile(
    r"(?<![\w’'.-])(?:the\s+)?(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?![\w’'-])"
)
ACTS = "|".join(sorted(lx.SPEECH_VERBS | lx.ATTITUDES | lx.COUNTRY_ACTS))
# The verb right after the country, or after an appositive: "Spain, a signatory, said".
COUNTRY_ACTS = re.compile(
    rf"^(?:,[^,;“”\"]{{1,100}},)?\s+(?:(?:has|have|had|also|will|would|has also)\s+)?(?:{ACTS})\b"
)
PREPOSITION_BEFORE = re.compile(r"\b(?:in|from|of|to|at|for|with|by|on|into|across)\s+(?:the\s+)?$")
POSSESSIVE = re.compile(r"^(?:’s|'s|’|')(?=\s)")
PARTY = re.compile(r"^,\s*(?P<role>[DRI]-[A-Z][A-Za-z. ]+?)(?=,|\.|$)")
WHO_IS = re.compile(r"^,\s*(?:[DRI]-[A-Z][A-Za-z. ]+?,\s*)?who is (?:a|an|the) (?P<role>[^,.;]+)")
ROLE_BEFORE = re.compile(
    rf"(?<![\w’'-])(?P<role>(?:[A-Z][\w.]*(?:’s|'s)\s+)?(?:[a-z-]+\s+){{0,3}}(?:{ROLE_NOUN}))\s+$"
)
APPOSITIVE_BEFORE = re.compile(r"(?:\bthe|\ba|\ban)\s+(?P<role>[a-z][^,]{2,80}),\s+$")
HEAD_CUT = re.compile(r"\s(?:at|of|for|in|on|with|from|who|whose|that|and|to|since)\s")
RELATIVE_WHO = re.compile(r"^,\s*who(?:se)?\s")
APPOSITIVE_STOP = re.compile(r"\s[–—-]\s|[.;:](?:\s|$)|\)")
WORD_BEFORE = re.compile(rf"(?:^|[^\w’'.-])({names.NAME_WORD})\s+$")
SMALL_WORDS = frozenset("of the and for on in at to de van der von da di du la le al bin".split())
SURNAME_SPEAKS = re.compile(
    rf"(?<![\w’'-])(?P<a>{names.NAME_WORD})(?:,[^,“”\"]{{1,100}},)?\s+(?:{SPEECH})\b"
    rf"|\b(?:{SPEECH}),?\s+(?P<b>{names.NAME_WORD})(?![\w’'-]|\s+{names.NAME_WORD})"
)
FIRST_AND = re.compile(rf"(?<![\w’'.-])(?P<first>{names.NAME_WORD})\s+(?:and|&)\s+$")
COORDINATED = re.compile(r",?\s+(?:and|or)\s+|,\s+")
CONTEXT = 300  # characters either side of a name that roles and speech verbs are read from
ROLE_LEAD_DROP = lx.SPEECH_VERBS | frozenset("the a an and of to in with by for said".split())


@dataclass(frozen=True, slots=True)
class Found:
    """A name found in a paragraph, before names are merged across the corpus."""

    ref: Ref
    start: int
    end: int
    key: str
    name: str
    kind: Kind
    roles: tuple[str, ...] = ()
    listed: bool = False  # an organisation of `briefing.yml`: never dropped as a news outlet
    unsure: bool = False  # a full name its article never shows to be a person's
    shared: bool = False  # "Tom" of "Tom and Jane Roe", named with her surname


def name_key(name: str) -> str:
    """Compare names without case, accents, dots or possessives."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[.’']", "", plain).split())


class Lexicon:
    """The corpus's own knowledge (aliases, organisations) compiled for matching."""

    def __init__(self, config: EntitiesConfig) -> None:
        self.canonical: dict[str, str] = {}
        self.org_names: dict[str, str] = {}
        for org in config.organisations:
            for variant in (org.name, *org.aliases):
                self.org_names[variant] = org.name
        for canonical, variants in config.aliases.items():
            for variant in variants:
                self.canonical[name_key(variant)] = canonical
        for variant, canonical in self.org_names.items():
            self.canonical[name_key(variant)] = canonical
        names = sorted(self.org_names, key=len, reverse=True)
        self.org_pattern = (
            re.compile("|".join(rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n in names))
            if names
            else None
        )
        self.not_actors = {name_key(n) for n in config.not_actors}
        group_nouns = lx.GROUP_NOUNS | frozenset(config.group_nouns)
        self.proper_groups = {noun for noun in group_nouns if noun[0].isupper()}
        nouns = "|".join(sorted(group_nouns, key=len, reverse=True))
        self.group_pattern = re.compile(
            rf"(?<![\w-])(?P<noun>(?i:{nouns}))(?P<suffix>\s+(?:on|in|of)\s+(?:the\s+)?"
            rf"{TOKEN}(?:\s+{TOKEN})*)?(?![\w-])"
        )

    def resolve(self, name: str) -> str:
        """The canonical name for a variant, or the name itself."""
        return self.canonical.get(name_key(name), name)


def find_entities(
    articles: tuple[Article, ...],
    config: EntitiesConfig,
    names: Sequence[ArticleNames] | None = None,
) -> tuple[Entity, ...]:
    """Find every actor in the corpus, merged across articles, with roles and mentions.

    `names` are `names_in` of each article, when they were kept from an earlier build.
    """
    if names is None:
        lexicon = Lexicon(config)
        names = [names_in(article, lexicon) for article in articles]
    outlets = {name_key(a.outlet) for a in articles if a.outlet}
    # A name one article leaves unsure is a person's when another article shows it to be.
    people = {f.key for n in names for p in n for f in p if f.kind == "person" and not f.unsure}
    found = []
    for article, candidates in zip(articles, names, strict=True):
        for paragraph, in_paragraph in zip(article.paragraphs, candidates, strict=True):
            found += _without_overlaps(
                [
                    f
                    for f in in_paragraph
                    if not _is_outlet(f, paragraph.text, outlets)
                    and (not f.unsure or f.key in people)
                ]
            )
    # "Doe and Jane Roe" is not "Doe Roe" when Doe is someone's surname.
    surnames = {f.name.split()[-1] for f in found if f.kind == "person" and not f.shared}
    found = [f for f in found if not (f.shared and f.name.split()[0] in surnames)]
    found = _join_longer_names(_join_titled_surnames(found))
    found += _surname_mentions(articles, found)
    order = {article.slug: index for index, article in enumerate(articles)}
    return _merge(
        sorted(found, key=lambda f: (order[f.ref.article], int(f.ref.paragraph[1:]), f.start))
    )


def names_in(article: Article, lexicon: Lexicon) -> ArticleNames:
    """Every candidate name of each paragraph, overlapping ones included: one article's part."""
    found: list[list[Found]] = []
    pending: list[tuple[int, Found]] = []  # full names the paragraph alone does not settle
    previous_section = None
    for index, paragraph in enumerate(article.paragraphs):
        ref = Ref(article.slug, paragraph.id)
        text = paragraph.text
        people, unsure = _people(ref, text, lexicon)
        pending += [(index, name) for name in unsure]
        candidates = _organisations(ref, text, lexicon) + _acting_countries(ref, text, lexicon)
        candidates += people
        if paragraph.section != previous_section and (paragraph.section or "").endswith(":"):
            candidates += _speaker_heading(ref, paragraph.section or "", lexicon)
        previous_section = paragraph.section
        found.append(candidates + _groups(ref, text, lexicon))
    # "José Núñez has worked …" is a person's name when the article goes on "said Núñez".
    # So is a full name the article has shown to be a person's elsewhere.
    speakers = _speaking_surnames(article)
    shown = {f.key for candidates in found for f in candidates if f.kind == "person"}
    for index, name in pending:
        if name.key in shown or _apostrophes(name.name.split()[-1]) in speakers:
            found[index].append(name)
    for index, name in pending:  # "John Roe and Jane Doe", once he is shown
        people = [f for f in found[index] if f.kind == "person"]
        if name not in found[index] and any(
            _joined(article.paragraphs[index].text, name, p) for p in people
        ):
            found[index].append(name)
        elif name not in found[index]:
            found[index].append(replace(name, unsure=True))  # settled across the corpus
    return tuple(tuple(candidates) for candidates in found)


def _speaking_surnames(article: Article) -> set[str]:
    """Single capitalised words the article puts next to a speech verb ("Núñez said")."""
    found = set()
    for paragraph in article.paragraphs:
        for match in SURNAME_SPEAKS.finditer(paragraph.text):
            found.add(_apostrophes(match.group("a") or match.group("b")))
    return found


def _speaker_heading(ref: Ref, heading: str, lexicon: Lexicon) -> list[Found]:
    """`FORMER GOV. JOHN ROE, REPUBLICAN:` above a round-up's quotation names its speaker.

    The name is read from the heading's first part, in title case; it is a mention of no length
    at the start of the paragraph under the heading, which the heading introduces.
    """
    first = title_case(heading.rstrip(":").split(",")[0].strip())
    if len(first.split()) < 2:
        return []
    words = first.split()
    headed = any(w in lx.ORG_HEADS and n in ("of", "for") for w, n in itertools.pairwise(words))
    if words[-1] in lx.ORG_HEADS or headed or first in lexicon.org_names:
        name = lexicon.resolve(first)
        return [Found(ref, 0, 0, name_key(name), name, "organisation")]
    split = names.split_run(first, 0, len(first))
    if split is None or not 2 <= len(split.name.split()) <= 4:
        return []
    if not _could_be_name(split, split.name.split(), lexicon):
        return []
    name = lexicon.resolve(split.name)
    roles = (split.role,) if split.role else ()
    return [Found(ref, 0, 0, name_key(name), name, "person", roles)]


def title_case(text: str) -> str:
    """`JOSÉ NÚÑEZ`, `JANE O'BRIEN`, `ATTORNEY GENERAL` as names are written."""
    words = []
    for i, word in enumerate(text.split()):
        lower = word.lower()
        if i and lower in SMALL_WORDS:
            words.append(lower)
            continue
        if i >= 2 and names.is_suffix(word.rstrip(",")):
            words.append(word)  # "JANE DOE MP": a post-nominal after a full name ("JACK MA" is not)
            continue
        word = re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), lower)
        if re.match(r"^(?:Mc|Mac)[a-z]{3,}", word) and word[:2] == "Mc":
            word = "Mc" + word[2:].capitalize()
        words.append(word)
    return " ".join(words)


def _is_outlet(found: Found, text: str, outlets: set[str]) -> bool:
    """A name that is one of the corpus's news outlets ("Politico") reports; it does not act.

    An organisation that publishes its own statement ("Example Pilots Alliance" as the outlet
    of its letter) still acts: its name ends like an organisation's and has no news word.
    """
    if found.kind == "group" or found.listed:
        return False
    words = found.name.split()
    if words[-1] in lx.ORG_HEADS and not set(words) & lx.NEWS_WORDS:
        return False
    return found.key in outlets or name_key(text[found.start : found.end]) in outlets


def _acting_countries(ref: Ref, text: str, lexicon: Lexicon) -> list[Found]:
    """`Norway said it opposes …`: a country that speaks or takes a side is its government, an
    actor; a country merely named is a place."""
    found = []
    for match in COUNTRY_RUN.finditer(text):
        name = match.group("country")
        if place_key(name) not in country_names() or PREPOSITION_BEFORE.search(
            text[max(0, match.start() - 12) : match.start()]
        ):
            continue  # "officials in Norway said": the officials speak
        if not COUNTRY_ACTS.match(text[match.end() :]):
            continue
        canonical = lexicon.resolve(name)
        found.append(
            Found(
                ref,
                match.start("country"),
                match.end(),
                name_key(canonical),
                canonical,
                "organisation",
            )
        )
    return found


def _without_overlaps(candidates: list[Found]) -> list[Found]:
    """Keep the longest of overlapping names; earlier kinds win ties (organisations first)."""
    kept: list[Found] = []
    ordered = sorted(enumerate(candidates), key=lambda c: (-(c[1].end - c[1].start), c[0]))
    for _, candidate in ordered:
        if all(candidate.end <= k.start or candidate.start >= k.end for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda f: f.start)


def _organisations(ref: Ref, text: str, lexicon: Lexicon) -> list[Found]:
    found = []
    if lexicon.org_pattern:
        for match in lexicon.org_pattern.finditer(text):
            canonical = lexicon.org_names[match.group(0)]
            key = name_key(canonical)
            found.append(
                Found(ref, match.start(), match.end(), key, canonical, "organisation", listed=True)
            )
    for pattern in (ORG_NAME, ORG_LOWER):
        for match in pattern.finditer(text):
            name, start = match.group("org"), match.start("org")
            if name.startswith(("The ", "A ")):
                name, start = name.split(" ", 1)[1], start + name.index(" ") + 1
            words = name.split()
            if pattern is ORG_NAME and not (
                words[-1] in lx.ORG_HEADS or (words[0] in lx.ORG_HEADS and len(words) > 2)
            ):
                continue
            if any(names.is_title(w) for w in words[1:-1]) and words[-1] not in lx.ORG_HEADS:
                continue  # "Senate Majority Leader Keisha Grant" is a titled person
            key = name_key(name)
            if key in lexicon.not_actors or words[-1] in lx.OUTLET_HEADS:
                continue
            canonical = lexicon.resolve(name)
            org = Found(
                ref, start, start + len(name), name_key(canonical), canonical, "organisation"
            )
            found.append(org)
    return found


def _people(ref: Ref, text: str, lexicon: Lexicon) -> tuple[list[Found], list[Found]]:
    """The people a paragraph names, and the full names it does not show to be people's."""
    found: list[Found] = []
    pending: list[Found] = []  # names the text has not yet shown to be people's
    splits = []
    for match in names.run_pattern().finditer(text):
        for start, end in names.sentence_parts(text, match.start(), match.end()):
            split = names.split_run(text, start, end)
            splits.append(split)
            if split and split.rest is not None:  # "Sen. Jane Roe of Gov. Tom Doe"
                splits.append(names.split_run(text, split.rest, end))
    for split in splits:
        if split is None:
            continue
        tokens = split.name.split()
        if all(t in names.PARTICLE_WORDS for t in tokens[:-1]):  # "Roe", "van der Roe"
            if split.role:  # "Director Burns", "Gov. Doe": a titled surname
                found.append(_titled_surname(ref, split, lexicon))
            continue
        if len(tokens) > 4 or not _could_be_name(split, tokens, lexicon):
            continue
        start, end, name = split.start, split.end, split.name
        before, after = text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
        roles = _roles(split.role, before, after)
        is_person = bool(
            roles
            or split.affiliated
            or RELATIVE_WHO.match(after)
            or AFTER_SPEECH.match(after)
            or BEFORE_SPEECH.search(before)
            or POSSESSIVE.match(after)
        )
        canonical = lexicon.resolve(name)
        person = Found(ref, start, end, name_key(canonical), canonical, "person", roles)
        (found if is_person else pending).append(person)
    # "Justices Jane Doe and John Roe": a name joined to a person's is a person's too.
    joined = [c for c in pending if any(_joined(text, c, person) for person in found)]
    found += joined
    return found + _shared_surnames(ref, text, found), [c for c in pending if c not in joined]


def _shared_surnames(ref: Ref, text: str, people: list[Found]) -> list[Found]:
    """`Tom and Jane Roe`: a first name before "and" shares the full name's surname."""
    extra = []
    for person in people:
        match = FIRST_AND.search(text, max(0, person.start - 40), person.start)
        words = person.name.split()
        if match is None or len(words) != 2:
            continue
        first = match.group("first")
        if (
            names.is_title(first)
            or first in lx.NOT_NAME_WORDS
            or first.lower() in lx.CLAUSE_WORDS
            or first in lx.ORG_HEADS
            or is_place(first)
            or WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        ):
            continue  # "Mayor and Jane Roe", "Ohio and Jane Roe", "Tom Doe and Jane Roe"
        name = f"{first} {words[-1]}"
        start = match.start("first")
        extra.append(
            Found(ref, start, start + len(first), name_key(name), name, "person", shared=True)
        )
    return extra


def _joined(text: str, one: Found, other: Found) -> bool:
    first, second = (one, other) if one.start < other.start else (other, one)
    return COORDINATED.fullmatch(text[first.end : second.start]) is not None


def _could_be_name(split: names.Split, tokens: list[str], lexicon: Lexicon) -> bool:
    """Not a place, a party descriptor, an organisation or a thing ("Quay Street")."""
    places = () if split.role else lx.PLACE_WORDS
    if any(
        t in lx.NOT_NAME_WORDS or t in lx.ORG_HEADS or t in places or t in lx.PARTY_WORDS
        for t in tokens
    ):
        return False
    if is_place(split.name) or place_key(tokens[-1]) in country_names():
        return False  # "Ohio", "South America"; "Transport Canada" is no one's name
    key = name_key(lexicon.resolve(split.name))
    return key not in lexicon.not_actors and split.name not in lexicon.org_names


def _titled_surname(ref: Ref, split: names.Split, lexicon: Lexicon) -> Found:
    """A surname with a title; `_merge` joins it to the full name when the surname is unique."""
    key = "surname:" + name_key(lexicon.resolve(split.name).split()[-1])
    return Found(ref, split.start, split.end, key, split.name, "person", (split.role or "",))


def _roles(title: str | None, before: str, after: str) -> tuple[str, ...]:
    """Every role the text gives next to a name, verbatim."""
    roles = [title] if title else []
    if not title and (match := ROLE_BEFORE.search(before)):
        words = match.group("role").split()
        while words and words[0].lower() in ROLE_LEAD_DROP:
            words.pop(0)
        if words and not (len(words) == 1 and words[0][0].isupper()):
            roles.append(" ".join(words))
    if match := APPOSITIVE_BEFORE.search(before):
        role = match.group("role")
        if any(w.strip(",") in lx.ROLE_NOUNS for w in role.split()):
            roles.append(role)
    if match := PARTY.match(after):
        roles.append(match.group("role"))
    if match := WHO_IS.match(after):
        roles.append(match.group("role").strip())
    elif appositive := _appositive_after(after):
        roles.append(appositive)
    return tuple(dict.fromkeys(roles))


def _appositive_after(after: str) -> str | None:
    """`, the Pentagon's top official for Russia, Ukraine and Eurasia, said …` → the role."""
    if not after.startswith(", "):
        return None
    rest = after[2:]
    stop = APPOSITIVE_STOP.search(rest)
    chunks = rest[: stop.start() if stop else len(rest)].split(",")
    kept = [chunks[0]]
    for chunk in chunks[1:]:  # a list of places continues the role; a verb ends it
        if re.match(r"^\s*(?:and |or )?[A-Z]", chunk) and len(chunk.split()) <= 4:
            kept.append(chunk)
        else:
            break
    text = ",".join(kept).strip()
    role = re.sub(r"^(?:the|a|an)\s+", "", text)
    words = role.split()
    if not words or len(words) > 16:
        return None
    if any(w.strip(",’'s") in lx.ROLE_NOUNS for w in words[:7]):
        return role
    # `John Roe, a forklift driver and union steward,`: any "a …" that is not a kind of
    # organisation or place ("an investment firm", "a town of 9,000") describes a person.
    if text.startswith(("a ", "an ")) and role[:1].islower():
        noun = HEAD_CUT.split(role, maxsplit=1)[0].split()[-1].lower()
        if noun not in lx.ORG_TYPE_NOUNS and noun not in lx.PLACE_TYPE_NOUNS:
            return role
    return None


def _groups(ref: Ref, text: str, lexicon: Lexicon) -> list[Found]:
    found = []
    for match in lexicon.group_pattern.finditer(text):
        noun = match.group("noun")
        words = text[max(0, match.start() - CONTEXT) : match.start()].split()
        modifiers: list[str] = []
        while words and (
            words[-1].lower() in lx.GROUP_MODIFIERS or re.fullmatch(r"[A-Z][\w.]*", words[-1])
        ):
            if words[-1].lower() in lx.GROUP_DROP or words[-1] in lx.NOT_NAME_WORDS:
                break
            modifiers.insert(0, words.pop())
        if not modifiers and not match.group("suffix") and noun not in lexicon.proper_groups:
            continue  # a bare "allies" or "Opponents" names nobody in particular
        name = " ".join([*modifiers, text[match.start() : match.end()]])
        start = match.end() - len(name)
        if text[start : match.end()] != name:
            continue
        found.append(Found(ref, start, match.end(), name_key(name), name, "group"))
    return found


def _surname_mentions(articles: tuple[Article, ...], found: list[Found]) -> list[Found]:
    """Resolve `Cooper added` and `Burns' visit` to the full names found elsewhere."""
    people = {f.key: f.name for f in found if f.kind == "person"}
    by_surname: dict[str, set[str]] = defaultdict(set)
    for f in found:
        if f.kind == "person":  # every spelling: "DeLuca" in the text, "Deluca" from a heading
            by_surname[_surname_form(_surname(f.name))].add(f.key)
    order = {
        Ref(article.slug, paragraph.id): index
        for article in articles
        for index, paragraph in enumerate(article.paragraphs)
    }
    introduced: dict[tuple[str, str], tuple[int, int]] = {}  # (article, key) → first full name
    for f in found:
        if f.kind == "person":
            at = (order.get(f.ref, 0), f.start)
            slot = (f.ref.article, f.key)
            introduced[slot] = min(introduced.get(slot, at), at)
    if not by_surname:
        return []
    taken = {(f.ref, i) for f in found for i in range(f.start, f.end)}
    names = "|".join(
        f"[{s[0]}{s[0].upper()}]" + re.escape(s[1:]).replace("'", "['’]")
        for s in sorted(by_surname, key=len, reverse=True)
    )
    pattern = re.compile(rf"(?<![\w-])(?:{names})(?![\w-])")
    extra = []
    for article in articles:
        for paragraph in article.paragraphs:
            ref = Ref(article.slug, paragraph.id)
            for match in pattern.finditer(paragraph.text):
                if _first_name_before(paragraph.text, match.start()):
                    continue  # "Jane Roe" is not "John Roe" however often he is named
                keys = by_surname[_surname_form(match.group(0))]
                # The person named in full in this article before this point (two people of
                # one name named by then: either), else the corpus's only one.
                at = (order[ref], match.start())
                local = {k for k in keys if (article.slug, k) in introduced}
                earlier = {k for k in local if introduced[(article.slug, k)] < at}
                candidates = earlier if earlier else local if len(local) == 1 else keys
                if len(candidates) == 1 and (ref, match.start()) not in taken:
                    key = next(iter(candidates))
                    extra.append(Found(ref, match.start(), match.end(), key, people[key], "person"))
    return extra


def _apostrophes(name: str) -> str:
    return name.replace("’", "'")


def _surname(name: str) -> str:
    """The surname with its particles: "Maarten van der Linde" → "van der Linde"."""
    words = name.split()
    start = len(words) - 1
    while start > 1 and words[start - 1] in names.PARTICLE_WORDS:
        start -= 1
    return " ".join(words[start:])


def _surname_form(surname: str) -> str:
    """Compare surnames whatever the apostrophe, and "Al-Hassan" opening a sentence too."""
    plain = _apostrophes(surname)
    return (
        plain[:1].lower() + plain[1:]
        if plain[:1].islower() or re.match(r"(?:Al|El|Van|De)[- ]", plain)
        else plain
    )


def _first_name_before(text: str, position: int) -> bool:
    """A capitalised word before a surname, not a title or a clause opener: another full name."""
    match = WORD_BEFORE.search(text, max(0, position - 40), position)
    if match is None:
        return False
    word = match.group(1)
    return not (
        names.is_title(word) or word.lower() in lx.CLAUSE_WORDS or word in lx.NOT_NAME_WORDS
    )


def _join_longer_names(found: list[Found]) -> list[Found]:
    """`José Núñez` is `José Núñez Soler` when he is the only one whose name so begins."""
    keys = {f.key for f in found if f.kind == "person" and not f.key.startswith("surname:")}
    longer: dict[str, str] = {}
    for key in keys:
        extended = [k for k in keys if k.startswith(key + " ")]
        if len(key.split()) >= 2 and len(extended) == 1:
            longer[key] = extended[0]
    if not longer:
        return found
    # The shorter form keeps its words, so its surname ("Núñez") finds the person too.
    return [
        Found(f.ref, f.start, f.end, longer[f.key], f.name, f.kind, f.roles)
        if f.key in longer
        else f
        for f in found
    ]


def _join_titled_surnames(found: list[Found]) -> list[Found]:
    """`Director Burns` is William Burns when he is the only Burns with a full name."""
    full: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for f in found:
        if f.kind == "person" and not f.key.startswith("surname:"):
            full[name_key(f.name.split()[-1])].add((f.key, f.name))
    joined = []
    for f in found:
        if f.key.startswith("surname:"):
            matching = full[f.key.removeprefix("surname:")]
            if len(matching) > 1:
                continue  # "Mr Roe" beside Tom and Jane Roe: the text alone does not say who
            if matching:
                key, name = next(iter(matching))
                f = Found(f.ref, f.start, f.end, key, name, f.kind, f.roles)
        joined.append(f)
    return joined


def _merge(found: list[Found]) -> tuple[Entity, ...]:
    """One Entity per key, in order of first mention; ids are unique slugs of the names."""
    groups: dict[str, list[Found]] = {}
    for f in found:
        groups.setdefault(f.key, []).append(f)
    entities = []
    taken: set[str] = set()
    for items in groups.values():
        kind = Counter(f.kind for f in items).most_common(1)[0][0]
        names = Counter(f.name for f in items if f.kind == kind)
        # Spelled as in running text ("DeLuca"), not as recased from a capitals heading.
        in_text = Counter(f.name for f in items if f.kind == kind and f.end > f.start)
        # A person's full name is the longest form; others go by their most frequent form.
        name = max(
            names,
            key=lambda n: (
                (len(n), in_text[n], names[n], n)
                if kind == "person"
                else (in_text[n], names[n], len(n), n)
            ),
        )
        base = slugify(name) or "entity"
        entity_id, counter = base, 1
        while entity_id in taken:
            counter += 1
            entity_id = f"{base}-{counter}"
        taken.add(entity_id)
        roles: dict[str, Role] = {}
        for f in items:
            for role in f.roles:
                roles.setdefault(role.casefold(), Role(role, f.ref))
        mentions = tuple(Mention(f.ref, f.start, f.end, entity_id) for f in items)
        entities.append(Entity(entity_id, name, kind, tuple(roles.values()), mentions))
    return tuple(entities)
