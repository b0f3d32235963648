"""Find direct quotations and who said them.

Attribution is read from the words around a quotation, in this order: an attribution set off by
dashes inside it (`“… – said a source – …”`), the words after it (`”, Cooper added`, `” said a
US official`, `” she told lawmakers`, `according to …`), a speech verb before it in the same
sentence (`Dan Rice stated that the US "really needs"`), and finally the quotation just before
it in the same paragraph (a quote split by narration). Pronouns resolve to the last person
named before the quotation. Anonymous sources keep their words (`a US official`) as the label
and get no speaker. Short quoted phrases (scare quotes) count only when a named speaker is given.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from generator import lexicon as lx
from generator.model import Article, Entity, Paragraph, Quote, Ref

OPENERS = '“"„«'
CLOSERS = '”"“»'
QUOTATION = re.compile(f"[{OPENERS}][^{CLOSERS}]*[{CLOSERS}]?")
SHORT = 5  # words; shorter quotations are phrases unless a named speaker is given
UNATTRIBUTED_MIN = 8  # words; shorter unattributed quotations are left out
SPEECH = "|".join(sorted(lx.SPEECH_VERBS - {"according"}))
DASHED = re.compile(
    rf"\s[–—-]\s*(?P<attribution>(?:(?:{SPEECH})\s+|according to\s+)(?P<who>[^–—]+?))\s*[–—-]\s*"
)
VERB_FIRST = re.compile(rf"^[\s,]*(?:{SPEECH})\s+(?P<who>[^;:!?]+)")
WHO_FIRST = re.compile(rf"^[\s,]*(?P<who>[A-Za-z][^“”\"]{{0,150}}?)\s+(?:{SPEECH})\b")
ACCORDING = re.compile(r"^[\s,]*according to\s+(?P<who>[^,;]+)")
APPOSED_NAME = re.compile(r"^[^,]+,\s*(?P<name>[^,]+?),?\s*$")  # `the referee, Tom Akers,`
NAME_TO_VERB = re.compile(r"^\s*(?:,[^,“”\"]{1,100},)?\s*$")  # `Haddad, an economist, warned`
HEAD_VERB = re.compile(rf"(?:{SPEECH})\b(?=[^“”\"]*$)")
HEAD_ANONYMOUS = re.compile(
    rf"\b(?P<who>(?:{'|'.join(sorted(lx.ANONYMOUS_OPENERS))})\s[^,.;:“”\"]{{1,60}}?)\s+(?:{SPEECH})\s*:\s*$",
    re.IGNORECASE,
)
PRONOUN = re.compile(r"^(?:he|she|they)$", re.IGNORECASE)


@dataclass(frozen=True)
class _Named:
    start: int
    end: int
    entity: str
    kind: str


@dataclass(frozen=True)
class _Attribution:
    speaker: str | None
    label: str | None
    named: bool  # a person or organisation the text names (not a pronoun-less anonymous source)


def find_quotes(articles: tuple[Article, ...], entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    """Every direct quotation in the corpus, in reading order, with its speaker."""
    kinds = {entity.id: entity.kind for entity in entities}
    named: dict[Ref, list[_Named]] = defaultdict(list)
    for entity in entities:
        for mention in entity.mentions:
            named[mention.ref].append(
                _Named(mention.start, mention.end, entity.id, kinds[entity.id])
            )
    quotes: list[Quote] = []
    for article in articles:
        last_person: str | None = None
        for paragraph in article.paragraphs:
            ref = Ref(article.slug, paragraph.id)
            mentions = sorted(named[ref], key=lambda n: n.start)
            quotes += _paragraph_quotes(ref, paragraph, mentions, last_person)
            people = [n for n in mentions if n.kind == "person"]
            if people:
                last_person = people[-1].entity
    return tuple(quotes)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of each quotation, marks included; an unclosed one runs to the paragraph's end."""
    return [match.span() for match in QUOTATION.finditer(text)]


def _paragraph_quotes(
    ref: Ref, paragraph: Paragraph, mentions: list[_Named], last_person: str | None
) -> list[Quote]:
    text = paragraph.text
    quotes: list[Quote] = []
    previous: tuple[int, _Attribution] | None = None
    for start, end in quote_spans(text):
        inner = text[start + 1 : end - 1 if text[end - 1] in CLOSERS else end]
        words = len(inner.split())
        body, attribution = inner, None
        if dashed := DASHED.search(inner):
            body = f"{inner[: dashed.start()].strip()} … {inner[dashed.end() :].strip()}"
            who_start = start + 1 + dashed.start("who")
            attribution = _resolve(dashed.group("who"), who_start, text, mentions, last_person)
        attribution = attribution or _after(text, end, mentions, last_person, paragraph)
        attribution = attribution or _before(text, start, mentions, paragraph)
        if (
            attribution is None
            and previous
            and not _other_person_between(mentions, previous, start)
        ):
            attribution = previous[1]  # the same speaker, quoted again after a break
        body = body.strip().rstrip(",").strip()
        if attribution is None:
            if words < UNATTRIBUTED_MIN:
                continue
            attribution = _Attribution(None, None, False)
        elif words < SHORT and not (attribution.named and attribution.speaker):
            continue
        quotes.append(Quote(ref, start, end, body, attribution.speaker, attribution.label))
        previous = (end, attribution)
        if attribution.speaker:
            last_person = (
                attribution.speaker if _is_person(mentions, attribution.speaker) else last_person
            )
    return quotes


def _sentence_end(paragraph: Paragraph, position: int) -> int:
    return next(
        (s.end for s in paragraph.sentences if s.start <= position < s.end), len(paragraph.text)
    )


def _sentence_start(paragraph: Paragraph, position: int) -> int:
    return next((s.start for s in paragraph.sentences if s.start <= position < s.end), 0)


def _after(
    text: str, end: int, mentions: list[_Named], last_person: str | None, paragraph: Paragraph
) -> _Attribution | None:
    tail = text[end : _sentence_end(paragraph, max(end - 1, 0))]
    if not tail.strip() or tail.lstrip()[:1] in OPENERS:
        return None
    for pattern in (ACCORDING, VERB_FIRST, WHO_FIRST):
        if match := pattern.match(tail):
            who = match.group("who")
            who_start = end + match.start("who")
            if pattern is WHO_FIRST and not _could_be_speaker(who, who_start, mentions):
                continue
            return _resolve(who, who_start, text, mentions, last_person)
    return None


def _before(
    text: str, start: int, mentions: list[_Named], paragraph: Paragraph
) -> _Attribution | None:
    """`Dan Rice stated that the US "really needs" …`: a named speaker earlier in the sentence."""
    head_start = _sentence_start(paragraph, start)
    head = text[head_start:start]
    if anonymous := HEAD_ANONYMOUS.search(head):  # `the spokesman said: “…”`
        who_start = head_start + anonymous.start("who")
        if not _names_someone(mentions, who_start, anonymous.group("who")):
            return _Attribution(None, anonymous.group("who"), False)
    verbs = list(HEAD_VERB.finditer(head))
    if not verbs:
        return None
    verb_at = head_start + verbs[-1].start()
    speaker = next(
        (
            n
            for n in reversed(mentions)
            if n.end <= verb_at and n.kind != "group" and NAME_TO_VERB.match(text[n.end : verb_at])
        ),
        None,
    )
    if speaker is None:
        return None
    return _Attribution(speaker.entity, text[speaker.start : speaker.end], True)


def _could_be_speaker(who: str, who_start: int, mentions: list[_Named]) -> bool:
    """Narration after a quotation names a speaker only when it opens like one."""
    words = who.split()
    first = words[0].lower()
    named = any(who_start <= n.start < who_start + len(who) for n in mentions)
    return len(words) <= 20 and (
        named
        or words[0][0].isupper()
        or first in lx.ANONYMOUS_OPENERS
        or PRONOUN.match(first) is not None
    )


def _resolve(
    who: str, who_start: int, text: str, mentions: list[_Named], last_person: str | None
) -> _Attribution:
    """Turn the words naming a speaker into an entity, a pronoun's antecedent or a label."""
    who = who.strip().rstrip(".")
    label = who.split(",")[0].strip()
    first_word = label.split()[0] if label.split() else ""
    if PRONOUN.match(first_word) and len(label.split()) == 1:
        before = [n for n in mentions if n.end <= who_start and n.kind == "person"]
        antecedent = before[-1].entity if before else last_person
        return _Attribution(antecedent, first_word, antecedent is not None)
    if first_word.lower() in lx.ANONYMOUS_OPENERS:
        apposed = APPOSED_NAME.match(who)
        name_at = who_start + apposed.start("name") if apposed else -1
        person = next((n for n in mentions if n.start == name_at and n.kind == "person"), None)
        if person is None:
            return _Attribution(None, label, False)
        return _Attribution(person.entity, text[person.start : person.end], True)
    inside = [n for n in mentions if who_start <= n.start < who_start + len(who)]
    named = next((n for n in inside if n.kind == "person"), inside[0] if inside else None)
    if named:
        return _Attribution(named.entity, label, True)
    return _Attribution(None, label, False)


def _names_someone(mentions: list[_Named], who_start: int, label: str) -> bool:
    """`the director of the CIA, William Burns` names someone; `a US official` does not."""
    return any(
        who_start <= n.start < who_start + len(label) and n.kind == "person" for n in mentions
    )


def _other_person_between(
    mentions: list[_Named], previous: tuple[int, _Attribution], end: int
) -> bool:
    """Someone other than the last speaker is named between two quotations."""
    start, attribution = previous
    return any(
        start <= n.start < end and n.kind == "person" and n.entity != attribution.speaker
        for n in mentions
    )


def _is_person(mentions: list[_Named], entity: str) -> bool:
    return any(n.entity == entity and n.kind == "person" for n in mentions)
