"""The ledger kept in the store: linking recomputed over every stored document.

``ingest``, ``reanalyze`` and the web API's upload call :func:`relink` at the end of each run (the
store's ``after_ingest`` hook), so that stories, claims and wire copies always cover the whole
store. Ids stay stable while their members do (:mod:`claimledger.linking.ids`).
"""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.linking.ledger import build_ledger
from claimledger.store import Store


@dataclass(frozen=True)
class RelinkSummary:
    """What one relinking wrote."""

    stories: int
    claims: int
    wire_copies_changed: int


def relink(store: Store) -> RelinkSummary:
    """Link every stored document anew; write the stories and the wire copies found, in one transaction."""
    documents = list(store.documents())
    before = {document.id: document.duplicate_of for document in documents}
    ledger = build_ledger(documents)  # sets duplicate_of on the near-duplicates it finds
    changed = [document for document in documents if document.duplicate_of != before[document.id]]
    store.replace_stories(ledger["stories"], changed)
    claims = sum(len(story["claims"]) for story in ledger["stories"])
    return RelinkSummary(len(ledger["stories"]), claims, len(changed))
