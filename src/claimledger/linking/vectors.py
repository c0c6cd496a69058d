"""TF-IDF vectors and candidate pairs: the sub-quadratic core that claims and stories share.

Comparing every item with every other is quadratic. Instead, two items become a *candidate pair*
only when they share a **blocking term**: a stemmed word that occurs in at most ``max_df`` items
(names, places, rare nouns; never "said" or "people"). The candidate pairs are the non-zeros of
``B @ B.T`` over the blocking columns ``B``, so their number is bounded by the sum of each blocking
term's squared frequency, at most ``terms × max_df²`` — linear in the corpus size for a fixed
``max_df``. Each candidate is then scored with the cosine of its full vectors: stemmed words, and
for short texts such as claims also character 3–5-grams inside words, which match spelling variants
and compounds that stemming misses ("al-Baghdadi" / "Baghdadi", "20-year-old" / "20 years").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from claimledger.stance.text import stemmed_tokens

DEFAULT_MAX_DF = 200  # items: a term in more of them says too little to block on
_SCORE_CHUNK = 200_000  # pairs scored per sparse multiply, to bound memory


@dataclass(frozen=True)
class Candidates:
    """Candidate pairs ``(left[k], right[k])`` with ``left < right`` and their cosine ``score[k]``."""

    left: np.ndarray
    right: np.ndarray
    score: np.ndarray

    def above(self, threshold: float) -> "Candidates":
        """Only the pairs scoring at least ``threshold``."""
        keep = self.score >= threshold
        return Candidates(self.left[keep], self.right[keep], self.score[keep])

    def by_score(self) -> list[tuple[int, int, float]]:
        """The pairs as ``(i, j, score)``, best first (ties in index order, so results are deterministic)."""
        order = np.lexsort((self.right, self.left, -self.score))
        return [(int(self.left[k]), int(self.right[k]), float(self.score[k])) for k in order]


@dataclass(frozen=True)
class TextVectors:
    """Per text: stemmed-word TF-IDF (blocking works on words) and the L2-normalised rows to score with."""

    words: sparse.csr_matrix
    scoring: sparse.csr_matrix


def text_vectors(texts: list[str], characters: bool = False) -> TextVectors:
    """TF-IDF vectors of ``texts``; with ``characters``, scoring also weighs in-word character n-grams."""
    words = _tfidf(texts, TfidfVectorizer(analyzer=stemmed_tokens, sublinear_tf=True))
    if not characters:
        return TextVectors(words, words)
    grams = _tfidf(texts, TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True))
    return TextVectors(words, normalize(sparse.hstack([words, grams]).tocsr()))


def candidate_pairs(
    vectors: TextVectors, max_df: int = DEFAULT_MAX_DF, scopes: Sequence[str] | None = None
) -> Candidates:
    """Pairs of texts sharing a blocking term (a stemmed word in 2..``max_df`` texts), scored by cosine.

    With ``scopes`` (one per text), only pairs within one scope are kept — before scoring, which is
    where the time goes.
    """
    blocking = _blocking_matrix(vectors.words, max_df)
    shared = sparse.triu(blocking @ blocking.T, k=1).tocoo()
    left, right = shared.row.astype(np.int64), shared.col.astype(np.int64)
    if scopes is not None:
        codes = np.unique(np.asarray(scopes), return_inverse=True)[1]
        same = codes[left] == codes[right]
        left, right = left[same], right[same]
    return Candidates(left, right, pair_cosines(vectors.scoring, left, right))


def pair_cosines(matrix: sparse.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The cosine of each row pair (rows are L2-normalised, so it is their dot product)."""
    scores = np.empty(len(left), dtype=np.float64)
    for start in range(0, len(left), _SCORE_CHUNK):
        end = start + _SCORE_CHUNK
        products = matrix[left[start:end]].multiply(matrix[right[start:end]])
        scores[start:end] = np.asarray(products.sum(axis=1)).ravel()
    return scores


def _tfidf(texts: list[str], vectorizer: TfidfVectorizer) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows (sublinear tf: repetition counts less); no columns without vocabulary."""
    try:
        return vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # no text had a single word left: no vocabulary
        return sparse.csr_matrix((len(texts), 0))


def _blocking_matrix(matrix: sparse.csr_matrix, max_df: int) -> sparse.csr_matrix:
    """0/1 rows restricted to the terms that occur in 2..``max_df`` rows."""
    presence = matrix.copy()
    presence.data = np.ones_like(presence.data, dtype=np.float32)
    frequency = np.asarray(presence.sum(axis=0)).ravel()
    columns = np.flatnonzero((frequency >= 2) & (frequency <= max_df))
    return presence[:, columns].tocsr()
