"""The article-stance library API and the FNC-1 / Emergent prediction files."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from claimledger.errors import InputError
from claimledger.stance.data import read_csv_rows, read_pairs, require_columns
from claimledger.stance.emergent import shipped_emergent_model
from claimledger.stance.model import shipped_model

FNC_COLUMNS = ("Headline", "Body ID", "Stance")
EMERGENT_PREDICTION = "predictedStance"


def article_stances(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, dict[str, float]]]:
    """:func:`article_stance` of many ``(claim, body)`` pairs at once (much faster than one by one)."""
    pairs = list(pairs)
    model = shipped_model()
    results = []
    for row in model.predict_proba(pairs):
        probabilities = {label: float(p) for label, p in zip(model.labels, row, strict=True)}
        results.append((max(probabilities, key=probabilities.__getitem__), probabilities))
    return results


def article_stance(claim: str, body: str) -> tuple[str, dict[str, float]]:
    """An article body's stance toward a claim (or headline), in the FNC-1 scheme.

    Returns the label (``agree``, ``disagree``, ``discuss`` or ``unrelated``) and the probability of
    each label, from the shipped model trained on FNC-1 (see ``models/fnc1.json``).
    """
    return article_stances([(claim, body)])[0]


def predict_fnc1(bodies_csv: str | Path, stances_csv: str | Path, out_csv: str | Path) -> int:
    """Write FNC-1 submission-format predictions (``Headline,Body ID,Stance``) for a pair of FNC-1 files.

    ``stances_csv`` needs ``Headline`` and ``Body ID``; a ``Stance`` column, if present, is ignored.
    Rows keep the input order. Returns the number of pairs written.
    """
    pairs = read_pairs(Path(bodies_csv), Path(stances_csv))
    stances = article_stances([(pair.headline, pair.body) for pair in pairs])
    with Path(out_csv).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(FNC_COLUMNS)
        for pair, (label, _) in zip(pairs, stances, strict=True):
            writer.writerow((pair.headline, pair.body_id, label))
    return len(pairs)


def headline_stances(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """The stance (``for``, ``against`` or ``observing``) of each article headline toward its claim.

    ``pairs`` are ``(claim, article headline)``; the shipped model is trained on Emergent's training file.
    """
    return shipped_emergent_model().predict(list(pairs))


def predict_emergent(in_csv: str | Path, out_csv: str | Path) -> int:
    """Copy an Emergent-format CSV, adding a ``predictedStance`` column (``for|against|observing``).

    The input needs ``claimHeadline`` and ``articleHeadline``; every other column is kept as it is.
    Returns the number of rows written.
    """
    path = Path(in_csv)
    rows = read_csv_rows(path)
    require_columns(path, rows, ("claimHeadline", "articleHeadline"))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        columns = next(csv.reader(handle), None)
    if columns is None:
        raise InputError(str(path), "empty file: expected a header with claimHeadline and articleHeadline")
    labels = headline_stances([(row["claimHeadline"], row["articleHeadline"]) for row in rows])
    with Path(out_csv).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*columns, EMERGENT_PREDICTION])
        writer.writeheader()
        for row, label in zip(rows, labels, strict=True):
            writer.writerow({**row, EMERGENT_PREDICTION: label})
    return len(rows)
