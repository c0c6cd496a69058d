"""The "emergent" eval: headline stance toward a claim, by the paper's claim-grouped 10-fold cross-validation.

Each fold retrains the small Emergent model (:class:`claimledger.stance.emergent.EmergentModel`) on its
train file and predicts its test file; accuracy is over all test pairs of the ten folds, as in
Ferreira & Vlachos (2016), who report 73.3%. ``limit`` runs only the first ``limit`` folds.
"""

from __future__ import annotations

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


@register_eval(EVAL_NAME)
def evaluate_emergent(limit: int | None = None) -> EvalResult:
    """Claim-grouped 10-fold CV accuracy (%) and per-class F1 (0–1) of the Emergent headline model."""
    root = data_root()
    folds = range(1, (min(limit, EMERGENT_FOLDS) if limit else EMERGENT_FOLDS) + 1)
    gold: list[str] = []
    predicted: list[str] = []
    table = []
    for fold in folds:
        train_csv, test_csv = emergent_fold_files(root, fold)
        test = read_emergent(test_csv)
        fold_predicted = EmergentModel.fit(read_emergent(train_csv)).predict([(p.claim, p.headline) for p in test])
        fold_gold = [p.stance or "" for p in test]
        correct = sum(g == p for g, p in zip(fold_gold, fold_predicted, strict=True))
        table.append({"fold": fold, "pairs": len(test), "accuracy": round(100 * correct / len(test), 2)})
        gold += fold_gold
        predicted += fold_predicted
    accuracy = 100 * sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    per_class = {f"f1_{label}": round(label_f1(gold, predicted, label), 4) for label in EMERGENT_LABELS}
    files = [path for fold in range(1, EMERGENT_FOLDS + 1) for path in emergent_fold_files(root, fold)]
    return EvalResult(
        name=EVAL_NAME,
        metrics={"accuracy": round(accuracy, 2), **per_class},
        data_digest=digest_files(files, root),
        table=table,
        details={"pairs": len(gold), "published (Ferreira & Vlachos 2016)": "73.3% accuracy"},
        fraction_metrics=frozenset(per_class),
    )
