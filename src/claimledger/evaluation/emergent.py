"""The "emergent" eval: headline stance toward a claim, by the paper's claim-grouped 10-fold cross-validation.

Each fold retrains the small Emergent model (:class:`claimledger.stance.emergent.EmergentModel`) on its
train file and predicts its test file; accuracy is over all test pairs of the ten folds, as in
Ferreira & Vlachos (2016), who report 73.3%. ``limit`` runs only the first ``limit`` folds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimledger.evaluation.data import data_root, digest_files
from claimledger.evaluation.registry import EvalResult, register_eval
from claimledger.stance.data import EMERGENT_FOLDS, emergent_fold_files, read_emergent
from claimledger.stance.emergent import EMERGENT_LABELS, EmergentModel

EVAL_NAME = "emergent"


def label_f1(gold: list[str], predicted: list[str], label: str) -> float:
    """F1 of one label (0 when it is neither gold nor predicted)."""
    true_positive = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
    total = gold.count(label) + predicted.count(label)
    return 2 * true_positive / total if total else 0.0


# A fold's train and test files -> the gold and predicted labels of its test items.
FoldPredictor = Callable[[Path, Path], tuple[list[str], list[str]]]


@dataclass(frozen=True)
class CrossValidation:
    """Gold and predicted labels over the folds run, a row per fold, and the digest of the fold files."""

    gold: list[str]
    predicted: list[str]
    table: list[dict[str, Any]]
    data_digest: str


def claim_grouped_cv(predict_fold: FoldPredictor, limit: int | None, unit: str) -> CrossValidation:
    """Run ``predict_fold`` on Emergent's claim-grouped folds (the first ``limit`` of them); each row of
    the table counts the fold's test items as ``unit``."""
    root = data_root()
    gold: list[str] = []
    predicted: list[str] = []
    table = []
    for fold in range(1, (min(limit, EMERGENT_FOLDS) if limit else EMERGENT_FOLDS) + 1):
        fold_gold, fold_predicted = predict_fold(*emergent_fold_files(root, fold))
        correct = sum(g == p for g, p in zip(fold_gold, fold_predicted, strict=True))
        table.append({"fold": fold, unit: len(fold_gold), "accuracy": round(100 * correct / len(fold_gold), 2)})
        gold += fold_gold
        predicted += fold_predicted
    files = [path for fold in range(1, EMERGENT_FOLDS + 1) for path in emergent_fold_files(root, fold)]
    return CrossValidation(gold, predicted, table, digest_files(files, root))


def _predict_headline_fold(train_csv: Path, test_csv: Path) -> tuple[list[str], list[str]]:
    test = read_emergent(test_csv)
    predicted = EmergentModel.fit(read_emergent(train_csv)).predict([(p.claim, p.headline) for p in test])
    return [p.stance or "" for p in test], predicted


@register_eval(EVAL_NAME)
def evaluate_emergent(limit: int | None = None) -> EvalResult:
    """Claim-grouped 10-fold CV accuracy (%) and per-class F1 (0–1) of the Emergent headline model."""
    cv = claim_grouped_cv(_predict_headline_fold, limit, "pairs")
    accuracy = 100 * sum(g == p for g, p in zip(cv.gold, cv.predicted, strict=True)) / len(cv.gold)
    per_class = {f"f1_{label}": round(label_f1(cv.gold, cv.predicted, label), 4) for label in EMERGENT_LABELS}
    return EvalResult(
        name=EVAL_NAME,
        metrics={"accuracy": round(accuracy, 2), **per_class},
        data_digest=cv.data_digest,
        table=cv.table,
        details={"pairs": len(cv.gold), "published (Ferreira & Vlachos 2016)": "73.3% accuracy"},
        fraction_metrics=frozenset(per_class),
    )
