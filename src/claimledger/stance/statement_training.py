"""Training and cross-validating the statement-stance model on Emergent's headline statements.

No public dataset labels a statement's stance toward a claim, but Emergent labels 2,071 article
headlines for or against a claim, or observing it, and many headlines are statements ("Iraq denies
Lebanon captured al-Baghdadi's wife", "Man claims to have kept a burger for 20 years"). The attribution
engine finds them (a headline is parsed as an article's title); each becomes an example:

- against its own claim: ``deny`` when the headline is *against*, ``support`` when it is *for* or
  *observing* (an observing headline reports the speaker asserting the claim: the statement supports
  it even though the outlet does not vouch for it);
- against :data:`NEGATIVE_CLAIMS` other claims of the same fold, drawn at random: ``neutral``. Many
  Emergent claims share a topic (a dozen are about the Apple Watch), so these include hard cases.

Folds are Emergent's claim-grouped ones, so a test fold's claims are never seen in training.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from claimledger.model import Statement
from claimledger.stance.data import EmergentPair
from claimledger.stance.similarity import SentenceEncoder
from claimledger.stance.statement_model import (
    FEATURE_NAMES, SIMILARITY_FEATURE, STANCE_LABELS, StatementStanceModel, statement_features,
)

NEGATIVE_CLAIMS = 4
SEED = 7
REGULARISATION_C = 1.0  # chosen by the claim-grouped cross-validation (0.1 → 0.676, 1 → 0.757, 10 → 0.757)
OWN_CLAIM_LABELS = {"for": "support", "observing": "support", "against": "deny"}


@dataclass(frozen=True)
class StatementExample:
    """One statement read against one claim, with its label."""

    statement: Statement
    claim: str
    label: str


def headline_statements(headlines: Sequence[str]) -> dict[str, list[Statement]]:
    """The statements with content that attribution finds in each headline, parsed as a title."""
    from claimledger.attribution import extract_statements
    from claimledger.parse import load_nlp

    unique = sorted(set(headlines))
    docs = load_nlp().pipe(unique, batch_size=256)
    return {
        headline: [s for s in extract_statements(doc, (0, len(headline)))[0] if s.content is not None]
        for headline, doc in zip(unique, docs, strict=True)
    }


def statement_examples(pairs: Sequence[EmergentPair], statements: dict[str, list[Statement]],
                       seed: int = SEED) -> list[StatementExample]:  # fmt: skip
    """Each headline statement against its own claim and against :data:`NEGATIVE_CLAIMS` others of ``pairs``."""
    claims = sorted({(pair.claim_id, pair.claim) for pair in pairs})
    draw = random.Random(seed)
    examples = []
    for pair in pairs:
        for statement in statements.get(pair.headline, []):
            label = OWN_CLAIM_LABELS[pair.stance or ""]
            examples.append(StatementExample(statement, pair.claim, label))
            others = [claim for claim in claims if claim[0] != pair.claim_id]
            for _, claim in draw.sample(others, min(NEGATIVE_CLAIMS, len(others))):
                examples.append(StatementExample(statement, claim, "neutral"))
    return examples


def fit_statement_model(examples: Sequence[StatementExample], encoder: SentenceEncoder | None = None) -> StatementStanceModel:
    """A multinomial logistic regression on ``examples``, rows in the order of :data:`STANCE_LABELS`;
    with ``encoder``, one that reads the similarity in meaning of content and claim too."""
    from sklearn.linear_model import LogisticRegression  # only training needs scikit-learn

    if encoder is not None:
        encoder.embed(text for e in examples for text in (e.statement.content.text, e.claim))
    classifier = LogisticRegression(C=REGULARISATION_C, max_iter=5000)
    features = np.asarray([statement_features(e.statement, e.claim, example_similarity(e, encoder)) for e in examples])
    classifier.fit(features, [e.label for e in examples])
    order = [list(classifier.classes_).index(label) for label in STANCE_LABELS]
    names = FEATURE_NAMES if encoder is None else (*FEATURE_NAMES, SIMILARITY_FEATURE)
    return StatementStanceModel(classifier.coef_[order], classifier.intercept_[order], features=names)


def example_similarity(example: StatementExample, encoder: SentenceEncoder | None) -> float | None:
    """The similarity in meaning of the example's content and claim; ``None`` without an encoder."""
    return None if encoder is None else encoder.similarity(example.statement.content.text, example.claim)
