"""Claims across invented outlets: paraphrases join; a negation or a changed figure does not."""

from __future__ import annotations

import pytest

import claimledger
from claimledger.linking.claims import claim_families, comparable, link_claims
from claimledger.model import Quantity


def headline(doc_id: str, title: str, published: str) -> claimledger.model.Document:
    """An invented headline-only document (``text`` is the headline, as ``predict clusters`` reads it)."""
    return claimledger.analyze(title, title=title, id=doc_id, outlet=f"Outlet {doc_id}", published=published)


def central_cluster(clusters, doc_id: str):
    return next(c for c in clusters if any(m.document == doc_id and m.central for m in c.members))


def test_paraphrases_cluster_and_other_events_do_not() -> None:
    docs = [
        headline("a", "Police detained protesters in Orvik after the march", "2026-04-02"),
        headline("b", "Orvik police detain protesters after march", "2026-04-03"),
        headline("c", "Dead fish found on the Ressa River below chemical plant", "2026-04-03"),
    ]
    clusters = link_claims(docs)
    assert central_cluster(clusters, "a") is central_cluster(clusters, "b")
    assert central_cluster(clusters, "c") is not central_cluster(clusters, "a")


def test_a_negation_is_another_claim_of_the_same_family() -> None:
    docs = [
        headline("a", "Police detained protesters in Orvik after the march", "2026-04-02"),
        headline("b", "Police did not detain protesters in Orvik after the march", "2026-04-03"),
    ]
    clusters = link_claims(docs)
    first, second = central_cluster(clusters, "a"), central_cluster(clusters, "b")
    assert first is not second
    assert first.contradicts == [second.id] and second.contradicts == [first.id]
    assert claim_families(clusters)[second.id] == first.id


def test_a_changed_figure_is_another_claim_with_the_conflict_kept() -> None:
    docs = [
        headline("a", "More than 100 people detained in Orvik after protests", "2026-04-02"),
        headline("b", "About 60 people detained in Orvik after protests", "2026-04-03"),
        headline("c", "More than 100 people were detained in Orvik after the protests", "2026-04-04"),
    ]
    clusters = link_claims(docs)
    first, second, third = (central_cluster(clusters, d) for d in "abc")
    assert first is third and first is not second
    assert first.conflicts == [second.id] and second.conflicts == [first.id]
    assert [m.document for m in first.members if m.central] == ["a", "c"]


def test_cluster_ids_come_from_the_earliest_member() -> None:
    docs = [headline("late", "Orvik police detain protesters after march", "2026-04-05"),
            headline("early", "Police detained protesters in Orvik after the march", "2026-04-02")]
    cluster = central_cluster(link_claims(docs), "late")
    assert cluster.members[0].document == "early"
    assert cluster.id == claimledger.linking.ids.stable_id("k", cluster.members[0].key)


def test_claims_of_different_stories_are_never_one_claim() -> None:
    docs = [
        headline("a", "Police detained protesters in Orvik after the march", "2026-04-02"),
        headline("b", "Orvik police detain protesters after march", "2026-04-03"),
    ]
    clusters = link_claims(docs, story_of={"a": "st1", "b": "st2"})
    assert central_cluster(clusters, "a") is not central_cluster(clusters, "b")


def figure(text: str, value: float, bound: str, unit: str, event: str | None) -> Quantity:
    return Quantity("q1", text, 0, len(text), value, bound, unit, event)


@pytest.mark.parametrize(
    "first, second, expected",
    [
        pytest.param(("find dead", "fish"), ("count", "fish"), True, id="counting-names-no-event"),
        pytest.param(("find dead", "fish"), ("death", "fish"), True, id="ways-of-dying-are-one-event"),
        pytest.param(("detain", "people"), ("arrest", "people"), False, id="other-events"),
        pytest.param(("detain", "people"), (None, "people"), True, id="no-event"),
        pytest.param(("detain", "people"), ("detain", "fish"), False, id="other-units"),
    ],
)
def test_comparable_figures(first: tuple, second: tuple, expected: bool) -> None:
    a = figure("more than 2,000", 2000, "lower", first[1], first[0])
    b = figure("roughly 1,800", 1800, "approx", second[1], second[0])
    assert comparable(a, b) is expected


@pytest.mark.parametrize(
    "first, second",
    [
        ("Velora Chemicals chief executive resigns", "Velora boss quits after river spill"),
        ("Orvik police beat demonstrators", "Orvik protesters say officers assaulted them"),
        ("Orvik steelworks to shut", "Orvik's biggest employer will close its mill"),
    ],
)
def test_paraphrases_in_other_words_join_only_by_meaning(first: str, second: str) -> None:
    pytest.importorskip("torch", reason="the sentence encoder needs requirements-accurate.txt")
    from claimledger.stance.similarity import shipped_encoder

    docs = [headline("a", first, "2026-04-02"), headline("b", second, "2026-04-03")]
    by_words, by_meaning = link_claims(docs), link_claims(docs, encoder=shipped_encoder())
    assert central_cluster(by_words, "a") is not central_cluster(by_words, "b")
    assert central_cluster(by_meaning, "a") is central_cluster(by_meaning, "b")


def test_other_events_in_one_place_stay_apart_by_meaning() -> None:
    pytest.importorskip("torch", reason="the sentence encoder needs requirements-accurate.txt")
    from claimledger.stance.similarity import shipped_encoder

    docs = [headline("a", "Orvik police beat demonstrators", "2026-04-02"),
            headline("b", "Orvik steelworks to close next month", "2026-04-03")]
    clusters = link_claims(docs, encoder=shipped_encoder())
    assert central_cluster(clusters, "a") is not central_cluster(clusters, "b")
