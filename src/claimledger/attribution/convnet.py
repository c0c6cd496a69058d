"""The default tagger's second reader: a small convolutional network beside the CRF (``cnn-1``).

The CRF weighs each feature string of a token on its own; the network embeds the same strings
(summed per token, as fastText does), adds the spaCy pipeline's own token vectors (``doc.tensor``,
already computed by the parse) and reads a window of neighbours through dilated convolutions, so
it learns which combinations of features mark a span's edge. Each token's label score is the
network's log-probability (× :data:`NETWORK_WEIGHT`) plus the CRF's state score, and :func:`~.tagging.best_tags` decodes the
document under the CRF's transition weights: 78.1 / 72.1 / 61.2 exact F1 on PolNeAR dev against the
CRF's 76.3 / 69.9 / 57.9.

Inference is numpy only (torch trains it, :mod:`.convnet_training`). The model file
(``models/cnn-1.npz``) carries the CRF's state and transition weights too, read out of ``crf-1``
when the network was trained: one lookup of the feature strings serves both, and pycrfsuite's
string handling, slower than the network itself, is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path

import numpy as np
from scipy import sparse
from spacy.tokens import Doc

from claimledger.attribution.features import DocumentFeatures
from claimledger.attribution.tagging import best_tags
from claimledger.errors import ModelNotFoundError

CONVNET_MODEL_NAME = "cnn-1"
# The weight of the network's log-probabilities beside the CRF's state scores. With three layers 1.0
# scored best on PolNeAR dev (78.0 / 71.6 / 58.7 against 77.7 / 71.4 / 58.9) but let the network
# override the CRF on plain news prose outside PolNeAR's style (an unconfirmed figure given to the
# next sentence's speaker); with five, 0.65, 0.8 and 1.0 all score within 0.2 of 0.5.
NETWORK_WEIGHT = 0.5
MODELS_FOLDER = Path(__file__).parent / "models"


@dataclass(frozen=True)
class ConvTagger:
    """The trained network's arrays and the CRF weights it is decoded with."""

    vocabulary: dict[str, int]  # feature string -> row of ``embedding`` and ``crf_states``
    embedding: np.ndarray  # features × width
    crf_states: np.ndarray  # features × labels: the CRF's state weight of each feature for each label
    transitions: np.ndarray  # labels × labels: the CRF's transition weights [from][to]
    input_weight: np.ndarray  # width × (width + tensor width)
    input_bias: np.ndarray
    convolutions: tuple[tuple[np.ndarray, np.ndarray], ...]  # (out × in × 3 kernel, bias), dilation 2**k
    output_weight: np.ndarray  # labels × width
    output_bias: np.ndarray

    @property
    def tensor_width(self) -> int:
        """The width of the spaCy token vectors the network reads."""
        return self.input_weight.shape[1] - self.embedding.shape[1]

    @classmethod
    def load(cls, path: Path) -> "ConvTagger":
        """Read a model written by :func:`~.convnet_training.save_convnet`."""
        if not path.is_file():
            raise ModelNotFoundError(f"attribution network missing: {path} (run `claimledger train attribution`)")
        with np.load(path, allow_pickle=False) as data:
            layers = sum(name.startswith("conv_weight_") for name in data.files)
            features = data["features"].tobytes().decode("utf-8").split("\n")
            return cls(
                {feature: row for row, feature in enumerate(features)},
                data["embedding"].astype(np.float32) * data["embedding_scale"].astype(np.float32)[:, None],
                data["crf_states"], data["transitions"],
                data["input_weight"], data["input_bias"],
                tuple((data[f"conv_weight_{k}"], data[f"conv_bias_{k}"]) for k in range(layers)),
                data["output_weight"], data["output_bias"],
            )

    def tags(self, doc: Doc, sequence: DocumentFeatures) -> list[str]:
        """The labels of the doc tokens ``sequence.tokens``, read from their CRF features."""
        if not sequence.tokens:
            return []
        present = self.feature_matrix(sequence)
        scores = NETWORK_WEIGHT * self.log_probs(present @ self.embedding, self.token_vectors(doc, sequence.tokens))
        return best_tags(scores + present @ self.crf_states, self.transitions)

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
        has another width (the network then reads the features alone)."""
        tensor = doc.tensor
        if getattr(tensor, "ndim", 0) != 2 or tensor.shape[1] != self.tensor_width or len(tensor) != len(doc):
            return np.zeros((len(tokens), self.tensor_width), dtype=np.float32)
        return np.asarray(tensor[tokens], dtype=np.float32)

    def log_probs(self, embedded: np.ndarray, vectors: np.ndarray) -> np.ndarray:
        """The network: input layer, residual dilated convolutions, per-token label log-probabilities."""
        hidden = relu(np.concatenate([embedded, vectors], axis=1) @ self.input_weight.T + self.input_bias)
        for k, (weight, bias) in enumerate(self.convolutions):
            hidden = hidden + relu(dilated_convolution(hidden, weight, bias, 2**k))
        logits = hidden @ self.output_weight.T + self.output_bias
        logits -= logits.max(axis=1, keepdims=True)
        return logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))


def packed(arrays: dict) -> dict[str, np.ndarray]:
    """``arrays`` as stored: the feature strings as UTF-8 lines (no fixed-width string array, which
    would be four bytes a character), the embedding as int8 with a float16 scale per row."""
    if any("\n" in feature for feature in arrays["features"]):
        raise ValueError("a feature string holds a line break and cannot be stored as a line")
    embedding = np.asarray(arrays["embedding"], dtype=np.float32)
    scale = np.maximum(np.abs(embedding).max(axis=1), 1e-8) / 127
    return {
        **arrays,
        "features": np.frombuffer("\n".join(arrays["features"]).encode("utf-8"), dtype=np.uint8),
        "embedding": np.round(embedding / scale[:, None]).astype(np.int8),
        "embedding_scale": scale.astype(np.float16),
    }


def relu(values: np.ndarray) -> np.ndarray:
    """max(0, x), elementwise."""
    return np.maximum(values, 0.0)


def dilated_convolution(values: np.ndarray, weight: np.ndarray, bias: np.ndarray, dilation: int) -> np.ndarray:
    """A width-3 convolution over the token axis of ``values`` (tokens × channels) with zero padding,
    as torch's ``Conv1d(kernel_size=3, dilation=d, padding=d)``; ``weight`` is out × in × 3."""
    padded = np.pad(values, ((dilation, dilation), (0, 0)))
    length = len(values)
    return sum(
        padded[k * dilation : k * dilation + length] @ weight[:, :, k].T for k in range(weight.shape[2])
    ) + bias


@lru_cache(maxsize=1)
def shipped_convnet() -> ConvTagger:
    """The shipped network, loaded once per process."""
    return ConvTagger.load(MODELS_FOLDER / f"{CONVNET_MODEL_NAME}.npz")
