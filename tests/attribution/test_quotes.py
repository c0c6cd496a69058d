"""Quote pairing: curly and straight marks, interrupted quotes, quotes over paragraphs, stray marks."""

from __future__ import annotations

import pytest

from claimledger.attribution.quotes import find_headline_quotes, find_quotes


def texts(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in quote.fragments] for quote in find_quotes(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“We found nothing,” she said.", [["“We found nothing,”"]]),
        ('He said: "Let them find proof." Then he left.', [['"Let them find proof."']]),
        (
            "“First part,” he said. “Second part.”",
            [["“First part,”"], ["“Second part.”"]],
        ),
        (
            "“Paragraph one.\n\n“Paragraph two.\n\n“Paragraph three,” the diplomat finished.",
            [["“Paragraph one.", "“Paragraph two.", "“Paragraph three,”"]],
        ),
        ('"One.\n\n"Two," he said.', [['"One.', '"Two,"']]),
        # An unclosed quote that the next paragraph does not continue is dropped, not paired across.
        ("“Never closed.\n\nPlain paragraph. “Closed.”", [["“Closed.”"]]),
        # A stray closing mark is ignored; nothing raises on odd counts.
        ("He said” nothing “here” at all.", [["“here”"]]),
        ("the so-called “investigation” was a farce", [["“investigation”"]]),
        # The New York Times quotes with two apostrophes; a possessive's one apostrophe is no mark.
        (
            "''I admire the mechanics'' of the plan, Mr. Reiter said. ''They're more detailed than Castell's.''",
            [["''I admire the mechanics''"], ["''They're more detailed than Castell's.''"]],
        ),
        ("''Paragraph one.\n\n''Paragraph two,'' the diplomat finished.", [["''Paragraph one.", "''Paragraph two,''"]]),
        ("No quotes at all.", []),
        ("", []),
    ],
)
def test_find_quotes(text: str, expected: list[list[str]]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "headline, expected",
    [
        ("Minister says 'purge is not happening'", ["'purge is not happening'"]),
        ("Governor tells critics to ‘find proof’, denies abuse", ["‘find proof’"]),
        ("'We will rebuild': mayor's pledge after the flood", ["'We will rebuild'"]),
        # Apostrophes pair with nothing: possessives, elisions, a decade.
        ("Obama's plan is 'dead on arrival,' Senate's leader says", ["'dead on arrival,'"]),
        ("Rock 'n' roll is back in the '90s style", []),
        ("Mayor's office denies report", []),
        ("Minister says 'no' to talks", ["'no'"]),
        ("An unclosed 'quote in a headline", []),
    ],
)
def test_find_headline_quotes(headline: str, expected: list[str]) -> None:
    assert [headline[s:e] for s, e in find_headline_quotes(headline)] == expected
