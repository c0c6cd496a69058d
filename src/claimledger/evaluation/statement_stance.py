"""The "statement-stance" eval: support | deny | neutral of headline statements, claim-grouped 10-fold CV.

The examples are those of :mod:`claimledger.stance.statement_training` (Emergent's headline
statements against their own claim and against other claims of the same fold). Each fold retrains
the model on its train file's examples and labels its test file's (as :func:`~claimledger.stance.
statements.stance` does, acts included), whose claims it never saw;
macro-F1 is over the three labels and all ten folds. ``limit`` runs only the first ``limit`` folds.
"statement-stance-minilm" scores the model that also reads the MiniLM similarity of content and claim.
"""

from __future__ import annotations

from pathlib import Path

from claimledger.evaluation.data import data_root
from claimledger.evaluation.emergent import claim_grouped_cv, label_f1
from claimledger.evaluation.registry import EvalResult, register_eval
from claimledger.stance.data import EMERGENT_DIR, EMERGENT_TRAIN, read_emergent
from claimledger.stance.similarity import SentenceEncoder, required_encoder
from claimledger.stance.statement_model import STANCE_LABELS
from claimledger.stance.statement_training import (
    example_similarity, fit_statement_model, headline_statements, statement_examples,
)

EVAL_NAME = "statement-stance"
SIMILARITY_EVAL_NAME = "statement-stance-minilm"


@register_eval(EVAL_NAME)
def evaluate_statement_stance(limit: int | None = None) -> EvalResult:
    """Claim-grouped 10-fold CV macro-F1 and per-label F1 (0–1) of the statement-stance model."""
    return cross_validated(EVAL_NAME, None, limit)


@register_eval(SIMILARITY_EVAL_NAME)
def evaluate_similarity_stance(limit: int | None = None) -> EvalResult:
    """The same for ``statement-minilm``, which reads the MiniLM similarity of content and claim too."""
    return cross_validated(SIMILARITY_EVAL_NAME, required_encoder(), limit)


def cross_validated(name: str, encoder: SentenceEncoder | None, limit: int | None) -> EvalResult:
    """The claim-grouped CV of the statement model read with ``encoder`` (``None``: words alone)."""
    statements = headline_statements([p.headline for p in read_emergent(data_root() / EMERGENT_DIR / EMERGENT_TRAIN)])

    def predict_fold(train_csv: Path, test_csv: Path) -> tuple[list[str], list[str]]:
        model = fit_statement_model(statement_examples(read_emergent(train_csv), statements), encoder)
        test = statement_examples(read_emergent(test_csv), statements)
        return [e.label for e in test], [model.label(e.statement, e.claim, example_similarity(e, encoder))[0] for e in test]

    cv = claim_grouped_cv(predict_fold, limit, "examples")
    per_label = {f"f1_{label}": round(label_f1(cv.gold, cv.predicted, label), 4) for label in STANCE_LABELS}
    return EvalResult(
        name=name,
        metrics={"macro_f1": round(sum(per_label.values()) / len(per_label), 4), **per_label},
        data_digest=cv.data_digest,
        table=cv.table,
        details={"examples": len(cv.gold), **{f"gold {label}": cv.gold.count(label) for label in STANCE_LABELS}},
        fraction_metrics=frozenset({"macro_f1", *per_label}),
    )
