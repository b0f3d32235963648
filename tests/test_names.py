"""Cutting a run of capitalised words into the role in front and the name: a table of shapes."""

import pytest

from generator import names
from generator.places import is_place


def split(text: str) -> list[tuple[str | None, str]]:
    found = []
    for match in names.run_pattern().finditer(text):
        cut = names.split_run(text, match.start(), match.end())
        if cut:
            found.append((cut.role, cut.name))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Titles and honorifics stay out of the name, however long the office.
        ("Gov. Jane Doe signed it.", [("Gov.", "Jane Doe")]),
        ("House Minority Whip Jane Doe objected.", [("House Minority Whip", "Jane Doe")]),
        ("EPA Administrator Jane Doe spoke.", [("EPA Administrator", "Jane Doe")]),
        ("Chief Operating Officer John Roe wrote.", [("Chief Operating Officer", "John Roe")]),
        ("Chief Justice Jane Doe wrote for the court.", [("Chief Justice", "Jane Doe")]),
        ("Justice Doe dissented.", [("Justice", "Doe")]),
        ("Civil Protection Secretary-General Dimitra Horafa visited.",
         [("Civil Protection Secretary-General", "Dimitra Horafa")]),
        ("Secretary of State Antony Blinken spoke.", [("Secretary of State", "Antony Blinken")]),
        ("Bank of England Governor Jane Doe warned.", [("Bank of England Governor", "Jane Doe")]),
        ("U.S. Rep. Jason Crow, D-Colorado, wrote.", [("U.S. Rep.", "Jason Crow")]),
        # Clause words and post-nominals are not part of the name.
        ("While Doe said no, Roe agreed.", [(None, "Doe"), (None, "Roe")]),
        ("DANIEL OSEI MP", []),
        ("Daniel Osei MP said so.", [(None, "Daniel Osei")]),
        ("said Jane Doe. Officials disagreed.", [(None, "Jane Doe")]),
        # A person and where they work; a member of a place.
        ("Jane Doe of Example Watch said", [(None, "Jane Doe")]),
        ("Sen. Jane Doe of Ohio said", [("Sen.", "Jane Doe")]),
        # Inner capitals, apostrophes, particles, hyphens and accents.
        ("McAllister met O’Brien, DeSantis and MacArthur.",
         [(None, "McAllister"), (None, "O’Brien"), (None, "DeSantis"), (None, "MacArthur")]),
        ("Jane van der Berg and Omar al-Hassan met José Núñez and Ann Smith-Jones.",
         [(None, "Jane van der Berg"), (None, "Omar al-Hassan"), (None, "José Núñez"),
          (None, "Ann Smith-Jones")]),
        # A bare title names nobody.
        ("The Defence Minister arrived.", []),
        ("French Foreign Minister", []),
    ],
)  # fmt: skip
def test_role_and_name(text: str, expected: list[tuple[str | None, str]]):
    assert split(text) == expected


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Ohio", True),
        ("United Kingdom", True),
        ("South America", True),
        ("Central Asia", True),
        ("Eastern Ukraine", True),
        ("Jane Doe", False),
        ("Helena Osterberg", False),
    ],
)
def test_places_come_from_the_gazetteers(name: str, place: bool):
    assert is_place(name) is place


@pytest.mark.parametrize(
    ("word", "suffix"),
    [("MP", True), ("Jr.", True), ("III", True), ("PhD", True), ("Obi", False), ("Ma", False)],
)
def test_post_nominals_but_not_surnames_that_spell_one(word: str, suffix: bool):
    assert names.is_suffix(word) is suffix
