"""Reading brat standoff: continuous and discontinuous spans, events, malformed lines."""

from __future__ import annotations

import pytest

from claimledger.evaluation.brat import parse_brat

ANN = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 25;40 52\tthe bridge would reopen soon\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "#1\tAnnotatorNotes T3\tnotes are ignored\n"
    "E2\tAttribution-no-source:T4 \n"
)


def test_continuous_text_bound() -> None:
    source = parse_brat(ANN).text_bounds["T1"]
    assert (source.label, source.start, source.end, source.text) == ("Source", 0, 9, "The mayor")
    assert not source.discontinuous


def test_discontinuous_span_runs_from_first_start_to_last_end() -> None:
    content = parse_brat(ANN).text_bounds["T3"]
    assert content.discontinuous
    assert content.fragments == ((15, 25), (40, 52))
    assert (content.start, content.end) == (15, 52)


def test_fragments_out_of_text_order_keep_file_order_but_span_uses_min_and_max() -> None:
    content = parse_brat("T1\tContent 40 52;15 25\tsoon the bridge\n").text_bounds["T1"]
    assert content.fragments == ((40, 52), (15, 25))
    assert (content.start, content.end) == (15, 52)


def test_events_keep_type_trigger_and_arguments_in_file_order() -> None:
    first, second = parse_brat(ANN).events
    assert (first.id, first.type, first.trigger) == ("E1", "Attribution", "T4")
    assert first.arguments == (("Content", "T3"), ("Cue", "T2"), ("Source", "T1"))
    assert (second.type, second.arguments) == ("Attribution-no-source", ())


def test_line_separators_inside_span_text_do_not_split_lines() -> None:
    bound = parse_brat("T1\tContent 0 7\tone\u2028two\nT2\tCue 8 12\tsaid\n").text_bounds
    assert bound["T1"].text == "one\u2028two"
    assert bound["T2"].label == "Cue"


def test_malformed_line_names_its_line_number() -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse_brat("T1\tCue 0 4\tsaid\nT2\tCue four 9\tsaid\n")
