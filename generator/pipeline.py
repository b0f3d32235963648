"""Compose the stages: seeds folder → Briefing. Gather everything first; rendering comes after."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.cache import ArticleFacts, FactsCache, config_hash, document_key
from generator.claims import claims_in, find_discrepancies
from generator.config import CONFIG_NAME, BriefingConfig, load_config
from generator.copies import find_copies
from generator.corroborate import corroborate
from generator.entities import Lexicon, find_entities, names_in
from generator.exceptions import InputError
from generator.ingest import ARTICLE_SUFFIXES, parse_article, read_bytes
from generator.model import Analysis, Article, Briefing, Document
from generator.positions import StanceCues, compile_stance, find_positions, narrative_cues
from generator.quotes import find_quotes
from generator.segment import segment, slugify
from generator.timeline import corpus_year, events_in, find_events
from generator.topics import CompiledTopics, compile_topics, file_corpus, score_article

UNTITLED_SLUG_WORDS = 6  # an untitled source's URL: its first words and a tag

RESERVED_SLUGS = frozenset({"index"})  # sources/index.md is the Sources page
# Articles from which analysis is shared among worker processes: below it, starting the workers
# costs more than they save.
PARALLEL_FROM = 400
CHUNK = 50  # articles sent to a worker at a time


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


def build_briefing(
    seeds_dir: Path,
    progress: Callable[[int, int], None] | None = None,
    cache: FactsCache | None = None,
    workers: int = 1,
) -> Result:
    """Read, clean, segment, classify and analyse every article of a seeds folder.

    Raises ConfigError for a bad `briefing.yml`; a bad article is reported as a Problem and
    skipped, so one broken file never hides the rest of the briefing. With a `cache` from an
    earlier build, unchanged articles are neither read again nor analysed again. With
    `workers` > 1, a large corpus is analysed in that many processes (the caller's main module
    must be import-safe, as for any spawned process).
    """
    cache = cache if cache is not None else FactsCache()
    cache.start()
    config = load_config(seeds_dir / CONFIG_NAME)
    fingerprint = config_hash(config)
    paths, problems = scan(seeds_dir, int(config.limits.max_article_mb * 1_000_000))
    documents: list[tuple[str, Document]] = []
    for path in paths:
        display = display_path(seeds_dir, path)
        try:
            key, document = _read(path, display, config, fingerprint, cache)
        except InputError as error:
            where = f"line {error.line}: " if error.line else ""
            problems.append(Problem(display, where + error.reason, "error"))
            continue
        problems += [Problem(display, warning, "warning") for warning in document.warnings]
        documents.append((key, document))
    slugs = assign_slugs([document for _, document in documents])
    moved = former_slugs([document for _, document in documents], slugs)
    matchers = Matchers.compile(config)
    year = corpus_year(document.date for _, document in documents)
    entries = [
        (key, slug, None if document.date else year)
        for (key, document), slug in zip(documents, slugs, strict=True)
    ]
    known = [cache.facts_for(entry) for entry in entries]
    todo = [
        (document, slug)
        for (_, document), slug, found in zip(documents, slugs, known, strict=True)
        if found is None
    ]
    new = iter(analyse_articles(todo, matchers, year, progress, len(entries), workers))
    facts = [
        found or cache.keep(entry, next(new)) for entry, found in zip(entries, known, strict=True)
    ]
    cache.finish()
    articles = tuple(f.article for f in facts)
    filings = file_corpus([f.scores for f in facts], matchers.topics)
    briefing = Briefing(config, articles, filings, analyse(facts, config), moved)
    return Result(briefing, tuple(sorted(problems, key=lambda p: p.path)))


def _read(
    path: Path, display: str, config: BriefingConfig, fingerprint: str, cache: FactsCache
) -> tuple[str, Document]:
    """The file's cache key and Document; InputError when it cannot be read or makes no article."""
    data = read_bytes(path, display)
    key = document_key(data, display, fingerprint)
    markdown = path.suffix.lower() == ".md"
    junk = config.cleaning.junk_patterns
    return key, cache.document(key, lambda: parse_article(data, display, markdown, junk))


@dataclass(frozen=True)
class Matchers:
    """The configuration compiled for matching, once per build."""

    topics: CompiledTopics
    lexicon: Lexicon
    stance: StanceCues | None

    @classmethod
    def compile(cls, config: BriefingConfig) -> Matchers:
        stance = compile_stance(config.stance) if config.stance else None
        return cls(compile_topics(config.topics), Lexicon(config.entities), stance)


def article_facts(article: Article, matchers: Matchers, year: int | None) -> ArticleFacts:
    """Everything one article says on its own; `analyse` compares the articles."""
    return ArticleFacts(
        article=article,
        scores=score_article(article, matchers.topics),
        names=names_in(article, matchers.lexicon),
        narrative=narrative_cues(article, matchers.stance) if matchers.stance else (),
        claims=claims_in(article),
        events=events_in(article, year),
    )


def analyse_articles(
    todo: list[tuple[Document, str]],
    matchers: Matchers,
    year: int | None,
    progress: Callable[[int, int], None] | None = None,
    total: int = 0,
    workers: int = 1,
) -> Iterator[ArticleFacts]:
    """Each article's facts, in order; a large batch is shared out among worker processes."""
    total = max(total, len(todo))
    if len(todo) < PARALLEL_FROM or workers < 2:
        results: Iterator[ArticleFacts] = (
            article_facts(segment(document, slug), matchers, year) for document, slug in todo
        )
        yield from _counted(results, progress, total - len(todo), total)
        return
    # Spawned workers start clean: safe beside the threads of `mkdocs serve`.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, context, _start_worker, (matchers, year)) as pool:
        results = pool.map(_worker_facts, todo, chunksize=CHUNK)
        yield from _counted(results, progress, total - len(todo), total)


def default_workers() -> int:
    """Worker processes for the commands: `BRIEFING_WORKERS`, else the CPUs, at most four."""
    return int(os.environ.get("BRIEFING_WORKERS") or 0) or min(os.cpu_count() or 1, 4)


def _counted(
    results: Iterable[ArticleFacts],
    progress: Callable[[int, int], None] | None,
    done: int,
    total: int,
) -> Iterator[ArticleFacts]:
    """The results, telling `progress` of each; articles taken from the cache count as done."""
    if progress and done == total and total:
        progress(total, total)
    for count, facts in enumerate(results, start=done + 1):
        if progress:
            progress(count, total)
        yield facts


_WORKER: tuple[Matchers, int | None] | None = None


def _start_worker(matchers: Matchers, year: int | None) -> None:
    global _WORKER
    _WORKER = (matchers, year)


def _worker_facts(item: tuple[Document, str]) -> ArticleFacts:
    if _WORKER is None:
        raise RuntimeError("worker process started without its matchers")
    matchers, year = _WORKER
    return article_facts(segment(item[0], item[1]), matchers, year)


def analyse(facts: list[ArticleFacts], config: BriefingConfig) -> Analysis:
    """Who said what, where sources agree and differ, and when things happened."""
    articles = tuple(f.article for f in facts)
    entities = find_entities(articles, config.entities, [f.names for f in facts])
    quotes = find_quotes(articles, entities)
    narrative = [f.narrative for f in facts]
    organisations = config.entities.organisations
    copies = find_copies(articles) if config.copies.detect else ()
    copy_of = {c.article: c.original for c in copies}
    return Analysis(
        copies=copies,
        entities=entities,
        quotes=quotes,
        positions=find_positions(
            articles, entities, quotes, config.stance, organisations, narrative
        ),
        corroborations=corroborate(articles, quotes, copy_of),
        discrepancies=find_discrepancies(
            articles, config.claims.subjects, [f.claims for f in facts]
        ),
        timeline=find_events(articles, [f.events for f in facts]),
    )


def scan(seeds_dir: Path, max_bytes: int | None = None) -> tuple[list[Path], list[Problem]]:
    """Article files of a seeds folder in name order, and a Problem for everything else in it.

    Links are never followed: a link whose target lies outside the folder is refused (its
    target could be any file of whoever builds, `notes.txt -> /etc/passwd`), and one inside
    it is skipped, since its target is read in its own right or not at all. A file over
    `max_bytes` is refused before it is read.
    """
    if not seeds_dir.is_dir():
        raise InputError(seeds_dir, "seeds folder not found")
    root = seeds_dir.resolve()
    paths, problems = [], []
    for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        if path.name == CONFIG_NAME:
            continue
        shown = display_path(seeds_dir, path)
        if path.is_symlink():
            target = path.resolve()
            if outside_link(path, root):
                problems.append(
                    Problem(shown, f"refused: a link to {target}, outside the folder", "error")
                )
            else:
                inside = target.relative_to(root).as_posix()
                problems.append(
                    Problem(shown, f"skipped: a link to {inside} (links are not followed)", "info")
                )
            continue
        if not (
            path.is_file()
            and path.suffix.lower() in ARTICLE_SUFFIXES
            and not path.name.startswith(".")
        ):
            kind = "folder" if path.is_dir() else "not a .txt or .md article"
            problems.append(Problem(shown, f"skipped: {kind}", "info"))
            continue
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            over = f"refused: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB limit"
            problems.append(Problem(shown, f"{over} (limits.max_article_mb)", "error"))
            continue
        paths.append(path)
    return paths, problems


def outside_link(path: Path, root: Path) -> bool:
    """A link (or a file under a linked folder) whose target resolves outside `root`."""
    return not path.resolve().is_relative_to(root.resolve())


def display_path(seeds_dir: Path, path: Path) -> str:
    """A file's path as the briefing shows it: `seeds/001_x.txt`, whatever the working directory;
    a control character in a name is shown escaped (`two\\nlines.txt`), so it stays one line."""
    shown = f"{seeds_dir.resolve().name}/{path.relative_to(seeds_dir).as_posix()}"
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in shown)


def assign_slugs(documents: list[Document]) -> list[str]:
    """Unique, stable URL slugs: from front matter, else the title, else the text's first words
    with a short tag of the file name ("the-biden-administration-faces-an-imminent-5c1e")."""
    return _unique([_slug_base(document) for document in documents])


def former_slugs(documents: list[Document], slugs: list[str]) -> dict[str, str]:
    """Slugs untitled sources had before they were named by their words (the file name):
    old URL → current slug, so links published before still resolve."""
    former = _unique(
        [slugify(d.slug_hint or "") or slugify(d.title or "") or _stem_slug(d) for d in documents]
    )
    taken = set(slugs)
    return {old: new for old, new in zip(former, slugs, strict=True) if old not in taken}


def _slug_base(document: Document) -> str:
    for candidate in (document.slug_hint, document.title):
        if slug := slugify(candidate or ""):
            return slug
    first = next((b.text for b in document.blocks if b.kind == "paragraph"), "")
    words = slugify(" ".join(first.split()[:UNTITLED_SLUG_WORDS]))
    if not words:
        return _stem_slug(document)
    name = Path(document.source_path).name.encode("utf-8")
    return f"{words}-{hashlib.sha1(name, usedforsecurity=False).hexdigest()[:4]}"


def _stem_slug(document: Document) -> str:
    return slugify(Path(document.source_path).stem) or "article"


def _unique(bases: list[str]) -> list[str]:
    taken: set[str] = set(RESERVED_SLUGS)
    slugs = []
    for base in bases:
        slug, counter = base, 1
        while slug in taken:
            counter += 1
            slug = f"{base}-{counter}"
        taken.add(slug)
        slugs.append(slug)
    return slugs
