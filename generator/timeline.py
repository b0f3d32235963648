"""Dated events: every sentence that says when something happened, placed on one timeline.

Explicit dates (`11 Jul 2023`, `February 2022`, `the 2008 treaty`) stand on their own. Relative
ones are resolved against the article's date: `Thursday` is the last Thursday on or before it,
`last year` the year before, `next month` the month after, `in January` January of its year. A
month later in the year than the article is the one before when the sentence tells of the past
("in December the council voted", in a June article), a plan when it tells of the future ("will
open in December"), and left out when it does neither. An undated article can only place a month
when every dated source of the corpus shares one year: the entry then says so in its `basis`.
What cannot be resolved (`last week`, a weekday in an undated article) is left out, never
guessed. Each article's own date is an entry too.

A date after the article's own, `by the end of the year`, and a later month in a sentence that
announces ("will", "plans to", "is expected to") are plans: a reader must not take them for
events.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from generator.ingest import MONTHS
from generator.model import Article, Event, Ref

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FULL_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\.?,?\s+(?P<y1>(?:19|20)\d{{2}})"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>(?:19|20)\d{{2}}))\b",
    re.IGNORECASE,
)
MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?:of\s+)?(?P<year>(?:19|20)\d{{2}})\b", re.I)
MONTH_RELATIVE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?:of\s+)?(?P<r1>last|this|next)\s+year"
    rf"|(?P<r2>last|this|next)\s+(?P<m2>{_MONTH}))\b",
    re.IGNORECASE,
)
MONTH_ALONE = re.compile(
    rf"\b(?:in|since|by|until|from|at the (?:beginning|start|end) of|(?:early|mid|late))\s+"
    rf"(?:early\s+|mid-?\s*|late\s+)?(?P<month>{_MONTH})\b(?!\s+(?:\d|of\s+(?:last|this|next)|last|this|next))",
    re.IGNORECASE,
)
YEAR_RELATIVE = re.compile(r"\b(?P<which>last|this|next)\s+year\b", re.IGNORECASE)
NEXT_MONTH = re.compile(r"\b(?P<which>last|next)\s+month\b", re.IGNORECASE)
# A sentence that announces what is to come, or tells what happened.
FUTURE = re.compile(
    r"\b(?:will|shall|’ll|'ll|plans?\s+to|planned|planning|intends?\s+to|expected\s+to|"
    r"expects?\s+to|aims?\s+to|set\s+to|scheduled|due\s+to|is\s+to|are\s+to|going\s+to|"
    r"by\s+the\s+end\s+of|deadline|no\s+later\s+than|from\s+next)\b",
    re.IGNORECASE,
)
PAST = re.compile(r"\b(?:was|were|had|did|ago|last)\b|\b\w{3,}ed\b", re.IGNORECASE)
END_OF_YEAR = re.compile(r"\bby the end of the year\b", re.IGNORECASE)
YEAR = re.compile(
    r"\b(?:in|since|by|until|from|the|[Tt]he)\s+(?P<year>(?:19|20)\d{2})\b(?!\s*[-–]?\s*\d)"
)
WEEKDAY = re.compile(rf"\b(?:on\s+|last\s+)?(?P<day>{'|'.join(WEEKDAYS)})\b", re.IGNORECASE)
# Every pattern above needs one of these: most sentences have none and skip the eight searches.
TRIGGER = re.compile(rf"\b(?:{_MONTH}|{'|'.join(WEEKDAYS)}|year|(?:19|20)\d{{2}})\b", re.I)
# Capitalised month names that are also ordinary words: only taken with a year or "in".
AMBIGUOUS_MONTHS = frozenset({"may", "march", "jan", "mar", "sep", "dec"})


def find_events(
    articles: tuple[Article, ...], events: Sequence[Sequence[Event]] | None = None
) -> tuple[Event, ...]:
    """Every dated sentence and every article date, in date order.

    `events` are `events_in` of each article, when they were kept from an earlier build.
    """
    if events is None:
        year = corpus_year(a.date for a in articles)
        events = [events_in(article, year) for article in articles]
    order = {a.slug: i for i, a in enumerate(articles)}
    unique = list(dict.fromkeys(e for in_article in events for e in in_article))
    return tuple(
        sorted(
            unique,
            key=lambda e: (_sort_key(e.date), order[e.ref.article], int(e.ref.paragraph[1:])),
        )
    )


def corpus_year(dates: Iterable[str | None]) -> int | None:
    """The one year all dated articles share: undated articles' months are placed in it."""
    years = {date[:4] for date in dates if date}
    return int(next(iter(years))) if len(years) == 1 else None


def events_in(article: Article, corpus_year: int | None) -> tuple[Event, ...]:
    """One article's date and dated sentences."""
    events: list[Event] = []
    if article.paragraphs and article.date:
        title = article.title or article.display_title
        events.append(Event(article.date, "day", title, Ref(article.slug, "p1"), published=True))
    for paragraph in article.paragraphs:
        ref = Ref(article.slug, paragraph.id)
        for sentence in paragraph.sentences:
            events += _dated(sentence.text, ref, article.date, corpus_year)
    return tuple(events)


def _sort_key(date: str) -> tuple[int, ...]:
    """`2022` before `2022-02` before `2022-02-24`."""
    parts = [int(part) for part in date.split("-")]
    return tuple([*parts, 0, 0][:3])


def _dated(text: str, ref: Ref, article_date: str | None, corpus_year: int | None) -> list[Event]:
    """The dates one sentence gives, resolved where the article's date allows."""
    if not TRIGGER.search(text):
        return []
    reference = dt.date.fromisoformat(article_date) if article_date else None
    base_year = reference.year if reference else corpus_year
    basis = (
        None if reference else f"year taken from the corpus (all dated sources are {corpus_year})"
    )
    found: list[Event] = []
    taken: list[tuple[int, int]] = []

    announces = FUTURE.search(text) is not None

    def add(
        match: re.Match[str], date: str, precision: str, note: str | None = None, plan: bool = False
    ) -> None:
        if any(match.start() < end and start < match.end() for start, end in taken):
            return
        taken.append((match.start(), match.end()))
        later = reference is not None and _sort_key(date) > _sort_key(
            reference.isoformat()[: len(date)]
        )
        event = Event(date, precision, text, ref, note, plan=plan or later)  # type: ignore[arg-type]
        found.append(event)

    for match in FULL_DATE.finditer(text):
        day = match.group("d1") or match.group("d2")
        month = match.group("m1") or match.group("m2")
        year = match.group("y1") or match.group("y2")
        try:
            date = dt.date(int(year), MONTHS[month.lower()], int(day))
        except ValueError:
            continue
        add(match, date.isoformat(), "day")
    for match in MONTH_YEAR.finditer(text):
        add(match, f"{match.group('year')}-{MONTHS[match.group('month').lower()]:02d}", "month")
    for match in MONTH_RELATIVE.finditer(text):
        if base_year is None:
            continue
        month = MONTHS[(match.group("m1") or match.group("m2")).lower()]
        shift = {"last": -1, "this": 0, "next": 1}[(match.group("r1") or match.group("r2")).lower()]
        add(match, f"{base_year + shift}-{month:02d}", "month", basis)
    for match in MONTH_ALONE.finditer(text):
        month_word = match.group("month")
        if base_year is None or (month_word.lower() in AMBIGUOUS_MONTHS and month_word.islower()):
            continue
        month = MONTHS[month_word.lower()]
        if reference and month > reference.month:
            # Later than the article in its own year: last year's when the sentence tells of
            # the past, this year's plan when it announces, else unknown.
            if announces:
                add(match, f"{base_year}-{month:02d}", "month", basis, plan=True)
            elif PAST.search(text):
                add(match, f"{base_year - 1}-{month:02d}", "month")
            continue
        add(match, f"{base_year}-{month:02d}", "month", basis)
    if reference:
        for match in NEXT_MONTH.finditer(text):
            step = 1 if match.group("which").lower() == "next" else -1
            year, month = divmod(reference.year * 12 + reference.month - 1 + step, 12)
            add(match, f"{year}-{month + 1:02d}", "month")
    for match in END_OF_YEAR.finditer(text):
        if base_year is not None:
            add(match, f"{base_year}-12", "month", basis, plan=True)
    for match in YEAR_RELATIVE.finditer(text):
        if base_year is not None:
            shift = {"last": -1, "this": 0, "next": 1}[match.group("which").lower()]
            add(match, str(base_year + shift), "year", basis)
    for match in YEAR.finditer(text):
        add(match, match.group("year"), "year")
    if reference:
        for match in WEEKDAY.finditer(text):
            weekday = WEEKDAYS.index(match.group("day").lower())
            back = (reference.weekday() - weekday) % 7
            add(match, (reference - dt.timedelta(days=back)).isoformat(), "day")
    return found
