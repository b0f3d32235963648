"""Pages across sources: where the figures differ, and what happened when."""

from __future__ import annotations

import datetime as dt

from generator.model import Briefing, Discrepancy, Event, Ref
from generator.render.markdown import (
    cite,
    escape,
    front_matter,
    link,
    linked_text,
    not_searched,
    source_page,
    table,
)

DISCREPANCIES = "discrepancies.md"
TIMELINE = "timeline.md"
TIMELINE_ROWS = 500  # rows of the Timeline page; a larger corpus's is sampled evenly
INFERRED = "†"


def crosssource_pages(briefing: Briefing) -> dict[str, str]:
    return {DISCREPANCIES: discrepancies(briefing), TIMELINE: timeline(briefing)}


def compatibility(discrepancy: Discrepancy) -> str:
    if discrepancy.compatible:
        return (
            "The figures differ but can all be true at once (bounds such as “more than” allow it)."
        )
    return "The figures cannot all be true at once."


def discrepancies(briefing: Briefing) -> str:
    out = [front_matter("Discrepancies"), "# Discrepancies\n"]
    found = briefing.analysis.discrepancies
    out.append(
        "Where the sources give different figures for the same thing. There is no verdict here: "
        "each figure stands beside its sentence and its source, qualifiers (“more than”, "
        "“about”) as written.\n"
    )
    if not found:
        out.append("The sources do not differ on any figure.\n")
    for discrepancy in found:
        out.append(f"## {escape(discrepancy.subject)}\n")
        out.append(f"*{compatibility(discrepancy)}*\n")
        rows = []
        for claim in discrepancy.claims:
            article = briefing.article(claim.ref.article)
            text = _linked_sentence(briefing, claim.ref, claim.text, DISCREPANCIES)
            source = (
                f"{cite(article, claim.ref.paragraph, DISCREPANCIES)} · {article.date or 'undated'}"
            )
            rows.append([f"**{escape(claim.value)}**", text, source])
        out.append(table(["Figure", "As the source puts it", "Source"], rows))
    return "\n".join(out)


def _linked_sentence(briefing: Briefing, ref: Ref, sentence: str, page: str) -> str:
    """One sentence of a paragraph, escaped, its names linked to their pages."""
    paragraph = briefing.paragraph(ref).text
    start = paragraph.find(sentence)
    span = (start, start + len(sentence)) if start >= 0 else None
    return linked_text(paragraph, briefing.mentions.get(ref, []), briefing.entity_names, page, span)


def format_day(iso: str) -> str:
    """`2023-07-11` as `11 Jul 2023`."""
    return dt.date.fromisoformat(iso).strftime("%-d %b %Y")


def format_date(event: Event) -> str:
    parts = [int(p) for p in event.date.split("-")]
    if event.precision == "day":
        return dt.date(*parts).strftime("%-d %b %Y")
    if event.precision == "month":
        return dt.date(parts[0], parts[1], 1).strftime("%B %Y")
    return str(parts[0])


def timeline(briefing: Briefing) -> str:
    out = [front_matter("Timeline"), "# Timeline\n"]
    events = briefing.analysis.timeline
    out.append(
        "Every sentence of the sources that says when something happened, in date order, and the "
        "date of each source. Weekdays and “last year” are resolved against the article’s date; "
        "what cannot be resolved is left out. *Planned:* marks what a source announces for "
        "later, not something that happened.\n"
    )
    if any(e.basis for e in events):
        basis = next(e.basis for e in events if e.basis)
        out.append(f"{INFERRED} The article gives no date: the {basis}.\n")
    if len(events) > TIMELINE_ROWS:  # a bounded page: the sources' own dates are on Sources
        dated = [e for e in events if not e.published]
        step = max(1, -(-len(dated) // TIMELINE_ROWS))  # every n-th, to keep the whole span
        events = tuple(dated[::step])
        out.append(
            f"This corpus has {len(briefing.analysis.timeline)} dated entries: one in every "
            f"{step} dated sentences is shown, across the whole span, and no publication date; "
            "the Sources page lists and searches every source.\n"
        )
    rows = []
    for event in events:
        article = briefing.article(event.ref.article)
        when = format_date(event) + (f" {INFERRED}" if event.basis else "")
        if event.published:
            what = (
                f"*Published:* {link(article.display_title, TIMELINE, source_page(article.slug))}"
            )
            source = escape(article.label)
        else:
            what = _linked_sentence(briefing, event.ref, event.text, TIMELINE)
            if event.plan:
                what = f"*Planned:* {what}"
            source = cite(article, event.ref.paragraph, TIMELINE)
        rows.append([when, what, source])
    when = table(["When", "What the source says", "Source"], rows)
    out.append(not_searched(when) if rows else "No dated event.\n")
    return "\n".join(out)
