"""Statement stance read with the MiniLM similarity of content and claim (``statement-minilm``).

Sentences are invented.
"""

from __future__ import annotations

import numpy as np
import pytest

import claimledger
from claimledger.errors import ClaimledgerError, EvalDataMissingError
from claimledger.evaluation.data import data_root
from claimledger.stance import similarity
from claimledger.stance.data import EMERGENT_DIR, EMERGENT_TRAIN, read_emergent
from claimledger.stance.statement_model import FEATURE_NAMES, SIMILARITY_FEATURE, shipped_statement_model
from claimledger.stance.statement_training import fit_statement_model, headline_statements, statement_examples
from claimledger.stance.statements import stance

from .test_data import skip_or_fail

pytest.importorskip("torch", reason="the sentence encoder needs requirements-accurate.txt")


@pytest.fixture(scope="module")
def encoder() -> similarity.SentenceEncoder:
    loaded = similarity.shipped_encoder()
    assert loaded is not None
    return loaded


def only_statement(text: str):
    (statement,) = claimledger.analyze(text).statements
    return statement


def test_similar_meaning_scores_higher_than_another_topic(encoder) -> None:
    assert encoder.similarity("The CEO of the firm quit.", "The CEO of the firm quit.") == pytest.approx(1.0, abs=1e-5)
    assert encoder.similarity("the company's chief executive had resigned", "The CEO of the firm quit.") == pytest.approx(0.79, abs=0.01)
    assert encoder.similarity("the striker would be fit for Saturday", "The CEO of the firm quit.") < 0.2
    assert encoder.similarity("", "The CEO of the firm quit.") == 0.0


def test_texts_are_embedded_once_and_forgotten_on_demand(encoder) -> None:
    encoder.forget()
    encoder.embed(["the company's chief executive had resigned", "The CEO of the firm quit."])
    kept = dict(encoder._embeddings)
    assert len(kept) == 2 and all(np.linalg.norm(v) == pytest.approx(1.0, abs=1e-5) for v in kept.values())
    encoder.embed(["The CEO of the firm quit."])
    assert all(encoder._embeddings[text] is vector for text, vector in kept.items())
    encoder.forget()
    assert not encoder._embeddings


@pytest.mark.parametrize(
    "text, claim, by_words, by_meaning",
    [
        # Paraphrases that share almost no words with the claim: words alone find nothing to relate.
        ("Officials said the company's chief executive had resigned.", "The CEO of the firm quit.", "neutral", "support"),
        ("The mayor said a large fish was seen in the water on a submerged freeway.",
         "A shark swam on a flooded highway in Houston.", "neutral", "support"),
        # Another topic stays neutral either way.
        ("The club said the striker would be fit for Saturday.", "Kim Jong Un broke both of his ankles", "neutral", "neutral"),
    ],
)
def test_the_similarity_relates_paraphrases(encoder, text: str, claim: str, by_words: str, by_meaning: str) -> None:
    statement = only_statement(text)
    assert (stance(statement, claim).label, stance(statement, claim, encoder=encoder).label) == (by_words, by_meaning)


def test_the_similarity_model_needs_the_similarity() -> None:
    model = shipped_statement_model(reads_similarity=True)
    assert model.features == (*FEATURE_NAMES, SIMILARITY_FEATURE)
    assert model.coef.shape == (3, len(FEATURE_NAMES) + 1)
    with pytest.raises(ClaimledgerError, match="pass it"):
        model.label(only_statement("The club said the striker would be fit."), "The striker is injured.")


def test_without_the_optional_dependencies_there_is_no_encoder(monkeypatch) -> None:
    def missing() -> None:
        raise ImportError("No module named 'transformers'")

    monkeypatch.setattr(similarity, "SentenceEncoder", missing)
    assert similarity.shipped_encoder.__wrapped__() is None


@pytest.mark.evaldata
def test_the_shipped_similarity_model_is_what_the_training_command_builds(encoder) -> None:
    try:
        pairs = read_emergent(data_root() / EMERGENT_DIR / EMERGENT_TRAIN)
    except (EvalDataMissingError, FileNotFoundError) as error:
        skip_or_fail(f"Emergent data not found: {error}")
    examples = statement_examples(pairs, headline_statements([p.headline for p in pairs]))
    rebuilt = fit_statement_model(examples, encoder)
    assert np.allclose(rebuilt.coef, shipped_statement_model(reads_similarity=True).coef, atol=1e-4)
