"""``claimledger export``: the ledger (json), documents (jsonl), statements (csv, parquet), ClaimReview JSON-LD.

The store holds ``examples/`` (invented articles about two invented stories), ingested once.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq
import pytest

from claimledger.export import CLAIMLEDGER_NS, STATEMENT_COLUMNS, placements
from claimledger.store import open_store
from tests.ledger_store import claimledger, examples_store, schema


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return examples_store(tmp_path_factory)


@pytest.fixture(scope="module")
def stored(db: str) -> dict:
    """What the store holds: its counts, stories and documents."""
    with open_store(db) as store:
        return {"counts": store.counts(), "stories": store.stories(), "documents": list(store.documents())}


def export(db: str, *args: str) -> str:
    result = claimledger("export", "--db", db, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def csv_rows(db: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(export(db, "--format", "csv"))))


def test_json_is_the_ledger(db: str, stored: dict) -> None:
    ledger = json.loads(export(db, "--format", "json"))
    jsonschema.validate(ledger, schema("ledger-1"))
    assert ledger == {"schema": "claimledger.ledger/1", "stories": stored["stories"]}


def test_jsonl_is_one_document_per_line(db: str, stored: dict) -> None:
    lines = export(db, "--format", "jsonl").splitlines()
    assert len(lines) == stored["counts"].documents == 12
    objects = [json.loads(line) for line in lines]
    for item in objects:
        jsonschema.validate(item, schema("document-1"))
    assert sorted(o["document"]["id"] for o in objects) == sorted(d.id for d in stored["documents"])
    # Ledger order: the first story's documents first, in its order.
    first = [d["id"] for d in stored["stories"][0]["documents"]]
    assert [o["document"]["id"] for o in objects[: len(first)]] == first


def test_csv_has_one_row_per_statement(db: str, stored: dict, csv_rows: list[dict]) -> None:
    text = export(db, "--format", "csv")
    assert text.splitlines()[0] == ",".join(STATEMENT_COLUMNS)
    assert len(csv_rows) == stored["counts"].statements
    assert len({(r["document_id"], r["statement_id"]) for r in csv_rows}) == len(csv_rows)
    # A claim may be in two stories, with each story's own voices.
    claims = {(story["id"], c["id"]): c for story in stored["stories"] for c in story["claims"]}
    story_ids = {story["id"] for story in stored["stories"]}
    assert {r["story_id"] for r in csv_rows} == story_ids
    placed = [r for r in csv_rows if r["claim_id"]]
    assert placed and {(r["story_id"], r["claim_id"]) for r in placed} <= set(claims)
    for row in placed:  # the stance is the one the ledger gives the statement on that claim
        side = {"support": "supporters", "deny": "deniers", "neutral": "neutral"}[row["stance"]]
        refs = {ref for voice in claims[row["story_id"], row["claim_id"]][side] for ref in voice["statements"]}
        assert f"{row['document_id']}#{row['statement_id']}" in refs
    assert all(r["stance"] == "" for r in csv_rows if not r["claim_id"])
    joint = {r["members"] for r in csv_rows if r["name"] == "Civic Rights Monitor and Frontier Legal Aid"}
    assert joint == {"Civic Rights Monitor; Frontier Legal Aid"}
    assert export(db, "--format", "csv") == text  # stable order


def test_csv_to_a_file(db: str, tmp_path: Path, csv_rows: list[dict]) -> None:
    out = tmp_path / "statements.csv"
    assert export(db, "--format", "csv", "--out", str(out)) == ""
    with out.open(encoding="utf-8", newline="") as stream:
        assert list(csv.DictReader(stream)) == csv_rows


def test_parquet_equals_the_csv(db: str, tmp_path: Path, csv_rows: list[dict]) -> None:
    out = tmp_path / "statements.parquet"
    result = claimledger("export", "--db", db, "--format", "parquet", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"wrote {len(csv_rows)} statements to {out}\n"
    table = pq.read_table(out)
    assert table.column_names == list(STATEMENT_COLUMNS)
    # CSV has no null: a missing value is an empty field.
    assert [{k: "" if v is None else v for k, v in row.items()} for row in table.to_pylist()] == csv_rows


def test_parquet_needs_a_file(db: str) -> None:
    result = claimledger("export", "--db", db, "--format", "parquet")
    assert (result.returncode, result.stderr) == (
        2, "claimledger: export --format parquet writes a binary file: give --out PATH\n"
    )


def test_claimreview_items(db: str, stored: dict) -> None:
    reviews = json.loads(export(db, "--format", "claimreview"))
    claims = [(story, claim) for story in stored["stories"] for claim in story["claims"]]
    assert len(reviews) == len(claims)
    documents = {d.id: d for d in stored["documents"]}
    for review, (story, claim) in zip(reviews, claims, strict=True):
        assert review["@type"] == "ClaimReview"
        assert review["@context"] == ["https://schema.org", {"claimledger": CLAIMLEDGER_NS}]
        assert review["@id"] == f"urn:claimledger:review:{story['id']}/{claim['id']}"
        assert review["itemReviewed"]["@id"] == f"urn:claimledger:claim:{claim['id']}"
        assert review["claimReviewed"] == claim["text"]
        assert review["author"] == {"@type": "Organization", "name": "claimledger"}
        assert "reviewRating" not in review  # claimledger does not rate truth
        assert review["claimledger:story"] == story["id"]
        assert [v["claimledger:statements"] for v in review["claimledger:supportedBy"]] == [
            v["statements"] for v in claim["supporters"]
        ]
        assert [v["name"] for v in review["claimledger:deniedBy"]] == [v["name"] for v in claim["deniers"]]
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["appearance"]
        for article in item["appearance"]:
            document = documents[article["identifier"]]
            assert (article["headline"], article["publisher"]["name"]) == (document.title, document.outlet)
        assert all(w["claimledger:ref"].split("#")[0] in documents for w in review["claimledger:sameAs"])
    # Across outlets: the Kestrel detention figures disagree, and some claim is worded by several outlets.
    assert any(r["claimledger:disagreements"] for r in reviews)
    assert any(len({w["claimledger:outlet"] for w in r["claimledger:sameAs"]}) > 1 for r in reviews)
    contradicted = [c for r in reviews for c in r["claimledger:contradicts"]]
    assert all(c["@id"].startswith("urn:claimledger:claim:k") and c["text"] for c in contradicted)
    assert len({r["@id"] for r in reviews}) == len(reviews)  # a claim in two stories is reviewed in each


def test_placements_prefer_a_support_or_denial_over_a_neutral_voice() -> None:
    voice = lambda *refs: {"name": "X", "entity": None, "outlets": [], "statements": list(refs)}  # noqa: E731
    stories = [{"id": "st1", "claims": [
        {"id": "k1", "supporters": [], "deniers": [], "neutral": [voice("d#s1")]},
        {"id": "k2", "supporters": [voice("d#s2")], "deniers": [voice("d#s1")], "neutral": []},
        {"id": "k3", "supporters": [voice("d#s1")], "deniers": [], "neutral": [voice("d#s3")]},
    ]}]
    assert placements(stories) == {
        "d#s1": ("st1", "k2", "deny"), "d#s2": ("st1", "k2", "support"), "d#s3": ("st1", "k3", "neutral"),
    }
