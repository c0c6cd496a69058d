"""The server-rendered pages over the invented store: what each shows, and that untrusted text stays text."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from claimledger.store import Store

HOSTILE_ID = "hostile-0001"


class _Elements(HTMLParser):
    """Every start tag with its attributes, to check what markup a page really contains."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.tags


def test_the_stories_page_lists_every_story_with_a_stance_bar(client: TestClient, store: Store) -> None:
    html = client.get("/").text
    for story in store.stories():
        assert f'href="/stories/{story["id"]}"' in html
    assert html.count('class="stance-bar"') == 3
    assert "6<span class=\"muted\"> / 6</span>" in html and "5<span class=\"muted\"> / 6</span>" in html


def test_the_stories_page_says_how_the_claims_are_linked(client: TestClient, store: Store) -> None:
    assert "Claims are linked by their words" in client.get("/").text
    store.set_setting("claim_linking", "meaning")
    try:
        assert "Claims are linked by meaning" in client.get("/").text
    finally:
        store.set_setting("claim_linking", "words")


def test_a_story_page_has_the_timeline_the_ledger_and_framing(client: TestClient, store: Store, story_ids: dict) -> None:
    story = store.story(story_ids["orvik"])
    html = client.get(f"/stories/{story['id']}").text
    tags = elements(html)
    assert len([t for t, a in tags if t == "circle" and "dot" in (a.get("class") or "")]) == 6
    assert len([t for t, a in tags if t == "details" and a.get("class") == "claim"]) == len(story["claims"])
    assert html.count('<table class="ledger">') == sum(
        1 for c in story["claims"] if c["supporters"] or c["deniers"] or c["neutral"])
    assert "Framing by outlet" in html and '<span class="marker">somehow</span>' in html


def test_the_fish_story_shows_the_wire_copy_and_the_disputed_counts(client: TestClient, story_ids: dict) -> None:
    html = client.get(f"/stories/{story_ids['fishermen']}").text
    assert html.count('class="dot copy"') == 1
    assert '<span class="badge copy"' in html
    assert "Figures disagree" in html


def test_a_claim_page_lists_its_voices(client: TestClient, store: Store, story_ids: dict) -> None:
    claim = next(c for c in store.story(story_ids["orvik"])["claims"] if c["central"])
    html = client.get(f"/claims/{claim['id']}").text
    rows = sum(len(v["statements"]) for side in ("supporters", "deniers", "neutral") for v in claim[side])
    assert html.count('<tr class="row-') == rows
    assert f'href="/stories/{story_ids["orvik"]}"' in html


def test_a_speaker_page_groups_statements_by_act(client: TestClient, store: Store) -> None:
    statements = store.statements_by_speaker("Dariusz Halvorsen")
    html = client.get("/speakers/Dariusz%20Halvorsen").text
    acts = list(dict.fromkeys(s.act for s in statements))
    assert sorted(re.findall(r'<section class="act-group" id="act-(\w+)">', html)) == sorted(acts)
    assert html.count('<li>\n      <span class="said-text">') == len(statements)


def test_a_speaker_page_shows_what_it_said_together_with_others(client: TestClient) -> None:
    html = client.get("/speakers/frontier legal aid").text
    assert "<h1>Frontier Legal Aid</h1>" in html
    assert html.count("said together: Civic Rights Monitor and Frontier Legal Aid") == 2


def test_the_article_view_highlights_speakers_cues_and_quotes(client: TestClient, store: Store) -> None:
    document = store.document("0187eda0d5efcb6f")  # Northgate Daily: "Interior minister denies reports …"
    html = client.get("/documents/0187eda0d5efcb6f").text
    spans = [a for t, a in elements(html) if t == "span" and a.get("id", "").startswith("s")]
    assert sorted(a["id"] for a in spans) == sorted(s.id for s in document.statements)
    minister = next(s for s in document.statements if s.speaker and s.speaker.text == "the minister")
    cue = next(a for a in spans if a["id"] == minister.id)  # each statement's anchor is its cue
    assert cue["class"].split()[0] == "cue"
    assert f"cue “said” · act: {minister.act} · neutral · speaker: Dariusz Halvorsen" in cue["title"]
    speaker = re.search(r'<span class="speaker" title="([^"]*)">the minister</span>', html)
    assert speaker.group(1) == f"speaker: Dariusz Halvorsen · act: {minister.act}"


def test_search_page_marks_the_matched_words(client: TestClient) -> None:
    html = client.get("/search", params={"q": "find proof"}).text
    assert "<mark>proof</mark>" in html
    assert 'href="/documents/wire-0001#' in html


@pytest.mark.parametrize("path", ["/stories/st0", "/claims/k0", "/documents/nope", "/speakers/Nobody"])
def test_missing_things_get_an_html_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>Not found</h1>" in response.text


def test_ids_and_names_are_quoted_in_links(client: TestClient) -> None:
    html = client.get("/speakers", params={"offset": 0}).text
    assert f'href="/speakers/{quote("Dariusz Halvorsen", safe="")}"' in html


@pytest.mark.parametrize("path", [f"/documents/{HOSTILE_ID}", "/", "/search?q=council", "/speakers/Mara%20Quill"])
def test_article_text_never_becomes_markup(client: TestClient, path: str) -> None:
    html = client.get(path).text
    tags = elements(html)
    assert not [t for t, _ in tags if t in {"script", "img", "iframe", "object"}]
    assert not [a for _, a in tags if any(k.startswith("on") for k in a)]
    assert not [a for _, a in tags if (a.get("href") or "").lower().startswith("javascript:")]


def test_the_hostile_article_shows_its_payloads_as_text(client: TestClient, store: Store) -> None:
    html = client.get(f"/documents/{HOSTILE_ID}").text
    article_text = html_text(html)
    assert store.document(HOSTILE_ID).text in article_text
    assert "source: javascript:window.__pwned='url'" in article_text  # a non-http URL is shown, never linked


def html_text(html: str) -> str:
    """What a reader sees: the page without its tags, entities decoded."""
    return unescape(re.sub(r"<[^>]+>", "", html))
