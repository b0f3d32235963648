"""File paragraphs under the taxonomy's topics, from the cues in `briefing.yml`.

A paragraph scores each cue's weight once for every distinct term of that cue it contains. A
paragraph under an in-text section heading adds the heading's score: it inherits the context of
its section. It is filed under a topic when its score reaches the topic's `min_score`. The
matched terms are kept so every page can say why a paragraph was filed where it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.config import Topic, compile_terms
from generator.model import Article, Filing, Ref

CompiledTopic = tuple[Topic, tuple[tuple[re.Pattern[str], float], ...]]


def compile_topics(topics: Iterable[Topic]) -> tuple[CompiledTopic, ...]:
    """Compile every topic's cues once, for the whole corpus."""
    return tuple(
        (topic, tuple((compile_terms(c), c.weight) for c in topic.cues)) for topic in topics
    )


def score(text: str, cues: tuple[tuple[re.Pattern[str], float], ...]) -> tuple[float, list[str]]:
    """Score a text against a topic's cues; return the score and the distinct terms matched."""
    total = 0.0
    matched: list[str] = []
    for pattern, weight in cues:
        terms = sorted({" ".join(m.group(0).split()).lower() for m in pattern.finditer(text)})
        total += weight * len(terms)
        matched += [term for term in terms if term not in matched]
    return total, matched


def classify(
    articles: Iterable[Article], topics: tuple[CompiledTopic, ...]
) -> dict[Ref, tuple[Filing, ...]]:
    """File every paragraph of every article under zero or more topics."""
    filings: dict[Ref, tuple[Filing, ...]] = {}
    for article in articles:
        sections: dict[str, list[tuple[float, list[str]]]] = {}
        for paragraph in article.paragraphs:
            section = paragraph.section
            if section is not None and section not in sections:
                sections[section] = [score(section, cues) for _, cues in topics]
            found = []
            for index, (topic, cues) in enumerate(topics):
                points, terms = score(paragraph.text, cues)
                if section is not None and sections[section][index][0] > 0:
                    heading_points, heading_terms = sections[section][index]
                    points += heading_points
                    terms = terms + [f"section: {term}" for term in heading_terms]
                if points >= topic.min_score:
                    found.append(Filing(topic.id, points, tuple(terms)))
            if found:
                filings[Ref(article.slug, paragraph.id)] = tuple(found)
    return filings
