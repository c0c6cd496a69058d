"""The check-worthiness data on disk (../shared/data): deduplication, splits, leakage links, training.

Skipped when the data is absent, a failure under CI=true. Full training is `-m slow`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimledger.claims.checkworthy_data import (
    CLEF2020_DIR,
    CLEF2020_DUPLICATES,
    CLAIMBUSTER_FILE,
    CheckworthyCorpus,
    load_corpus,
)
from claimledger.errors import EvalDataMissingError
from claimledger.evaluation.data import data_root, data_root_candidates

pytestmark = pytest.mark.evaldata


def skip_or_fail(message: str) -> None:
    """Skip a test whose data is absent, except in CI, where absent data must not pass unnoticed."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def root() -> Path:
    """The data folder holding the CLEF and ClaimBuster folders."""
    try:
        found = data_root()
    except EvalDataMissingError:
        looked_at = " or ".join(str(candidate) for candidate in data_root_candidates())
        skip_or_fail(f"check-worthiness data not found at {looked_at}")
    if not (found / CLAIMBUSTER_FILE).is_file() or not (found / CLEF2020_DIR).is_dir():
        skip_or_fail(f"check-worthiness data not found in {found} (CLEF CheckThat! and ClaimBuster folders)")
    return found


@pytest.fixture(scope="module")
def corpus(root: Path) -> CheckworthyCorpus:
    return load_corpus(root)


def test_each_duplicated_event_is_read_once(corpus: CheckworthyCorpus) -> None:
    names = [debate.name for debate in corpus.debates]
    assert len(names) == 58  # 19 CLEF-2019 + 48 CLEF-2020 - 9 events already in CLEF-2019
    assert not {f"2020/{stem}" for stem in CLEF2020_DUPLICATES} & set(names)
    assert {f"2019/{stem}" for stem in CLEF2020_DUPLICATES.values()} <= set(names)


def test_every_debate_has_a_checkworthy_sentence(corpus: CheckworthyCorpus) -> None:
    for index, debate in enumerate(corpus.debates):
        assert corpus.labels[corpus.debate_mask(index)].sum() > 0, debate.name


def test_claimbuster_is_read_with_its_labels(corpus: CheckworthyCorpus) -> None:
    labels = corpus.labels[corpus.is_claimbuster]
    assert (len(labels), int(labels.sum())) == (7742, 2212)


def test_the_files_read_are_the_deduplicated_debates_and_claimbuster(corpus: CheckworthyCorpus, root: Path) -> None:
    clef2020 = {path.stem for path in corpus.files if path.parent == root / CLEF2020_DIR}
    assert len(corpus.files) == 58 + 1
    assert len(clef2020) == 48 - 9 and not clef2020 & set(CLEF2020_DUPLICATES)
    assert corpus.files[-1] == root / CLAIMBUSTER_FILE


def test_dev_split_is_a_fifth_of_debates_and_claimbuster_fold_zero(corpus: CheckworthyCorpus) -> None:
    dev = corpus.dev_mask()
    dev_debates = {corpus.debates[d].name for d in set(corpus.debate[dev & ~corpus.is_claimbuster])}
    assert len(dev_debates) == 58 // 5
    assert set(corpus.claimbuster_fold[dev & corpus.is_claimbuster]) == {0}


def test_no_training_row_is_linked_to_a_held_out_row(corpus: CheckworthyCorpus) -> None:
    held_out = corpus.debate_mask([d.name for d in corpus.debates].index("2019/20160926_1pres"))
    train = corpus.training_mask(held_out)
    # The first presidential debate of 2016 is in ClaimBuster too: those sentences leave training.
    assert (corpus.is_claimbuster & ~train).sum() > 200
    assert not (corpus.links[train][:, held_out]).nnz


@pytest.mark.slow
def test_training_reproduces_the_shipped_model(root: Path, request) -> None:
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("full training: run with `pytest -m slow`")
    from claimledger.claims.checkworthy import load_shipped_model
    from claimledger.claims.checkworthy_training import train_model

    shipped = load_shipped_model()
    model, scores = train_model(root)
    assert model.word_vocabulary == shipped.word_vocabulary
    assert model.char_vocabulary == shipped.char_vocabulary
    for metric in ("map", "p_at_10", "claimbuster_f1"):
        assert scores[metric] == pytest.approx(shipped.metadata["dev_scores"][metric], abs=0.002), metric
    assert scores["claimbuster_f1"] > 0.7
