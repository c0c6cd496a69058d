"""Headline stance toward a claim (Emergent): for | against | observing.

A small logistic regression over the article headline's words and word pairs (binary), the cue
lexicons, and the headline's overlap with the claim. Emergent headlines carry their stance in a few
words ("hoax", "reportedly", "confirmed", a question mark), so this fits in a second and is retrained
per fold by the cross-validation eval. Stored as ``models/emergent.npz`` (vocabulary and weights).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

from claimledger.errors import ClaimledgerError
from claimledger.stance.data import EmergentPair
from claimledger.stance.features import cue_presence, cue_rates
from claimledger.stance.text import NEGATION, STOP_WORDS, tokens

EMERGENT_LABELS: tuple[str, ...] = ("against", "for", "observing")
MIN_TERM_COUNT = 2
REGULARISATION_C = 0.1


def headline_terms(claim: str, headline: str) -> set[str]:
    """The article headline's words, its adjacent word pairs, and a marker for a question; the words
    the headline adds to the claim's come again prefixed "+" (they carry its stance: "hoax", "reportedly")."""
    words = tokens(headline)
    claim_words = set(tokens(claim))
    terms = set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}
    terms |= {f"+{word}" for word in words if word not in claim_words}
    if "?" in headline:
        terms.add("<question>")
    return terms


def dense_features(claim: str, headline: str) -> list[float]:
    """Cue words in the headline, overlap of its content words with the claim's, negation mismatch."""
    claim_words, words = tokens(claim), tokens(headline)
    claim_content = {w for w in claim_words if w not in STOP_WORDS}
    content = {w for w in words if w not in STOP_WORDS}
    overlap = len(claim_content & content) / len(claim_content | content) if claim_content | content else 0.0
    negation_mismatch = (sum(w in NEGATION for w in claim_words) % 2) != (sum(w in NEGATION for w in words) % 2)
    return cue_presence(words) + cue_rates(words) + [overlap, float(negation_mismatch)]


@dataclass(frozen=True)
class EmergentModel:
    """Vocabulary of headline terms and the logistic regression's weights."""

    terms: tuple[str, ...]
    coef: np.ndarray
    intercept: np.ndarray
    labels: tuple[str, ...] = EMERGENT_LABELS

    @staticmethod
    def matrix(pairs: Sequence[tuple[str, str]], index: dict[str, int]) -> sparse.csr_matrix:
        """The sparse term indicators next to the dense features of ``(claim, headline)`` pairs."""
        rows, cols = [], []
        for row, (claim, headline) in enumerate(pairs):
            for term in headline_terms(claim, headline):
                if term in index:
                    rows.append(row)
                    cols.append(index[term])
        terms = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(pairs), len(index)))
        dense_rows = np.asarray([dense_features(c, h) for c, h in pairs], dtype=float).reshape(len(pairs), -1)
        dense = sparse.csr_matrix(dense_rows)
        return sparse.hstack([terms, dense], format="csr")

    @classmethod
    def fit(cls, pairs: Sequence[EmergentPair]) -> EmergentModel:
        """Train on labelled pairs; terms seen fewer than twice are dropped."""
        from sklearn.linear_model import LogisticRegression  # only training needs scikit-learn

        counts: dict[str, int] = {}
        for pair in pairs:
            for term in headline_terms(pair.claim, pair.headline):
                counts[term] = counts.get(term, 0) + 1
        terms = tuple(sorted(term for term, n in counts.items() if n >= MIN_TERM_COUNT))
        index = {term: i for i, term in enumerate(terms)}
        features = cls.matrix([(p.claim, p.headline) for p in pairs], index)
        classifier = LogisticRegression(C=REGULARISATION_C, max_iter=2000)
        classifier.fit(features, [p.stance for p in pairs])
        order = [list(classifier.classes_).index(label) for label in EMERGENT_LABELS]
        return cls(terms, classifier.coef_[order], classifier.intercept_[order])

    def predict_proba(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Probabilities of :attr:`labels` for ``(claim, headline)`` pairs."""
        if not pairs:
            return np.zeros((0, len(self.labels)))
        index = {term: i for i, term in enumerate(self.terms)}
        scores = self.matrix(pairs, index) @ self.coef.T + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[str]:
        """The most probable label of each ``(claim, headline)`` pair."""
        return [self.labels[i] for i in self.predict_proba(pairs).argmax(axis=1)]

    def save(self, path: Path) -> None:
        """Write the model as a pickle-free ``.npz``."""
        np.savez_compressed(path, terms=np.asarray(self.terms, dtype=str), coef=self.coef,
                            intercept=self.intercept, labels=np.asarray(self.labels))  # fmt: skip

    @classmethod
    def load(cls, path: Path) -> EmergentModel:
        """Read a model written by :meth:`save`."""
        if not path.is_file():
            raise ClaimledgerError(f"Emergent model not found at {path}: train it with `claimledger train stance`")
        with np.load(path, allow_pickle=False) as data:
            return cls(tuple(data["terms"].tolist()), data["coef"], data["intercept"], tuple(data["labels"].tolist()))


@functools.cache
def shipped_emergent_model() -> EmergentModel:
    """The shipped Emergent model (trained on the Emergent training file), loaded once per process."""
    from claimledger.stance.model import model_path

    return EmergentModel.load(model_path("emergent"))
