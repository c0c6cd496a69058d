"""The spaCy component gives the same statements as analyze() on someone else's pipeline."""

from __future__ import annotations

import importlib

import claimledger
from claimledger.attribution.component import AUTHOR_KEY, TITLE_SPAN_KEY
from claimledger.parse import MODEL_PACKAGES

TEXT = (
    "Minister denies purge is happening\n\n"
    "“We have found no evidence of any wrongdoing,” Interior Minister Dariusz Halvorsen said. "
    "According to Civic Rights Monitor, more than 100 people have been detained."
)


def fresh_pipeline():
    for package in MODEL_PACKAGES:
        try:
            return importlib.import_module(package).load()
        except ImportError:
            continue
    raise AssertionError("no English pipeline installed")


def test_component_matches_analyze() -> None:
    nlp = fresh_pipeline()
    nlp.add_pipe("claimledger_paragraphs", before="parser")
    nlp.add_pipe("claimledger_attribution")
    doc = nlp.make_doc(TEXT)
    doc.user_data[TITLE_SPAN_KEY] = (0, 34)
    for _, component in nlp.pipeline:
        doc = component(doc)
    expected = claimledger.analyze(TEXT.split("\n\n", 1)[1], title="Minister denies purge is happening")
    # Stance toward the central claim is a later stage of analyze, not the attribution component's.
    assert [s.to_dict() for s in doc._.statements] == [
        {**s.to_dict(), "stance": None} for s in expected.statements
    ]
    assert [e.to_dict() for e in doc._.speakers] == [e.to_dict() for e in expected.entities]


def test_the_accurate_component_matches_analyze_accurate() -> None:
    nlp = fresh_pipeline()
    nlp.add_pipe("claimledger_paragraphs", before="parser")
    nlp.add_pipe("claimledger_attribution", config={"accurate": True})
    doc = nlp.make_doc(TEXT)
    doc.user_data[TITLE_SPAN_KEY] = (0, 34)
    for _, component in nlp.pipeline:
        doc = component(doc)
    expected = claimledger.analyze(TEXT.split("\n\n", 1)[1], title="Minister denies purge is happening", accurate=True)
    assert expected.analyzer.models["attribution"] == "crf-1+minilm-1"
    assert [s.to_dict() for s in doc._.statements] == [
        {**s.to_dict(), "stance": None} for s in expected.statements
    ]


def test_the_component_names_a_columns_i_by_the_author_it_is_given() -> None:
    text = "I know all about normalizing hate. My father said the river was poisoned."
    nlp = fresh_pipeline()
    nlp.add_pipe("claimledger_attribution")
    doc = nlp.make_doc(text)
    doc.user_data[AUTHOR_KEY] = "By Mary Meehan"
    for _, component in nlp.pipeline:
        doc = component(doc)
    expected = claimledger.analyze(text, author="By Mary Meehan")
    assert [s.speaker.name for s in doc._.statements] == [s.speaker.name for s in expected.statements]
    assert [s.speaker.name for s in doc._.statements][0] == "Mary Meehan"
