"""File paragraphs under the taxonomy's topics, from the cues in `briefing.yml`.

A paragraph scores each cue's weight once for every distinct term of that cue it contains. A
paragraph under an in-text section heading adds the heading's score: it inherits the context of
its section. It is filed under a topic when its score reaches the topic's `min_score`.

Then the corpus teaches each topic its own words (pseudo-relevance feedback): a word found in
at least two of a topic's paragraphs and mostly there ("shell manufacturing" among stockpile
paragraphs) adds the topic's `learned_weight`, and every paragraph is filed again. The matched
terms are kept so every page can say why a paragraph was filed where it was.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from generator import lexicon as lx
from generator.config import Cue, Topic
from generator.model import Article, Filing, Ref
from generator.terms import WORD, TermIndex, build_index, find_terms, lemma

SHARE_OF_BEST = 0.5
LEARNED_WORDS = 20  # words learned per topic, at most
LEARNED_PURITY = 0.5  # share of a word's paragraphs that must be the topic's
LEARNED_LIFT = 1.5  # … and at least this many times the topic's share of all paragraphs
ArticleFilings = tuple[tuple[Ref, tuple[Filing, ...]], ...]


@dataclass(frozen=True, slots=True)
class ParagraphScore:
    """One paragraph's points and matched terms per topic (its heading's included), and the
    content words it holds, for the corpus to learn from."""

    ref: Ref
    points: tuple[float, ...]
    terms: tuple[tuple[str, ...], ...]
    words: frozenset[str]


ArticleScores = tuple[ParagraphScore, ...]


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
    return file_corpus([score_article(article, compiled) for article in articles], compiled)


def score_article(article: Article, compiled: CompiledTopics) -> ArticleScores:
    """Each paragraph's points per topic and its content words: one article's part."""
    result = []
    sections: dict[str, list[tuple[float, list[str]]]] = {}
    no_heading: list[tuple[float, list[str]]] = [(0.0, [])] * len(compiled.topics)
    for paragraph in article.paragraphs:
        section = paragraph.section
        if section is not None and section not in sections:
            sections[section] = scores(section, compiled)
        points, terms = [], []
        for (score, matched), heading in zip(
            scores(paragraph.text, compiled),
            sections[section] if section is not None else no_heading,
            strict=True,
        ):
            if heading[0] > 0:
                score += heading[0]
                matched = matched + [f"section: {term}" for term in heading[1]]
            points.append(score)
            terms.append(tuple(matched))
        ref = Ref(article.slug, paragraph.id)
        result.append(
            ParagraphScore(ref, tuple(points), tuple(terms), content_words(paragraph.text))
        )
    return tuple(result)


def content_words(text: str) -> frozenset[str]:
    """The lemmas of a text's words that can say what it is about: not figures, nor words
    any text has."""
    return (
        frozenset(
            _lemma(word)
            for word in WORD.findall(text.lower())
            if len(word) > 2 and word.isalpha() and word not in lx.GENERIC_WORDS
        )
        - _generic_lemmas()
    )


@cache
def _lemma(word: str) -> str:
    return lemma(word)


@cache
def _generic_lemmas() -> frozenset[str]:
    """Words any text has, and speech verbs ("added"): they say nothing of a topic."""
    return frozenset(lemma(word) for word in lx.GENERIC_WORDS | lx.SPEECH_VERBS)


def file_corpus(
    scored: Sequence[ArticleScores], compiled: CompiledTopics
) -> dict[Ref, tuple[Filing, ...]]:
    """File every paragraph, first by its cues, then again with the words each topic learned."""
    paragraphs = [p for article in scored for p in article]
    first = [_filings(p.points, p.terms, compiled) for p in paragraphs]
    learned = _learn(paragraphs, first, compiled)
    filings = {}
    for paragraph in paragraphs:
        points, terms = list(paragraph.points), list(paragraph.terms)
        for t, (topic, words) in enumerate(zip(compiled.topics, learned, strict=True)):
            held = sorted(paragraph.words & words)
            if held and points[t] > 0:  # learned words back a cue up; alone they file nothing
                points[t] += topic.learned_weight * len(held)
                terms[t] = terms[t] + tuple(f"learned: {word}" for word in held)
        if found := _filings(points, terms, compiled):
            filings[paragraph.ref] = found
    return filings


def _learn(
    paragraphs: list[ParagraphScore],
    first: list[tuple[Filing, ...]],
    compiled: CompiledTopics,
) -> list[frozenset[str]]:
    """Each topic's words: in two or more of its paragraphs, and in at least half of their
    paragraphs anywhere; the most telling first (count times rarity)."""
    spread = Counter(word for p in paragraphs for word in p.words)
    total = len(paragraphs)
    if not total:
        return [frozenset() for _ in compiled.topics]
    learned: list[frozenset[str]] = []
    for topic in compiled.topics:
        if not topic.learned_weight:
            learned.append(frozenset())
            continue
        filed = [
            p
            for p, found in zip(paragraphs, first, strict=True)
            if any(f.topic == topic.id for f in found)
        ]
        inside = Counter(word for p in filed for word in p.words)
        sources = Counter(word for article, words in _by_article(filed) for word in words)
        # A word must at least double the topic's odds: in a story all about one offer, the
        # parties' names are on every page and tell nothing.
        purity = max(LEARNED_PURITY, LEARNED_LIFT * len(filed) / total)
        ranked = sorted(
            (-count * math.log(total / spread[word]), word)
            for word, count in inside.items()
            if sources[word] >= 2 and count >= purity * spread[word]
        )
        learned.append(frozenset(word for _, word in ranked[:LEARNED_WORDS]))
    return learned


def _by_article(paragraphs: list[ParagraphScore]) -> list[tuple[str, frozenset[str]]]:
    """Each article's words among the paragraphs, once per article."""
    words: dict[str, set[str]] = {}
    for p in paragraphs:
        words.setdefault(p.ref.article, set()).update(p.words)
    return [(article, frozenset(found)) for article, found in words.items()]


def _filings(
    points: Sequence[float], terms: Sequence[tuple[str, ...]], compiled: CompiledTopics
) -> tuple[Filing, ...]:
    """The topics a paragraph's points reach, less those it only brushes against (under half
    its best score)."""
    found = [
        Filing(topic.id, score, matched)
        for topic, score, matched in zip(compiled.topics, points, terms, strict=True)
        if score >= topic.min_score
    ]
    if not found:
        return ()
    best = max(f.score for f in found)
    return tuple(f for f in found if f.score >= SHARE_OF_BEST * best)
