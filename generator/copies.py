"""Copies and reprints: articles that republish another, found so sources count once.

One pass over the corpus, near-linear as it grows: every article gets two MinHash signatures
(`datasketch`), one of its word shingles (exact copies and lightly edited reprints: a new
headline, a trimmed or added paragraph, a changed figure) and one of its sentence skeletons, the
function words and punctuation with each content word blanked (word-spun copies: "dearth" for
"lack" changes the words, not the sentence around them). Locality-sensitive hashing proposes
pairs; a pair is a copy only when most of the later article's paragraphs align with the
earlier's (`rapidfuzz` ratio on the text, or on the skeleton with the same names and figures),
so two outlets' own reports of one press conference, which share its quotations and little
else, stay two sources. The original of a family is its earliest dated member (ties: the
longest, then the first in the folder).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.corroborate import STOPWORDS
from generator.model import Article, Copy

WORDS = re.compile(r"\w+|[^\w\s]")
SENTENCE_START = frozenset('.!?"“‘(')
SHINGLE = 4  # words per shingle
PERMUTATIONS = 64
CANDIDATE = 0.6  # estimated Jaccard at which LSH proposes a pair (a reprint scores 0.8 or more)
IDENTICAL = 97  # rapidfuzz ratio at which two paragraphs are the same words
SAME_TEXT = 85  # … the same text, lightly edited
SAME_SHAPE = 90  # … the same skeleton, with the same names and figures
SHARE = 0.6  # share of the copy's paragraphs that must align with the original's


def find_copies(articles: Sequence[Article]) -> tuple[Copy, ...]:
    """Every article that copies an earlier one, in corpus order."""
    from datasketch import MinHash, MinHashLSH  # imported here: numpy loads only when needed

    if len(articles) < 2:
        return ()
    text_index = MinHashLSH(threshold=CANDIDATE, num_perm=PERMUTATIONS)
    shape_index = MinHashLSH(threshold=CANDIDATE, num_perm=PERMUTATIONS)
    pairs: set[tuple[int, int]] = set()
    for i, article in enumerate(articles):
        text = " ".join(p.text for p in article.paragraphs)
        for index, tokens in ((text_index, _words(text)), (shape_index, _skeleton(text))):
            signature = MinHash(num_perm=PERMUTATIONS, seed=1)
            signature.update_batch([shingle.encode("utf-8") for shingle in _shingles(tokens)])
            pairs.update((min(i, int(j)), max(i, int(j))) for j in index.query(signature))
            index.insert(str(i), signature)
    order = sorted(range(len(articles)), key=lambda i: _seniority(articles[i], i))
    rank = {i: r for r, i in enumerate(order)}
    copies: dict[int, Copy] = {}
    for a, b in sorted(pairs):
        original, copy = sorted((a, b), key=rank.__getitem__)
        if copy in copies:
            continue
        matched = _aligned(articles[copy], articles[original])
        if matched is not None:
            share, spun = matched
            root = copies[original].original if original in copies else articles[original].slug
            copies[copy] = Copy(articles[copy].slug, root, share, spun)
    return tuple(copies[i] for i in sorted(copies))


def _seniority(article: Article, index: int) -> tuple:
    """Earliest dated first, undated last; then the most complete; then folder order."""
    return (article.date is None, article.date or "", -len(article.paragraphs), index)


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORDS.findall(text)]


def _skeleton(text: str) -> list[str]:
    """Function words and punctuation kept, names and figures kept, other words blanked."""
    return [
        w.lower() if w.lower() in STOPWORDS or not w.isalpha() or w[:1].isupper() else "_"
        for w in WORDS.findall(text)
    ]


def _shingles(tokens: list[str]) -> set[str]:
    return {" ".join(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))}


def _aligned(copy: Article, original: Article) -> tuple[float, bool] | None:
    """The share of the copy's paragraphs identical to the original's, and whether it was
    spun; None when too few paragraphs align (by text, or by shape with the same names and
    figures) to call it a copy."""
    from rapidfuzz import fuzz, process

    texts = [p.text for p in original.paragraphs]
    shapes = [" ".join(_skeleton(t)) for t in texts]
    names = [_fixed(t) for t in texts]
    identical = aligned = 0
    for paragraph in copy.paragraphs:
        best = process.extractOne(paragraph.text, texts, scorer=fuzz.ratio)
        if best is not None and best[1] >= IDENTICAL:
            identical += 1
        if best is not None and best[1] >= SAME_TEXT:
            aligned += 1
            continue
        shape = process.extractOne(
            " ".join(_skeleton(paragraph.text)), shapes, scorer=fuzz.ratio, score_cutoff=SAME_SHAPE
        )
        if shape is not None and names[shape[2]] and names[shape[2]] == _fixed(paragraph.text):
            aligned += 1
    total = len(copy.paragraphs)
    if not total or aligned / total < SHARE:
        return None
    return identical / total, identical / total < SHARE


def _fixed(text: str) -> tuple[str, ...]:
    """What a word-spinner cannot change: figures, and names (capitalised inside a sentence)."""
    tokens = WORDS.findall(text)
    return tuple(
        word
        for before, word in zip([".", *tokens], tokens, strict=False)
        if word[:1].isdigit() or (word[:1].isupper() and before not in SENTENCE_START)
    )
