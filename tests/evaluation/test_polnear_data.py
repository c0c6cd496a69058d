"""The polnear eval on the real PolNeAR dev data in ../shared/data (skipped when absent, failing under CI)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from claimledger.evaluation.brat import parse_brat
from claimledger.evaluation.polnear import (
    Predictor,
    article_name,
    dev_dir,
    evaluate_polnear,
    first_annotator_files,
    load_dev_gold,
    read_text,
)

pytestmark = pytest.mark.evaldata


def test_dev_has_84_articles_each_with_its_first_annotator(shared_data_root: Path) -> None:
    attributions_dir = dev_dir(shared_data_root) / "attributions"
    chosen = first_annotator_files(attributions_dir)
    texts = sorted(p.stem for p in (dev_dir(shared_data_root) / "text").glob("*.txt"))
    assert len(chosen) == 84
    assert sorted(chosen) == texts
    for name, ann_path in chosen.items():
        assert ann_path == min(attributions_dir.glob(f"{name}_*.ann"))
    several = {name for name in chosen if len(list(attributions_dir.glob(f"{name}_*.ann"))) > 1}
    assert len(several) == 2, "94 .ann files for 84 articles: two articles have six annotators each"


def test_gold_offsets_index_the_text_read_as_utf8_with_universal_newlines(shared_data_root: Path) -> None:
    # Every span of every dev .ann file, not only the chosen ones: continuous spans are text[start:end];
    # brat writes a discontinuous span as its fragments in file order joined by single spaces.
    checked = 0
    for ann_path in sorted((dev_dir(shared_data_root) / "attributions").glob("*.ann")):
        text = read_text(dev_dir(shared_data_root) / "text" / f"{article_name(ann_path)}.txt")
        for bound in parse_brat(read_text(ann_path)).text_bounds.values():
            expected = " ".join(text[start:end] for start, end in bound.fragments)
            assert expected == bound.text, f"{ann_path.name} {bound.id}"
            checked += 1
    assert checked == 9095


def test_gold_statistics_of_dev(shared_data_root: Path) -> None:
    gold = load_dev_gold(shared_data_root)
    attributions = [a for article in gold for a in article.attributions]
    assert len(attributions) == 2192
    assert sum(a.direct for a in attributions) == 417
    assert sum(a.source is None for a in attributions) == 126
    assert all(a.cue is not None and a.content is not None for a in attributions)
    discontinuous = sum(
        bound.discontinuous
        for article in gold
        for bound in article.annotation.text_bounds.values()
        if bound.label == "Content"
    )
    assert discontinuous == 298


def test_gold_predictions_score_100_on_dev(
    shared_data_root: Path, gold_predictor: Callable[[Path], Predictor]
) -> None:
    result = evaluate_polnear(predictor=gold_predictor(shared_data_root), root=shared_data_root)
    ours = {k: v for k, v in result.metrics.items() if not k.startswith("cofenet_")}
    assert set(ours.values()) == {100.0}
    # On CofeNet's metric the first annotator's spans meet every annotator's sentence by sentence, and
    # a gold content is one span from first start to last end where CofeNet's file has one per fragment.
    assert [result.metrics[f"cofenet_{t}_exact_f1"] for t in ("source", "cue", "content")] == [98.9, 98.6, 85.6]
    assert {(r["exact_f1"], r["overlap_f1"]) for r in result.table} == {(100.0, 100.0)}


def test_gold_predictions_on_two_articles_score_100(
    shared_data_root: Path, gold_predictor: Callable[[Path], Predictor]
) -> None:
    result = evaluate_polnear(limit=2, predictor=gold_predictor(shared_data_root), root=shared_data_root)
    assert result.details["articles"] == 2
    assert {v for k, v in result.metrics.items() if not k.startswith("cofenet_")} == {100.0}


def test_no_predictions_score_zero_recall_on_dev(shared_data_root: Path, empty_predictor: Predictor) -> None:
    result = evaluate_polnear(limit=3, predictor=empty_predictor, root=shared_data_root)
    assert all(r["exact_r"] == 0.0 and r["overlap_r"] == 0.0 for r in result.table)
    assert sum(r["gold"] for r in result.table if r["split"] == "all") > 0


def test_dev_digest_is_stable(shared_data_root: Path, empty_predictor: Predictor) -> None:
    first = evaluate_polnear(predictor=empty_predictor, root=shared_data_root).data_digest
    assert evaluate_polnear(predictor=empty_predictor, root=shared_data_root).data_digest == first
