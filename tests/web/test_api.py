"""The REST API over a real SQLite store of invented articles (see conftest): lists with totals, the
ledger objects, documents with spans, search, and ingest with its token rules."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from fastapi.testclient import TestClient

from claimledger.store import Store

from .conftest import TOKEN

ORVIK_OUTLETS = ["The Kestrel Ledger", "Northgate Daily", "The Daily Clarion", "The Harbour Courier",
                 "Meridian Wire", "Eastbrook Observer"]
# Invented.
ARTICLE = {
    "title": "Harbour board denies dredging plan",
    "text": "The Lussan harbour board denied on Tuesday that it planned to dredge the old channel, "
            "a spokeswoman, Irena Kolb, said.",
    "outlet": "The Harbour Courier",
    "published": "2026-06-02",
}
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_stories_are_paged_with_a_total(client: TestClient) -> None:
    first = client.get("/api/stories", params={"limit": 2}).json()
    rest = client.get("/api/stories", params={"limit": 2, "offset": 2}).json()
    assert (first["total"], first["limit"], first["offset"], len(first["items"])) == (3, 2, 0, 2)
    assert (rest["total"], rest["offset"], len(rest["items"])) == (3, 2, 1)
    assert [s["first_seen"] for s in first["items"] + rest["items"]] == ["2026-04-02", "2026-05-12", "2026-05-21"]


def test_story_summaries_count_outlets_and_collapse_wire_copies(client: TestClient, story_ids: dict) -> None:
    summaries = {s["id"]: s for s in client.get("/api/stories").json()["items"]}
    orvik, fish = summaries[story_ids["orvik"]], summaries[story_ids["fishermen"]]
    assert (orvik["documents"], orvik["outlets"], orvik["independent_sources"]) == (6, ORVIK_OUTLETS, 6)
    assert (orvik["first_seen"], orvik["last_seen"]) == ("2026-04-02", "2026-04-07")
    # The Riverside Gazette republished Meridian Wire's story: six articles, five independent.
    assert (fish["documents"], fish["independent_sources"]) == (6, 5)


def test_story_stance_counts_the_central_claims_voices(client: TestClient, store: Store, story_ids: dict) -> None:
    summary = next(s for s in client.get("/api/stories").json()["items"] if s["id"] == story_ids["orvik"])
    story = store.story(story_ids["orvik"])
    # The central claim of the story's first article, whose headline is the story's title; "There was
    # abuse in Kestrel province", with more independent sources, comes first in the ledger.
    central = next(c for c in story["claims"] if c["central"] and story["documents"][0]["id"] in c["stated_in"])
    assert summary["central_claim"] == central["text"] == "Scores detained and beaten after Orvik protests."
    assert story["claims"][0]["text"] == "There was abuse in Kestrel province."
    assert summary["stance"] == {
        side: sum(len(v["statements"]) for v in central[key])
        for key, side in (("supporters", "support"), ("deniers", "deny"), ("neutral", "neutral"))
    }


def packaged_schema(name: str) -> dict:
    return json.loads(resources.files("claimledger").joinpath(f"schema/{name}.schema.json").read_text())


def test_a_story_is_the_ledger_story_object(client: TestClient, store: Store, story_ids: dict) -> None:
    response = client.get(f"/api/stories/{story_ids['orvik']}")
    assert response.status_code == 200
    assert response.json() == store.story(story_ids["orvik"])
    jsonschema.validate({"schema": "claimledger.ledger/1", "stories": [response.json()]}, packaged_schema("ledger-1"))


@pytest.mark.parametrize("path", ["/api/stories/st0", "/api/claims/k0", "/api/documents/nope", "/api/speakers/Nobody"])
def test_unknown_ids_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["detail"].startswith("no ")


def test_claims_of_a_story_central_first(client: TestClient, store: Store, story_ids: dict) -> None:
    story = store.story(story_ids["fishermen"])
    page = client.get("/api/claims", params={"story": story["id"], "limit": 5}).json()
    assert page["total"] == len(story["claims"])
    assert [c["id"] for c in page["items"]] == [c["id"] for c in story["claims"][:5]]
    assert page["items"][0]["central"] is True
    assert {c["story"] for c in page["items"]} == {story["id"]}


def test_claims_of_every_story_add_up(client: TestClient, store: Store) -> None:
    assert client.get("/api/claims").json()["total"] == sum(len(s["claims"]) for s in store.stories())


def test_a_claim_comes_with_its_story(client: TestClient, store: Store, story_ids: dict) -> None:
    story = store.story(story_ids["orvik"])
    claim = story["claims"][0]
    body = client.get(f"/api/claims/{claim['id']}").json()
    assert body == {"story": story["id"], "story_title": story["title"], "claim": claim}


def test_speakers_count_their_statements(client: TestClient, store: Store) -> None:
    page = client.get("/api/speakers", params={"limit": 200}).json()
    halvorsen = next(s for s in page["items"] if s["name"] == "Dariusz Halvorsen")
    statements = store.statements_by_speaker("Dariusz Halvorsen")
    assert halvorsen == {"name": "Dariusz Halvorsen", "statements": len(statements),
                         "outlets": len({s.outlet for s in statements})}
    assert page["total"] == len(page["items"])
    assert [s["statements"] for s in page["items"]] == sorted((s["statements"] for s in page["items"]), reverse=True)


def test_a_speaker_is_found_in_any_case_and_paged(client: TestClient, store: Store) -> None:
    page = client.get("/api/speakers/dariusz halvorsen", params={"limit": 3, "offset": 1}).json()
    statements = store.statements_by_speaker("Dariusz Halvorsen")
    assert (page["total"], len(page["items"])) == (len(statements), 3)
    assert [(s["document_id"], s["statement_id"]) for s in page["items"]] == [
        (s.document_id, s.statement_id) for s in statements[1:4]
    ]


def test_a_document_is_the_document_schema_with_exact_spans(client: TestClient) -> None:
    body = client.get("/api/documents/wire-0001").json()
    jsonschema.validate(body, packaged_schema("document-1"))
    text = body["document"]["text"]
    assert body["document"]["outlet"] == "Meridian Wire"
    assert body["statements"]
    for statement in body["statements"]:
        for part in ("speaker", "cue", "content"):
            if statement[part]:
                assert text[statement[part]["start"] : statement[part]["end"]] == statement[part]["text"]


def test_documents_are_listed_by_date(client: TestClient) -> None:
    page = client.get("/api/documents", params={"limit": 1}).json()
    last = client.get("/api/documents", params={"limit": 1, "offset": 12}).json()
    assert page["total"] == 13
    assert (page["items"][0]["outlet"], page["items"][0]["published"]) == ("The Kestrel Ledger", "2026-04-02")
    assert last["items"][0]["id"] == "hostile-0001"


def test_search_finds_statements_and_documents(client: TestClient) -> None:
    page = client.get("/api/search", params={"q": "find proof", "limit": 50}).json()
    assert page["total"] == len(page["items"]) > 0
    assert {hit["outlet"] for hit in page["items"]} == {"The Harbour Courier", "Meridian Wire"}
    assert any(hit["statement_id"] for hit in page["items"]) and any(not hit["statement_id"] for hit in page["items"])
    assert all("**" in hit["snippet"] for hit in page["items"])


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 201}, {"offset": -1}, {"limit": "ten"}])
def test_bad_paging_is_422(client: TestClient, params: dict) -> None:
    assert client.get("/api/stories", params=params).status_code == 422


def test_search_needs_words(client: TestClient) -> None:
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": "%%%"}).json()["total"] == 0


@pytest.mark.parametrize("path", ["/", "/api/stories", "/static/style.css", "/api/stories/st0", "/nowhere"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["content-security-policy"] == (
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
    assert headers["x-content-type-options"] == "nosniff"


def test_openapi_describes_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert sorted(paths) == [
        "/api/claims", "/api/claims/{claim_id}", "/api/documents", "/api/documents/{document_id}", "/api/search",
        "/api/speakers", "/api/speakers/{name}", "/api/stories", "/api/stories/{story_id}",
    ]
    assert set(paths["/api/documents"]) == {"get", "post"}


def test_openapi_carries_the_packaged_contracts(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    components = spec["components"]["schemas"]
    story = spec["paths"]["/api/stories/{story_id}"]["get"]["responses"]["200"]["content"]["application/json"]
    document = spec["paths"]["/api/documents/{document_id}"]["get"]["responses"]["200"]["content"]["application/json"]
    assert (story["schema"], document["schema"]) == ({"$ref": "#/components/schemas/Ledger1Story"},
                                                     {"$ref": "#/components/schemas/Document1"})
    assert components["Ledger1Story"] == json.loads(
        json.dumps(packaged_schema("ledger-1")["$defs"]["story"]).replace("#/$defs/claim", "#/components/schemas/Ledger1Claim")
        .replace("#/$defs/nullableString", "#/components/schemas/Ledger1NullableString"))
    assert "#/$defs/" not in json.dumps(spec)


# --- writes -------------------------------------------------------------------------------------


def test_writes_are_off_without_a_configured_token(client: TestClient) -> None:
    response = client.post("/api/documents", json=ARTICLE, headers=AUTH)
    assert response.status_code == 403
    assert "CLAIMLEDGER_TOKEN" in response.json()["detail"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}])
def test_writes_need_the_bearer_token(writable, headers: dict) -> None:
    client, store = writable
    response = client.post("/api/documents", json=ARTICLE, headers=headers)
    assert (response.status_code, response.headers["www-authenticate"]) == (401, "Bearer")
    assert store.counts().documents == 0


def test_posting_json_ingests_and_relinks(writable) -> None:
    client, store = writable
    response = client.post("/api/documents", json=ARTICLE, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["added"], body["already_stored"], body["rejected"], body["relinking"]) == (1, 0, [], True)
    assert client.app.state.relink.wait(timeout=60)
    (document_id,) = body["documents"]
    document = client.get(f"/api/documents/{document_id}").json()["document"]
    assert (document["title"], document["outlet"], document["published"]) == (
        ARTICLE["title"], ARTICLE["outlet"], ARTICLE["published"])
    assert document["text"] == f"{ARTICLE['title']}\n\n{ARTICLE['text']}"
    assert document["path"] == "upload:json"  # never the server's temporary file
    assert client.get("/api/stories").json()["items"][0]["title"] == ARTICLE["title"]
    again = client.post("/api/documents", json=ARTICLE, headers=AUTH)
    assert (again.status_code, again.json()["added"], again.json()["already_stored"], again.json()["relinking"]) == (
        200, 0, 1, False)


def test_uploading_a_file_reads_it_by_its_extension(writable) -> None:
    client, store = writable
    markdown = ("---\ntitle: Ferry strike ends in Lussan\noutlet: Northgate Daily\npublished: 2026-06-03\n---\n"
                "# Ferry strike ends in Lussan\n\nThe ferry workers' union said the strike was over.\n")
    response = client.post("/api/documents", files={"file": ("../../ferry strike.md", markdown.encode(), "text/markdown")},
                           headers=AUTH)
    assert response.status_code == 201, response.text
    (document_id,) = response.json()["documents"]
    stored = store.document(document_id)
    assert (stored.title, stored.outlet, stored.published) == ("Ferry strike ends in Lussan", "Northgate Daily", "2026-06-03")
    assert stored.path == "upload:ferry_strike.md"


@pytest.mark.parametrize(
    ("request_args", "status"),
    [
        ({"content": b"just text", "headers": {"Content-Type": "text/plain"}}, 415),
        ({"json": {"title": "No body"}}, 422),
        ({"json": {"text": ""}}, 422),
        ({"files": {"file": ("empty.txt", b"", "text/plain")}}, 422),
        ({"data": {"note": "no file"}, "files": {"other": ("a.txt", b"x", "text/plain")}}, 422),
    ],
)
def test_unusable_requests_are_refused(writable, request_args: dict, status: int) -> None:
    client, store = writable
    request_args.setdefault("headers", {}).update(AUTH)
    response = client.post("/api/documents", **request_args)
    assert response.status_code == status, response.text
    assert store.counts().documents == 0


def test_an_upload_over_the_size_limit_is_413(writable, monkeypatch: pytest.MonkeyPatch) -> None:
    client, store = writable
    monkeypatch.setenv("CLAIMLEDGER_MAX_BYTES", "64")
    response = client.post("/api/documents", files={"file": ("long.txt", b"word " * 20, "text/plain")}, headers=AUTH)
    assert response.status_code == 413
    assert store.counts().documents == 0
