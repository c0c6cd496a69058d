"""Grouping items from scored pairs: union–find with cannot-link constraints, and average linkage.

A merge that would put two items with a cannot-link (a negation, a figure that disagrees) into one
group is refused, so a chain of paraphrases can never carry a contradiction into a cluster.

:func:`average_linkage` merges the two groups whose mean pairwise similarity is highest while it
reaches a threshold. Pairs that are not given count as 0, so it runs on the sparse candidate graph
(sub-quadratic) rather than a full similarity matrix. Single linkage (plain union of every pair above
a threshold) chains unrelated items through one shared word; average linkage does not.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable


class Groups:
    """Disjoint sets of item indices ``0..n-1``, with pairs that must stay apart."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))
        self._apart: dict[int, set[int]] = {}  # root -> items its group must not join

    def find(self, item: int) -> int:
        """The representative of ``item``'s group (path halving keeps trees flat)."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def keep_apart(self, a: int, b: int) -> None:
        """Forbid ``a`` and ``b`` (and so their groups) from ever being merged."""
        self._apart.setdefault(self.find(a), set()).add(b)
        self._apart.setdefault(self.find(b), set()).add(a)

    def union(self, a: int, b: int) -> bool:
        """Merge the groups of ``a`` and ``b`` unless a cannot-link forbids it; whether they are together."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        if self._forbidden(root_a, root_b) or self._forbidden(root_b, root_a):
            return False
        small, large = sorted((root_a, root_b), key=lambda root: len(self._apart.get(root, ())))
        self._parent[small] = large
        if small in self._apart:
            self._apart.setdefault(large, set()).update(self._apart.pop(small))
        return True

    def labels(self) -> list[int]:
        """Each item's group representative."""
        return [self.find(item) for item in range(len(self._parent))]

    def _forbidden(self, root: int, other_root: int) -> bool:
        return any(self.find(item) == other_root for item in self._apart.get(root, ()))


def group_members(labels: Iterable[int]) -> list[list[int]]:
    """Item indices per group, groups in order of their first item."""
    groups: dict[int, list[int]] = {}
    for item, label in enumerate(labels):
        groups.setdefault(label, []).append(item)
    return list(groups.values())


def average_linkage(groups: Groups, pairs: Iterable[tuple[int, int, float]], threshold: float) -> Groups:
    """Merge ``groups`` (cannot-links already set) by average linkage over the scored ``pairs``."""
    sums: dict[int, dict[int, float]] = defaultdict(dict)  # root -> neighbouring root -> summed similarity
    for i, j, score in pairs:
        sums[i][j] = sums[j][i] = score
    sizes: dict[int, int] = defaultdict(lambda: 1)
    heap = [(-score, i, j) for i, j, score in pairs if score >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if groups.find(a) != a or groups.find(b) != b or b not in sums[a]:
            continue  # merged or refused since this entry was pushed
        if sums[a][b] / (sizes[a] * sizes[b]) != -negative:
            continue  # stale: the pair's average changed and was pushed again
        if not groups.union(a, b):
            del sums[a][b], sums[b][a]  # a cannot-link: never try this pair again
            continue
        root = groups.find(a)
        _absorb(sums, sizes, root, b if root == a else a)
        for neighbour, total in sums[root].items():
            average = total / (sizes[root] * sizes[neighbour])
            if average >= threshold:
                heapq.heappush(heap, (-average, min(root, neighbour), max(root, neighbour)))
    return groups


def _absorb(sums: dict[int, dict[int, float]], sizes: dict[int, int], root: int, other: int) -> None:
    """Fold group ``other``'s size and similarity sums into ``root``'s."""
    sizes[root] += sizes.pop(other, 1)
    for neighbour, total in sums.pop(other).items():
        del sums[neighbour][other]
        if neighbour != root:
            sums[root][neighbour] = sums[neighbour][root] = sums[root].get(neighbour, 0.0) + total
