"""The central claim: what an attributing headline attributes, else the headline, else the lede."""

from __future__ import annotations

import pytest

from claimledger.attribution import extract_statements
from claimledger.claims.central import build_claims, normalize_claim
from claimledger.model import Quantity


def central(nlp, text: str, title: bool = True) -> tuple[str, str]:
    title_span = (0, text.index("\n")) if title else None
    doc = nlp(text)
    statements, _ = extract_statements(doc, title_span)
    claims = build_claims(doc, statements, [], [0.0] * len(list(doc.sents)), title_span)
    (claim,) = [c for c in claims if c.central]
    assert text[claim.start : claim.end] == claim.text
    return claim.text, claim.normalized


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Minister somehow denies purge is happening\n\nThe minister spoke on Monday.",
            ("purge is happening", "Purge is happening."),
            id="denies-Y",
        ),
        pytest.param(
            "Interior minister denies reports of abuse in Kestrel province\n\nHe spoke on Monday.",
            ("reports of abuse in Kestrel province", "There was abuse in Kestrel province."),
            id="denies-reports-of-Y",
        ),
        pytest.param(
            "Ministry denies that police beat protesters\n\nThe ministry spoke on Monday.",
            ("that police beat protesters", "Police beat protesters."),
            id="denies-that-Y",
        ),
        pytest.param(
            "Diplomats reject rights reports\n\nThe foreign minister on Monday rejected reports by two rights groups "
            "that security forces had beaten protesters.",
            ("reports by two rights groups that security forces had beaten protesters",
             "Security forces had beaten protesters."),
            id="headline-names-a-report-the-body-states-it",
        ),
        pytest.param(
            "Diplomats reject rights reports\n\nThe foreign minister rejected mounting criticism on Monday. "
            "Two days earlier, Lindmark called for an inquiry into reports that security forces had detained "
            "and beaten demonstrators in the provincial capital, Orvik.",
            ("security forces had detained and beaten demonstrators in the provincial capital, Orvik",
             "Security forces had detained and beaten demonstrators in the provincial capital, Orvik."),
            id="headline-names-reports-the-body-says-what-they-say",
        ),
        pytest.param(
            "Chemical giant slams river report\n\nThe company said the river was clean.",
            ("Chemical giant slams river report", "Chemical giant slams river report."),  # "River report." says nothing
            id="headline-names-a-report-the-body-does-not-state",
        ),
        pytest.param(
            "More than 2,000 dead fish found on Ressa River below chemical plant\n\nVolunteers collected them.",
            ("More than 2,000 dead fish found on Ressa River below chemical plant",
             "More than 2,000 dead fish found on Ressa River below chemical plant."),
            id="headline-proposition",
        ),
        pytest.param(
            "Kestrel governor tells foreign critics to 'find proof'\n\nThe governor was in Orvik on Saturday.",
            ("Kestrel governor tells foreign critics to 'find proof'",
             "Kestrel governor tells foreign critics to 'find proof'."),
            id="headline-reports-a-directive",
        ),
    ],
)
def test_central_claim(nlp, text: str, expected: tuple[str, str]) -> None:
    assert central(nlp, text) == expected


def test_lede_when_there_is_no_headline(nlp) -> None:
    text = "Police detained 40 people on Monday. Lawyers said they were beaten."
    assert central(nlp, text, title=False) == ("Police detained 40 people on Monday.", "Police detained 40 people on Monday.")


def test_checkworthy_sentences_and_quantities(nlp) -> None:
    text = "Fish die in river\n\nInspectors counted 2,140 dead fish. It was a grey day. Thank you."
    doc = nlp(text)
    quantity = Quantity("q1", "2,140", text.index("2,140"), text.index("2,140") + 5, 2140, "exact", "fish", "count")
    scores = [0.2, 0.9, 0.1, 0.0]
    claims = build_claims(doc, [], [quantity], scores, (0, 17))
    assert [(c.id, c.text, c.central, c.checkworthy, c.quantities) for c in claims] == [
        ("c1", "Fish die in river", True, 0.2, []),
        ("c2", "Inspectors counted 2,140 dead fish.", False, 0.9, ["q1"]),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("that a purge of gay men is happening in Chechnya", "A purge of gay men is happening in Chechnya."),
        ("all reports that police beat protesters", "Police beat protesters."),
        ("“We found nothing,”", "We found nothing."),
        ("Kestrel governor tells foreign critics to 'find proof'", "Kestrel governor tells foreign critics to 'find proof'."),
        ("the allegations “fabricated”", "The allegations “fabricated”."),
        ("allegations of torture", "There was torture."),
        ("the government is “treating its own citizens as enemies.”", "The government is “treating its own citizens as enemies.”"),
        ("We lost our jobs!”", "We lost our jobs!”"),
        ("", ""),
    ],
)
def test_normalize_claim(text: str, expected: str) -> None:
    assert normalize_claim(text) == expected


@pytest.mark.parametrize(
    "sentence, normalized",
    [
        # The claim of a sentence that reports a proposition is the proposition; its speaker is a voice on it.
        ("Leena Haldane said the group had interviewed 37 people in Orvik.", "The group had interviewed 37 people in Orvik."),
        ("According to the ministry, 40 people were arrested in Orvik.", "40 people were arrested in Orvik."),
        # A denial's content is the opposite of the claim its sentence makes.
        ("Ilya Varga denied that any protesters had been mistreated in Orvik.",
         "Ilya Varga denied that any protesters had been mistreated in Orvik."),
        # A pronoun that can only be the speaker is the speaker's name; one with no named referent, or not
        # of the speaker's kind, would lose who is meant; a second reported clause would read "… and that …".
        ("The rights group Frontier Legal Aid said on Monday it had evacuated 38 people from Orvik.",
         "On Monday Frontier Legal Aid had evacuated 38 people from Orvik."),
        ("The rights group Frontier Legal Aid said its lawyers had been refused access nine times.",
         "Frontier Legal Aid's lawyers had been refused access nine times."),
        ("The National Environment Agency said it had sent inspectors to the site and taken water samples.",
         "The National Environment Agency had sent inspectors to the site and taken water samples."),
        ("Tomasz Brenner said he had seen white foam on the river.", "Tomasz Brenner had seen white foam on the river."),
        ("The rights group Frontier Legal Aid said he had been beaten in custody.",
         "The rights group Frontier Legal Aid said he had been beaten in custody."),
        ("The organisation said it had evacuated 38 people from Orvik.",
         "The organisation said it had evacuated 38 people from Orvik."),
        ("He said 40 people had been arrested and that 29 of them had been released.",
         "He said 40 people had been arrested and that 29 of them had been released."),
        # A direct quote's first person needs its speaker.
        ("“We have the letters and the delivery receipts,” Haldane said.",
         "“We have the letters and the delivery receipts,” Haldane said."),
    ],
)
def test_a_reported_proposition_is_the_claim_of_its_sentence(nlp, sentence: str, normalized: str) -> None:
    text = f"Protests in Orvik\n\n{sentence}"
    doc = nlp(text)
    statements, entities = extract_statements(doc, (0, 17))
    claims = build_claims(doc, statements, [], [0.0, 0.9], (0, 17), entities=entities)
    assert [(c.text, c.normalized) for c in claims if not c.central] == [(sentence, normalized)]
