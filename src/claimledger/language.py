"""Which language an article is in, so that non-English input can be reported instead of misanalysed."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_WORDS = 8
MIN_PROBABILITY = 0.9
# The identifier's cost grows with the text; the opening of an article is enough to tell.
SAMPLE_CHARS = 10_000


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language, English unless another language is clear.

    The rule: a text of fewer than 8 words (a headline, say) is English, as is any text for which
    py3langid's top language is English or has a normalized probability below 0.9. Only longer
    texts that py3langid confidently puts in another language get that language's code, so that
    short or ambiguous English (names, figures, headlines) is never rejected as foreign.
    Only the first 10,000 characters are looked at.
    """
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return "en"
    language, probability = _identifier().classify(sample)
    return language if probability >= MIN_PROBABILITY else "en"


@cache
def _identifier() -> LanguageIdentifier:
    # Loading the model takes about a second: once per process.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
