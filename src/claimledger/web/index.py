"""An in-memory index of the stored ledger: story and claim summaries, and which story holds a claim or a document.

Stories are stored whole (one ``claimledger.ledger/1`` story object per row), so listing them or
finding the story of a claim means reading and parsing every story — about 0.6 s for 1,000 articles.
The index does that once and is rebuilt when the store's counts change, after this app relinks, or
when it is older than :data:`MAX_AGE_S` (another process may relink without changing any count).
Lookups are checked against the story they lead to and rebuild a stale index once, so they are never
wrong; only lists may lag a relink made elsewhere, by at most :data:`MAX_AGE_S`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from claimledger.store import Store, StoreCounts
from claimledger.web import ledger

MAX_AGE_S = 30.0
MIN_AGE_S = 1.0  # a lookup that misses rebuilds an index older than this: unknown ids cannot force rebuilds


@dataclass(frozen=True)
class LedgerIndex:
    """Summaries of every story and claim, in ledger order, and the story of each claim and document."""

    stories: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    story_of_claim: dict[str, str]
    story_of_document: dict[str, str]

    @classmethod
    def of(cls, stories: list[Mapping[str, Any]]) -> LedgerIndex:
        """The index of ``stories`` (story objects)."""
        pairs = list(ledger.story_claims(stories))
        return cls(
            stories=[ledger.story_summary(story) for story in stories],
            claims=[ledger.claim_summary(story, claim) for story, claim in pairs],
            # Built from the end, so that a claim in two stories maps to the first, as in ledger.find_claim.
            story_of_claim={claim["id"]: story["id"] for story, claim in reversed(pairs)},
            story_of_document={d["id"]: story["id"] for story in reversed(stories) for d in story["documents"]},
        )


class LedgerCache:
    """The current :class:`LedgerIndex` of a store, shared by the app's request threads."""

    def __init__(self, store: Store, max_age: float = MAX_AGE_S) -> None:
        self.store = store
        self.max_age = max_age
        self._lock = threading.Lock()
        self._index: LedgerIndex | None = None
        self._built_at = 0.0
        self._counts: StoreCounts | None = None

    def index(self) -> LedgerIndex:
        """The index, rebuilt first when stale (see the module doc)."""
        counts = self.store.counts()
        with self._lock:
            fresh = time.monotonic() - self._built_at < self.max_age and counts == self._counts
            if self._index is None or not fresh:
                self._index, self._built_at, self._counts = LedgerIndex.of(self.store.stories()), time.monotonic(), counts
            return self._index

    def invalidate(self, older_than: float = 0.0) -> None:
        """Forget the index (the ledger was relinked), or only if it is older than ``older_than`` seconds."""
        with self._lock:
            if time.monotonic() - self._built_at >= older_than:
                self._index = None

    def story_holding(self, key: str, lookup: Callable[[LedgerIndex], dict[str, str]],
                      holds: Callable[[Mapping[str, Any]], bool]) -> dict[str, Any] | None:
        """The story the index names for ``key`` (in ``lookup(index)``), checked with ``holds``; a miss
        or a failed check rebuilds the index (unless it is brand new) and looks once more."""
        for attempt in range(2):
            story_id = lookup(self.index()).get(key)
            story = self.store.story(story_id) if story_id else None
            if story is not None and holds(story):
                return story
            if attempt == 0:
                self.invalidate(older_than=MIN_AGE_S)
        return None

    def story_of_claim(self, claim_id: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """The story holding a claim, with the claim; None when no story does."""
        story = self.story_holding(claim_id, lambda index: index.story_of_claim,
                                   lambda s: any(c["id"] == claim_id for c in s.get("claims") or []))
        return None if story is None else ledger.find_claim([story], claim_id)

    def story_of_document(self, document_id: str) -> dict[str, Any] | None:
        """The story holding a document; None before it is linked."""
        return self.story_holding(document_id, lambda index: index.story_of_document,
                                  lambda s: any(d["id"] == document_id for d in s["documents"]))
