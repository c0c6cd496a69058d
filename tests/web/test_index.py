"""The ledger index: summaries and lookups from the stored stories, rebuilt when the store changes."""

from __future__ import annotations

from claimledger.store import StoreCounts
from claimledger.web.index import LedgerCache, LedgerIndex


def story(story_id: str, documents: list[str], claims: list[str]) -> dict:
    """A minimal invented ledger story object."""
    return {"id": story_id, "title": story_id, "first_seen": None, "last_seen": None,
            "documents": [{"id": d, "outlet": None, "duplicate_of": None} for d in documents],
            "claims": [{"id": k, "text": k, "central": i == 0, "independent_sources": 1, "supporters": [],
                        "deniers": [], "neutral": []} for i, k in enumerate(claims)]}


class FakeStore:
    """Just the reads the cache makes, counting how often the stories are read."""

    def __init__(self, stories: list[dict]) -> None:
        self.stories_list = stories
        self.documents = 1
        self.reads = 0

    def counts(self) -> StoreCounts:
        return StoreCounts(documents=self.documents, wire_copies=0, statements=0, stories=len(self.stories_list))

    def stories(self) -> list[dict]:
        self.reads += 1
        return list(self.stories_list)

    def story(self, story_id: str) -> dict | None:
        return next((s for s in self.stories_list if s["id"] == story_id), None)


def test_the_index_maps_claims_and_documents_to_the_first_story_holding_them() -> None:
    index = LedgerIndex.of([story("st1", ["a", "b"], ["k1", "k2"]), story("st2", ["c"], ["k2", "k3"])])
    assert [s["id"] for s in index.stories] == ["st1", "st2"]
    assert [(c["story"], c["id"]) for c in index.claims] == [("st1", "k1"), ("st1", "k2"), ("st2", "k2"), ("st2", "k3")]
    assert index.story_of_claim == {"k1": "st1", "k2": "st1", "k3": "st2"}
    assert index.story_of_document == {"a": "st1", "b": "st1", "c": "st2"}


def test_the_index_is_reused_until_the_counts_change() -> None:
    store = FakeStore([story("st1", ["a"], ["k1"])])
    cache = LedgerCache(store)
    cache.index(), cache.index()
    assert store.reads == 1
    store.documents = 2
    cache.index()
    assert store.reads == 2


def test_a_relink_elsewhere_is_seen_by_lookups_at_once() -> None:
    store = FakeStore([story("st1", ["a"], ["k1"])])
    cache = LedgerCache(store)
    cache.index()
    cache._built_at -= 5  # an index a few seconds old
    store.stories_list = [story("st1", ["a", "b"], ["k1", "k9"])]  # relinked, same counts
    found_story, claim = cache.story_of_claim("k9")
    assert (found_story["id"], claim["id"]) == ("st1", "k9")
    assert cache.story_of_document("b")["id"] == "st1"


def test_unknown_ids_do_not_rebuild_a_fresh_index() -> None:
    store = FakeStore([story("st1", ["a"], ["k1"])])
    cache = LedgerCache(store)
    assert cache.story_of_claim("nope") is None and cache.story_of_document("nope") is None
    assert store.reads == 1
