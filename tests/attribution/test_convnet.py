"""The default tagger's network (cnn-1): numpy inference against its torch twin, feature lookup,
token vectors from foreign pipelines, the shipped model.

Sentences are invented; expected spans are exact.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from claimledger.attribution import extract_statements
from claimledger.attribution.features import Column, DocumentFeatures
from claimledger.attribution.convnet import (
    CONVNET_MODEL_NAME, MODELS_FOLDER, ConvTagger, dilated_convolution, shipped_convnet,
)
from claimledger.attribution.tagging import LABELS
from claimledger.errors import ModelNotFoundError

torch = pytest.importorskip("torch", reason="training the network needs requirements-accurate.txt")


@pytest.mark.parametrize("dilation", [1, 2, 4])
def test_the_numpy_convolution_is_torchs(dilation: int) -> None:
    generator = torch.Generator().manual_seed(dilation)
    convolution = torch.nn.Conv1d(4, 3, 3, padding=dilation, dilation=dilation)
    values = torch.randn(7, 4, generator=generator)
    expected = convolution(values.T.unsqueeze(0))[0].T.detach().numpy()
    weight, bias = convolution.weight.detach().numpy(), convolution.bias.detach().numpy()
    assert np.allclose(dilated_convolution(values.numpy(), weight, bias, dilation), expected, atol=1e-5)


@pytest.fixture
def small_model(tmp_path) -> tuple[ConvTagger, object]:
    """A randomly initialised network over four feature strings, saved and loaded back."""
    from claimledger.attribution.convnet_training import network, save_convnet

    torch.manual_seed(3)
    net = network(4, 5).eval()
    states = {"w=said": np.arange(len(LABELS), dtype=np.float32)}
    transitions = np.eye(len(LABELS)).tolist()
    path = tmp_path / "net.npz"
    save_convnet(path, ["w=said", "w=he", "t=VBD", "q=0"], net, states, transitions)
    return ConvTagger.load(path), net


def test_the_loaded_network_computes_what_torch_trained(small_model) -> None:
    model, net = small_model
    ids, offsets = torch.tensor([0, 3, 1, 2]), torch.tensor([0, 2, 3])
    vectors = torch.randn(3, 5, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        expected = torch.log_softmax(net(ids, offsets, vectors), -1).numpy()
    # The file keeps embeddings in int8.
    rows = model.feature_matrix(DocumentFeatures([0, 1, 2], (), [("w=said", "q=0"), ("w=he",), ("t=VBD",)]))
    assert np.allclose(model.log_probs(rows @ model.embedding, vectors.numpy()), expected, atol=1e-2)


def test_unknown_features_drop_out_and_the_crf_states_come_along(small_model) -> None:
    model, _ = small_model
    # A column (one string per token) and extras (any number per token) are read alike.
    column = Column(["w=said", "t=NN", "q=0"], np.array([0, 1, 2]))
    sequence = DocumentFeatures([0, 1, 2], (column,), [("w=unseen",), (), ("w=he",)])
    rows = model.feature_matrix(sequence)
    assert rows.toarray().tolist() == [[1, 0, 0, 0], [0, 0, 0, 0], [0, 1, 0, 1]]
    assert (rows @ model.crf_states)[0].tolist() == list(range(len(LABELS)))
    assert model.transitions.tolist() == np.eye(len(LABELS)).tolist()


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
    assert (MODELS_FOLDER / f"{CONVNET_MODEL_NAME}.npz").stat().st_size < 20 * 1024 * 1024


def test_the_default_tagger_finds_an_indirect_statement(nlp) -> None:
    text = "The city's finance director, Maria Lopez, said on Monday that the budget gap had doubled."
    statements, _ = extract_statements(nlp(text))
    [statement] = statements
    assert (statement.speaker.text, statement.cue.text, statement.content.text) == (
        "The city's finance director, Maria Lopez", "said", "that the budget gap had doubled"
    )
