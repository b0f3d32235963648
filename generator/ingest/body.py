"""The article text under the header: wrapped lines joined, paragraphs and section headings."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.ingest.header import TextLine
from generator.model import Block

TERMINAL = re.compile(r"[.!?…:;\"”’')\]]$")
SENTENCE_END = re.compile(r"[.!?…:;]$")
# Junk right above a line that makes it a live blog entry's heading, when it is short.
ENTRY_MARKS = frozenset({"time stamp", "live-blog marker", "date line", "byline"})
ENTRY_WORDS = 12
QUESTION = re.compile(r"^[^\"“”]{3,80}\?$")  # a short line that only asks, quoting nobody
QUESTION_BODY = 12  # words of the paragraph under a question heading, at least
CAPITALS = 0.85  # share of a heading's letters in capitals: `McDOE` keeps its small c


def join_wrapped(lines: Sequence[TextLine | None]) -> list[TextLine | None]:
    """Join a hard-wrapped line to the one before when that one ends mid-sentence."""
    joined: list[TextLine | None] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if (
            line is not None
            and previous is not None
            and line.after is None
            and not TERMINAL.search(previous.text)
            and line.text[:1].islower()
        ):
            joined[-1] = TextLine(previous.number, f"{previous.text} {line.text}", previous.after)
        else:
            joined.append(line)
    return joined


def blocks(lines: Sequence[TextLine | None], markdown: bool) -> list[Block]:
    """Sort logical lines into paragraphs and in-text section headings."""
    found: list[Block] = []
    texts = [line for line in lines if line is not None]
    # An explainer's questions ("Who gets it free?"), when it asks two or more, head sections.
    questions = {
        i
        for i, line in enumerate(texts[:-1])
        if QUESTION.match(line.text) and len(texts[i + 1].text.split()) >= QUESTION_BODY
    }
    for i, line in enumerate(texts):
        heading = _heading_text(line.text, markdown)
        if heading is None and _entry_heading(line, texts[i + 1] if i + 1 < len(texts) else None):
            heading = line.text
        if heading is None and len(questions) >= 2 and i in questions:
            heading = line.text
        found.append(
            Block("heading", heading) if heading is not None else Block("paragraph", line.text)
        )
    while found and found[-1].kind == "heading":
        found.pop()  # a heading with nothing under it is page chrome
    return found


def _entry_heading(line: TextLine, following: TextLine | None) -> bool:
    """A live blog entry's headline: a few words under its time stamp, above the entry."""
    text = line.text.rstrip("\"”’'")
    return (
        line.after in ENTRY_MARKS
        and following is not None
        and following.after is None
        and len(line.text.split()) <= ENTRY_WORDS
        and not SENTENCE_END.search(text)
    )


def _heading_text(line: str, markdown: bool) -> str | None:
    """A section heading: Markdown's `#`, or a line in capitals (`MAYOR JANE McDOE, DEMOCRAT:`)."""
    if markdown and (match := re.match(r"^#{1,6}\s+(.*?)\s*#*$", line)):
        return match.group(1) or None
    words = line.split()
    # One word in capitals is a heading only with the colon that introduces a round-up's speaker.
    enough = 2 <= len(words) <= 20 or (len(words) == 1 and line.endswith(":"))
    if not enough or line.endswith("."):
        return None
    letters = [c for c in line if c.isalpha()]
    capitals = sum(c.isupper() for c in letters) >= CAPITALS * len(letters)
    return line if len(letters) > 1 and capitals else None
