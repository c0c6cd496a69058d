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


def test_docs_the_component_ran_on_serialise_with_their_statements() -> None:
    from spacy.tokens import Doc, DocBin

    nlp = fresh_pipeline()
    nlp.add_pipe("claimledger_attribution")
    doc = nlp("PENCE: We will not go. “It is over,” Anna Berg said on Monday.")
    assert [key for key in doc.user_data if isinstance(key, str)] == []  # the parse caches are dropped
    read_back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    packed = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (from_bin,) = DocBin().from_bytes(packed).get_docs(nlp.vocab)
    for copy in (read_back, from_bin):
        # msgpack gives back tuples where lists went in.
        assert list(copy._.statements) == doc._.statements
        assert [s.speaker.name for s in copy._.statements] == ["Anna Berg"]
        assert [e.to_dict() for e in copy._.speakers] == [e.to_dict() for e in doc._.speakers]
