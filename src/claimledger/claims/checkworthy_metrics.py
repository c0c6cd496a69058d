"""Scores of check-worthiness: CLEF CheckThat!'s ranking measures and ClaimBuster's F1.

The ranking measures follow the official CLEF CheckThat! scorer: a debate's sentences are ranked by
score, highest first, ties in line order (the scorer's stable sort over the prediction file).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def ranked_labels(scores: Sequence[float] | np.ndarray, labels: Sequence[int] | np.ndarray) -> np.ndarray:
    """The labels in ranking order: score descending, ties in their original order."""
    order = np.argsort(-np.asarray(scores, dtype=np.float64), kind="stable")
    return np.asarray(labels)[order] == 1


def average_precision(scores: Sequence[float] | np.ndarray, labels: Sequence[int] | np.ndarray) -> float:
    """Mean of the precision at the rank of each check-worthy sentence; 0.0 when there is none (as CLEF's scorer)."""
    relevant = ranked_labels(scores, labels)
    if not relevant.any():
        return 0.0
    hits = np.cumsum(relevant)
    precision_at_hits = hits[relevant] / (np.flatnonzero(relevant) + 1)
    return float(precision_at_hits.mean())


def precision_at_k(scores: Sequence[float] | np.ndarray, labels: Sequence[int] | np.ndarray, k: int = 10) -> float:
    """The share of check-worthy sentences among the ``k`` ranked first (always divided by ``k``)."""
    return float(ranked_labels(scores, labels)[:k].sum() / k)


def f1_of_positive_class(predicted: Sequence[bool] | np.ndarray, labels: Sequence[int] | np.ndarray) -> float:
    """F1 of the positive (check-worthy) class; 0.0 when nothing is predicted or nothing is gold."""
    predicted = np.asarray(predicted, dtype=bool)
    gold = np.asarray(labels) == 1
    true_positives = int((predicted & gold).sum())
    denominator = int(predicted.sum()) + int(gold.sum())
    return 2 * true_positives / denominator if denominator else 0.0
