from dataclasses import replace

import pytest

from generator.config import Cue, Topic
from generator.model import Block, Document, Ref
from generator.segment import segment
from generator.topics import classify, compile_topics, scores

FUNDING = Topic(
    id="funding", title="Funding", description="Money.", min_score=2,
    cues=(Cue(terms=("cost*", "budget"), weight=1), Cue(terms=("overrun",), weight=2)),
)  # fmt: skip
WORKS = Topic(
    id="works", title="Works", description="Disruption.", min_score=2,
    cues=(Cue(terms=("closure*", "noise", "works"), weight=1),),
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "points", "terms"),
    [
        ("The cost grew.", 1, ["cost"]),
        ("Costs and the cost grew; the budget too.", 3, ["budget", "cost", "costs"]),
        ("An overrun.", 2, ["overrun"]),
        ("The budget overrun.", 3, ["budget", "overrun"]),
        ("Nothing here.", 0, []),
    ],
)
def test_score_counts_each_distinct_term_once(text: str, points: float, terms: list[str]):
    (found,) = scores(text, compile_topics([FUNDING]))
    assert found == (points, terms)


def _article(*blocks: Block):
    return segment(Document("c/a.txt", None, None, None, None, blocks, ()), "a")


def test_classify_files_paragraphs_and_says_why():
    article = _article(
        Block("paragraph", "The budget overrun worried councillors."),
        Block("paragraph", "Road closures and noise will last a year, costing shops."),
        Block("paragraph", "The mayor spoke."),
    )
    filings = classify([article], compile_topics([FUNDING, WORKS]))
    assert {
        ref.paragraph: [(f.topic, f.score, f.cues) for f in found] for ref, found in filings.items()
    } == {
        "p1": [("funding", 3, ("budget", "overrun"))],
        "p2": [("works", 2, ("closures", "noise"))],
    }


def test_paragraph_inherits_its_section_heading():
    article = _article(
        Block("paragraph", "The mayor spoke first."),
        Block("heading", "BUDGET AND COST"),
        Block("paragraph", "The mayor spoke again."),
    )
    filings = classify([article], compile_topics([FUNDING]))
    assert list(filings) == [Ref("a", "p2")]
    assert filings[Ref("a", "p2")][0].cues == ("section: budget", "section: cost")


def test_topics_learn_their_words_from_the_corpus():
    """A word seen only in a topic's paragraphs, in two sources, backs up a weak cue."""
    first, second = (
        _article(
            Block("paragraph", "The budget overrun forced the city to open its contingency fund."),
            Block("paragraph", "Road closures and noise will last a year on the high street."),
            Block("paragraph", "The mayor spoke at length about the summer parade and the fair."),
        )
        for _ in range(2)
    )
    second = replace(second, slug="b")
    third = replace(
        _article(Block("paragraph", "The contingency fund will cover what the repairs cost.")),
        slug="c",
    )
    compiled = compile_topics([FUNDING, WORKS])
    (learned,) = classify([first, second, third], compiled)[Ref("c", "p1")]
    assert (learned.topic, learned.cues) == (
        "funding",
        ("cost", "learned: contingency", "learned: fund"),
    )
    # Learning off: the one cue word is not enough.
    off = [topic.model_copy(update={"learned_weight": 0}) for topic in (FUNDING, WORKS)]
    assert Ref("c", "p1") not in classify([first, second, third], compile_topics(off))


def test_a_corpus_without_paragraphs_files_nothing():
    assert classify([_article(Block("heading", "BUDGET"))], compile_topics([FUNDING])) == {}
