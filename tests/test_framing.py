"""Framing markers: loaded headlines get them, neutral headlines and neutral copy get none."""

from __future__ import annotations

import pytest

from claimledger.attribution import extract_statements
from claimledger.framing import find_framing_markers


def markers(nlp, text: str) -> list[tuple[str, str, str]]:
    title_span = (0, text.index("\n")) if "\n" in text else None
    doc = nlp(text)
    statements, _ = extract_statements(doc, title_span)
    found = find_framing_markers(doc, statements, title_span)
    for marker in found:
        assert text[marker.start : marker.end] == marker.text
    return [(m.text, m.where, m.type) for m in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Minister somehow denies abuses despite mountain of evidence\n\nThe minister said there was no evidence.",
            [("somehow", "headline", "editorializing"), ("despite mountain of evidence", "headline", "editorializing")],
            id="somehow-despite-evidence",
        ),
        pytest.param(
            # The "Chemical giant" is Velora Chemicals, who only "said" so in the body.
            "Chemical giant predictably slams river report\n\nVelora Chemicals said the report was wrong.",
            [("predictably", "headline", "editorializing"),
             ("predictably slams", "headline", "headline_stronger_than_body"), ("slams", "headline", "loaded_verb")],
            id="predictably-slams",
        ),
        pytest.param(
            "Halvorsen admits that officers beat protesters\n\nHalvorsen said that some officers used force.",
            [("admits", "headline", "headline_stronger_than_body"), ("admits", "headline", "loaded_verb")],
            id="headline-admits-body-said",
        ),
        pytest.param(
            "Halvorsen admits that officers beat protesters\n\nHalvorsen conceded that some officers used force.",
            [("admits", "headline", "loaded_verb"), ("conceded", "body", "loaded_verb")],
            id="headline-admits-body-conceded-is-fair",
        ),
        pytest.param(
            "Rights group blasts ministry over detentions\n\nThe fire destroyed four homes on Tuesday.",
            [("blasts", "headline", "loaded_verb")],
            id="loaded-verb-in-headline-not-for-fire",
        ),
        pytest.param(
            "Inquiry stalls\n\nThe so-called “investigation” has not met once.",
            [("so-called", "body", "editorializing"), ("“investigation”", "body", "scare_quote")],
            id="scare-quote",
        ),
        pytest.param(
            "Minister rejects report\n\nHe called the allegations “fabricated”, she said.",
            [],
            id="quoted-word-inside-a-statement-is-not-a-scare-quote",
        ),
        pytest.param(
            "Prosecutors say company hid spill\n\nProsecutors claimed the company hid the spill.",
            [("claimed", "body", "loaded_verb")],
            id="doubting-cue",
        ),
    ],
)
def test_loaded_copy_is_marked(nlp, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert markers(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Interior minister denies reports of abuse in Kestrel province\n\nThe minister said there was no evidence.",
        "Minister says no proof of purge\n\nThe minister said there was no proof.",
        "More than 2,000 dead fish found on Ressa River below chemical plant\n\nThe agency said tests were under way.",
        "Velora Chemicals fined $250,000 over Ressa River fish kill\n\nThe agency confirmed the fine on Tuesday.",
        "Governor tells foreign critics to bring evidence to court\n\nThe governor said the police did their job.",
    ],
)
def test_neutral_headlines_get_no_markers(nlp, text: str) -> None:
    assert markers(nlp, text) == []
