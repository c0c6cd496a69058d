"""Near-duplicate wire copy: MinHash LSH over word shingles of each document's body.

The pipeline links identical texts; an outlet that republishes a wire story usually changes the
headline, a word or two, or trims the last paragraph, so identical-text matching misses it. Two
documents are copies when the Jaccard similarity of their bodies' word 3-shingles reaches
:data:`WIRE_THRESHOLD`: a rewritten headline leaves the body untouched, a trimmed last paragraph of
five keeps about 0.8, and a different article on the same event shares only a few stock phrases
(below 0.1; ``tests/linking/test_wirecopy.py`` measures each case). LSH finds the candidates in
sub-quadratic time; each is confirmed with the exact Jaccard of the shingle sets.
"""

from __future__ import annotations

from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from claimledger.linking.clusters import Groups, group_members
from claimledger.linking.ids import document_order
from claimledger.model import Document
from claimledger.stance.text import tokens

WIRE_THRESHOLD = 0.5
SHINGLE_WORDS = 3
NUM_PERM = 128


def body_of(document: Document) -> str:
    """The document's text without its title (a headline is what republishers rewrite)."""
    if document.title_span is None:
        return document.text
    start, end = document.title_span
    return document.text[:start] + document.text[end:]


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The text's overlapping runs of ``size`` words; a shorter text is one shingle of all its words."""
    words = tokens(text)
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets: nothing is no evidence of copying)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def find_wire_copies(documents: Sequence[Document], threshold: float = WIRE_THRESHOLD) -> dict[str, str]:
    """``copy id -> original id`` for every document whose body is a near-duplicate of an earlier one.

    The original of a group of copies is its earliest member (published date, then id).
    """
    ordered = sorted(documents, key=document_order)
    sets = [shingles(body_of(document)) for document in ordered]
    groups = Groups(len(ordered))
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    for index, shingle_set in enumerate(sets):
        if not shingle_set:
            continue
        signature = _minhash(shingle_set)
        for other in lsh.query(signature):
            if jaccard(shingle_set, sets[other]) >= threshold:
                groups.union(other, index)
        lsh.insert(index, signature)
    copies = {}
    for members in group_members(groups.labels()):
        original = ordered[min(members)].id  # ``ordered`` is chronological, so the smallest index is the earliest
        copies.update({ordered[m].id: original for m in members if ordered[m].id != original})
    return copies


def mark_near_duplicates(documents: Sequence[Document], threshold: float = WIRE_THRESHOLD) -> dict[str, str]:
    """Set ``duplicate_of`` on every near-duplicate (and clear it on originals); returns the copies map."""
    copies = find_wire_copies(documents, threshold)
    for document in documents:
        document.duplicate_of = copies.get(document.id)
    return copies


def _minhash(shingle_set: set[str]) -> MinHash:
    signature = MinHash(num_perm=NUM_PERM)
    signature.update_batch([shingle.encode("utf-8") for shingle in shingle_set])
    return signature
