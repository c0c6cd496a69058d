"""The check-worthiness scorer: featurizer, the shipped model, and the training recipe on invented data."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from claimledger.claims.checkworthy import (
    CHECKWORTHY_MODEL,
    CheckworthyModel,
    NgramIndexer,
    char_ngrams,
    load_shipped_model,
    score_sentences,
    shipped_model_paths,
    tokenize,
)
from claimledger.claims.checkworthy_data import CheckworthyCorpus, leakage_links
from claimledger.claims.checkworthy_recipe import (
    CorpusFeatures,
    featurize,
    fit,
    to_checkworthy_model,
)

CHECKWORTHY = [
    "Unemployment fell to 4.1 percent last year.",
    "More than 2,000 dead fish were found in the river.",
    "The senator voted against the defense budget three times in 2015.",
]
NOT_CHECKWORTHY = [
    "Thank you very much.",
    "I love this country.",
    "Good evening, everyone.",
]


def test_tokens_are_lower_cased_with_digits_as_zero() -> None:
    assert tokenize("Fell to 4.1% in 2019!") == ["fell", "to", "0", ".", "0", "%", "in", "0000", "!"]


def test_character_ngrams_are_those_of_the_padded_token() -> None:
    assert char_ngrams("ab") == [" ab", "ab ", " ab "]
    assert char_ngrams("tax") == [" ta", "tax", "ax ", " tax", "tax ", " tax "]


def test_indexer_counts_known_ngrams_and_ignores_unknown_ones() -> None:
    indexer = NgramIndexer({"tax": 0, "cut": 1, "tax cut": 2}, {" ta": 0})
    words, chars = indexer.count_matrices(["Tax cut, tax cut!", "Nothing known here"])
    assert words.toarray().tolist() == [[2, 2, 2], [0, 0, 0]]
    assert chars.toarray().tolist() == [[2], [0]]


def test_shipped_model_files_exist_and_are_small() -> None:
    npz_path, json_path = shipped_model_paths()
    assert npz_path.name == f"{CHECKWORTHY_MODEL}.npz"
    assert npz_path.stat().st_size + json_path.stat().st_size < 10_000_000


def test_shipped_model_records_how_it_was_made() -> None:
    metadata = load_shipped_model().metadata
    assert metadata["model"] == CHECKWORTHY_MODEL
    assert metadata["training"]["command"].startswith("claimledger train checkworthy")
    assert metadata["training"]["data_digest"].startswith("sha256:")
    assert set(metadata["dev_scores"]) >= {"map", "p_at_10", "claimbuster_f1"}


def test_scores_are_probabilities_one_per_sentence() -> None:
    scores = score_sentences(CHECKWORTHY + NOT_CHECKWORTHY + ["", "?!", "0" * 500])
    assert len(scores) == 9
    assert all(0.0 <= score <= 1.0 for score in scores)
    assert score_sentences([]) == []


def test_checkable_factual_sentences_rank_above_pleasantries() -> None:
    scores = score_sentences(CHECKWORTHY + NOT_CHECKWORTHY)
    worthy, unworthy = scores[: len(CHECKWORTHY)], scores[len(CHECKWORTHY) :]
    assert min(worthy) > max(unworthy), (worthy, unworthy)


def test_threshold_half_separates_the_obvious_cases() -> None:
    scores = score_sentences(["Unemployment fell to 4.1 percent last year.", "Thank you very much."])
    assert scores[0] >= 0.5 > scores[1]


def test_a_sentence_without_words_is_not_checkworthy() -> None:
    assert score_sentences(["10.", "$5", "--"]) == [0.0, 0.0, 0.0]
    assert score_sentences(["Unemployment fell to 4.1 percent."])[0] > 0.5


def test_scoring_a_sentence_alone_or_in_a_document_gives_the_same_score() -> None:
    alone = score_sentences([CHECKWORTHY[0]])[0]
    in_document = score_sentences(NOT_CHECKWORTHY + [CHECKWORTHY[0]])[-1]
    assert alone == pytest.approx(in_document, abs=1e-12)


def test_scoring_is_fast() -> None:
    sentences = [f"{s} Paragraph {i}." for i in range(400) for s in CHECKWORTHY + NOT_CHECKWORTHY]
    score_sentences(sentences[:10])  # load the model first
    started = time.perf_counter()
    score_sentences(sentences)
    per_sentence = (time.perf_counter() - started) / len(sentences)
    # The goal is far below this (tens of microseconds); the bound leaves room for a busy CI machine.
    assert per_sentence < 0.001


def invented_corpus() -> CheckworthyCorpus:
    """Two tiny "debates" and a few ClaimBuster-like sentences, to exercise the recipe without data."""
    clef = [
        ("Taxes rose by 30 percent in 2010.", 1), ("Thank you.", 0), ("We cut 2,000 jobs last year.", 1),
        ("Good evening.", 0), ("I love you all.", 0), ("Crime fell 12 percent.", 1),
    ]
    claimbuster = [("Exports doubled to $5 billion.", 1), ("Thank you very much.", 0), ("I hope so.", 0)]
    texts = [t for t, _ in clef + claimbuster]
    is_claimbuster = np.arange(len(texts)) >= len(clef)
    return CheckworthyCorpus(
        texts=texts,
        labels=np.array([label for _, label in clef + claimbuster]),
        is_claimbuster=is_claimbuster,
        debate=np.array([0, 0, 0, 1, 1, 1, -1, -1, -1]),
        claimbuster_fold=np.array([-1] * 6 + [0, 1, 2]),
        debates=[],
        files=[],
        links=leakage_links(texts, is_claimbuster),
    )


def test_the_exported_model_scores_like_the_fitted_one(tmp_path: Path) -> None:
    corpus = invented_corpus()
    features: CorpusFeatures = featurize(corpus.texts, corpus.is_claimbuster)
    train = np.ones(len(corpus.texts), dtype=bool)
    fitted = fit(features, corpus, train)
    model = to_checkworthy_model(fitted, features, {"model": CHECKWORTHY_MODEL})
    model.save(tmp_path / "m.npz", tmp_path / "m.json")
    loaded = CheckworthyModel.load(tmp_path / "m.npz", tmp_path / "m.json")
    expected = fitted.decision_function(features, train)
    # float32 weights on disk: equal to a few parts in a million (every invented sentence has words).
    assert loaded.decision_function(corpus.texts) == pytest.approx(expected, abs=1e-4)
    assert loaded.metadata == {"model": CHECKWORTHY_MODEL}


def test_leakage_links_join_claimbuster_to_the_same_sentence_elsewhere() -> None:
    corpus = invented_corpus()
    # "Thank you very much." (ClaimBuster) shares no key with "Thank you." (CLEF): different words.
    assert not corpus.linked_to(np.arange(9) == 1).any()
    texts = ["Taxes rose by 30 percent in 2010.", "taxes ROSE by 30 percent, in 2010", "Taxes rose."]
    links = leakage_links(texts, np.array([False, True, False]))
    assert links.toarray().astype(int).tolist() == [[0, 1, 0], [1, 0, 0], [0, 0, 0]]
