"""The shipped statement-stance models: logistic regressions over :func:`statement_features`.

They read a statement (its content, act, cue and kind) against a claim and give the probabilities of
``support | deny | neutral``. They are trained by ``claimledger train stance`` on the statements that
the attribution engine finds in Emergent's article headlines (:mod:`.statement_training`) and stored
as ``models/statement.npz`` (feature names, weights) with its card ``models/statement.json``.
``statement-minilm`` reads one feature more, the content's similarity in meaning to the claim
(:mod:`.similarity`); ``analyze --accurate`` uses it.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from claimledger.errors import ClaimledgerError
from claimledger.model import Statement
from claimledger.stance.text import CONFIRMING, DENIAL, HEDGING, NEGATION, REFUTING, stem_set, tokens

STATEMENT_MODEL = "statement"
SIMILARITY_MODEL = "statement-minilm"
SIMILARITY_FEATURE = "minilm_cosine"
STANCE_LABELS: tuple[str, ...] = ("support", "deny", "neutral")
# Acts are grouped by direction: Emergent's headlines hold few "question" or "challenge" statements,
# and grouped they borrow the weight that the many denials earn.
AGAINST_ACTS = frozenset({"deny", "question", "challenge"})
FOR_ACTS = frozenset({"assert", "confirm", "report", "accuse"})
NEUTRALITIES = ("neutral", "doubt", "presuppose")
KINDS = ("direct", "indirect", "mixed")
FIGURE = re.compile(r"\d[\d,.]*")
CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
LEXICON_CAP = 3  # counts of cue words above this say nothing more

FEATURE_NAMES: tuple[str, ...] = (
    "claim_coverage", "content_precision", "trigram_cosine", "name_coverage", "figure_shared", "figure_differs",
    "negation_mismatch", "refuting", "denial", "hedging", "confirming", "log_length",
    "trigram_cosine*against", "trigram_cosine*negation_mismatch", "trigram_cosine*denial",
    "claim_coverage*against", "claim_coverage*negation_mismatch", "refuting_cue",
    "act_against", "act_for", *(f"neutrality={value}" for value in NEUTRALITIES),
    *(f"kind={kind}" for kind in KINDS),
)  # fmt: skip


def statement_features(statement: Statement, claim: str, similarity: float | None = None) -> list[float]:
    """The features of a statement with content against a claim text, in the order of :data:`FEATURE_NAMES`,
    then ``similarity`` (:data:`SIMILARITY_FEATURE`) when it is given.

    Relatedness is read several ways so the model can weigh them: the share of the claim's stemmed
    words the content repeats (and of the content's words that are the claim's), character-trigram
    cosine (spelling variants: "Jong Un" / "Jong-un"), capitalised names and figures shared.
    Direction: the act, negation on one side only, and refuting/denial/hedging/confirming words.
    """
    content = statement.content.text if statement.content else ""
    claim_stems, content_stems = stem_set(claim), stem_set(content)
    shared = len(claim_stems & content_stems)
    coverage = shared / len(claim_stems) if claim_stems else 0.0
    precision = shared / len(content_stems) if content_stems else 0.0
    cosine = _trigram_cosine(content, claim)
    names = {name.lower() for name in CAPITALISED.findall(claim)}
    name_coverage = len(names & {name.lower() for name in CAPITALISED.findall(content)}) / len(names) if names else 0.0
    claim_figures, content_figures = set(FIGURE.findall(claim)), set(FIGURE.findall(content))
    words, cue_words = tokens(content), tokens(statement.cue.text)
    mismatch = float(negation_mismatch(content, claim))
    denial = _capped_count(words, DENIAL)
    against = float(statement.act in AGAINST_ACTS)
    return [
        coverage, precision, cosine, name_coverage,
        float(bool(claim_figures & content_figures)),
        float(bool(claim_figures and content_figures) and not claim_figures & content_figures),
        mismatch, _capped_count(words, REFUTING), denial, _capped_count(words, HEDGING),
        _capped_count(words, CONFIRMING), math.log1p(len(words)),
        cosine * against, cosine * mismatch, cosine * denial, coverage * against, coverage * mismatch,
        float(any(word in REFUTING for word in cue_words)),
        against, float(statement.act in FOR_ACTS),
        *(float(statement.cue.neutrality == value) for value in NEUTRALITIES),
        *(float(statement.kind == kind) for kind in KINDS),
        *([] if similarity is None else [similarity]),
    ]  # fmt: skip


@dataclass(frozen=True)
class StatementStanceModel:
    """Weights of a multinomial logistic regression over :data:`FEATURE_NAMES` (and the similarity)."""

    coef: np.ndarray  # (labels, features)
    intercept: np.ndarray  # (labels,)
    labels: tuple[str, ...] = STANCE_LABELS
    features: tuple[str, ...] = FEATURE_NAMES

    @property
    def reads_similarity(self) -> bool:
        """Whether the model reads the content's similarity in meaning to the claim."""
        return self.features[-1] == SIMILARITY_FEATURE

    def probabilities(self, features: list[float]) -> np.ndarray:
        """The probability of each of :attr:`labels` for one feature row."""
        scores = self.coef @ np.asarray(features, dtype=float) + self.intercept
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def save(self, path: Path) -> None:
        """Write the model as a pickle-free ``.npz``, with the feature names it was trained on."""
        np.savez_compressed(path, coef=self.coef, intercept=self.intercept, labels=np.asarray(self.labels),
                            features=np.asarray(self.features))  # fmt: skip

    def label(self, statement: Statement, claim: str, similarity: float | None = None) -> tuple[str, float]:
        """The stance label of a statement with content toward a claim text, and its probability.

        The model decides whether the statement speaks about the claim at all (neutral when that is
        the likeliest label or has half the probability), and which way when nothing else says so
        ("police said the video was a hoax"). Two rules that Emergent's headlines
        cannot teach come first: a denying, questioning or challenging act speaks against what it is
        about, and a negation on one side only turns the direction ("nobody has been tortured" against
        "police tortured protesters"; "denied that there was no purge" supports "there was a purge").
        Emergent's few questions are rhetorical ("Is this the oldest burger?"), its denials rarely negated.
        ``similarity`` is read by a model that has learnt it, and required by one.
        """
        if self.reads_similarity and similarity is None:
            raise ClaimledgerError("this statement-stance model reads the similarity of content and claim: pass it")
        features = statement_features(statement, claim, similarity if self.reads_similarity else None)
        probabilities = dict(zip(self.labels, self.probabilities(features).tolist(), strict=True))
        if probabilities["neutral"] >= 0.5 or probabilities["neutral"] == max(probabilities.values()):
            return "neutral", probabilities["neutral"]
        against = statement.act in AGAINST_ACTS
        mismatch = negation_mismatch(statement.content.text if statement.content else "", claim)
        if against or mismatch:
            return ("deny" if against != mismatch else "support"), 1.0 - probabilities["neutral"]
        label = max(("support", "deny"), key=probabilities.__getitem__)
        return label, probabilities[label]

    @classmethod
    def load(cls, path: Path) -> StatementStanceModel:
        """Read a model written by :meth:`save`; refuses one trained on other features."""
        if not path.is_file():
            raise ClaimledgerError(f"statement-stance model not found at {path}: train it with `claimledger train stance`")
        with np.load(path, allow_pickle=False) as data:
            features = tuple(data["features"].tolist())
            if features not in (FEATURE_NAMES, (*FEATURE_NAMES, SIMILARITY_FEATURE)):
                raise ClaimledgerError(f"{path} was trained on other features: retrain it with `claimledger train stance`")
            return cls(data["coef"], data["intercept"], tuple(data["labels"].tolist()), features)


@functools.cache
def shipped_statement_model(reads_similarity: bool = False) -> StatementStanceModel:
    """The shipped statement-stance model (``statement-minilm`` when ``reads_similarity``), loaded once per process."""
    from claimledger.stance.model import model_path

    return StatementStanceModel.load(model_path(SIMILARITY_MODEL if reads_similarity else STATEMENT_MODEL))


def negation_mismatch(content: str, claim: str) -> bool:
    """Whether one of a statement's content and a claim is negated and the other not.

    A text counts as negated when it holds any negation: in what people are quoted saying, "Nobody
    has been tortured, and nobody will be" is one denial said twice far more often than a double
    negative. (Claims compared with claims use :func:`~claimledger.stance.statements.negates`.)
    """
    return _negated(content) != _negated(claim)


def _negated(text: str) -> bool:
    return any(word in NEGATION for word in tokens(text))


def _capped_count(words: list[str], lexicon: frozenset[str]) -> float:
    return float(min(sum(word in lexicon for word in words), LEXICON_CAP))


# The ledger compares every statement of a story with every claim of it: the same texts come again.
@functools.lru_cache(maxsize=65_536)
def _trigrams(text: str) -> frozenset[str]:
    joined = " ".join(tokens(text))
    return frozenset(joined[i : i + 3] for i in range(len(joined) - 2))


def _trigram_cosine(first: str, second: str) -> float:
    a, b = _trigrams(first), _trigrams(second)
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0
