"""Give each actor a stance on the briefing's central question, with the evidence for it.

Evidence is of three kinds: the actor's own quotations; sentences where the actor is the subject
of a stance cue (`U.S. allies … have criticized the decision`, `outrage from some key Democrats`);
and, for an organisation, what its people said (`Sarah Yager, Washington director of Human Rights
Watch`). The cues come from `briefing.yml`. An actor supports or opposes when the cues of one side
outweigh the other's two to one, is mixed when both sides show, and is unclear otherwise.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

from generator import lexicon as lx
from generator.config import Cue as CueConfig
from generator.config import Organisation, Stance
from generator.model import Article, Entity, Evidence, Position, Quote, Ref, Stance_
from generator.quotes import quote_spans
from generator.terms import WORD, TermIndex, build_index, find_terms, lemma

CONTEXT_WORDS = 8  # quotations shorter than this are shown within their sentence
SEGMENT = re.compile(r",\s+|\s+[–—]\s+|:\s+")
HARD_BREAK = re.compile(r";|\b(?:but|while|although|whereas|because|though)\b", re.IGNORECASE)
COORDINATION = re.compile(r"^\s*(?:as well as|and|or|along with)\s", re.IGNORECASE)
PREPOSITION = re.compile(
    r"\b(?:to|with|for|of|on|in|against|at|from|about|into|by|over|than)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
POSSESSOR = re.compile(r"(?:’s|'s|’|')\s+")
RELATIVE = re.compile(r"^\s*(?:who|which|that)\s", re.IGNORECASE)
AGENT = re.compile(r"^\s*(?:from|by)\s+(?:some\s+|many\s+|the\s+)?$")


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    entity: str


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    term: str
    side: str  # "support" or "oppose"
    weight: float


ArticleCues = tuple[tuple[tuple[Cue, ...], ...], ...]  # each paragraph's, sentence by sentence


def find_positions(
    articles: tuple[Article, ...],
    entities: tuple[Entity, ...],
    quotes: tuple[Quote, ...],
    stance: Stance | None,
    organisations: tuple[Organisation, ...] = (),
    narrative: Sequence[ArticleCues] | None = None,
) -> tuple[Position, ...]:
    """Each actor with any evidence, in entity order, with its stance.

    `narrative` are `narrative_cues` of each article, when they were kept from an earlier build.
    """
    if stance is None:
        return ()
    cues = compile_stance(stance)
    if narrative is None:
        narrative = [narrative_cues(article, cues) for article in articles]
    mentions: dict[Ref, list[_Span]] = defaultdict(list)
    for entity in entities:
        for m in entity.mentions:
            mentions[m.ref].append(_Span(m.start, m.end, entity.id))
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    weights: dict[tuple[str, str], float] = {}
    paragraphs = {Ref(a.slug, p.id): p for a in articles for p in a.paragraphs}
    for quote in quotes:
        if quote.speaker:
            paragraph = paragraphs[quote.ref]
            sentence = next(
                (s.text for s in paragraph.sentences if s.start <= quote.start < s.end), ""
            )
            # A quotation's "this" is what its paragraph is about: the paragraph is its scope.
            found = _cues_in(quote.text, cues, paragraph.text)
            text, via = quote.text, "quote"  # type: str, str | None
            if len(quote.text.split()) < CONTEXT_WORDS:  # "really needs": show its sentence
                text, via = sentence, None
            evidence[quote.speaker].append(_evidence(quote.ref, text, found, via))
            weights.update(_weights(found))
    for article, in_article in zip(articles, narrative, strict=True):
        for paragraph, in_paragraph in zip(article.paragraphs, in_article, strict=True):
            ref = Ref(article.slug, paragraph.id)
            spans = sorted(mentions[ref], key=lambda s: s.start)
            for actor, sentence, found in _narrative(paragraph.sentences, spans, in_paragraph):
                evidence[actor].append(_evidence(ref, sentence, found, None))
                weights.update(_weights(found))
    _add_members(entities, evidence, organisations)
    positions = []
    for entity in entities:
        items = _dedupe(evidence.get(entity.id, []))
        if items:
            positions.append(Position(entity.id, _stance(items, weights), tuple(items)))
    return tuple(positions)


BUILTIN = (
    # "support" the verb, not the noun of "a support package" or "thanks for their support".
    ("support", CueConfig(terms=(*lx.STANCE_SUPPORTS, "support"), weight=0.5)),
    ("oppose", CueConfig(terms=lx.STANCE_OPPOSES, weight=0.5)),
)
HYPOTHETICAL = re.compile(
    r"\b(?:whether|if)\s+(?:\S+\s+){0,6}$|\b(?:would|could|might|’d|'d)\s+(?:\S+\s+){0,2}$",
    re.I,
)
# "rejected opposition claims", "dismissed the criticism": turning down a criticism defends.
CRITICISM = re.compile(
    r"^\s+(?:\S+\s+){0,2}?(?:claims?|criticism|criticisms|accusations?|allegations?|charges|"
    r"suggestions?|complaints?|calls)\b",
    re.I,
)
REBUTTALS = frozenset("reject rejected rejects rejecting dismissed dismisses denied denies".split())
PASSIVE = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?(?:\w+ed(?:,\s+|,?\s+(?:and|or)\s+))*$",
    re.I,
)
OBJECT_WORDS = 6  # "supports the mayor's budget": how far an attitude's object may follow it
NEGATION = re.compile(
    r"(?:\b(?:not|never|no longer|cannot|(?:refus|declin|fail)(?:e|es|ed|ing)? to)|n[’']t)\s+"
    r"(?P<between>(?:\w+\s+){0,2})$",
    re.I,
)
# "I don't think they should …": the speaker's own disbelief turns the whole clause after it.
NEG_RAISING = re.compile(
    r"\b(?:do|does|did)(?:\s+not|n[’']t)\s+(?:think|believe|want|expect|agree|accept)\b"
    r"[^.;:!?]*$",
    re.IGNORECASE,
)
NOT_TO = re.compile(r"^\W*(?:\w+\W+){0,5}?not to\b", re.I)
OTHER_SIDE = {"support": "oppose", "oppose": "support"}
ENOUGH = 1.0  # points of evidence a side needs


@dataclass(frozen=True)
class StanceCues:
    """The stance cues in one index, and the words of the question they must be about."""

    index: TermIndex
    about: frozenset[str]


def compile_stance(stance: Stance) -> StanceCues:
    """Both sides' cues, keyed by (side, weight, built-in); the built-in ones unless off."""
    keyed = [(("support", c.weight, False), c) for c in stance.supports]
    keyed += [(("oppose", c.weight, False), c) for c in stance.opposes]
    if stance.builtin_cues:
        keyed += [((side, cue.weight, True), cue) for side, cue in BUILTIN]
    about = {lemma(w) for w in WORD.findall(stance.question.lower())} - lx.QUESTION_STOP
    # Exact forms: "backs" is a stance, "back to the drawing board" and "the back of the room"
    # are not, though they share a lemma.
    return StanceCues(build_index(keyed, lemmas=False), frozenset(about | lx.DECISION_NOUNS))


def _about(text: str, cues: StanceCues) -> bool:
    """Whether a text names the question's object ("the ruling", "the takeover")."""
    return any(lemma(word) in cues.about for word in WORD.findall(text.lower()))


def _cues_in(text: str, cues: StanceCues, scope: str | None = None) -> list[Cue]:
    """Cue matches in a text; a longer match hides the shorter ones inside it.

    The built-in words count only where the text (or its `scope`, the sentence around a
    quotation) names the question's object: "we defended this law" says nothing of a ruling.
    Built-in words in a question or a condition ("whether it is good", "would be glad") say
    nothing. A cue after a negation is dropped ("has not yet approved"), except a word of attitude,
    which counts for the other side ("does not support"); so does one followed by "not to"
    ("called on the council not to …").
    """
    found = []
    about = None
    for key, hits in find_terms(cues.index, text).items():
        side, weight, builtin = cast(tuple[str, float, bool], key)
        if builtin and not (about := about if about is not None else _about(scope or text, cues)):
            continue
        for start, end, term in hits:
            if builtin and term == "support" and not _verb_support(text, start):
                continue  # the noun: "a support package", "thanks for their support"
            if builtin and HYPOTHETICAL.search(text[max(0, start - 60) : start]):
                continue  # "whether this takeover is good for Britain", "I'd be glad to"
            negated = NEGATION.search(text[max(0, start - 40) : start])
            disbelieved = NEG_RAISING.search(text[max(0, start - 120) : start])
            if (
                negated
                and not disbelieved
                and (
                    "yet" in negated.group("between").split() or term.split()[0] not in lx.ATTITUDES
                )
            ):
                continue
            flipped = bool(negated or disbelieved or NOT_TO.match(text[end : end + 50]))
            if term.split()[0].lower() in REBUTTALS and (rebutted := CRITICISM.match(text[end:])):
                end, flipped = end + rebutted.end(), not flipped  # "rejected the criticism"
                term = text[start:end]
            elif builtin and term.split()[0] in lx.ATTITUDES:
                end = _object_end(text, end, cues) or end  # "supports the budget"
                term = text[start:end]
            if builtin and (flipped or " " in term):
                weight = 1.0  # a phrase ("ruled out") or a turned attitude ("does not support")
            found.append(Cue(start, end, term, OTHER_SIDE[side] if flipped else side, weight))
    kept: list[Cue] = []
    for cue in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if all(cue.end <= k.start or cue.start >= k.end for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: c.start)


def _verb_support(text: str, start: int) -> bool:
    """`we support`, `does not support`: "support" right after a subject or an auxiliary."""
    words = text[max(0, start - 12) : start].split()
    return (
        text[start - 1 : start] == " " and bool(words) and words[-1].lower() in lx.SUPPORT_SUBJECTS
    )


def _object_end(text: str, end: int, cues: StanceCues) -> int | None:
    """Where an attitude's object ends, when it names the question's object within a few words:
    "backs the mayor's plan" is a stance; "backs" alone may be anything."""
    for count, word in enumerate(WORD.finditer(text, end)):
        if count >= OBJECT_WORDS or re.search(r"[.;:,!?]", text[end : word.start()]):
            return None
        if lemma(word.group(0).lower()) in cues.about:
            return word.end()
    return None


def _evidence(ref: Ref, text: str, found: list[Cue], via: str | None) -> Evidence:
    support = tuple(dict.fromkeys(c.term for c in found if c.side == "support"))
    oppose = tuple(dict.fromkeys(c.term for c in found if c.side == "oppose"))
    return Evidence(ref, text, support, oppose, via)


def _weights(found: list[Cue]) -> dict[tuple[str, str], float]:
    return {(c.side, c.term): c.weight for c in found}


def narrative_cues(article: Article, cues: StanceCues) -> ArticleCues:
    """The stance cues of each sentence that fall outside quotations: one article's part."""
    result = []
    for paragraph in article.paragraphs:
        quoted = quote_spans(paragraph.text)
        starts = [a for a, _ in quoted]
        result.append(
            tuple(
                tuple(
                    c
                    for c in _cues_in(sentence.text, cues)
                    if not _inside(quoted, starts, sentence.start + c.start)
                )
                for sentence in paragraph.sentences
            )
        )
    return tuple(result)


def _narrative(sentences, spans, cues_by_sentence):
    """(actor, sentence, cues) for each sentence where a cue outside quotations has an actor."""
    starts = [s.start for s in spans]
    for sentence, found in zip(sentences, cues_by_sentence, strict=True):
        if not found:
            continue
        by_actor: dict[str, list[Cue]] = defaultdict(list)
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end)
        local = [
            _Span(s.start - sentence.start, s.end - sentence.start, s.entity)
            for s in spans[first:last]
        ]
        for cue in found:
            for actor in _actors_for(sentence.text, cue, local):
                by_actor[actor].append(cue)
        for actor, actor_cues in by_actor.items():
            yield actor, sentence.text, actor_cues


def _inside(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """Whether a position falls in one of sorted, non-overlapping spans."""
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and position < spans[index][1]


def _actors_for(text: str, cue: Cue, spans: list[_Span]) -> list[str]:
    """The subject a cue belongs to: its owner (`the administration's decision to send`), an
    agent after it (`outrage from some key Democrats`), else the first actor of its clause."""
    owner = [
        s for s in spans if s.end <= cue.start and POSSESSOR.fullmatch(text[s.end : cue.start])
    ]
    if owner:
        return [owner[-1].entity]
    after = [s for s in spans if s.start >= cue.end and AGENT.match(text[cue.end : s.start])]
    if after:
        return _with_coordinated(text, after[0], spans)
    if cue.term.split()[0].endswith("ed") and PASSIVE.search(text[: cue.start]):
        return []  # "Doe's offer was rejected": the subject is what the verb was done to
    segments = _segments(text)
    index = next(i for i, (a, b) in enumerate(segments) if a <= cue.start < b)
    while index >= 0:
        start, end = segments[index]
        here = [
            s
            for s in spans
            if start <= s.start and s.end <= min(end, cue.start) and not _object(text, s)
        ]
        if RELATIVE.match(text[start:end]) and index > 0:
            previous = [
                s for s in spans if segments[index - 1][0] <= s.start < segments[index - 1][1]
            ]
            return [previous[-1].entity] if previous else []
        if here:
            return _with_coordinated(text, here[0], spans)
        if HARD_BREAK.search(text[start : min(end, cue.start)]) or start == 0:
            return []
        index -= 1
    return []


def _object(text: str, span: _Span) -> bool:
    """`a consultant to Ukraine`: a name after a preposition is not the clause's subject."""
    return PREPOSITION.search(text[: span.start]) is not None


def _segments(text: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.end() for m in SEGMENT.finditer(text)] + [len(text)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _with_coordinated(text: str, first: _Span, spans: list[_Span]) -> list[str]:
    """`Ukraine, as well as Republicans on Capitol Hill, have celebrated`: both subjects."""
    before = reversed([s for s in spans if s.end <= first.start])
    after = [s for s in spans if s.start >= first.end]
    actors = [first.entity, *_chain(text, first, before, True), *_chain(text, first, after, False)]
    return list(dict.fromkeys(actors))


def _chain(text: str, first: _Span, spans: Iterable[_Span], backwards: bool) -> list[str]:
    """The actors joined to `first`, one after another, by "and", "or" or "as well as"."""
    joined, current = [], first
    for span in spans:
        gap = text[span.end : current.start] if backwards else text[current.end : span.start]
        if not (COORDINATION.match(gap.lstrip(", ")) and len(gap) < 20):
            break
        joined.append(span.entity)
        current = span
    return joined


def _add_members(
    entities: tuple[Entity, ...],
    evidence: dict[str, list[Evidence]],
    organisations: tuple[Organisation, ...],
) -> None:
    """An organisation stands where its people, speaking in their role, stand."""
    aliases = {org.name: set(org.aliases) for org in organisations}
    for org in (e for e in entities if e.kind == "organisation"):
        names = {org.name} | aliases.get(org.name, set())
        for person in (e for e in entities if e.kind == "person"):
            if any(_affiliated(role.text, name) for role in person.roles for name in names):
                evidence[org.id] += [
                    Evidence(e.ref, e.text, e.support, e.oppose, person.name)
                    for e in evidence.get(person.id, [])
                ]


def _affiliated(role: str, organisation: str) -> bool:
    """`Pentagon's top official …`, `director of the CIA`: the role is held at the organisation."""
    name = re.escape(organisation)
    return bool(
        re.match(rf"^(?:the\s+)?{name}(?:’s|'s)?\s", role)
        or re.search(rf"\b(?:of|at)\s+(?:the\s+)?{name}$", role)
    )


def _dedupe(items: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[Ref, str]] = set()
    kept = []
    for item in items:
        if (item.ref, item.text) not in seen:
            seen.add((item.ref, item.text))
            kept.append(item)
    return kept


def _stance(items: list[Evidence], weights: dict[tuple[str, str], float]) -> Stance_:
    """Weigh each distinct cue term once, however many passages repeat it (two outlets
    reporting the same words are one piece of evidence); one side must outweigh the other two
    to one.

    A side needs a whole point: one of the corpus's own cues, a built-in phrase or turned
    attitude, or two built-in words (half a point each): one generic word never settles it.
    """
    support = sum(weights[("support", term)] for term in {t for e in items for t in e.support})
    oppose = sum(weights[("oppose", term)] for term in {t for e in items for t in e.oppose})
    if support >= ENOUGH and support >= 2 * oppose:
        return "supports"
    if oppose >= ENOUGH and oppose >= 2 * support:
        return "opposes"
    return "mixed" if support >= ENOUGH and oppose >= ENOUGH else "unclear"
