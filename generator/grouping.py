"""Group items by shared words: candidate pairs from an inverted index, joined transitively."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence

# A word in more than this many items proposes no candidates: it says little about which items
# match, and it would make the work quadratic. Rare words carry the matches.
MAX_POSTINGS = 50


def similar_pairs(
    words: Sequence[frozenset[str]], min_shared: int
) -> Iterator[tuple[int, int, int]]:
    """(i, j, shared) for each earlier item j sharing `min_shared` or more informative words."""
    frequency = Counter(w for ws in words for w in ws)
    limit = MAX_POSTINGS
    index: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        informative = [w for w in ws if frequency[w] <= limit]
        shared = Counter(j for w in informative for j in index[w])
        for j, count in shared.items():
            if count >= min_shared:
                yield i, j, count
        for w in informative:
            index[w].append(i)


def connected(count: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Items joined by any chain of pairs; each group in index order, groups by first member."""
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        parent[root(i)] = root(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(count):
        groups[root(i)].append(i)
    return sorted(groups.values(), key=lambda group: group[0])
