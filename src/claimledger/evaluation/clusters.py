"""The "clusters" eval: B-cubed precision, recall and F1 of grouping Emergent's headlines by claim.

Each Emergent article headline becomes a headline-only document (``text`` = the headline twice, as
``predict clusters`` reads a JSON Lines record whose ``text`` equals its ``title``); the documents go
through the pipeline and the linker (as ``claimledger predict clusters`` does), and each headline's
predicted group is the family of its central claim (the claim with the claims that negate it): the
gold group is Emergent's ``claimId`` (2,071 headlines, 240 claims in the train file), which holds
headlines for *and against* one claim. ``strict_bcubed_*`` score the claim clusters themselves,
which keep "X" and "not X" apart. ``limit`` scores only the first ``limit`` headlines.
"clusters-accurate" scores ``predict clusters --accurate``, which compares claims by meaning too.

B-cubed (Bagga & Baldwin 1998): for each item, precision is the share of its predicted cluster that
shares its gold group, recall the share of its gold group inside its predicted cluster; both are
averaged over items.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from claimledger.evaluation.data import data_root, digest_files
from claimledger.evaluation.registry import EvalResult, register_eval
from claimledger.model import Article
from claimledger.stance.data import EMERGENT_DIR, EMERGENT_TRAIN, read_csv_rows, require_columns

EVAL_NAME = "clusters"
ACCURATE_EVAL_NAME = "clusters-accurate"


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``predicted`` against ``gold`` (item -> group, same items)."""
    if set(gold) != set(predicted):
        raise ValueError("gold and predicted must label the same items")
    if not gold:
        return 0.0, 0.0, 0.0
    pair_counts = Counter((gold[item], predicted[item]) for item in gold)
    gold_sizes, predicted_sizes = Counter(gold.values()), Counter(predicted.values())
    precision = recall = 0.0
    for (gold_group, predicted_group), together in pair_counts.items():
        # Each of the ``together`` items sees ``together`` same-gold items in its predicted cluster.
        precision += together * together / predicted_sizes[predicted_group]
        recall += together * together / gold_sizes[gold_group]
    precision, recall = precision / len(gold), recall / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def emergent_headlines(limit: int | None = None) -> tuple[list[Article], dict[str, str]]:
    """Emergent's headlines as headline-only articles, and ``article id -> claim id``."""
    path = data_root() / EMERGENT_DIR / EMERGENT_TRAIN
    rows = read_csv_rows(path)
    require_columns(path, rows, ("articleHeadline", "articleId", "claimId"))
    rows = rows[:limit] if limit else rows
    articles = [Article.with_title(row["articleHeadline"], row["articleHeadline"], id=row["articleId"]) for row in rows]
    return articles, {row["articleId"]: row["claimId"] for row in rows}


@register_eval(EVAL_NAME)
def evaluate_clusters(limit: int | None = None) -> EvalResult:
    """B-cubed P/R/F1 (0–1) of the claim clusters of Emergent's headlines against their claim ids."""
    return scored_clusters(EVAL_NAME, False, limit)


@register_eval(ACCURATE_EVAL_NAME)
def evaluate_accurate_clusters(limit: int | None = None) -> EvalResult:
    """The same with claims compared by meaning too (``predict clusters --accurate``)."""
    return scored_clusters(ACCURATE_EVAL_NAME, True, limit)


def scored_clusters(name: str, accurate: bool, limit: int | None) -> EvalResult:
    """The B-cubed scores of the linker, by words alone or (``accurate``) by meaning too."""
    from claimledger.linking.predict import analyze_and_link, cluster_rows
    from claimledger.stance.similarity import required_encoder

    articles, gold = emergent_headlines(limit)
    rows = cluster_rows(analyze_and_link(articles, required_encoder() if accurate else None))
    metrics: dict[str, float] = {}
    for prefix, column in (("", "family"), ("strict_", "claim")):
        predicted = {row["id"]: row[column] or f"alone:{row['id']}" for row in rows}
        scores = zip(("precision", "recall", "f1"), bcubed(gold, predicted))
        metrics.update({f"{prefix}bcubed_{name}": round(score, 4) for name, score in scores})
    return EvalResult(
        name=name,
        metrics=metrics,
        data_digest=digest_files([data_root() / EMERGENT_DIR / EMERGENT_TRAIN]),
        details={"headlines": len(gold), "gold claims": len(set(gold.values())),
                 "predicted families": len({row["family"] for row in rows}),
                 "predicted claims": len({row["claim"] for row in rows})},
        fraction_metrics=frozenset(metrics),
    )
