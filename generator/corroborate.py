"""Group the same quotation or claim reported by more than one source.

Two passages are the same when their content words overlap enough (Jaccard of word sets, plural
`s` ignored): this catches translations of one statement that differ in wording (`dug-in Russian
positions` / `Russian trench positions`). Candidates come from an inverted index of informative
words, so the work stays close to linear in the corpus size.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.grouping import connected, similar_pairs
from generator.model import Article, Corroboration, Quote, Ref

STOPWORDS = frozenset(
    """
    a an and are as at be been but by for from had has have he her his i if in into is it its me
    my no not of on or our she so than that the their them then there these they this those to
    up us was we were what when which who will with would you your
    """.split()
)
SAME_QUOTE = 0.45
SAME_CLAIM = 0.5
MIN_CLAIM_WORDS = 8
MIN_SHARED = 3  # informative words two passages must share before they are compared


def content_words(text: str) -> frozenset[str]:
    """Lowercase words that carry meaning, plural `s` dropped: the basis of every comparison."""
    return frozenset(w.rstrip("s") for w in re.findall(r"\w+", text.lower()) if w not in STOPWORDS)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets."""
    return len(a & b) / len(a | b) if a and b else 0.0


def corroborate(
    articles: tuple[Article, ...],
    quotes: tuple[Quote, ...],
    copy_of: dict[str, str] | None = None,
) -> tuple[Corroboration, ...]:
    """Quotations and claims that appear in two or more independent sources, in corpus order;
    a copy and its original are one source (`copy_of`: a copy's slug → its original's)."""
    order = {a.slug: i for i, a in enumerate(articles)}
    copy_of = copy_of or {}
    quote_groups = _group(
        [(q.ref, q.text, q.speaker) for q in quotes], SAME_QUOTE, copy_of, _same_speaker
    )
    quoted = {ref for group in quote_groups for ref, _ in group}
    sentences = [
        (Ref(a.slug, p.id), s.text, None)
        for a in articles
        for p in a.paragraphs
        if Ref(a.slug, p.id) not in quoted
        for s in p.sentences
        if len(content_words(s.text)) >= MIN_CLAIM_WORDS
    ]
    claim_groups = _group(sentences, SAME_CLAIM, copy_of)
    result = [_corroboration("quote", g, order) for g in quote_groups]
    result += [_corroboration("claim", g, order) for g in claim_groups]
    return tuple(
        sorted(result, key=lambda c: [(order[r.article], int(r.paragraph[1:])) for r in c.refs])
    )


def _same_speaker(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _group(
    items: Sequence[tuple[Ref, str, str | None]],
    threshold: float,
    copy_of: dict[str, str],
    compatible=None,
):
    """Passages from different articles that overlap past the threshold, joined transitively;
    a group stands only when its articles are more than one original and its copies."""
    words = [content_words(text) for _, text, _ in items]
    pairs = (
        (i, j)
        for i, j, _ in similar_pairs(words, MIN_SHARED)
        if items[i][0].article != items[j][0].article
        and (compatible is None or compatible(items[i][2], items[j][2]))
        and overlap(words[i], words[j]) >= threshold
    )
    groups = [[items[i][:2] for i in group] for group in connected(len(items), pairs)]
    return [g for g in groups if len({copy_of.get(r.article, r.article) for r, _ in g}) > 1]


def _corroboration(kind, group: list[tuple[Ref, str]], order: dict[str, int]) -> Corroboration:
    ranked = sorted(group, key=lambda item: (order[item[0].article], int(item[0].paragraph[1:])))
    return Corroboration(kind, tuple(ref for ref, _ in ranked), tuple(text for _, text in ranked))
