"""Eval test fixtures: the real data folder (skipped when absent, failing under CI) and fake predictors."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from claimledger.errors import EvalDataMissingError
from claimledger.evaluation.data import data_root, data_root_candidates
from claimledger.evaluation.polnear import Predictor, dev_dir, load_dev_gold
from claimledger.model import Article, Document

from .fakes import TEST_ANALYZER, gold_document


def skip_or_fail(message: str) -> None:
    """Skip a test whose data is absent, except in CI, where absent data must not pass unnoticed."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def shared_data_root() -> Path:
    """The real data folder holding PolNeAR dev."""
    try:
        root = data_root()
    except EvalDataMissingError:
        looked_at = " or ".join(str(dev_dir(candidate)) for candidate in data_root_candidates())
        skip_or_fail(f"PolNeAR data not found at {looked_at}")
    if not dev_dir(root).is_dir():
        skip_or_fail(f"PolNeAR data not found at {dev_dir(root)}")
    return root


@pytest.fixture
def gold_predictor() -> Callable[[Path], Predictor]:
    """``gold_predictor(root)``: a predictor returning the gold attributions of the dev data in ``root``."""

    def make(root: Path) -> Predictor:
        gold_by_path = {str(g.text_path): g for g in load_dev_gold(root)}

        def predict(articles: list[Article]) -> Iterable[Document]:
            return [gold_document(article, gold_by_path[article.path or ""]) for article in articles]

        return predict

    return make


@pytest.fixture
def empty_predictor() -> Predictor:
    """A predictor that finds no statement at all."""

    def predict(articles: list[Article]) -> Iterable[Document]:
        return [Document.from_article(article, TEST_ANALYZER) for article in articles]

    return predict
