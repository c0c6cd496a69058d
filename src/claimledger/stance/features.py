"""Features of a headline–body pair for the shipped article-stance model.

Two families, one vector:

- relatedness (is the body about the headline at all): TF-IDF cosine of headline and body, of the lead
  and of the best-matching sentences, BM25, IDF-weighted coverage of the headline's words and numbers,
  and the official baseline's 44 overlap features;
- stance (given that it is about it, does it agree, disagree or only discuss): rates of refuting,
  hedging, confirming and negation cues in the whole body, in its lead, and in the sentences most
  similar to the headline (where a denial of *this* claim lives), negations near the headline's words,
  the same cues in the headline, question marks and quotes.

The IDF statistics are fitted on the training side only and ship with the model (:class:`Vocabulary`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from claimledger.stance.baseline import baseline_features
from claimledger.stance.text import CONFIRMING, DENIAL, HEDGING, NEGATION, REFUTING, STOP_WORDS, sentences, tokens

TOP_SENTENCES = 3
LEAD_SENTENCES = 3
NEGATION_WINDOW = 4
BM25_K1 = 1.2
BM25_B = 0.75
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
CUE_LEXICONS = (REFUTING, DENIAL, HEDGING, CONFIRMING, NEGATION)


@dataclass(frozen=True)
class Vocabulary:
    """Document frequencies fitted on training texts: the IDF of every token and the mean body length."""

    idf: dict[str, float]
    default_idf: float
    mean_body_tokens: float

    @classmethod
    def fit(cls, headlines: list[str], bodies: list[str]) -> Vocabulary:
        """IDF over the distinct headlines and bodies given (each text one document)."""
        texts = list(dict.fromkeys(headlines)) + list(dict.fromkeys(bodies))
        frequency: Counter[str] = Counter()
        for text in texts:
            frequency.update(set(tokens(text)))
        count = len(texts)
        idf = {token: math.log((count + 1) / (df + 1)) + 1.0 for token, df in frequency.items() if df > 1}
        body_lengths = [len(tokens(body)) for body in dict.fromkeys(bodies)]
        return cls(idf, math.log(count + 1) + 1.0, float(np.mean(body_lengths)) if body_lengths else 1.0)

    def weight(self, token: str) -> float:
        """The IDF of ``token`` (unseen and singleton tokens get the largest)."""
        return self.idf.get(token, self.default_idf)

    def vector(self, words: list[str]) -> dict[str, float]:
        """A unit-length TF-IDF vector (sublinear TF) of ``words`` without stop words."""
        counts = Counter(word for word in words if word not in STOP_WORDS)
        vector = {word: (1.0 + math.log(n)) * self.weight(word) for word, n in counts.items()}
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        return {word: value / norm for word, value in vector.items()}


@dataclass(frozen=True)
class Body:
    """A body's text with its sentences, their tokens and TF-IDF vectors, computed once per body."""

    text: str
    words: list[str]
    vector: dict[str, float]
    sentence_words: list[list[str]]
    sentence_vectors: list[dict[str, float]]
    numbers: frozenset[str]
    lead_vector: dict[str, float]
    lead_words: frozenset[str]
    cue_summary: list[float]


def prepare_body(text: str, vocabulary: Vocabulary) -> Body:
    """Tokenise a body once so that its many headlines reuse the work."""
    sentence_words = [tokens(sentence) for sentence in sentences(text)] or [[]]
    words = [word for sentence in sentence_words for word in sentence]
    lead_words = [word for sentence in sentence_words[:LEAD_SENTENCES] for word in sentence]
    return Body(
        text,
        words,
        vocabulary.vector(words),
        sentence_words,
        [vocabulary.vector(sentence) for sentence in sentence_words],
        frozenset(NUMBER.findall(text)),
        vocabulary.vector(lead_words),
        frozenset(lead_words),
        cue_rates(words) + cue_counts(words) + cue_rates(lead_words) + cue_counts(lead_words),
    )


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(word, 0.0) for word, value in a.items())


def bm25(headline_words: list[str], body: Body, vocabulary: Vocabulary) -> float:
    """BM25 of the body for the headline as a query, divided by the headline's total IDF (0..k1+1)."""
    counts = Counter(body.words)
    length_norm = 1.0 - BM25_B + BM25_B * len(body.words) / vocabulary.mean_body_tokens
    query = {word for word in headline_words if word not in STOP_WORDS}
    total_idf = sum(vocabulary.weight(word) for word in query) or 1.0
    score = 0.0
    for word in query:
        tf = counts.get(word, 0)
        score += vocabulary.weight(word) * tf * (BM25_K1 + 1) / (tf + BM25_K1 * length_norm)
    return score / total_idf


def coverage(headline_words: list[str], words: set[str], vocabulary: Vocabulary) -> float:
    """The IDF-weighted share of the headline's content words found in ``words``."""
    query = {word for word in headline_words if word not in STOP_WORDS}
    total = sum(vocabulary.weight(word) for word in query)
    found = sum(vocabulary.weight(word) for word in query if word in words)
    return found / total if total else 0.0


def cue_counts(words: list[str]) -> list[float]:
    """How many of ``words`` are in each cue lexicon (refuting, denial, hedging, confirming, negation)."""
    counts = Counter(words)
    return [float(sum(counts[word] for word in lexicon.intersection(counts))) for lexicon in CUE_LEXICONS]


def cue_rates(words: list[str]) -> list[float]:
    """The share of ``words`` in each cue lexicon."""
    size = max(1, len(words))
    return [count / size for count in cue_counts(words)]


def cue_presence(words: list[str]) -> list[float]:
    """0/1: does ``words`` hold any word of each cue lexicon."""
    present = set(words)
    return [float(bool(present & lexicon)) for lexicon in CUE_LEXICONS]


def negation_parity(words: list[str]) -> int:
    """Whether ``words`` hold an odd number of negations (a crude "is this negated")."""
    return sum(word in NEGATION for word in words) % 2


def negations_near(words: list[str], targets: set[str]) -> float:
    """How many negation or refuting words sit within a few tokens of one of the headline's words."""
    positions = [i for i, word in enumerate(words) if word in targets]
    count = 0
    for i, word in enumerate(words):
        if (word in NEGATION or word in REFUTING) and any(abs(i - j) <= NEGATION_WINDOW for j in positions):
            count += 1
    return float(count)


def ranked_sentences(headline_vector: dict[str, float], body: Body) -> list[tuple[float, int]]:
    """``(similarity, index)`` of the body's sentences, most similar to the headline first."""
    scored = [(cosine(headline_vector, vector), i) for i, vector in enumerate(body.sentence_vectors)]
    return sorted(scored, key=lambda pair: (-pair[0], pair[1]))


def relatedness_features(headline: str, headline_words: list[str], body: Body, vocabulary: Vocabulary,
                         headline_vector: dict[str, float], ranked: list[tuple[float, int]]) -> list[float]:
    """Similarity and overlap of headline and body."""
    top_scores = [score for score, _ in ranked[:TOP_SENTENCES]]
    headline_numbers = set(NUMBER.findall(headline))
    return [
        cosine(headline_vector, body.vector),
        cosine(headline_vector, body.lead_vector),
        top_scores[0],
        float(np.mean(top_scores)),
        float(ranked[0][1]) / max(1, len(body.sentence_words)),
        bm25(headline_words, body, vocabulary),
        coverage(headline_words, set(body.words), vocabulary),
        coverage(headline_words, body.lead_words, vocabulary),
        len(headline_numbers & body.numbers) / len(headline_numbers) if headline_numbers else -1.0,
    ]


def stance_features(headline: str, headline_words: list[str], body: Body,
                    ranked: list[tuple[float, int]]) -> list[float]:
    """Cue words in the body, its lead, its best-matching sentences, near the headline's words, and in the headline."""
    top_words = [word for _, i in ranked[:TOP_SENTENCES] for word in body.sentence_words[i]]
    best_words = body.sentence_words[ranked[0][1]]
    targets = {word for word in headline_words if word not in STOP_WORDS}
    return (
        body.cue_summary
        + cue_rates(top_words)
        + cue_counts(top_words)
        + cue_presence(best_words)
        + cue_presence(headline_words)
        + [
            negations_near(top_words, targets),
            negations_near(body.words, targets) / max(1, len(body.words)) * 100,
            float(headline.rstrip().endswith("?")),
            float(negation_parity(headline_words) != negation_parity(best_words)),
            body.text.count('"') / max(1, len(body.words)) * 100,
            math.log1p(len(body.words)),
            math.log1p(len(headline_words)),
        ]
    )


def pair_features(headline: str, body: Body, vocabulary: Vocabulary) -> list[float]:
    """The full feature vector of one pair (see the module docstring)."""
    headline_words = tokens(headline)
    headline_vector = vocabulary.vector(headline_words)
    ranked = ranked_sentences(headline_vector, body)
    return (
        relatedness_features(headline, headline_words, body, vocabulary, headline_vector, ranked)
        + stance_features(headline, headline_words, body, ranked)
        + baseline_features(headline, body.text)
    )


def feature_matrix(pairs: list[tuple[str, str]], vocabulary: Vocabulary) -> np.ndarray:
    """Features of ``(headline, body)`` pairs; each distinct body is prepared once."""
    prepared: dict[str, Body] = {}
    rows = []
    for headline, body_text in pairs:
        body = prepared.get(body_text)
        if body is None:
            body = prepared[body_text] = prepare_body(body_text, vocabulary)
        rows.append(pair_features(headline, body, vocabulary))
    return np.asarray(rows, dtype=np.float64)
