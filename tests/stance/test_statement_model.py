"""The statement-stance model: its features, its decisions, its file, and its training examples."""

from __future__ import annotations

import numpy as np
import pytest

import claimledger
from claimledger.errors import ClaimledgerError, EvalDataMissingError
from claimledger.evaluation.data import data_root
from claimledger.stance.data import EMERGENT_DIR, EMERGENT_TRAIN, EmergentPair, read_emergent
from claimledger.stance.statement_model import (
    FEATURE_NAMES, STANCE_LABELS, StatementStanceModel, shipped_statement_model, statement_features,
)  # fmt: skip
from claimledger.stance.statement_training import (
    NEGATIVE_CLAIMS, fit_statement_model, headline_statements, statement_examples,
)  # fmt: skip
from claimledger.stance.statements import stance

from .test_data import skip_or_fail

SHARK = "A shark swam on a flooded highway in Houston."


def only_statement(text: str):
    (statement,) = claimledger.analyze(text).statements
    return statement


def features_of(text: str, claim: str) -> dict[str, float]:
    return dict(zip(FEATURE_NAMES, statement_features(only_statement(text), claim), strict=True))


def test_relatedness_features_of_a_paraphrase() -> None:
    features = features_of("The mayor said a shark was filmed swimming on a flooded Houston highway.", SHARK)
    # Claim stems: shark swam flood highway houston; the content repeats all but "swam".
    assert features["claim_coverage"] == pytest.approx(4 / 5)
    assert features["content_precision"] == pytest.approx(4 / 6)  # shark film swim flood houston highway
    assert features["name_coverage"] == 1.0  # "Houston" ("A" is capitalised too, but not in the content)
    assert (features["act_for"], features["act_against"], features["negation_mismatch"]) == (1.0, 0.0, 0.0)


def test_figure_and_direction_features() -> None:
    features = features_of("Apple said the watch will cost 349 dollars, not 10,000.", "The Apple Watch will cost 10,000 dollars.")
    assert (features["figure_shared"], features["figure_differs"], features["negation_mismatch"]) == (1.0, 0.0, 1.0)
    features = features_of("Police said the video was a hoax.", SHARK)
    assert (features["refuting"], features["denial"], features["claim_coverage"]) == (1.0, 1.0, 0.0)


@pytest.mark.parametrize(
    "text, claim, label",
    [
        # Related in other words, and an assertion: support.
        ("The mayor said a shark was filmed swimming on a flooded Houston highway.", SHARK, "support"),
        ("Officials said Kim Jong-un had broken both ankles.", "Kim Jong Un broke both of his ankles", "support"),
        ("Lebanese officials said they were holding the wife and daughter of the ISIS chief.",
         "Lebanon detained the wife of the ISIS leader", "support"),
        # An assertion that the claim is a hoax: deny, though the act is "assert".
        ("Police said the video of the shark on the highway was a hoax.", SHARK, "deny"),
        # Denial and doubt of the claim, and a denial of its negation.
        ("The coast guard denied that a shark swam on a flooded Houston highway.", SHARK, "deny"),
        ("Biologists questioned whether a shark swam on a flooded highway in Houston.", SHARK, "deny"),
        ("The coast guard denied that no shark swam on a flooded Houston highway.", SHARK, "support"),
        # About something else.
        ("The club said the striker would be fit for Saturday.", "Kim Jong Un broke both of his ankles", "neutral"),
    ],
)
def test_stance_of_statements_toward_claims(text: str, claim: str, label: str) -> None:
    assert stance(only_statement(text), claim).label == label


def test_the_shipped_model_reads_the_current_features() -> None:
    model = shipped_statement_model()
    assert model.labels == STANCE_LABELS
    assert model.coef.shape == (len(STANCE_LABELS), len(FEATURE_NAMES))
    assert model.probabilities([0.0] * len(FEATURE_NAMES)).sum() == pytest.approx(1.0)


def test_a_model_trained_on_other_features_is_refused(tmp_path) -> None:
    path = tmp_path / "old.npz"
    np.savez_compressed(path, coef=np.zeros((3, 2)), intercept=np.zeros(3), labels=np.asarray(STANCE_LABELS),
                        features=np.asarray(["claim_coverage", "act=deny"]))  # fmt: skip
    with pytest.raises(ClaimledgerError, match="trained on other features"):
        StatementStanceModel.load(path)
    with pytest.raises(ClaimledgerError, match="claimledger train stance"):
        StatementStanceModel.load(tmp_path / "missing.npz")


def test_a_saved_model_loads_back(tmp_path) -> None:
    model = shipped_statement_model()
    model.save(tmp_path / "statement.npz")
    again = StatementStanceModel.load(tmp_path / "statement.npz")
    assert np.array_equal(again.coef, model.coef) and again.labels == model.labels


def test_training_examples_label_own_claims_and_draw_other_claims_as_neutral() -> None:
    denial = only_statement("Iraq said the arrested woman is not the wife of the ISIS leader.")
    pairs = [
        EmergentPair("The wife of the ISIS leader was arrested", "Iraq says woman is not his wife", "against", "c1"),
        EmergentPair("The wife of the ISIS leader was arrested", "Lebanon holds ISIS leader's wife", "for", "c1"),
        *(EmergentPair(f"Claim number {i}", f"Headline {i}", "observing", f"c{i}") for i in range(2, 8)),
    ]
    examples = statement_examples(pairs, {"Iraq says woman is not his wife": [denial]}, seed=3)
    assert [e.label for e in examples] == ["deny"] + ["neutral"] * NEGATIVE_CLAIMS
    assert examples[0].claim == "The wife of the ISIS leader was arrested"
    assert {e.claim for e in examples[1:]} <= {f"Claim number {i}" for i in range(2, 8)}
    assert statement_examples(pairs, {"Iraq says woman is not his wife": [denial]}, seed=3) == examples


@pytest.mark.evaldata
def test_the_shipped_model_is_what_the_training_command_builds() -> None:
    try:
        pairs = read_emergent(data_root() / EMERGENT_DIR / EMERGENT_TRAIN)
    except (EvalDataMissingError, FileNotFoundError) as error:
        skip_or_fail(f"Emergent data not found: {error}")
    rebuilt = fit_statement_model(statement_examples(pairs, headline_statements([p.headline for p in pairs])))
    assert np.allclose(rebuilt.coef, shipped_statement_model().coef, atol=1e-6)
