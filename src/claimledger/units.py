"""The quantity lexicon's rows, and units as a reader writes them after a figure.

Kept apart from :mod:`claimledger.quantities` (which reads figures off the spaCy parse) so that the
ledger's output can name units without loading spaCy.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def lexicon_rows() -> dict[str, dict[str, str]]:
    """``claimledger/data/quantity_lexicon.tsv`` as kind -> term -> value ("" when none), read once."""
    table = resources.files("claimledger.data").joinpath("quantity_lexicon.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in table.splitlines() if not line.startswith("#")), delimiter="\t")
    kinds: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        kinds[row["kind"]][row["term"]] = row["value"] or ""
    return dict(kinds)  # a plain dict: a missing kind is an error, not a new empty entry


def unit_label(unit: str, value: float) -> str:
    """A unit as a reader writes it after a figure: a time span other than one in the plural, as the
    lexicon spells it ("ten years", "one year"); a counted noun, which quantities keep in the plural,
    in the singular for one ("one person", "one company"); other units as they are ("40 km")."""
    if value != 1:
        return _unit_plurals().get(unit, unit)
    if unit in _canonical_units():
        return unit
    return _singular(unit)


def figure_phrase(text: str, unit: str | None, value: float) -> str:
    """A figure as written followed by what it counts: "more than 100 people", "one person", "dozens of
    people"; a unit the figure writes already is not repeated ("$5 million", "40%")."""
    if not unit or unit.isupper() or not text[-1:].isalnum():
        return text
    joiner = " of " if text.rsplit(maxsplit=1)[-1].lower() in _vague_words() else " "
    return f"{text}{joiner}{unit_label(unit, value)}"


@lru_cache(maxsize=1)
def _vague_words() -> frozenset[str]:
    """The lexicon's plurals that count "of" a noun ("dozens", "scores", "thousands")."""
    return frozenset(lexicon_rows()["vague"]) | frozenset(lexicon_rows()["vague_of"])


@lru_cache(maxsize=1)
def _canonical_units() -> frozenset[str]:
    """The unit names the lexicon gives ("year", "km", "percent", "USD"), as opposed to counted nouns."""
    return frozenset(lexicon_rows()["unit"].values())


@lru_cache(maxsize=1)
def _irregular_singulars() -> dict[str, str]:
    """The lexicon's irregular plurals, read backwards: "people" -> "person"."""
    return {plural: single for single, plural in lexicon_rows()["plural"].items()}


def _singular(noun: str) -> str:
    """A plural counted noun in the singular: irregular ones from the lexicon ("people" -> "person"),
    then the regular endings ("companies", "churches", "points"). English plurals want a word list no
    small library keeps; these cover the nouns :func:`claimledger.quantities` pluralises."""
    irregular = _irregular_singulars()
    if noun in irregular:
        return irregular[noun]
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "xes", "zes", "sses")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun


@lru_cache(maxsize=1)
def _unit_plurals() -> dict[str, str]:
    """Unit word -> its plural, for the units the lexicon names by a word ("year" -> "years"), not
    by a symbol for longer words ("km" for "kilometres", which would not read as "kms")."""
    spellings: dict[str, set[str]] = defaultdict(set)
    for term, name in lexicon_rows()["unit"].items():
        spellings[name].add(term)
    plurals = {}
    for name, terms in spellings.items():
        plural = next((t for t in (name + "s", name + "es", name[:-1] + "ies") if t in terms), None)
        if plural is not None and all(len(term) <= len(name) for term in terms - {plural}):
            plurals[name] = plural
    return plurals
