"""Framing: how an outlet colours what it reports.

Four kinds of marker (PRODUCT.md "Framing"), each with its exact span:

- ``editorializing``: judging adverbs and phrases ("somehow", "predictably", "despite a mountain of
  evidence"), from the lexicon in ``claimledger/data/framing_lexicon.tsv``;
- ``loaded_verb``: verbs of combat used for speech ("slams", "blasts") whose subject is a person,
  organisation or pronoun or which stand in the headline, and attribution cues that are not neutral
  (``claimed``/``insisted`` cast doubt, ``admitted``/``conceded`` presuppose the content is true);
- ``scare_quote``: a word or short phrase in quotation marks that nobody is quoted as saying;
- ``headline_stronger_than_body``: a headline cue that is loaded ("admits", "slams") where the body
  gives the same speaker only neutral verbs ("said").
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from claimledger.attribution.quotes import looks_like_scare_quote
from claimledger.attribution.rules import SPEAKER_ENTITY_LABELS, quoting
from claimledger.model import FramingMarker, MarkerType, Statement, in_title
from claimledger.parse import document_text, load_nlp, token_strings

_SUBJECTS = {"nsubj", "nsubjpass"}


@dataclass(frozen=True)
class FramingLexicon:
    """Phrases (matched case-insensitively) and verb lemmas, each with its marker type."""

    phrases: dict[str, MarkerType]
    lemmas: dict[str, MarkerType]


@lru_cache(maxsize=1)
def framing_lexicon() -> FramingLexicon:
    """The lexicon shipped in ``claimledger/data/framing_lexicon.tsv``."""
    table = resources.files("claimledger.data").joinpath("framing_lexicon.tsv").read_text(encoding="utf-8")
    rows = list(csv.DictReader((ln for ln in table.splitlines() if not ln.startswith("#")), delimiter="\t"))
    phrases = {row["term"]: row["type"] for row in rows if row["match"] == "phrase"}
    lemmas = {row["term"]: row["type"] for row in rows if row["match"] == "lemma"}
    return FramingLexicon(phrases, lemmas)  # type: ignore[arg-type]


def find_framing_markers(
    doc: Doc, statements: list[Statement], title_span: tuple[int, int] | None = None
) -> list[FramingMarker]:
    """Every framing marker of a parsed document, in text order, one per span and type."""
    markers = (
        _lexicon_markers(doc, title_span)
        + _scare_quote_markers(doc, statements, title_span)
        + _cue_markers(statements, title_span)
        + _headline_markers(statements, framing_lexicon().lemmas)
    )
    unique = {(m.start, m.end, m.type): m for m in markers}
    return sorted(unique.values(), key=lambda m: (m.start, m.end, m.type))


def _lexicon_markers(doc: Doc, title_span: tuple[int, int] | None) -> list[FramingMarker]:
    lexicon = framing_lexicon()
    markers = []
    for _, start, end in _phrase_matcher(doc.vocab)(doc):
        span = doc[start:end]
        markers.append(_marker(document_text(doc), span.start_char, span.end_char, lexicon.phrases[span.text.lower()], title_span))
    for i, (pos, lemma) in enumerate(zip(token_strings(doc, "POS"), token_strings(doc, "LEMMA"))):
        if pos == "VERB" and lemma.lower() in lexicon.lemmas:
            token = doc[i]
            if in_title(title_span, token.idx) or _has_person_subject(token):
                markers.append(_marker(document_text(doc), token.idx, token.idx + len(token), lexicon.lemmas[lemma.lower()],
                                       title_span))
    return markers


@lru_cache(maxsize=4)
def _phrase_matcher(vocab) -> PhraseMatcher:
    """One matcher per vocabulary, built once: the phrases tokenized by the same tokenizer."""
    matcher = PhraseMatcher(vocab, attr="LOWER")
    nlp = load_nlp()
    matcher.add("framing", [nlp.make_doc(phrase) for phrase in framing_lexicon().phrases])
    return matcher


def _has_person_subject(verb: Token) -> bool:
    """"The minister slammed the report", "She blasted critics" — not "the fire destroyed homes"."""
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return child.ent_type_ in SPEAKER_ENTITY_LABELS or child.pos_ in {"PRON", "PROPN"}
    return False


def _scare_quote_markers(doc: Doc, statements: list[Statement], title_span) -> list[FramingMarker]:
    """Short quoted phrases outside every statement's content: the outlet's own distance-taking."""
    text = document_text(doc)
    quoted = [(s.content.start, s.content.end) for s in statements if s.content is not None]
    markers = []
    for quote in quoting(doc).quotes:
        if not looks_like_scare_quote(text, quote) or not _inside_noun_phrase(doc, quote.start, quote.end):
            continue
        if any(start <= quote.start and quote.end <= end for start, end in quoted):
            continue  # a speaker's own word, quoted ("calling the allegations “fabricated”")
        markers.append(_marker(text, quote.start, quote.end, "scare_quote", title_span))
    return markers


def _inside_noun_phrase(doc: Doc, start: int, end: int) -> bool:
    """A scare quote qualifies a thing ("the so-called “investigation”", "its “independent” laboratory");
    a quoted phrase after a verb ("expressing “deep concern”") is someone's words, not the outlet's doubt."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    words = [t for t in span if not t.is_punct]
    if len(words) == 1:
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and (before.pos_ in {"DET", "ADJ"} or before.lower_ == "so-called")


def _cue_markers(statements: list[Statement], title_span) -> list[FramingMarker]:
    """Attribution verbs that are not neutral: "claimed", "insisted" (doubt), "admitted" (presuppose)."""
    return [
        FramingMarker(s.cue.text, s.cue.start, s.cue.end, _where(title_span, s.cue.start), "loaded_verb")
        for s in statements
        if s.cue.neutrality != "neutral"
    ]


def _headline_markers(statements: list[Statement], loaded_lemmas: dict[str, MarkerType]) -> list[FramingMarker]:
    """A loaded headline cue whose speaker the body reports only with neutral verbs."""
    markers = []
    for headline in (s for s in statements if s.in_headline):
        if not _is_loaded(headline, loaded_lemmas) or headline.speaker is None:
            continue
        body = [s for s in statements if not s.in_headline and _same_speaker(s, headline)]
        if body and not any(_is_loaded(s, loaded_lemmas) for s in body):
            cue = headline.cue
            markers.append(FramingMarker(cue.text, cue.start, cue.end, "headline", "headline_stronger_than_body"))
    return markers


def _is_loaded(statement: Statement, loaded_lemmas: dict[str, MarkerType]) -> bool:
    return statement.cue.neutrality != "neutral" or statement.cue.lemma in loaded_lemmas


def _same_speaker(statement: Statement, other: Statement) -> bool:
    if statement.speaker is None or other.speaker is None:
        return False
    if statement.speaker.entity and other.speaker.entity:
        return statement.speaker.entity == other.speaker.entity
    return statement.speaker.name.lower() == other.speaker.name.lower()


def _marker(text: str, start: int, end: int, marker_type: MarkerType, title_span) -> FramingMarker:
    return FramingMarker(text[start:end], start, end, _where(title_span, start), marker_type)


def _where(title_span: tuple[int, int] | None, offset: int) -> str:
    return "headline" if in_title(title_span, offset) else "body"
