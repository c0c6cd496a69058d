"""The --accurate attribution tagger: wordpieces, windows, the combination with the CRF, the shipped model.

Sentences are invented; expected spans are exact.
"""

from __future__ import annotations

import json
import math

import pytest

from claimledger.attribution import extract_statements
from claimledger.attribution.features import rule_labels
from claimledger.attribution.rules import find_statements, quoting
from claimledger.attribution.tagger import rule_spans
from claimledger.attribution.tagging import LABELS, encode_tags
from claimledger.attribution.transformer import (
    ACCURATE_MODEL_NAME, IGNORED, MODELS_FOLDER, RULE_LABELS, STRIDE, WINDOW, PieceVocabulary, Pieces, combined_tags,
    document_pieces, encoder_folder, owning_window, packed_state, unpacked_state, windows,
)
from claimledger.attribution.transformer_training import fine_tune, labelled_windows

torch = pytest.importorskip("torch", reason="--accurate needs requirements-accurate.txt")
MAX_WEIGHTS_BYTES = 20 * 1024 * 1024  # the issue allows 100 MB; no file in the repository may pass 20 MB


@pytest.fixture(scope="module")
def vocabulary() -> PieceVocabulary:
    from transformers import AutoTokenizer

    return PieceVocabulary(AutoTokenizer.from_pretrained(str(encoder_folder())))


def test_a_document_becomes_wordpieces_with_a_sep_at_each_paragraph_break(nlp, vocabulary) -> None:
    doc = nlp("“Losses rose,” officials said.\n\nThe mayor agreed.")
    tokens = [t.i for t in doc if not t.is_space]
    quoted = quoting(doc)
    pieces = document_pieces(doc, tokens, quoted, rule_labels(doc, rule_spans(find_statements(doc, quoted))), vocabulary)
    words = vocabulary.tokenizer.convert_ids_to_tokens(pieces.ids)
    assert words == ["“", "losses", "rose", ",", "”", "officials", "said", ".", "[SEP]", "the", "mayor", "agreed", "."]
    assert [words[p] for p in pieces.first_piece] == [w for w in words if w != "[SEP]"]
    assert pieces.quotes == [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]
    assert [RULE_LABELS[r] for r in pieces.rules[:8]] == [
        "B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "B-SOURCE", "B-CUE", "O"]
    assert pieces.rules[8] == 0


def test_a_long_word_keeps_its_first_pieces_only(vocabulary) -> None:
    url = "https://example.org/" + "/".join(f"part{n}" for n in range(30))
    assert len(vocabulary.pieces([url])[0]) == 12


def test_windows_overlap_and_cover_every_piece(vocabulary) -> None:
    count = 600
    pieces = Pieces(list(range(1000, 1000 + count)), [0] * count, [0] * count, list(range(count)))
    parts = windows(pieces, vocabulary)
    inner = WINDOW - 2
    assert [w.start for w in parts] == [0, STRIDE, 2 * STRIDE, count - inner]
    assert all(len(w.ids) == WINDOW and w.ids[0] == vocabulary.cls_id and w.ids[-1] == vocabulary.sep_id for w in parts)
    assert parts[1].ids[1] == 1000 + STRIDE


def test_a_short_document_is_one_window(vocabulary) -> None:
    parts = windows(Pieces([5, 6, 7], [0, 0, 0], [0, 0, 0], [0, 1, 2]), vocabulary)
    assert [(w.start, w.ids) for w in parts] == [(0, [vocabulary.cls_id, 5, 6, 7, vocabulary.sep_id])]


def test_each_piece_is_read_in_the_window_where_it_is_most_central() -> None:
    starts = [0, 128, 256]
    assert owning_window([0, 120, 200, 300, 330, 500], starts) == [0, 0, 1, 1, 2, 2]


def _log_probs(rows: list[dict[str, float]]) -> list[list[float]]:
    """Per token, log-probabilities over LABELS: the given ones, the rest sharing what is left."""
    result = []
    for given in rows:
        rest = (1 - sum(given.values())) / (len(LABELS) - len(given))
        result.append([math.log(given.get(label, rest)) for label in LABELS])
    return result


NO_TRANSITIONS = [[0.0] * len(LABELS) for _ in LABELS]


def test_the_crf_weight_decides_between_the_taggers() -> None:
    encoder = _log_probs([{"B-CUE": 0.6}])
    crf = [[math.exp(p) for p in row] for row in _log_probs([{"O": 0.9}])]
    assert combined_tags(encoder, crf, NO_TRANSITIONS, 0.0, 0.0) == ["B-CUE"]
    assert combined_tags(encoder, crf, NO_TRANSITIONS, 2.0, 0.0) == ["O"]


def test_transitions_keep_a_content_span_whole() -> None:
    # The middle token leans to O on its own; I-CONTENT -> O -> I-CONTENT is a transition the CRF
    # penalises, so with its transitions the span stays one.
    encoder = _log_probs([{"B-CONTENT": 0.9}, {"O": 0.5, "I-CONTENT": 0.45}, {"I-CONTENT": 0.9}])
    uniform = [[1 / len(LABELS)] * len(LABELS) for _ in encoder]
    transitions = [row[:] for row in NO_TRANSITIONS]
    for first, then in (("B-CONTENT", "O"), ("O", "I-CONTENT")):
        transitions[LABELS.index(first)][LABELS.index(then)] = -3.0
    assert combined_tags(encoder, uniform, NO_TRANSITIONS, 0.0, 0.0) == ["B-CONTENT", "O", "I-CONTENT"]
    assert combined_tags(encoder, uniform, transitions, 0.0, 1.0) == ["B-CONTENT", "I-CONTENT", "I-CONTENT"]
    assert combined_tags([], [], transitions, 0.0, 1.0) == []


def test_training_windows_carry_the_gold_label_on_first_pieces_only(nlp, vocabulary) -> None:
    text = "The spokeswoman said unemployment fell."
    doc = nlp(text)
    spans = [("SOURCE", [(0, 15)]), ("CUE", [(16, 20)]), ("CONTENT", [(21, 38)])]
    [example] = labelled_windows(doc, spans, vocabulary)
    words = vocabulary.tokenizer.convert_ids_to_tokens(example.window.ids)
    labelled = [(word, LABELS[label]) for word, label in zip(words, example.labels) if label != IGNORED]
    assert labelled == [("the", "B-SOURCE"), ("spoke", "I-SOURCE"), ("said", "B-CUE"),
                        ("unemployment", "B-CONTENT"), ("fell", "L-CONTENT"), (".", "O")]
    assert labelled == list(zip([w for w in words if w not in ("[CLS]", "[SEP]") and not w.startswith("##")],
                                encode_tags(doc, [t.i for t in doc], spans)))


def test_fine_tuning_writes_packed_weights_without_the_word_embeddings(nlp, vocabulary, tmp_path) -> None:
    from safetensors.torch import load_file

    doc = nlp("The spokeswoman said unemployment fell.")
    examples = labelled_windows(doc, [("SOURCE", [(0, 15)]), ("CUE", [(16, 20)])], vocabulary)
    weights = tmp_path / "tiny.safetensors"
    loss = fine_tune(examples, weights, epochs=1)
    tensors = load_file(str(weights))
    assert loss > 0
    assert "encoder.embeddings.word_embeddings.weight" not in tensors
    assert {"classifier.weight", "rule_embedding.weight", "quote_embedding.weight"} <= set(tensors)
    # Matrices in int8 with a float16 scale per row; vectors in float16.
    assert (tensors["classifier.weight"].dtype, tensors["classifier.bias"].dtype) == (torch.int8, torch.float16)
    assert tensors["classifier.weight.row_scale"].shape == (tensors["classifier.weight"].shape[0], 1)


def test_packed_weights_unpack_to_within_half_a_step_of_each_row() -> None:
    matrix = torch.tensor([[0.5, -1.0, 0.25], [2.0, 0.0, -0.01]])
    bias = torch.tensor([0.1, -0.2])
    packed = packed_state({"w": matrix, "b": bias})
    assert set(packed) == {"w", "w.row_scale", "b"}
    assert packed["w"].tolist() == [[64, -127, 32], [127, 0, -1]]
    unpacked = unpacked_state(packed)
    steps = matrix.abs().amax(dim=1, keepdim=True) / 127
    assert bool(((unpacked["w"] - matrix).abs() <= steps / 2 + 1e-3).all())
    assert torch.allclose(unpacked["b"], bias, atol=1e-3)


# --- the shipped model ---------------------------------------------------------------------------


def test_the_shipped_weights_are_small_and_the_card_says_how_to_rebuild_them() -> None:
    weights = MODELS_FOLDER / f"{ACCURATE_MODEL_NAME}.safetensors"
    card = json.loads((MODELS_FOLDER / f"{ACCURATE_MODEL_NAME}.json").read_text(encoding="utf-8"))
    assert weights.stat().st_size < MAX_WEIGHTS_BYTES
    assert card["command"] == "claimledger train attribution --accurate"
    assert card["data"]["polnear"] == ["train"]
    assert card["dev_scores"]["eval"] == "claimledger eval polnear-accurate"


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content", "act"),
    [
        ("Russia's foreign minister has denied all reports of abuses in the region.",
         "Russia's foreign minister", "has denied", "all reports of abuses in the region", "deny"),
        ("“We will not leave,” the union's leader said on Tuesday.",
         "the union's leader", "said", "“We will not leave,”", "assert"),
        ("The company declined to comment.", "The company", "declined to comment", None, "refuse_comment"),
    ],
)
def test_the_accurate_mode_finds_the_statement(nlp, text, speaker, cue, content, act) -> None:
    [statement], _ = extract_statements(nlp(text), accurate=True)
    assert statement.speaker.text == speaker
    assert statement.cue.text == cue
    assert (statement.content.text if statement.content else None) == content
    assert statement.act == act
