"""Text helpers for stance features: tokens, sentences and the cue lexicons.

Tokens are lower-cased word characters; "n't" becomes the token "not" so that negation survives.
Sentences are split on end punctuation and line breaks, which is enough for the ranking of body
sentences by similarity to the headline (no parser: stance inference must run at hundreds of pairs/s).
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

TOKEN = re.compile(r"\w+", re.UNICODE)
NOT_CONTRACTION = re.compile(r"n['’]t\b", re.IGNORECASE)
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS)

# The official FNC-1 baseline's refuting words (fnc-1-baseline, feature_engineering.py).
BASELINE_REFUTING = (
    "fake", "fraud", "hoax", "false", "deny", "denies", "not", "despite", "nope", "doubt", "doubts",
    "bogus", "debunk", "pranks", "retract",
)  # fmt: skip
# Words that call a claim untrue: the cue of `disagree` bodies.
REFUTING = frozenset(
    BASELINE_REFUTING
    + (
        "denied", "denying", "denial", "debunked", "debunks", "debunking", "hoaxes", "fakes", "faked",
        "falsely", "untrue", "satire", "satirical", "parody", "fabricated", "fabrication", "myth",
        "misleading", "baseless", "unfounded", "rumour", "rumor", "rumors", "rumours", "retracted",
        "rejected", "rejects", "dismissed", "dismisses", "refuted", "refutes", "disputed", "disputes",
        "prank", "scam", "spoof", "joke", "nonsense", "lie", "lies", "lied", "incorrect", "wrong",
        "erroneous", "contrary", "contradict", "contradicts", "insists", "insisted", "never",
        "bogus", "fiction", "fictional", "invented", "photoshopped", "doctored", "circulating",
    )
)  # fmt: skip
# The strongest of them: words that say outright that a claim is untrue.
DENIAL = frozenset(
    (
        "hoax", "hoaxes", "fake", "faked", "false", "falsely", "untrue", "debunk", "debunked", "debunks",
        "deny", "denies", "denied", "denying", "fabricated", "satire", "satirical", "baseless", "unfounded",
        "bogus", "photoshopped", "doctored", "myth", "refuted", "refutes", "retracted", "prank", "spoof",
    )
)  # fmt: skip
# Words that report a claim without vouching for it: the cue of `discuss` bodies.
HEDGING = frozenset(
    (
        "reportedly", "allegedly", "alleged", "alleges", "claims", "claimed", "claim", "claiming",
        "according", "unconfirmed", "unverified", "may", "might", "could", "possibly", "possible",
        "apparently", "purportedly", "purported", "supposedly", "appears", "appear", "appeared",
        "seems", "seem", "suggests", "suggested", "speculation", "speculate", "speculated", "if",
        "believed", "thought", "likely", "unclear", "report", "reports", "reported", "sources",
        "source", "said", "says", "say", "told", "rumoured", "rumored", "purport", "suspected",
        "investigating", "whether", "perhaps", "potentially", "unknown", "uncertain", "would",
    )
)  # fmt: skip
# Words that vouch for a claim: the cue of `agree` bodies.
CONFIRMING = frozenset(
    (
        "confirmed", "confirms", "confirm", "confirmation", "official", "officially", "announced",
        "announces", "revealed", "reveals", "proved", "proves", "proven", "verified", "indeed",
        "shows", "showed", "actually", "true", "fact", "evidence", "footage", "video", "photos",
        "admitted", "admits", "acknowledged", "now", "has", "have", "finally", "definitely",
    )
)  # fmt: skip
NEGATION = frozenset(("not", "no", "never", "none", "nothing", "neither", "nor", "without", "nobody", "cannot"))


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, with "n't" read as "not"."""
    return TOKEN.findall(NOT_CONTRACTION.sub(" not", text).lower())


def content_tokens(text: str) -> list[str]:
    """:func:`tokens` without English stop words (negations are stop words too and drop out here)."""
    return [token for token in tokens(text) if token not in STOP_WORDS]


def stemmed_tokens(text: str) -> list[str]:
    """:func:`content_tokens`, Snowball-stemmed: "detained", "detains" and "detaining" are one word."""
    return [_stem(token) for token in content_tokens(text)]


# Statement stance compares every statement of a story with every claim of it: the same texts come again.
@lru_cache(maxsize=65_536)
def stem_set(text: str) -> frozenset[str]:
    """The set of :func:`stemmed_tokens` of ``text`` (cached)."""
    return frozenset(stemmed_tokens(text))


# News vocabulary repeats: a cache makes stemming nearly free. snowballstemmer hands over to PyStemmer
# (the C build, same stems) when it is installed; the pure-Python stemmer on every new word of every
# statement cost statement stance most of its time.
@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def sentences(text: str) -> list[str]:
    """The non-empty sentences of ``text`` (end punctuation or line breaks end a sentence)."""
    return [piece.strip() for piece in SENTENCE_BREAK.split(text) if piece and piece.strip()]


def clean(text: str) -> str:
    """The official baseline's cleaning: word characters joined by spaces, lower-cased."""
    return " ".join(TOKEN.findall(text)).lower()
