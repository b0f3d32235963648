"""Build the Markdown of every generated page from a Briefing."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from html import escape as html_escape

from generator.config import Topic
from generator.corroborate import content_words, overlap
from generator.model import Article, Briefing, Paragraph, Ref
from generator.render.actors import (
    PEOPLE_INDEX,
    actor_pages,
    actors_in,
    positions_matrix,
    reported_by,
)
from generator.render.crosssource import DISCREPANCIES, compatibility, crosssource_pages
from generator.render.markdown import (
    cite,
    entity_page,
    escape,
    front_matter,
    link,
    linked_text,
    not_searched,
    plural,
    source_page,
    table,
    topic_page,
)

HOME = "index.md"
SOURCES_INDEX = "sources/index.md"
SHORT_PARAGRAPH = 320  # characters; longer paragraphs are quoted by their best sentences
MIN_EXCERPT = 80
SIMILAR = 0.5  # word-set overlap above which two excerpts count as the same point
HOME_SOURCES = 10
GLOSSARY = "glossary.md"
# Characters of source text above which source paragraphs leave the site search, whose index is
# one file every reader downloads; the Sources page's full-text search covers them at any size.
NOT_SEARCHED = " data-search-exclude"
TOPIC_SOURCES = 60  # sources in a topic page's coverage table; the rest are counted
CITATION_LINK = re.compile(r'<a (?=[^>]*\bhref="[^"]*sources/[^"#]*#p\d+")')
SOURCE_SEARCH = (
    '<div id="briefing-source-search" data-bundle="../pagefind/" data-search-exclude></div>\n'
    "<noscript>The full-text search needs JavaScript.</noscript>\n"
)


@dataclass(frozen=True)
class KeyPoint:
    """A verbatim excerpt (a span of its first paragraph) and every paragraph that carries it."""

    text: str
    span: tuple[int, int]
    refs: tuple[Ref, ...]


def render_pages(briefing: Briefing) -> dict[str, str]:
    """Every generated page, keyed by its path in the docs tree."""
    points = {topic.id: key_points(briefing, topic) for topic in briefing.config.topics}
    pages = {HOME: home(briefing, points), SOURCES_INDEX: sources_index(briefing)}
    for topic in briefing.config.topics:
        pages[topic_page(topic.id)] = topic_page_markdown(briefing, topic, points[topic.id])
    for article in briefing.articles:
        pages[source_page(article.slug)] = source_page_markdown(briefing, article)
    if briefing.analysis.entities:
        pages.update(actor_pages(briefing))
    pages.update(crosssource_pages(briefing))
    if briefing.config.glossary:
        pages[GLOSSARY] = glossary(briefing)
    return pages


def key_points(briefing: Briefing, topic: Topic) -> list[KeyPoint]:
    """The most relevant excerpts for a topic; near-identical ones merge into one cited point."""
    order = {article.slug: index for index, article in enumerate(briefing.articles)}
    ranked = sorted(
        briefing.filed_under(topic.id),
        key=lambda item: (-item[1].score, order[item[0].article], item[0].paragraph),
    )
    points: list[KeyPoint] = []
    for ref, filing in ranked:
        paragraph = briefing.paragraph(ref)
        span = excerpt(paragraph, filing.cues)
        text = paragraph.text[span[0] : span[1]]
        same = next((i for i, p in enumerate(points) if _overlap(p.text, text) >= SIMILAR), None)
        if same is not None:
            point = points[same]
            if ref.article not in {r.article for r in point.refs}:
                points[same] = KeyPoint(point.text, point.span, (*point.refs, ref))
        elif len(points) < briefing.config.key_points:
            points.append(KeyPoint(text, span, (ref,)))
    return points


def excerpt(paragraph: Paragraph, cues: tuple[str, ...]) -> tuple[int, int]:
    """The paragraph if short, else its span of sentences that carries the most cue terms."""
    if len(paragraph.text) <= SHORT_PARAGRAPH:
        return (0, len(paragraph.text))
    terms = [term.removeprefix("section: ") for term in cues]
    sentences = paragraph.sentences
    hits = [sum(term in s.text.lower() for term in terms) for s in sentences]
    best = max(range(len(sentences)), key=lambda i: (hits[i], -i))
    end = best
    while sentences[end].end - sentences[best].start < MIN_EXCERPT and end + 1 < len(sentences):
        end += 1
    return (sentences[best].start, sentences[end].end)


def _overlap(a: str, b: str) -> float:
    return overlap(content_words(a), content_words(b))


def home(briefing: Briefing, points: dict[str, list[KeyPoint]]) -> str:
    config = briefing.config
    paragraphs = sum(len(article.paragraphs) for article in briefing.articles)
    dates = sorted(a.date for a in briefing.articles if a.date)
    span = f", dated {dates[0]} to {dates[-1]}," if dates else ""
    out = [front_matter(config.title), f"# {escape(config.title)}\n"]
    if config.question:
        out.append(f"**{escape(config.question)}**\n{{ .briefing-question }}\n")
    if config.summary:
        out.append(f"{escape(config.summary)}\n")
    out.append(
        f"This briefing files {plural(paragraphs, 'paragraph')} from "
        f"{plural(len(briefing.articles), 'source')}{span} "
        f"under {plural(len(config.topics), 'topic')}. "
        "Every point quotes its source verbatim and links to "
        "the paragraph it comes from.\n{ .briefing-counts }\n"
    )
    out.append('## Topics\n\n<div class="grid cards" markdown>\n')
    for topic in config.topics:
        filed = briefing.filed_under(topic.id)
        sources = len({ref.article for ref, _ in filed})
        out.append(f"-   **{link(topic.title, HOME, topic_page(topic.id))}**\n\n    ---\n")
        if points[topic.id]:
            lead = points[topic.id][0]
            out.append(
                f"    {_point_text(briefing, lead, HOME)} {_citations(briefing, lead.refs, HOME)}\n"
            )
        else:
            out.append("    No paragraph in the sources is filed under this topic yet.\n")
        out.append(f"    *{plural(len(filed), 'paragraph')} from {plural(sources, 'source')}*\n")
    out.append("</div>\n")
    if briefing.analysis.positions and config.stance:
        out.append(f"## Positions at a glance\n\nOn {escape(config.stance.question)}:\n")
        names = briefing.entity_names
        for stance, label in (("supports", "Support"), ("opposes", "Oppose"), ("mixed", "Mixed")):
            actors = [p.entity for p in briefing.analysis.positions if p.stance == stance]
            if actors:
                links = ", ".join(link(names[a], HOME, entity_page(a)) for a in actors)
                out.append(f"- **{label}:** {links}")
        where = topic_page(config.stance.topic) if config.stance.topic else PEOPLE_INDEX
        out.append(f"\nEach stance with its evidence: {link('positions', HOME, where)}.\n")
    if briefing.analysis.discrepancies:
        out.append("## Where the sources differ\n")
        for d in briefing.analysis.discrepancies:
            values = " · ".join(dict.fromkeys(escape(c.value) for c in d.claims))
            out.append(f"- **{escape(d.subject)}**: {values}. *{compatibility(d)}*")
        out.append(
            f"\nEvery figure with its sentence: {link('Discrepancies', HOME, DISCREPANCIES)}.\n"
        )
    newest = newest_first(briefing.articles)
    heading = "## Sources" if len(newest) <= HOME_SOURCES else "## Newest sources"
    out.append(f"{heading}\n\n{_sources_table(newest[:HOME_SOURCES], HOME)}")
    out.append(f"All {len(newest)} sources: {link('Sources', HOME, SOURCES_INDEX)}.\n")
    return "\n".join(out)


def newest_first(articles: tuple[Article, ...]) -> list[Article]:
    """Newest first; undated articles last, in file order."""
    dated = sorted((a for a in articles if a.date), key=lambda a: a.date or "", reverse=True)
    return dated + [a for a in articles if not a.date]


def _sources_table(articles: list[Article], from_page: str) -> str:
    rows = [
        [
            link(a.display_title, from_page, source_page(a.slug)),
            escape(a.outlet or "—"),
            a.date or "undated",
            str(len(a.paragraphs)),
        ]
        for a in articles
    ]
    return table(["Source", "Outlet", "Date", "Paragraphs"], rows)


def sources_index(briefing: Briefing) -> str:
    out = [front_matter("Sources"), "# Sources\n"]
    out.append(
        f"{plural(len(briefing.articles), 'article')}, newest first. "
        "Each source page shows the cleaned text "
        "with numbered paragraphs, what each paragraph was filed under, and the lines removed "
        "as scraping junk.\n"
    )
    covered = (
        "as the site search does"
        if full_text_searched(briefing)
        else "which the site search leaves out at this size: it covers titles, topics, people "
        "and quotations"
    )
    out.append(
        f"## Search the sources {{ #search-the-sources }}\n\n"
        f"Every paragraph of every source, {covered}.\n"
    )
    out.append(SOURCE_SEARCH)
    out.append("## All sources\n")
    out.append(_sources_table(newest_first(briefing.articles), SOURCES_INDEX))
    # The listing is not a source: the full-text search leaves all but its title out.
    head, body = "\n".join(out[:2]), "\n".join(out[2:])
    return f'{head}\n<div data-pagefind-ignore="all" markdown>\n\n{body}\n</div>\n'


def topic_page_markdown(briefing: Briefing, topic: Topic, points: list[KeyPoint]) -> str:
    page = topic_page(topic.id)
    filed = briefing.filed_under(topic.id)
    out = [front_matter(topic.title), f"# {escape(topic.title)}\n"]
    out.append(f"{escape(topic.description)}\n{{ .briefing-lead }}\n")
    stance = briefing.config.stance
    if stance and stance.topic == topic.id and briefing.analysis.positions:
        out.append("## Positions at a glance\n")
        out.append(positions_matrix(briefing, page))
    out.append("## Key points\n")
    if not points:
        out.append("No paragraph in the sources is filed under this topic.\n")
    for point in points:
        out.append(
            f"- {_point_text(briefing, point, page)} {_citations(briefing, point.refs, page)}"
        )
    out.append("\n## Coverage by source\n")
    by_article: dict[str, list[str]] = {}
    for ref, _ in filed:
        by_article.setdefault(ref.article, []).append(ref.paragraph)
    rows = []
    for slug, paragraph_ids in by_article.items():
        article = briefing.article(slug)
        anchors = ", ".join(
            link(f"¶{pid[1:]}", page, source_page(slug), pid) for pid in paragraph_ids
        )
        rows.append(
            [
                link(article.display_title, page, source_page(slug)),
                escape(article.outlet or "—"),
                article.date or "undated",
                anchors,
            ]
        )
    if rows:
        out.append(
            f"{plural(len(filed), 'paragraph')} from {len(rows)} of "
            f"{plural(len(briefing.articles), 'source')}.\n"
        )
        shown = rows
        if len(rows) > TOPIC_SOURCES:  # the sources that cover the topic most
            most = sorted(range(len(rows)), key=lambda i: -rows[i][3].count("¶"))
            shown = [rows[i] for i in sorted(most[:TOPIC_SOURCES])]
        out.append(table(["Source", "Outlet", "Date", "Paragraphs"], shown))
        if len(shown) < len(rows):
            out.append(
                f"*… and {plural(len(rows) - len(shown), 'more source')}: the "
                f"{link('Sources page', page, SOURCES_INDEX)} lists and searches them all.*\n"
            )
    else:
        out.append("No source covers this topic.\n")
    if briefing.analysis.entities:
        out.append("## Actors involved\n")
        out.append(actors_in(briefing, [ref for ref, _ in filed], page))
    out.append("## Related topics\n")
    shared = _shared_paragraphs(briefing, topic.id)
    if not shared:
        out.append("No paragraph here is also filed under another topic.\n")
    for other in briefing.config.topics:
        if shared.get(other.id):
            shared_count = plural(shared[other.id], "shared paragraph")
            out.append(f"- {link(other.title, page, topic_page(other.id))}: {shared_count}")
    return "\n".join(out) + "\n"


def _shared_paragraphs(briefing: Briefing, topic_id: str) -> Counter[str]:
    shared: Counter[str] = Counter()
    for ref, _ in briefing.filed_under(topic_id):
        shared.update(f.topic for f in briefing.filings[ref] if f.topic != topic_id)
    return shared


def _point_text(briefing: Briefing, point: KeyPoint, page: str) -> str:
    ref = point.refs[0]
    text = briefing.paragraph(ref).text
    return linked_text(
        text, briefing.mentions.get(ref, []), briefing.entity_names, page, point.span
    )


def _citations(briefing: Briefing, refs: tuple[Ref, ...], from_page: str) -> str:
    cites = [cite(briefing.article(ref.article), ref.paragraph, from_page) for ref in refs]
    reported = f" *({reported_by(briefing, tuple(refs))})*" if len(refs) > 1 else ""
    return "[" + "; ".join(cites) + "]" + reported


def _terms(cues: tuple[str, ...], shown: int = 6) -> str:
    more = f" and {len(cues) - shown} more" if len(cues) > shown else ""
    return "matched " + ", ".join(cues[:shown]) + more


def full_text_searched(briefing: Briefing) -> bool:
    """Whether the site search holds every source paragraph, or the corpus is too large for it."""
    return briefing.text_size <= briefing.config.search.text_budget


def source_page_markdown(briefing: Briefing, article: Article) -> str:
    page = source_page(article.slug)
    titles = {topic.id: topic.title for topic in briefing.config.topics}
    out = [front_matter(article.display_title), f"# {escape(article.display_title)}\n"]
    meta = [
        ["Title", escape(article.title or "— (no headline in the file)")],
        ["Outlet", escape(article.outlet or "—")],
        ["Date", article.date or "—"],
        ["Author", escape(article.author or "—")],
        ["File", escape(article.source_path)],
        ["Paragraphs", str(len(article.paragraphs))],
        ["Lines removed", str(len(article.removed))],
    ]
    out.append(table(["Field", "Value"], meta))
    filing = briefing.topics_filing(Ref(article.slug, p.id) for p in article.paragraphs)
    cited_on = [topic.id for topic in briefing.config.topics if topic.id in filing]
    if cited_on:
        links = " · ".join(link(titles[t], page, topic_page(t)) for t in cited_on)
        out.append(f"**Cited on:** {links}\n")
    else:
        out.append("**Cited on:** no topic page cites this source.\n")
    refs = [Ref(article.slug, p.id) for p in article.paragraphs]
    if briefing.analysis.entities:
        out.append(not_searched(f"**People and organisations:** {actors_in(briefing, refs, page)}"))
    if copy := next((c for c in briefing.analysis.copies if c.article == article.slug), None):
        original = briefing.article(copy.original)
        how = "its words changed, its sentences kept" if copy.spun else "lightly edited at most"
        out.append(
            f'!!! note "A copy"\n    This source republishes '
            f"{link(original.display_title, page, source_page(original.slug))} ({how}): "
            f"{copy.share:.0%} of its paragraphs are the original's own words. It counts as "
            "one source with it.\n"
        )
    for warning in article.warnings:
        out.append(f'!!! warning "Note from cleaning"\n    {escape(warning)}\n')
    out.append("## Text\n")
    searched = full_text_searched(briefing)
    section = None
    for paragraph in article.paragraphs:
        if paragraph.section != section and paragraph.section is not None:
            out.append(f"### {escape(paragraph.section)}\n")
        section = paragraph.section
        number = paragraph.number
        anchor = f'{{ .briefing-anchor title="Link to paragraph {number}" }}'
        ref = Ref(article.slug, paragraph.id)
        text = linked_text(
            paragraph.text, briefing.mentions.get(ref, []), briefing.entity_names, page
        )
        attributes = f"#{paragraph.id} .briefing-para" + ("" if searched else NOT_SEARCHED)
        # One block per paragraph: a citation's preview shows the paragraph and its filing,
        # not everything after it (Material previews up to the next heading or block end).
        out.append('<div class="briefing-block" markdown>\n')
        out.append(f"[¶{number}](#{paragraph.id}){anchor} {text}\n{{ {attributes} }}\n")
        filings = briefing.filings.get(Ref(article.slug, paragraph.id), ())
        if filings:
            tags = " · ".join(
                f"{link(titles[f.topic], page, topic_page(f.topic))} ({escape(_terms(f.cues))})"
                for f in filings
            )
            out.append(f"Filed under: {tags}\n{{ .briefing-tags{NOT_SEARCHED} }}\n")
        out.append("</div>\n")
    if article.removed:
        out.append(f'??? note "Removed while cleaning ({plural(len(article.removed), "line")})"\n')
        for removal in article.removed:
            out.append(f"    - line {removal.line}, {removal.reason}: {escape(removal.text)}")
        out.append("")
    return "\n".join(out) + "\n"


def glossary(briefing: Briefing) -> str:
    """Terms from `briefing.yml` with their definitions and the sources that use them."""
    out = [front_matter("Glossary"), "# Glossary\n"]
    out.append(
        "Terms as defined in the briefing's configuration; "
        "each shows its definition on hover wherever it appears.\n"
    )
    rows = []
    for term, definition in sorted(briefing.config.glossary.items(), key=lambda t: t[0].lower()):
        used = [a for a in briefing.articles if any(term in p.text for p in a.paragraphs)]
        sources = ", ".join(link(a.label, GLOSSARY, source_page(a.slug)) for a in used) or "—"
        rows.append([f"**{escape(term)}**", escape(definition), sources])
    out.append(table(["Term", "Definition", "Used in"], rows))
    return "\n".join(out)


def abbreviations(glossary_terms: dict[str, str], markdown: str) -> str:
    """Markdown abbreviation definitions: a tooltip on every use of a glossary term.

    Only the terms the page contains: each definition costs the Markdown parser a pass.
    """
    return "".join(
        f"\n*[{term}]: {' '.join(definition.split())}"
        for term, definition in sorted(glossary_terms.items())
        if term in markdown or escape(term) in markdown
    )


def with_previews(html: str) -> str:
    """Every link to a source paragraph previews that paragraph on hover and focus (Material's
    instant previews; they go by the sitemap, so only a site with `site_url` has them)."""
    return CITATION_LINK.sub('<a data-preview="" ', html)


def redirect_pages(briefing: Briefing, directory_urls: bool) -> dict[str, str]:
    """A page at each source's former address that sends the reader on, keeping the paragraph
    anchor (`…/#p4`): links published before a source was renamed keep working."""
    pages = {}
    for old, new in sorted(briefing.moved.items()):
        title = html_escape(briefing.article(new).display_title)
        if directory_urls:
            uri, target = f"sources/{old}/index.html", f"../{new}/"
        else:
            uri, target = f"sources/{old}.html", f"{new}.html"
        pages[uri] = (
            '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>Moved: {title}</title>"
            f'<link rel="canonical" href="{target}"><meta name="robots" content="noindex">'
            f'<meta http-equiv="refresh" content="0; url={target}">'
            f"<script>location.replace({json.dumps(target)} + location.hash)</script>"
            f'</head><body><p>This source is now at <a href="{target}">{title}</a>.</p>'
            "</body></html>\n"
        )
    return pages
