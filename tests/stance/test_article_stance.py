"""The shipped article-stance model on short invented headline/body pairs, and its files.

Expected labels are only asserted where the body leaves no doubt (an outright denial, an official
confirmation, hedged reporting, another topic), so that a retrained model that is still sound passes.
"""

from __future__ import annotations

import pytest

from claimledger.stance import LABELS, article_stance, article_stances, headline_stances
from claimledger.stance.model import model_card, model_path, shipped_model

ABUSE = "Police abused protesters in Kestrel province"
IPHONE = "Apple to release a foldable iPhone next year"

DENIAL = (
    "Interior Minister Dariusz Halvorsen denied reports that police abused protesters in Kestrel province. "
    '"These reports are completely false," he said. "There was no abuse of protesters and the claims are a hoax." '
    "Officials said the story was fabricated by opposition groups."
)
NEGATED = (
    "Police did not abuse protesters in Kestrel province, an independent investigation has found. "
    "The inquiry found no evidence of abuse and said the allegations were untrue. "
    "Claims that police beat protesters were debunked."
)
CONFIRMATION = (
    "Police abused dozens of protesters in Kestrel province, Human Rights Watch confirmed on Monday. "
    "Video footage shows officers beating demonstrators. The ministry later admitted that officers had used "
    "excessive force against the protesters in Kestrel."
)
HEDGED = (
    "Reports are circulating that police may have abused protesters in Kestrel province. According to "
    "unconfirmed social media posts, officers allegedly beat demonstrators. The claims could not be "
    "independently verified, and it is unclear whether the incident took place."
)
OTHER_TOPIC = (
    "The city council approved a new budget for public libraries on Tuesday. The budget includes funding "
    "for new books and longer opening hours at the central library."
)
IPHONE_DENIED = (
    "Apple has denied rumours that it will release a foldable iPhone next year. A spokesperson said the "
    "report was false and that no such device is planned. The hoax started on a fan forum."
)
IPHONE_CONFIRMED = (
    "Apple will release a foldable iPhone next year, the company confirmed at its event on Tuesday. "
    "The device has been officially announced and goes on sale in March."
)
IPHONE_RUMOURED = (
    "Apple could release a foldable iPhone next year, according to a report from an analyst. The company "
    "has not commented on the claims, and the rumour remains unconfirmed."
)


@pytest.mark.parametrize(
    "claim, body, expected",
    [
        (ABUSE, DENIAL, "disagree"),  # a denial
        (ABUSE, NEGATED, "disagree"),  # negated content: "did not abuse", "untrue"
        (IPHONE, IPHONE_DENIED, "disagree"),
        (ABUSE, CONFIRMATION, "agree"),  # a confirmation
        (IPHONE, IPHONE_CONFIRMED, "agree"),
        (ABUSE, HEDGED, "discuss"),  # reported, not vouched for
        (IPHONE, IPHONE_RUMOURED, "discuss"),
        (ABUSE, OTHER_TOPIC, "unrelated"),  # about something else
    ],
)
def test_clear_cases(claim: str, body: str, expected: str) -> None:
    label, probabilities = article_stance(claim, body)
    assert label == expected
    assert set(probabilities) == set(LABELS)
    assert sum(probabilities.values()) == pytest.approx(1.0)
    assert max(probabilities, key=probabilities.__getitem__) == label


def test_a_denial_is_more_disagree_than_a_confirmation() -> None:
    (_, denial), (_, confirmation) = article_stances([(ABUSE, DENIAL), (ABUSE, CONFIRMATION)])
    assert denial["disagree"] > confirmation["disagree"]
    assert confirmation["agree"] > denial["agree"]


def test_batch_equals_one_by_one() -> None:
    pairs = [(ABUSE, DENIAL), (IPHONE, IPHONE_RUMOURED), (ABUSE, OTHER_TOPIC)]
    batch = article_stances(pairs)
    for pair, (label, probabilities) in zip(pairs, batch, strict=True):
        single_label, single = article_stance(*pair)
        assert single_label == label
        assert single == pytest.approx(probabilities)


def test_empty_inputs() -> None:
    assert article_stances([]) == []
    label, _ = article_stance("", "")
    assert label in LABELS


def test_the_shipped_model_and_its_card() -> None:
    assert model_path().stat().st_size < 50_000_000
    assert shipped_model().labels == LABELS
    card = model_card()
    assert card["command"].startswith("claimledger train stance")
    assert card["data_digest"].startswith("sha256:")
    assert {"fnc_score", "macro_f1", "per_class_f1", "confusion"} <= set(card["dev"])


def test_headline_stances_toward_a_claim() -> None:
    claim = "A shark was photographed swimming on a flooded highway"
    headlines = ["Photo of shark on flooded highway is a hoax", "Shark reportedly spotted swimming on flooded highway"]
    assert headline_stances([(claim, h) for h in headlines]) == ["against", "observing"]
