"""Units as the ledger writes them after a figure."""

import pytest

from claimledger.units import figure_phrase, lexicon_rows, unit_label


@pytest.mark.parametrize(
    ("unit", "value", "label"),
    [
        ("year", 10, "years"),  # "ten years", not "ten year"
        ("year", 1, "year"),
        ("day", 1.5, "days"),
        ("century", 2, "centuries"),
        ("acre", 300, "acres"),
        ("km", 40, "km"),  # a symbol stays a symbol ("kms" is no way to write it)
        ("lb", 5, "lb"),
        ("percent", 12, "percent"),
        ("people", 400, "people"),  # counted nouns are stored as written
        # ... and in the plural for a count of one, so they are written in the singular for one
        ("people", 1, "person"),
        ("protesters", 1, "protester"),
        ("companies", 1, "company"),
        ("churches", 1, "church"),
        ("cases", 1, "case"),
        ("km", 1, "km"),
        ("percent", 1, "percent"),
    ],
)
def test_unit_label(unit: str, value: float, label: str) -> None:
    assert unit_label(unit, value) == label


def test_lexicon_rows_map_terms_to_canonical_units() -> None:
    units = lexicon_rows()["unit"]
    assert (units["years"], units["year"], units["kilometres"]) == ("year", "year", "km")


@pytest.mark.parametrize(
    "text, unit, value, phrase",
    [
        ("more than 100", "people", 100, "more than 100 people"),
        ("One", "people", 1, "One person"),
        # A vague plural counts "of" its noun.
        ("Dozens", "people", 24, "Dozens of people"),
        ("tens of thousands", "people", 20000, "tens of thousands of people"),
        ("scores", "people", 40, "scores of people"),
        # A unit the figure writes already is not said twice.
        ("40%", "percent", 40, "40%"),
        ("$5 million", "USD", 5_000_000, "$5 million"),
        ("12", "percent", 12, "12 percent"),
        ("3", "km", 3, "3 km"),
        ("ten", None, 10, "ten"),
    ],
)
def test_figure_phrase(text: str, unit: str | None, value: float, phrase: str) -> None:
    assert figure_phrase(text, unit, value) == phrase
