"""The default tagger's second reader: small convolutional networks beside the CRF (``cnn-2``).

The CRF weighs each feature string of a token on its own; a network embeds the same strings
(summed per token, as fastText does), adds the spaCy pipeline's own token vectors (``doc.tensor``,
already computed by the parse) and reads a window of neighbours through dilated convolutions, so
it learns which combinations of features mark a span's edge. ``cnn-2`` is two such networks,
trained from different seeds on PolNeAR and on news text labelled by ``--accurate``
(:mod:`.distillation`). Each token's label score is the networks' mean log-probability
(× :data:`NETWORK_WEIGHT`) plus the CRF's state score, and :func:`~.tagging.best_tags` decodes the
document under the CRF's transition weights: 79.1 / 72.7 / 61.8 exact F1 on PolNeAR dev, against
78.1 / 72.1 / 61.4 for ``cnn-1`` (one network, gold only) and the CRF's 76.3 / 69.9 / 57.9.

Inference is numpy only (torch trains it, :mod:`.convnet_training`). The model file
(``models/cnn-2.npz``) carries the CRF's state and transition weights too, read out of ``crf-1``
when the networks were trained: one lookup of the feature strings serves all, and pycrfsuite's
string handling, slower than the networks themselves, is skipped. It keeps the 90,000 feature strings
that weigh most (:func:`~.convnet_training.kept_features`), which brings it from 34 MB to 13 MB.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from spacy.tokens import Doc

from claimledger.attribution.features import DocumentFeatures
from claimledger.attribution.tagging import best_tags
from claimledger.errors import ModelNotFoundError

CONVNET_MODEL_NAME = "cnn-2"
# The weight of the networks' mean log-probabilities beside the CRF's state scores. For cnn-1 (one
# network) 1.0 scored best on PolNeAR dev with three layers but let the network override the CRF on
# plain news prose outside PolNeAR's style (an unconfirmed figure given to the next sentence's speaker);
# for cnn-2 (before its vocabulary was cut to 90,000 strings), 0.5 / 0.8 / 1.0 scored 78.4 / 72.7 / 61.8,
# 78.7 / 72.9 / 61.9 and 78.6 / 72.8 / 62.0.
NETWORK_WEIGHT = 0.8
MODELS_FOLDER = Path(__file__).parent / "models"


@dataclass(frozen=True)
class Network:
    """One trained network, its layers rearranged for numpy; the arithmetic is the torch twin's
    (:func:`~.convnet_training.network`)."""

    feature_input: np.ndarray  # features × width: each feature's embedding already through the input layer
    vector_input: np.ndarray  # tensor width × width: the input layer's weights for the parse vectors
    input_bias: np.ndarray
    convolutions: tuple[tuple[np.ndarray, np.ndarray], ...]  # (taps: in × 3·out, bias), dilation 2**k
    output_weight: np.ndarray  # width × labels
    output_bias: np.ndarray

    @classmethod
    def from_layers(
        cls, embedding: np.ndarray, input_weight: np.ndarray, input_bias: np.ndarray,
        convolutions: list[tuple[np.ndarray, np.ndarray]], output_weight: np.ndarray, output_bias: np.ndarray,
    ) -> "Network":
        """The network from torch's arrays (``input_weight`` width × (width + tensor width), each
        convolution's weight out × in × 3, ``output_weight`` labels × width).

        The input layer is linear in the summed embeddings, so it is applied to the embedding table
        once here rather than to every token (a third of the network's time)."""
        width = embedding.shape[1]
        return cls(
            embedding @ input_weight[:, :width].T, np.ascontiguousarray(input_weight[:, width:].T), input_bias,
            tuple((stacked_taps(weight), bias) for weight, bias in convolutions), output_weight.T, output_bias,
        )

    @property
    def tensor_width(self) -> int:
        """The width of the spaCy token vectors the network reads."""
        return self.vector_input.shape[0]

    def log_probs(self, present: sparse.csr_matrix, vectors: np.ndarray) -> np.ndarray:
        """Per-token label log-probabilities from the tokens' features ``present`` (tokens × vocabulary)
        and their parse vectors: summed embeddings, input layer, residual dilated convolutions."""
        hidden = relu(present @ self.feature_input + vectors @ self.vector_input + self.input_bias)
        for k, (taps, bias) in enumerate(self.convolutions):
            hidden += relu(dilated_convolution(hidden, taps, bias, 2**k))
        logits = hidden @ self.output_weight + self.output_bias
        logits -= logits.max(axis=1, keepdims=True)
        return logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))


@dataclass(frozen=True)
class ConvTagger:
    """The trained networks (one or more, over one vocabulary) and the CRF weights they are decoded with."""

    vocabulary: dict[str, int]  # feature string -> row of each network's ``embedding`` and of ``crf_states``
    crf_states: np.ndarray  # features × labels: the CRF's state weight of each feature for each label
    transitions: np.ndarray  # labels × labels: the CRF's transition weights [from][to]
    networks: tuple[Network, ...]

    @property
    def tensor_width(self) -> int:
        """The width of the spaCy token vectors the networks read."""
        return self.networks[0].tensor_width

    @classmethod
    def load(cls, path: Path) -> "ConvTagger":
        """Read a model written by :func:`~.convnet_training.save_convnet`."""
        if not path.is_file():
            raise ModelNotFoundError(f"attribution network missing: {path} (run `claimledger train attribution`)")
        with np.load(path, allow_pickle=False) as data:
            features = data["features"].tobytes().decode("utf-8").split("\n")
            count = sum(name.endswith("_embedding") for name in data.files)
            if not count:
                raise ModelNotFoundError(f"{path} holds no network (written by an older version? run `claimledger train attribution`)")
            return cls(
                {feature: row for row, feature in enumerate(features)},
                data["crf_states"], data["transitions"],
                tuple(_network(data, f"net{n}_") for n in range(count)),
            )

    def tags(self, doc: Doc, sequence: DocumentFeatures) -> list[str]:
        """The labels of the doc tokens ``sequence.tokens``, read from their CRF features."""
        if not sequence.tokens:
            return []
        present = self.feature_matrix(sequence)
        vectors = self.token_vectors(doc, sequence.tokens)
        networks = sum(network.log_probs(present, vectors) for network in self.networks) / len(self.networks)
        return best_tags(NETWORK_WEIGHT * networks + present @ self.crf_states, self.transitions)

    def feature_matrix(self, sequence: DocumentFeatures) -> sparse.csr_matrix:
        """Tokens × vocabulary, 1 where the token has the feature (unknown features drop out)."""
        count = len(sequence.tokens)
        by_column = [self._rows(column.strings)[column.codes] for column in sequence.columns]
        lengths = np.fromiter(map(len, sequence.extras), dtype=np.int64, count=count)
        by_extra = self._rows(chain.from_iterable(sequence.extras), int(lengths.sum()))
        rows = np.concatenate([np.tile(np.arange(count), len(by_column)), np.repeat(np.arange(count), lengths)])
        columns = np.concatenate([*by_column, by_extra])
        known = columns >= 0
        data = np.ones(int(known.sum()), dtype=np.float32)
        return sparse.csr_matrix((data, (rows[known], columns[known])), shape=(count, len(self.vocabulary)))

    def _rows(self, strings: Iterable[str], count: int = -1) -> np.ndarray:
        """The vocabulary row of each string, -1 for strings the network never saw."""
        return np.fromiter(map(self.vocabulary.get, strings, repeat(-1)), dtype=np.int64, count=count)

    def token_vectors(self, doc: Doc, tokens: list[int]) -> np.ndarray:
        """The parse's vectors of ``tokens``; zeros when ``doc`` comes from a pipeline whose tensor
        has another width (the networks then read the features alone)."""
        tensor = doc.tensor
        if getattr(tensor, "ndim", 0) != 2 or tensor.shape[1] != self.tensor_width or len(tensor) != len(doc):
            return np.zeros((len(tokens), self.tensor_width), dtype=np.float32)
        return np.asarray(tensor[tokens], dtype=np.float32)


def _network(data: Any, prefix: str) -> Network:
    """The network whose arrays in the loaded ``.npz`` ``data`` have names starting ``prefix``."""
    layers = sum(name.startswith(f"{prefix}conv_weight_") for name in data.files)
    scale = data[f"{prefix}embedding_scale"].astype(np.float32)[:, None]
    return Network.from_layers(
        data[f"{prefix}embedding"].astype(np.float32) * scale,
        data[f"{prefix}input_weight"], data[f"{prefix}input_bias"],
        [(data[f"{prefix}conv_weight_{k}"], data[f"{prefix}conv_bias_{k}"]) for k in range(layers)],
        data[f"{prefix}output_weight"], data[f"{prefix}output_bias"],
    )


def packed(arrays: dict) -> dict[str, np.ndarray]:
    """``arrays`` as stored: the feature strings as UTF-8 lines (no fixed-width string array, which
    would be four bytes a character), each ``…_embedding`` as int8 with a float16 scale per row."""
    if any("\n" in feature for feature in arrays["features"]):
        raise ValueError("a feature string holds a line break and cannot be stored as a line")
    stored = {**arrays, "features": np.frombuffer("\n".join(arrays["features"]).encode("utf-8"), dtype=np.uint8)}
    for name in [name for name in arrays if name.endswith("_embedding")]:
        embedding = np.asarray(arrays[name], dtype=np.float32)
        scale = np.maximum(np.abs(embedding).max(axis=1), 1e-8) / 127
        stored[name] = np.round(embedding / scale[:, None]).astype(np.int8)
        stored[f"{name}_scale"] = scale.astype(np.float16)
    return stored


def relu(values: np.ndarray) -> np.ndarray:
    """max(0, x), elementwise."""
    return np.maximum(values, 0.0)


def stacked_taps(weight: np.ndarray) -> np.ndarray:
    """A width-3 convolution's weight (out × in × 3, as torch keeps it) as one in × 3·out matrix, its
    three taps side by side, so that one product serves all three."""
    return np.ascontiguousarray(np.concatenate([weight[:, :, k].T for k in range(weight.shape[2])], axis=1))


def dilated_convolution(values: np.ndarray, taps: np.ndarray, bias: np.ndarray, dilation: int) -> np.ndarray:
    """A width-3 convolution over the token axis of ``values`` (tokens × channels) with zero padding,
    as torch's ``Conv1d(kernel_size=3, dilation=d, padding=d)``; ``taps`` is :func:`stacked_taps`.

    Token t reads t - d, t and t + d: the product of every token with each tap is taken once, and
    the first and last taps' products are added shifted by d."""
    width = taps.shape[1] // 3
    products = values @ taps
    out = products[:, width : 2 * width] + bias
    if dilation < len(values):
        out[dilation:] += products[:-dilation, :width]
        out[:-dilation] += products[dilation:, 2 * width :]
    return out


@lru_cache(maxsize=1)
def shipped_convnet() -> ConvTagger:
    """The shipped network, loaded once per process."""
    return ConvTagger.load(MODELS_FOLDER / f"{CONVNET_MODEL_NAME}.npz")
