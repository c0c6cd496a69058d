"""The official FNC-1 baseline's hand features (fnc-1-baseline, feature_engineering.py), for reference.

The reference model is these 44 features and gradient boosting
(``GradientBoostingClassifier(n_estimators=200, random_state=14128)``, as upstream). Upstream lemmatises
with NLTK's WordNet lemmatiser; NLTK is not a dependency here, so tokens are only lower-cased. The
character-gram features keep upstream's quirk of joining a gram's characters with spaces, so that they
compute what the published baseline computed. The shipped model reuses these features among its own.
"""

from __future__ import annotations

from claimledger.stance.text import BASELINE_REFUTING, STOP_WORDS, clean

EARLY_CHARS = 255
FIRST_CHARS = 100
CHAR_GRAM_SIZES = (2, 8, 4, 16)
WORD_GRAM_SIZES = (2, 3, 4, 5, 6)
BASELINE_FEATURE_COUNT = 44


def word_overlap(headline_words: list[str], body_words: list[str]) -> list[float]:
    """Jaccard overlap of the headline's and the body's word sets."""
    head, body = set(headline_words), set(body_words)
    union = head | body
    return [len(head & body) / len(union) if union else 0.0]


def refuting(headline_words: list[str]) -> list[float]:
    """One 0/1 feature per baseline refuting word: is it in the headline."""
    present = set(headline_words)
    return [1.0 if word in present else 0.0 for word in BASELINE_REFUTING]


def polarity(words: list[str]) -> float:
    """Parity of the number of refuting words (upstream's crude negation polarity)."""
    refuting_words = set(BASELINE_REFUTING)
    return float(sum(word in refuting_words for word in words) % 2)


def co_occurrence(headline_words: list[str], body: str) -> list[float]:
    """How many headline words occur (as substrings) in the body and in its first 255 characters."""
    early = body[:EARLY_CHARS]
    return [float(sum(word in body for word in headline_words)), float(sum(word in early for word in headline_words))]


def char_gram_hits(headline: str, body: str, size: int) -> list[float]:
    """Hits of the headline's character grams in the body, its first 255 and its first 100 characters."""
    text = " ".join(word for word in headline.split() if word not in STOP_WORDS)
    grams = [" ".join(text[i : i + size]) for i in range(len(text) - size + 1)]
    return [
        float(sum(gram in body for gram in grams)),
        float(sum(gram in body[:EARLY_CHARS] for gram in grams)),
        float(sum(gram in body[:FIRST_CHARS] for gram in grams)),
    ]


def word_gram_hits(headline: str, body: str, size: int) -> list[float]:
    """Hits of the headline's word n-grams in the body and in its first 255 characters."""
    words = headline.split(" ")
    grams = [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
    return [float(sum(gram in body for gram in grams)), float(sum(gram in body[:EARLY_CHARS] for gram in grams))]


def baseline_features(headline: str, body: str) -> list[float]:
    """The 44 baseline features of one pair, in upstream's column order (hand, polarity, refuting, overlap)."""
    clean_headline, clean_body = clean(headline), clean(body)
    headline_words, body_words = clean_headline.split(), clean_body.split()
    hand = co_occurrence(clean_headline.split(" "), clean_body)
    hand += co_occurrence([w for w in clean_headline.split(" ") if w not in STOP_WORDS], clean_body)
    for size in CHAR_GRAM_SIZES:
        hand += char_gram_hits(clean_headline, clean_body, size)
    for size in WORD_GRAM_SIZES:
        hand += word_gram_hits(clean_headline, clean_body, size)
    return (
        hand
        + [polarity(headline_words), polarity(body_words)]
        + refuting(headline_words)
        + word_overlap(headline_words, body_words)
    )
