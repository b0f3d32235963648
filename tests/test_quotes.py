"""Quotations and their speakers: a table per attribution pattern, then a labelled set."""

from pathlib import Path

import pytest
import yaml

from generator.pipeline import build_briefing

from .analysis_helpers import attributed
from .conftest import SEEDS

LABELLED = Path(__file__).parent / "data" / "attribution.yml"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X said" after the quotation; straight and curly quotes.
        ("Secretary of State Antony Blinken spoke in Vilnius. “Every ally I’ve talked to understands why we’re doing this,” Blinken said Tuesday.",
         [("Every ally I’ve talked to understands why we’re doing this", "Antony Blinken", "Blinken")]),
        ('"We will lose our passing trade and our customers," said Maria Costa, who runs a café.',
         [("We will lose our passing trade and our customers", "Maria Costa", "Maria Costa")]),
        # "said X, role" — the role is not part of the label.
        ("“We have thought a lot about DPICMs,” said General Mark Milley, head of the Joint Chiefs of Staff.",
         [("We have thought a lot about DPICMs", "Mark Milley", "General Mark Milley")]),
        # "X, role, told lawmakers".
        ("“Our military analysts have confirmed that DPICM will be useful,” Laura Cooper, deputy assistant secretary of defense for Russia and Ukraine, told lawmakers.",
         [("Our military analysts have confirmed that DPICM will be useful", "Laura Cooper", "Laura Cooper")]),
        # "X added", "X wrote", a multi-sentence quotation continued after the attribution.
        ("U.S. Rep. Jason Crow sent a letter. “As you know, restrictions apply as a matter of law,” Crow wrote. “I believe that any change in policy requires public discourse.”",
         [("As you know, restrictions apply as a matter of law", "Jason Crow", "Crow"),
          ("I believe that any change in policy requires public discourse.", "Jason Crow", "Crow")]),
        # Pronouns resolve to the last person named before the quotation.
        ("Laura Cooper, a Pentagon official, spoke on Thursday. \"Our analysts have confirmed that they would be useful,” she told lawmakers.",
         [("Our analysts have confirmed that they would be useful", "Laura Cooper", "she")]),
        # "according to X" after, and a dash-set attribution inside the quotation.
        ("“Prices will fall sharply next year,” according to a government report.",
         [("Prices will fall sharply next year", None, "a government report")]),
        ("“They are indiscriminate and affect civilians – denounced Sarah Yager, Washington director of Human Rights Watch – We are also talking about breaking a global norm“.",
         [("They are indiscriminate and affect civilians … We are also talking about breaking a global norm", "Sarah Yager", "Sarah Yager")]),
        ("“We have always said that our assistance would evolve – said a source – In recent weeks we have seen a growing need”.",
         [("We have always said that our assistance would evolve … In recent weeks we have seen a growing need", None, "a source")]),
        # Anonymous sources keep their words and get no speaker, even when a name is quoted.
        ("“Director Burns was recently in Ukraine, as he has done regularly,” said a US official.",
         [("Director Burns was recently in Ukraine, as he has done regularly", None, "a US official")]),
        ("“Russia will negotiate only if it feels threatened,” a senior Ukrainian official said.",
         [("Russia will negotiate only if it feels threatened", None, "a senior Ukrainian official")]),
        ("“Probably – according to the document – they would increase the effectiveness” of the forces “against assault waves because one cluster munition has the same lethality as 10 artillery pieces”.",
         [("Probably … they would increase the effectiveness", None, "the document"),
          ("against assault waves because one cluster munition has the same lethality as 10 artillery pieces", None, "the document")]),
        ("Asked about the delay, the spokesman said: “We are working on it.”",
         [("We are working on it.", None, "the spokesman")]),
        # Partial quotations count when a named speaker is given; scare quotes do not.
        ('In December of last year, Dan Rice stated that the US "really needs" to arm Kiev\'s military to boost "base lethality".',
         [("really needs", "Dan Rice", "Dan Rice"), ("base lethality", "Dan Rice", "Dan Rice")]),
        ("Ukrainian officials revealed an “ambitious strategy” to regain control of the territories.", []),
        ("They scatter explosive “bomblets” over a wide area.", []),
        ("The group asked them to unleash the “untapped, vast arsenal” to Ukraine.", []),
    ],
)  # fmt: skip
def test_attribution_patterns(text: str, expected: list[tuple[str, str | None, str | None]]):
    assert attributed(text) == expected


def test_every_seed_quotation_has_its_speaker():
    briefing = build_briefing(SEEDS).briefing
    names = {e.id: e.name for e in briefing.analysis.entities}
    said = [(names.get(q.speaker or ""), q.speaker_label, q.text) for q in briefing.analysis.quotes]
    expected = [
        ("Mark Milley", "General Mark Milley", "We have thought a lot about DP"),
        ("Mark Milley", "he", "There is a decision making proc"),
        (None, "the document", "Probably … they would increase"),
        (None, "the document", "against assault waves because "),
        (None, "a source", "We have always said that our s"),
        ("Sarah Yager", "Sarah Yager", "They are indiscriminate and af"),
        (None, "a US official", "Director Burns was recently in"),
        (None, "a senior Ukrainian official", "Russia will negotiate only if "),
        ("Laura Cooper", "she", "Our military analysts have con"),
        ("Laura Cooper", "Cooper", "The reason why you have not se"),
        ("Dan Rice", "Dan Rice", "really needs"),
        ("Dan Rice", "Dan Rice", "base lethality"),
        ("Dan Rice", "Dan Rice", "win the war"),
        ("Jason Crow", "Crow", "As you know, the United States "),
        ("Jason Crow", "Crow", "I believe that any change in po"),
        ("Laura Cooper", "Laura Cooper", "Our military analysts have con"),
        ("Laura Cooper", "Cooper", "The reason you haven’t seen a s"),
        ("Laura Cooper", "Cooper", "In terms of battlefield effect"),
        ("Antony Blinken", "Blinken", "The stockpiles around the worl"),
        ("Antony Blinken", "Blinken", "The hard but necessary choice "),
        ("Oleksiy Reznikov", "Oleksiy Reznikov", "next game changer as weaponry "),
        ("Antony Blinken", "Blinken", "Every ally I’ve talked to has "),
    ]
    assert len(said) == len(expected)
    for (name, label, text), (want_name, want_label, start) in zip(said, expected, strict=True):
        assert (name, label) == (want_name, want_label) and text.startswith(start), text


def _score(items: list[dict]) -> tuple[int, int, int]:
    """(correct, predicted, expected) over a labelled set."""
    correct = predicted = expected = 0
    for item in items:
        found = attributed(item["text"])
        wanted = [(q["starts"], q.get("speaker"), q.get("label")) for q in item["quotes"]]
        predicted += len(found)
        expected += len(wanted)
        for starts, speaker, label in wanted:
            hit = next(
                (f for f in found if f[0].startswith(starts) and f[1] == speaker
                 and (speaker is not None or f[2] == label)),
                None,
            )  # fmt: skip
            if hit:
                correct += 1
                found.remove(hit)
    return correct, predicted, expected


def test_precision_and_recall_on_labelled_sentences(capsys: pytest.CaptureFixture[str]):
    items = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))
    correct, predicted, expected = _score(items)
    precision, recall = correct / predicted, correct / expected
    with capsys.disabled():
        print(f"\nattribution on {len(items)} labelled passages: {correct} right of {predicted} "
              f"found and {expected} expected; precision {precision:.2f}, recall {recall:.2f}")  # fmt: skip
    assert precision >= 0.9 and recall >= 0.85


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "he said" after a paragraph naming several people: the one the narration had speak,
        # never a name inside a quotation.
        ("Council Member Anna Roe, who chairs the finance committee, said the plan was paid for. She thanked Mayor Tom Doe and Budget Director Ray Poe for their work on the amendments.\n\n"
         "“We found the money without touching the property tax,” she said.",
         [("We found the money without touching the property tax", "Anna Roe", "she")]),
        ("Civil Protection Minister Eleni Varga and Secretary-General Dora Hale visited the town on Thursday, and Hale told reporters that crews could not reach it.\n\n"
         "“There were boats twenty kilometres away that could not cross that water,” she said.",
         [("There were boats twenty kilometres away that could not cross that water", "Dora Hale", "she")]),
        ("Gareth Price, a forklift driver and union steward, and his wife, Lorna Price, a transport planner, both finished night shifts when the news broke.\n\n"
         "Lorna Price was more cautious. “Nobody has told us anything yet about the site,” she said.",
         [("Nobody has told us anything yet about the site", "Lorna Price", "she")]),
        # Two people the text does not tell apart: no speaker.
        ("Jane Roe met Ann Poe at the depot on Friday to talk about the closures and the jobs.\n\n"
         "“We will keep talking until there is a deal for everyone here,” she said.",
         [("We will keep talking until there is a deal for everyone here", None, "she")]),
        # A clause after the quotation about someone else is not its attribution.
        ("Gov. Dan Harrow, who signed the cap into law, called the ruling “a setback for every family saving for college,” while University President Jose Nunez called it overdue.",
         [("a setback for every family saving for college", "Dan Harrow", "Dan Harrow")]),
        # A quotation over two paragraphs takes its closing attribution back to its opening.
        ("Mayor Ana Ruiz spoke after the vote on Tuesday evening at City Hall with her staff.\n\n"
         "“I respect my colleagues and I know how hard they worked on this budget.\n\n"
         "“I will keep fighting for the other five branches,” Ruiz said.",
         [("I respect my colleagues and I know how hard they worked on this budget.", "Ana Ruiz", "Ruiz"),
          ("I will keep fighting for the other five branches", "Ana Ruiz", "Ruiz")]),
        # A statement quoted as a block, introduced by its speaker.
        ("Gov. Dan Harrow did not appear in person on Friday but issued a written response instead. Harrow said in a statement:\n\n"
         "Today's ruling does not change what families already know: college costs too much.",
         [("Today's ruling does not change what families already know: college costs too much.", "Dan Harrow", "Harrow")]),
        # A quotation after a dash names its speaker; a round-up heading names the next one's.
        ("Students rallied outside the court all afternoon, holding signs and chanting slogans.\n\n"
         "Quote: “The court just made my tuition bill something I can't plan for.” — Devon Marsh, a student at the university",
         [("The court just made my tuition bill something I can't plan for.", "Devon Marsh", "Devon Marsh")]),
        ("Reaction came quickly on Friday from lawmakers of both parties and from the campuses.\n\n"
         "FORMER GOV. WALTER KINCAID, REPUBLICAN:\n\n"
         "I vetoed a tuition cap in 2011 for the same reason the court struck this one down.”",
         [("I vetoed a tuition cap in 2011 for the same reason the court struck this one down.", "Walter Kincaid", "FORMER GOV. WALTER KINCAID, REPUBLICAN")]),
        # "said X" after a name first seen without any sign of being a person's.
        ("Joaquin Ibanez has worked on the fuselage line in east Wichita for eleven years now.\n\n"
         "“Everybody is asking the same thing on the floor: are we next?” said Ibanez, president of the local.",
         [("Everybody is asking the same thing on the floor: are we next?", "Joaquin Ibanez", "Ibanez")]),
        # A person named with where they work; an apostrophe written two ways.
        ("But Tom Whitfield of Moray Brothers was sceptical of the industrial case for the deal. “Velkor is paying a premium for scale it already has,” he wrote in a note.",
         [("Velkor is paying a premium for scale it already has", "Tom Whitfield", "he")]),
        ("Declan O'Brien, the airline's chief executive, said the teams were ready for the inspections.\n\n"
         "“Every day these aircraft sit idle, we are stranding thousands of customers,” O’Brien said.",
         [("Every day these aircraft sit idle, we are stranding thousands of customers", "Declan O'Brien", "O’Brien")]),
        # The sentence's subject, then a predicate joined to the speech verb by "and".
        ("Union president Glen Pardoe refused to endorse the amended plan and said the union would \"hold every member of this council accountable next year.\"",
         [("hold every member of this council accountable next year.", "Glen Pardoe", "Glen Pardoe")]),
        # A pronoun after a leading "But", in reported speech with a partial quotation.
        ("Chief executive Graham Ross apologized to the passengers on Tuesday.\n\n"
         "But he told senators that aircraft which pass the inspection \"are as safe as any airplane flying today.\"",
         [("are as safe as any airplane flying today.", "Graham Ross", "he")]),
        # Two people of one surname: the one the article has introduced by then.
        ("Owen Hale, who runs the garage his father opened, put it to me plainly.\n\n"
         "“I already collect more for the city on every ticket than I keep,” Hale said.\n\n"
         "Council Member Ada Hale said she would vote against the levy on Tuesday.",
         [("I already collect more for the city on every ticket than I keep", "Owen Hale", "Hale")]),
        # A heading names the speaker inside a longer name, and where it was said.
        ("Reaction came quickly on Friday from both clubs and from the fans who had waited all summer.\n\n"
         "CLUB PRESIDENT PIETJE VAN DER HOEK, IN A CLUB STATEMENT:\n\n"
         "“This is not the day any of us wanted, but it is a fair day for the club.”\n\n"
         "Mr. van der Hoek did not take questions.",
         [("This is not the day any of us wanted, but it is a fair day for the club.", "Pietje van der Hoek", "CLUB PRESIDENT PIETJE VAN DER HOEK, IN A CLUB STATEMENT")]),
        # A document is its author's; an organisation described by its kind is the one named.
        ("The Example Pilots Association, which represents 900 pilots, said in a statement that the fleet must stay parked. The statement said:\n\n"
         "No pilot should be asked to fly an airplane whose maker cannot say how it was built.",
         [("No pilot should be asked to fly an airplane whose maker cannot say how it was built.", "Example Pilots Association", "The statement")]),
        ("The Federal Aviation Administration moved quickly on Thursday. “Inspections alone will not return these aircraft to service,” the agency posted on X.",
         [("Inspections alone will not return these aircraft to service", "Federal Aviation Administration", "the agency")]),
        # Two organisations named and neither is called a ministry: no speaker.
        ("The Example Trust and the Harbour Board met on Friday. “We will not reopen the quay this year,” the ministry said.",
         [("We will not reopen the quay this year", None, "the ministry")]),
        # Two people share a surname; the honorific and "she" tell "Mr Roe" apart.
        ("Outside the branch, Tom and Jane Roe, who have been married for 41 years, read the notice. Jane Roe, 64, says she will pay.\n\n"
         "Her husband sees it differently. “Give it to the very old first, they need it most,” Mr Roe said.",
         [("Give it to the very old first, they need it most", "Tom Roe", "Mr Roe")]),
        # "He added" after an unnamed source is that source, not the last person named.
        ("Striker Kofi Mensa said on Monday that he wanted the move to happen this summer.\n\n"
         "A senior club official, speaking on condition of anonymity, tells us the gap is large. He added: \"The president will not move below 30 fixed. Everyone knows that.\"",
         [("The president will not move below 30 fixed. Everyone knows that.", None, "He")]),
        # A double surname: "Ortíz" is Ramón Ortíz Vidal, who is also "Ramón Ortíz".
        ("President Ramón Ortíz Vidal took over in 2021. Ramón Ortíz said the club was ready.\n\n"
         "For Ortíz, the case has become a test. “If we cannot bring him here, we should stop saying we are ambitious,” he told a radio station.",
         [("If we cannot bring him here, we should stop saying we are ambitious", "Ramón Ortíz Vidal", "he")]),
        # A heading with a club and its coach: the coach speaks.
        ("Reaction came quickly on Friday from both clubs and from the fans who had waited all summer.\n\n"
         "TURIA COACH LUIGI BRACCO, AT HIS PRESS CONFERENCE:\n\n"
         "“We have waited for this all summer.”\n\n"
         "Luigi Bracco, the head coach, smiled.",
         [("We have waited for this all summer.", "Luigi Bracco", "TURIA COACH LUIGI BRACCO, AT HIS PRESS CONFERENCE")]),
        # A spokesperson speaks for the organisation named.
        ("A spokesperson for the Department of Trade said: “This is a commercial matter for the companies and their shareholders.”",
         [("This is a commercial matter for the companies and their shareholders.", "Department of Trade", "A spokesperson for the Department of Trade")]),
        # What a named person said, as a noun: "Doe's words … that …".
        ("We noted President Joost Hoek's words last week that the striker is “not for sale, and certainly not at that price”.",
         [("not for sale, and certainly not at that price", "Joost Hoek", "Joost Hoek")]),
        # A speech verb as a participle after the sentence's subject.
        ("Former striker Pieter Kaag went further on television, describing the decision as “the panic of a man who blinked first.”",
         [("the panic of a man who blinked first.", "Pieter Kaag", "Pieter Kaag")]),
        # A pronoun after an opening phrase; a second quotation in the same sentence.
        ("Chief executive Greta Lindau spoke to investors in November.\n\n"
         "At a results presentation in Hamburg, she described Britain as “the one big gap in our map” and said the group would “be disciplined, but we will not be shy”.",
         [("the one big gap in our map", "Greta Lindau", "she"),
          ("be disciplined, but we will not be shy", "Greta Lindau", "she")]),
        # Names inside a trailing attribution do not part two quotations of one speaker.
        ("“Shortsighted,” said Colin Ashby, who chairs the committee, of Jane Frey's offer to sell warehouses. “Selling four depots fixes the regulator's problem and does nothing for the people who work in them.”",
         [("Shortsighted", "Colin Ashby", "Colin Ashby"),
          ("Selling four depots fixes the regulator's problem and does nothing for the people who work in them.", "Colin Ashby", "Colin Ashby")]),
        # A live blog's "Quote:" entry after a paragraph whose speaker spoke last.
        ("Chief executive Stefan Ruud told the meeting that the board had \"tested every alternative, including staying independent\" before recommending the offer.\n\n"
         "Quote: “If I thought there was a better future for this company on its own, I would be standing here telling you to vote against.”",
         [("tested every alternative, including staying independent", "Stefan Ruud", "Stefan Ruud"),
          ("If I thought there was a better future for this company on its own, I would be standing here telling you to vote against.", "Stefan Ruud", None)]),
        # A descriptor after a paragraph about one person is that person; "the official" is not.
        ("Head coach Hamish Dunlop said he had been told the striker would stay. While Dunlop declined to go into details, he made clear where he stood.\n\n"
         "“I build my team around Kofi and nobody else this season,” the Scot said.",
         [("I build my team around Kofi and nobody else this season", "Hamish Dunlop", "the Scot")]),
        ("Mayor Jane Doe announced the closures on Monday.\n\n"
         "“Nobody in the department was asked about this before it was announced,” the official said.",
         [("Nobody in the department was asked about this before it was announced", None, "the official")]),
    ],
)  # fmt: skip
def test_attribution_beyond_the_seeds(
    text: str, expected: list[tuple[str, str | None, str | None]]
):
    assert attributed(text) == expected
