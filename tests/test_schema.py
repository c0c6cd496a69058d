"""Output follows claimledger.document/1: the shipped JSON Schema, and exact offsets everywhere.

The property test builds articles from the constructions news copy uses (quotes before, after and
around the cue, quotes over paragraphs, indirect speech, "according to", refusals, stray quote marks)
and checks that every span's text is the slice of document.text it points at.
"""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimledger

SCHEMA = json.loads(resources.files("claimledger").joinpath("schema/document-1.schema.json").read_text())

NAMES = ["Dariusz Halvorsen", "Anna Petrov", "Civic Rights Monitor (CRM)", "the minister", "she", "the agency’s director"]
VERBS = ["said", "denied", "told reporters", "added", "insisted", "claimed", "confirmed", "has denied"]
CLAUSES = [
    "more than 2,000 fish had died", "the report was false", "police acted lawfully",
    "about 60 people were detained", "the river is safe again",
]
OPEN_CLOSE = [("“", "”"), ('"', '"')]


@st.composite
def sentences(draw) -> str:
    name, verb, clause = draw(st.sampled_from(NAMES)), draw(st.sampled_from(VERBS)), draw(st.sampled_from(CLAUSES))
    opening, closing = draw(st.sampled_from(OPEN_CLOSE))
    quote = clause[0].upper() + clause[1:]
    return draw(st.sampled_from([
        f"{opening}{quote},{closing} {name} {verb}.",
        f"{name.capitalize()} {verb}: {opening}{quote}.{closing}",
        f"{opening}{quote},{closing} {name} {verb}. {opening}And more.{closing}",
        f"{name.capitalize()} {verb} that {clause}.",
        f"According to {name}, {clause}.",
        f"{clause.capitalize()}, according to {name}.",
        f"{name.capitalize()} declined to comment.",
        f"{opening}{quote}.\n\n{opening}{quote} again,{closing} {name} {verb}.",
        f"The so-called {opening}inquiry{closing} stalled and {opening}nothing happened.",
    ]))


@st.composite
def articles(draw) -> tuple[str, str]:
    title = draw(st.sampled_from(["Minister denies purge is happening", "Dead fish found in river"]))
    paragraphs = draw(st.lists(st.lists(sentences(), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=4))
    return title, "\n\n".join(paragraphs)


def assert_exact_spans(output: dict) -> None:
    text = output["document"]["text"]
    if output["document"]["title_span"]:
        start, end = output["document"]["title_span"]
        assert text[start:end] == output["document"]["title"]
    for statement in output["statements"]:
        for key in ("speaker", "cue", "content", "sentence"):
            span = statement[key]
            if span is not None:
                assert text[span["start"] : span["end"]] == span["text"], (key, span)
        if statement["content"]:
            fragments = statement["content"]["fragments"]
            assert fragments[0][0] == statement["content"]["start"]
            assert fragments[-1][1] == statement["content"]["end"]
    for entity in output["entities"]:
        for start, end in entity["mentions"]:
            assert 0 <= start < end <= len(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_every_span_is_an_exact_slice(article: tuple[str, str]) -> None:
    title, body = article
    output = claimledger.analyze(body, title=title, outlet="Northgate Daily").to_dict()
    jsonschema.validate(output, SCHEMA)
    assert_exact_spans(output)


def test_empty_article_validates() -> None:
    output = claimledger.analyze("", title="Only a headline").to_dict()
    jsonschema.validate(output, SCHEMA)
    assert output["statements"] == [] and output["framing"] == {"markers": []}
    assert [(c["text"], c["central"]) for c in output["claims"]] == [("Only a headline", True)]
