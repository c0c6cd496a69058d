"""The eval gate: every eval with recorded floors is re-run on the shipped models and must hold them.

Lowering a floor or accepting changed data takes an explicit `claimledger eval NAME --record-floors`.
Without ../shared/data the gate is skipped on a laptop and fails under CI (CI=true).
"""

from __future__ import annotations

import os

import pytest

from claimledger import evaluation
from claimledger.evaluation import floors
from claimledger.evaluation.data import data_root
from claimledger.errors import EvalDataMissingError

RECORDED = sorted(floors.load_floors())


def test_every_floor_belongs_to_a_known_eval() -> None:
    assert set(RECORDED) <= set(evaluation.available_evals())


def test_every_eval_has_floors() -> None:
    assert set(evaluation.available_evals()) <= set(RECORDED)


@pytest.mark.evaldata
@pytest.mark.parametrize("name", RECORDED)
def test_eval_holds_its_floors(name: str, require_data) -> None:
    result = evaluation.run_eval(name)
    assert floors.check_floors(name, result) == []


@pytest.fixture
def require_data():
    """The data folder, or a skip (a failure under CI)."""
    try:
        return data_root()
    except EvalDataMissingError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs the evaluation data: {error}")
        pytest.skip(str(error))
