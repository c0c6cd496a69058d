"""The shipped article-stance model: feature vocabulary plus boosted trees, stored as ``models/fnc1.npz``.

``models/fnc1.json`` beside it records how it was trained (command, data digest, date) and its scores
on the claim-disjoint dev, with the official baseline's scores on the same dev for reference.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from claimledger.errors import ClaimledgerError
from claimledger.stance.features import Vocabulary, feature_matrix
from claimledger.stance.scoring import LABELS
from claimledger.stance.trees import TreeEnsemble

MODELS_DIR = Path(__file__).resolve().parent / "models"
FNC_MODEL = "fnc1"
TREE_PREFIX = "trees_"
TREE_CHUNK = 1024


@dataclass(frozen=True)
class StanceModel:
    """Predicts agree|disagree|discuss|unrelated for headline–body pairs."""

    vocabulary: Vocabulary
    trees: TreeEnsemble
    labels: tuple[str, ...] = LABELS

    def predict_proba(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Class probabilities of ``(headline, body)`` pairs, columns in the order of :attr:`labels`."""
        if not pairs:
            return np.zeros((0, len(self.labels)))
        features = feature_matrix(pairs, self.vocabulary)
        # In chunks: walking every tree at once holds a (rows x trees) index array in memory.
        chunks = [self.trees.predict_proba(features[i : i + TREE_CHUNK]) for i in range(0, len(features), TREE_CHUNK)]
        return np.vstack(chunks)

    def save(self, path: Path) -> None:
        """Write the model as a pickle-free ``.npz``."""
        tokens = sorted(self.vocabulary.idf)
        np.savez_compressed(
            path,
            labels=np.asarray(self.labels),
            idf_tokens=np.asarray(tokens, dtype=str),
            idf_values=np.asarray([self.vocabulary.idf[t] for t in tokens]),
            idf_default=np.asarray(self.vocabulary.default_idf),
            mean_body_tokens=np.asarray(self.vocabulary.mean_body_tokens),
            **self.trees.to_arrays(TREE_PREFIX),
        )

    @classmethod
    def load(cls, path: Path) -> StanceModel:
        """Read a model written by :meth:`save`."""
        if not path.is_file():
            raise ClaimledgerError(f"stance model not found at {path}: train it with `claimledger train stance`")
        with np.load(path, allow_pickle=False) as arrays:
            data = {name: arrays[name] for name in arrays.files}
        idf = dict(zip(data["idf_tokens"].tolist(), data["idf_values"].tolist(), strict=True))
        vocabulary = Vocabulary(idf, float(data["idf_default"]), float(data["mean_body_tokens"]))
        return cls(vocabulary, TreeEnsemble.from_arrays(data, TREE_PREFIX), tuple(data["labels"].tolist()))


def model_path(name: str = FNC_MODEL) -> Path:
    """Where the shipped model ``name`` lives (``.npz``; its card is the ``.json`` beside it)."""
    return MODELS_DIR / f"{name}.npz"


def model_card(name: str = FNC_MODEL) -> dict[str, Any]:
    """The JSON card of the shipped model ``name``: training command, data digest, dev scores, date."""
    path = model_path(name).with_suffix(".json")
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


@functools.cache
def shipped_model() -> StanceModel:
    """The shipped FNC-1 model, loaded once per process."""
    return StanceModel.load(model_path())
