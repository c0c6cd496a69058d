"""`claimledger train checkworthy [--all]`: train the shipped check-worthiness model and write it.

The recipe is :mod:`claimledger.claims.checkworthy_recipe`; the model goes to
``claims/models/checkworthy-1.npz`` (weights) and ``.json`` (vocabulary, parameters, training command,
data digest, dev scores, date).
"""

from __future__ import annotations

import datetime
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import sklearn

from claimledger.claims.checkworthy import CHAR_NGRAMS, CHECKWORTHY_MODEL, WORD_NGRAMS, CheckworthyModel
from claimledger.claims.checkworthy_data import CheckworthyCorpus, load_corpus
from claimledger.claims.checkworthy_recipe import (
    PARAMS,
    TrainingParams,
    dev_scores,
    featurize,
    fit,
    to_checkworthy_model,
)
from claimledger.evaluation.data import data_root, digest_files
from claimledger.training import TrainOptions, register_trainer

TRAIN_COMMAND = "claimledger train checkworthy"
MODELS_DIR = Path(__file__).resolve().parent / "models"


def training_metadata(
    corpus: CheckworthyCorpus, train: np.ndarray, all_data: bool, params: TrainingParams, data_digest: str
) -> dict[str, Any]:
    """What the model JSON records about how it was made."""
    return {
        "model": CHECKWORTHY_MODEL,
        "description": "check-worthiness of a sentence: logistic regression over TF-IDF word and character n-grams",
        "features": {
            "normalize": "lower-case; every digit written 0",
            "word_ngrams": list(WORD_NGRAMS),
            "char_ngrams": list(CHAR_NGRAMS),
            "char_ngrams_of": "each token padded with one space on each side",
            "tf": "1 + log(count)",
            "idf": "log((1 + n) / (1 + df)) + 1 over the training rows",
            "rows": "each block (word, char) scaled to unit length",
            "score": "sigmoid(word . coef + char . coef + intercept + claimbuster_offset); 0 without two letters in a row",
        },
        "params": asdict(params),
        "training": {
            "command": TRAIN_COMMAND + (" --all" if all_data else ""),
            "trained_on": "all" if all_data else "train",
            "sentences": int(train.sum()),
            "checkworthy": int(corpus.labels[train].sum()),
            "claimbuster_sentences": int((train & corpus.is_claimbuster).sum()),
            "clef_debates": len({int(d) for d in corpus.debate[train] if d >= 0}),
            "data_digest": data_digest,
            "date": datetime.date.today().isoformat(),
            "scikit_learn": sklearn.__version__,
        },
    }


def train_model(
    root: Path, all_data: bool = False, params: TrainingParams = PARAMS
) -> tuple[CheckworthyModel, dict[str, Any]]:
    """Train on the training side of the dev split (or everything with ``all_data``).

    Returns the model and its dev scores; with ``all_data`` those are measured first by the same recipe
    trained on the training side, since a model cannot be scored on data it was trained on.
    """
    corpus = load_corpus(root)
    features = featurize(corpus.texts, corpus.is_claimbuster, params)
    data_digest = digest_files(corpus.files, root)
    train = corpus.training_mask(corpus.dev_mask())
    model = to_checkworthy_model(
        fit(features, corpus, train, params), features, training_metadata(corpus, train, False, params, data_digest)
    )
    scores = dev_scores(model, corpus)
    if all_data:
        everything = np.ones(len(corpus.texts), dtype=bool)
        metadata = training_metadata(corpus, everything, True, params, data_digest)
        model = to_checkworthy_model(fit(features, corpus, everything, params), features, metadata)
    model.metadata["dev_scores"] = scores
    return model, scores


@register_trainer("checkworthy")
def train_checkworthy(options: TrainOptions) -> str:
    """`claimledger train checkworthy [--all]`: write ``claims/models/checkworthy-1.{npz,json}``."""
    started = time.perf_counter()
    model, scores = train_model(data_root(), all_data=options.all_data)
    model.metadata["training"]["seconds"] = round(time.perf_counter() - started, 1)
    MODELS_DIR.mkdir(parents=True, exist_ok=True)
    npz_path, json_path = MODELS_DIR / f"{CHECKWORTHY_MODEL}.npz", MODELS_DIR / f"{CHECKWORTHY_MODEL}.json"
    model.save(npz_path, json_path)
    size_mb = (npz_path.stat().st_size + json_path.stat().st_size) / 1e6
    return (
        f"checkworthy: wrote {npz_path} and {json_path.name} ({size_mb:.1f} MB) in "
        f"{model.metadata['training']['seconds']} s; dev MAP {scores['map']}, P@10 {scores['p_at_10']}, "
        f"ClaimBuster F1 {scores['claimbuster_f1']}"
    )
