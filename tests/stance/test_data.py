"""The FNC-1 claim-disjoint split, Emergent folds and ARC as the evals read them (needs ../shared/data)."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from claimledger.errors import EvalDataMissingError
from claimledger.evaluation.data import data_root
from claimledger.stance.data import claim_disjoint_split, emergent_fold_files, read_emergent, read_pairs



def skip_or_fail(message: str) -> None:
    """Skip when the data is absent, except in CI, where absent data must not pass unnoticed."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def stance_data_root() -> Path:
    """The data folder with FNC-1, Emergent and ARC, or a skip (a failure under CI)."""
    try:
        root = data_root()
    except EvalDataMissingError as error:
        skip_or_fail(f"stance data not found: {error}")
    for folder in ("fnc-1", "emergent", "arc"):
        if not (root / folder).is_dir():
            skip_or_fail(f"stance data not found at {root / folder}")
    return root


@pytest.mark.evaldata
def test_claim_disjoint_split_has_the_readme_counts(stance_data_root: Path) -> None:
    train, dev = claim_disjoint_split(stance_data_root)
    assert len(train) == 33906
    assert Counter(pair.stance for pair in dev) == {"discuss": 1727, "unrelated": 1427, "agree": 767, "disagree": 307}
    assert not {pair.headline for pair in train} & {pair.headline for pair in dev}
    assert not {pair.body_id for pair in train} & {pair.body_id for pair in dev}


@pytest.mark.evaldata
def test_emergent_folds_cover_the_training_file_once(stance_data_root: Path) -> None:
    tests = [read_emergent(emergent_fold_files(stance_data_root, fold)[1]) for fold in range(1, 11)]
    assert sum(len(fold) for fold in tests) == 2071
    claims_per_fold = [{pair.claim_id for pair in fold} for fold in tests]
    assert sum(len(claims) for claims in claims_per_fold) == len(set().union(*claims_per_fold)) == 240


@pytest.mark.evaldata
def test_arc_training_pairs(stance_data_root: Path) -> None:
    arc = stance_data_root / "arc"
    pairs = read_pairs(arc / "arc_bodies_train.csv", arc / "arc_stances_train.csv")
    expected = {"unrelated": 10670, "disagree": 1402, "agree": 1257, "discuss": 904}
    assert Counter(pair.stance for pair in pairs) == expected
