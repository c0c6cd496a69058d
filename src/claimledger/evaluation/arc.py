"""The "arc" eval: the FNC-1-trained article-stance model on the ARC training file (cross-domain).

ARC (Hanselowski et al. 2018) puts user comments from NYT Room for Debate in FNC-1's format; the shipped
model never saw it, so this measures how the news-trained model carries over to opinionated posts.
"""

from __future__ import annotations

from claimledger.evaluation.data import data_root, digest_files
from claimledger.evaluation.registry import EvalResult, register_eval
from claimledger.evaluation.stance_common import FRACTION_METRICS, confusion_table, stance_metrics
from claimledger.stance.data import read_pairs
from claimledger.stance.model import shipped_model
from claimledger.stance.scoring import stance_report

EVAL_NAME = "arc"


@register_eval(EVAL_NAME)
def evaluate_arc(limit: int | None = None) -> EvalResult:
    """Score the shipped FNC-1 model on ARC's training pairs (the first ``limit`` when given)."""
    root = data_root()
    files = (root / "arc" / "arc_bodies_train.csv", root / "arc" / "arc_stances_train.csv")
    pairs = read_pairs(*files)[:limit]
    model = shipped_model()
    probabilities = model.predict_proba([(pair.headline, pair.body) for pair in pairs])
    predicted = [model.labels[i] for i in probabilities.argmax(axis=1)]
    report = stance_report([pair.stance or "" for pair in pairs], predicted)
    return EvalResult(
        name=EVAL_NAME,
        metrics=stance_metrics(report),
        data_digest=digest_files(files, root),
        table=confusion_table(report),
        details={"pairs": report["pairs"], "accuracy": report["accuracy"]},
        fraction_metrics=FRACTION_METRICS,
    )
