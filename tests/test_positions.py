"""Stances on the central question, with evidence, on the seeds and on the second corpus."""

import pytest

from generator.config import Cue, Stance
from generator.model import Briefing
from generator.pipeline import build_briefing
from generator.positions import find_positions

from .analysis_helpers import analyse_text
from .conftest import SEEDS, TRAM


def stances(briefing: Briefing) -> dict[str, str]:
    names = {e.id: e.name for e in briefing.analysis.entities}
    return {names[p.entity]: p.stance for p in briefing.analysis.positions}


def test_seed_positions():
    briefing = build_briefing(SEEDS).briefing
    found = stances(briefing)
    for name in ("Antony Blinken", "Laura Cooper", "Dan Rice", "Oleksiy Reznikov"):
        assert found[name] == "supports", name
    for name in ("Human Rights Watch", "Sarah Yager", "human rights groups", "U.S. allies",
                 "key Democrats on Capitol Hill"):  # fmt: skip
        assert found[name] == "opposes", name
    assert found["Republicans on Capitol Hill"] == "supports"
    assert found["Mark Milley"] == "unclear"  # he said only that a decision was being weighed
    # Every stance cites paragraphs that exist and hold the evidence verbatim; " … " marks where
    # an attribution inside a quotation was left out.
    for position in briefing.analysis.positions:
        assert position.evidence
        for evidence in position.evidence:
            for part in evidence.text.split(" … "):
                assert part in briefing.paragraph(evidence.ref).text


def test_organisation_speaks_through_its_people():
    briefing = build_briefing(SEEDS).briefing
    hrw = next(p for p in briefing.analysis.positions if p.entity == "human-rights-watch")
    assert {e.via for e in hrw.evidence} == {"Sarah Yager"}


def test_second_corpus_positions_with_its_own_cues():
    found = stances(build_briefing(TRAM).briefing)
    assert found["Tomas Lindqvist"] == "supports"
    assert found["Maria Costa"] == "opposes"
    assert found["Opposition councillors"] == "opposes"
    assert found["Shopkeepers on Quay Street"] == "opposes"


STANCE = Stance(
    question="the plan",
    supports=(Cue(terms=("welcomed", "backs", "celebrated")),),
    opposes=(Cue(terms=("criticized", "outrage", "broke with", "condemned")),),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The subject of the clause takes the stance, not a name after a preposition.
        ("Mayor John Tully welcomed the plan in a letter to Senator Ruth Alvarez.",
         {"John Tully": "supports"}),
        # Coordinated subjects share it.
        ("U.S. allies, as well as human rights groups, have criticized the decision.",
         {"U.S. allies": "opposes", "human rights groups": "opposes"}),
        # An agent after the cue takes it; a relative clause refers back.
        ("The mayor faced outrage from some key Democrats on Capitol Hill, who broke with him.",
         {"key Democrats on Capitol Hill": "opposes"}),
        # A clause after "but" is not the first subject's.
        ("Mayor John Tully welcomed the plan, but Senator Ruth Alvarez condemned it.",
         {"John Tully": "supports", "Ruth Alvarez": "opposes"}),
        # Both sides: mixed.
        ("Mayor John Tully welcomed the plan. Mayor Tully later condemned the cost.",
         {"John Tully": "mixed"}),
        # "I don't think …" turns the whole clause after it.
        ("“I don't think the city should have welcomed the plan this year,” said Mayor John Tully.",
         {"John Tully": "opposes"}),
    ],
)  # fmt: skip
def test_stance_attribution(text: str, expected: dict[str, str]):
    assert stances_in(text, STANCE) == expected


def stances_in(text: str, stance: Stance) -> dict[str, str]:
    """Each actor's stance in a few sentences, as the pipeline finds it on a corpus."""
    from generator.ingest import parse_text
    from generator.segment import segment

    entities, quotes = analyse_text(text)
    article = segment(parse_text(text, "t/x.txt"), "x")
    names = {e.id: e.name for e in entities}
    positions = find_positions((article,), entities, quotes, stance)
    return {names[p.entity]: p.stance for p in positions}


RULING = Stance(question="the court's ruling on the tuition cap")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A stance word belongs to whoever says it, not to the person criticised.
        ("“Shortsighted and reckless,” said Sen. Jane Roe of Gov. Tom Doe's plan to appeal the ruling.",
         {"Jane Roe": "opposes"}),
        # A lead sentence naming two people gives each their own side.
        ("Gov. Tom Doe hailed the ruling as a victory for families, while Sen. Jane Roe called it a costly mistake and a setback.",
         {"Tom Doe": "supports", "Jane Roe": "opposes"}),
        # The speaker's own words, with no cue list written for this story.
        ("“I could not disagree more with this ruling,” said Attorney General Ann Poe.",
         {"Ann Poe": "opposes"}),
        # A negated attitude counts for the other side; any other negated word says nothing.
        ("Sen. Jane Roe does not support the ruling, her office said on Friday.",
         {"Jane Roe": "opposes"}),
        ("Regent Tom Doe has not yet approved a response to the ruling, his office said.", {}),
        ("“We don't support this ruling,” said Attorney General Ann Poe.", {"Ann Poe": "opposes"}),
        # An attitude aimed at the question's object is a whole point on its own.
        ("Council Member Jane Roe has said she supports the ruling and will not recuse herself.",
         {"Jane Roe": "supports"}),
        # A country that takes a side is an actor with a stance.
        ("Norway said on Friday that it opposes the ruling.", {"Norway": "opposes"}),
        # Turning down a criticism defends; what was done to a subject is not its stance.
        ("Attorney General Ann Poe rejected claims that the court had rushed its ruling.",
         {"Ann Poe": "supports"}),
        ("Gov. Tom Doe's appeal against the ruling was rejected, criticised and condemned on Friday.", {}),
        # Words about something else than the question's object say nothing of it.
        ("“We defended this law because it was reasonable,” said Attorney General Ann Poe.", {}),
    ],
)  # fmt: skip
def test_builtin_stance_words(text: str, expected: dict[str, str]):
    found = stances_in(text, RULING)
    assert {name: side for name, side in found.items() if side != "unclear"} == expected
