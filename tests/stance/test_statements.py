"""Statement stance toward a claim: denials, confirmations, negated content, unrelated statements."""

from __future__ import annotations

import pytest

import claimledger
from claimledger.stance.statements import claim_coverage, negates, stance

CLAIM = "Police abused protesters in Kestrel province."
ARTICLE = (
    "Interior Minister Dariusz Halvorsen denied that police abused protesters in Kestrel province. "
    "Civic Rights Monitor said police abused dozens of protesters in Kestrel. "
    "Halvorsen said police did not abuse protesters in Kestrel. "
    "The agency confirmed that police abused protesters. "
    "Frontier Legal Aid questioned whether police abused protesters in Kestrel. "
    "The town will close the riverbank on Friday, the mayor said. "
    "A spokesman for the ministry declined to comment."
)


@pytest.fixture(scope="module")
def statements():
    return claimledger.analyze(ARTICLE).statements


@pytest.mark.parametrize(
    "index, speaker, label",
    [
        (0, "Interior Minister Dariusz Halvorsen", "deny"),  # a denial of the claim
        (1, "Civic Rights Monitor", "support"),  # an assertion of it
        (2, "Halvorsen", "deny"),  # an assertion of its negation
        (3, "The agency", "support"),  # a confirmation
        (4, "Frontier Legal Aid", "deny"),  # questioning it
        (5, "the mayor", "neutral"),  # about something else
        (6, "A spokesman for the ministry", "neutral"),  # says nothing
    ],
)
def test_statement_stance(statements, index: int, speaker: str, label: str) -> None:
    statement = statements[index]
    assert statement.speaker.text == speaker
    assert stance(statement, CLAIM).label == label


@pytest.mark.parametrize(
    "text",
    [
        "The minister did not deny that police abused protesters in Kestrel province.",  # no denial, no support
        "Halvorsen never said that police abused protesters in Kestrel province.",
    ],
)
def test_a_negated_cue_speaks_neither_for_nor_against(text: str) -> None:
    (statement,) = claimledger.analyze(text).statements
    assert (statement.act, stance(statement, CLAIM).label) == ("other", "neutral")


def test_headline_denial_is_a_denial_of_the_central_claim() -> None:
    document = claimledger.analyze(
        "The ministry spoke on Monday.", title="Minister denies purge is happening in Kestrel"
    )
    (headline,) = [s for s in document.statements if s.in_headline]
    central = next(c for c in document.claims if c.central)
    result = stance(headline, central)
    assert (result.claim, result.label, result.score) == (central.id, "deny", 1.0)


def test_headline_rejecting_named_reports_denies_what_the_reports_say() -> None:
    document = claimledger.analyze(
        "Two days earlier, Lindmark called for an inquiry into reports that security forces had detained "
        "and beaten demonstrators in Orvik.",
        title="Varnian diplomats reject rights reports",
    )
    (headline,) = [s for s in document.statements if s.in_headline]
    central = next(c for c in document.claims if c.central)
    assert central.normalized == "Security forces had detained and beaten demonstrators in Orvik."
    assert (headline.content.text, stance(headline, central).label) == ("rights reports", "deny")


def test_coverage_and_negation() -> None:
    assert claim_coverage("police abused dozens of protesters", "Police abused protesters.") == 1.0
    assert claim_coverage("the river is safe", "Police abused protesters.") == 0.0
    assert negates("there was no purge", "A purge is happening.")
    assert not negates("there was no purge", "No purge took place.")
