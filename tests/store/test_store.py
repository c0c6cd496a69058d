"""The store on both backends: round trip, idempotence, wire copies, speakers, re-analysis, stories."""

from __future__ import annotations

import dataclasses

import pytest

from claimledger.errors import StoreError
from claimledger.model import Analyzer, Document, Member, document_id
from claimledger.store import Store, StoreCounts, open_store, text_digest

from .invented import CORPUS, HARBOUR, MERIDIAN, MODELS, NORTHGATE, Said, invented


def copy_of(document: Document, outlet: str) -> Document:
    """The same text carried by another outlet: another document."""
    return dataclasses.replace(document, id=document_id(outlet, document.text), outlet=outlet)


def test_documents_come_back_equal(store: Store) -> None:
    store.add_documents(CORPUS)
    assert [d.to_dict() for d in store.documents()] == [d.to_dict() for d in CORPUS]
    assert store.document(HARBOUR.id).to_dict() == HARBOUR.to_dict()
    assert store.document("no-such-id") is None


def test_documents_by_id_are_streamed_in_store_order(store: Store) -> None:
    store.add_documents(CORPUS)
    assert [d.id for d in store.documents([MERIDIAN.id, NORTHGATE.id, "missing"])] == [NORTHGATE.id, MERIDIAN.id]
    assert list(store.documents([])) == []


def test_adding_twice_stores_once(store: Store) -> None:
    first = store.add_documents([NORTHGATE, HARBOUR])
    second = store.add_documents([HARBOUR, NORTHGATE, MERIDIAN])
    assert (first.added, first.already_stored) == ([NORTHGATE.id, HARBOUR.id], [])
    assert (second.added, second.already_stored) == ([MERIDIAN.id], [HARBOUR.id, NORTHGATE.id])
    assert store.counts() == StoreCounts(documents=3, wire_copies=0, statements=5, stories=0)
    assert store.has_document(NORTHGATE.id) and not store.has_document("no-such-id")


def test_same_text_from_another_outlet_is_a_wire_copy_of_the_earliest(store: Store) -> None:
    store.add_documents([NORTHGATE])
    courier, herald = copy_of(NORTHGATE, "The Harbour Courier"), copy_of(NORTHGATE, "Lanra Valley Herald")
    result = store.add_documents([courier, herald])
    assert result.wire_copies == [courier.id, herald.id]
    assert store.document(courier.id).duplicate_of == NORTHGATE.id
    assert store.document(herald.id).duplicate_of == NORTHGATE.id
    assert store.document(NORTHGATE.id).duplicate_of is None
    assert courier.duplicate_of is None  # the caller's object is left alone
    assert store.counts().wire_copies == 2


def test_a_failed_batch_stores_nothing(store: Store) -> None:
    broken = dataclasses.replace(MERIDIAN, analyzer=None)  # to_dict fails midway through the batch
    with pytest.raises(AttributeError):
        store.add_documents([NORTHGATE, broken])
    assert store.counts() == StoreCounts(documents=0, wire_copies=0, statements=0, stories=0)


def test_statements_by_speaker_across_outlets(store: Store) -> None:
    store.add_documents(CORPUS)
    found = store.statements_by_speaker("dariusz HALVORSEN")
    assert [(s.document_id, s.statement_id, s.outlet, s.act) for s in found] == [
        (NORTHGATE.id, "s1", "Northgate Daily", "assert"),
        (MERIDIAN.id, "s1", "Meridian Wire", "challenge"),
    ]
    assert found[1].content == "to “find proof” of any detentions"
    assert store.statements_by_speaker("Nobody") == []


def test_a_statement_made_together_is_each_speakers(store: Store) -> None:
    joint = invented("Eastbrook Observer", "Rights groups count detentions", [
        Said("Civic Rights Monitor and Amnesty International said 40 people were held.",
             "Civic Rights Monitor and Amnesty International", "said", "40 people were held"),
    ], published="2026-03-05")
    statement = joint.statements[0]
    members = (Member("Civic Rights Monitor", "e1"), Member("Amnesty International", "e2"))
    joint.statements = [dataclasses.replace(statement, speaker=dataclasses.replace(statement.speaker, members=members))]
    store.add_documents([NORTHGATE, joint])
    by_monitor = store.statements_by_speaker("civic rights monitor")
    assert [(s.document_id, s.speaker) for s in by_monitor] == [
        (NORTHGATE.id, "Civic Rights Monitor"),
        (joint.id, "Civic Rights Monitor and Amnesty International"),
    ]
    assert [s.document_id for s in store.statements_by_speaker("Amnesty International")] == [joint.id]
    assert store.document(joint.id).statements[0].speaker.members == members
    store.replace_document(dataclasses.replace(joint, statements=[statement]))  # re-analysed: one speaker now
    assert store.statements_by_speaker("Amnesty International") == []


def test_outdated_documents_are_those_with_other_models(store: Store) -> None:
    old = invented("Old Times", "An old story", [], models={**MODELS, "attribution": "rules-0"})
    store.add_documents([NORTHGATE, old, HARBOUR])
    assert store.outdated_documents(MODELS) == [old.id]
    assert store.outdated_documents({**MODELS, "parser": "en_core_web_sm-3.9.0"}) == [NORTHGATE.id, old.id, HARBOUR.id]


def test_replace_document_rewrites_statements_and_search(store: Store) -> None:
    store.add_documents([HARBOUR])
    newer = dataclasses.replace(HARBOUR, statements=HARBOUR.statements[:1], analyzer=Analyzer("0.2.0", {"a": "2"}))
    store.replace_document(newer)
    assert store.document(HARBOUR.id).to_dict() == newer.to_dict()
    assert store.counts().statements == 1
    assert [(h.document_id, h.statement_id) for h in store.search("leak")] == [(HARBOUR.id, None)]
    assert store.outdated_documents({"a": "2"}) == []


def test_replace_document_refuses_an_unknown_id(store: Store) -> None:
    with pytest.raises(StoreError, match="no document"):
        store.replace_document(NORTHGATE)


def test_stories_are_replaced_wholesale(store: Store) -> None:
    first = {"id": "st1", "title": "Vostok", "first_seen": "2026-03-03", "last_seen": "2026-03-05",
             "documents": [{"id": NORTHGATE.id}], "claims": [], "framing": []}
    later = {"id": "st2", "title": "Lanra", "first_seen": "2026-03-01", "last_seen": "2026-03-04",
             "documents": [], "claims": [], "framing": []}
    store.replace_stories([first, later])
    assert store.stories() == [later, first]
    store.replace_stories([first])
    assert store.stories() == [first]
    assert store.story("st1") == first and store.story("st2") is None
    assert store.counts().stories == 1


def test_reopening_keeps_everything(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add_documents(CORPUS)
    with open_store(store_url) as store:
        assert [d.id for d in store.documents()] == [d.id for d in CORPUS]
        assert store.counts().statements == 6


def test_settings_are_kept_and_overwritten(store_url: str) -> None:
    with open_store(store_url) as store:
        assert store.setting("claim_linking") is None
        store.set_setting("claim_linking", "meaning")
        store.set_setting("claim_linking", "words")
    with open_store(store_url) as store:
        assert store.setting("claim_linking") == "words"


def test_embeddings_are_kept_once_per_encoder_and_text(store: Store) -> None:
    first, second = text_digest("Police detained protesters."), text_digest("Orvik steelworks to shut.")
    store.add_embeddings("mini", {first: b"\x00\x3c" * 4})
    store.add_embeddings("mini", {first: b"\xff" * 8, second: b"\x01" * 8})  # the first is kept already
    store.add_embeddings("other", {first: b"\x02" * 8})
    assert store.embeddings("mini", [first, second, text_digest("never embedded")]) == {
        first: b"\x00\x3c" * 4, second: b"\x01" * 8,
    }
    assert store.embeddings("other", [first, second]) == {first: b"\x02" * 8}
    assert first == "9bff8aeead7b0ed6a02af2ceabe8a067c85a7eaf93c47ef969d5d1b667c43520"
