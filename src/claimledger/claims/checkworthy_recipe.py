"""The check-worthiness training recipe, shared by `claimledger train checkworthy` and the eval's folds.

The corpus's n-gram counts are computed once (:func:`featurize`); a fit (:func:`fit`) keeps the n-grams
frequent enough in its training rows, weighs them by IDF over its training rows, and fits a logistic
regression on them plus a ClaimBuster indicator. That is exactly what fitting a vectorizer per fold
would give, at a fraction of the cost, so leave-one-debate-out over 58 debates stays within minutes.

Sample weights: CLEF sentences 1; ClaimBuster sentences :attr:`TrainingParams.claimbuster_weight`
(its labels are denser and mean "factual and checkable" rather than "was fact-checked"), and its
check-worthy ones :attr:`TrainingParams.claimbuster_positive_weight` times more, which puts the
F1-optimal threshold of the ClaimBuster reading at 0.5 (measured in cross-validation).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from claimledger.claims.checkworthy import CheckworthyModel, NgramIndexer
from claimledger.claims.checkworthy_data import CheckworthyCorpus
from claimledger.claims.checkworthy_metrics import average_precision, f1_of_positive_class, precision_at_k

THRESHOLD = 0.5


@dataclass(frozen=True)
class TrainingParams:
    """The recipe's settings, chosen by cross-validation on the training data (see the eval's details)."""

    regularization_c: float = 0.5
    claimbuster_weight: float = 0.5
    claimbuster_positive_weight: float = 2.0
    word_min_df: int = 2
    char_min_df: int = 3
    max_iter: int = 1000


PARAMS = TrainingParams()


@dataclass
class CorpusFeatures:
    """Sublinear TF (1 + log count) of every corpus row, over ``[word n-grams | char n-grams | indicator]``.

    Only n-grams seen at least ``min_df`` times in the whole corpus are columns (no fold could keep the
    others); the last column is 1 for ClaimBuster rows. ``document_frequency`` is over all rows.
    """

    tf: sp.csr_matrix
    word_vocabulary: list[str]
    char_vocabulary: list[str]
    document_frequency: np.ndarray

    def block_of_column(self) -> np.ndarray:
        """0 for word columns, 1 for char columns, 2 for the indicator."""
        words, chars = len(self.word_vocabulary), len(self.char_vocabulary)
        return np.repeat([0, 1, 2], [words, chars, 1])


@dataclass
class FittedModel:
    """One fit: per-column IDF (0 for n-grams too rare in its training rows) and coefficients."""

    idf: np.ndarray
    coef: np.ndarray
    intercept: float

    def decision_function(self, features: CorpusFeatures, rows: np.ndarray) -> np.ndarray:
        """The margin of the given rows, read "as ClaimBuster" (indicator on) like the shipped scorer."""
        as_claimbuster = self.coef[-1]
        weighted = weighted_rows(features.tf[rows], self.idf, features.block_of_column())
        return weighted[:, :-1] @ self.coef[:-1] + self.intercept + as_claimbuster


def prune_columns(counts: sp.csr_matrix, vocabulary: dict[str, int], min_df: int) -> tuple[sp.csr_matrix, list[str]]:
    """Keep the columns in at least ``min_df`` rows; returns the matrix and the kept n-grams in column order."""
    document_frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    kept = np.flatnonzero(document_frequency >= min_df)
    names = np.empty(len(vocabulary), dtype=object)
    for gram, column in vocabulary.items():
        names[column] = gram
    return counts[:, kept].tocsr(), list(names[kept])


def featurize(texts: list[str], is_claimbuster: np.ndarray, params: TrainingParams = PARAMS) -> CorpusFeatures:
    """Count the n-grams of every text once, as sublinear TF; the indicator column goes last."""
    indexer = NgramIndexer({}, {}, grow=True)
    word_counts, char_counts = indexer.count_matrices(texts)
    word_counts, word_vocabulary = prune_columns(word_counts, indexer.word_ids, params.word_min_df)
    char_counts, char_vocabulary = prune_columns(char_counts, indexer.char_ids, params.char_min_df)
    indicator = sp.csr_matrix(is_claimbuster.astype(np.float64).reshape(-1, 1))
    tf = sp.hstack([word_counts, char_counts, indicator], format="csr", dtype=np.float64)
    tf.data = 1.0 + np.log(tf.data)
    document_frequency = np.bincount(tf.indices, minlength=tf.shape[1])
    return CorpusFeatures(tf, word_vocabulary, char_vocabulary, document_frequency)


def weighted_rows(tf: sp.csr_matrix, idf: np.ndarray, block_of_column: np.ndarray) -> sp.csr_matrix:
    """TF times IDF, each block of each row scaled to unit length, as :func:`~claimledger.claims.checkworthy.tfidf_rows`.

    Vectorized over all blocks at once (a fold's design matrix is rebuilt 63 times per eval); the
    indicator block is a single 1, which scaling leaves as it is.
    """
    data = tf.data * idf[tf.indices]
    row_of_entry = np.repeat(np.arange(tf.shape[0]), np.diff(tf.indptr))
    row_block = row_of_entry * 3 + block_of_column[tf.indices]
    norms = np.sqrt(np.bincount(row_block, weights=data * data, minlength=tf.shape[0] * 3))
    norms[norms == 0] = 1.0
    return sp.csr_matrix((data / norms[row_block], tf.indices, tf.indptr), shape=tf.shape)


def fold_idf(features: CorpusFeatures, train: np.ndarray, params: TrainingParams) -> np.ndarray:
    """Smoothed IDF over the training rows, ``log((1 + n) / (1 + df)) + 1`` as scikit-learn's.

    N-grams in fewer training rows than their block's ``min_df`` get 0 (they are out of the fold's
    vocabulary); the indicator gets 1.
    """
    left_out = features.tf[~train]
    document_frequency = features.document_frequency - np.bincount(left_out.indices, minlength=left_out.shape[1])
    idf = np.log((1 + train.sum()) / (1 + document_frequency)) + 1
    blocks = features.block_of_column()
    too_rare = np.where(blocks == 0, params.word_min_df, params.char_min_df) > document_frequency
    idf[too_rare & (blocks < 2)] = 0.0
    idf[blocks == 2] = 1.0
    return idf


def sample_weights(corpus: CheckworthyCorpus, params: TrainingParams) -> np.ndarray:
    """Per-row weights: 1 for CLEF; ClaimBuster down-weighted, its check-worthy rows up-weighted."""
    claimbuster = params.claimbuster_weight * np.where(corpus.labels == 1, params.claimbuster_positive_weight, 1.0)
    return np.where(corpus.is_claimbuster, claimbuster, 1.0)


def fit(
    features: CorpusFeatures, corpus: CheckworthyCorpus, train: np.ndarray, params: TrainingParams = PARAMS
) -> FittedModel:
    """Fit the recipe on the rows where ``train`` is true."""
    idf = fold_idf(features, train, params)
    # float32 halves the memory traffic of the solver's matrix products, which is most of its time.
    design = weighted_rows(features.tf[train], idf, features.block_of_column()).astype(np.float32)
    weights = sample_weights(corpus, params)[train].astype(np.float32)
    classifier = LogisticRegression(C=params.regularization_c, max_iter=params.max_iter)
    # One BLAS thread: the solver's vector operations are too small to gain from threads, and on a
    # shared machine the thread hand-offs made each fit four times slower.
    with threadpool_limits(limits=1):
        classifier.fit(design, corpus.labels[train], sample_weight=weights)
    return FittedModel(idf=idf, coef=classifier.coef_.ravel().astype(np.float64), intercept=float(classifier.intercept_[0]))


def to_checkworthy_model(fitted: FittedModel, features: CorpusFeatures, metadata: dict[str, Any]) -> CheckworthyModel:
    """The shippable model: only the n-grams the fit kept (IDF > 0), with their weights."""
    words = len(features.word_vocabulary)
    word_kept = np.flatnonzero(fitted.idf[:words] > 0)
    char_kept = words + np.flatnonzero(fitted.idf[words:-1] > 0)
    return CheckworthyModel(
        word_vocabulary=[features.word_vocabulary[i] for i in word_kept],
        char_vocabulary=[features.char_vocabulary[i - words] for i in char_kept],
        word_idf=fitted.idf[word_kept],
        char_idf=fitted.idf[char_kept],
        word_coef=fitted.coef[word_kept],
        char_coef=fitted.coef[char_kept],
        intercept=fitted.intercept,
        claimbuster_offset=float(fitted.coef[-1]),
        metadata=metadata,
    )


@dataclass(frozen=True)
class DebateScore:
    """The ranking scores of one debate."""

    name: str
    sentences: int
    checkworthy: int
    average_precision: float
    precision_at_10: float


def debate_score(name: str, scores: np.ndarray, labels: np.ndarray) -> DebateScore:
    """Score one debate's ranking."""
    return DebateScore(
        name, len(labels), int(labels.sum()), average_precision(scores, labels), precision_at_k(scores, labels, 10)
    )


def cross_validate_debates(
    corpus: CheckworthyCorpus, features: CorpusFeatures, params: TrainingParams = PARAMS, limit: int | None = None
) -> list[DebateScore]:
    """Leave one debate out: for each debate (the first ``limit``), fit on everything else and rank it.

    ClaimBuster takes part in every fold's training, minus its sentences linked to the held-out debate.
    """
    results = []
    for index, debate in enumerate(corpus.debates[:limit]):
        held_out = corpus.debate_mask(index)
        model = fit(features, corpus, corpus.training_mask(held_out), params)
        scores = model.decision_function(features, held_out)
        results.append(debate_score(debate.name, scores, corpus.labels[held_out]))
    return results


def cross_validate_claimbuster(
    corpus: CheckworthyCorpus, features: CorpusFeatures, params: TrainingParams = PARAMS, limit: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """ClaimBuster's folds (the first ``limit``): fit on the rest (CLEF included), predict the fold.

    Returns ``(predicted, labels)`` over the held-out ClaimBuster sentences, predicted at :data:`THRESHOLD`.
    """
    predicted, labels = [], []
    for fold in sorted(set(corpus.claimbuster_fold[corpus.is_claimbuster]))[:limit]:
        held_out = corpus.claimbuster_fold == fold
        model = fit(features, corpus, corpus.training_mask(held_out), params)
        margin = model.decision_function(features, held_out)
        predicted.append(margin >= 0.0)  # the logit of THRESHOLD = 0.5
        labels.append(corpus.labels[held_out])
    return np.concatenate(predicted), np.concatenate(labels)


def dev_scores(model: CheckworthyModel, corpus: CheckworthyCorpus) -> dict[str, Any]:
    """The shipped-model scorer's figures on the dev split: MAP and P@10 over dev debates, ClaimBuster F1."""
    dev = corpus.dev_mask()
    debates = []
    for index, debate in enumerate(corpus.debates):
        rows = corpus.debate_mask(index)
        if dev[rows].all():
            scores = np.array(model.score([line.text for line in debate.lines]))
            debates.append(debate_score(debate.name, scores, corpus.labels[rows]))
    claimbuster_rows = np.flatnonzero(dev & corpus.is_claimbuster)
    claimbuster_scores = np.array(model.score([corpus.texts[i] for i in claimbuster_rows]))
    return {
        "map": round(float(np.mean([d.average_precision for d in debates])), 4),
        "p_at_10": round(float(np.mean([d.precision_at_10 for d in debates])), 4),
        "claimbuster_f1": round(f1_of_positive_class(claimbuster_scores >= THRESHOLD, corpus.labels[claimbuster_rows]), 4),
        "debates": [d.name for d in debates],
        "claimbuster_sentences": len(claimbuster_rows),
    }
