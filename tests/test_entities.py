import pytest

from .analysis_helpers import analyse_text


def people(text: str) -> dict[str, list[str]]:
    entities, _ = analyse_text(text)
    return {e.name: [r.text for r in e.roles] for e in entities if e.kind == "person"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Titles before names.
        ("Secretary of State Antony Blinken on Tuesday defended the decision.",
         {"Antony Blinken": ["Secretary of State"]}),
        ("“We have thought a lot about it,” said General Mark Milley, head of the United States Joint Chiefs of Staff, in statements.",
         {"Mark Milley": ["General", "head of the United States Joint Chiefs of Staff"]}),
        ("The meetings included Ukrainian President Volodymyr Zelensky and top intelligence officials.",
         {"Volodymyr Zelensky": ["Ukrainian President"]}),
        ("He sent a letter Thursday to Defense Secretary Lloyd Austin asking for details.",
         {"Lloyd Austin": ["Defense Secretary"]}),
        # Appositives after names, commas inside the role included.
        ("The U.S. military believes they would be useful, Laura Cooper, the Pentagon’s top official for Russia, Ukraine and Eurasia, said Thursday.",
         {"Laura Cooper": ["Pentagon’s top official for Russia, Ukraine and Eurasia"]}),
        ("“They are indiscriminate – denounced Sarah Yager, Washington director of Human Rights Watch – and wrong.”",
         {"Sarah Yager": ["Washington director of Human Rights Watch"]}),
        ("U.S. Rep. Jason Crow, D-Colorado, who is a member of the House Armed Services Committee, sent a letter Thursday.",
         {"Jason Crow": ["U.S. Rep.", "D-Colorado", "member of the House Armed Services Committee"]}),
        # Possessive and lowercase roles before the name.
        ("Speaking to reporters in Vilnius, Ukraine’s defense minister Oleksiy Reznikov said Tuesday that he hoped so.",
         {"Oleksiy Reznikov": ["Ukraine’s defense minister"]}),
        ("“This is the single biggest investment in our transport,” said council leader Tomas Lindqvist.",
         {"Tomas Lindqvist": ["council leader"]}),
        # Appositive before the name.
        ("At the beginning of June, the director of the CIA, William Burns, was on a visit to Ukraine.",
         {"William Burns": ["director of the CIA"]}),
        # A speech verb or a possessive is enough to be a person, with no role.
        ("In December of last year, Dan Rice stated that the US needs them.", {"Dan Rice": []}),
        ("Burns visited before Yevgeniy Prigozhin’s failed uprising in Russia.", {"Yevgeniy Prigozhin": []}),
        # A name right after a sentence that ends in a capitalised word.
        ("The court struck down the Tuition Stability Act. Chief Justice Eleanor Roe wrote the opinion.",
         {"Eleanor Roe": ["Chief Justice"]}),
        # Not people: places, things, outlets, garbled fragments, capitalised phrases.
        ("Republicans on Capitol Hill have celebrated the decision.", {}),
        ("The Dual Purpose Improved Conventional Munitions are banned by the Convention on Cluster Munitions.", {}),
        ("According to US officials, either Fly That Kiev have already employed cluster munitions.", {}),
        ("Shopkeepers on Quay Street say the works could push them out of business.", {}),
        ("Blinken said in an interview with NBC’s Andrea Mitchell that allies agree.", {}),
        ("The Washington Post writes that the Cold War stockpile is ageing.", {}),
        ("Another season with European football at Stadion Rivierkade would make him a better player, said coach Jan Smit.",
         {"Jan Smit": ["coach"]}),
    ],
)  # fmt: skip
def test_people_and_roles(text: str, expected: dict[str, list[str]]):
    assert people(text) == expected


def test_surnames_and_possessives_resolve_to_the_full_name():
    text = (
        "Laura Cooper, deputy assistant secretary of defense, spoke on Thursday to lawmakers in Washington.\n\n"
        "Cooper added that the decision was close, and Cooper’s staff agreed with her assessment.\n\n"
        "Director William J. Burns, the head of the CIA, travelled. Burns’ visit was secret."
    )
    entities, _ = analyse_text(text)
    by_name = {e.name: e for e in entities}
    assert len(by_name["Laura Cooper"].mentions) == 3
    assert {m.ref.paragraph for m in by_name["Laura Cooper"].mentions} == {"p1", "p2"}
    assert len(by_name["William J. Burns"].mentions) == 2


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("The Pentagon feels they are valuable in terms of battlefield efficacy.", "organisation", "Department of Defense"),
        ("The US Defense Department has not confirmed it.", "organisation", "Department of Defense"),
        ("Sarah Yager works for Human Rights Watch in Washington, it said.", "organisation", "Human Rights Watch"),
        ("He is a member of the House Armed Services Committee, which met.", "organisation", "House Armed Services Committee"),
        ("So far, the Biden administration has refused to deliver them.", "organisation", "Biden administration"),
        ("Some human rights groups oppose the use of the weapon.", "group", "human rights groups"),
        ("U.S. allies, as well as others, have criticized the decision.", "group", "U.S. allies"),
        ("The administration faced outrage from some key Democrats on Capitol Hill, who broke ranks.", "group", "key Democrats on Capitol Hill"),
        ("Ukraine, as well as Republicans on Capitol Hill, have celebrated.", "group", "Republicans on Capitol Hill"),
        # A country that speaks or takes a side acts as its government.
        ("Norway said on Friday that it opposes the transfer of the weapons.", "organisation", "Norway"),
        ("Spain, which signed the convention in 2008, has also condemned the decision.", "organisation", "Spain"),
    ],
)  # fmt: skip
def test_organisations_and_groups(text: str, kind: str, name: str):
    entities, _ = analyse_text(text)
    assert (kind, name) in {(e.kind, e.name) for e in entities}


def test_aliases_merge_names_across_articles():
    from generator.config import Entities, Organisation
    from generator.entities import find_entities
    from generator.ingest import parse_text
    from generator.segment import segment

    config = Entities(
        organisations=(Organisation(name="Department of Defense", aliases=("Pentagon",)),),
        aliases={"Kyiv": ("Kiev",)},
    )
    one = segment(
        parse_text(
            "The Pentagon said Laura Cooper would testify to lawmakers on Thursday in public.",
            "c/a.txt",
        ),
        "a",
    )
    two = segment(
        parse_text(
            "The Department of Defense has not confirmed it, Cooper told lawmakers on Friday.",
            "c/b.txt",
        ),
        "b",
    )
    entities = find_entities((one, two), config)
    defense = next(e for e in entities if e.name == "Department of Defense")
    assert {m.ref.article for m in defense.mentions} == {"a", "b"}
    cooper = next(e for e in entities if e.name == "Laura Cooper")
    assert {m.ref.article for m in cooper.mentions} == {"a", "b"}


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Norway said the shipment had not yet arrived.",  # the officials speak
        "The convoy crossed from Poland into Ukraine on Tuesday night.",  # places, not actors
    ],
)
def test_a_country_merely_named_is_no_actor(text: str):
    entities, _ = analyse_text(text)
    assert not {e.name for e in entities} & {"Norway", "Poland"}
