"""The default tagger's networks (cnn-2): numpy inference against the torch twin, feature lookup,
averaging, token vectors from foreign pipelines, training on partly labelled text, the shipped model.

Sentences are invented; expected spans are exact.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import numpy as np
import pytest

from claimledger.attribution import extract_statements
from claimledger.attribution.features import Column, DocumentFeatures
from claimledger.attribution.convnet import (
    CONVNET_MODEL_NAME, MODELS_FOLDER, NETWORK_WEIGHT, ConvTagger, dilated_convolution, shipped_convnet, stacked_taps,
)
from claimledger.attribution.tagging import LABELS, best_tags
from claimledger.errors import ModelNotFoundError

torch = pytest.importorskip("torch", reason="training the network needs requirements-accurate.txt")


@pytest.mark.parametrize("dilation", [1, 2, 4, 8])
def test_the_numpy_convolution_is_torchs(dilation: int) -> None:
    generator = torch.Generator().manual_seed(dilation)
    convolution = torch.nn.Conv1d(4, 3, 3, padding=dilation, dilation=dilation)
    values = torch.randn(7, 4, generator=generator)
    expected = convolution(values.T.unsqueeze(0))[0].T.detach().numpy()
    weight, bias = convolution.weight.detach().numpy(), convolution.bias.detach().numpy()
    assert np.allclose(dilated_convolution(values.numpy(), stacked_taps(weight), bias, dilation), expected, atol=1e-5)


def small_networks(count: int) -> list:
    """``count`` randomly initialised torch networks over four feature strings and five-wide vectors."""
    from claimledger.attribution.convnet_training import network

    torch.manual_seed(3)
    return [network(4, 5).eval() for _ in range(count)]


def saved(nets: list, path) -> ConvTagger:
    """``nets`` saved with made-up CRF weights, and loaded back."""
    from claimledger.attribution.convnet_training import save_convnet

    states = {"w=said": np.arange(len(LABELS), dtype=np.float32)}
    save_convnet(path, ["w=said", "w=he", "t=VBD", "q=0"], nets, states, np.eye(len(LABELS)).tolist())
    return ConvTagger.load(path)


@pytest.fixture
def small_model(tmp_path) -> tuple[ConvTagger, object]:
    """A randomly initialised network over four feature strings, saved and loaded back."""
    [net] = small_networks(1)
    return saved([net], tmp_path / "net.npz"), net


def test_the_loaded_network_computes_what_torch_trained(small_model) -> None:
    model, net = small_model
    ids, offsets = torch.tensor([0, 3, 1, 2]), torch.tensor([0, 2, 3])
    vectors = torch.randn(3, 5, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        expected = torch.log_softmax(net(ids, offsets, vectors), -1).numpy()
    # The file keeps embeddings in int8.
    rows = model.feature_matrix(DocumentFeatures([0, 1, 2], (), [("w=said", "q=0"), ("w=he",), ("t=VBD",)]))
    assert np.allclose(model.networks[0].log_probs(rows, vectors.numpy()), expected, atol=1e-2)


def test_two_networks_are_stored_apart_and_read_together(tmp_path, nlp) -> None:
    first, second = small_networks(2)
    model = saved([first, second], tmp_path / "two.npz")
    assert len(model.networks) == 2
    assert not np.allclose(model.networks[0].feature_input, model.networks[1].feature_input)
    doc = nlp("He said so.")
    doc.tensor = np.zeros((len(doc), 5), dtype=np.float32)
    sequence = DocumentFeatures([0, 1, 2, 3], (), [("w=he",), ("w=said", "t=VBD"), (), ("q=0",)])
    rows = model.feature_matrix(sequence)
    vectors = model.token_vectors(doc, sequence.tokens)
    average = (model.networks[0].log_probs(rows, vectors) + model.networks[1].log_probs(rows, vectors)) / 2
    expected = best_tags(NETWORK_WEIGHT * average + rows @ model.crf_states, model.transitions)
    assert model.tags(doc, sequence) == expected


def test_a_text_with_every_token_ignored_teaches_the_network_nothing(tmp_path) -> None:
    """Silver text (:mod:`.distillation`) marks the tokens not to learn from; a text with no token
    left would make the loss 0 / 0 and fill the weights with NaN."""
    from claimledger.attribution.convnet_training import IGNORED, train_convnet

    crf = SimpleNamespace(info=SimpleNamespace(state_features={}), transitions=np.eye(len(LABELS)).tolist())
    features = [["w=said"], ["w=he"], ["w=said"]]
    vectors = np.zeros((3, 4), dtype=np.float32)
    labelled = (features, vectors, [0, 1, 0])
    skipped = (features, vectors, [IGNORED] * 3)
    loss = train_convnet([labelled] * 5 + [skipped], crf, tmp_path / "net.npz", seeds=(0,))
    [network] = ConvTagger.load(tmp_path / "net.npz").networks
    assert np.isfinite(loss)
    assert np.isfinite(network.feature_input).all() and np.isfinite(network.output_weight).all()


def test_unknown_features_drop_out_and_the_crf_states_come_along(small_model) -> None:
    model, _ = small_model
    # A column (one string per token) and extras (any number per token) are read alike.
    column = Column(["w=said", "t=NN", "q=0"], np.array([0, 1, 2]))
    sequence = DocumentFeatures([0, 1, 2], (column,), [("w=unseen",), (), ("w=he",)])
    rows = model.feature_matrix(sequence)
    assert rows.toarray().tolist() == [[1, 0, 0, 0], [0, 0, 0, 0], [0, 1, 0, 1]]
    assert (rows @ model.crf_states)[0].tolist() == list(range(len(LABELS)))
    assert model.transitions.tolist() == np.eye(len(LABELS)).tolist()


def test_the_saved_vocabulary_keeps_the_strings_that_weigh_most() -> None:
    from claimledger.attribution.convnet_training import kept_features

    # Rows: a string only the CRF weighs, one only the network weighs, one neither weighs, one both weigh.
    arrays = {
        "features": ["w=said", "t=VBD", "q=0", "w=he"],
        "crf_states": np.array([[4.0, 0], [0, 0], [0, 0.1], [0, -2.0]], dtype=np.float32),
        "transitions": np.eye(2, dtype=np.float32),
        "net0_embedding": np.array([[0.1, 0], [3.0, 0], [0.1, 0], [1.0, 0]], dtype=np.float32),
        "net0_input_weight": np.array([[1.0, 0, 5.0], [0, 1.0, 5.0]], dtype=np.float32),
    }
    kept = kept_features(arrays, 3)
    assert kept["features"] == ["w=said", "t=VBD", "w=he"]
    assert kept["crf_states"].tolist() == [[4.0, 0], [0, 0], [0, -2.0]]
    assert kept["net0_embedding"][:, 0].tolist() == pytest.approx([0.1, 3.0, 1.0])
    assert kept["net0_input_weight"] is arrays["net0_input_weight"]
    assert kept_features(arrays, 4) is arrays


def test_a_foreign_pipelines_tensor_is_not_read(small_model, nlp) -> None:
    model, _ = small_model
    doc = nlp("The mayor said so.")
    doc.tensor = np.ones((len(doc), 7), dtype=np.float32)
    assert model.token_vectors(doc, [0, 1]).tolist() == [[0.0] * 5, [0.0] * 5]


def test_a_missing_model_file_is_named(tmp_path) -> None:
    with pytest.raises(ModelNotFoundError, match="cnn-2.npz"):
        ConvTagger.load(tmp_path / "cnn-2.npz")


def test_the_shipped_network_reads_the_parse_it_was_trained_on(nlp) -> None:
    model = shipped_convnet()
    assert model.tensor_width == nlp("x").tensor.shape[1]
    card = json.loads((MODELS_FOLDER / f"{CONVNET_MODEL_NAME}.json").read_text(encoding="utf-8"))
    assert card["command"] == "claimledger train attribution"
    assert len(model.networks) == 2
    assert (MODELS_FOLDER / f"{CONVNET_MODEL_NAME}.npz").stat().st_size < 20 * 1024 * 1024  # the tracked-file limit


def test_the_default_tagger_finds_an_indirect_statement(nlp) -> None:
    text = "The city's finance director, Maria Lopez, said on Monday that the budget gap had doubled."
    statements, _ = extract_statements(nlp(text))
    [statement] = statements
    assert (statement.speaker.text, statement.cue.text, statement.content.text) == (
        "The city's finance director, Maria Lopez", "said", "that the budget gap had doubled"
    )
