"""Highlighted article HTML: escaped pieces, overlapping marks, hover labels, statement anchors."""

from __future__ import annotations

from claimledger.model import Content, Cue, Quantity, Speaker, Span, Statement
from claimledger.web.highlight import Mark, describe_quantity, highlight, statement_marks

# Invented.
TEXT = "“No <b>proof</b>,” Mara Quill said."


def test_unmarked_text_is_escaped() -> None:
    assert highlight("a < b & \"c\"", []) == "a &lt; b &amp; &#34;c&#34;"


def test_overlapping_marks_split_into_pieces_with_every_class_and_label() -> None:
    marks = [Mark(0, 6, "quote", "quote <1>"), Mark(4, 10, "figure", "figure")]
    assert highlight("abcdefghijkl", marks) == (
        '<span class="quote" title="quote &lt;1&gt;">abcd</span>'
        '<span class="quote figure" title="quote &lt;1&gt;\nfigure">ef</span>'
        '<span class="figure" title="figure">ghij</span>kl'
    )


def test_marks_outside_the_text_are_ignored() -> None:
    assert highlight("abc", [Mark(2, 9, "cue", "x"), Mark(1, 1, "cue", "empty")]) == "abc"


def statement(statement_id: str = "s1") -> Statement:
    """“No <b>proof</b>,” Mara Quill said. (invented)"""
    return Statement(
        id=statement_id, kind="direct", act="deny", speaker=Speaker("Mara Quill", 19, 29, name="Mara Quill"),
        cue=Cue("said", 30, 34, lemma="say"),
        content=Content.from_fragments(TEXT, [(0, 18)]), sentence=Span.of(TEXT, 0, len(TEXT)),
    )


def test_a_statement_is_highlighted_with_its_speaker_and_act() -> None:
    html = highlight(TEXT, statement_marks(statement()))
    assert html == (
        '<span class="quote quote-direct" title="direct quote of Mara Quill · act: deny">'
        '“No &lt;b&gt;proof&lt;/b&gt;,”</span> '
        '<span class="speaker" title="speaker: Mara Quill · act: deny">Mara Quill</span> '
        '<span id="s1" class="cue" title="cue “said” · act: deny · neutral · speaker: Mara Quill">said</span>.'
    )


def test_a_negated_cue_says_so() -> None:
    text = "Mara Quill did not deny it."
    negated = Statement(
        id="s1", kind="indirect", act="other", speaker=Speaker("Mara Quill", 0, 10, name="Mara Quill"),
        cue=Cue("did not deny", 11, 23, lemma="deny", negated=True), content=None, sentence=Span.of(text, 0, len(text)),
    )
    [cue] = [mark for mark in statement_marks(negated) if mark.css == "cue"]
    assert cue.label == "cue “did not deny” · act: other (negated) · neutral · speaker: Mara Quill"


def test_statements_sharing_a_cue_each_keep_an_anchor() -> None:
    html = highlight(TEXT, statement_marks(statement("s1")) + statement_marks(statement("s2")))
    assert '<span id="s2"></span><span id="s1" class="cue"' in html


def test_a_quantity_is_described_by_value_bound_unit_and_event() -> None:
    detained = Quantity("q1", "More than 100", 0, 13, 100.0, "lower", unit="people", event="detain")
    families = Quantity("q2", "between 30 and 50", 0, 17, 30, "range", unit="families", value_max=50)
    assert describe_quantity(detained) == "100 (lower) · people · detain"
    assert describe_quantity(families) == "30–50 (range) · families"
