"""The library API: analyze(), batching, wire copies, language checks and analyzer versions."""

from __future__ import annotations

import claimledger
from claimledger.errors import NotEnglishError
from claimledger.model import Article
from claimledger.pipeline import RULES_VERSION, analyze_inputs

BODY = "“We have found no evidence of any wrongdoing,” the minister said on Tuesday."
FRENCH = (
    "Le ministre de l’Intérieur a nié mardi les informations selon lesquelles des manifestants auraient été "
    "détenus et maltraités par les forces de sécurité dans la province."
)


def test_analyze_with_title() -> None:
    document = claimledger.analyze(BODY, title="Minister denies abuses", outlet="Northgate Daily")
    assert document.text == "Minister denies abuses\n\n" + BODY
    assert document.title_span == (0, 22)
    assert document.outlet == "Northgate Daily"
    assert [(s.speaker.text, s.cue.text, s.act, s.in_headline) for s in document.statements] == [
        ("Minister", "denies", "deny", True),
        ("the minister", "said", "assert", False),
    ]


def test_analyze_without_title() -> None:
    document = claimledger.analyze(BODY)
    assert (document.title, document.title_span, document.text) == (None, None, BODY)


def test_analyzer_versions_are_recorded() -> None:
    analyzer = claimledger.analyze(BODY).analyzer.to_dict()
    assert analyzer["version"] == claimledger.__version__
    assert analyzer["models"]["attribution"] == "crf-1+cnn-2"
    assert analyzer["models"]["parser"].endswith("-3.8.0")
    assert analyzer["models"]["rules"] == RULES_VERSION


def test_wire_copy_is_linked_and_repeat_is_dropped() -> None:
    first = Article(text=BODY, outlet="Meridian Wire")
    copy = Article(text=BODY, outlet="Riverside Gazette")
    repeat = Article(text=BODY, outlet="Meridian Wire")
    documents = list(claimledger.analyze_articles([first, copy, repeat]))
    assert [(d.outlet, d.duplicate_of) for d in documents] == [
        ("Meridian Wire", None),
        ("Riverside Gazette", first.document_id),
    ]


def test_non_english_is_rejected_unless_allowed() -> None:
    article = Article(text=FRENCH, path="le-monde.txt")
    (rejected,) = analyze_inputs([article])
    assert isinstance(rejected, NotEnglishError)
    assert str(rejected) == "le-monde.txt: not in English (detected 'fr'); use --any-language to analyse it"
    (document,) = analyze_inputs([article], any_language=True)
    assert document.language == "fr"


def test_errors_pass_through_in_order() -> None:
    from claimledger.errors import InputError

    error = InputError("broken.jsonl:3", "invalid JSON")
    items = list(analyze_inputs([Article(text=BODY), error, Article(text=BODY + " More.")]))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]


def test_workers_give_the_same_documents() -> None:
    articles = [Article(text=f"{BODY} Item {n}.", outlet="X") for n in range(5)]
    serial = [d.to_dict() for d in analyze_inputs(articles)]
    parallel = [d.to_dict() for d in analyze_inputs(articles, workers=2)]
    assert parallel == serial
