"""Span scoring: edge stripping, one-to-one overlap matching, P/R/F1."""

from __future__ import annotations

import pytest

from claimledger.evaluation.spans import MatchCounts, count_overlap_matches, percent_prf, strip_edges


def stripped_text(text: str) -> str:
    start, end = strip_edges(text, 0, len(text))
    return text[start:end]


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("“The bridge will reopen,” ", "The bridge will reopen"),
        ("\"We are ready.\"", "We are ready"),
        ("‘scare quotes’", "scare quotes"),
        ("'single straight'", "single straight"),
        ("''doubled apostrophes,''", "doubled apostrophes"),
        (" that costs rose -- ", "that costs rose"),
        ("the mayor's office", "the mayor's office"),
        ("(R-Utah)", "R-Utah"),
        ("$5 million", "$5 million"),
    ],
)
def test_strip_edges_removes_whitespace_punctuation_and_quotes_at_edges(span: str, expected: str) -> None:
    assert stripped_text(span) == expected


def test_strip_edges_recomputes_offsets_in_the_article_text() -> None:
    text = "He said: “Rates will fall.” Then he left."
    start, end = strip_edges(text, 9, 27)
    assert (start, end, text[start:end]) == (10, 25, "Rates will fall")


def test_a_punctuation_only_span_keeps_its_punctuation() -> None:
    text = "Officials : the plan failed"
    assert strip_edges(text, 9, 12) == (10, 11)


def test_overlap_matching_is_one_to_one() -> None:
    gold = {(0, 20)}
    assert count_overlap_matches({(0, 5), (10, 15)}, gold) == 1
    assert count_overlap_matches({(0, 30)}, {(0, 10), (12, 30)}) == 1


def test_overlap_matching_prefers_the_largest_overlap() -> None:
    # Greedy by overlap pairs (0,10)-(2,10) and (8,30)-(12,30), so both gold spans are credited.
    predicted = {(0, 10), (8, 30)}
    gold = {(2, 10), (12, 30)}
    assert count_overlap_matches(predicted, gold) == 2


def test_touching_spans_do_not_overlap() -> None:
    assert count_overlap_matches({(0, 5)}, {(5, 9)}) == 0


def test_match_counts_sum_documents() -> None:
    counts = MatchCounts()
    counts.add({(0, 4), (10, 20)}, {(0, 4), (12, 20), (30, 35)})
    counts.add(set(), {(1, 2)})
    assert counts == MatchCounts(predicted=2, gold=4, exact=1, overlap=2)


def test_percent_prf_rounds_to_one_decimal_and_scores_empty_sides_zero() -> None:
    prf = percent_prf(matched=1, predicted=3, gold=2)
    assert (prf.precision, prf.recall, prf.f1) == (33.3, 50.0, 40.0)
    assert percent_prf(0, 0, 5).f1 == 0.0
    assert percent_prf(0, 4, 0).precision == 0.0
