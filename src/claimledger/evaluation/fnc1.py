"""The "fnc1" eval: the shipped article-stance model on the dev side of FNC-1's claim-disjoint split.

Reports the official weighted FNC score (% of the maximum), macro-F1 and per-class F1 (0–1), with the
confusion matrix as the table. The official baseline's figures on the same dev, measured when the
model was trained, come from the model card (``stance/models/fnc1.json``) into the details.
"""

from __future__ import annotations

from claimledger.evaluation.data import data_root, digest_files
from claimledger.evaluation.registry import EvalResult, register_eval
from claimledger.evaluation.stance_common import FRACTION_METRICS, confusion_table, stance_metrics
from claimledger.stance.data import claim_disjoint_split, fnc_files
from claimledger.stance.model import model_card, shipped_model
from claimledger.stance.scoring import stance_report

EVAL_NAME = "fnc1"


@register_eval(EVAL_NAME)
def evaluate_fnc1(limit: int | None = None) -> EvalResult:
    """Score the shipped model on the claim-disjoint dev (its first ``limit`` pairs when given)."""
    root = data_root()
    _, dev = claim_disjoint_split(root)
    dev = dev[:limit]
    model = shipped_model()
    probabilities = model.predict_proba([(pair.headline, pair.body) for pair in dev])
    predicted = [model.labels[i] for i in probabilities.argmax(axis=1)]
    report = stance_report([pair.stance or "" for pair in dev], predicted)
    card = model_card()
    return EvalResult(
        name=EVAL_NAME,
        metrics=stance_metrics(report),
        data_digest=digest_files(fnc_files(root), root),
        table=confusion_table(report),
        details={
            "pairs": report["pairs"],
            "accuracy": report["accuracy"],
            "reference_baseline (official FNC-1 baseline, same dev)": card.get("reference_baseline"),
            "model": card.get("version"),
        },
        fraction_metrics=FRACTION_METRICS,
    )
