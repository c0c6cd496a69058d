"""The ledger over invented stories: voices, independent sources, evidence, quote variants, ids, schema."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import claimledger
from claimledger.ingest import read_inputs
from claimledger.linking import build_ledger
from claimledger.pipeline import analyze_articles
from tests.linking.story import story_documents, unrelated_document

SCHEMA = json.loads(resources.files("claimledger").joinpath("schema/ledger-1.schema.json").read_text())
EXAMPLES = Path(__file__).parent.parent.parent / "examples"


def central_claim(story: dict) -> dict:
    return next(claim for claim in story["claims"] if claim["central"])


def voices(claim: dict, side: str) -> list[tuple[str, list[str]]]:
    return [(voice["name"], voice["statements"]) for voice in claim[side]]


@pytest.fixture(scope="module")
def ledger() -> dict:
    result = build_ledger(story_documents() + [unrelated_document()])
    jsonschema.validate(result, SCHEMA)
    return result


def test_stories_group_the_documents_and_mark_the_wire_copy(ledger: dict) -> None:
    assert [[(d["id"], d["duplicate_of"]) for d in story["documents"]] for story in ledger["stories"]] == [
        [("ledger-1", None), ("daily-1", None), ("wire-1", "ledger-1")],
        [("sentinel-1", None)],
    ]
    assert (ledger["stories"][0]["first_seen"], ledger["stories"][0]["last_seen"]) == ("2026-04-02", "2026-04-04")


def test_the_minister_denies_and_the_groups_support(ledger: dict) -> None:
    claim = central_claim(ledger["stories"][0])
    assert claim["text"] == "Protesters detained and beaten in Orvik."
    # The headline's bare "Minister" is resolved to the minister the article names.
    assert voices(claim, "deniers") == [("Dariusz Halvorsen", ["daily-1#s1", "daily-1#s2"])]
    supporters = dict(voices(claim, "supporters"))
    # s4 is CRM's "citing a report by the Orvik Bar Association".
    assert supporters["Frontier Legal Aid"] == ["ledger-1#s5", "wire-1#s5"]
    assert next(v for v in claim["supporters"] if v["name"] == "Frontier Legal Aid")["outlets"] == [
        "The Kestrel Ledger", "Meridian Wire"]


def test_the_wire_copy_is_counted_once(ledger: dict) -> None:
    # ledger-1, daily-1 and wire-1 state or attribute the claim; wire-1 is a copy of ledger-1.
    assert central_claim(ledger["stories"][0])["independent_sources"] == 2


def test_evidence_is_cited_with_offsets(ledger: dict) -> None:
    claim = central_claim(ledger["stories"][0])
    documents = {d.id: d for d in story_documents()}
    cited = ["a report by the Orvik Bar Association", "video", "footage"]
    assert [(e["document"], e["text"]) for e in claim["evidence"]] == [
        (document, text) for document in ("ledger-1", "wire-1") for text in cited]
    for evidence in claim["evidence"]:
        assert documents[evidence["document"]].text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_the_same_quote_worded_differently_is_flagged(ledger: dict) -> None:
    variants = [v for claim in ledger["stories"][0]["claims"] for v in claim["quote_variants"]]
    # wire-1 repeats ledger-1's wording; daily-1 quotes the same speaker differently.
    assert variants == [{"texts": ["We have documented every case,", "We have documented each case,"],
                         "documents": ["ledger-1", "daily-1", "wire-1"]}]


def test_figures_are_listed_with_their_outlet(ledger: dict) -> None:
    assert central_claim(ledger["stories"][1])["quantities"] == [{
        "value": 1800, "value_max": None, "bound": "approx", "unit": "fish", "event": "find dead",
        "text": "roughly 1,800", "outlet": "The Valley Sentinel", "document": "sentinel-1",
    }]


def test_ids_are_stable_when_an_unrelated_document_is_added(ledger: dict) -> None:
    before = build_ledger(story_documents())
    story_ids = lambda result: [s["id"] for s in result["stories"]]  # noqa: E731
    claim_ids = lambda story: sorted(c["id"] for c in story["claims"])  # noqa: E731
    assert story_ids(before) == story_ids(ledger)[:1]
    assert claim_ids(before["stories"][0]) == claim_ids(ledger["stories"][0])


@pytest.fixture(scope="module")
def example_ledger() -> dict:
    result = build_ledger(analyze_articles(read_inputs([str(EXAMPLES)])))
    jsonschema.validate(result, SCHEMA)
    return result


def test_the_example_corpus(example_ledger: dict) -> None:
    result = example_ledger
    titles = [story["title"] for story in result["stories"]]
    assert titles == ["Rights groups say scores detained and beaten after Orvik protests",
                      "Fishermen count dead fish on the Ressa as anger grows in Tarnby"]
    assert [len(story["documents"]) for story in result["stories"]] == [6, 6]
    copies = {d["id"]: d["duplicate_of"] for story in result["stories"] for d in story["documents"] if d["duplicate_of"]}
    assert len(copies) == 1 and set(copies.items()) <= {("wire-0002", copies.get("wire-0002"))}
    detained = [
        {(v["text"], v["outlet"]) for v in disagreement["values"]}
        for claim in result["stories"][0]["claims"] for disagreement in claim["disagreements"]
        if disagreement["event"] == "detain"
    ]
    assert ("About 60", "The Harbour Courier") in detained[0] and ("more than 100", "The Kestrel Ledger") in detained[0]
    fish = next(claim for claim in result["stories"][1]["claims"] if claim["central"] and claim["disagreements"])
    assert [
        sorted((v["text"], v["outlet"]) for v in disagreement["values"]) for disagreement in fish["disagreements"]
    ] == [[
        ("2,140", "Northgate Daily"), ("More than 2,000", "Meridian Wire"), ("More than 2,000", "The Daily Clarion"),
        ("More than 2,000", "The Riverside Gazette"), ("roughly 1,800", "The Valley Sentinel"),
    ]]  # one outlet's two fines ($250,000 now, $40,000 in 2021) are no disagreement
    framing = {(f["outlet"], m) for story in result["stories"] for f in story["framing"] for m in f["markers"]}
    assert {("The Daily Clarion", "somehow"), ("The Daily Clarion", "predictably")} <= framing


def test_every_outlet_is_read_against_the_claim_itself(example_ledger: dict) -> None:
    # The Observer's "Varnia's foreign minister rejected mounting international criticism over the
    # treatment of protesters" joins this claim; read against that sentence, Sedlak's rejection and
    # his "would not be lectured" counted as support. The governor, "telling them to 'find proof' before
    # accusing his administration of abuse", denies it; he denies the story's other central claim too (below).
    claim = next(c for c in example_ledger["stories"][0]["claims"] if c["text"] == "There was abuse in Kestrel province.")
    assert [voice["name"] for voice in claim["supporters"]] == ["two human rights organisations"]
    assert [voice["name"] for voice in claim["deniers"]] == ["Dariusz Halvorsen", "Ramzan Terek", "Varnia", "Anton Sedlak"]
    beaten = next(c for c in example_ledger["stories"][0]["claims"] if c["text"].startswith("Scores detained and beaten"))
    assert "Ramzan Terek" in [voice["name"] for voice in beaten["deniers"]]


def test_a_story_claim_is_spoken_to_by_the_statements_that_word_it(example_ledger: dict) -> None:
    # The story's statements all share "Orvik", "protests", "March 3"; the minister's "police had behaved
    # impeccably since protests began on March 3" and the Courier's count of detentions are no voices on it.
    claim = next(c for c in example_ledger["stories"][0]["claims"] if c["text"].startswith("The protests began on March 3"))
    assert [(v["name"], v["outlets"]) for v in claim["supporters"]] == [
        ("provincial government", ["The Kestrel Ledger", "Northgate Daily"])]
    assert claim["deniers"] == [] and claim["neutral"] == []


def test_a_figure_that_disagrees_denies_the_claim(example_ledger: dict) -> None:
    claim = next(c for c in example_ledger["stories"][0]["claims"]
                 if c["text"] == "More than 100 people have been detained since March.")
    assert [(v["name"], v["outlets"]) for v in claim["deniers"]] == [
        ("a count by the Courier based on court records and lawyers' lists", ["The Harbour Courier"])]
    assert "Civic Rights Monitor" in [v["name"] for v in claim["supporters"]]


def test_a_statement_made_together_counts_for_each_speaker() -> None:
    documents = story_documents()[:2] + [claimledger.analyze(
        "Frontier Legal Aid, a charity, said lawyers were barred from the camp.\n\n"
        "Civic Rights Monitor and Frontier Legal Aid said security forces detained and beat protesters in Orvik.",
        title="Groups say protesters detained and beaten in Orvik", id="observer-1", outlet="Eastbrook Observer",
        published="2026-04-05",
    )]
    claim = central_claim(build_ledger(documents)["stories"][0])
    supporters = dict(voices(claim, "supporters"))
    assert supporters["Frontier Legal Aid"] == ["ledger-1#s5", "observer-1#s3"]
    assert "observer-1#s3" in supporters["Civic Rights Monitor"]
    assert "Civic Rights Monitor and Frontier Legal Aid" not in supporters
