"""Union–find with cannot-links, average linkage on a sparse graph, and the B-cubed score."""

from __future__ import annotations

import pytest

from claimledger.evaluation.clusters import bcubed
from claimledger.linking.clusters import Groups, average_linkage, group_members


def test_a_cannot_link_holds_through_a_chain() -> None:
    groups = Groups(3)
    groups.keep_apart(0, 2)
    assert groups.union(0, 1) is True
    assert groups.union(1, 2) is False
    assert group_members(groups.labels()) == [[0, 1], [2]]


def test_average_linkage_does_not_chain_through_one_strong_pair() -> None:
    # 0-1 and 2-3 are tight; 1-2 alone is strong, but the groups' average (0.6 / 4) is below 0.3.
    pairs = [(0, 1, 0.9), (2, 3, 0.9), (1, 2, 0.6)]
    groups = average_linkage(Groups(4), pairs, threshold=0.3)
    assert group_members(groups.labels()) == [[0, 1], [2, 3]]
    groups = average_linkage(Groups(4), pairs, threshold=0.1)
    assert group_members(groups.labels()) == [[0, 1, 2, 3]]


def test_bcubed() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed(gold, {"a": "1", "b": "1", "c": "2"}) == (1.0, 1.0, 1.0)
    precision, recall, f1 = bcubed(gold, {"a": "1", "b": "1", "c": "1"})
    assert (precision, recall) == (pytest.approx(5 / 9), 1.0)
    assert f1 == pytest.approx(2 * (5 / 9) / (1 + 5 / 9))
    with pytest.raises(ValueError):
        bcubed(gold, {"a": "1"})
