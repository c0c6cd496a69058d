"""The FNC-1 weighted score, per-class F1 and macro-F1 on a hand-made confusion matrix."""

from __future__ import annotations

import pytest

from claimledger.stance.scoring import (
    LABELS,
    confusion_matrix,
    fnc_percent,
    fnc_score_from_confusion,
    macro_f1,
    per_class_f1,
    stance_report,
)

# rows gold, columns predicted, over agree, disagree, discuss, unrelated
CONFUSION = [
    [2, 0, 1, 0],
    [0, 1, 0, 1],
    [0, 0, 1, 0],
    [1, 0, 0, 3],
]


def test_fnc_score_by_hand() -> None:
    # agree: 2 exact (1.0 each) + 1 related-but-wrong (0.25) = 2.25; disagree: 1.0 (+0 for "unrelated");
    # discuss: 1.0; unrelated: 3 x 0.25 (the one called agree earns nothing). Max: 3 + 2 + 1 + 4 x 0.25.
    assert fnc_score_from_confusion(CONFUSION) == (5.0, 7.0)
    assert fnc_percent(CONFUSION) == pytest.approx(500 / 7)


def test_per_class_and_macro_f1_by_hand() -> None:
    assert per_class_f1(CONFUSION) == pytest.approx(
        {"agree": 2 / 3, "disagree": 2 / 3, "discuss": 2 / 3, "unrelated": 0.75}
    )
    assert macro_f1(CONFUSION) == pytest.approx(0.6875)


def test_confusion_rows_are_gold() -> None:
    gold = ["agree", "agree", "unrelated"]
    predicted = ["discuss", "agree", "unrelated"]
    assert confusion_matrix(gold, predicted) == [[1, 0, 1, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 1]]


def test_perfect_predictions_score_100() -> None:
    report = stance_report(list(LABELS), list(LABELS))
    assert report["fnc_score"] == 100.0
    assert report["macro_f1"] == 1.0
    assert report["accuracy"] == 1.0


def test_a_label_never_seen_has_f1_zero() -> None:
    assert per_class_f1(confusion_matrix(["agree"], ["agree"]))["disagree"] == 0.0
