"""File paragraphs under the taxonomy's topics, from the cues in `briefing.yml`.

A paragraph scores each cue's weight once for every distinct term of that cue it contains. A
paragraph under an in-text section heading adds the heading's score: it inherits the context of
its section. It is filed under a topic when its score reaches the topic's `min_score`. The
matched terms are kept so every page can say why a paragraph was filed where it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.config import Topic
from generator.model import Article, Filing, Ref
from generator.terms import TermIndex, build_index, find_terms

ArticleFilings = tuple[tuple[Ref, tuple[Filing, ...]], ...]


@dataclass(frozen=True)
class CompiledTopics:
    """The taxonomy with every cue's terms in one index, built once for the corpus."""

    topics: tuple[Topic, ...]
    index: TermIndex


def compile_topics(topics: Iterable[Topic]) -> CompiledTopics:
    topics = tuple(topics)
    cues = [((t, c), cue) for t, topic in enumerate(topics) for c, cue in enumerate(topic.cues)]
    return CompiledTopics(topics, build_index(cues))


def scores(text: str, compiled: CompiledTopics) -> list[tuple[float, list[str]]]:
    """Each topic's score for a text, and the distinct terms matched, cue by cue."""
    hits = find_terms(compiled.index, text)
    result = []
    for t, topic in enumerate(compiled.topics):
        total, matched = 0.0, []
        for c, cue in enumerate(topic.cues):
            terms = sorted({term for _, _, term in hits.get((t, c), ())})
            total += cue.weight * len(terms)
            matched += [term for term in terms if term not in matched]
        result.append((total, matched))
    return result


def classify(
    articles: Iterable[Article], compiled: CompiledTopics
) -> dict[Ref, tuple[Filing, ...]]:
    """File every paragraph of every article under zero or more topics."""
    return {ref: found for article in articles for ref, found in file_article(article, compiled)}


def file_article(article: Article, compiled: CompiledTopics) -> ArticleFilings:
    """The filings of one article's paragraphs; paragraphs under no topic are left out."""
    filings = []
    sections: dict[str, list[tuple[float, list[str]]]] = {}
    no_heading: list[tuple[float, list[str]]] = [(0.0, [])] * len(compiled.topics)
    for paragraph in article.paragraphs:
        section = paragraph.section
        if section is not None and section not in sections:
            sections[section] = scores(section, compiled)
        found = []
        for (points, terms), topic, heading in zip(
            scores(paragraph.text, compiled),
            compiled.topics,
            sections[section] if section is not None else no_heading,
            strict=True,
        ):
            if heading[0] > 0:
                points += heading[0]
                terms = terms + [f"section: {term}" for term in heading[1]]
            if points >= topic.min_score:
                found.append(Filing(topic.id, points, tuple(terms)))
        if found:
            filings.append((Ref(article.slug, paragraph.id), tuple(found)))
    return tuple(filings)
