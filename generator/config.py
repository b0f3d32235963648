"""Load and validate `briefing.yml`: the briefing's title, its topics and their cues.

The schema below is the documentation of the format: every field has a description, and
`generator/schema/briefing-config.schema.json` is generated from it for editors and other tools.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from generator.exceptions import ConfigError
from generator.userregex import compile_user

CONFIG_NAME = "briefing.yml"
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


def _check_regexes(patterns: tuple[str, ...]) -> tuple[str, ...]:
    for pattern in patterns:
        compile_user(pattern)
    return patterns


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cue(_Strict):
    """Words or patterns that signal a topic; each cue counts once per paragraph."""

    terms: tuple[str, ...] = Field(
        default=(),
        description="Words or phrases, matched as whole words in any of their forms (`shortage` "
        "matches shortages; stance cues match as written); a trailing `*` matches any ending "
        "(`stockpil*` matches stockpile, stockpiled, stockpiling).",
    )
    patterns: tuple[str, ...] = Field(
        default=(),
        description="Regular expressions (RE2 syntax: no look-arounds or back-references), for "
        "what terms cannot say.",
    )
    weight: Annotated[float, Field(gt=0)] = Field(
        default=1.0, description="Points a paragraph scores when any of these terms matches."
    )
    case_sensitive: bool = Field(
        default=False, description="Match case exactly (`Burns` the name, not `burns`)."
    )

    @field_validator("terms")
    @classmethod
    def _terms_not_blank(cls, terms: tuple[str, ...]) -> tuple[str, ...]:
        for term in terms:
            if not term.strip(" *"):
                raise ValueError("a term must contain at least one character besides '*'")
        return terms

    _patterns_compile = field_validator("patterns")(lambda patterns: _check_regexes(patterns))

    @model_validator(mode="after")
    def _has_something_to_match(self) -> Cue:
        if not self.terms and not self.patterns:
            raise ValueError("a cue needs `terms` or `patterns`")
        return self


class Topic(_Strict):
    """One briefing topic: a page of its own, fed by the paragraphs its cues select."""

    id: str = Field(pattern=SLUG_PATTERN, description="Stable id, used in URLs: `burns-mission`.")
    title: str = Field(min_length=1, description="Page title: `The Burns mission`.")
    description: str = Field(
        min_length=1, description="One or two sentences that lead the topic page."
    )
    cues: tuple[Cue, ...] = Field(min_length=1, description="What makes a paragraph belong here.")
    min_score: Annotated[float, Field(gt=0)] = Field(
        default=2.0,
        description="Points a paragraph needs (its own plus its section heading's) to be filed.",
    )
    description_weight: Annotated[float, Field(ge=0)] = Field(
        default=0.5,
        description="Points per distinct word of the title and description a paragraph holds "
        "in any form (`evacuation` matches evacuated); 0 files by the cues alone.",
    )
    learned_weight: Annotated[float, Field(ge=0)] = Field(
        default=1.0,
        description="Points per word the corpus teaches the topic (found in two or more of its "
        "paragraphs and mostly there), for a paragraph a cue already points here; 0 turns "
        "learning off.",
    )


class Cleaning(_Strict):
    """Corpus-specific additions to the built-in scraping-junk rules."""

    junk_patterns: tuple[str, ...] = Field(
        default=(), description="Regular expressions; a line matching one is removed (and listed)."
    )

    _patterns_compile = field_validator("junk_patterns")(lambda patterns: _check_regexes(patterns))


class Organisation(_Strict):
    """An organisation the analyst wants tracked, with the other names the articles use for it."""

    name: str = Field(min_length=1, description="Canonical name: `Department of Defense`.")
    aliases: tuple[str, ...] = Field(
        default=(), description="Other names, matched case-sensitively: `[Pentagon, DoD]`."
    )


class Entities(_Strict):
    """What the analyst knows about the actors that the text alone cannot tell."""

    organisations: tuple[Organisation, ...] = Field(
        default=(),
        description="Organisations to track, beyond those found by name (`… Department`, "
        "`… Watch`); single words such as `Pentagon` or `Congress` need listing here.",
    )
    aliases: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="Other spellings of a person's or place's name: `{Kyiv: [Kiev]}`.",
    )
    not_actors: tuple[str, ...] = Field(
        default=(), description="Capitalised phrases that are never actors: `[Capitol Hill]`."
    )
    group_nouns: tuple[str, ...] = Field(
        default=(),
        description="Extra plural nouns that name acting groups (`farmers`), beyond the "
        "built-in English ones (`allies`, `lawmakers`, `groups`, …).",
    )


class Stance(_Strict):
    """The briefing's central question, and the words that show support or opposition."""

    question: str = Field(
        min_length=1, description="What actors take a stance on: `supplying cluster munitions`."
    )
    topic: str | None = Field(
        default=None, description="The topic whose page leads with the positions matrix."
    )
    supports: tuple[Cue, ...] = Field(default=(), description="Words of support.")
    opposes: tuple[Cue, ...] = Field(default=(), description="Words of opposition.")
    builtin_cues: bool = Field(
        default=True,
        description="Also read the English words of support and opposition any story uses "
        "(`welcomed`, `criticised`, `could not disagree more`); `false` keeps only the cues "
        "listed here.",
    )


class ClaimSubject(_Strict):
    """A name for the claims on one unit, shown on the Discrepancies page."""

    name: str = Field(min_length=1, description="What the figures are about: `Countries …`.")
    unit: str = Field(min_length=1, description="The counted noun as found: `countries`.")
    terms: tuple[str, ...] = Field(
        default=(), description="Words one of which the claims' sentences must contain."
    )


class Claims(_Strict):
    """Optional names for the things figures count; claims are found without them."""

    subjects: tuple[ClaimSubject, ...] = Field(default=(), description="Named claim subjects.")


class Limits(_Strict):
    """What a folder may hold before the build refuses a file."""

    max_article_mb: Annotated[float, Field(gt=0)] = Field(
        default=20.0,
        description="Largest article file read, in megabytes; a larger one is refused unread "
        "(a news article is well under 1 MB).",
    )


class Pdf(_Strict):
    """The briefing book."""

    appendix: Literal["auto", "full", "cited"] = Field(
        default="auto",
        description="The sources at the back of the book: `full` prints every paragraph of every "
        "source (about a page per article: at 1,000 articles several minutes and gigabytes of "
        "memory to print, and a book of thousands of pages), `cited` only the paragraphs the book "
        "cites, `auto` the full text up to 100 articles and the cited paragraphs beyond.",
    )


class Copies(_Strict):
    """Copies and reprints: found so that a source reprinted is counted once."""

    detect: bool = Field(
        default=True,
        description="Find articles that republish another (exact, edited or word-spun copies).",
    )


class Search(_Strict):
    """How much of the sources Material's one-file site search holds."""

    text_budget: Annotated[int, Field(ge=0)] = Field(
        default=2_500_000,
        description="Characters of source text up to which every source paragraph is in the site "
        "search (about a thousand articles); above it the source pages are searched by the "
        "Sources page's Pagefind box alone, so the one-file index stays a few megabytes.",
    )


class BriefingConfig(_Strict):
    """The whole of `briefing.yml`."""

    title: str = Field(min_length=1, description="The briefing's title, shown on every page.")
    question: str | None = Field(
        default=None, description="The briefing's central question, in one line, for the home page."
    )
    summary: str | None = Field(
        default=None, description="A short paragraph saying what the briefing covers."
    )
    key_points: Annotated[int, Field(ge=1, le=50)] = Field(
        default=6, description="How many key points each topic page leads with."
    )
    topics: tuple[Topic, ...] = Field(min_length=1, description="The taxonomy, in page order.")
    cleaning: Cleaning = Field(default_factory=Cleaning, description="Extra junk-line rules.")
    entities: Entities = Field(default_factory=Entities, description="Known actors and aliases.")
    stance: Stance | None = Field(
        default=None, description="The central question actors take positions on."
    )
    claims: Claims = Field(default_factory=Claims, description="Names for claim subjects.")
    glossary: dict[str, str] = Field(
        default_factory=dict,
        description="Terms and their definitions: a Glossary page, and a tooltip on every page.",
    )
    limits: Limits = Field(default_factory=Limits, description="Files the build refuses.")
    search: Search = Field(default_factory=Search, description="The site search's size.")
    pdf: Pdf = Field(default_factory=Pdf, description="What the briefing book holds.")
    copies: Copies = Field(default_factory=Copies, description="Copies and reprints.")

    @model_validator(mode="after")
    def _unique_topic_ids(self) -> BriefingConfig:
        seen: set[str] = set()
        duplicates = []
        for topic in self.topics:
            if topic.id in seen:
                duplicates.append(topic.id)
            seen.add(topic.id)
        if duplicates:
            raise ValueError(f"duplicate topic ids: {', '.join(duplicates)}")
        if self.stance and self.stance.topic and self.stance.topic not in seen:
            raise ValueError(f"stance.topic {self.stance.topic!r} is not the id of a topic")
        return self


def load_config(path: Path) -> BriefingConfig:
    """Read and validate `briefing.yml`, raising one ConfigError that lists every problem."""
    if not path.is_file():
        raise ConfigError(path, [f"file not found; every seeds folder needs a {CONFIG_NAME}"])
    if path.is_symlink() and not path.resolve().is_relative_to(path.parent.resolve()):
        raise ConfigError(path, [f"a link to {path.resolve()}, outside the folder: refused"])
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ConfigError(path, [f"not valid YAML: {error}"]) from None
    if not isinstance(data, dict):
        found = "an empty file" if data is None else f"a {type(data).__name__}"
        raise ConfigError(path, [f"expected a mapping of keys (title, topics, …), found {found}"])
    try:
        return BriefingConfig.model_validate(data)
    except ValidationError as error:
        raise ConfigError(path, describe_errors(error)) from None


def describe_errors(error: ValidationError) -> list[str]:
    """Phrase pydantic's errors for a person, dropping echoes of errors reported deeper down."""
    return [
        _describe(e)
        for e in error.errors()
        # A list whose items failed also reports "too short": the item errors say it better.
        if not (e["type"] == "too_short" and e.get("input"))
    ]


def _describe(error: Any) -> str:
    """Turn one pydantic error into `topics[2].id: Field required`."""
    where = ""
    for part in error["loc"]:
        where += f"[{part}]" if isinstance(part, int) else f".{part}" if where else str(part)
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "unknown key (check its spelling and indentation)"
    elif error["type"] == "string_pattern_mismatch":
        message = f"{error['input']!r} is not a valid id: use lowercase letters, digits and hyphens"
    return f"{where or 'top level'}: {message}"


def compile_terms(cue: Cue) -> re.Pattern[str]:
    """Compile a cue's terms and patterns into one regular expression."""
    alternatives = [term_regex(term) for term in cue.terms] + [f"(?:{p})" for p in cue.patterns]
    flags = 0 if cue.case_sensitive else re.IGNORECASE
    return re.compile("|".join(alternatives), flags)


def term_regex(term: str) -> str:
    """The regular expression of one term: whole words, `*` for any ending."""
    wildcard = term.endswith("*")
    words = term.rstrip("*").split()
    body = r"\s+".join(re.escape(word) for word in words)
    ending = r"\w*" if wildcard else ""
    return rf"(?<!\w)(?:{body}){ending}(?!\w)"
