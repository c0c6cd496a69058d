"""The offset and identity rules every stage relies on ("Documents, text and offsets" in PRODUCT.md)."""

from __future__ import annotations

import hashlib

import pytest

from claimledger.model import Article, Content, document_id


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
