"""Stance: statements toward claims, and articles toward claims (the FNC-1 scheme).

Statement stance (``support | deny | neutral``) is :func:`claimledger.stance.statements.stance`, with the
shipped model ``models/statement.npz`` (:mod:`claimledger.stance.statement_model`).
Article stance: does a news article agree with a claim, deny it, only discuss it, or not address it?
The FNC-1 scheme (``agree | disagree | discuss | unrelated``) for an article body against a claim or
headline, and Emergent's (``for | against | observing``) for an article headline against a claim.

- :func:`article_stance` / :func:`article_stances`: the label and class probabilities of one or many
  ``(claim, body)`` pairs, from the shipped model ``models/fnc1.npz`` (features of the body sentences
  most similar to the claim, refuting/hedging/confirming cues, TF-IDF and BM25 similarity, and the
  official FNC-1 baseline's features; boosted trees stored as plain arrays). Its card
  ``models/fnc1.json`` gives the training command, data digest and scores on the claim-disjoint dev.
- :func:`headline_stances`: Emergent labels of ``(claim, article headline)`` pairs (``models/emergent.npz``).
- :func:`predict_fnc1` and :func:`predict_emergent`: prediction files in the datasets' own formats.
- :mod:`claimledger.stance.scoring`: the official FNC-1 weighted score, macro-F1 and confusion.

Rebuild the models with ``claimledger train stance``; score them with ``claimledger eval fnc1``,
``eval emergent``, ``eval arc`` and ``eval statement-stance``.
"""

from __future__ import annotations

from claimledger.stance.api import article_stance, article_stances, headline_stances, predict_emergent, predict_fnc1
from claimledger.stance.scoring import LABELS, fnc_percent, stance_report

__all__ = [
    "LABELS",
    "article_stance",
    "article_stances",
    "fnc_percent",
    "headline_stances",
    "predict_emergent",
    "predict_fnc1",
    "stance_report",
]
