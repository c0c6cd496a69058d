"""Stance scores: the official FNC-1 weighted score, macro-F1, per-class F1 and the confusion matrix."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

LABELS: tuple[str, ...] = ("agree", "disagree", "discuss", "unrelated")
RELATED = frozenset({"agree", "disagree", "discuss"})


def confusion_matrix(gold: Sequence[str], predicted: Sequence[str]) -> list[list[int]]:
    """Counts ``[gold][predicted]`` over :data:`LABELS` (rows are gold, columns predictions)."""
    index = {label: i for i, label in enumerate(LABELS)}
    matrix = [[0] * len(LABELS) for _ in LABELS]
    for g, p in zip(gold, predicted, strict=True):
        matrix[index[g]][index[p]] += 1
    return matrix


def fnc_score_from_confusion(matrix: list[list[int]]) -> tuple[float, float]:
    """The FNC-1 weighted score and its maximum for a confusion matrix over :data:`LABELS`.

    As in the official scorer: +0.25 when related/unrelated is right; +0.75 more when a related
    pair's exact label is right. The maximum is what the gold labels alone would earn.
    """
    score = 0.0
    best = 0.0
    for g, row in enumerate(matrix):
        gold_related = LABELS[g] in RELATED
        best += sum(row) * (1.0 if gold_related else 0.25)
        for p, count in enumerate(row):
            if (LABELS[p] in RELATED) == gold_related:
                score += 0.25 * count
            if g == p and gold_related:
                score += 0.75 * count
    return score, best


def fnc_percent(matrix: list[list[int]]) -> float:
    """The FNC-1 weighted score as a percentage of its maximum (0 for an empty matrix)."""
    score, best = fnc_score_from_confusion(matrix)
    return 100.0 * score / best if best else 0.0


def per_class_f1(matrix: list[list[int]]) -> dict[str, float]:
    """F1 of each label (0 when a label is neither gold nor predicted)."""
    counts = np.asarray(matrix, dtype=float)
    true_positive = np.diag(counts)
    gold_total = counts.sum(axis=1)
    predicted_total = counts.sum(axis=0)
    denominator = gold_total + predicted_total
    f1 = np.divide(2 * true_positive, denominator, out=np.zeros_like(true_positive), where=denominator > 0)
    return {label: float(value) for label, value in zip(LABELS, f1, strict=True)}


def macro_f1(matrix: list[list[int]]) -> float:
    """The mean of the four per-class F1 scores (F1m of Hanselowski et al. 2018)."""
    return float(np.mean(list(per_class_f1(matrix).values())))


def stance_report(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, object]:
    """FNC score (%), macro-F1, per-class F1, accuracy and confusion of predictions against gold labels."""
    matrix = confusion_matrix(gold, predicted)
    correct = sum(matrix[i][i] for i in range(len(LABELS)))
    return {
        "fnc_score": round(fnc_percent(matrix), 2),
        "macro_f1": round(macro_f1(matrix), 4),
        "per_class_f1": {label: round(f1, 4) for label, f1 in per_class_f1(matrix).items()},
        "accuracy": round(correct / max(1, len(gold)), 4),
        "confusion": matrix,
        "pairs": len(gold),
    }
