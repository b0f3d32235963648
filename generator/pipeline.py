"""Compose the stages: seeds folder → Briefing. Gather everything first; rendering comes after."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.claims import find_discrepancies
from generator.config import CONFIG_NAME, BriefingConfig, load_config
from generator.corroborate import corroborate
from generator.entities import find_entities
from generator.exceptions import InputError
from generator.ingest import ARTICLE_SUFFIXES, read_article
from generator.model import Analysis, Article, Briefing, Document
from generator.positions import find_positions
from generator.quotes import find_quotes
from generator.segment import segment, slugify
from generator.timeline import find_events
from generator.topics import classify, compile_topics

RESERVED_SLUGS = frozenset({"index"})  # sources/index.md is the Sources page


@dataclass(frozen=True)
class Problem:
    """Something to tell about one file.

    An `error` file could not be read and is left out; a `warning` file is in the briefing with
    a caveat; an `info` entry is something beside the articles (a folder, a `.docx`) that is
    skipped. Errors and warnings fail a strict build.
    """

    path: str
    message: str
    level: Literal["error", "warning", "info"]

    def __str__(self) -> str:
        return f"{self.path}: {self.level}: {self.message}"


@dataclass(frozen=True)
class Result:
    briefing: Briefing
    problems: tuple[Problem, ...]


def build_briefing(seeds_dir: Path, progress: Callable[[int, int], None] | None = None) -> Result:
    """Read, clean, segment and classify every article of a seeds folder.

    Raises ConfigError for a bad `briefing.yml`; a bad article is reported as a Problem and
    skipped, so one broken file never hides the rest of the briefing.
    """
    config = load_config(seeds_dir / CONFIG_NAME)
    paths, problems = scan(seeds_dir)
    documents: list[Document] = []
    for done, path in enumerate(paths, start=1):
        display = display_path(seeds_dir, path)
        if progress:
            progress(done, len(paths))
        try:
            document = read_article(path, display, config.cleaning.junk_patterns)
        except InputError as error:
            where = f"line {error.line}: " if error.line else ""
            problems.append(Problem(display, where + error.reason, "error"))
            continue
        problems += [Problem(display, warning, "warning") for warning in document.warnings]
        documents.append(document)
    slugs = assign_slugs(documents)
    articles = tuple(segment(doc, slug) for doc, slug in zip(documents, slugs, strict=True))
    filings = classify(articles, compile_topics(config.topics))
    briefing = Briefing(config, articles, filings, analyse(articles, config))
    return Result(briefing, tuple(sorted(problems, key=lambda p: p.path)))


def analyse(articles: tuple[Article, ...], config: BriefingConfig) -> Analysis:
    """Who said what, where sources agree and differ, and when things happened."""
    entities = find_entities(articles, config.entities)
    quotes = find_quotes(articles, entities)
    organisations = config.entities.organisations
    return Analysis(
        entities=entities,
        quotes=quotes,
        positions=find_positions(articles, entities, quotes, config.stance, organisations),
        corroborations=corroborate(articles, quotes),
        discrepancies=find_discrepancies(articles, config.claims.subjects),
        timeline=find_events(articles),
    )


def scan(seeds_dir: Path) -> tuple[list[Path], list[Problem]]:
    """Article files of a seeds folder in name order, and a Problem for everything else in it."""
    if not seeds_dir.is_dir():
        raise InputError(seeds_dir, "seeds folder not found")
    paths, problems = [], []
    for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        if path.name == CONFIG_NAME:
            continue
        if (
            path.is_file()
            and path.suffix.lower() in ARTICLE_SUFFIXES
            and not path.name.startswith(".")
        ):
            paths.append(path)
        else:
            kind = "folder" if path.is_dir() else "not a .txt or .md article"
            problems.append(Problem(display_path(seeds_dir, path), f"skipped: {kind}", "info"))
    return paths, problems


def display_path(seeds_dir: Path, path: Path) -> str:
    """A file's path as the briefing shows it: `seeds/001_x.txt`, whatever the working directory."""
    return f"{seeds_dir.resolve().name}/{path.relative_to(seeds_dir).as_posix()}"


def assign_slugs(documents: list[Document]) -> list[str]:
    """Unique, stable URL slugs: from front matter, else the title, else the file name."""
    taken: set[str] = set(RESERVED_SLUGS)
    slugs = []
    for document in documents:
        stem = Path(document.source_path).stem
        base = next(
            (
                s
                for s in (
                    slugify(document.slug_hint or ""),
                    slugify(document.title or ""),
                    slugify(stem),
                )
                if s
            ),
            "article",
        )
        slug, counter = base, 1
        while slug in taken:
            counter += 1
            slug = f"{base}-{counter}"
        taken.add(slug)
        slugs.append(slug)
    return slugs
