"""A seeds folder of hostile and messy inputs, each with the outcome it must have.

`kept`: the article is in the briefing (maybe with a warning); `skipped`: left out, with the
reason given; `listed`: not an article, named and skipped.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

BODY = (
    "The council voted on Wednesday to extend the tram line along the river, ending a debate "
    "that has divided the city for two years.\n\nWorks start in autumn and will close the "
    "riverside road for eleven months, the council said."
)
SMART = "Café owners said “the works will hurt us” – and they meant it, she said."
MOJIBAKE = "Café owners said it’s bad – and they meant it.".encode().decode(
    "cp1252"
)  # CafÃ© … itâ€™s
INJECTION = (
    '<script>alert("x")</script> <img src=x onerror="alert(1)"> <iframe src="//evil"></iframe> '
    "<!-- hidden --> [click](javascript:alert(1)) ![img](http://x/y.png) `code` **bold** _em_ "
    "{{ config.site_name }} {% include 'x' %} {: #evil .class onclick=x } *[HTML]: Hyper "
    "[^1] [ref]: http://x ==mark== ~~del~~ :smile: $x$ &amp; &#60;b&#62;"
)
INJECTION_LINES = [
    "# A heading in the text",
    "| a | b |",
    "|---|---|",
    "- a list item",
    "```",
    "code fence",
    "```",
    "!!! note",
    "    an admonition",
    '--8<-- "../secrets.txt"',
    "[TOC]",
    "[ref]: javascript:alert(1)",
    "> a quote block",
]


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    outcome: str  # kept, skipped, listed
    reason: str = ""  # what check prints for it


def text(value: str) -> bytes:
    return value.encode("utf-8")


def front(fields: str, body: str = BODY) -> bytes:
    return text(f"---\n{fields}\n---\n{body}\n")


def cases(large: int = 500_000) -> list[Case]:
    """Every hostile case; `large` sizes the big article (the issue's 20 MB is a parameter)."""
    headline = "Council backs the riverside tram extension\n\n"
    paragraph = "The council voted to extend the tram line along the river, ending a long debate. "
    return [
        Case("utf8.txt", text(headline + SMART + "\n\n" + BODY), "kept"),
        Case("utf8-bom.txt", codecs.BOM_UTF8 + text(headline + SMART + "\n\n" + BODY), "kept"),
        Case("utf16-bom.txt", codecs.BOM_UTF16_LE + (headline + SMART + "\n\n" + BODY).encode("utf-16-le"), "kept"),
        Case("cp1252.txt", (headline + SMART + "\n\n" + BODY).encode("cp1252"), "kept"),
        Case("latin1.txt", (headline + "Müller said the café stays open.\n\n" + BODY).encode("latin-1"), "kept"),
        Case("mojibake.txt", text(headline + MOJIBAKE + "\n\n" + BODY), "kept",
             "repaired mojibake"),
        Case("crlf.txt", text((headline + BODY).replace("\n", "\r\n")), "kept"),
        Case("cr.txt", text((headline + BODY).replace("\n", "\r")), "kept"),
        Case("nul.txt", text(headline + BODY).replace(b"river", b"ri\x00ver"), "kept"),
        Case("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16, "skipped", "not a text file"),
        Case("empty.txt", b"", "skipped", "empty file"),
        Case("blank.txt", b"  \n\t\n \r\n", "skipped", "empty file"),
        Case("junk-only.txt", text("Sponsor: QWIKET\nRead next: Other story\n0\n---\nback\n"), "skipped",
             "no article text left after cleaning"),
        Case("large.txt", text(headline + (paragraph * 40 + "\n\n") * (large // (len(paragraph) * 40) + 1)), "kept",
             "very large article" if large > 2_000_000 else ""),
        Case("one-line.txt", text(headline + paragraph * (1_000_000 // len(paragraph))), "kept"),
        Case("ukrainian.txt", text("Рада підтримала продовження трамвайної лінії\n\n"
                                   "Міська рада в середу проголосувала за продовження трамвайної лінії "
                                   "вздовж річки, завершивши дворічну суперечку. 🚋\n"), "kept"),
        Case("arabic.txt", text("المجلس يوافق على تمديد خط الترام\n\n"
                                "صوّت مجلس المدينة يوم الأربعاء على تمديد خط الترام على طول النهر، "
                                "منهياً جدلاً استمر عامين. 🚋\n"), "kept"),
        Case("malformed.md", front("title: [unclosed"), "skipped", "front matter is not valid YAML"),
        Case("not-mapping.md", front("- a\n- b"), "skipped", "front matter must be a mapping"),
        Case("date-yesterday.md", front("title: Tram vote\ndate: yesterday"), "skipped",
             "front matter 'date' must be a date like 2023-07-11, found 'yesterday'"),
        Case("title-list.md", front("title: [1, 2]"), "skipped", "front matter 'title' must be text"),
        Case("unknown-key.md", front("title: Tram vote\ncolour: red"), "kept",
             "unknown front matter key 'colour' ignored"),
        Case("dashes-in-body.md", front("title: Dashes in the body", BODY + "\n\n---\n\nA final paragraph "
             "after a rule, which must not be lost or read as front matter at all."), "kept"),
        Case("same-title-a.md", front("title: The same title"), "kept"),
        Case("same-title-b.md", front("title: The same title"), "kept"),
        Case("path-title.md", front("title: ../../etc/passwd"), "kept"),
        Case("punctuation-title.md", front("title: '?!…'"), "kept"),
        Case("file with spaces.txt", text(headline + BODY), "kept"),
        Case("файл.txt", text(headline + BODY), "kept"),
        Case("injection.md", front("title: '<script>alert(\"t\")</script> {{ x }}'",
                                   INJECTION + "\n\n" + "\n".join(INJECTION_LINES) + "\n\n" + BODY), "kept"),
        Case("notes.docx", b"PK\x03\x04 not really a document", "listed", "skipped: not a .txt or .md article"),
        Case(".DS_Store", b"\x00\x00\x00\x01Bud1", "listed", "skipped: not a .txt or .md article"),
    ]  # fmt: skip


TAXONOMY = """\
title: A hostile corpus
topics:
  - id: tram
    title: The tram
    description: Everything about the tram line.
    min_score: 1
    cues: [{terms: [tram, council, трамвай*, الترام]}]
"""


def write_corpus(folder: Path, large: int = 500_000) -> list[Case]:
    """Write every case into `folder`, with a taxonomy and a sub-folder; return the cases."""
    folder.mkdir(parents=True, exist_ok=True)
    all_cases = cases(large)
    for case in all_cases:
        (folder / case.name).write_bytes(case.data)
    (folder / "drafts").mkdir()
    (folder / "drafts" / "draft.txt").write_text("A draft that must not be read.\n")
    (folder / "briefing.yml").write_text(TAXONOMY, encoding="utf-8")
    return all_cases
