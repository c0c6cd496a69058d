"""The central claim of a document and the list of claims (PRODUCT.md "Claims").

When the headline is an attribution ("X denies Y", "X says no proof of Y"), the central claim is what
is attributed, Y; otherwise it is the headline's own proposition; without a headline, the lede's.
``claims`` also holds every sentence whose check-worthiness reaches the threshold.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Span, Token

from claimledger.attribution import without_dateline
from claimledger.attribution.quotes import QUOTE_MARKS
from claimledger.model import Claim, Entity, Quantity, Statement
from claimledger.parse import document_text
from claimledger.stance.text import stemmed_tokens

DEFAULT_CLAIM_THRESHOLD = 0.5
# An indirect report whose content is at least this share of its sentence is that sentence's claim,
# when its act asserts the content.
_REPORT_SHARE = 0.5
_REPORTING_ACTS = {"assert", "confirm", "report"}
_SUBJECTS = {"nsubj", "nsubjpass"}
# The entity types a pronoun opening a reported clause can stand for.
_PRONOUN_KINDS = {
    "it": {"ORG", "NORP", "GPE"}, "its": {"ORG", "NORP", "GPE"},
    "he": {"PERSON"}, "his": {"PERSON"}, "she": {"PERSON"}, "her": {"PERSON"},
}
# Nouns that carry a proposition of their own ("reports that X", "allegations of X").
_REPORT_NOUNS = r"reports?|claims?|allegations?|accusations?|suggestions?|rumou?rs?|charges?|stories|story"
_REPORT_NOUN = re.compile(f"(?:{_REPORT_NOUNS})", re.IGNORECASE)
# Words that introduce the proposition rather than state it: "denies reports that X" is about X.
_INTRODUCERS = re.compile(
    rf"^(?:that\s+|(?:the\s+|all\s+)?(?:{_REPORT_NOUNS}|evidence|proof)(?:\s+by\s+[^,;]+?)?\s+(?:that|of)\s+)+",
    re.IGNORECASE,
)


def central_claim_span(doc: Doc, statements: list[Statement], title_span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``[start, end)`` of the central claim: the headline statement's content, the headline, or the lede.

    A headline that only names what is attributed ("Diplomats reject rights reports") leaves the
    proposition to the body: the first body statement of the same act that states one ("denied
    reports that security forces had detained protesters") and names the same thing gives the claim
    instead; failing that, what the body first says the named reports say ("an inquiry into reports
    that security forces had beaten demonstrators").
    """
    headline_statement = next(
        (s for s in statements if s.in_headline and s.content is not None and not _is_directive(doc, s)), None
    )
    if headline_statement is not None:
        if not _states_a_proposition(doc, headline_statement):
            named = set(stemmed_tokens(headline_statement.content.text))
            body = next(
                (s for s in statements if not s.in_headline and s.act == headline_statement.act
                 and s.content is not None and named & set(stemmed_tokens(s.content.text))
                 and _states_a_proposition(doc, s)),
                None,
            )
            if body is None:
                said = _what_named_reports_say(doc, named, title_span[1] if title_span else 0)
                if said is not None:
                    return said
            if body is None and title_span is not None:
                return title_span  # "Chemical giant slams river report": the headline is all it says
            headline_statement = body or headline_statement
        return headline_statement.content.start, headline_statement.content.end
    if title_span is not None:
        return title_span
    lede = next((s for s in doc.sents if s.text.strip()), None)
    return _trimmed(lede) if lede is not None else None


def build_claims(
    doc: Doc,
    statements: list[Statement],
    quantities: list[Quantity],
    scores: list[float],
    title_span: tuple[int, int] | None,
    threshold: float = DEFAULT_CLAIM_THRESHOLD,
    entities: Sequence[Entity] = (),
) -> list[Claim]:
    """The central claim first, then every other sentence scoring at least ``threshold``.

    Args:
        scores: check-worthiness of each sentence of ``doc``, in order (``list(doc.sents)``).
        entities: the document's entities, which name the speaker a reported clause's pronoun
            stands for ("The organisation said it had evacuated 38 people").
    """
    sentences = [_trimmed(s) for s in doc.sents]
    central = central_claim_span(doc, statements, title_span)
    text = document_text(doc)
    claims: list[Claim] = []
    if central is not None:
        claims.append(_claim(text, central, True, _score_at(central, sentences, scores), quantities))
    for (start, end), score in zip(sentences, scores):
        if score >= threshold and start < end and not (central and _overlaps(central, (start, end))):
            claim = _claim(text, (start, end), False, score, quantities)
            reported = _reported_in(doc, (start, end), statements, {entity.id: entity for entity in entities})
            if reported is not None:
                claim.normalized = normalize_claim(reported)
            claims.append(claim)
    for number, claim in enumerate(claims, start=1):
        claim.id = f"c{number}"
    return claims


def normalize_claim(text: str) -> str:
    """A claim restated as a plain declarative sentence: "reports that a purge is happening" -> "A purge is happening."."""
    stripped = _without_enclosing_quotes(" ".join(text.split())).rstrip(",;:")
    introducer = _INTRODUCERS.match(stripped)
    stripped = stripped[introducer.end() :].strip(" ,;:") if introducer else stripped
    if not stripped:
        return ""
    if introducer and introducer.group(0).rstrip().lower().endswith(" of"):
        stripped = "There was " + stripped  # "reports of abuse in X" states that there was abuse in X
    stripped = stripped[0].upper() + stripped[1:]
    ended = stripped.rstrip("".join(QUOTE_MARKS))  # a quotation closing the claim may hold its full stop
    return stripped if ended[-1:] in {".", "!", "?"} else stripped + "."


def _without_enclosing_quotes(text: str) -> str:
    """``text`` without the quotation marks around the whole of it ("“We found nothing,”"), keeping
    those of a quotation inside it (the last word of "tells critics to 'find proof'")."""
    while len(text) > 1 and text[0] in QUOTE_MARKS and text[-1] in QUOTE_MARKS:
        text = text[1:-1].strip()
    return text


def _what_named_reports_say(doc: Doc, named: set[str], body_start: int) -> tuple[int, int] | None:
    """The clause of the first "reports that X" after ``body_start`` whose noun (a report, claim,
    allegation …) is one of the ``named`` stems: X, without "that"."""
    for token in doc:
        if token.idx < body_start or token.pos_ != "NOUN" or not _REPORT_NOUN.fullmatch(token.text):
            continue
        if not named & set(stemmed_tokens(token.text)):
            continue
        for clause in token.children:
            marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
            if clause.dep_ in {"acl", "ccomp"} and marks:
                words = [t for t in clause.subtree if t.i != marks[0].i and not t.is_space]
                while words and words[-1].is_punct:
                    words.pop()
                if words:
                    return words[0].idx, words[-1].idx + len(words[-1])
    return None


def _reported_in(
    doc: Doc, sentence: tuple[int, int], statements: list[Statement], entities: Mapping[str, Entity]
) -> str | None:
    """What the indirect report that makes up most of a sentence reports ("Haldane said the group had
    interviewed 37 people"): the claim is what was reported, and its speaker is a voice on it, not part
    of it. Only a report that asserts a proposition standing on its own counts: a denial's content is
    the opposite of what its sentence claims, and a direct quote's first person ("We have the letters")
    needs its speaker. A pronoun subject of the report is replaced by the speaker it stands for ("The
    organisation said it had evacuated 38 people" -> "Frontier Legal Aid had evacuated 38 people");
    any other ("they", a pronoun that is not the speaker's kind) would lose who is meant, and the
    sentence is kept."""
    start, end = sentence
    for statement in statements:
        content = statement.content
        if (
            content is None or statement.kind == "direct" or statement.in_headline
            or statement.act not in _REPORTING_ACTS or not start <= statement.cue.start < end
            or not (start <= content.start and content.end <= end)
            or content.end - content.start < _REPORT_SHARE * (end - start)
        ):
            continue
        span = doc.char_span(content.start, content.end, alignment_mode="expand")
        if span is None or not _single_clause(span):
            continue
        pronoun = _subject_pronoun(span)
        if pronoun is None:
            return content.text
        name = _speaker_meant(statement, pronoun, entities)
        if name is not None:
            text = document_text(doc)  # Doc.text joins every token anew on each access
            possessive = ("’s" if "’" in text else "'s") if pronoun.dep_ == "poss" else ""
            return text[content.start : pronoun.idx] + name + possessive + text[pronoun.idx + len(pronoun) : content.end]
    return None


def _single_clause(span: Span) -> bool:
    """A single clause with its own subject, not joining a second reported clause ("… and that 29 of
    them had been released")."""
    if not any(not t.is_punct and t.lower_ != "that" for t in span):
        return False
    has_subject = any(t.dep_ in {*_SUBJECTS, "expl"} and span.start <= t.head.i < span.end for t in span)
    second_clause = any(t.lower_ == "that" and t.dep_ == "mark" and t.i > span.start for t in span)
    return has_subject and not second_clause


def _subject_pronoun(span: Span) -> Token | None:
    """The pronoun that is the reported clause's subject, or owns it ("it had evacuated", "on Monday it
    had evacuated", "its lawyers had been refused"), if any; pronouns deeper in the clause ("a dozen
    who said they were beaten") are no matter."""
    subject = next((c for c in span.root.children if c.dep_ in _SUBJECTS), None)
    if subject is None or subject.pos_ == "PRON":
        return subject
    return next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)


def _speaker_meant(statement: Statement, pronoun: Token, entities: Mapping[str, Entity]) -> str | None:
    """The speaker's name when the pronoun subject (or owner of the subject) can only be the speaker: "it" or
    "its" for an organisation, "he", "she", "his", "her" for a person ("they" may be anyone)."""
    speaker = statement.speaker
    entity = entities.get(speaker.entity) if speaker is not None and speaker.entity else None
    if entity is None:
        return None
    kinds = _PRONOUN_KINDS.get(pronoun.lower_)
    if kinds is None or entity.type not in kinds:
        return None
    # "The National Environment Agency (NEA) said it …": the name as the speaker was written.
    article = "The " if speaker.text.startswith(f"The {entity.name}") else ""
    return article + entity.name


def _is_directive(doc: Doc, statement: Statement) -> bool:
    """Whether a statement's content is what somebody is told to do ("tells foreign critics to find
    proof"): an infinitive hung on the reporting verb outside it. It states nothing, so the headline
    that reports it is the claim."""
    span = doc.char_span(statement.content.start, statement.content.end, alignment_mode="expand")
    return span is not None and any(t.dep_ == "xcomp" and not span.start <= t.head.i < span.end for t in span)


def _states_a_proposition(doc: Doc, statement: Statement) -> bool:
    """Whether a statement's content states something (has a verb, or reports "of" something),
    rather than only naming a report ("rights reports", "the findings")."""
    content = statement.content
    if _INTRODUCERS.match(" ".join(content.text.split()).strip("“”\"'‘’ ")):
        return True
    span = doc.char_span(content.start, content.end, alignment_mode="expand")
    return span is not None and any(token.pos_ in {"VERB", "AUX"} for token in span)


def _claim(text: str, span: tuple[int, int], central: bool, score: float | None, quantities: list[Quantity]) -> Claim:
    start, end = span
    inside = [q.id for q in quantities if start <= q.start and q.end <= end]
    return Claim("", text[start:end], start, end, normalize_claim(text[start:end]), central, score, inside)


def _score_at(span: tuple[int, int], sentences: list[tuple[int, int]], scores: list[float]) -> float | None:
    """The check-worthiness of the sentence holding ``span``."""
    for (start, end), score in zip(sentences, scores):
        if start <= span[0] < max(end, start + 1):
            return score
    return None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _trimmed(sentence: Span) -> tuple[int, int]:
    """A sentence's span without surrounding whitespace, nor the wire dateline that opens its paragraph
    ("NEWPORT, Wales — The American airstrikes …" states what follows the dash)."""
    text = sentence.text
    start = sentence.start_char + (len(text) - len(text.lstrip()))
    end = max(start, sentence.end_char - (len(text) - len(text.rstrip())))
    if start == end:
        return start, end
    ((start, end),) = without_dateline(document_text(sentence.doc), [(start, end)])
    return start, end
