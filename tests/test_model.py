"""The offset and identity rules every stage relies on ("Documents, text and offsets" in PRODUCT.md)."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimledger.model import (
    Analyzer, Article, Claim, Content, Cue, Document, Entity, FramingMarker, Quantity, Span, Speaker, Stance,
    Statement, document_id,
)


def test_document_id_is_sha256_of_outlet_and_text() -> None:
    expected = hashlib.sha256("Meridian Wire\nSome text".encode()).hexdigest()[:16]
    assert document_id("Meridian Wire", "Some text") == expected
    assert document_id(None, "Some text") == hashlib.sha256(b"\nSome text").hexdigest()[:16]


def test_same_text_from_two_outlets_is_two_documents() -> None:
    assert Article(text="Same", outlet="A").document_id != Article(text="Same", outlet="B").document_id


def test_own_id_wins() -> None:
    assert Article(text="Same", outlet="A", id="wire-0001").document_id == "wire-0001"


def test_separate_title_is_prepended_with_a_blank_line() -> None:
    article = Article.with_title("Minister denies purge", "The minister said on Monday.", outlet="X")
    assert article.text == "Minister denies purge\n\nThe minister said on Monday."
    assert article.title_span == (0, 21)
    assert article.text[0:21] == article.title


def test_no_title_leaves_the_body_alone() -> None:
    article = Article.with_title("  ", "Body only.")
    assert (article.text, article.title, article.title_span) == ("Body only.", None, None)


def test_title_span_must_hold_the_title() -> None:
    with pytest.raises(ValueError, match="does not hold the title"):
        Article(text="Headline\n\nBody", title="Other", title_span=(0, 8))


def test_interrupted_content_runs_from_first_to_last_fragment() -> None:
    text = "“X,” he said. “Y.”"
    content = Content.from_fragments(text, [(14, 18), (0, 4)])
    assert (content.start, content.end, content.fragments) == (0, 18, ((0, 4), (14, 18)))
    assert content.to_dict()["fragments"] == [[0, 4], [14, 18]]
    assert content.text == text


# Documents with every field drawn, spans included: from_dict must not depend on what the analyzer produces.
offsets = st.integers(min_value=0, max_value=10_000)
words = st.text(max_size=12)
maybe_words = st.none() | words
numbers = st.floats(allow_nan=False, allow_infinity=False) | st.integers(min_value=-10**6, max_value=10**6)
span_args = {"text": words, "start": offsets, "end": offsets}
statements = st.builds(
    Statement,
    id=words, kind=st.sampled_from(["direct", "indirect", "mixed"]), act=st.sampled_from(["assert", "deny", "other"]),
    speaker=st.none() | st.builds(Speaker, **span_args, name=words, entity=maybe_words),
    cue=st.builds(Cue, **span_args, lemma=words, neutrality=st.sampled_from(["neutral", "doubt", "presuppose"]),
                 negated=st.booleans()),
    content=st.none() | st.builds(Content, **span_args, fragments=st.lists(st.tuples(offsets, offsets)).map(tuple)),
    sentence=st.builds(Span, **span_args), in_headline=st.booleans(),
    stance=st.none() | st.builds(Stance, claim=words, label=st.sampled_from(["support", "deny", "neutral"]),
                                 score=st.floats(min_value=0, max_value=1)),
)
documents = st.builds(
    Document,
    id=words, text=st.text(), analyzer=st.builds(Analyzer, version=words, models=st.dictionaries(words, words)),
    title=maybe_words, title_span=st.none() | st.tuples(offsets, offsets), path=maybe_words, outlet=maybe_words,
    url=maybe_words, published=maybe_words, author=maybe_words, language=words, duplicate_of=maybe_words,
    entities=st.lists(st.builds(Entity, id=words, name=words, type=words, roles=st.lists(words),
                                mentions=st.lists(st.tuples(offsets, offsets))), max_size=3),
    statements=st.lists(statements, max_size=3),
    claims=st.lists(st.builds(Claim, id=words, text=words, start=offsets, end=offsets, normalized=words,
                              central=st.booleans(), checkworthy=st.none() | st.floats(min_value=0, max_value=1),
                              quantities=st.lists(words)), max_size=3),
    quantities=st.lists(st.builds(Quantity, id=words, text=words, start=offsets, end=offsets, value=numbers,
                                  bound=st.sampled_from(["exact", "lower", "range"]), unit=maybe_words,
                                  event=maybe_words, value_max=st.none() | numbers), max_size=3),
    framing_markers=st.lists(st.builds(FramingMarker, text=words, start=offsets, end=offsets,
                                       where=st.sampled_from(["headline", "body"]),
                                       type=st.sampled_from(["editorializing", "scare_quote"])), max_size=3),
)


@given(documents)
def test_from_dict_reads_back_what_to_dict_wrote(document: Document) -> None:
    data = document.to_dict()
    assert Document.from_dict(data).to_dict() == data


def test_from_dict_refuses_another_schema() -> None:
    with pytest.raises(ValueError, match="not a claimledger.document/1 object"):
        Document.from_dict({"schema": "claimledger.ledger/1"})
