import codecs
from pathlib import Path

import pytest

from generator.exceptions import InputError
from generator.ingest import decode, junk_reason, parse_date, parse_text, read_article

from .conftest import SEEDS

CAFE = "Café “quoted” – it’s"


@pytest.mark.parametrize(
    "data",
    [
        CAFE.encode("utf-8"),
        codecs.BOM_UTF8 + CAFE.encode("utf-8"),
        codecs.BOM_UTF16_LE + CAFE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + CAFE.encode("utf-16-be"),
        CAFE.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1252"],
)
def test_decodes_common_encodings(data: bytes):
    assert decode(data, "x.txt") == CAFE


def test_decodes_latin1_bytes_cp1252_leaves_undefined():
    # 0x81 is undefined in cp1252: such a file can only be Latin-1.
    assert decode("Mü\x81nchen".encode("latin-1"), "x.txt") == "Mü\x81nchen"


def test_binary_file_is_an_input_error():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    with pytest.raises(InputError, match=r"x\.txt: not a text file"):
        decode(png, "x.txt")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Sponsor:\u00a0 QWIKET: Elevate your fantasy game!", "sponsor"),
        ("ADVERTISEMENT", "sponsor"),
        ("Read next: US says funds to Kiev overvalued by $6.2bln", "read-next teaser"),
        ("Read more: Five things to know", "read-next teaser"),
        ("near the city of MykolaivPhoto: Maciek Musialek/Story Picture Agency", "photo credit or caption"),
        ("(Photo by Jane Doe/Getty Images)", "photo credit or caption"),
        ("Follow the latest events of the 485th day of the war in Ukraine LIVETEXT on HOTNEWS.RO.",
         "live-blog promo"),
        ("Live updates: the summit in Vilnius", "live-blog promo"),
        ("back", "navigation crumb"),
        ("topic", "navigation crumb"),
        ("Home > World > Europe", "navigation crumb"),
        ("0", "lone number"),
        ("12 / 40", "lone number"),
        ("* * *", "separator"),
        ("———", "separator"),
        # Content that mentions the same words stays.
        ("Ukraine has been asking the U.S. for DPICMs since last year.", None),
        ("The photo op was cancelled after the sponsor withdrew.", None),
        ("Sponsors of the bill in Congress said they would read next week's report.", None),
        ("Back in December, Dan Rice said the US needed them.", None),
        ("123 countries have adopted the treaty.", None),
        ("SECRET MISSION OF THE CIA HEAD IN KIEV BEFORE THE WAGNER REVOLT", None),
    ],
)  # fmt: skip
def test_junk_rules(line: str, reason: str | None):
    assert junk_reason(" ".join(line.split())) == reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-06-30", "2023-06-30"),
        ("11 Jul 2023", "2023-07-11"),
        ("Jun 1, 2025 | |", "2025-06-01"),
        ("July 11, 2023", "2023-07-11"),
        ("Tuesday, 11 July 2023", "2023-07-11"),
        ("3rd March 2024", "2024-03-03"),
        ("Sept. 5, 2023", "2023-09-05"),
        ("31 Feb 2023", None),
        ("11 Jul", None),
        ("In July 2023 the decision came", None),
    ],
)
def test_parse_date(text: str, expected: str | None):
    assert parse_date(text) == expected


BODY = (
    "The council voted on Wednesday to extend the tram line along the river, ending a long debate."
)


@pytest.mark.parametrize(
    ("text", "title", "date", "outlet", "author"),
    [
        # A headline line above the body is the title; a first sentence is not.
        (f"Council backs tram extension\n{BODY}", "Council backs tram extension", None, None, None),
        (f"{BODY}\n\n{BODY}", None, None, None, None),
        # A headline ending in a period is a sentence, not a title.
        (f"The council met today.\n{BODY}", None, None, None, None),
        # date prefix glued to the first paragraph.
        (f" date 2023-06-30 {BODY}", None, "2023-06-30", None, None),
        # Aggregator header: page date far from the headline, article date, outlet, byline.
        (
            "THE DAILY AGGREGATOR\nJun 1, 2025 | |\nSponsor: X\nback\nGazette\nGAZETTE\n"
            f"11 Jul 2023\nPriya Natarajan\n\nNextImg:Council backs tram extension\n\n{BODY}",
            "Council backs tram extension", "2023-07-11", "Gazette", "Priya Natarajan",
        ),
        # A byline as the first body line.
        (f"Council backs tram extension\nBy Daniel Okafor\n{BODY}", "Council backs tram extension",
         None, None, "Daniel Okafor"),
        # A short capitalised line is not an author unless it sits by the date.
        (f"Tram Works Begin\n{BODY}", "Tram Works Begin", None, None, None),
    ],
)  # fmt: skip
def test_metadata_inference(text, title, date, outlet, author):
    document = parse_text(text, "x.txt")
    assert (document.title, document.date, document.outlet, document.author) == (
        title, date, outlet, author,
    )  # fmt: skip


def test_hard_wrapped_lines_join_and_headings_stay_headings():
    text = (
        "The council voted on Wednesday to extend the tram line along\n"
        "the river, ending a long debate that divided the city.\n"
        "Works start in autumn.\n\nWHAT HAPPENS NEXT\n\nThe road will close for months, the council said."
    )
    blocks = parse_text(text, "x.txt").blocks
    assert [(b.kind, b.text[:30]) for b in blocks] == [
        ("paragraph", "The council voted on Wednesday"),
        ("paragraph", "Works start in autumn."),
        ("heading", "WHAT HAPPENS NEXT"),
        ("paragraph", "The road will close for months"),
    ]


def test_markdown_front_matter_wins_over_inference(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: From front matter\ndate: 2024-03-14\noutlet: Gazette\n---\n"
        f"Headline in the text\n\n11 Jul 2023\n\n{BODY}\n\n## A heading\n\n{BODY}\n",
        encoding="utf-8",
    )
    document = read_article(path, "corpus/a.md")
    assert (document.title, document.date, document.outlet) == (
        "From front matter",
        "2024-03-14",
        "Gazette",
    )
    assert [b.kind for b in document.blocks] == ["paragraph", "heading", "paragraph"]


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("title: [unclosed", "front matter is not valid YAML"),
        ("- a\n- b", "front matter must be a mapping"),
        (
            "date: yesterday",
            "front matter 'date' must be a date like 2023-07-11, found 'yesterday'",
        ),
        ("title: [1, 2]", "front matter 'title' must be text"),
    ],
)
def test_bad_front_matter_names_file_and_reason(tmp_path: Path, front: str, message: str):
    path = tmp_path / "a.md"
    path.write_text(f"---\n{front}\n---\n{BODY}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"corpus/a\.md") as caught:
        read_article(path, "corpus/a.md")
    assert message in caught.value.reason


def test_unknown_front_matter_key_is_a_warning(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: T\ncolour: red\n---\n{BODY}\n", encoding="utf-8")
    assert read_article(path, "a.md").warnings == (
        "line 3: unknown front matter key 'colour' ignored (known: title, date, outlet, author, slug)",
    )


# The bundled seeds, as scraped: what must and must not survive cleaning.
SEED_CASES = {
    "000_22add3517a05d64f.txt": dict(
        title=None, date=None, outlet=None, author=None,
        headings=["SECRET MISSION OF THE CIA HEAD IN KIEV BEFORE THE WAGNER REVOLT"],
        kept=["The Biden Administration faces an imminent decision", "Russia will negotiate only"],
        removed=[],
    ),
    "001_e4ed6ca8de2d77f5.txt": dict(
        title="Pentagon believes banned cluster munitions would be useful for Ukraine",
        date=None, outlet=None, author=None, headings=[],
        kept=["The US could defy a worldwide ban", "the United States has not."],
        removed=["Read next: US says funds to Kiev overvalued by $6.2bln, cites faulty book keeping",
                 "Read next: UK's Storm Shadow used in Ukrainian shelling of bridges: Governor"],
    ),
    "002_960a1861d71e25eb.txt": dict(
        title=None, date="2023-06-30", outlet=None, author=None, headings=[],
        kept=["The United States is leaning toward providing cluster munitions", "Crow wrote."],
        removed=["date 2023-06-30"],
    ),
    "003_ab985edc8e401507.txt": dict(
        title=None, date=None, outlet=None, author=None, headings=[],
        kept=["Laura Cooper, the Pentagon’s top official", "we think it (the use of cluster munitions"],
        removed=["An unexploded cluster bomb before it was detonated with explosives in a controlled "
                 "explosion by a Ukrainian engineering team near the city of MykolaivPhoto: Maciek "
                 "Musialek/Story Picture Agency/Shutterstock Editorial/Profimedia",
                 "Follow the latest events of the 485th day of the war in Ukraine LIVETEXT on HOTNEWS.RO."],
    ),
    "004_0923d15a861abad1.txt": dict(
        title="Blinken defends decision to send Ukraine cluster munitions", date="2023-07-11",
        outlet="Politico", author="Eric Bazail-Eimil", headings=[],
        kept=["Secretary of State Antony Blinken on Tuesday defended", "when we’re doing it,” Blinken said Tuesday."],
        removed=["THE AMERICA ONE NEWS", "Jun 1, 2025 |", "0", "| Remer,MN", "Sponsor: QWIKET",
                 "Sponsor: QWIKET: Elevate your fantasy game! Interactive Sports Knowledge.", "back",
                 "topic", "POLITICO", "NextImg:"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(SEED_CASES))
def test_seed_articles(name: str):
    case = SEED_CASES[name]
    document = read_article(SEEDS / name, f"seeds/{name}")
    assert (document.title, document.date, document.outlet, document.author) == (
        case["title"], case["date"], case["outlet"], case["author"],
    )  # fmt: skip
    text = "\n".join(b.text for b in document.blocks if b.kind == "paragraph")
    assert [b.text for b in document.blocks if b.kind == "heading"] == case["headings"]
    for phrase in case["kept"]:
        assert phrase in text
    removed = [r.text for r in document.removed]
    paragraphs = text.split("\n")
    for line in case["removed"]:
        assert line in removed
        assert line not in paragraphs
        assert len(line) < 20 or line not in text
    for junk in ("Sponsor", "Read next", "Photo:", "LIVETEXT", "QWIKET", "NextImg", "Remer"):
        assert junk not in text
    assert document.warnings == ()
