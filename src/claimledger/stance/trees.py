"""Gradient-boosted trees as plain arrays: exported from scikit-learn, evaluated with numpy.

The shipped model is an ``.npz`` of numbers, not a pickle: loading it runs no code, it does not depend
on scikit-learn's private classes staying the same across versions, and all trees are walked at once
(one vectorised step per tree level), which keeps single-pair inference fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # scikit-learn is needed to export, not to predict: keep it off the import path
    from sklearn.ensemble import HistGradientBoostingClassifier


@dataclass(frozen=True)
class TreeEnsemble:
    """All trees of a multi-class boosted model, their nodes concatenated.

    ``roots[t]`` is tree ``t``'s first node, ``tree_class[t]`` the class whose score it adds to;
    child indices are global. ``baseline`` is the initial raw score of every class.
    """

    feature: np.ndarray
    threshold: np.ndarray
    missing_left: np.ndarray
    left: np.ndarray
    right: np.ndarray
    is_leaf: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    tree_class: np.ndarray
    baseline: np.ndarray
    depth: int

    @classmethod
    def from_sklearn(cls, model: HistGradientBoostingClassifier) -> TreeEnsemble:
        """Copy the trees of a fitted multi-class (≥ 3 classes) model without categorical features."""
        if model.n_trees_per_iteration_ < 3:
            raise ValueError("only multi-class models are exported")
        names = ("feature", "threshold", "missing", "left", "right", "leaf", "value")
        parts: dict[str, list[np.ndarray]] = {name: [] for name in names}
        roots, tree_class, offset, depth = [], [], 0, 0
        for iteration in model._predictors:
            for class_index, predictor in enumerate(iteration):
                nodes = predictor.nodes
                roots.append(offset)
                tree_class.append(class_index)
                parts["feature"].append(nodes["feature_idx"])
                parts["threshold"].append(nodes["num_threshold"])
                parts["missing"].append(nodes["missing_go_to_left"].astype(bool))
                parts["left"].append(nodes["left"].astype(np.int64) + offset)
                parts["right"].append(nodes["right"].astype(np.int64) + offset)
                parts["leaf"].append(nodes["is_leaf"].astype(bool))
                parts["value"].append(nodes["value"])
                depth = max(depth, int(nodes["depth"].max()))
                offset += len(nodes)
        joined = {name: np.concatenate(arrays) for name, arrays in parts.items()}
        return cls(
            joined["feature"], joined["threshold"], joined["missing"], joined["left"], joined["right"],
            joined["leaf"], joined["value"], np.asarray(roots), np.asarray(tree_class),
            np.asarray(model._baseline_prediction, dtype=np.float64).ravel(), depth,
        )  # fmt: skip

    def to_arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The ensemble as named arrays for ``np.savez`` (names start with ``prefix``)."""
        fields = {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "depth"}
        fields["depth"] = np.asarray(self.depth)
        return {prefix + name: value for name, value in fields.items()}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str) -> TreeEnsemble:
        """Rebuild an ensemble saved with :meth:`to_arrays`."""
        values = {name: arrays[prefix + name] for name in cls.__dataclass_fields__}
        values["depth"] = int(values["depth"])
        return cls(**values)

    def raw_scores(self, features: np.ndarray) -> np.ndarray:
        """Each class's summed tree output plus baseline, shape ``(rows, classes)``."""
        rows = np.arange(features.shape[0])[:, None]
        node = np.broadcast_to(self.roots, (features.shape[0], len(self.roots))).copy()
        for _ in range(self.depth):
            x = features[rows, self.feature[node]]
            go_left = np.where(np.isnan(x), self.missing_left[node], x <= self.threshold[node])
            step = np.where(go_left, self.left[node], self.right[node])
            node = np.where(self.is_leaf[node], node, step)
        scores = np.tile(self.baseline, (features.shape[0], 1))
        leaf_values = self.value[node]
        for class_index in range(len(self.baseline)):
            scores[:, class_index] += leaf_values[:, self.tree_class == class_index].sum(axis=1)
        return scores

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        """Class probabilities (softmax of :meth:`raw_scores`), shape ``(rows, classes)``."""
        scores = self.raw_scores(np.asarray(features, dtype=np.float64))
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)
