"""Small helpers for writing Markdown that article text cannot break out of."""

from __future__ import annotations

import json
import re

from generator.model import Article, Mention

# Every character that Markdown, its extensions (attr_list, abbr, tables, pymdownx) or a template
# engine could read as syntax becomes a numeric entity: the browser shows the character, no parser
# sees it. Line starts need no care: generated lines never start with article text.
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in "&<>\\`*_{}[]#+!|~^=$:"}


def escape(text: str) -> str:
    """Make text show verbatim on a page: no HTML, Markdown or template syntax survives."""
    return re.sub(r"\s+", " ", text).translate(_ENTITIES)


def front_matter(title: str) -> str:
    """Front matter naming the page; the title is entity-escaped as the theme prints it raw."""
    return f"---\ntitle: {json.dumps(escape(title))}\n---\n"


def relative(from_page: str, to_page: str) -> str:
    """Relative link from one generated page's path to another's (`../sources/x.md`).

    Pure string work, unlike `posixpath.relpath`, which asks the file system for the working
    directory on every call: render makes a link for every citation.
    """
    here = from_page.split("/")[:-1]
    there = to_page.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def link(label: str, from_page: str, to_page: str, anchor: str = "", hover: str = "") -> str:
    """A Markdown link with an escaped label and an optional hover title."""
    target = relative(from_page, to_page) + (f"#{anchor}" if anchor else "")
    title = f' "{escape(hover)}"' if hover else ""
    return f"[{escape(label)}]({target}{title})"


def source_page(slug: str) -> str:
    return f"sources/{slug}.md"


def topic_page(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def entity_page(entity_id: str) -> str:
    return f"people/{entity_id}.md"


def linked_text(
    text: str,
    mentions: list[Mention],
    names: dict[str, str],
    from_page: str,
    span: tuple[int, int] | None = None,
    own: str | None = None,
) -> str:
    """Escape text (or a span of it), linking the first mention of each entity to its page.

    `own` is the entity whose page this is: its name stays plain text.
    """
    start, end = span or (0, len(text))
    out, cursor, seen = [], start, {own}
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.start < cursor or mention.end > end or mention.entity in seen:
            continue
        if mention.start == mention.end:  # named in a heading above the paragraph
            continue
        out.append(escape(text[cursor : mention.start]))
        label = text[mention.start : mention.end]
        out.append(link(label, from_page, entity_page(mention.entity), hover=names[mention.entity]))
        cursor = mention.end
        seen.add(mention.entity)
    out.append(escape(text[cursor:end]))
    return "".join(out)


def excerpt_of(text: str, limit: int = 180) -> str:
    """The start of a text, cut at a word boundary with an ellipsis when longer than the limit."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def cite(article: Article, paragraph_id: str, from_page: str) -> str:
    """`[Outlet, ¶N]` linking to the cited paragraph, with outlet and date on hover."""
    number = paragraph_id.removeprefix("p")
    hover = " · ".join(part for part in (article.label, article.date or "undated") if part)
    return link(
        f"{article.label}, ¶{number}", from_page, source_page(article.slug), paragraph_id, hover
    )


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table from cells that are already escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def plural(count: int, noun: str) -> str:
    """`1 paragraph`, `3 paragraphs`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def not_searched(markdown: str) -> str:
    """Leave text out of the site search: it repeats source paragraphs the index already has."""
    return f"<div data-search-exclude markdown>\n\n{markdown}\n</div>\n"
