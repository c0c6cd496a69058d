"""Check-worthiness: how much a sentence reads as a checkable factual assertion worth checking, in [0, 1].

The shipped model (``models/checkworthy-1.npz`` + ``.json``, trained by ``claimledger train checkworthy``)
is a logistic regression over TF-IDF word n-grams (1–2) and in-word character n-grams (3–5) of the
lower-cased sentence with every digit written as ``0`` (so "4.1 percent" and "7.3 percent" share
features). It is trained on the CLEF CheckThat! debates and on ClaimBuster together, with a ClaimBuster
indicator feature that absorbs the two datasets' different base rates; scores are read "as ClaimBuster"
(indicator on), so a score of at least 0.5 means a check-worthy factual sentence in ClaimBuster's sense,
and the ranking of a document's sentences is the one the CLEF debates are scored on.

No pickle: the vocabulary and metadata are JSON, the weights an ``.npz`` of plain arrays, and the
featurizer below is this package's own code, so the model loads the same under any scikit-learn.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.special import expit

from claimledger.errors import ClaimledgerError, InputError

CHECKWORTHY_MODEL = "checkworthy-1"
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (3, 5)
_TOKEN = re.compile(r"\w+|[^\w\s]")
# Two letters in a row: a sentence without them ("10.", "--", "$5") asserts nothing checkable, though its
# digits alone would score high (list numbers and stray figures are common in extracted news text).
_WORD = re.compile(r"[^\W\d_]{2}")
_DIGIT = re.compile(r"\d")
# Token types seen while scoring are cached with their feature ids; news keeps inventing names, so the
# cache is emptied when it grows past this many types rather than growing without bound.
_TOKEN_CACHE_LIMIT = 200_000


def normalize_sentence(sentence: str) -> str:
    """Lower-case, every digit ``0``: numbers count as numbers, not as particular values."""
    return _DIGIT.sub("0", sentence.lower())


def tokenize(sentence: str) -> list[str]:
    """Word tokens and single punctuation marks of the normalized sentence."""
    return _TOKEN.findall(normalize_sentence(sentence))


def word_ngrams(tokens: Sequence[str]) -> list[str]:
    """Unigrams and bigrams (space-joined)."""
    return list(tokens) + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def char_ngrams(token: str) -> list[str]:
    """Character n-grams (3–5) of one token padded with a space on each side, as scikit-learn's char_wb."""
    padded = f" {token} "
    low, high = CHAR_NGRAMS
    return [padded[i : i + n] for n in range(low, high + 1) for i in range(len(padded) - n + 1)]


class NgramIndexer:
    """Turns sentences into word and character n-gram count matrices over a vocabulary.

    With ``grow`` (training), unseen n-grams get new column ids; without it (scoring), they are ignored.
    Each token type's character n-gram ids are computed once and cached, which is what makes scoring
    fast: a sentence then costs a regex, a dictionary look-up per token and one per bigram.
    """

    def __init__(self, word_ids: dict[str, int], char_ids: dict[str, int], grow: bool = False) -> None:
        self.word_ids = word_ids
        self.char_ids = char_ids
        self.grow = grow
        self._token_cache: dict[str, list[int]] = {}

    def _lookup(self, ids: dict[str, int]) -> Callable[[str], int | None]:
        """``ids.get``, or with ``grow`` a look-up that adds unseen n-grams (the fast path is the plain ``get``)."""
        if self.grow:
            return lambda gram: ids.setdefault(gram, len(ids))
        return ids.get

    def _char_ids_of(self, token: str) -> list[int]:
        cached = self._token_cache.get(token)
        if cached is None:
            if len(self._token_cache) >= _TOKEN_CACHE_LIMIT:
                self._token_cache.clear()
            found = map(self._lookup(self.char_ids), char_ngrams(token))
            cached = [i for i in found if i is not None]
            self._token_cache[token] = cached
        return cached

    def count_matrices(self, sentences: Iterable[str]) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """``(word_counts, char_counts)``: one row per sentence, one column per vocabulary id."""
        word_id = self._lookup(self.word_ids)
        word_cols: list[int] = []
        char_cols: list[int] = []
        word_ptr = [0]
        char_ptr = [0]
        for sentence in sentences:
            tokens = tokenize(sentence)
            word_cols.extend(i for i in map(word_id, word_ngrams(tokens)) if i is not None)
            for token in tokens:
                char_cols.extend(self._char_ids_of(token))
            word_ptr.append(len(word_cols))
            char_ptr.append(len(char_cols))
        return (
            _count_matrix(word_cols, word_ptr, len(self.word_ids)),
            _count_matrix(char_cols, char_ptr, len(self.char_ids)),
        )


def _count_matrix(columns: list[int], indptr: list[int], width: int) -> sp.csr_matrix:
    """A CSR count matrix from per-row column ids (repeated ids are summed)."""
    data = np.ones(len(columns), dtype=np.float64)
    matrix = sp.csr_matrix(
        (data, np.asarray(columns, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
        shape=(len(indptr) - 1, width),
    )
    matrix.sum_duplicates()
    return matrix


def tfidf_rows(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Sublinear TF (1 + log count) times IDF, each row scaled to unit length (all-zero rows stay zero)."""
    weighted = counts.astype(np.float64, copy=True)
    weighted.data = (1.0 + np.log(weighted.data)) * idf[weighted.indices]
    lengths = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    lengths[lengths == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / lengths) @ weighted)


@dataclass
class CheckworthyModel:
    """A trained scorer: vocabularies, IDF weights and logistic-regression coefficients per block."""

    word_vocabulary: list[str]
    char_vocabulary: list[str]
    word_idf: np.ndarray
    char_idf: np.ndarray
    word_coef: np.ndarray
    char_coef: np.ndarray
    intercept: float  # the CLEF-debate intercept
    claimbuster_offset: float  # the ClaimBuster indicator's weight, added so scores read "as ClaimBuster"
    metadata: dict[str, Any]

    def __post_init__(self) -> None:
        self._indexer = NgramIndexer(
            {gram: i for i, gram in enumerate(self.word_vocabulary)},
            {gram: i for i, gram in enumerate(self.char_vocabulary)},
        )

    def decision_function(self, sentences: Sequence[str]) -> np.ndarray:
        """The logit of :meth:`score` per sentence; ``-inf`` for a sentence without a word."""
        word_counts, char_counts = self._indexer.count_matrices(sentences)
        margin = tfidf_rows(word_counts, self.word_idf) @ self.word_coef
        margin += tfidf_rows(char_counts, self.char_idf) @ self.char_coef
        has_words = np.array([_WORD.search(sentence) is not None for sentence in sentences], dtype=bool)
        return np.where(has_words, margin + self.intercept + self.claimbuster_offset, -np.inf)

    def score(self, sentences: Sequence[str]) -> list[float]:
        """Check-worthiness in [0, 1] of each sentence, in order."""
        if not sentences:
            return []
        margin = self.decision_function(sentences)
        return [float(v) for v in expit(margin)]

    def save(self, npz_path: Path, json_path: Path) -> None:
        """Write the weights (``.npz``, no pickled objects) and the vocabulary and metadata (``.json``)."""
        np.savez_compressed(
            npz_path,
            word_idf=self.word_idf.astype(np.float32),
            char_idf=self.char_idf.astype(np.float32),
            word_coef=self.word_coef.astype(np.float32),
            char_coef=self.char_coef.astype(np.float32),
            offsets=np.array([self.intercept, self.claimbuster_offset], dtype=np.float64),
        )
        document = {**self.metadata, "vocabulary": {"word": self.word_vocabulary, "char": self.char_vocabulary}}
        json_path.write_text(json.dumps(document, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, npz_path: Path, json_path: Path) -> CheckworthyModel:
        """Read a model written by :meth:`save`."""
        document = json.loads(json_path.read_text(encoding="utf-8"))
        vocabulary = document.pop("vocabulary")
        with np.load(npz_path, allow_pickle=False) as arrays:
            intercept, offset = (float(v) for v in arrays["offsets"])
            return cls(
                word_vocabulary=vocabulary["word"],
                char_vocabulary=vocabulary["char"],
                word_idf=arrays["word_idf"].astype(np.float64),
                char_idf=arrays["char_idf"].astype(np.float64),
                word_coef=arrays["word_coef"].astype(np.float64),
                char_coef=arrays["char_coef"].astype(np.float64),
                intercept=intercept,
                claimbuster_offset=offset,
                metadata=document,
            )


def shipped_model_paths(package_models: Path | None = None) -> tuple[Path, Path]:
    """``(npz, json)`` of the shipped model inside the installed package (or under ``package_models``)."""
    folder = package_models or Path(str(resources.files("claimledger.claims") / "models"))
    return folder / f"{CHECKWORTHY_MODEL}.npz", folder / f"{CHECKWORTHY_MODEL}.json"


@lru_cache(maxsize=1)
def load_shipped_model() -> CheckworthyModel:
    """The shipped model, loaded once per process."""
    npz_path, json_path = shipped_model_paths()
    if not npz_path.is_file() or not json_path.is_file():
        raise ClaimledgerError(
            f"the check-worthiness model is missing ({npz_path}): rebuild it with `claimledger train checkworthy`"
        )
    return CheckworthyModel.load(npz_path, json_path)


Scorer = Callable[[list[str]], list[float]]


def score_sentences(sentences: list[str]) -> list[float]:
    """Check-worthiness in [0, 1] of each sentence (a checkable factual assertion worth checking).

    Vectorized over the list, so pass a whole document's sentences at once; the model is loaded once.
    A score of at least 0.5 marks a check-worthy factual sentence.
    """
    return load_shipped_model().score(sentences)


@dataclass(frozen=True)
class ClefLine:
    """One line of a CLEF CheckThat! check-worthiness file: ``line_number, speaker, text[, label]``."""

    line_number: int
    speaker: str
    text: str
    label: int | None


def read_clef_file(path: Path) -> list[ClefLine]:
    """The lines of a CLEF TSV (UTF-8, no header, tab-separated; the label column is optional).

    Raises :class:`~claimledger.errors.InputError` naming the file and line when a line is malformed.
    """
    try:
        content = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read as UTF-8 text ({error})") from None
    lines = []
    # The sentences contain quotation marks verbatim: read with QUOTE_NONE so a stray '"' is just text.
    for row_number, row in enumerate(csv.reader(content.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE), 1):
        if not row or row == [""]:
            continue
        lines.append(_clef_line(row, f"{path}:{row_number}"))
    return lines


def _clef_line(row: list[str], where: str) -> ClefLine:
    if len(row) not in (3, 4):
        raise InputError(where, f"expected 3 or 4 tab-separated columns (line, speaker, text[, label]), got {len(row)}")
    try:
        line_number = int(row[0])
        label = int(row[3]) if len(row) == 4 and row[3].strip() != "" else None
    except ValueError:
        raise InputError(where, "the line number and label must be integers") from None
    return ClefLine(line_number, row[1], row[2], label)


def format_score(score: float) -> str:
    """A score as written in prediction files: eight decimals, so that ties are real ties."""
    return f"{score:.8f}"


def predict_clef_file(
    input_path: Path | str, output_path: Path | str, scorer: Scorer = score_sentences
) -> int:
    """Score a CLEF CheckThat! TSV and write ``line_number<TAB>score`` per line, in input order.

    This is the format CLEF's scorer reads (it ranks lines by score, ties in file order). ``scorer``
    defaults to the shipped model. Returns the number of lines written.
    """
    lines = read_clef_file(Path(input_path))
    scores = scorer([line.text for line in lines])
    with Path(output_path).open("w", encoding="utf-8", newline="\n") as out:
        for line, score in zip(lines, scores, strict=True):
            out.write(f"{line.line_number}\t{format_score(score)}\n")
    return len(lines)
