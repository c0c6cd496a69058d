"""`claimledger train attribution`: rebuild the shipped CRF and the networks that read beside it
(:mod:`.convnet_training`) from PolNeAR and from FNC-1's bodies as ``--accurate`` labels them
(:mod:`.distillation`) (``--accurate``: the fine-tuned transformer, :mod:`.transformer_training`).

Trains on PolNeAR train (with ``--all``, train and dev), reading each article's first annotator's
``.ann`` as the dev eval does, parses the texts with the pipeline's spaCy model, derives the cue
rates of lemmas, trains the CRF and writes the three model files into the package
(:mod:`claimledger.attribution.tagger`). It then scores the new model with `claimledger eval
polnear` and records the scores in the model card; a model trained with ``--all`` has seen dev, so
its card keeps the scores measured before.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pycrfsuite
from spacy.tokens import Doc

from claimledger.attribution.convnet import CONVNET_MODEL_NAME, shipped_convnet
from claimledger.attribution.convnet import MODELS_FOLDER as CONVNET_FOLDER
from claimledger.attribution.convnet_training import train_convnet, training_examples, write_convnet_card
from claimledger.attribution.distillation import SILVER_SOURCE, silver_examples, silver_texts
from claimledger.attribution.rules import find_statements, quoting
from claimledger.attribution.tagger import (
    MODEL_NAME, AttributionModel, ModelFiles, sequence_features, shipped_files, shipped_model, write_cue_rates,
)
from claimledger.attribution.tagging import CUE, Fragment, encode_tags
from claimledger.errors import UsageError
from claimledger.evaluation.brat import BratAnnotation, parse_brat
from claimledger.evaluation.data import data_root, digest_files
from claimledger.evaluation.polnear import first_annotator_files, read_text, role_span_type
from claimledger.training import TrainOptions, register_trainer

TRAINER_NAME = "attribution"
# L1 keeps the model small (most of the ~1.5M candidate features get weight 0); values chosen on dev.
CRF_PARAMS: dict[str, Any] = {
    "c1": 0.1,
    "c2": 0.01,
    "max_iterations": 100,
    "feature.possible_transitions": True,
}
# A lemma's cue rate is kept when it was seen this often, and is part of a cue this often.
MIN_LEMMA_COUNT = 5
MIN_CUE_RATE = 0.05
# brat lines that carry data; the continuation lines of a span text with a line break do not.
_BRAT_LINE = re.compile(r"^[TEARMN#]\d*\t")

GoldSpans = list[tuple[str, list[Fragment]]]


@dataclass(frozen=True)
class TrainingArticle:
    """A PolNeAR article with its gold spans as (type, character fragments)."""

    text_path: Path
    ann_path: Path
    text: str
    spans: GoldSpans


@dataclass(frozen=True)
class TrainedModel:
    """What one training run produced."""

    files: ModelFiles
    articles: int
    tokens: int
    features: int
    seconds: float


def load_training_articles(root: Path, splits: Iterable[str]) -> list[TrainingArticle]:
    """The articles of the PolNeAR ``splits`` under ``root`` ("train", "dev"), in name order."""
    articles = []
    for split in splits:
        folder = root / "polnear" / split
        for name, ann_path in first_annotator_files(folder / "attributions").items():
            text_path = folder / "text" / f"{name}.txt"
            annotation = parse_brat(brat_data_lines(read_text(ann_path)))
            articles.append(TrainingArticle(text_path, ann_path, read_text(text_path), gold_spans(annotation)))
    if not articles:
        raise UsageError(f"no PolNeAR annotations found under {root / 'polnear'}")
    return articles


def brat_data_lines(ann_text: str) -> str:
    """The ``.ann`` text without the continuation lines of span texts that hold a line break.

    Six training files have such spans; :func:`~claimledger.evaluation.brat.parse_brat` would take a
    continuation line starting with "T" ("The number of people …") for a malformed span line. The
    offsets, which is all the tagger needs, are on the span's first line.
    """
    return "\n".join(line for line in ann_text.split("\n") if _BRAT_LINE.match(line))


def gold_spans(annotation: BratAnnotation) -> GoldSpans:
    """Every attribution's source, cue and content with all their fragments ("Content2" included)."""
    spans: GoldSpans = []
    for event in annotation.events:
        by_type: dict[str, list[Fragment]] = {}
        for role, tid in event.arguments:
            span_type = role_span_type(role)
            if span_type is not None:
                by_type.setdefault(span_type.upper(), []).extend(annotation.text_bounds[tid].fragments)
        spans.extend(by_type.items())
    return spans


def cue_rates(docs: list[Doc], labels: list[list[str]], tokens: list[list[int]]) -> dict[str, float]:
    """For each lemma seen often enough, the share of its tokens that are part of a gold cue."""
    seen: Counter[str] = Counter()
    in_cue: Counter[str] = Counter()
    for doc, doc_labels, doc_tokens in zip(docs, labels, tokens):
        for i, label in zip(doc_tokens, doc_labels):
            lemma = doc[i].lemma_.lower()
            seen[lemma] += 1
            in_cue[lemma] += label.endswith(CUE)
    rates = {lemma: in_cue[lemma] / seen[lemma] for lemma in in_cue if seen[lemma] >= MIN_LEMMA_COUNT}
    return {lemma: round(rate, 3) for lemma, rate in rates.items() if rate >= MIN_CUE_RATE}


def train_crf(
    articles: list[TrainingArticle], docs: list[Doc], files: ModelFiles, params: dict[str, Any] = CRF_PARAMS
) -> TrainedModel:
    """Train the CRF on parsed ``articles`` and write its model and cue-rate files to ``files``."""
    started = time.perf_counter()
    tokens = [[t.i for t in doc if not t.is_space] for doc in docs]
    labels = [encode_tags(doc, t, a.spans) for doc, t, a in zip(docs, tokens, articles)]
    rates = cue_rates(docs, labels, tokens)
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc, doc_labels in zip(docs, labels):
        quoted = quoting(doc)
        trainer.append(sequence_features(doc, quoted, find_statements(doc, quoted), rates).features, doc_labels)
    trainer.set_params(params)
    files.crf.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(files.crf))
    write_cue_rates(files.cue_rates, rates)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(files.crf))
    kept = len(tagger.info().state_features)
    return TrainedModel(files, len(articles), sum(map(len, tokens)), kept, time.perf_counter() - started)


def write_model_card(trained: TrainedModel, splits: list[str], digest: str, dev_scores: dict[str, Any]) -> None:
    """The JSON beside the model: how to rebuild it and what it scored."""
    card = {
        "name": MODEL_NAME,
        "model": "linear-chain CRF (python-crfsuite), BIO + content-continuation labels over whole documents",
        "command": "claimledger train attribution" + (" --all" if "dev" in splits else ""),
        "data": {"polnear": splits, "articles": trained.articles, "tokens": trained.tokens, "digest": digest},
        "params": CRF_PARAMS,
        "features_kept": trained.features,
        "training_seconds": round(trained.seconds),
        "dev_scores": dev_scores,
        "date": date.today().isoformat(),
    }
    trained.files.card.write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")


def _dev_scores(all_data: bool, files: ModelFiles) -> dict[str, Any]:
    """The new model's dev scores; for a model that saw dev, the scores recorded before."""
    if all_data:
        previous = json.loads(files.card.read_text(encoding="utf-8")) if files.card.is_file() else {}
        return {**previous.get("dev_scores", {}), "note": "trained on train+dev: scores of the train-only model"}
    # Imported here: the evaluation package imports the pipeline, which imports attribution.
    from claimledger.evaluation.polnear import evaluate_polnear

    shipped_model.cache_clear()
    shipped_convnet.cache_clear()
    result = evaluate_polnear()
    return {"eval": "claimledger eval polnear", "data_digest": result.data_digest, **result.metrics}


@register_trainer(TRAINER_NAME)
def train_attribution(options: TrainOptions) -> str:
    """Rebuild ``crf-1`` and ``cnn-2`` (or, with ``--accurate``, ``minilm-1``) in the package; returns a summary."""
    # Imported here so that importing the trainer registry does not load spaCy.
    from claimledger.parse import load_nlp

    root = data_root()
    splits = ["train", "dev"] if options.all_data else ["train"]
    articles = load_training_articles(root, splits)
    docs = list(load_nlp().pipe((a.text for a in articles), batch_size=64))
    digest = digest_files([p for a in articles for p in (a.text_path, a.ann_path)], root)
    if options.accurate:
        from claimledger.attribution.transformer_training import train_accurate

        return train_accurate(articles, docs, splits, digest)
    files = shipped_files()
    trained = train_crf(articles, docs, files)
    started = time.perf_counter()
    crf = AttributionModel.load(files)
    convnet_path = CONVNET_FOLDER / f"{CONVNET_MODEL_NAME}.npz"
    loss = train_convnet(network_examples(articles, docs, crf, root), crf, convnet_path)
    convnet_seconds = time.perf_counter() - started
    dev_scores = _dev_scores(options.all_data, files)
    write_model_card(trained, splits, digest, dev_scores)
    silver = {"fnc-1": SILVER_SOURCE.name, "digest": digest_files([root / SILVER_SOURCE], root)}
    write_convnet_card(convnet_path.with_suffix(".json"), splits, digest, silver, loss, convnet_seconds, dev_scores)
    scores = ", ".join(f"{k} {v}" for k, v in dev_scores.items() if k.endswith("exact_f1"))
    return (
        f"trained {MODEL_NAME} on PolNeAR {'+'.join(splits)} ({trained.articles} articles, {trained.tokens} tokens) "
        f"in {trained.seconds:.0f} s; {trained.features} features; wrote {files.crf}; trained {CONVNET_MODEL_NAME} "
        f"in {convnet_seconds:.0f} s, wrote {convnet_path}; dev (both together): {scores}"
    )


def network_examples(articles: list[TrainingArticle], docs: list[Doc], crf: AttributionModel, root: Path) -> list:
    """What the network learns from: the gold articles, and FNC-1's bodies as the ``--accurate``
    reader labels them (:mod:`.distillation`, about 15 minutes)."""
    from claimledger.attribution.transformer import shipped_transformer
    from claimledger.parse import load_nlp

    silver = silver_examples(silver_texts(root), load_nlp(), crf, shipped_transformer())
    return training_examples(articles, docs, crf) + silver
