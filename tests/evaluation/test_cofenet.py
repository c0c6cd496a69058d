"""CofeNet's sentence-level metric: aligning its tokens to our text, reading BIO tags, scoring."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from claimledger.errors import ClaimledgerError
from claimledger.evaluation.cofenet import (
    COFENET_DEV,
    CofenetSentence,
    align_tokens,
    cofenet_scores,
    predicted_labels,
    read_cofenet_sentences,
    statement_spans,
    tagged_spans,
)
from claimledger.evaluation.polnear import load_dev_gold
from claimledger.model import Article, Content, Cue, Document, Span, Speaker, Statement

from .fakes import TEST_ANALYZER

TEXT = "“We found nothing,” Halvorsen said. “The review is over.”\n\nHe (the minister) didn't say more."


def words(offsets: list[tuple[int, int] | None], text: str = TEXT) -> list[str | None]:
    return [text[o[0] : o[1]] if o else None for o in offsets]


def test_penn_treebank_tokens_are_found_as_the_characters_they_stand_for() -> None:
    tokens = ["``", "We", "found", "nothing", ",", "''", "Halvorsen", "said", "."]
    offsets, end = align_tokens(TEXT, tokens, 0)
    assert words(offsets) == ["“", "We", "found", "nothing", ",", "”", "Halvorsen", "said", "."]
    assert end == TEXT.index("said") + len("said.")
    offsets, _ = align_tokens(TEXT, ["He", "-LRB-", "the", "minister", "-RRB-", "did", "n't", "say", "more", "."], end)
    assert words(offsets) == ["He", "(", "the", "minister", ")", "did", "n't", "say", "more", "."]


def test_a_sentence_left_out_of_the_file_is_skipped_and_stray_punctuation_stays_unfound() -> None:
    start = TEXT.index("He")
    offsets, _ = align_tokens(TEXT, ["He", "-LRB-", "the"], 0)  # the sentences before it are not in the file
    assert offsets[0] == (start, start + 2)
    # "Del." ending a sentence gets a second "." from the tokeniser; it must not jump to a far-off one.
    text = "said Del. Stacey Plaskett of the Virgin Islands."
    offsets, _ = align_tokens(text, ["said", "Del.", ".", "Stacey", "Plaskett"], 0)
    assert words(offsets, text) == ["said", "Del.", None, "Stacey", "Plaskett"]


@pytest.mark.parametrize(
    "labels, spans",
    [
        (["B-source", "B-cue", "I-cue", "B-content", "I-content", "O"],
         {("source", 0, 1), ("cue", 1, 3), ("content", 3, 5)}),
        # An I- tag with no open span of its type starts none; a B- tag ends the span before it.
        (["I-content", "I-content", "O", "B-content", "B-content", "I-content"],
         {("content", 3, 4), ("content", 4, 6)}),
        (["B-source", "I-cue", "B-cue"], {("source", 0, 1), ("cue", 2, 3)}),
        (["O", "O"], set()),
    ],
)
def test_spans_are_read_from_tags_as_cofenet_reads_them(labels: list[str], spans: set) -> None:
    assert tagged_spans(labels) == spans


def document_with_one_statement() -> Document:
    document = Document.from_article(Article(text=TEXT), TEST_ANALYZER)
    first, second = TEXT.index("“We"), TEXT.index("“The")
    said = TEXT.index("said")
    document.statements = [
        Statement(
            id="s1", kind="direct", act="assert",
            speaker=Speaker.of(TEXT, TEXT.index("Halvorsen"), said - 1),
            cue=Cue.of(TEXT, said, said + 4),
            content=Content.from_fragments(TEXT, [(first, TEXT.index(" Halvorsen")), (second, TEXT.index("\n"))]),
            sentence=Span.of(TEXT, 0, TEXT.index("\n")),
        )
    ]
    return document


def test_predicted_tags_begin_each_content_fragment_and_each_sentence() -> None:
    document = document_with_one_statement()
    tokens = ["``", "We", "found", "nothing", ",", "''", "Halvorsen", "said", ".", "``", "The", "review"]
    offsets, _ = align_tokens(TEXT, tokens, 0)
    assert predicted_labels(statement_spans(document), offsets) == [
        "B-content", "I-content", "I-content", "I-content", "I-content", "I-content",
        "B-source", "B-cue", "O", "B-content", "I-content", "I-content",
    ]
    # The same fragment read as a sentence of its own begins again.
    offsets, _ = align_tokens(TEXT, ["review", "is"], TEXT.index("review"))
    assert predicted_labels(statement_spans(document), offsets) == ["B-content", "I-content"]


def test_scores_count_every_annotators_sentences_and_skip_articles_not_predicted() -> None:
    document = document_with_one_statement()
    tokens = ("``", "We", "found", "nothing", ",", "''", "Halvorsen", "said", ".")
    right = ("B-content", "I-content", "I-content", "I-content", "I-content", "I-content", "B-source", "B-cue", "O")
    wrong = ("O", "B-content", "I-content", "I-content", "I-content", "O", "B-source", "B-cue", "O")
    sentences = [
        CofenetSentence("a", "x1", tokens, right),
        CofenetSentence("a", "x2", tokens, wrong),
        CofenetSentence("b", "x1", tokens, right),  # no prediction for article "b": not scored
    ]
    scores = cofenet_scores({"a": document}, sentences)
    assert scores == {
        "source": {"p": 100.0, "r": 100.0, "f1": 100.0},
        "cue": {"p": 100.0, "r": 100.0, "f1": 100.0},
        "content": {"p": 50.0, "r": 50.0, "f1": 50.0},
    }


def test_a_malformed_line_is_an_error_naming_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "valid.txt"
    path.write_text(json.dumps({"tokens": ["a"], "labels": ["O"], "id": "art_x1"}) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ClaimledgerError, match=r"valid\.txt:2: not a CofeNet sentence"):
        read_cofenet_sentences(path)


@pytest.mark.evaldata
def test_the_dev_file_covers_every_annotator_and_its_tokens_are_found(shared_data_root: Path) -> None:
    sentences = read_cofenet_sentences(shared_data_root / COFENET_DEV)
    texts = {article.name: article.text for article in load_dev_gold(shared_data_root)}
    assert len(sentences) == 1925
    assert len({(s.article, s.annotator) for s in sentences}) == 94
    assert {s.article for s in sentences} == set(texts)
    found, at = Counter(), {}
    for sentence in sentences:
        key = (sentence.article, sentence.annotator)
        offsets, at[key] = align_tokens(texts[sentence.article], sentence.tokens, at.get(key, 0))
        found.update(offset is not None for offset in offsets)
    # A few sentences are not in PolNeAR's text at all (a quoted passage of one Breitbart article).
    assert found[False] / (found[True] + found[False]) < 0.005
