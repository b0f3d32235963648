"""The plain data that flows between pipeline stages: small frozen dataclasses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from generator.config import BriefingConfig


@dataclass(frozen=True, slots=True)
class Block:
    """A cleaned line of an article: a paragraph or an in-text section heading."""

    kind: Literal["paragraph", "heading"]
    text: str


@dataclass(frozen=True, slots=True)
class Removal:
    """A line taken out while cleaning, with its line number and the rule that removed it."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Document:
    """One ingested article: metadata plus cleaned blocks, before segmentation."""

    source_path: str
    title: str | None
    date: str | None
    outlet: str | None
    author: str | None
    blocks: tuple[Block, ...]
    removed: tuple[Removal, ...]
    slug_hint: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with offsets into its paragraph's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph with its stable id (`p4`), offsets into the article text and its section."""

    id: str
    number: int
    text: str
    start: int
    end: int
    section: str | None
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Article:
    """A segmented article: what source pages show and citations point at."""

    slug: str
    source_path: str
    title: str | None
    date: str | None
    outlet: str | None
    author: str | None
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removal, ...]
    warnings: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """Short name for citations: the outlet, else the title's or the text's first words."""
        if self.outlet:
            return self.outlet
        if self.title:
            words = self.title.split()
            return " ".join(words[:5]) + ("…" if len(words) > 5 else "")
        return self._opening(4) or self.source_path.rsplit("/", 1)[-1]

    @property
    def display_title(self) -> str:
        """Title for headings; an untitled article shows its first words, marked as such."""
        if self.title:
            return self.title
        opening = self._opening(9)
        return f"Untitled: {opening}" if opening else f"Untitled ({self.source_path})"

    def _opening(self, count: int) -> str:
        words = self.paragraphs[0].text.split() if self.paragraphs else []
        if not words:
            return ""
        return "“" + " ".join(words[:count]) + ("…" if len(words) > count else "") + "”"

    def paragraph(self, paragraph_id: str) -> Paragraph:
        return self.paragraphs[int(paragraph_id[1:]) - 1]


@dataclass(frozen=True, slots=True)
class Filing:
    """Why a paragraph was filed under a topic: its score and the cues that matched."""

    topic: str
    score: float
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Ref:
    """A citation target: one paragraph of one article."""

    article: str
    paragraph: str


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a paragraph names an entity: character offsets into the paragraph's text."""

    ref: Ref
    start: int
    end: int
    entity: str


@dataclass(frozen=True, slots=True)
class Role:
    """A role the text gives an entity, verbatim, with the paragraph that gives it."""

    text: str
    ref: Ref


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or group that acts in the articles."""

    id: str
    name: str
    kind: Literal["person", "organisation", "group"]
    roles: tuple[Role, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation, verbatim, with its speaker when the text names one."""

    ref: Ref
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_label: str | None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A passage that shows where an actor stands, and the cue terms that show it."""

    ref: Ref
    text: str
    support: tuple[str, ...]
    oppose: tuple[str, ...]
    via: str | None = None  # a member speaking for the organisation, or "quote"


Stance_ = Literal["supports", "opposes", "mixed", "unclear"]


@dataclass(frozen=True, slots=True)
class Position:
    """An actor's stance on the briefing's central question, with its evidence."""

    entity: str
    stance: Stance_
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Corroboration:
    """The same quotation or claim reported by more than one source."""

    kind: Literal["quote", "claim"]
    refs: tuple[Ref, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Copy:
    """An article that republishes another; `share` of its paragraphs are the original's own
    words, and `spun` when the words were changed and the sentences kept."""

    article: str
    original: str
    share: float
    spun: bool


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure as one source gives it (`more than 120`), with its sentence."""

    value: str
    text: str
    ref: Ref


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """Claims about one thing whose figures differ; compatible when all can be true at once."""

    subject: str
    claims: tuple[Claim, ...]
    compatible: bool


@dataclass(frozen=True, slots=True)
class Event:
    """A dated sentence; `basis` says how a date without its own year was placed; `plan`
    marks what the source announces for later ("by the end of the year"), not what happened."""

    date: str
    precision: Literal["day", "month", "year"]
    text: str
    ref: Ref
    basis: str | None = None
    published: bool = False
    plan: bool = False


@dataclass(frozen=True, slots=True)
class Analysis:
    """Who said what: entities, quotes, positions and corroboration across sources."""

    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    positions: tuple[Position, ...] = ()
    corroborations: tuple[Corroboration, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    timeline: tuple[Event, ...] = ()
    copies: tuple[Copy, ...] = ()


@dataclass(frozen=True)
class Briefing:
    """Everything the renderer needs, gathered before anything is written."""

    config: BriefingConfig
    articles: tuple[Article, ...]
    filings: dict[Ref, tuple[Filing, ...]]
    analysis: Analysis = Analysis()
    moved: dict[str, str] = field(default_factory=dict)  # a source's former slug → its slug

    @cached_property
    def _by_slug(self) -> dict[str, Article]:
        return {article.slug: article for article in self.articles}

    def article(self, slug: str) -> Article:
        return self._by_slug[slug]

    @cached_property
    def text_size(self) -> int:
        """Characters of article text in the whole corpus."""
        return sum(len(p.text) for a in self.articles for p in a.paragraphs)

    @cached_property
    def mentions(self) -> dict[Ref, list[Mention]]:
        """Entity mentions of each paragraph."""
        found: dict[Ref, list[Mention]] = {}
        for entity in self.analysis.entities:
            for mention in entity.mentions:
                found.setdefault(mention.ref, []).append(mention)
        return found

    @cached_property
    def entity_names(self) -> dict[str, str]:
        return {entity.id: entity.name for entity in self.analysis.entities}

    @cached_property
    def positions(self) -> dict[str, Position]:
        return {position.entity: position for position in self.analysis.positions}

    def paragraph(self, ref: Ref) -> Paragraph:
        return self.article(ref.article).paragraph(ref.paragraph)

    @cached_property
    def _filed(self) -> dict[str, list[tuple[Ref, Filing]]]:
        found: dict[str, list[tuple[Ref, Filing]]] = {}
        for article in self.articles:
            for paragraph in article.paragraphs:
                ref = Ref(article.slug, paragraph.id)
                for filing in self.filings.get(ref, ()):
                    found.setdefault(filing.topic, []).append((ref, filing))
        return found

    def filed_under(self, topic_id: str) -> list[tuple[Ref, Filing]]:
        """Paragraphs filed under a topic, in corpus order."""
        return self._filed.get(topic_id, [])

    def topics_filing(self, refs: Iterable[Ref]) -> set[str]:
        """The topics that file any of these paragraphs."""
        return {filing.topic for ref in refs for filing in self.filings.get(ref, ())}

    @cached_property
    def quotes_by(self) -> dict[str, list[Quote]]:
        """Each speaker's quotations, in corpus order."""
        found: dict[str, list[Quote]] = {}
        for quote in self.analysis.quotes:
            if quote.speaker:
                found.setdefault(quote.speaker, []).append(quote)
        return found

    @cached_property
    def corroboration_of(self) -> dict[Ref, Corroboration]:
        """The corroboration group each reported paragraph belongs to."""
        return {ref: c for c in self.analysis.corroborations for ref in c.refs}

    @cached_property
    def copy_of(self) -> dict[str, str]:
        """Each copy's original, by slug."""
        return {c.article: c.original for c in self.analysis.copies}

    def independent(self, refs: Iterable[Ref]) -> tuple[int, int]:
        """How many independent sources the passages come from, and how many reprints of them."""
        articles = {ref.article for ref in refs}
        originals = {self.copy_of.get(a, a) for a in articles}
        return len(originals), len(articles) - len(originals)
