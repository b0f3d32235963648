import pytest

from generator.model import Block, Document
from generator.segment import segment, slugify, split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("U.S. Rep. Jason Crow, D-Colorado, sent a letter. It asked for details.",
         ["U.S. Rep. Jason Crow, D-Colorado, sent a letter.", "It asked for details."]),
        ("The U.S. is considering it. A third official said so.",
         ["The U.S. is considering it.", "A third official said so."]),
        ("“There is a decision making process going on,” he added. The Post writes.",
         ["“There is a decision making process going on,” he added.", "The Post writes."]),
        ("“They’re about to be depleted.” Blinken said it in an interview.",
         ["“They’re about to be depleted.”", "Blinken said it in an interview."]),
        ("Director William J. Burns travelled. He met Zelensky.",
         ["Director William J. Burns travelled.", "He met Zelensky."]),
        ("Is it legal? Nobody knows! Fine.", ["Is it legal?", "Nobody knows!", "Fine."]),
        ("By 2010, 100 countries had signed. 123 have now.", ["By 2010, 100 countries had signed.", "123 have now."]),
        ("It cost $6.2bln in total.", ["It cost $6.2bln in total."]),
        ("No full stop at the end", ["No full stop at the end"]),
    ],
)  # fmt: skip
def test_split_sentences(text: str, sentences: list[str]):
    found = split_sentences(text)
    assert [s.text for s in found] == sentences
    assert all(text[s.start : s.end] == s.text for s in found)


def test_paragraph_ids_offsets_and_sections():
    blocks = (
        Block("paragraph", "First paragraph."),
        Block("heading", "A SECTION"),
        Block("paragraph", "Second. Third sentence."),
    )
    document = Document("seeds/a.txt", None, None, None, None, blocks, ())
    article = segment(document, "a")
    text = "\n\n".join(b.text for b in blocks)
    assert [(p.id, p.number, p.section) for p in article.paragraphs] == [
        ("p1", 1, None),
        ("p2", 2, "A SECTION"),
    ]
    for paragraph in article.paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text
    assert [s.text for s in article.paragraphs[1].sentences] == ["Second.", "Third sentence."]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Blinken defends decision to send Ukraine cluster munitions",
         "blinken-defends-decision-to-send-ukraine-cluster-munitions"),
        ("Three routes, one river: the choices behind Millbrook's tram",
         "three-routes-one-river-the-choices-behind-millbrook-s-tram"),
        ("Café “quoted”", "cafe-quoted"),
        ("../../etc/passwd", "etc-passwd"),
        ("?!…", ""),
        ("Україна", ""),
        ("a" * 80, "a" * 60),
    ],
)  # fmt: skip
def test_slugify(text: str, slug: str):
    assert slugify(text) == slug
