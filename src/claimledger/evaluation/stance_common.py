"""Shared pieces of the article-stance evals (fnc1, arc): metrics and a confusion table from a report."""

from __future__ import annotations

from typing import Any

from claimledger.stance.scoring import LABELS


def stance_metrics(report: dict[str, Any]) -> dict[str, float]:
    """FNC score (%) plus macro-F1 and per-class F1 (0–1) of a :func:`~claimledger.stance.scoring.stance_report`."""
    metrics = {"fnc_score": report["fnc_score"], "macro_f1": report["macro_f1"]}
    metrics.update({f"f1_{label}": value for label, value in report["per_class_f1"].items()})
    return metrics


FRACTION_METRICS = frozenset({"macro_f1", *(f"f1_{label}" for label in LABELS)})


def confusion_table(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per gold label: its counts per predicted label and its F1."""
    return [
        {"gold": gold, **{f"pred {label}": count for label, count in zip(LABELS, row, strict=True)},
         "f1": report["per_class_f1"][gold]}
        for gold, row in zip(LABELS, report["confusion"], strict=True)
    ]  # fmt: skip
