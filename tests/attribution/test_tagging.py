"""Decoding label scores into the best label sequence (:func:`claimledger.attribution.tagging.best_tags`)."""

from __future__ import annotations

from itertools import product

import numpy as np
import pytest

from claimledger.attribution.tagging import LABELS, OUTSIDE, best_tags


def exhaustive_best(emissions: np.ndarray, transitions: np.ndarray) -> list[str]:
    """The best sequence found by scoring every sequence."""
    def score(path: tuple[int, ...]) -> float:
        return sum(emissions[t, label] for t, label in enumerate(path)) + sum(
            transitions[a, b] for a, b in zip(path, path[1:])
        )

    best = max(product(range(len(LABELS)), repeat=len(emissions)), key=score)
    return [LABELS[i] for i in best]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("length", [1, 2, 4])
def test_the_decoded_sequence_is_the_best_of_all(seed: int, length: int) -> None:
    rng = np.random.default_rng(seed)
    emissions = rng.normal(scale=3, size=(length, len(LABELS)))
    # Large transition weights, as a CRF learns them (-15 for O -> I-CONTENT), must not be distorted.
    transitions = rng.normal(scale=8, size=(len(LABELS), len(LABELS)))
    assert best_tags(emissions, transitions) == exhaustive_best(emissions, transitions)


def test_transitions_overrule_a_token_s_own_best_label() -> None:
    emissions = np.zeros((3, len(LABELS)))
    emissions[:, LABELS.index("B-CUE")] = 1.0
    emissions[:, LABELS.index(OUTSIDE)] = 0.5
    transitions = np.zeros((len(LABELS), len(LABELS)))
    transitions[LABELS.index("B-CUE"), LABELS.index("B-CUE")] = -10.0
    assert best_tags(emissions, transitions) == ["B-CUE", OUTSIDE, "B-CUE"]


def test_no_tokens_no_labels() -> None:
    assert best_tags(np.zeros((0, len(LABELS))), np.zeros((len(LABELS), len(LABELS)))) == []
