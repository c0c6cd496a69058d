"""Wire datelines are cut from the start of a statement's content; other capitals are left alone."""

from __future__ import annotations

import pytest

import claimledger
from claimledger.attribution import without_dateline


@pytest.mark.parametrize(
    "text, kept",
    [
        ("TARNBY, Belmora, May 13 (Meridian Wire) – More than 2,000 dead fish", "More than 2,000 dead fish"),
        ("WASHINGTON ― Donald Trump’s obsession is an insult", "Donald Trump’s obsession is an insult"),
        ("NEW YORK (AP) — The mayor was wrong", "The mayor was wrong"),
        ("LONDON, Jan 5 (Reuters) - Shares fell", "Shares fell"),
        # Not datelines: shouted words, a chant, an acronym inside a sentence, a hyphenated subject.
        ("HE’S FULL OF YOU-KNOW-WHAT", "HE’S FULL OF YOU-KNOW-WHAT"),
        ("U-S-A! U-S-A", "U-S-A! U-S-A"),
        ("The UN — which said so — was late", "The UN — which said so — was late"),
        ("FBI agents - said to be", "FBI agents - said to be"),
    ],
)
def test_a_dateline_opening_a_paragraph_is_cut(text: str, kept: str) -> None:
    ((start, end),) = without_dateline(text, [(0, len(text))])
    assert text[start:end] == kept


def test_a_dateline_is_cut_only_at_a_paragraph_start_and_only_from_the_first_fragment() -> None:
    text = "He said: WASHINGTON ― it rained.\n\nOSLO ― It snowed, he said. “More.”"
    mid = text.index("WASHINGTON")
    assert without_dateline(text, [(mid, mid + 22)]) == [(mid, mid + 22)]
    oslo, more = text.index("OSLO"), text.index("“More")
    assert without_dateline(text, [(more, len(text)), (oslo, oslo + 17)]) == [
        (text.index("It snowed"), oslo + 17), (more, len(text)),
    ]


def test_a_wire_copy_statement_does_not_start_with_its_dateline() -> None:
    text = (
        "TARNBY, Belmora, May 13 (Meridian Wire) – More than 2,000 dead fish have been pulled from the "
        "Ressa River this week, environmental officials said on Tuesday."
    )
    (statement,) = claimledger.analyze(text, title=None).statements
    assert statement.content.text == "More than 2,000 dead fish have been pulled from the Ressa River this week"
    assert statement.speaker.text == "environmental officials"


def test_a_speaker_does_not_start_with_the_dateline() -> None:
    text = "WASHINGTON -- President Obama said the museum would tell of suffering and delight."
    (statement,) = claimledger.analyze(text, title=None).statements
    assert (statement.speaker.text, statement.speaker.name) == ("President Obama", "Obama")


def test_a_claim_does_not_start_with_the_dateline() -> None:
    text = (
        "Fish kill on the Ressa\n\n"
        "TARNBY, Belmora, May 13 (Meridian Wire) – More than 2,000 dead fish have been pulled from the "
        "Ressa River this week, environmental officials said on Tuesday."
    )
    claims = claimledger.analyze(text, title="Fish kill on the Ressa").claims
    assert [claim.text for claim in claims] == [
        "Fish kill on the Ressa",
        "More than 2,000 dead fish have been pulled from the Ressa River this week, environmental officials said on "
        "Tuesday.",
    ]
