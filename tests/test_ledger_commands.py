"""The ledger views as a user meets them: ``stories``, ``ledger [STORY|CLAIM]``, ``speaker NAME``.

The store holds ``examples/`` (invented articles about two invented stories), ingested once.
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from claimledger.ledger_output import _claim_cell, disagreement_line
from claimledger.store import open_store
from claimledger.views import at_stake, select_ledger
from tests.ledger_store import claimledger, examples_store, schema

KESTREL_TITLE = "Rights groups say scores detained and beaten after Orvik protests"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return examples_store(tmp_path_factory)


@pytest.fixture(scope="module")
def ledger(db: str) -> dict:
    result = claimledger("ledger", "--db", db, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def kestrel(ledger: dict) -> dict:
    return next(story for story in ledger["stories"] if story["title"] == KESTREL_TITLE)


def test_ledger_json_is_the_stored_ledger_and_schema_valid(ledger: dict, db: str) -> None:
    jsonschema.validate(ledger, schema("ledger-1"))
    with open_store(db) as store:
        assert ledger == {"schema": "claimledger.ledger/1", "stories": store.stories()}
    assert len(ledger["stories"]) == 2


def test_stories_lists_each_story_with_its_claims(db: str, ledger: dict) -> None:
    result = claimledger("stories", "--db", db, "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == [story["id"] for story in ledger["stories"]]
    for row, story in zip(rows, ledger["stories"], strict=True):
        assert row["claim_ids"] == [claim["id"] for claim in story["claims"]]
        assert row["claims"] == len(story["claims"])
        assert row["documents"] == len(story["documents"]) == 6
        assert row["support"] == sum(len(v["statements"]) for c in story["claims"] for v in c["supporters"])
    # The fish-kill story's Meridian Wire article is a wire copy: six documents, five independent.
    assert sorted((row["documents"], len(row["outlets"]), row["independent_sources"]) for row in rows) == [
        (6, 6, 5), (6, 6, 6)
    ]

    table = claimledger("stories", "--db", db)
    assert table.returncode == 0
    assert all(row["id"] in table.stdout for row in rows)


def test_ledger_of_a_story_and_of_a_claim(db: str, ledger: dict, kestrel: dict) -> None:
    story = json.loads(claimledger("ledger", kestrel["id"], "--db", db, "--format", "json").stdout)
    assert story == {"schema": "claimledger.ledger/1", "stories": [kestrel]}

    claim = next(c for c in kestrel["claims"] if c["disagreements"])
    narrowed = json.loads(claimledger("ledger", claim["id"], "--db", db, "--format", "json").stdout)
    jsonschema.validate(narrowed, schema("ledger-1"))
    assert narrowed["stories"] == [{**kestrel, "claims": [claim]}]


def test_ledger_table_reads_at_100_columns(db: str, kestrel: dict) -> None:
    result = claimledger("ledger", kestrel["id"], "--db", db)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 100
    assert KESTREL_TITLE in result.stdout
    for heading in ("supported by", "denied by", "framing markers"):
        assert heading in result.stdout
    at_stake_ids = [claim["id"] for claim in kestrel["claims"] if at_stake(claim)]
    assert 0 < len(at_stake_ids) < len(kestrel["claims"])
    assert [claim["id"] in result.stdout for claim in kestrel["claims"]] == [at_stake(c) for c in kestrel["claims"]]
    left_out = len(kestrel["claims"]) - len(at_stake_ids)
    assert f"+ {left_out} claims stated in one article only" in result.stdout

    every = claimledger("ledger", kestrel["id"], "--db", db, "--all")
    assert all(claim["id"] in every.stdout for claim in kestrel["claims"])


def test_disagreement_line_names_the_figures_and_who_carried_them(kestrel: dict) -> None:
    central = next(c for c in kestrel["claims"] if c["central"] and c["disagreements"])
    assert [disagreement_line(d) for d in central["disagreements"]] == [
        "detain people: more than 100 (5 outlets) vs about 60 (The Harbour Courier)"
    ]


@pytest.mark.parametrize("wanted, message", [
    ("st000000", "no story with id 'st000000' in the store"),
    ("k0000000", "no claim with id 'k0000000' in the store"),
])
def test_unknown_id_is_one_line_and_exit_2(db: str, wanted: str, message: str) -> None:
    result = claimledger("ledger", wanted, "--db", db)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"claimledger: {message}\n")


def test_select_ledger_keeps_the_story_around_a_claim() -> None:
    stories = [{"id": "st1", "claims": [{"id": "k1"}, {"id": "k2"}], "documents": [], "framing": []}]
    assert select_ledger(stories, None) is stories
    assert select_ledger(stories, "k2") == [{"id": "st1", "claims": [{"id": "k2"}], "documents": [], "framing": []}]


def test_speaker_by_full_name_any_case(db: str) -> None:
    result = claimledger("speaker", "dariusz halvorsen", "--db", db, "--format", "json")
    assert result.returncode == 0, result.stderr
    view = json.loads(result.stdout)
    assert (view["matched"], view["via_linking"]) == ("Dariusz Halvorsen", False)
    assert list(view["acts"]) == [a for a in ("assert", "deny", "confirm", "accuse", "question", "challenge",
                                              "refuse_comment", "report", "other") if a in view["acts"]]
    for act, rows in view["acts"].items():
        assert {row["act"] for row in rows} == {act}
        assert all(row["ref"] == f"{row['document_id']}#{row['statement_id']}" for row in rows)
    assert "deny" in view["acts"]


def test_speaker_by_surname_is_linked_to_the_full_name(db: str) -> None:
    full = json.loads(claimledger("speaker", "Dariusz Halvorsen", "--db", db, "--format", "json").stdout)
    result = claimledger("speaker", "Halvorsen", "--db", db, "--format", "json")
    assert result.returncode == 0, result.stderr
    view = json.loads(result.stdout)
    assert (view["query"], view["matched"], view["via_linking"]) == ("Halvorsen", "Dariusz Halvorsen", True)
    refs = {row["ref"] for rows in view["acts"].values() for row in rows}
    assert refs >= {row["ref"] for rows in full["acts"].values() for row in rows}

    table = claimledger("speaker", "Halvorsen", "--db", db)
    assert table.stdout.startswith("speaker: Dariusz Halvorsen (linked across documents)\n")


def test_a_speaker_lists_what_it_said_together_with_others(db: str) -> None:
    # The Kestrel Ledger's "Civic Rights Monitor (CRM) and Frontier Legal Aid said they had gathered testimony",
    # and Meridian Wire's "…, two domestic rights organisations, said that security forces had beaten detainees".
    view = json.loads(claimledger("speaker", "Frontier Legal Aid", "--db", db, "--format", "json").stdout)
    assert view["matched"] == "Frontier Legal Aid"
    speakers = {row["speaker"] for rows in view["acts"].values() for row in rows}
    assert speakers == {"Frontier Legal Aid", "Civic Rights Monitor and Frontier Legal Aid"}
    table = claimledger("speaker", "Frontier Legal Aid", "--db", db).stdout
    assert table.count("said together: Civic Rights") == 2


def test_unknown_speaker_is_one_line_and_exit_2(db: str) -> None:
    result = claimledger("speaker", "Nobody Atall", "--db", db)
    assert (result.returncode, result.stderr) == (2, "claimledger: no speaker named 'Nobody Atall' in the store\n")


def test_claim_cell_writes_time_spans_in_the_plural() -> None:
    claim = {
        "id": "k1", "text": "The river will take years to recover.", "central": False, "independent_sources": 2,
        "neutral": [], "disagreements": [], "quantities": [
            {"text": "ten", "value": 10, "unit": "year", "event": "take", "outlet": "The Valley Sentinel"},
            {"text": "one", "value": 1, "unit": "year", "event": "take", "outlet": "Northgate Daily"},
            {"text": "40", "value": 40, "unit": "km", "event": None, "outlet": "Northgate Daily"},
        ],
    }
    figures = _claim_cell(claim).plain.split("\n")[-1]
    assert figures == "figures: ten years (take), The Valley Sentinel; one year (take), Northgate Daily; 40 km, Northgate Daily"
