"""The "checkworthy" eval: check-worthiness ranking (CLEF CheckThat!) and classification (ClaimBuster).

Three measurements, all on the training data in ``../shared/data`` (the test portions stay held out):

1. **CLEF leave-one-debate-out** over the deduplicated CLEF 2019 + 2020 training debates: for each
   debate, the recipe is retrained on every other debate plus ClaimBuster, and ranks the debate's
   sentences; MAP (the CLEF task measure, as its official scorer computes it) and mean P@10 over debates.
   The best CLEF-2019 system reached MAP 0.166 on that year's test debates (``clef2019_map`` is the
   comparable figure on the CLEF-2019 training debates).
2. **ClaimBuster 5-fold cross-validation** (folds ``sentence_id % 5``, CLEF in every fold's training):
   F1 of the check-worthy class at the scorer's threshold 0.5.
3. **The shipped model on the dev split** it was not trained on (see
   :mod:`claimledger.claims.checkworthy_data`): dev-debate MAP and P@10, ClaimBuster fold-0 F1. A model
   trained with ``--all`` has seen the dev split, so its figures are the ones its training recorded
   first, on the training side.

Sentences shared by ClaimBuster and a CLEF debate never sit on both sides of a split.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from claimledger.claims.checkworthy import CheckworthyModel, load_shipped_model
from claimledger.claims.checkworthy_data import CheckworthyCorpus, load_corpus
from claimledger.claims.checkworthy_metrics import f1_of_positive_class
from claimledger.claims.checkworthy_recipe import (
    PARAMS,
    DebateScore,
    cross_validate_claimbuster,
    cross_validate_debates,
    dev_scores,
    featurize,
)
from claimledger.evaluation.data import data_root, digest_files
from claimledger.evaluation.registry import EvalResult, register_eval

EVAL_NAME = "checkworthy"
PUBLISHED_CLEF2019_BEST_MAP = 0.166
NOT_APPLICABLE = "–"


def mean_of(scores: list[DebateScore], attribute: str) -> float:
    """The mean of one score over debates, rounded to 4 digits (0.0 for no debate)."""
    values = [getattr(score, attribute) for score in scores]
    return round(float(np.mean(values)), 4) if values else 0.0


def table_row(check: str, data: str, map_: Any, p_at_10: Any, f1: Any) -> dict[str, Any]:
    """One printed row; measures that do not apply to the row are shown as a dash."""
    return {"check": check, "data": data, "map": map_, "p_at_10": p_at_10, "f1": f1}


def shipped_dev_scores(model: CheckworthyModel, corpus: CheckworthyCorpus) -> dict[str, Any]:
    """The shipped model's dev figures: measured now, or recorded at training for an ``--all`` model."""
    if model.metadata.get("training", {}).get("trained_on") == "all":
        return {**model.metadata["dev_scores"], "source": "recorded at training (the model was trained on all data)"}
    return {**dev_scores(model, corpus), "source": "measured"}


def edition_scores(scores: list[DebateScore]) -> dict[str, dict[str, float]]:
    """Debate count, MAP and P@10 per CLEF edition ("2019", "2020")."""
    by_edition: dict[str, list[DebateScore]] = {}
    for score in scores:
        by_edition.setdefault(score.name.split("/")[0], []).append(score)
    return {
        edition: {
            "debates": len(subset),
            "map": mean_of(subset, "average_precision"),
            "p_at_10": mean_of(subset, "precision_at_10"),
        }
        for edition, subset in sorted(by_edition.items())
    }


def evaluate_checkworthy(
    limit: int | None = None, root: Path | None = None, model: CheckworthyModel | None = None
) -> EvalResult:
    """Run the three measurements; ``limit`` holds out only the first ``limit`` debates and folds."""
    started = time.perf_counter()
    root = root if root is not None else data_root()
    model = model if model is not None else load_shipped_model()
    corpus = load_corpus(root)
    features = featurize(corpus.texts, corpus.is_claimbuster)
    debates = cross_validate_debates(corpus, features, limit=limit)
    predicted, labels = cross_validate_claimbuster(corpus, features, limit=limit)
    claimbuster_f1 = round(f1_of_positive_class(predicted, labels), 4)
    shipped = shipped_dev_scores(model, corpus)
    editions = edition_scores(debates)
    metrics = {
        "clef_map": mean_of(debates, "average_precision"),
        "clef_p_at_10": mean_of(debates, "precision_at_10"),
        "clef2019_map": editions.get("2019", {}).get("map", 0.0),
        "claimbuster_f1": claimbuster_f1,
        "dev_map": shipped["map"],
        "dev_p_at_10": shipped["p_at_10"],
        "dev_claimbuster_f1": shipped["claimbuster_f1"],
    }
    table = [
        table_row("leave-one-debate-out", f"CLEF 2019+2020, {len(debates)} debates", metrics["clef_map"],
                  metrics["clef_p_at_10"], NOT_APPLICABLE),
        *(
            table_row("  of which", f"CLEF {edition}, {scores['debates']} debates", scores["map"],
                      scores["p_at_10"], NOT_APPLICABLE)
            for edition, scores in editions.items()
        ),
        table_row("5-fold cross-validation", f"ClaimBuster, {len(labels)} sentences", NOT_APPLICABLE,
                  NOT_APPLICABLE, claimbuster_f1),
        table_row("shipped model, dev split", f"CLEF, {len(shipped['debates'])} debates", shipped["map"],
                  shipped["p_at_10"], NOT_APPLICABLE),
        table_row("shipped model, dev split", f"ClaimBuster, {shipped['claimbuster_sentences']} sentences",
                  NOT_APPLICABLE, NOT_APPLICABLE, shipped["claimbuster_f1"]),
    ]
    data_digest = digest_files(corpus.files, root)
    return EvalResult(
        name=EVAL_NAME,
        metrics=metrics,
        data_digest=data_digest,
        table=table,
        details={
            "limit": limit,
            "published_clef2019_best_map": PUBLISHED_CLEF2019_BEST_MAP,
            "debates": [vars(score) for score in debates],
            "editions": editions,
            "shipped_dev": shipped,
            "shipped_model": model.metadata.get("training", {}),
            "shipped_model_data_current": model.metadata.get("training", {}).get("data_digest") == data_digest,
            "recipe": asdict(PARAMS),
            "seconds": round(time.perf_counter() - started, 1),
        },
        fraction_metrics=frozenset(metrics),
    )


@register_eval(EVAL_NAME)
def checkworthy_eval(limit: int | None = None) -> EvalResult:
    """The registered eval: cross-validated CLEF MAP / P@10, ClaimBuster F1, and the shipped model on dev."""
    return evaluate_checkworthy(limit)
