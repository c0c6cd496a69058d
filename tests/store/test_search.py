"""Full-text search on both backends (FTS5 with bm25, tsvector with ts_rank): hits, ranking, snippets."""

from __future__ import annotations

import pytest

from claimledger.store import Store

from .invented import CORPUS, FERRY, HARBOUR, MERIDIAN, NORTHGATE, Said, invented

# Unrelated invented articles: with a term in few of the documents, bm25 gives it a weight.
OTHERS = [
    invented("Upland Gazette", f"Council votes on the {topic} budget",
             [Said(f"The mayor said that the {topic} budget would grow.", "The mayor", "said",
                   f"that the {topic} budget would grow")])
    for topic in ("school", "library", "transport", "housing")
]


@pytest.fixture
def searchable(store: Store) -> Store:
    store.add_documents(CORPUS + OTHERS)
    return store


def hits(store: Store, query: str, **page: int) -> list[tuple[str, str | None]]:
    return [(hit.document_id, hit.statement_id) for hit in store.search(query, **page)]


def test_a_title_match_ranks_above_a_body_match(searchable: Store) -> None:
    assert hits(searchable, "river") == [(HARBOUR.id, None), (FERRY.id, None)]


def test_pages(searchable: Store) -> None:
    assert hits(searchable, "river", limit=1) == [(HARBOUR.id, None)]
    assert hits(searchable, "river", limit=1, offset=1) == [(FERRY.id, None)]
    assert hits(searchable, "river", limit=5, offset=2) == []


def test_every_word_must_match_and_is_highlighted(searchable: Store) -> None:
    (hit,) = searchable.search("dead FISH")
    assert (hit.document_id, hit.statement_id, hit.title, hit.outlet) == (
        HARBOUR.id, None, "Dead fish found in the Lanra river", "The Harbour Courier"
    )
    assert hit.snippet.startswith("**Dead** **fish** found in the Lanra")


def test_statement_hits_name_the_statement(searchable: Store) -> None:
    found = searchable.search("proof")
    assert {(h.document_id, h.statement_id) for h in found} == {(MERIDIAN.id, None), (MERIDIAN.id, "s1")}
    statement_hit = next(h for h in found if h.statement_id)
    assert statement_hit.snippet == "to “find **proof**” of any detentions"
    assert [h.score > 0 for h in found] == [True, True]
    assert found[0].score >= found[1].score


def test_speakers_are_searchable(searchable: Store) -> None:
    assert set(hits(searchable, "Halvorsen")) == {
        (NORTHGATE.id, None), (NORTHGATE.id, "s1"), (MERIDIAN.id, None), (MERIDIAN.id, "s1")
    }


def test_words_are_stemmed(searchable: Store) -> None:
    # "deny" finds "denies" (a headline) and "denied" (a body), on both backends.
    assert set(hits(searchable, "deny")) == {(NORTHGATE.id, None), (HARBOUR.id, None)}


@pytest.mark.parametrize("query", ['detain"ed AND (', "   ", "—", "NEAR(river fish)*"])
def test_query_syntax_never_reaches_the_engine(searchable: Store, query: str) -> None:
    assert isinstance(searchable.search(query), list)


def test_an_empty_store_finds_nothing(store: Store) -> None:
    assert store.search("river") == []
