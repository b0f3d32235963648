"""File paragraphs under the taxonomy's topics, from the cues in `briefing.yml`.

A paragraph scores each cue's weight once for every distinct term of that cue it contains. A
paragraph under an in-text section heading adds the heading's score: it inherits the context of
its section. It is filed under a topic when its score reaches the topic's `min_score`. The
matched terms are kept so every page can say why a paragraph was filed where it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator import lexicon as lx
from generator.config import Cue, Topic
from generator.model import Article, Filing, Ref
from generator.terms import WORD, TermIndex, build_index, find_terms, lemma

SHARE_OF_BEST = 0.5
ArticleFilings = tuple[tuple[Ref, tuple[Filing, ...]], ...]


@dataclass(frozen=True)
class CompiledTopics:
    """The taxonomy with every cue's terms in one index, built once for the corpus."""

    topics: tuple[Topic, ...]
    index: TermIndex


def compile_topics(topics: Iterable[Topic]) -> CompiledTopics:
    """Each topic's cues, plus its title and description words as one more cue."""
    topics = tuple(
        topic.model_copy(update={"cues": (*topic.cues, described)})
        if topic.description_weight and (described := _described(topic))
        else topic
        for topic in topics
    )
    cues = [((t, c), cue) for t, topic in enumerate(topics) for c, cue in enumerate(topic.cues)]
    return CompiledTopics(topics, build_index(cues))


def _described(topic: Topic) -> Cue | None:
    """The words a reader of the title and description would look for, as a cue."""
    words = {
        lemma(word)
        for word in WORD.findall(f"{topic.title} {topic.description}".lower())
        if len(word) > 2 and not word.isdigit()
    }
    words -= {lemma(word) for word in lx.GENERIC_WORDS}
    terms = tuple(sorted(words))
    return Cue(terms=terms, weight=topic.description_weight) if terms else None


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
            # A paragraph belongs where it scores best; a topic it only brushes against (under
            # half the best score) does not claim it too.
            best = max(f.score for f in found)
            found = [f for f in found if f.score >= SHARE_OF_BEST * best]
            filings.append((Ref(article.slug, paragraph.id), tuple(found)))
    return tuple(filings)
