"""Boosted trees exported to arrays predict exactly what scikit-learn predicts."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier

from claimledger.stance.trees import TreeEnsemble


def test_exported_trees_match_sklearn(tmp_path) -> None:
    rng = np.random.default_rng(0)
    features = rng.normal(size=(300, 5))
    labels = (features[:, 0] > 0).astype(int) + (features[:, 1] > 0.5).astype(int) * 2
    model = HistGradientBoostingClassifier(max_iter=20, random_state=0).fit(features, labels)
    ensemble = TreeEnsemble.from_sklearn(model)
    np.savez(tmp_path / "trees.npz", **ensemble.to_arrays("t_"))
    with np.load(tmp_path / "trees.npz", allow_pickle=False) as arrays:
        loaded = TreeEnsemble.from_arrays(dict(arrays), "t_")
    probe = rng.normal(size=(50, 5))
    probe[0, 2] = np.nan  # missing values follow the learned side
    assert loaded.predict_proba(probe) == pytest.approx(model.predict_proba(probe), abs=1e-9)
