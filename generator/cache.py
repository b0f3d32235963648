"""Keep each article's own analysis between builds, so `mkdocs serve` redoes only what changed.

An article's entry is keyed by a hash of its file's bytes, its path, its URL slug and the whole
configuration: any edit to the file or to `briefing.yml` misses. The stages that compare
sources (merging names, attributing quotations, corroboration, discrepancies) always run again
over the whole corpus, since one edited article can change any of their results.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.claims import FoundClaim
from generator.config import BriefingConfig
from generator.entities import ArticleNames
from generator.exceptions import InputError
from generator.model import Article, Document, Event
from generator.positions import ArticleCues
from generator.topics import ArticleScores


@dataclass(frozen=True)
class ArticleFacts:
    """What one article says on its own, before sources are compared."""

    article: Article
    scores: ArticleScores
    names: ArticleNames
    narrative: ArticleCues
    claims: tuple[FoundClaim, ...]
    events: tuple[Event, ...]


FactsKey = tuple[str, str, int | None]  # document key, slug, corpus year (undated articles)


@dataclass
class FactsCache:
    """Documents and facts of the latest build; `analysed` counts the articles it had to analyse."""

    documents: dict[str, Document | InputError] = field(default_factory=dict)
    facts: dict[FactsKey, ArticleFacts] = field(default_factory=dict)
    analysed: int = 0
    reused: int = 0
    seen: set[str | FactsKey] = field(default_factory=set)

    def start(self) -> None:
        """Begin a build."""
        self.analysed = self.reused = 0
        self.seen = set()

    def document(self, key: str, parse: Callable[[], Document]) -> Document:
        """The file's Document, parsed only when the key is new; a file that failed fails again."""
        self.seen.add(key)
        if key not in self.documents:
            try:
                self.documents[key] = parse()
            except InputError as error:
                self.documents[key] = error
        found = self.documents[key]
        if isinstance(found, InputError):
            raise found
        return found

    def facts_for(self, key: FactsKey) -> ArticleFacts | None:
        """The article's facts from an earlier build, if it had them."""
        self.seen.add(key)
        return self.facts.get(key)

    def keep(self, key: FactsKey, facts: ArticleFacts) -> ArticleFacts:
        """Keep a newly analysed article's facts."""
        self.facts[key] = facts
        self.analysed += 1
        return facts

    def finish(self) -> None:
        """Forget what this build did not use: removed files, earlier versions of edited ones."""
        self.reused = sum(isinstance(key, tuple) for key in self.seen) - self.analysed
        self.documents = {k: v for k, v in self.documents.items() if k in self.seen}
        self.facts = {k: v for k, v in self.facts.items() if k in self.seen}


def document_key(data: bytes, display_path: str, config_hash: str) -> str:
    """A file's bytes and path and the configuration's hash, hashed together."""
    digest = hashlib.sha256(data)
    digest.update(b"\0" + display_path.encode() + b"\0" + config_hash.encode())
    return digest.hexdigest()


def config_hash(config: BriefingConfig) -> str:
    """Any change to `briefing.yml` that changes its meaning changes this."""
    return hashlib.sha256(config.model_dump_json().encode()).hexdigest()
