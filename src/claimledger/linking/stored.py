"""The ledger kept in the store: linking recomputed over every stored document.

``ingest``, ``reanalyze`` and the web API's upload call :func:`relink` at the end of each run (the
store's ``after_ingest`` hook), so that stories, claims and wire copies always cover the whole
store. Ids stay stable while their members do (:mod:`claimledger.linking.ids`).

A store links claims by words, or by meaning too (``ingest --linking meaning``), and remembers which
in its settings, so that every relink of it — whoever runs it — links the same way. By meaning, the
sentence embeddings are kept in the store (:class:`KeptEmbeddings`): a relink embeds only the texts
that are new, about 0.1 s per document of ten statements, rather than the whole store every time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

import numpy as np

from claimledger.linking.ledger import build_ledger
from claimledger.stance.similarity import ENCODER_NAME, Embedder, SentenceEncoder, required_encoder
from claimledger.store import Store, text_digest

LINKING_SETTING = "claim_linking"
# Kept at half precision: a cosine moves by about 1e-3, and a store keeps 768 bytes per text.
KEPT_DTYPE = np.float16


class Linking(str, Enum):
    """How a store's claims are compared."""

    words = "words"
    meaning = "meaning"


@dataclass(frozen=True)
class RelinkSummary:
    """What one relinking wrote."""

    stories: int
    claims: int
    wire_copies_changed: int
    linking: Linking = Linking.words


def store_linking(store: Store) -> Linking:
    """How ``store`` links its claims: what was last asked of it, by words when never asked."""
    return Linking(store.setting(LINKING_SETTING) or Linking.words.value)


def set_store_linking(store: Store, linking: Linking) -> None:
    """Make every later relink of ``store`` link ``linking``; the encoder must be installed for ``meaning``."""
    if linking is Linking.meaning:
        required_encoder()
    store.set_setting(LINKING_SETTING, linking.value)


class KeptEmbeddings:
    """Sentence embeddings kept in a store: those it lacks are computed by ``encoder`` and added.

    Every vector is read back at :data:`KEPT_DTYPE`, the first time as every later time, so that a
    relink's result does not depend on which texts happened to be new.
    """

    def __init__(self, store: Store, encoder: SentenceEncoder) -> None:
        self.store = store
        self.encoder = encoder

    def embeddings(self, texts: Sequence[str]) -> np.ndarray:
        """One normalised row per text, in order."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        digests = [text_digest(text) for text in texts]
        kept = self.store.embeddings(ENCODER_NAME, digests)
        new = sorted({text for text, digest in zip(texts, digests, strict=True) if digest not in kept})
        if new:
            vectors = self.encoder.embeddings(new).astype(KEPT_DTYPE)
            self.encoder.forget()  # the store keeps them now; a long-running server relinks many times
            added = {text_digest(text): vector.tobytes() for text, vector in zip(new, vectors, strict=True)}
            self.store.add_embeddings(ENCODER_NAME, added)
            kept.update(added)
        return np.stack([np.frombuffer(kept[digest], dtype=KEPT_DTYPE) for digest in digests]).astype(np.float32)


def relink(store: Store) -> RelinkSummary:
    """Link every stored document anew, as the store links (:func:`store_linking`); write the stories
    and the wire copies found, in one transaction."""
    linking = store_linking(store)
    encoder: Embedder | None = None
    if linking is Linking.meaning:
        encoder = KeptEmbeddings(store, required_encoder())
    documents = list(store.documents())
    before = {document.id: document.duplicate_of for document in documents}
    ledger = build_ledger(documents, encoder)  # sets duplicate_of on the near-duplicates it finds
    changed = [document for document in documents if document.duplicate_of != before[document.id]]
    store.replace_stories(ledger["stories"], changed)
    claims = sum(len(story["claims"]) for story in ledger["stories"])
    return RelinkSummary(len(ledger["stories"]), claims, len(changed), linking)
