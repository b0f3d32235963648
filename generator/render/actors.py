"""Pages about actors: one per person, organisation or group, their index, the positions matrix."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial

from generator.model import Briefing, Corroboration, Entity, Evidence, Position, Ref
from generator.render.markdown import (
    cite,
    entity_page,
    escape,
    excerpt_of,
    front_matter,
    link,
    linked_text,
    not_searched,
    plural,
    source_page,
    table,
    topic_page,
)

PEOPLE_INDEX = "people/index.md"
KIND_TITLES = {"person": "People", "organisation": "Organisations", "group": "Groups"}
STANCE_LABELS = {
    "supports": "Supports",
    "opposes": "Opposes",
    "mixed": "Mixed",
    "unclear": "Unclear",
}
STANCE_ORDER = ("supports", "opposes", "mixed", "unclear")

# A hub page shows what a reader can use, never every one of thousands of mentions: the most
# relevant few of each list, with the count of the rest and where to find them.
MENTIONS_PER_TOPIC = 10
QUOTES_SHOWN = 40
EVIDENCE_SHOWN = 20
SOURCES_SHOWN = 40
MATRIX_ACTORS = 60  # the actors with the most evidence, in a positions matrix


def actor_pages(briefing: Briefing) -> dict[str, str]:
    """The People & organisations index and one page per entity."""
    pages = {PEOPLE_INDEX: people_index(briefing)}
    for entity in briefing.analysis.entities:
        pages[entity_page(entity.id)] = entity_markdown(briefing, entity)
    return pages


def people_index(briefing: Briefing) -> str:
    out = [front_matter("People & organisations"), "# People & organisations\n"]
    entities = briefing.analysis.entities
    question = briefing.config.stance.question if briefing.config.stance else None
    stance_note = f" and where each stands on {escape(question)}" if question else ""
    out.append(
        f"{plural(len(entities), 'actor')} named in the sources: who they are as the text "
        f"describes them, what they said{stance_note}.\n"
    )
    for kind, title in KIND_TITLES.items():
        members = [e for e in entities if e.kind == kind]
        if not members:
            continue
        out.append(f"## {title}\n")
        rows = []
        for entity in members:
            position = briefing.positions.get(entity.id)
            quotes = len(briefing.quotes_by.get(entity.id, []))
            sources = len({m.ref.article for m in entity.mentions})
            rows.append(
                [
                    link(entity.name, PEOPLE_INDEX, entity_page(entity.id)),
                    escape(entity.roles[0].text) if entity.roles else "—",
                    STANCE_LABELS[position.stance] if position else "—",
                    str(quotes),
                    str(sources),
                ]
            )
        out.append(table(["Name", "Role", "Stance", "Quotes", "Sources"], rows))
    return "\n".join(out)


def entity_markdown(briefing: Briefing, entity: Entity) -> str:
    page = entity_page(entity.id)
    quotes = briefing.quotes_by.get(entity.id, [])
    sources = sorted({m.ref.article for m in entity.mentions}, key=_article_order(briefing))
    out = [front_matter(entity.name), f"# {escape(entity.name)}\n"]
    out.append(
        f"*{entity.kind.capitalize()}* · named in {plural(len(sources), 'source')} · "
        f"{plural(len(quotes), 'quotation')}\n"
    )
    out.append("## Who they are\n")
    if entity.roles:
        out += [
            f"- {escape(role.text)} {_cites(briefing, (role.ref,), page)}" for role in entity.roles
        ]
        out.append("")
    else:
        out.append("The sources give no role.\n")
    position = briefing.positions.get(entity.id)
    if briefing.config.stance:
        out.append(f"## Position on {escape(briefing.config.stance.question)} {{ #position }}\n")
        out.append(not_searched(_position_section(briefing, position, page)))
    out.append("## What they said\n")
    if not quotes:
        out.append("No direct quotation in the sources.\n")
    shown: set[Ref] = set()
    listed = 0
    for quote in quotes:
        if quote.ref in shown:
            continue  # already listed as reported by another source
        group = corroboration_of(briefing, quote.ref)
        shown.update(group.refs if group else (quote.ref,))
        listed += 1
        if listed > QUOTES_SHOWN:
            continue
        said = f"“{escape(quote.text)}”"
        label = f" (as *{escape(quote.speaker_label)}*)" if quote.speaker_label else ""
        out.append(f"- {said}{label} {_reported(briefing, quote.ref, page)}")
    if listed > QUOTES_SHOWN:
        out.append(f"\n{_more(listed - QUOTES_SHOWN, 'quotation', page)}")
    out.append("\n## Mentions by topic\n")
    out.append(not_searched(_mentions_by_topic(briefing, entity, page)))
    out.append("## Cited on\n")
    links = [link(t.title, page, topic_page(t.id)) for t in citing_topics(briefing, entity)]
    links += [
        link(briefing.article(s).display_title, page, source_page(s))
        for s in sources[:SOURCES_SHOWN]
    ]
    out.append(not_searched("\n".join(f"- {item}" for item in links) + "\n"))
    if len(sources) > SOURCES_SHOWN:
        out.append(_more(len(sources) - SOURCES_SHOWN, "source", page))
    return "\n".join(out)


def citing_topics(briefing: Briefing, entity: Entity) -> list:
    """Topic pages that name the entity: among their actors, or in the positions matrix."""
    filing = briefing.topics_filing(m.ref for m in entity.mentions)
    if briefing.config.stance and briefing.config.stance.topic and entity.id in briefing.positions:
        filing.add(briefing.config.stance.topic)
    return [topic for topic in briefing.config.topics if topic.id in filing]


def _article_order(briefing: Briefing):
    order = {a.slug: i for i, a in enumerate(briefing.articles)}
    return lambda slug: order[slug]


def _position_section(briefing: Briefing, position: Position | None, page: str) -> str:
    if position is None:
        return "The sources show nothing of where this actor stands.\n"
    lines = [
        f"**{STANCE_LABELS[position.stance]}**, on {plural(len(position.evidence), 'passage')}:\n"
    ]
    # Over the bound, the passages with cues: they are what the stance rests on.
    chosen = _most(list(position.evidence), EVIDENCE_SHOWN, lambda e: bool(e.support or e.oppose))
    for evidence in chosen:
        lines.append(f"- {_evidence_text(evidence)} {_cites(briefing, (evidence.ref,), page)}")
    if len(position.evidence) > EVIDENCE_SHOWN:
        lines.append(f"\n{_more(len(position.evidence) - EVIDENCE_SHOWN, 'passage', page)}")
    return "\n".join(lines) + "\n"


def _most(items: list, count: int, weight: Callable) -> list:
    """All the items when they are few, else the `count` weighing most, in their own order."""
    if len(items) <= count:
        return items
    best = sorted(range(len(items)), key=lambda i: -weight(items[i]))[:count]
    return [items[i] for i in sorted(best)]


def _score(briefing: Briefing, ref: Ref, topic: str) -> float:
    return next((f.score for f in briefing.filings.get(ref, ()) if f.topic == topic), 0.0)


def _more(count: int, noun: str, page: str) -> str:
    """What a bounded list leaves out, and where all of it is."""
    return (
        f"*… and {plural(count, 'more ' + noun)}: the full-text search of "
        f"{link('the Sources page', page, 'sources/index.md')} finds every one.*\n"
    )


def _evidence_text(evidence: Evidence) -> str:
    text = _quoted(evidence, evidence.text)
    notes = []
    if evidence.via and evidence.via != "quote":
        notes.append(f"said by {escape(evidence.via)}")
    if evidence.support:
        notes.append("support: " + escape(", ".join(evidence.support)))
    if evidence.oppose:
        notes.append("opposition: " + escape(", ".join(evidence.oppose)))
    return text + (f" *({'; '.join(notes)})*" if notes else "")


def _cites(briefing: Briefing, refs: tuple[Ref, ...], page: str) -> str:
    return "[" + "; ".join(cite(briefing.article(r.article), r.paragraph, page) for r in refs) + "]"


def _reported(briefing: Briefing, ref: Ref, page: str) -> str:
    group = corroboration_of(briefing, ref)
    if group is None:
        return _cites(briefing, (ref,), page)
    return f"{_cites(briefing, group.refs, page)} *({reported_by(briefing, group.refs)})*"


def reported_by(briefing: Briefing, refs: tuple[Ref, ...]) -> str:
    """`reported by 2 sources`, or `reported by 2 independent sources, reprinted by 3 more`."""
    originals, reprints = briefing.independent(refs)
    if not reprints:
        return f"reported by {originals} sources"
    return f"reported by {plural(originals, 'independent source')}, reprinted by {reprints} more"


def corroboration_of(briefing: Briefing, ref: Ref) -> Corroboration | None:
    return briefing.corroboration_of.get(ref)


def _mentions_by_topic(briefing: Briefing, entity: Entity, page: str) -> str:
    titles = {t.id: t.title for t in briefing.config.topics}
    by_topic: dict[str, list[Ref]] = defaultdict(list)
    first_mention: dict[Ref, int] = {}
    for m in entity.mentions:
        first_mention.setdefault(m.ref, m.start)
    for ref in first_mention:
        filed = briefing.filings.get(ref, ())
        for topic in [f.topic for f in filed] or [""]:
            by_topic[topic].append(ref)
    out = []
    for topic_id in [*titles, ""]:
        refs = by_topic.get(topic_id)
        if not refs:
            continue
        heading = (
            link(titles[topic_id], page, topic_page(topic_id))
            if topic_id
            else "Not filed under a topic"
        )
        out.append(f"### {heading}\n")
        ranked = _most(refs, MENTIONS_PER_TOPIC, partial(_score, briefing, topic=topic_id))
        for ref in ranked:
            paragraph = briefing.paragraph(ref)
            start = first_mention[ref]
            sentence = next(s for s in paragraph.sentences if s.start <= start < s.end)
            text = linked_text(
                paragraph.text,
                briefing.mentions[ref],
                briefing.entity_names,
                page,
                (sentence.start, sentence.end),
                own=entity.id,
            )
            out.append(f"- {text} {_cites(briefing, (ref,), page)}")
        if len(refs) > MENTIONS_PER_TOPIC:
            out.append(f"\n{_more(len(refs) - MENTIONS_PER_TOPIC, 'mention', page)}")
        out.append("")
    return "\n".join(out) + "\n"


def positions_matrix(briefing: Briefing, page: str) -> str:
    """Actor, role, stance, strongest evidence and links, supporters first."""
    order = {e.id: i for i, e in enumerate(briefing.analysis.entities)}
    positions = sorted(
        briefing.analysis.positions,
        key=lambda p: (STANCE_ORDER.index(p.stance), -len(p.evidence), order[p.entity]),
    )
    entities = {e.id: e for e in briefing.analysis.entities}
    shown = _most(positions, MATRIX_ACTORS, lambda p: len(p.evidence))
    rows = []
    for position in shown:
        entity = entities[position.entity]
        strongest = strongest_evidence(position)
        more = link("all evidence", page, entity_page(entity.id), "position")
        rows.append(
            [
                link(entity.name, page, entity_page(entity.id)),
                escape(excerpt_of(entity.roles[0].text, 60)) if entity.roles else "—",
                f"**{STANCE_LABELS[position.stance]}**",
                f"{_quoted(strongest, excerpt_of(strongest.text, 120))} "
                f"{_cites(briefing, (strongest.ref,), page)}",
                more,
            ]
        )
    question = escape(briefing.config.stance.question) if briefing.config.stance else ""
    intro = (
        f"Where each actor stands on {question}, read from their own words and from what the "
        "sources say they did. Each stance links to all of its evidence.\n"
    )
    matrix = table(["Actor", "Role", "Stance", "Strongest evidence", "More"], rows)
    rest = ""
    if len(shown) < len(positions):
        rest = (
            f"\n*… and {plural(len(positions) - len(shown), 'more actor')} with a stance, on "
            f"{link('People & organisations', page, PEOPLE_INDEX)}.*\n"
        )
    return f'{intro}\n<div class="briefing-matrix" markdown>\n\n{matrix}\n</div>\n{rest}'


def _quoted(evidence: Evidence, text: str) -> str:
    return f"“{escape(text)}”" if evidence.via == "quote" else escape(text)


def strongest_evidence(position: Position) -> Evidence:
    """The passage that shows the stance most plainly; a quotation wins a tie."""

    def weight(e: Evidence) -> tuple[int, int]:
        side = {"supports": len(e.support), "opposes": len(e.oppose)}.get(
            position.stance, len(e.support) + len(e.oppose)
        )
        return (side, e.via == "quote")

    return max(position.evidence, key=weight)


def actors_in(briefing: Briefing, refs: list[Ref], page: str) -> str:
    """The actors named in some paragraphs, most mentioned first, linked to their pages."""
    counts: dict[str, int] = defaultdict(int)
    for ref in refs:
        for entity in {m.entity for m in briefing.mentions.get(ref, [])}:
            counts[entity] += 1
    if not counts:
        return "No actor is named in these paragraphs.\n"
    order = {e.id: i for i, e in enumerate(briefing.analysis.entities)}
    ranked = sorted(counts, key=lambda e: (-counts[e], order[e]))
    names = briefing.entity_names
    return (
        " · ".join(f"{link(names[e], page, entity_page(e))} ({counts[e]})" for e in ranked) + "\n"
    )
