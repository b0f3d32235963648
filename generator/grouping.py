"""Group items by shared words: candidate pairs from an inverted index, joined transitively."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence

# Words in more than this share of the items, and in more than COMMON_FLOOR of them, propose
# no candidates: that keeps a large corpus near-linear, while a small one keeps every word.
COMMON = 0.2
COMMON_FLOOR = 25


def similar_pairs(
    words: Sequence[frozenset[str]], min_shared: int
) -> Iterator[tuple[int, int, int]]:
    """(i, j, shared) for each earlier item j sharing `min_shared` or more informative words."""
    frequency = Counter(w for ws in words for w in ws)
    limit = max(COMMON_FLOOR, int(len(words) * COMMON))
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
