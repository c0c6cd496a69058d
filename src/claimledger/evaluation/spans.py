"""Span scoring: edge stripping, exact and one-to-one overlap matching, and P/R/F1 in percent."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

SpanOffsets = tuple[int, int]


def is_edge_char(char: str) -> bool:
    """Whitespace or Unicode punctuation (category P*), which covers every straight and curly quote mark."""
    return char.isspace() or unicodedata.category(char).startswith("P")


def strip_whitespace(text: str, start: int, end: int) -> SpanOffsets:
    """``[start, end)`` without whitespace at either edge."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def strip_edges(text: str, start: int, end: int) -> SpanOffsets:
    """``[start, end)`` of ``text`` without whitespace, punctuation or quotation marks at either edge.

    Annotators and models disagree on whether a trailing comma or the quote marks belong to a span;
    stripping both sides alike keeps exact match about the words. A span made only of punctuation
    (the bare ``:`` cue) would vanish, so it keeps its punctuation and loses only whitespace.
    """
    stripped_start, stripped_end = start, end
    while stripped_start < stripped_end and is_edge_char(text[stripped_start]):
        stripped_start += 1
    while stripped_end > stripped_start and is_edge_char(text[stripped_end - 1]):
        stripped_end -= 1
    if stripped_start == stripped_end:
        return strip_whitespace(text, start, end)
    return stripped_start, stripped_end


def overlap_length(first: SpanOffsets, second: SpanOffsets) -> int:
    """How many characters two spans share."""
    return max(0, min(first[1], second[1]) - max(first[0], second[0]))


def count_overlap_matches(predicted: set[SpanOffsets], gold: set[SpanOffsets]) -> int:
    """The size of a one-to-one matching of overlapping spans, made greedily by largest overlap.

    One-to-one, so that two predictions inside one gold span (or one long prediction across two gold
    spans) are credited once.
    """
    pairs = sorted(
        (-overlap_length(p, g), p, g) for p in predicted for g in gold if overlap_length(p, g) > 0
    )
    used_predicted: set[SpanOffsets] = set()
    used_gold: set[SpanOffsets] = set()
    for _, p, g in pairs:
        if p not in used_predicted and g not in used_gold:
            used_predicted.add(p)
            used_gold.add(g)
    return len(used_gold)


@dataclass
class MatchCounts:
    """Span counts summed over documents, for micro-averaged scores."""

    predicted: int = 0
    gold: int = 0
    exact: int = 0
    overlap: int = 0

    def add(self, predicted: set[SpanOffsets], gold: set[SpanOffsets]) -> None:
        """Count one document's predicted and gold spans of one type."""
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.exact += len(predicted & gold)
        self.overlap += count_overlap_matches(predicted, gold)


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 in percent, rounded to one decimal."""

    precision: float
    recall: float
    f1: float


def percent_prf(matched: int, predicted: int, gold: int) -> PRF:
    """P/R/F1 of ``matched`` out of ``predicted`` and ``gold``; an empty side scores 0."""
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(round(100 * precision, 1), round(100 * recall, 1), round(100 * f1, 1))
