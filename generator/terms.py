"""Find many cues' terms in a text in one pass: tokens looked up in an index, not regexes.

A term matches whole words as the regex from `config.compile_terms` would: `ban` matches "ban"
but not "banned"; `stockpil*` any word starting so; `secret mission` the two words with only
white space between. A term that is not case-sensitive also matches the other forms of its
words (`shortage` matches "shortages", `criticize` "criticized"): words are compared by their
dictionary form from `simplemma`, which runs offline. Cues' regular expressions (`patterns`)
still run as regular expressions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import simplemma

from generator.config import Cue, term_regex
from generator.userregex import compile_user

WORD = re.compile(r"\w+")
Hit = tuple[int, int, str]  # start, end, the words as written, lower-cased and single-spaced


@dataclass(frozen=True)
class _Term:
    key: Hashable
    words: tuple[str, ...]
    wildcard: bool
    case_sensitive: bool


@dataclass
class TermIndex:
    """Every term of some cues, each tagged with a key (which topic or side and which cue)."""

    by_word: dict[str, list[_Term]] = field(default_factory=lambda: defaultdict(list))
    by_prefix: dict[str, list[_Term]] = field(default_factory=lambda: defaultdict(list))
    by_lemma: dict[str, list[_Term]] = field(default_factory=lambda: defaultdict(list))
    prefix_lengths: set[int] = field(default_factory=set)
    patterns: list[tuple[Hashable, Any]] = field(default_factory=list)  # re or RE2 patterns


def build_index(cues: Sequence[tuple[Hashable, Cue]], lemmas: bool = True) -> TermIndex:
    """Index the terms (and compile the patterns) of keyed cues; `lemmas` also indexes the
    dictionary form of each term that is not case-sensitive."""
    index = TermIndex()
    for key, cue in cues:
        flags = 0 if cue.case_sensitive else re.IGNORECASE
        index.patterns += [
            (key, compile_user(pattern, not cue.case_sensitive)) for pattern in cue.patterns
        ]
        for term in cue.terms:
            words = tuple(term.rstrip("*").split())
            if not all(WORD.fullmatch(w) for w in words):  # "U.S.": punctuation needs a regex
                index.patterns.append((key, re.compile(term_regex(term), flags)))
                continue
            entry = _Term(key, words if cue.case_sensitive else tuple(w.lower() for w in words),
                          term.endswith("*"), cue.case_sensitive)  # fmt: skip
            if entry.wildcard and len(words) == 1:
                index.by_prefix[entry.words[0].lower()].append(entry)
                index.prefix_lengths.add(len(entry.words[0]))
            else:
                index.by_word[entry.words[0].lower()].append(entry)
                if lemmas and not cue.case_sensitive:
                    forms = tuple(lemma(w) for w in entry.words)
                    index.by_lemma[forms[0]].append(_Term(key, forms, False, False))
    return index


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of an English word, lower-cased: "shortages" → "shortage"."""
    return simplemma.lemmatize(word.lower(), lang="en").lower()


def find_terms(index: TermIndex, text: str) -> dict[Hashable, list[Hit]]:
    """Every match in the text, grouped by the key of the cue it belongs to."""
    found: dict[Hashable, list[Hit]] = defaultdict(list)
    tokens = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]
    for i, (start, end, word) in enumerate(tokens):
        lower = word.lower()
        for term in index.by_word.get(lower, ()):
            hit = _phrase(term, tokens, i, text)
            if hit:
                found[term.key].append(hit)
        if index.by_lemma:
            for term in index.by_lemma.get(lemma(word), ()):
                hit = _phrase(term, tokens, i, text, lemma)
                if hit and hit not in found[term.key]:
                    found[term.key].append(hit)
        for length in index.prefix_lengths:
            if len(lower) >= length:
                for term in index.by_prefix.get(lower[:length], ()):
                    if not term.case_sensitive or word.startswith(term.words[0]):
                        found[term.key].append((start, end, lower))
    for key, pattern in index.patterns:
        for m in pattern.finditer(text):
            if m.end() > m.start():
                found[key].append((m.start(), m.end(), " ".join(m.group(0).split()).lower()))
    return found


def _phrase(
    term: _Term,
    tokens: list[tuple[int, int, str]],
    i: int,
    text: str,
    form: Callable[[str], str] | None = None,
) -> Hit | None:
    """The term's words from token i on, joined only by white space, as a hit.

    With `form`, words are compared by what it makes of them (their lemmas).
    """
    count = len(term.words)
    if i + count > len(tokens):
        return None
    for offset, expected in enumerate(term.words):
        start, end, word = tokens[i + offset]
        actual = form(word) if form else word if term.case_sensitive else word.lower()
        last = offset == count - 1
        if not (actual == expected or (last and term.wildcard and actual.startswith(expected))):
            return None
        if offset and not text[tokens[i + offset - 1][1] : start].isspace():
            return None
    start, end = tokens[i][0], tokens[i + count - 1][1]
    return (start, end, " ".join(text[start:end].split()).lower())
