"""Copies, reprints and spun copies are found; independent reports of one event are not merged."""

from generator.copies import find_copies
from generator.ingest import parse_article
from generator.segment import segment

ORIGINAL = [
    "The Harbourside council voted 7 to 2 on Tuesday to close the Quay Street library branch "
    "at the end of March, ending a campaign by parents that had lasted most of the winter.",
    "Council leader Mara Olsen said the branch cost 410,000 pounds a year to run and that "
    "fewer than 40 people used it on an average day, against 300 at the central library.",
    "“We cannot keep open a building that the town has quietly stopped using,” Olsen said "
    "after the vote, adding that the mobile library would stop on Quay Street twice a week.",
    "Parents who packed the public gallery booed as the result was read out, and several "
    "held signs reading Save Our Shelves that had been made by children at Quay Street school.",
    "Tomas Berg, who chairs the Friends of Quay Street Library, said the group would ask the "
    "county to review the decision and would look at running the branch as volunteers.",
    "“The council has counted visitors and forgotten what they come for,” Berg said. “This is "
    "the only quiet room some of these children have.”",
    "The building, a former bank given to the town in 1952, will be offered for sale once the "
    "books are moved, the council said, with the proceeds going to repairs at the central library.",
    "Two councillors, Ruth Okafor and Dan Price, voted against the closure and said the savings "
    "had been overstated because the building would still need to be heated while it was empty.",
]
SPUN = [
    "The Harbourside council voted 7 to 2 on Tuesday to shut the Quay Street library branch "
    "at the close of March, concluding a drive by mothers and fathers that had run most of the winter.",
    "Council leader Mara Olsen stated the branch cost 410,000 pounds a year to operate and that "
    "under 40 people visited it on a typical day, against 300 at the main library.",
    "“We cannot keep open a building that the town has quietly stopped using,” Olsen said "
    "after the ballot, noting that the mobile library would halt on Quay Street two times a week.",
    "Parents who crowded the public gallery jeered as the outcome was read out, and several "
    "carried signs reading Save Our Shelves that had been produced by kids at Quay Street school.",
    "Tomas Berg, who heads the Friends of Quay Street Library, stated the group would request the "
    "county to reconsider the ruling and would look at operating the branch as volunteers.",
    "“The council has counted visitors and forgotten what they come for,” Berg said. “This is "
    "the only quiet room some of these children have.”",
    "The building, a former bank handed to the town in 1952, will be put up for sale once the "
    "books are shifted, the council stated, with the money going to fixes at the main library.",
    "Two councillors, Ruth Okafor and Dan Price, voted against the shutdown and stated the savings "
    "had been exaggerated since the building would still have to be warmed while it was vacant.",
]
OWN_REPORT = [
    "Parents and children filled the gallery of Harbourside's council chamber on Tuesday night "
    "for a vote that went against them: the Quay Street branch library will shut in March.",
    "“We cannot keep open a building that the town has quietly stopped using,” council leader "
    "Mara Olsen told the meeting, to boos from the back of the room.",
    "The branch has been open since 1953 in a Victorian bank on the corner of Quay Street and "
    "Mill Lane, and for many families it is the nearest public building of any kind.",
    "“The council has counted visitors and forgotten what they come for,” said Tomas Berg, who "
    "has led the campaign since November and now hopes volunteers can keep the doors open.",
    "Nine-year-old Ella Hart read a letter to councillors before the vote, asking where she "
    "would do her homework when the library closed. Nobody on the front bench answered her.",
    "Council figures show the branch drew an average of 38 visitors a day last year. Campaigners "
    "say the count was taken during building works, when the children's room was shut.",
    "Ruth Okafor, one of two councillors to vote against, said she would ask for the sale of "
    "the building to be delayed until the county has looked at the decision.",
]


def article(paragraphs: list[str], name: str, title: str, date: str | None):
    front = f"---\ntitle: {title}\n" + (f"date: {date}\n" if date else "") + "---\n\n"
    text = front + "\n\n".join(paragraphs) + "\n"
    return segment(parse_article(text.encode(), f"seeds/{name}.md", markdown=True), name)


def test_families_of_copies_and_no_false_merge():
    reprint = ORIGINAL[:6] + ORIGINAL[7:]  # a paragraph trimmed, a figure changed, a new headline
    reprint[1] = reprint[1].replace("410,000", "420,000")
    articles = (
        article(ORIGINAL, "original", "Harbourside votes to close Quay Street library", "2025-02-11"),
        article(OWN_REPORT, "own", "Boos as library closure is approved", "2025-02-11"),
        article(ORIGINAL, "exact", "Harbourside votes to close Quay Street library", "2025-02-12"),
        article(reprint, "reprint", "Library to shut after council vote", "2025-02-12"),
        article(SPUN, "spun", "Council shuts library branch", "2025-02-13"),
    )  # fmt: skip
    copies = {c.article: (c.original, c.spun) for c in find_copies(articles)}
    assert copies == {
        "exact": ("original", False),
        "reprint": ("original", False),
        "spun": ("original", True),
    }  # the paper's own report of the same meeting, sharing two quotations, is not a copy


def test_the_earliest_dated_member_is_the_original():
    articles = (
        article(ORIGINAL, "later", "Library to close", "2025-02-14"),
        article(ORIGINAL, "first", "Library to close", "2025-02-11"),
        article(ORIGINAL, "undated", "Library to close", None),
    )
    copies = {c.article: c.original for c in find_copies(articles)}
    assert copies == {"later": "first", "undated": "first"}


def test_a_reprint_is_one_source_in_the_json_and_the_counts(tmp_path):
    import json

    from generator.pipeline import build_briefing
    from generator.render import export_json, render_pages

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "briefing.yml").write_text(
        "title: Library\ntopics:\n  - {id: t, title: T, description: D, cues: [{terms: [library]}]}\n"
    )
    docs = (
        ("a", ORIGINAL, "2025-02-11"),
        ("b", ORIGINAL, "2025-02-12"),
        ("c", OWN_REPORT, "2025-02-11"),
    )
    for name, paragraphs, date in docs:
        text = f"---\ntitle: Report {name}\ndate: {date}\n---\n\n" + "\n\n".join(paragraphs)
        (seeds / f"{name}.md").write_text(text + "\n")
    briefing = build_briefing(seeds).briefing
    data = json.loads(export_json(briefing))
    assert {a["id"]: a["copy_of"] for a in data["articles"]} == {
        "report-a": None, "report-b": "report-a", "report-c": None,
    }  # fmt: skip
    # The quotation the original and its reprint share with an independent report.
    shared = [c for c in briefing.analysis.corroborations if c.kind == "quote"]
    assert shared and all(len({r.article for r in c.refs}) == 3 for c in shared)
    olsen = render_pages(briefing)["people/mara-olsen.md"]
    assert "reported by 2 independent sources, reprinted by 1 more" in olsen
    copy_page = render_pages(briefing)["sources/report-b.md"]
    assert "This source republishes" in copy_page and "100% of its paragraphs" in copy_page
    # A quotation found only in the original and its reprint corroborates nothing.
    (seeds / "c.md").unlink()
    alone = build_briefing(seeds).briefing
    assert [c for c in alone.analysis.corroborations if c.kind == "quote"] == []
