"""Train ``cnn-2`` (:mod:`.convnet`) on parsed PolNeAR articles and silver-labelled news
(:mod:`.distillation`); part of `claimledger train attribution`.

Each network reads the CRF's feature strings and the parse's token vectors and learns the labels
with cross-entropy (torch, one document per step, Adam with a one-cycle learning rate), skipping the
tokens labelled :data:`IGNORED`. One network is trained per seed of :data:`SEEDS`, over one
vocabulary; they are trained after the CRF, whose state and transition weights are then written into
the same file. Two networks on PolNeAR's 840 training articles and FNC-1's 1,669 bodies take about
70 minutes on 2 cores.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from claimledger.attribution.convnet import CONVNET_MODEL_NAME, NETWORK_WEIGHT, packed
from claimledger.attribution.features import DocumentFeatures
from claimledger.attribution.rules import Found, Quoting, find_statements, quoting
from claimledger.attribution.tagger import AttributionModel, sequence_features
from claimledger.attribution.tagging import LABELS, encode_tags

log = logging.getLogger(__name__)

# Chosen on PolNeAR dev (token accuracy peaks after 5-6 epochs; 5 convolutions, each token seeing
# 63 neighbours, scored 78.0 / 72.1 / 61.1 exact F1 with crf-1 against 77.7 / 71.6 / 60.5 for 3).
WIDTH = 64
LAYERS = 5
EPOCHS = 6
LEARNING_RATE = 2e-3
DROPOUT = 0.3
MIN_FEATURE_COUNT = 5  # a feature string seen fewer times in training gets no embedding
SEEDS = (0, 1)  # one network per seed; their log-probabilities are averaged
# The feature strings the saved model keeps, the ones that can move a token's scores most
# (:func:`kept_features`). Two networks over all 245,264 strings seen 5 times took 34 MB; on
# PolNeAR dev, keeping 160k / 120k / 90k / 60k scored 78.6 / 73.0 / 61.9, 78.8 / 72.8 / 61.8,
# 79.1 / 72.7 / 61.8 and 77.8 / 71.9 / 59.7 exact F1, against 78.7 / 72.9 / 62.0 for all.
KEPT_FEATURES = 90_000

Example = tuple[list[list[str]], np.ndarray, list[int]]  # feature strings, token vectors, label ids
# The label of a token the network does not learn from (torch's cross-entropy ``ignore_index``).
IGNORED = -100


def training_examples(articles: list, docs: list[Doc], crf: AttributionModel) -> list[Example]:
    """Each parsed article's CRF features, token vectors and gold label ids."""
    examples = []
    for article, doc in zip(articles, docs):
        _, _, sequence = read_sequence(doc, crf)
        if sequence.tokens:
            gold = encode_tags(doc, sequence.tokens, article.spans)
            examples.append(example(doc, sequence, [LABELS.index(label) for label in gold]))
    return examples


def read_sequence(doc: Doc, crf: AttributionModel) -> tuple[Quoting, list[Found], DocumentFeatures]:
    """The document's quotes, the rules' statements and the CRF features they give its tokens."""
    quoted = quoting(doc)
    ruled = find_statements(doc, quoted)
    return quoted, ruled, sequence_features(doc, quoted, ruled, crf.cue_rates)


def example(doc: Doc, sequence: DocumentFeatures, labels: list[int]) -> Example:
    """What a network learns from one document: its tokens' feature strings, parse vectors and ``labels``."""
    return sequence.features, np.asarray(doc.tensor[sequence.tokens], dtype=np.float32), labels


def crf_state_weights(crf: AttributionModel) -> dict[str, np.ndarray]:
    """The CRF's state weight of every feature string for each of :data:`LABELS`."""
    weights: dict[str, np.ndarray] = {}
    for (feature, label), weight in crf.info.state_features.items():
        weights.setdefault(feature, np.zeros(len(LABELS), dtype=np.float32))[LABELS.index(label)] = weight
    return weights


def network(features: int, tensor_width: int) -> "torch.nn.Module":  # noqa: F821 - torch is imported lazily
    """The torch twin of :meth:`.convnet.ConvTagger.log_probs` (which returns log-softmax of this)."""
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embedding = nn.EmbeddingBag(features, WIDTH, mode="sum")
            self.input = nn.Linear(WIDTH + tensor_width, WIDTH)
            self.convolutions = nn.ModuleList(
                nn.Conv1d(WIDTH, WIDTH, 3, padding=2**k, dilation=2**k) for k in range(LAYERS)
            )
            self.output = nn.Linear(WIDTH, len(LABELS))
            self.dropout = nn.Dropout(DROPOUT)

        def forward(self, ids, offsets, vectors):  # type: ignore[no-untyped-def]
            hidden = torch.relu(self.input(self.dropout(torch.cat([self.embedding(ids, offsets), vectors], -1))))
            for convolution in self.convolutions:
                hidden = hidden + torch.relu(convolution(self.dropout(hidden).T.unsqueeze(0))[0].T)
            return self.output(self.dropout(hidden))

    return Net()


def train_convnet(examples: list[Example], crf: AttributionModel, path: Path, seeds: tuple[int, ...] = SEEDS) -> float:
    """Train one network per seed on ``examples`` (label :data:`IGNORED` marks a token not to learn
    from) and save them with ``crf``'s weights to ``path``; returns the mean loss of the last epoch,
    averaged over the networks."""
    examples = [example for example in examples if any(label != IGNORED for label in example[2])]
    counts = Counter(f for features, _, _ in examples for row in features for f in row)
    states = crf_state_weights(crf)
    kept = sorted({f for f, n in counts.items() if n >= MIN_FEATURE_COUNT} | set(states))
    vocabulary = {feature: row for row, feature in enumerate(kept)}
    tensors = [_as_tensors(example, vocabulary) for example in examples]
    trained = [_train_network(tensors, len(vocabulary), examples[0][1].shape[1], seed) for seed in seeds]
    save_convnet(path, kept, [net for net, _ in trained], states, crf.transitions)
    return sum(loss for _, loss in trained) / len(trained)


def _train_network(tensors: list[tuple], features: int, tensor_width: int, seed: int) -> tuple:
    """One network trained on ``tensors`` from the random state ``seed``, and its last epoch's mean loss."""
    import torch
    import torch.nn.functional as F

    torch.manual_seed(seed)
    net = network(features, tensor_width)
    optimizer = torch.optim.Adam(net.parameters(), lr=LEARNING_RATE)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, LEARNING_RATE, total_steps=EPOCHS * len(tensors))
    order = random.Random(seed)
    tensors = list(tensors)
    mean_loss = 0.0
    for epoch in range(EPOCHS):
        started = time.perf_counter()
        net.train()
        order.shuffle(tensors)
        total = 0.0
        for ids, offsets, vectors, gold in tensors:
            loss = F.cross_entropy(net(ids, offsets, vectors), gold, ignore_index=IGNORED)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
            total += loss.item()
        mean_loss = total / len(tensors)
        log.info("seed %d, epoch %d: mean loss %.4f in %.0f s", seed, epoch + 1, mean_loss, time.perf_counter() - started)
    return net.eval(), mean_loss


def _as_tensors(example: Example, vocabulary: dict[str, int]) -> tuple:
    import torch

    features, vectors, gold = example
    ids: list[int] = []
    offsets = []
    for row in features:
        offsets.append(len(ids))
        ids.extend(vocabulary[f] for f in row if f in vocabulary)
    return (torch.tensor(ids, dtype=torch.long), torch.tensor(offsets, dtype=torch.long),
            torch.from_numpy(vectors), torch.tensor(gold, dtype=torch.long))


def save_convnet(
    path: Path, features: list[str], nets: list["torch.nn.Module"], states: dict[str, np.ndarray],  # noqa: F821
    transitions: list[list[float]],
) -> None:
    """Write the networks and the CRF's weights as a pickle-free ``.npz`` (:func:`.convnet.packed`);
    network ``n``'s arrays are named ``net{n}_…``."""
    none = np.zeros(len(LABELS), dtype=np.float32)
    arrays: dict = {
        "features": features,
        "crf_states": np.stack([states.get(f, none) for f in features]),
        "transitions": np.asarray(transitions, dtype=np.float32),
    }
    for n, net in enumerate(nets):
        weights = {name: value.detach().numpy() for name, value in net.state_dict().items()}
        prefix = f"net{n}_"
        arrays[f"{prefix}embedding"] = weights["embedding.weight"]
        for name in ("input_weight", "input_bias", "output_weight", "output_bias"):
            arrays[prefix + name] = weights[name.replace("_", ".")]
        for k in range(LAYERS):
            arrays[f"{prefix}conv_weight_{k}"] = weights[f"convolutions.{k}.weight"]
            arrays[f"{prefix}conv_bias_{k}"] = weights[f"convolutions.{k}.bias"]
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **packed(kept_features(arrays, KEPT_FEATURES)))


def kept_features(arrays: dict, count: int) -> dict:
    """``arrays`` (as :func:`save_convnet` builds them) cut to the ``count`` feature strings that
    weigh most, in their original order.

    A feature's weight is the larger of what it adds to each network's first layer (the norm of its
    embedding through the input layer) in units of that quantity's median, plus its largest CRF state
    weight in units of the median nonzero one: ranking by the networks alone dropped strings the CRF
    relies on (dev content 58.1 at 160k), by the CRF alone scored 61.5 at 90k."""
    features = arrays["features"]
    if len(features) <= count:
        return arrays
    embeddings = [name for name in arrays if name.endswith("_embedding")]
    through_input = np.max([_input_norms(arrays, name.removesuffix("embedding")) for name in embeddings], axis=0)
    crf = np.abs(arrays["crf_states"]).max(axis=1)
    weight = through_input / np.median(through_input) + crf / np.median(crf[crf > 0])
    keep = np.sort(np.argsort(-weight, kind="stable")[:count])
    cut = {name: np.asarray(arrays[name])[keep] for name in ["crf_states", *embeddings]}
    return {**arrays, **cut, "features": [features[row] for row in keep]}


def _input_norms(arrays: dict, prefix: str) -> np.ndarray:
    """The norm of each feature's embedding after network ``prefix``'s input layer."""
    embedding = np.asarray(arrays[f"{prefix}embedding"], dtype=np.float32)
    return np.linalg.norm(embedding @ arrays[f"{prefix}input_weight"][:, : embedding.shape[1]].T, axis=1)


def write_convnet_card(path: Path, splits: list[str], digest: str, silver: dict, loss: float, seconds: float,
                       dev_scores: dict) -> None:
    """The JSON beside the network: how to rebuild it and what the default tagger scored with it."""
    card = {
        "name": CONVNET_MODEL_NAME,
        "model": "dilated CNNs (one per seed) over the CRF's feature strings (summed embeddings) and spaCy's "
                 "token vectors; their mean log-probabilities added to crf-1's state scores, decoded under "
                 "its transitions",
        "command": "claimledger train attribution" + (" --all" if "dev" in splits else ""),
        "data": {"polnear": splits, "digest": digest, "silver": silver},
        "params": {"width": WIDTH, "layers": LAYERS, "epochs": EPOCHS, "learning_rate": LEARNING_RATE,
                   "dropout": DROPOUT, "min_feature_count": MIN_FEATURE_COUNT, "seeds": list(SEEDS),
                   "kept_features": KEPT_FEATURES},
        "network_weight": NETWORK_WEIGHT,
        "stored_as": "npz: per network (net{n}_...) int8 embeddings with float16 row scales and float32 layers; "
                     "crf-1's state and transition weights, feature strings as UTF-8 lines; "
                     f"the {KEPT_FEATURES:,} strings that weigh most",
        "final_epoch_loss": round(loss, 4),
        "training_seconds": round(seconds),
        "dev_scores": dev_scores,
        "date": date.today().isoformat(),
    }
    path.write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
