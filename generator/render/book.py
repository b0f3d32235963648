"""The briefing book: one print-first HTML document that WeasyPrint lays out as the PDF.

Citations link inside the document to the numbered paragraphs of the sources, printed in an
appendix; the contents page gets its page numbers from `target-counter`. Nothing here reads the
clock: the book's date is the newest source's.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape

from generator.model import Article, Briefing, Ref
from generator.render.actors import STANCE_LABELS, STANCE_ORDER, strongest_evidence
from generator.render.crosssource import compatibility, format_date
from generator.render.markdown import excerpt_of, plural
from generator.render.pages import key_points, newest_first

# Characters a running head may take: the book's title at the top left, the chapter's or the
# source's at the top right, in 8pt on an A4 line (about 100 characters in all).
BOOK_HEAD = 42
CHAPTER_HEAD = 52


def running_head(text: str, limit: int) -> str:
    """A title cut at a word to fit its running head, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return (cut or text[: limit - 1]) + "…"


def book_html(briefing: Briefing, css: str) -> str:
    """The whole book as one HTML document."""
    chapters = [("summary", "Summary", _summary(briefing))]
    for topic in briefing.config.topics:
        chapters.append((f"topic-{topic.id}", topic.title, _topic(briefing, topic)))
    if briefing.analysis.positions:
        chapters.append(("actors", "People and positions", _actors(briefing)))
    if briefing.analysis.discrepancies:
        chapters.append(("discrepancies", "Discrepancies", _discrepancies(briefing)))
    if briefing.analysis.timeline:
        chapters.append(("timeline", "Timeline", _timeline(briefing)))
    if briefing.config.glossary:
        chapters.append(("glossary", "Glossary", _glossary(briefing)))
    cited = None if full_appendix(briefing) else _cited(chapters)
    chapters.append(("sources", "Appendix: the sources", _appendix(briefing, cited)))
    newest = max((a.date for a in briefing.articles if a.date), default=None)
    title = escape(briefing.config.title)
    head = (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="description" content="{escape(briefing.config.question or title)}">'
        '<meta name="generator" content="briefing">'
    )
    if newest:
        head += f'<meta name="dcterms.created" content="{newest}">'
        head += f'<meta name="dcterms.modified" content="{newest}">'
    head += f"<style>{css}</style></head><body>"
    body = [_cover(briefing, newest, cited is None), _contents(briefing, chapters)]
    body += [
        f'<section class="chapter" id="{cid}">'
        f'<h1 data-running="{escape(running_head(name, CHAPTER_HEAD))}">{escape(name)}</h1>'
        f"{content}</section>"
        for cid, name, content in chapters
    ]
    return head + "\n".join(body) + "</body></html>\n"


CITED = re.compile(r'href="#(src-[a-z0-9-]+)"')  # a source, or one of its paragraphs


def anchor(ref: Ref) -> str:
    return f"src-{ref.article}-{ref.paragraph}"


def _cite(briefing: Briefing, ref: Ref) -> str:
    article = briefing.article(ref.article)
    label = f"{escape(article.label)}, ¶{ref.paragraph[1:]}".replace(" ", "\u00a0")
    return f'<a class="cite" href="#{anchor(ref)}">[{label}]</a>'


def _long_date(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%-d %B %Y")


def _cover(briefing: Briefing, newest: str | None, full: bool = True) -> str:
    config = briefing.config
    dates = sorted(a.date for a in briefing.articles if a.date)
    span = f"{_long_date(dates[0])} – {_long_date(dates[-1])}" if dates else "undated"
    analysis = briefing.analysis
    counts = [
        plural(len(briefing.articles), "source"),
        plural(len(analysis.entities), "actor"),
        plural(len(analysis.quotes), "quotation"),
    ]
    parts = [
        '<section class="cover"><p class="kicker">Briefing book</p>',
        f'<h1 class="book-title" data-running="{escape(running_head(config.title, BOOK_HEAD))}">'
        f"{escape(config.title)}</h1>",
    ]
    if config.question:
        parts.append(f'<p class="question">{escape(config.question)}</p>')
    parts.append(f'<p class="span">Sources dated {span}</p>')
    parts.append(f'<p class="counts">{" · ".join(counts)}</p>')
    if newest:
        parts.append(f'<p class="built">Compiled from sources up to {_long_date(newest)}.</p>')
    where = "printed in full" if full else "cited are printed"
    parts.append(
        '<p class="method">Every point is quoted verbatim from a source and cites the numbered '
        f"paragraph it comes from; the sources' paragraphs {where} in the appendix.</p></section>"
    )
    return "".join(parts)


def _contents(briefing: Briefing, chapters: list[tuple[str, str, str]]) -> str:
    items = [f'<li><a href="#{cid}">{escape(name)}</a></li>' for cid, name, _ in chapters]
    sources = [
        f'<li class="sub"><a href="#src-{a.slug}">{escape(a.display_title)}</a></li>'
        for a in (briefing.articles if full_appendix(briefing) else ())
    ]
    return (
        '<nav class="contents" id="contents"><h1 class="contents-title">Contents</h1><ol>'
        + "".join(items[:-1])
        + items[-1].replace("</li>", "<ol>" + "".join(sources) + "</ol></li>")
        + "</ol></nav>"
    )


def _summary(briefing: Briefing) -> str:
    config = briefing.config
    out = []
    if config.question:
        out.append(f'<p class="lead"><strong>{escape(config.question)}</strong></p>')
    if config.summary:
        out.append(f"<p>{escape(config.summary)}</p>")
    out.append("<h2>Topics</h2><ul>")
    for topic in config.topics:
        filed = briefing.filed_under(topic.id)
        sources = len({ref.article for ref, _ in filed})
        out.append(
            f'<li><a href="#topic-{topic.id}">{escape(topic.title)}</a>: '
            f"{plural(len(filed), 'paragraph')} from {plural(sources, 'source')}.</li>"
        )
    out.append("</ul><h2>Sources</h2>")
    every = newest_first(briefing.articles)
    shown = every if full_appendix(briefing) else every[:BOOK_SOURCES]
    out.append(_table(["Source", "Outlet", "Date"], [
        [f'<a href="#src-{a.slug}">{escape(a.display_title)}</a>', escape(a.outlet or "—"),
         a.date or "undated"]
        for a in shown
    ]))  # fmt: skip
    if len(shown) < len(every):
        out.append(_more(len(every) - len(shown), "source", "the site's Sources page"))
    return "".join(out)


def _topic(briefing: Briefing, topic) -> str:
    out = [f'<p class="lead">{escape(topic.description)}</p>']
    stance = briefing.config.stance
    if stance and stance.topic == topic.id and briefing.analysis.positions:
        out.append("<h2>Positions at a glance</h2>" + _matrix(briefing))
    out.append('<h2>Key points</h2><ul class="points">')
    for point in key_points(briefing, topic):
        cites = " ".join(_cite(briefing, ref) for ref in point.refs)
        out.append(f"<li>{escape(point.text)} {cites}</li>")
    out.append("</ul><h2>Coverage by source</h2>")
    by_article: dict[str, list[str]] = {}
    for ref, _ in briefing.filed_under(topic.id):
        by_article.setdefault(ref.article, []).append(_cite(briefing, ref))
    rows = [
        [escape(briefing.article(slug).display_title), " ".join(cites)]
        for slug, cites in by_article.items()
    ]
    if not full_appendix(briefing):  # the sources covering the topic most
        rows = sorted(rows, key=lambda row: -row[1].count("<a "))[:BOOK_SOURCES]
    out.append(_table(["Source", "Paragraphs"], rows) if rows else "<p>No source covers this.</p>")
    if len(rows) < len(by_article):
        out.append(_more(len(by_article) - len(rows), "source", "the site's topic page"))
    return "".join(out)


def _matrix(briefing: Briefing) -> str:
    entities = {e.id: e for e in briefing.analysis.entities}
    positions = sorted(
        briefing.analysis.positions,
        key=lambda p: (STANCE_ORDER.index(p.stance), -len(p.evidence)),
    )
    rows = []
    if not full_appendix(briefing):  # each stance's actors with the most evidence
        positions = sorted(positions, key=lambda p: -len(p.evidence))[:BOOK_ACTORS]
        positions.sort(key=lambda p: (STANCE_ORDER.index(p.stance), -len(p.evidence)))
    for position in positions:
        entity = entities[position.entity]
        strongest = strongest_evidence(position)
        role = escape(excerpt_of(entity.roles[0].text, 60)) if entity.roles else "—"
        rows.append(
            [
                escape(entity.name),
                role,
                f"<strong>{STANCE_LABELS[position.stance]}</strong>",
                f"{escape(excerpt_of(strongest.text, 160))} {_cite(briefing, strongest.ref)}",
            ]
        )
    return _table(["Actor", "Role", "Stance", "Strongest evidence"], rows, "matrix")


def _actors(briefing: Briefing) -> str:
    question = briefing.config.stance.question if briefing.config.stance else "the question"
    out = [f"<p>Each actor's stance on {escape(question)}, with every passage it rests on.</p>"]
    entities = {e.id: e for e in briefing.analysis.entities}
    positions = list(briefing.analysis.positions)
    bounded = not full_appendix(briefing)
    if bounded and len(positions) > BOOK_ACTORS:
        out = [
            f"<p>The {BOOK_ACTORS} actors with the most evidence of their stance on "
            f"{escape(question)} (of {len(positions)}), with the passages it rests on most; "
            "the site's pages have every actor and every passage.</p>"
        ]
        positions = sorted(positions, key=lambda p: -len(p.evidence))[:BOOK_ACTORS]
    for position in positions:
        entity = entities[position.entity]
        roles = "; ".join(escape(r.text) for r in entity.roles)
        out.append(f"<h2>{escape(entity.name)}</h2>")
        out.append(
            f'<p class="meta">{entity.kind.capitalize()}{" · " + roles if roles else ""} · '
            f"<strong>{STANCE_LABELS[position.stance]}</strong></p><ul>"
        )
        evidence_shown = position.evidence
        if bounded:
            evidence_shown = tuple(e for e in position.evidence if e.support or e.oppose)
            evidence_shown = (evidence_shown or position.evidence)[:BOOK_EVIDENCE]
        for evidence in evidence_shown:
            text = escape(evidence.text)
            shown = f"“{text}”" if evidence.via == "quote" else text
            out.append(f"<li>{shown} {_cite(briefing, evidence.ref)}</li>")
        out.append("</ul>")
    return "".join(out)


def _discrepancies(briefing: Briefing) -> str:
    out = ["<p>Figures the sources give differently, side by side; no verdict.</p>"]
    for discrepancy in briefing.analysis.discrepancies:
        out.append(f"<h2>{escape(discrepancy.subject)}</h2>")
        out.append(f"<p><em>{escape(compatibility(discrepancy))}</em></p>")
        rows = [
            [f"<strong>{escape(c.value)}</strong>", escape(c.text), _cite(briefing, c.ref)]
            for c in discrepancy.claims
        ]
        out.append(_table(["Figure", "As the source puts it", "Source"], rows))
    return "".join(out)


def _timeline(briefing: Briefing) -> str:
    rows = []
    events = list(briefing.analysis.timeline)
    bounded = not full_appendix(briefing)
    if bounded:  # what the sources say happened, not each source's own date
        events = [e for e in events if not e.published]
    for event in events[:BOOK_EVENTS] if bounded else events:
        when = format_date(event) + (" †" if event.basis else "")
        if event.published:
            article = briefing.article(event.ref.article)
            title = escape(article.display_title)
            what = f'<em>Published:</em> <a href="#src-{article.slug}">{title}</a>'
            rows.append([when, what, escape(article.label)])
        else:
            what = ("<em>Planned:</em> " if event.plan else "") + escape(event.text)
            rows.append([when, what, _cite(briefing, event.ref)])
    note = next((e.basis for e in briefing.analysis.timeline if e.basis), None)
    intro = f"<p>† The article gives no date: the {escape(note)}.</p>" if note else ""
    more = ""
    if bounded and len(events) > BOOK_EVENTS:
        more = _more(len(events) - BOOK_EVENTS, "dated sentence", "the site's Timeline")
    return intro + _table(["When", "What the source says", "Source"], rows) + more


def _glossary(briefing: Briefing) -> str:
    items = sorted(briefing.config.glossary.items(), key=lambda item: item[0].lower())
    return "<dl>" + "".join(f"<dt>{escape(t)}</dt><dd>{escape(d)}</dd>" for t, d in items) + "</dl>"


FULL_APPENDIX_MAX = 100  # articles; `pdf.appendix: auto` prints full texts up to this many
# Beyond that the book is bounded like the site's hub pages: the most telling few, counted.
BOOK_SOURCES = 50
BOOK_ACTORS = 40
BOOK_EVIDENCE = 5
BOOK_EVENTS = 150


def _more(count: int, noun: str, where: str) -> str:
    return f'<p class="more"><em>… and {plural(count, noun)} more, on {where}.</em></p>'


def full_appendix(briefing: Briefing) -> bool:
    """Whether the book prints every source in full, or only the paragraphs it cites."""
    choice = briefing.config.pdf.appendix
    return choice == "full" or (choice == "auto" and len(briefing.articles) <= FULL_APPENDIX_MAX)


def _cited(chapters: list[tuple[str, str, str]]) -> set[str]:
    """The paragraph anchors the book's chapters cite."""
    return {m.group(1) for _, _, html in chapters for m in CITED.finditer(html)}


def _appendix(briefing: Briefing, cited: set[str] | None) -> str:
    if cited is None:
        out = ["<p>The cleaned text of every source, paragraphs numbered as cited.</p>"]
    else:
        out = [
            "<p>The paragraphs this book cites, numbered as in their sources; the full text of "
            "every source is on the briefing's site (and in the book with "
            "<code>pdf: {appendix: full}</code> in <code>briefing.yml</code>).</p>"
        ]
    for article in briefing.articles:
        if (
            cited is None
            or f"src-{article.slug}" in cited
            or any(anchor(Ref(article.slug, p.id)) in cited for p in article.paragraphs)
        ):
            out.append(_source(article, cited))
    return "".join(out)


def _source(article: Article, cited: set[str] | None = None) -> str:
    meta = [
        ("Outlet", article.outlet or "—"),
        ("Date", article.date or "—"),
        ("Author", article.author or "—"),
        ("File", article.source_path),
    ]
    kind = "source" if cited is None else "source cited"  # cited ones run on, no page each
    out = [
        f'<article class="{kind}" id="src-{article.slug}">'
        f'<h2 data-running="{escape(running_head(article.display_title, CHAPTER_HEAD))}">'
        f"{escape(article.display_title)}</h2>"
    ]
    out.append('<p class="meta">' + " · ".join(f"{k}: {escape(v)}" for k, v in meta) + "</p>")
    section = None
    for paragraph in article.paragraphs:
        ref = Ref(article.slug, paragraph.id)
        if cited is not None and anchor(ref) not in cited:
            continue
        if paragraph.section and paragraph.section != section:
            out.append(f"<h3>{escape(paragraph.section)}</h3>")
        section = paragraph.section
        out.append(
            f'<p class="para" id="{anchor(ref)}"><span class="pnum">¶{paragraph.number}</span> '
            f"{escape(paragraph.text)}</p>"
        )
    out.append("</article>")
    return "".join(out)


def _table(header: list[str], rows: list[list[str]], css_class: str = "") -> str:
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{css_class}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
