"""Quote pairing: curly and straight marks, interrupted quotes, quotes over paragraphs, stray marks."""

from __future__ import annotations

import pytest

from claimledger.attribution.quotes import find_quotes


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
        ("No quotes at all.", []),
        ("", []),
    ],
)
def test_find_quotes(text: str, expected: list[list[str]]) -> None:
    assert texts(text) == expected
