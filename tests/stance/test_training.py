"""Training the article-stance model end to end on a slice of FNC-1 (slow; needs ../shared/data)."""

from __future__ import annotations

import numpy as np
import pytest

from claimledger.errors import EvalDataMissingError
from claimledger.evaluation.data import data_root
from claimledger.stance.data import claim_disjoint_split
from claimledger.stance.model import StanceModel
from claimledger.stance.scoring import LABELS, stance_report
from claimledger.stance.train import train_fnc_model

from .test_data import skip_or_fail


@pytest.mark.slow
@pytest.mark.evaldata
def test_a_model_trained_on_a_slice_saves_loads_and_beats_chance(tmp_path) -> None:
    try:
        train, dev = claim_disjoint_split(data_root())
    except (EvalDataMissingError, FileNotFoundError) as error:
        skip_or_fail(f"FNC-1 data not found: {error}")
    model, _ = train_fnc_model(train[::5])
    model.save(tmp_path / "model.npz")
    loaded = StanceModel.load(tmp_path / "model.npz")
    pairs = [(pair.headline, pair.body) for pair in dev[::4]]
    probabilities = loaded.predict_proba(pairs)
    assert np.allclose(probabilities, model.predict_proba(pairs))
    report = stance_report([pair.stance or "" for pair in dev[::4]], [LABELS[i] for i in probabilities.argmax(axis=1)])
    assert report["fnc_score"] > 60
