"""The ledger kept in the store, linked by words or by meaning, with the embeddings kept in the store.

The articles are invented.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

import claimledger
from claimledger.errors import ModelNotFoundError
from claimledger.linking import stored
from claimledger.linking.stored import KeptEmbeddings, Linking, relink, set_store_linking, store_linking
from claimledger.store import Store, open_store, text_digest
from claimledger.stance.similarity import ENCODER_NAME

STEELWORKS = (
    "Orvik steelworks to shut\n\n"
    "The Orvik steelworks will close in June, the owner Halden Steel said on Monday. "
    "About 1,200 workers at the Orvik plant will lose their jobs, the company said."
)
MILL = (
    "Orvik's biggest employer will close its mill\n\n"
    "Halden Steel said on Monday that its plant in Orvik would close in June. "
    "The company said about 1,200 workers would lose their jobs at the plant."
)


class CountingEncoder:
    """An encoder that records what it was asked to embed: a fixed unit vector per text, or the real
    encoder's when it wraps one."""

    def __init__(self, real=None) -> None:  # noqa: ANN001
        self.real = real
        self.asked: list[list[str]] = []
        self.forgotten = 0

    def embeddings(self, texts: Sequence[str]) -> np.ndarray:
        self.asked.append(list(texts))
        if self.real is not None:
            return self.real.embeddings(texts)
        rows = np.array([[len(text), text.count(" ") + 1.0, 1 / 3] for text in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    def forget(self) -> None:
        self.forgotten += 1


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with open_store(f"sqlite:///{tmp_path / 'ledger.db'}") as opened:
        yield opened


def test_kept_embeddings_embed_each_text_once(store: Store) -> None:
    encoder = CountingEncoder()
    kept = KeptEmbeddings(store, encoder)
    first = kept.embeddings(["Orvik steelworks to shut", "Police beat demonstrators", "Orvik steelworks to shut"])
    again = KeptEmbeddings(store, encoder).embeddings(["Police beat demonstrators", "Orvik steelworks to shut"])
    assert encoder.asked == [["Orvik steelworks to shut", "Police beat demonstrators"]]
    assert encoder.forgotten == 1
    assert first.dtype == np.float32 and first.shape == (3, 3)
    np.testing.assert_array_equal(first[[1, 0]], again)  # read back at half precision both times
    assert first[0, 2] == np.float32(np.float16(first[0, 2]))
    assert len(store.embeddings(ENCODER_NAME, [text_digest("Orvik steelworks to shut")])) == 1


def test_no_texts_no_embedding(store: Store) -> None:
    encoder = CountingEncoder()
    assert KeptEmbeddings(store, encoder).embeddings([]).shape == (0, 0)
    assert encoder.asked == []


def test_a_store_links_by_words_until_told_otherwise(store: Store) -> None:
    assert store_linking(store) is Linking.words
    set_store_linking(store, Linking.meaning)
    assert store_linking(store) is Linking.meaning


def test_linking_by_meaning_needs_the_encoder(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("claimledger.stance.similarity.shipped_encoder", lambda: None)
    with pytest.raises(ModelNotFoundError, match="requirements-accurate.txt"):
        set_store_linking(store, Linking.meaning)
    assert store_linking(store) is Linking.words


def central_claim_ids(store: Store) -> list[str]:
    (story,) = store.stories()
    return [claim["id"] for claim in story["claims"] if claim["central"]]


def test_relinking_by_meaning_joins_headlines_in_other_words(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("torch", reason="the sentence encoder needs requirements-accurate.txt")
    encoder = CountingEncoder(stored.required_encoder())
    monkeypatch.setattr(stored, "required_encoder", lambda: encoder)
    store.add_documents([
        claimledger.analyze(STEELWORKS, title="Orvik steelworks to shut", id="a", outlet="Outlet A", published="2026-04-02"),
        claimledger.analyze(MILL, title="Orvik's biggest employer will close its mill", id="b", outlet="Outlet B",
                            published="2026-04-03"),
    ])
    relink(store)
    by_words = central_claim_ids(store)
    set_store_linking(store, Linking.meaning)
    assert relink(store).claims == 2
    (claim,) = [claim for claim in store.stories()[0]["claims"] if claim["central"]]
    assert len(by_words) == 2 and claim["stated_in"] == ["a", "b"]
    assert claim["text"] == "Orvik steelworks to shut."
    assert len(encoder.asked) == 1 and "Orvik's biggest employer will close its mill" in encoder.asked[0]
    relink(store)  # nothing new to embed: the kept vectors give the same ledger
    assert len(encoder.asked) == 1 and central_claim_ids(store) == [claim["id"]]
