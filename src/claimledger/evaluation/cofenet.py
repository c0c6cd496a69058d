"""CofeNet's metric on PolNeAR dev: exact-match spans of sentence-level BIO tags.

CofeNet (Wang et al., COLING 2022) and the BiLSTM-CRF before it score PolNeAR as sentences of
pre-tokenised words tagged ``B-``/``I-`` source, cue and content, and count a span as a maximal run of
one type that starts with its ``B-`` tag, matched exactly within its sentence. Their repository ships
the dev split in that form (``polnear/cofenet_format/valid.txt``: every annotator's version of every dev
article, 1,925 sentences). Scoring our predictions on those very sentences makes their published
figures comparable with ours: a content that runs over three sentences is three spans there, and a
discontinuous one is one span per fragment, where :mod:`.polnear` counts one span from first start to
last end.

Our statements are character spans; each of CofeNet's tokens is found in the article's text (their
tokeniser writes quotation marks as ``````/``''`` and brackets as ``-LRB-``) and takes the type of the
predicted span it lies in, ``B-`` where that span (or fragment) starts or a sentence begins.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimledger.errors import ClaimledgerError
from claimledger.evaluation.spans import percent_prf
from claimledger.model import Document

COFENET_DEV = Path("polnear") / "cofenet_format" / "valid.txt"
SPAN_TYPES = ("source", "cue", "content")
# How the Penn Treebank tokeniser rewrites characters, and what they were in the text.
_TOKEN_FORMS = {
    "``": ("“", '"', "``", "‘‘", "'"), "''": ("”", '"', "''", "’’", "'"), "`": ("‘", "'", "`"), "'": ("’", "'"),
    "-LRB-": ("(",), "-RRB-": (")",), "-LSB-": ("[",), "-RSB-": ("]",), "-LCB-": ("{",), "-RCB-": ("}",),
    "--": ("—", "–", "―", "--"), "'''": ("’”", "'\"", "'''"), "...": ("…", "...", ". . ."),
}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "\xa0": " "})
_SEARCH_AHEAD = 40  # characters to look past a token that is not where expected (a skipped symbol)

TokenOffsets = tuple[int, int] | None


@dataclass(frozen=True)
class CofenetSentence:
    """One sentence of CofeNet's dev file: its article, annotator, words and gold tags."""

    article: str
    annotator: str
    tokens: tuple[str, ...]
    labels: tuple[str, ...]


def read_cofenet_sentences(path: Path) -> list[CofenetSentence]:
    """The sentences of a CofeNet-format file (JSON lines with ``tokens``, ``labels`` and ``id`` =
    ``<article>_<annotator>``)."""
    sentences = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ClaimledgerError(f"{path}: cannot read ({error})") from None
    for number, line in enumerate(lines, start=1):
        try:
            row = json.loads(line)
            article, annotator = row["id"].rsplit("_", 1)
            sentences.append(CofenetSentence(article, annotator, tuple(row["tokens"]), tuple(row["labels"])))
        except (ValueError, KeyError, TypeError) as error:
            raise ClaimledgerError(f"{path}:{number}: not a CofeNet sentence ({error})") from None
    return sentences


def align_tokens(text: str, tokens: Iterable[str], start: int) -> tuple[list[TokenOffsets], int]:
    """The ``[start, end)`` of each token of a sentence in ``text``, and the offset after the last one
    found; ``None`` for a token not found close ahead of the one before.

    The sentence begins at ``start`` or further on (the file leaves some sentences out): at the first
    place from ``start`` where its first word stands and the next few words follow it."""
    tokens = list(tokens)
    first_word = next((t for t in tokens if any(c.isalnum() for c in t)), None)
    if first_word is None:
        return _aligned_from(text, tokens, start)
    normalised = text.translate(_APOSTROPHES)
    at = normalised.find(first_word.translate(_APOSTROPHES), start)
    while at >= 0:
        offsets, end = _aligned_from(text, tokens, max(start, at - 3))
        if all(o is not None for o in offsets[:6]):
            return offsets, end
        at = normalised.find(first_word.translate(_APOSTROPHES), at + 1)
    return _aligned_from(text, tokens, start)


def _aligned_from(text: str, tokens: list[str], at: int) -> tuple[list[TokenOffsets], int]:
    offsets: list[TokenOffsets] = []
    for token in tokens:
        found = _find_token(text, token, at)
        offsets.append(found)
        if found is not None:
            at = found[1]
    return offsets, at


def _find_token(text: str, token: str, at: int) -> TokenOffsets:
    # Punctuation is looked for only right ahead: the tokeniser adds a "." after "Del." that ends a
    # sentence, and a far-off "." found instead would throw the rest of the sentence out of step.
    ahead = _SEARCH_AHEAD if any(c.isalnum() for c in token) else 3
    window = text[at : at + len(token) + ahead].translate(_APOSTROPHES)
    best: TokenOffsets = None
    for form in (token.translate(_APOSTROPHES), *_TOKEN_FORMS.get(token, ())):
        index = window.find(form.translate(_APOSTROPHES))
        if index >= 0 and (best is None or at + index < best[0]):
            best = (at + index, at + index + len(form))
    return best


TypedSpan = tuple[str, int, int]  # span type, [start, end) in the document's text


def statement_spans(document: Document) -> list[TypedSpan]:
    """The predicted source, cue and content spans (one per content fragment) of a document."""
    spans = []
    for statement in document.statements:
        if statement.speaker is not None:
            spans.append(("source", statement.speaker.start, statement.speaker.end))
        spans.append(("cue", statement.cue.start, statement.cue.end))
        if statement.content is not None:
            content = statement.content
            spans.extend(("content", start, end) for start, end in content.fragments or ((content.start, content.end),))
    return spans


def predicted_labels(spans: list[TypedSpan], offsets: list[TokenOffsets]) -> list[str]:
    """BIO tags of one sentence's tokens from a document's :func:`statement_spans`: a token takes the
    type of the span (content fragment) it lies in; ``B-`` where that span starts within the sentence."""
    labels = []
    previous = None
    for token in offsets:
        span = next((s for s in spans if token is not None and s[1] <= token[0] and token[1] <= s[2]), None)
        if span is None:
            labels.append("O")
        else:
            labels.append(("I-" if span == previous else "B-") + span[0])
        previous = span
    return labels


def tagged_spans(labels: Iterable[str]) -> set[tuple[str, int, int]]:
    """CofeNet's reading of a tag sequence: a span starts at ``B-X`` and runs over the ``I-X`` after it;
    an ``I-`` tag with no open span of its type starts none."""
    spans = set()
    open_type, open_start = None, 0
    labels = list(labels)
    for index, label in enumerate([*labels, "O"]):
        if open_type is not None and label != f"I-{open_type}":
            spans.add((open_type, open_start, index))
            open_type = None
        if label.startswith("B-"):
            open_type, open_start = label[2:], index
    return spans


def cofenet_scores(documents: dict[str, Document], sentences: list[CofenetSentence]) -> dict[str, dict[str, float]]:
    """Exact-match P/R/F1 (percent) per span type of the predicted ``documents`` (by article name) on
    the sentences of the articles they cover, every annotator's version counted, as CofeNet does."""
    counts = {span_type: [0, 0, 0] for span_type in SPAN_TYPES}  # matched, predicted, gold
    spans = {name: statement_spans(document) for name, document in documents.items()}
    at: dict[tuple[str, str], int] = {}
    for sentence in sentences:
        document = documents.get(sentence.article)
        if document is None:
            continue
        key = (sentence.article, sentence.annotator)
        offsets, at[key] = align_tokens(document.text, sentence.tokens, at.get(key, 0))
        gold = tagged_spans(sentence.labels)
        predicted = tagged_spans(predicted_labels(spans[sentence.article], offsets))
        for span_type, tally in counts.items():
            gold_of_type = {s for s in gold if s[0] == span_type}
            predicted_of_type = {s for s in predicted if s[0] == span_type}
            tally[0] += len(gold_of_type & predicted_of_type)
            tally[1] += len(predicted_of_type)
            tally[2] += len(gold_of_type)
    scores = {}
    for span_type, (matched, predicted, gold) in counts.items():
        prf = percent_prf(matched, predicted, gold)
        scores[span_type] = {"p": prf.precision, "r": prf.recall, "f1": prf.f1}
    return scores
