"""The ranking and classification measures of check-worthiness, on hand-made rankings."""

from __future__ import annotations

import pytest

from claimledger.claims.checkworthy_metrics import (
    average_precision,
    f1_of_positive_class,
    precision_at_k,
    ranked_labels,
)


def test_ranking_is_score_descending_with_ties_in_line_order() -> None:
    # Lines 2 and 3 tie at 0.5: the earlier line (label 0) ranks first, as in CLEF's scorer.
    assert ranked_labels([0.1, 0.5, 0.5, 0.9], [0, 0, 1, 1]).tolist() == [True, False, True, False]


def test_average_precision_of_a_perfect_ranking_is_one() -> None:
    assert average_precision([0.9, 0.8, 0.1], [1, 1, 0]) == 1.0


def test_average_precision_averages_precision_at_each_hit() -> None:
    # Ranked: 1 0 1 0 0 1 -> precisions at hits 1/1, 2/3, 3/6.
    scores = [6, 5, 4, 3, 2, 1]
    labels = [1, 0, 1, 0, 0, 1]
    assert average_precision(scores, labels) == pytest.approx((1 + 2 / 3 + 3 / 6) / 3)


def test_average_precision_counts_the_tie_order() -> None:
    # One positive, last of three tied lines: rank 3.
    assert average_precision([0.2, 0.2, 0.2], [0, 0, 1]) == pytest.approx(1 / 3)


def test_average_precision_without_positives_is_zero_as_in_clef() -> None:
    assert average_precision([0.3, 0.2], [0, 0]) == 0.0


def test_precision_at_10_divides_by_ten() -> None:
    scores = list(range(20, 0, -1))
    labels = [1, 0, 1, 1, 0, 0, 0, 0, 0, 1] + [1] * 10
    assert precision_at_k(scores, labels, 10) == pytest.approx(0.4)


def test_precision_at_10_of_a_short_debate_still_divides_by_ten() -> None:
    assert precision_at_k([3, 2, 1], [1, 1, 0], 10) == pytest.approx(0.2)


def test_f1_of_the_positive_class() -> None:
    # 2 true positives, 1 false positive, 1 false negative: P = R = 2/3.
    assert f1_of_positive_class([True, True, True, False, False], [1, 1, 0, 1, 0]) == pytest.approx(2 / 3)


def test_f1_is_zero_when_nothing_is_predicted_or_gold() -> None:
    assert f1_of_positive_class([False, False], [1, 0]) == 0.0
    assert f1_of_positive_class([False, False], [0, 0]) == 0.0
