"""Attribution: every attributed statement of a parsed document (speaker, cue, content, act).

:func:`extract_statements` is the stage's entry point; :mod:`.rules` finds the statements,
:mod:`.speakers` resolves who the speakers are, :mod:`.component` wraps both as a spaCy component.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from claimledger.attribution.convnet import CONVNET_MODEL_NAME, ConvTagger, shipped_convnet
from claimledger.attribution.lexicon import addresses_the_object, statement_act
from claimledger.attribution.linking import done_by_an_object
from claimledger.attribution.quotes import find_headline_quotes
from claimledger.attribution.rules import Found, find_statements, negated_by_without, noun_phrase, quoting, span_of
from claimledger.attribution.speakers import SpeakerResolver
from claimledger.attribution.tagger import (
    MODEL_NAME, AttributionModel, merge_statements, shipped_model, tagged_statements,
)
from claimledger.attribution.transformer import ACCURATE_MODEL_NAME, shipped_transformer
from claimledger.model import Content, Cue, Entity, Span, Speaker, Statement, StatementKind, in_title

ATTRIBUTION_MODEL = f"{MODEL_NAME}+{CONVNET_MODEL_NAME}"
ACCURATE_ATTRIBUTION_MODEL = f"{MODEL_NAME}+{ACCURATE_MODEL_NAME}"
# What negates a cue beside "not"/"never": "Nor have they explained", "Neither official has explained",
# "No one confirmed", "Nobody denied".
_NEGATING_WORDS = frozenset({"nor", "neither", "no"})
_NEGATING_SUBJECTS = frozenset({"nobody", "none", "noone"})
# A place in capitals, then optionally a region and a date, the agency in brackets, and a dash.
DATELINE = re.compile(
    r"[A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+)*(?:, [A-Z][\w.]*(?: [\w.]+)*?)*\s*(?:\([^()\n]{2,40}\))?\s*[―—–-]{1,2}\s+"
)


def extract_statements(
    doc: Doc, title_span: tuple[int, int] | None = None, model: AttributionModel | None = None,
    accurate: bool = False, convnet: ConvTagger | None = None, author: str | None = None,
) -> tuple[list[Statement], list[Entity]]:
    """The statements of ``doc`` with resolved speakers, and the document's entities.

    Args:
        doc: a spaCy parse (tagger, parser and NER) of the document text.
        title_span: ``[start, end)`` of the headline, so that headline statements are marked.
        model: the attribution CRF; by default the shipped one, read together with the shipped
            network (:mod:`.convnet`).
        convnet: the network read beside ``model`` (trained with it); with neither given, the
            shipped pair.
        accurate: also read the document with the fine-tuned transformer (``--accurate``; needs
            the optional dependencies in ``requirements-accurate.txt``).
    """
    quoted = quoting(doc)
    ruled = find_statements(doc, quoted, title_span)
    transformer = shipped_transformer() if accurate else None
    if convnet is None and model is None and not accurate:
        convnet = shipped_convnet()
    tagged = tagged_statements(doc, quoted, ruled, model or shipped_model(), transformer, convnet)
    merged = [(f, _cue_words(doc, f.cue)) for f in merge_statements(ruled, tagged, quoted.text, title_span)]
    found = [(f, cue_words) for f, cue_words in merged if not _supposes(cue_words) and not _not_done_yet(cue_words)]
    resolver = SpeakerResolver(doc, author)
    statements = [
        _to_statement(f"s{number}", statement, cue_words, doc, quoted.text, resolver, title_span)
        for number, (statement, cue_words) in enumerate(found, start=1)
    ]
    return statements, resolver.entities()


def _supposes(cue: list[Token]) -> bool:
    """"Let's say you think a degree will cost $160,000": a supposition the writer asks the reader to
    make, which nobody states."""
    return any(
        t.head.lemma_ == "let" and any(c.dep_ == "nsubj" and c.lower_ in {"'s", "’s", "us"} for c in t.children)
        for t in cue
    )


def _not_done_yet(cue: list[Token]) -> bool:
    """"telling them to find proof before accusing his administration of abuse": what those told are to
    do first or hold back from (a gerund after a preposition, under the infinitive of a directive) is an
    act nobody has done."""
    return any(t.dep_ == "pcomp" and done_by_an_object(t) for t in cue)


def _cue_words(doc: Doc, cue: tuple[int, int]) -> list[Token]:
    """The tokens of the cue ``[start, end)``."""
    return list(doc.char_span(*cue, alignment_mode="expand") or ())


def _spoken_to(found: Found, cue: list[Token]) -> bool:
    """Whether the statement's speaker is the one a passive cue addresses ("Asked about it, Clinton
    said", "Residents were warned not to touch the fish"): the one who asked or warned is unnamed, and
    PolNeAR draws no source. Not "was told by ambassadors", whose agent speaks."""
    return addresses_the_object(found.cue_lemma, found.sense) and _is_passive(cue) and not _is_agent(found.speaker_token)


def _agent(cue: list[Token]) -> tuple[tuple[int, int] | None, Token | None]:
    """The span and head of who acts in a passive cue ("was asked by host Bill Maher"), or ``None``s."""
    for verb in cue:
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        head = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if head is not None:
            return span_of(noun_phrase(head, None, set())), head
    return None, None


def _is_passive(cue: list[Token]) -> bool:
    """Whether the cue is a passive participle: "was asked", or "Asked about it, she said" (a bare
    participle opening the sentence's adverbial clause; not "…, his advisers have suggested")."""
    verbs = [t for t in cue if t.tag_ == "VBN"]
    return any(
        any(c.dep_ == "auxpass" for c in v.children)
        or (v.dep_ == "advcl" and not any(c.dep_ in {"aux", "nsubj"} for c in v.children))
        for v in verbs
    )


def _is_negated(cue: list[Token]) -> bool:
    """Whether the cue's verb is negated: "did not deny", "never said", "Nor have they explained",
    "Neither official has explained", "No one confirmed", "without explaining", "neither confirmed nor
    denied"."""
    verbs = _verbs(cue)
    if not verbs:
        return False
    head = next((v for v in verbs if v.head not in verbs or v.head == v), verbs[0])
    if negated_by_without(head) or _after_nor(head):
        return True
    return any(_negates(child, head) for child in head.children)


def _verbs(cue: list[Token]) -> list[Token]:
    return [t for t in cue if t.pos_ in {"VERB", "AUX"}]


def _neither_nor(cue: list[Token]) -> bool:
    """Whether the cue's verb is one of a "neither … nor …" pair."""
    return any(
        _after_nor(v) or any(c.dep_ == "preconj" and c.lower_ == "neither" for c in v.children) for v in _verbs(cue)
    )


def _after_nor(verb: Token) -> bool:
    """"neither confirmed nor denied": the second verb of the pair, joined to the first by "nor"."""
    first = verb.head
    return verb.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ == "nor" and first.i < c.i < verb.i for c in first.children
    )


def _negates(child: Token, verb: Token) -> bool:
    """Whether a dependent of ``verb`` negates it: "not"/"never" among its auxiliaries, "Nor" before it,
    a subject "Nobody" or "No one", "Neither official", the object "nothing"."""
    if child.dep_ == "neg":
        return _in_verb_group(child, verb)
    if child.dep_ == "dobj":
        return child.lower_ == "nothing"  # "said nothing", "denied nothing"
    if child.dep_ == "preconj":
        return child.lower_ == "neither"  # "neither confirmed nor denied"
    if child.dep_ == "cc":
        return child.lower_ in _NEGATING_WORDS and child.i < verb.i
    if child.dep_ in {"nsubj", "nsubjpass"}:
        return child.lower_ in _NEGATING_SUBJECTS or any(
            d.dep_ == "det" and d.lower_ in _NEGATING_WORDS for d in child.children
        )
    return False


def _in_verb_group(word: Token, verb: Token) -> bool:
    """Whether ``word`` stands in ``verb``'s run of auxiliaries and adverbs ("did not immediately
    confirm", "has never been charged"), not elsewhere in the sentence ("“Probably not,” Ms. Moore said")."""
    between = word.doc[word.i + 1 : verb.i]
    return word.i < verb.i and all(t.dep_ in {"aux", "auxpass", "neg", "advmod"} for t in between)


def _has_expletive_subject(cue: list[Token]) -> bool:
    """"It is claimed that …", "it is thought that …": the "it" of a passive report with a clause is
    nobody, and no other phrase is the subject; whoever claims is unnamed, or the agent ("It was claimed
    by the ministry that …")."""
    return any(_is_expletive_it(child) for token in cue for child in token.children)


def _is_expletive_it(token: Token) -> bool:
    """Whether ``token`` is the empty "it" of "It is claimed that …"."""
    return token.lower_ == "it" and (
        token.dep_ == "expl" or (token.dep_ == "nsubjpass" and any(c.dep_ == "ccomp" for c in token.head.children))
    )


def _is_agent(token: Token | None) -> bool:
    """"prosecutors" of "was accused by prosecutors of …": the one who acts in a passive clause."""
    return token is not None and token.head.dep_ == "agent"


def _to_statement(
    statement_id: str, found: Found, cue_words: list[Token], doc: Doc, text: str, resolver: SpeakerResolver,
    title_span: tuple[int, int] | None,
) -> Statement:
    """The statement ``found`` as the schema gives it; ``cue_words`` are its cue's tokens."""
    speaker = None
    speaker_span, speaker_token = found.speaker, found.speaker_token
    if len(cue_words) > 1 and _is_expletive_it(cue_words[0]):
        cue_words = cue_words[1:]
        found = replace(found, cue=(cue_words[0].idx, found.cue[1]))
    if speaker_span is not None and (_spoken_to(found, cue_words) or _has_expletive_subject(cue_words)):
        speaker_span, speaker_token = _agent(cue_words)
    if speaker_span is not None:
        ((first, last),) = without_dateline(text, [speaker_span])
        name, entity, members = resolver.resolve(first, last, speaker_token)
        speaker = Speaker(text[first:last], first, last, name=name, entity=entity, members=members)
    negated = _is_negated(cue_words)
    cue = Cue(
        text[found.cue[0] : found.cue[1]], *found.cue, lemma=found.cue_lemma, neutrality=found.sense.neutrality,
        negated=negated,
    )
    content = Content.from_fragments(text, without_dateline(text, found.content)) if found.content else None
    start, end = _sentence_bounds(doc, found.start, found.end)
    in_headline = in_title(title_span, found.cue[0])
    kind = (_headline_kind(text, title_span, content) if in_headline and content else None) or found.kind
    act = statement_act(found.cue_lemma, found.sense, content.text if content else None, negated)
    if negated and _neither_nor(cue_words):
        act = "refuse_comment"  # "would neither confirm nor deny": no denial, no confirmation, a refusal
    elif found.cue_lemma == "quote" and _is_passive(cue_words):
        act = "assert"  # "… was quoted by the AP": the one quoted said it; the AP reports it
    return Statement(statement_id, kind, act, speaker, cue, content, Span.of(text, start, end), in_headline)


def _headline_kind(text: str, title_span: tuple[int, int] | None, content: Content) -> StatementKind | None:
    """``direct`` for a headline content in single quotation marks ("Minister says 'purge is not
    happening'"), ``mixed`` for one with such a quotation inside it, else ``None`` (the kind stands).
    Single marks are not quotations in body text (:func:`.quotes.find_headline_quotes`)."""
    if title_span is None:
        return None
    offset = title_span[0]
    quotes = [(offset + s, offset + e) for s, e in find_headline_quotes(text[offset : title_span[1]])]
    if any(start <= content.start and content.end <= end for start, end in quotes):
        return "direct"
    if any(content.start <= start and end <= content.end for start, end in quotes):
        return "mixed"
    return None


def without_dateline(text: str, fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Span fragments with a wire dateline ("TARNBY, Belmora, May 13 (Meridian Wire) – ") cut from
    the start of the first one, when it opens a paragraph: the dateline is no part of who spoke or
    what was said.

    A rule, not the models' job: PolNeAR's dev set has two datelines, too few to learn from.
    """
    (start, end), *rest = sorted(fragments)
    opens_paragraph = start == 0 or text[:start].rstrip(" \t").endswith("\n")
    match = DATELINE.match(text, start, end) if opens_paragraph else None
    if match is None or match.end() >= end:
        return [(start, end), *rest]
    return [(match.end(), end), *rest]


def _sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The smallest run of whole sentences covering ``[start, end)``."""
    covering = doc.char_span(start, end, alignment_mode="expand")
    first = covering[0].sent if covering is not None and len(covering) else None
    last = covering[-1].sent if covering is not None and len(covering) else None
    if first is None or last is None:
        return start, end
    return min(first.start_char, start), max(last.end_char, end)
