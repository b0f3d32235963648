"""Claims, discrepancies and the timeline: tables of hard cases, then the seeds end to end."""

import pytest

from generator.claims import claims_in, find_discrepancies
from generator.ingest import parse_text
from generator.model import Article, Document
from generator.pipeline import build_briefing
from generator.segment import segment
from generator.timeline import find_events

from .conftest import SEEDS


def article(text: str, date: str | None = None, slug: str = "a") -> Article:
    document = parse_text(text, f"c/{slug}.txt")
    document = Document(document.source_path, None, date, None, None, document.blocks, ())
    return segment(document, slug)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The deal has been signed by over 100 countries, however, the United States has not.",
         [("countries", "over 100", 100, float("inf"))]),
        ("Banned in more than 120 countries, cluster munitions fire smaller projectiles.",
         [("countries", "more than 120", 120, float("inf"))]),
        ("The treaty has been adopted by 123 countries, including most of NATO’s 28 member states.",
         [("countries", "123", 123, 123), ("member", "28", 28, 28)]),
        ("Ukrainian cluster munitions killed eight civilians in Izium last year.",
         [("civilians", "eight", 8, 8)]),
        ("The cost, now put at 212 million pounds, had grown by a third.",
         [("pounds", "212 million", 212e6, 212e6)]),
        ("Funds were overvalued by $6.2bln, officials said.", [("dollars", "$6.2bln", 6.2e9, 6.2e9)]),
        ("The dud rate could be as high as 40% in some tests.", [("percent", "40%", 40, 40)]),
        ("Officials said about 2,000 people had left.", [("people", "about 2,000", 1800, 2200)]),
        ("Between 100 and 120 countries could sign it.", [("countries", "Between 100 and 120", 100, 120)]),
        ("Fighting displaced 10-15 families near the river.", [("families", "10-15", 10, 15)]),
        ("the entry of two new countries, Finland and Sweden, into the alliance",
         [("new countries", "two", 2, 2)]),
        ("The 2008 treaty banning the production of cluster munitions.",
         [("year of the treaty", "2008", 2008, 2008)]),
        # Not claims: ages, ordinals, dates, list numbers, durations.
        ("The 45-year-old soldier and a man aged 30 were hurt.", []),
        ("It was the 485th day of the war in Ukraine.", []),
        ("On June 30 the letter arrived.", []),
        ("1. The first point of the plan.", []),
        ("The talks lasted 12 hours and the ceasefire 3 days.", []),
        ("Two senior U.S. officials said so.", []),
    ],
)  # fmt: skip
def test_claims(sentence: str, expected: list[tuple[str, str, float, float]]):
    found = claims_in(article(sentence))
    assert [(f.unit, f.claim.value) for f in found] == [
        (unit, value) for unit, value, *_ in expected
    ]
    # "more than 100" is an open bound: just above 100.
    assert [(f.low, f.high) for f in found] == [
        (pytest.approx(low, abs=1e-6), high) for *_, low, high in expected
    ]


def test_discrepancies_group_by_subject_and_mark_compatibility():
    one = article(
        "More than 100 countries have signed the convention banning cluster munitions.", slug="a"
    )
    two = article(
        "The convention banning cluster munitions has been adopted by 123 countries.", slug="b"
    )
    three = article(
        "The convention banning cluster munitions was signed by 90 countries.", slug="c"
    )
    other = article(
        "The summit considered the entry of two new countries into the alliance.", slug="d"
    )
    compatible = find_discrepancies((one, two))
    assert [(d.subject, [c.value for c in d.claims], d.compatible) for d in compatible] == [
        ("countries", ["More than 100", "123"], True)
    ]
    (found,) = find_discrepancies((one, two, three, other))
    assert [c.value for c in found.claims] == ["More than 100", "123", "90"]
    assert not found.compatible


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        ("Blinken spoke on 11 Jul 2023 in Vilnius.", None, [("2023-07-11", "day", None, False)]),
        ("It came on July 11, 2023, after talks.", None, [("2023-07-11", "day", None, False)]),
        ("Since the February 2022 invasion of Ukraine, it has asked for more.", None,
         [("2022-02", "month", None, False)]),
        ("The 2008 treaty bans them.", None, [("2008", "year", None, False)]),
        # Relative to the article's date (a Friday).
        ("Crow sent a letter Thursday to Defense Secretary Lloyd Austin.", "2023-06-30",
         [("2023-06-29", "day", None, False)]),
        ("Blinken on Friday defended the decision.", "2023-06-30", [("2023-06-30", "day", None, False)]),
        ("In December of last year, Dan Rice stated it.", "2023-06-30", [("2022-12", "month", None, False)]),
        ("Eight civilians were killed last year.", "2023-07-11", [("2022", "year", None, False)]),
        ("An assessment in January found them effective.", "2023-06-30", [("2023-01", "month", None, False)]),
        ("At the beginning of June, Burns was on a visit.", "2023-07-11", [("2023-06", "month", None, False)]),
        ("They hope to start talks by the end of the year.", "2023-07-11", [("2023-12", "month", None, True)]),
        # Later than the article: last year's when told of the past, a plan when announced.
        ("The council voted in December to close the branch.", "2023-06-30", [("2022-12", "month", None, False)]),
        ("The new line will open in December.", "2023-06-30", [("2023-12", "month", None, True)]),
        ("It may come as early as next month.", "2023-06-30", [("2023-07", "month", None, True)]),
        # An announcement does not turn an earlier date into a plan.
        ("The board, which met on 3 May 2023, will vote on 30 July 2023.", "2023-06-30",
         [("2023-05-03", "day", None, False), ("2023-07-30", "day", None, True)]),
        # A weekday resolved from the article is the day it happened, whatever was said then.
        ("On Tuesday she told senators the fleet will stay grounded.", "2024-03-19",
         [("2024-03-19", "day", None, False)]),
        # Left out rather than guessed.
        ("Crow sent a letter Thursday.", None, []),
        ("The announcement came last week.", "2023-07-11", []),
        ("Talks may resume in November.", "2023-07-11", []),  # later, neither told nor announced
        ("At the beginning of June, Burns was on a visit.", None, []),  # undated, no corpus year
    ],
)  # fmt: skip
def test_dates(sentence: str, date: str | None, expected: list[tuple[str, str, None, bool]]):
    events = [e for e in find_events((article(sentence, date),)) if not e.published]
    assert [(e.date, e.precision, e.basis, e.plan) for e in events] == expected


def test_undated_article_takes_the_corpus_year_and_says_so():
    dated = article("Blinken defended the decision to send cluster munitions.", "2023-07-11", "a")
    undated = article(
        "At the beginning of June, the director of the CIA was on a visit.", None, "b"
    )
    events = [e for e in find_events((dated, undated)) if not e.published]
    assert [(e.date, e.ref.article) for e in events] == [("2023-06", "b")]
    assert "2023" in (events[0].basis or "")


def test_seed_discrepancies_and_timeline():
    analysis = build_briefing(SEEDS).briefing.analysis
    by_subject = {d.subject: d for d in analysis.discrepancies}
    countries = next(d for s, d in by_subject.items() if s.startswith("Countries"))
    assert [c.value.lower() for c in countries.claims] == [
        "over 100", "more than 100", "more than 120", "123", "more than 100",
    ]  # fmt: skip
    assert countries.compatible
    years = by_subject["Year of the Convention on Cluster Munitions"]
    assert [c.value for c in years.claims] == ["2008", "2010"] and not years.compatible
    dates = [(e.date, e.text[:25]) for e in analysis.timeline if not e.published]
    wanted = [
        ("2022-02", "The focus is on Ukraine’s"),  # the February 2022 invasion
        ("2023-06", "At the beginning of June,"),  # the Burns visit
        ("2023-06-29", "U.S. Rep. Jason Crow, D-C"),  # the Crow letter
        ("2023-07-11", "Secretary of State Antony"),  # Blinken's interview
    ]
    positions = [dates.index(item) for item in wanted]
    assert positions == sorted(positions)
