"""Silver labels for the default network: which bodies are read, and which of the teacher's tags are kept.

The teacher here is a stand-in that puts all its weight on given labels, so the expected labels are
exact; the sentences are invented.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from claimledger.attribution.convnet_training import IGNORED
from claimledger.attribution.distillation import SILVER_SOURCE, silver_examples, silver_texts
from claimledger.attribution.tagger import shipped_model
from claimledger.attribution.tagging import LABELS
from claimledger.errors import InputError

TEXT = "The mayor said the bridge would reopen. Rain fell on Tuesday."
SAID = ["B-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT", "L-CONTENT", "O"]


def teacher_tagging(tags: list[str]) -> SimpleNamespace:
    """A teacher whose decoded tags are ``tags``: log-probability 0 for each, -50 for the others,
    and no CRF weight beside them."""

    def label_log_probs(doc, tokens, quoted, ruled_labels) -> list[list[float]]:
        return [[0.0 if label == tag else -50.0 for label in LABELS] for tag in tags]

    return SimpleNamespace(label_log_probs=label_log_probs, crf_weight=0.0, transition_weight=0.0)


@pytest.mark.parametrize(
    ("rest", "expected_rest"),
    [
        # What the pipeline keeps is learnt as the teacher tagged it.
        (["O"] * 5, ["O"] * 5),
        # A source without a cue is dropped when statements are linked: not learnt either way.
        (["O", "O", "O", "B-SOURCE", "O"], ["O", "O", "O", IGNORED, "O"]),
    ],
)
def test_the_teachers_tags_are_kept_where_its_statements_agree(nlp, rest, expected_rest) -> None:
    [(features, vectors, labels)] = silver_examples([TEXT], nlp, shipped_model(), teacher_tagging(SAID + rest))
    assert [LABELS[label] if label != IGNORED else IGNORED for label in labels] == SAID + expected_rest
    assert len(features) == len(vectors) == 13


def test_empty_text_gives_no_example(nlp) -> None:
    assert silver_examples(["  \n"], nlp, shipped_model(), teacher_tagging([])) == []


def test_the_silver_bodies_are_distinct_and_not_blank(tmp_path) -> None:
    bodies = tmp_path / SILVER_SOURCE
    bodies.parent.mkdir(parents=True)
    bodies.write_text(
        'Body ID,articleBody\n0,"The mayor said so.\n"\n1,"  "\n2,The mayor said so.\n3,Rain fell.\n', encoding="utf-8"
    )
    assert silver_texts(tmp_path) == ["The mayor said so.", "Rain fell."]


def test_a_bodies_file_without_its_columns_is_named(tmp_path) -> None:
    bodies = tmp_path / SILVER_SOURCE
    bodies.parent.mkdir(parents=True)
    bodies.write_text("id,text\n0,The mayor said so.\n", encoding="utf-8")
    with pytest.raises(InputError, match="train_bodies.csv"):
        silver_texts(tmp_path)
