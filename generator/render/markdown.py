"""Small helpers for writing Markdown that article text cannot break out of."""

from __future__ import annotations

import json
import posixpath

from generator.model import Article

# Every character that Markdown, its extensions (attr_list, abbr, tables, pymdownx) or a template
# engine could read as syntax becomes a numeric entity: the browser shows the character, no parser
# sees it. Line starts need no care: generated lines never start with article text.
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in "&<>\\`*_{}[]#+!|~^=$:"}


def escape(text: str) -> str:
    """Make text show verbatim on a page: no HTML, Markdown or template syntax survives."""
    return " ".join(text.split()).translate(_ENTITIES)


def front_matter(title: str) -> str:
    """Front matter naming the page; the title is entity-escaped as the theme prints it raw."""
    return f"---\ntitle: {json.dumps(escape(title))}\n---\n"


def relative(from_page: str, to_page: str) -> str:
    """Relative link from one generated page's path to another's (`../sources/x.md`)."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def link(label: str, from_page: str, to_page: str, anchor: str = "", hover: str = "") -> str:
    """A Markdown link with an escaped label and an optional hover title."""
    target = relative(from_page, to_page) + (f"#{anchor}" if anchor else "")
    title = f' "{escape(hover)}"' if hover else ""
    return f"[{escape(label)}]({target}{title})"


def source_page(slug: str) -> str:
    return f"sources/{slug}.md"


def topic_page(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


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
