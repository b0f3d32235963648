"""Extraction quality on every labelled corpus stays at or above what `bench/quality` measured.

The floors are the figures of the last measured round (see bench/README.md), less a small
margin; a change that costs one corpus what it gains on another fails here.
"""

import pytest

from bench.quality import Score, corpora, score

# metric: (numerator, denominator) of bench.quality's counts
METRICS = {
    "speaker precision": ("speakers right", "speakers given"),
    "speaker recall": ("named right", "named quotes"),
    "quotations found": ("quotes found", "quotes"),
    "people as one entity": ("people one", "people"),
    "topic recall": ("topic right", "topic labels"),
    "topic precision": ("topic right", "topic filings"),
}
FLOORS = {
    "seeds": {"speaker precision": 1.0, "speaker recall": 1.0, "quotations found": 1.0,
              "people as one entity": 0.9, "topic recall": 0.85, "topic precision": 0.85},
    "tram": {"speaker precision": 1.0, "speaker recall": 1.0, "quotations found": 1.0,
             "people as one entity": 1.0, "topic recall": 0.8, "topic precision": 0.95},
    "aviation": {"speaker precision": 0.97, "speaker recall": 0.8, "quotations found": 0.97,
                 "people as one entity": 0.9, "topic recall": 0.6, "topic precision": 0.6},
    "budget": {"speaker precision": 0.97, "speaker recall": 0.7, "quotations found": 0.97,
               "people as one entity": 0.95, "topic recall": 0.7, "topic precision": 0.85},
    "disaster": {"speaker precision": 0.97, "speaker recall": 0.8, "quotations found": 0.93,
                 "people as one entity": 0.95, "topic recall": 0.6, "topic precision": 0.85},
    "ruling": {"speaker precision": 0.97, "speaker recall": 0.8, "quotations found": 0.93,
               "people as one entity": 0.93, "topic recall": 0.7, "topic precision": 0.5},
    "takeover": {"speaker precision": 0.95, "speaker recall": 0.7, "quotations found": 0.9,
                 "people as one entity": 0.95, "topic recall": 0.8, "topic precision": 0.6},
    "transfer": {"speaker precision": 0.88, "speaker recall": 0.6, "quotations found": 0.93,
                 "people as one entity": 0.85, "topic recall": 0.55, "topic precision": 0.7},
}  # fmt: skip
CORPORA = {name: (folder, labels) for name, folder, labels in corpora()}


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return {name: score(*CORPORA[name]) for name in FLOORS}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_quality_floors(corpus: str, scores: dict[str, Score]):
    measured = {metric: scores[corpus].ratio(*counts) or 0.0 for metric, counts in METRICS.items()}
    below = {
        metric: f"{measured[metric]:.2f} < {floor}"
        for metric, floor in FLOORS[corpus].items()
        if measured[metric] < floor
    }
    assert not below, below


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_no_non_person_listed_as_a_person_beyond_the_known(corpus: str, scores: dict[str, Score]):
    """Places, descriptors and units are never people (the transfer corpus's foreign-language
    stadium and school names are the known exceptions)."""
    allowed = {"transfer": 3, "takeover": 1}.get(corpus, 0)
    assert scores[corpus].counts.get("non-people as people", 0) <= allowed
