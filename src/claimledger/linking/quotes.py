"""Quote variants: the same quote worded differently by different outlets (possible misquotes).

Two direct quotes are variants when the same corpus speaker said them, they come from documents with
different originals (a wire copy repeats its original verbatim, which is no variant), their words
overlap by at least :data:`VARIANT_OVERLAP` (Jaccard of word sets) and their wording differs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimledger.linking.clusters import Groups, group_members
from claimledger.stance.text import tokens

VARIANT_OVERLAP = 0.6


@dataclass(frozen=True)
class Quote:
    """A direct quote as one document carried it: its speaker (corpus id), text and original document."""

    speaker: str
    text: str
    document: str
    original: str


def quote_variants(quotes: Sequence[Quote]) -> list[dict]:
    """Groups of variant quotes as ``{"texts": [...], "documents": [...]}`` (each text and document once)."""
    words = [frozenset(tokens(quote.text)) for quote in quotes]
    groups = Groups(len(quotes))
    for i in range(len(quotes)):  # quadratic, but only over the quotes of one claim
        for j in range(i + 1, len(quotes)):
            if _variants(quotes[i], quotes[j], words[i], words[j]):
                groups.union(i, j)
    entries = []
    for members in group_members(groups.labels()):
        texts = list(dict.fromkeys(quotes[m].text for m in members))
        if len(texts) > 1:
            entries.append({"texts": texts, "documents": list(dict.fromkeys(quotes[m].document for m in members))})
    return entries


def _variants(a: Quote, b: Quote, a_words: frozenset[str], b_words: frozenset[str]) -> bool:
    if a.speaker != b.speaker or a.original == b.original or tokens(a.text) == tokens(b.text):
        return False
    union = a_words | b_words
    return bool(union) and len(a_words & b_words) / len(union) >= VARIANT_OVERLAP
