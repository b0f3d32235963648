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
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

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
# `Haddad, an economist, warned`; `Doe, president of X, whose board sued, said`
NAME_TO_VERB = re.compile(r"^\s*(?:,[^,“”\"]{1,100}){0,3},?\s*$")
# "she said", "But he told", "At a briefing in Rome, she described": a pronoun heads the clause.
HEAD_PRONOUN = re.compile(
    r"^\s*(?:[^;:“”\"]{0,120},\s+)?(?:(?:but|and|yet|still|later|then),?\s+)?"
    r"(?P<who>he|she|they)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# "describing the plan as “…”", "telling reporters that …": a speech verb as a participle.
PARTICIPLE = re.compile(
    r",\s+(?:saying|describing|calling|warning|adding|arguing|telling|insisting|noting|writing|"
    r"accusing|urging|promising|declaring|stressing)\b(?=[^“”\"]*$)",
    re.IGNORECASE,
)
# "Doe's words that …", "the mayor's promise of “…”": what a named person said, as a noun.
SPEECH_NOUN = re.compile(
    r"^(?:’s|'s|’|')\s+(?:\w+\s+){0,2}?(?:words|comments?|remarks?|statement|claims?|promises?|"
    r"pledges?|warnings?|description|assurances?|admission|vows?|verdict|message)\b[^“”\"]*$"
)
SPOKESPERSON = re.compile(
    r"^(?:a|an|the)\s+(?:\w+\s+)?(?:spokesperson|spokesman|spokeswoman)\s+(?:for|of|at)\s", re.I
)
# `Doe refused to endorse the plan and said …`: the sentence's subject, then one predicate
# joined to the speech verb by "and".
AND_PREDICATE = re.compile(r"^\s+[a-z][^,;:“”\"]{0,100}\s(?:and|but)\s+(?:also\s+|then\s+)?$")
DASH_WHO = re.compile(r"^\s*[—–]\s*(?P<who>[^,;:—–]+)")
BLOCK_INTRO = re.compile(rf"\b(?:{SPEECH})\b[^“”\"]*:\s*$")
HEAD_VERB = re.compile(rf"(?:{SPEECH})\b(?=[^“”\"]*$)")
HEAD_ANONYMOUS = re.compile(
    rf"\b(?P<who>(?:{'|'.join(sorted(lx.ANONYMOUS_OPENERS))})\s[^,.;:“”\"]{{1,60}}?)\s+(?:{SPEECH})\s*:\s*$",
    re.IGNORECASE,
)
WORDS = re.compile(r"[\w’'-]+")
LEADING_PRONOUN = re.compile(r"^\W*(?:he|she|they)\b", re.IGNORECASE)
SPEAKS_AFTER = re.compile(
    rf"^(?:,[^,“”\"]{{1,100}}){{0,3}},?\s+(?:(?:has|have|had|also|then|later)\s+)?(?:{SPEECH})\b"
)
# `the agency`, `The statement said`: a speaker described, not named.
DESCRIBED = re.compile(
    r"^the\s+(?:[a-z]+\s+)?(?P<noun>[a-z]+)(?:\s+(?:said|says|reads|read|states|stated|added))?$",
    re.IGNORECASE,
)
# A sentence whose subject is a source the text does not name: "A senior club official, …".
ANONYMOUS_SUBJECT = re.compile(
    rf"^\W*(?:a|an|one|another)\s+(?:[\w-]+\s+){{0,4}}?(?:{'|'.join(sorted(lx.SOURCE_NOUNS))})\b",
    re.IGNORECASE,
)
QUOTE_LABEL = re.compile(r"^\s*Quote\s*:\s*[“\"]")  # a live blog's "Quote: “…”"
Antecedent = Callable[[int, str], "str | None"]  # (position, pronoun) → the person meant
GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
          "she": "f", "her": "f", "hers": "f", "herself": "f"}  # fmt: skip
HONORIFIC = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f"}
HONORIFIC_SURNAME = re.compile(
    rf"^(?P<title>{'|'.join(HONORIFIC)})\.?\s+(?P<surname>\S+)$", re.IGNORECASE
)
PRONOUN_WORD = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
PRONOUN = re.compile(r"^(?:he|she|they)$", re.IGNORECASE)
PREPOSITION_BEFORE = re.compile(
    r"\b(?:to|with|for|of|on|in|against|at|from|by)\s+(?:the\s+)?$", re.I
)


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
    names = {entity.id: entity.name for entity in entities}
    folded = {entity: f" {_folded(name)} " for entity, name in names.items()}
    named: dict[Ref, list[_Named]] = defaultdict(list)
    for entity in entities:
        for mention in entity.mentions:
            named[mention.ref].append(
                _Named(mention.start, mention.end, entity.id, kinds[entity.id])
            )
    genders = _genders(articles, named, entities)
    quotes: list[Quote] = []
    for article in articles:
        state = _State(genders=genders, names=names, kinds=kinds, folded=folded)
        chain: list[int] = []  # an open quotation's paragraphs that have no speaker yet
        for paragraph in article.paragraphs:
            ref = Ref(article.slug, paragraph.id)
            mentions = sorted(named[ref], key=lambda n: n.start)
            found = _paragraph_quotes(ref, paragraph, mentions, state)
            goes_on = bool(chain and found and found[0].start == 0)
            if goes_on and found[0].speaker:
                # "“First paragraph …  ¶ “… last one,” she said.": the speaker said all of it.
                for index in chain:
                    quotes[index] = replace(
                        quotes[index],
                        speaker=found[0].speaker,
                        speaker_label=found[0].speaker_label,
                    )
            quotes += found
            state.advance(paragraph, mentions, found)
            if state.open_quote and found and not found[-1].speaker:
                chain = [*(chain if goes_on else []), len(quotes) - 1]
            else:
                chain = []
    return tuple(quotes)


def _genders(
    articles: tuple[Article, ...], named: dict[Ref, list[_Named]], entities: tuple[Entity, ...]
) -> dict[str, str]:
    """Whom the articles call he and whom she: the pronouns of sentences naming one person
    only, and honorifics (Mr., Ms.) among their roles. Nobody is guessed from a first name."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for entity in entities:
        for role in entity.roles:
            if gender := HONORIFIC.get(role.text.strip(".").lower()):
                votes[entity.id][gender] += 2
    for article in articles:
        for paragraph in article.paragraphs:
            spans = quote_spans(paragraph.text)
            people = _outside(named[Ref(article.slug, paragraph.id)], spans)
            for sentence in paragraph.sentences:
                here = {n.entity for n in people if sentence.start <= n.start < sentence.end}
                if len(here) != 1:
                    continue
                for word in PRONOUN_WORD.finditer(sentence.text):
                    at = sentence.start + word.start()
                    if not any(a <= at < b for a, b in spans):
                        votes[next(iter(here))][GENDER[word.group(0).lower()]] += 1
    genders: dict[str, str] = {}
    for person, count in votes.items():
        (first, most), *rest = [*count.most_common(), ("", 0)]
        if most > 2 * rest[0][1]:
            genders[person] = first
    return genders


@dataclass
class _State:
    """What a paragraph's quotations inherit from the paragraphs before it in the article."""

    genders: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # entity id → name
    kinds: Mapping[str, str] = field(default_factory=dict)  # entity id → kind
    folded: dict[str, str] = field(default_factory=dict)  # entity id → " its name's words "
    recent: list[str] = field(default_factory=list)  # whom "he said" may mean, likeliest first
    reporter: str | None = None  # whom the last paragraph's narration had speak
    subject: str | None = None  # whom the last paragraph was about, when it named anyone
    open_quote: _Attribution | None = None  # a quotation left open runs into the next paragraph
    heading_speaker: tuple[str | None, _Attribution] | None = None  # "JANE DOE, MAYOR:" headers
    block: _Attribution | None = None  # "The statement said:" introduces the next paragraph
    previous: tuple[Paragraph, list[_Named]] | None = None  # the paragraph before, its names
    last_speaker: str | None = None  # who spoke last in the paragraph before

    def fits(self, entity: str, pronoun: str) -> bool:
        """Whether nothing the articles say of the person rules the pronoun out."""
        gender = GENDER.get(pronoun.lower())
        return gender is None or self.genders.get(entity, gender) == gender

    def pick(self, candidates: list[str], pronoun: str) -> str | None:
        """The likeliest person a pronoun means: the first whose known gender fits."""
        return next(
            (e for e in dict.fromkeys(candidates + self.recent) if self.fits(e, pronoun)), None
        )

    def advance(self, paragraph: Paragraph, mentions: list[_Named], found: list[Quote]) -> None:
        spans = quote_spans(paragraph.text)
        outside = _outside(mentions, spans)
        last_quote = max((q.end for q in found if q.speaker), default=-1)
        later = [n for n in outside if n.start > last_quote]
        attributed = [q for q in found if q.speaker and _is_person(mentions, q.speaker)]
        reporter = self.reporter = _reporter(paragraph.text, later, len(paragraph.text))
        first = [_subject(paragraph, later)] if later else []
        self.subject = first[0] if first else None
        speakers = [q.speaker for q in reversed(attributed) if q.speaker]
        others = [n.entity for n in reversed(later)]
        lead = [reporter] if reporter else []
        self.recent = list(dict.fromkeys(lead + first + speakers[:1] + others + self.recent))[:6]
        self.block = None
        self.previous = (paragraph, mentions)
        self.last_speaker = next((q.speaker for q in reversed(found) if q.speaker), None)
        if BLOCK_INTRO.search(paragraph.text) and not (
            spans and spans[-1][1] == len(paragraph.text)
        ):
            self.block = _block_speaker(paragraph, mentions, self)
        unclosed = spans and paragraph.text[spans[-1][1] - 1] not in CLOSERS
        self.open_quote = None
        if unclosed and found and found[-1].end == spans[-1][1]:
            quote = found[-1]
            self.open_quote = _Attribution(quote.speaker, quote.speaker_label, bool(quote.speaker))


def _header_speaker(paragraph: Paragraph, state: _State) -> _Attribution | None:
    """`FORMER GOVERNOR JANE DOE, DEMOCRAT:` above a paragraph: who speaks in it.

    Only the first paragraph under such a heading is the speaker's; the name in the heading
    must be an entity the articles name, else the heading's words are kept as the label.
    """
    heading = paragraph.section
    if not heading or not heading.endswith(":"):
        return None
    if state.heading_speaker and state.heading_speaker[0] == heading:
        return None
    label = heading.rstrip(":").strip()
    matches: list[str] = []
    for part in (label.split(",")[0], label):  # the name leads: "JANE DOE, CHAIR OF X"
        heading_words = f" {_folded(part)} "
        found = state.folded
        matches = [e for e, name in found.items() if name in heading_words]
        # "… MAARTEN VAN DER LINDE": the longest name, not "van der Linde" inside it.
        matches = [e for e in matches if not any(found[e] in found[o] for o in matches if o != e)]
        # "EXAMPLE FC COACH JANE DOE": the person speaks; the club is her role.
        matches = [e for e in matches if state.kinds.get(e) == "person"] or matches
        if matches:
            break
    attribution = _Attribution(matches[0] if len(matches) == 1 else None, label, len(matches) == 1)
    state.heading_speaker = (heading, attribution)
    return attribution


def _block_speaker(paragraph: Paragraph, mentions: list[_Named], state: _State) -> _Attribution:
    """Who introduces the next paragraph as a statement: `Doe said in a statement:`."""
    text = paragraph.text
    found = _before(text, len(text), mentions, paragraph, lambda _, who: state.pick([], who))
    if found:
        return found
    sentence = text[_sentence_start(paragraph, len(text) - 1) :].rstrip(": ")
    return _Attribution(None, sentence, False)


def _folded(name: str) -> str:
    return " ".join(WORDS.findall(name.casefold()))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of each quotation, marks included; an unclosed one runs to the paragraph's end."""
    return [match.span() for match in QUOTATION.finditer(text)]


def _outside(mentions: list[_Named], spans: list[tuple[int, int]]) -> list[_Named]:
    """The people named outside quotations: a name inside one is not the narration's subject."""
    return [
        n for n in mentions if n.kind == "person" and not any(a <= n.start < b for a, b in spans)
    ]


def _subject(paragraph: Paragraph, people: list[_Named]) -> str:
    """The likely subject of the last sentence that names anyone: its first person, or, when
    it opens with a pronoun ("He thanked Roe …"), the subject of the sentence before."""
    sentences = [s for s in paragraph.sentences if any(s.start <= n.start < s.end for n in people)]
    for sentence, before in zip(
        reversed(sentences), [*reversed(sentences[:-1]), None], strict=True
    ):
        if before is not None and LEADING_PRONOUN.match(sentence.text):
            continue
        return next(n.entity for n in people if sentence.start <= n.start < sentence.end)
    return people[-1].entity


def _honorific_conflict(attribution: _Attribution, state: _State) -> bool:
    """A label's honorific says he or she, and the articles call the speaker the other."""
    words = (attribution.label or "").split()
    gender = HONORIFIC.get(words[0].strip(".").lower()) if words else None
    known = state.genders.get(attribution.speaker or "")
    return bool(gender and known and gender != known)


def _reporter(text: str, people: list[_Named], upto: int) -> str | None:
    """The last person the narration has speak before a position: "Doe told reporters"."""
    speaking = [n for n in people if n.end <= upto and SPEAKS_AFTER.match(text[n.end : upto])]
    return speaking[-1].entity if speaking else None


def _paragraph_quotes(
    ref: Ref, paragraph: Paragraph, mentions: list[_Named], state: _State
) -> list[Quote]:
    text = paragraph.text
    spans = quote_spans(text)
    outside = _outside(mentions, spans)

    def antecedent(position: int, pronoun: str) -> str | None:
        before = [n for n in outside if n.end <= position]
        if not before:
            if any(
                ANONYMOUS_SUBJECT.match(s.text) for s in paragraph.sentences if s.start < position
            ):
                return None  # "A senior official … He added:" is the official, still unnamed
            return state.pick([], pronoun)
        reporter = _reporter(text, before, position)
        if reporter and state.fits(reporter, pronoun):
            return reporter  # "Doe said she would call Roe. “…,” she wrote"
        # Two people named before "she said", neither ruled out by what the articles call
        # them: the text does not settle who spoke.
        fitting = {n.entity for n in before if state.fits(n.entity, pronoun)}
        if len(fitting) > 1:
            return None
        return state.pick([_subject(paragraph, before)], pronoun)

    quotes: list[Quote] = []
    previous: tuple[int, _Attribution] | None = None
    header = _header_speaker(paragraph, state) or state.block
    if header and not spans:  # a quotation printed without its marks, under who said it
        spans = [(0, len(text))]
    for index, (start, end) in enumerate(spans):
        opened = text[start] in OPENERS
        inner = text[start + opened : end - 1 if text[end - 1] in CLOSERS else end]
        words = len(inner.split())
        body, attribution = inner, None
        if dashed := DASHED.search(inner):
            body = f"{inner[: dashed.start()].strip()} … {inner[dashed.end() :].strip()}"
            who_start = start + 1 + dashed.start("who")
            attribution = _resolve(dashed.group("who"), who_start, text, mentions, antecedent)
        trailing = attribution is None and (
            attribution := _after(text, end, mentions, antecedent, paragraph)
        )
        attribution = attribution or _before(text, start, mentions, paragraph, antecedent)
        if (
            attribution is None
            and previous
            and not _other_person_between(mentions, previous, start)
        ):
            attribution = previous[1]  # the same speaker, quoted again after a break
        if attribution is None and index == 0 and start == 0 and state.open_quote:
            attribution = state.open_quote  # the quotation goes on from the paragraph before
        opens_sentence = not text[_sentence_start(paragraph, start) : start].strip()
        if attribution is None and opens_sentence and (reporter := _reporter(text, outside, start)):
            attribution = _Attribution(reporter, None, True)  # "X said …. “…”"
        lead = state.reporter or state.subject or state.last_speaker
        if attribution is None and index == 0 and QUOTE_LABEL.match(text) and lead:
            attribution = _Attribution(lead, None, True)  # the live-blog entry's speaker
        attribution = attribution or header
        described = (
            _described(attribution.label, paragraph, start, mentions, state)
            if attribution and attribution.speaker is None and attribution.label
            else None
        )
        if attribution and described:
            attribution = _Attribution(described, attribution.label, True)
        body = body.strip().rstrip(",").strip()
        if attribution is None:
            if words < UNATTRIBUTED_MIN:
                continue
            attribution = _Attribution(None, None, False)
        elif words < SHORT and not (attribution.named and attribution.speaker):
            continue
        if _honorific_conflict(attribution, state):
            attribution = _Attribution(None, attribution.label, False)  # "Mr Doe" ≠ Jane Doe
        quotes.append(Quote(ref, start, end, body, attribution.speaker, attribution.label))
        # Names in a trailing attribution ("said Doe, of Roe's offer") do not part the quotations.
        clause_end = _sentence_end(paragraph, max(end - 1, 0)) if trailing else end
        previous = (clause_end, attribution)
    return quotes


def _sentence_end(paragraph: Paragraph, position: int) -> int:
    return next(
        (s.end for s in paragraph.sentences if s.start <= position < s.end), len(paragraph.text)
    )


def _sentence_start(paragraph: Paragraph, position: int) -> int:
    return next((s.start for s in paragraph.sentences if s.start <= position < s.end), 0)


def _after(
    text: str,
    end: int,
    mentions: list[_Named],
    antecedent: Antecedent,
    paragraph: Paragraph,
) -> _Attribution | None:
    tail = text[end : _sentence_end(paragraph, max(end - 1, 0))]
    if not tail.strip() or tail.lstrip()[:1] in OPENERS:
        return None
    for pattern in (ACCORDING, DASH_WHO, VERB_FIRST, WHO_FIRST):
        if match := pattern.match(tail):
            who = match.group("who")
            who_start = end + match.start("who")
            if pattern is WHO_FIRST and not _could_be_speaker(who, who_start, mentions):
                continue
            if pattern is WHO_FIRST and who.split()[0].lower() in lx.CONJUNCTIONS:
                return None  # `…,” while Roe called it …`: another clause, another speaker
            return _resolve(who, who_start, text, mentions, antecedent)
    return None


def _before(
    text: str,
    start: int,
    mentions: list[_Named],
    paragraph: Paragraph,
    antecedent: Antecedent,
) -> _Attribution | None:
    """`Dan Rice stated that the US "really needs" …`: a named speaker earlier in the sentence;
    `She wrote that she felt "…"`: a pronoun heading the sentence."""
    head_start = _sentence_start(paragraph, start)
    head = text[head_start:start]
    if anonymous := HEAD_ANONYMOUS.search(head):  # `the spokesman said: “…”`
        who_start = head_start + anonymous.start("who")
        if not _names_someone(mentions, who_start, anonymous.group("who")):
            who = anonymous.group("who")
            spoken_for = _spoken_for(who, who_start, mentions)
            return _Attribution(spoken_for, who, spoken_for is not None)
    found = _head_speaker(text, head_start, start, head, mentions, antecedent)
    if found is None or found.speaker is None:
        # "We noted Doe's words last week that Roe is “not for sale”"
        for n in mentions:
            if (
                head_start <= n.start
                and n.end <= start
                and n.kind != "group"
                and SPEECH_NOUN.match(text[n.end : start])
            ):
                return _Attribution(n.entity, text[n.start : n.end], True)
    return found


def _head_speaker(
    text: str,
    head_start: int,
    start: int,
    head: str,
    mentions: list[_Named],
    antecedent: Antecedent,
) -> _Attribution | None:
    """The speaker a speech verb earlier in the sentence gives a quotation."""
    verbs = list(HEAD_VERB.finditer(head))
    if not verbs and (participle := PARTICIPLE.search(head)):
        # "Jane Doe went further on television, describing the plan as “…”"
        subject = _sentence_subject(text, head_start, head_start + participle.start(), mentions)
        if subject is not None:
            return _Attribution(subject.entity, text[subject.start : subject.end], True)
    if not verbs:
        # "Sgt. John Doe of the union, to loud applause: “…”": a name leading the colon.
        leading = [n for n in mentions if head_start <= n.start < start]
        people = [n for n in leading if n.kind == "person"]
        lead = next(iter(people or leading), None)  # "Example Corp's Jane Doe put it plainly:"
        if head.rstrip().endswith(":") and lead and len(text[head_start : lead.start].split()) <= 2:
            return _Attribution(lead.entity, text[lead.start : lead.end], True)
        return None
    verb_at = head_start + verbs[-1].start()
    # The clause's first name that only commas part from the verb: "Professor Jane Doe,
    # who chairs the agency's Advisory Committee, said" is Doe, not the committee.
    # A name right before the verb wins over one set off by commas further back ("joined by
    # Justices Ruth Roe and Sam Poe, Justice Tom Doe accused" is Doe), a person over an
    # organisation ("Example University, whose president, Dr. Jane Doe, said").
    candidates = [
        n
        for n in mentions
        if head_start <= n.start
        and n.end <= verb_at
        and n.kind != "group"
        and NAME_TO_VERB.match(text[n.end : verb_at])
    ]
    adjacent = [n for n in candidates if "," not in text[n.end : verb_at]]
    people = [n for n in candidates if n.kind == "person"]
    speaker = next(iter(adjacent or people or candidates), None)
    if speaker is None:
        speaker = _subject_of_and_predicate(text, head_start, verb_at, mentions)
    if speaker is not None:
        return _Attribution(speaker.entity, text[speaker.start : speaker.end], True)
    if pronoun := HEAD_PRONOUN.match(text[head_start:verb_at]):
        person = antecedent(head_start + pronoun.start("who"), pronoun.group("who"))
        return _Attribution(person, pronoun.group("who"), person is not None)
    return None


def _described(
    label: str, paragraph: Paragraph, position: int, mentions: list[_Named], state: _State
) -> str | None:
    """Who `the statement` or `the agency` is, when the paragraphs just before settle it.

    A document is its author's: the subject of the last sentence that mentions one ("Example
    Corp said in a statement …. The statement said:"). An organisation described by its kind
    is the only organisation named since the paragraph before, or the only one of them whose
    name has that word ("the ministry": "Ministry of Health").
    """
    if honorific := HONORIFIC_SURNAME.match(label.strip()):
        return _by_honorific(honorific.group("title"), honorific.group("surname"), state)
    match = DESCRIBED.match(label.strip())
    if match is None:
        return None
    noun = match.group("noun").lower()
    here = [n for n in mentions if n.end <= position]
    windows = [(paragraph, here)]
    if state.previous:
        windows.append(state.previous)
    if noun in lx.DOCUMENT_NOUNS:
        word = re.compile(rf"\b{noun}s?\b", re.IGNORECASE)
        for text_of, named in windows:
            for sentence in reversed(text_of.sentences):
                if sentence.end > position and text_of is paragraph:
                    continue  # the sentence of "The statement said" itself
                if not word.search(sentence.text) or DESCRIBED.match(sentence.text.strip(" :")):
                    continue  # no document, or "The statement said:" itself
                spans = quote_spans(text_of.text)
                subject = [
                    n
                    for n in named
                    if sentence.start <= n.start < sentence.end
                    and n.kind != "group"
                    and not any(a <= n.start < b for a, b in spans)
                ]
                if not subject or PREPOSITION_BEFORE.search(
                    text_of.text[sentence.start : subject[0].start]
                ):
                    return None
                return subject[0].entity
        return None
    if noun in lx.SOURCE_NOUNS:
        return None  # "the official said": a source the text does not name
    if noun not in lx.ORG_TYPE_NOUNS:
        # "the Scot said", "the midfielder said": the one person named since the paragraph before
        people = {n.entity for _, named in windows for n in named if n.kind == "person"}
        return next(iter(people)) if len(people) == 1 else None
    for _, named in windows:
        orgs = {n.entity: n for n in named if n.kind == "organisation"}
        if not orgs:
            continue
        if len(orgs) == 1:
            return next(iter(orgs))
        names = [e for e in orgs if f" {noun} " in state.folded.get(e, "")]
        return names[0] if len(names) == 1 else None
    return None


def _by_honorific(title: str, surname: str, state: _State) -> str | None:
    """`Mr Roe` beside Tom and Jane Roe: the one Roe whom the articles do not call "she"."""
    gender = HONORIFIC[title.lower()]
    fitting = [
        entity
        for entity, name in state.names.items()
        if len(name.split()) > 1
        and name.split()[-1] == surname
        and state.genders.get(entity, gender) == gender
    ]
    return fitting[0] if len(fitting) == 1 else None


def _spoken_for(who: str, who_start: int, mentions: list[_Named]) -> str | None:
    """`a spokesperson for Example Corp` speaks for the organisation named."""
    if not SPOKESPERSON.match(who):
        return None
    inside = [
        n
        for n in mentions
        if who_start <= n.start < who_start + len(who) and n.kind == "organisation"
    ]
    return inside[0].entity if len(inside) == 1 else None


def _sentence_subject(
    text: str, head_start: int, upto: int, mentions: list[_Named]
) -> _Named | None:
    """The one person opening the sentence (after a role of at most three words), when nobody
    else is named before `upto`."""
    before = [n for n in mentions if head_start <= n.start < upto]
    people = [n for n in before if n.kind == "person"]
    if not people or people[0] is not before[-1]:
        return None
    if len(text[head_start : people[0].start].split()) > 3:
        return None
    return people[0]


def _subject_of_and_predicate(
    text: str, head_start: int, verb_at: int, mentions: list[_Named]
) -> _Named | None:
    """`PBA president Jane Doe refused to endorse the plan and said …`: the one name opening
    the sentence (a role of at most three words before it) speaks, when nobody else is named
    before the verb."""
    before = [n for n in mentions if head_start <= n.start < verb_at]
    people = [n for n in before if n.kind == "person"]
    if not people or people[0] is not before[-1]:
        return None  # nobody, or someone else named between the subject and the verb
    first = people[0]
    if len(text[head_start : first.start].split()) > 3:
        return None
    return first if AND_PREDICATE.match(text[first.end : verb_at]) else None


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
    who: str,
    who_start: int,
    text: str,
    mentions: list[_Named],
    antecedent: Antecedent,
) -> _Attribution:
    """Turn the words naming a speaker into an entity, a pronoun's antecedent or a label."""
    who = who.strip().rstrip(".")
    label = who.split(",")[0].strip()
    first_word = label.split()[0] if label.split() else ""
    if PRONOUN.match(first_word) and len(label.split()) == 1:
        speaker = antecedent(who_start, first_word)
        return _Attribution(speaker, first_word, speaker is not None)
    if first_word.lower() in lx.ANONYMOUS_OPENERS:
        apposed = APPOSED_NAME.match(who)
        name_at = who_start + apposed.start("name") if apposed else -1
        person = next((n for n in mentions if n.start == name_at and n.kind == "person"), None)
        if person is None:
            spoken_for = _spoken_for(who, who_start, mentions)
            return _Attribution(spoken_for, label, spoken_for is not None)
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
