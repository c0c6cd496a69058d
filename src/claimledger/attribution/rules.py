"""The rule-based attribution pass over a spaCy parse.

Four constructions, in this order, so that each token serves as a cue once:

1. direct quotes (:mod:`claimledger.attribution.quotes`) with a reporting verb after them
   (``“…,” she said``), before them (``He said: “…”``) or around them (``“…,” he said. “…”``);
2. "according to X, …";
3. indirect speech: a reporting verb from the cue lexicon with a clausal complement
   (``X said (that) …``), or, for verbs of denial, confirmation and accusation, an object
   (``X has denied all reports of …``), and the refusals (``X declined to comment``);
4. the turns of an interview transcript (``PENCE: Well, look, …``), whose colon is the cue.

Span conventions follow PolNeAR (see PRODUCT.md): the cue is the verb with its auxiliaries, negation
and adverbs; the speaker is the whole subject noun phrase; content keeps "that" and quotation marks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.attrs import IS_SPACE
from spacy.tokens import Doc, Token

from claimledger.attribution.lexicon import (
    DISCLOSING_VERBS, CueSense, addresses_the_object, cue_sense, opens_a_question,
)
from claimledger.attribution.quotes import QUOTE_MARKS, Quote, find_quotes, looks_like_scare_quote
from claimledger.model import StatementKind, in_title
from claimledger.parse import document_text, token_starts, token_strings

_CUE_MODIFIERS = {"aux", "auxpass", "neg", "advmod"}
_SUBJECTS = {"nsubj", "nsubjpass"}
# A verb in these relations without a subject of its own speaks for its head's subject:
# "The minister rejected the findings, saying …".
_INHERITS_SUBJECT = {"advcl", "conj", "xcomp"}
_WHEN_ENTITIES = frozenset({"DATE", "TIME"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_SAID_OF_A_NOUN = frozenset({"say", "claim", "warn", "allege", "insist", "state", "argue"})
# Acts whose verbs report through an object as well as a clause ("denied all reports of abuse").
_OBJECT_ACTS = {"deny", "confirm", "accuse", "question", "challenge"}
_OBJECT_DEPS = {"dobj", "prep", "dative", "xcomp", "ccomp", "attr", "oprd", "npadvmod"}
_RELATIVE_PRONOUNS = {"who", "that", "which"}
# NER labels of those who can speak: people, organisations, places and groups (which speak as one).
SPEAKER_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_COMMENT_WORDS = {"comment", "say", "elaborate"}
# Declined or refused, these withhold a statement about their object: "refused to confirm the figure".
_WITHHELD_WHEN_REFUSED = _COMMENT_WORDS | DISCLOSING_VERBS | {"deny"}
# Negated, these leave a request for comment unanswered: "did not respond to a request for comment",
# "did not return calls seeking comment", "could not be reached for comment".
_UNANSWERED_LEMMAS = {"respond", "reply", "return", "answer", "reach"}
_REFUSAL_LEMMAS = {"decline", "refuse", "say", "comment"} | _UNANSWERED_LEMMAS
_MAX_TAIL_TOKENS = 14
_SENTENCE_END = {".", "!", "?"}
_REST_OF_SENTENCE = re.compile(r"[^“”\"\n.!?]{0,80}[.,;]?")
# “…” ― Sonya Herridge: a quote signed, to the end of its line, with a dash and a name (collections of
# readers' or experts' quotes, epigraphs). Names may hold initials ("Oscar P. Quintero").
_SIGNATURE = re.compile(r"[ \t\u00a0]*(?P<dash>[―—–])[ \t\u00a0]*(?P<name>[A-Z][\w’'.-]*(?:[ \u00a0]+[\w’'.-]+){0,5})[ \t\u00a0.]*(?:\n|$)")
_SIGNATURE_SENSE = CueSense("assert", "neutral")
# A transcript's turn: a paragraph that opens with its speaker in capitals and a colon ("PENCE: Well, look,
# …", "JAKE TAPPER: …", "Q: …"), after the quotation mark a quoted transcript opens each paragraph with.
_TURN = re.compile(
    r"^(?P<quote>[\"“]?)(?P<label>[A-Z][A-Z.’'-]*(?:[ \u00a0]+[A-Z][A-Z.’'-]*){0,3})[ \u00a0]*:[ \u00a0]+(?=\S)",
    re.MULTILINE,
)
# Kickers and page furniture that open paragraphs the same way ("UPDATE: …", "CORRECTION: …").
_NOT_TURNS = frozenset({
    "ALSO", "BREAKING", "BYLINE", "CAPTION", "CLARIFICATION", "CORRECTION", "CREDIT", "DEVELOPING", "EDITOR'S NOTE",
    "EDITOR’S NOTE", "EMAIL", "EXCLUSIVE", "NOTE", "PHOTO", "PHOTOS", "PREVIOUSLY", "READ MORE", "RELATED", "SOURCE",
    "SOURCES", "UPDATE", "UPDATED", "VIDEO", "WATCH", "WARNING",
})
# A sign-off after the last turn ("Follow Pam Key on Twitter @pamkeyNEN."), quoted like the turns before it.
_SIGN_OFF = re.compile(r"(?:follow|contact|e-?mail|write to|reach)\b|.*@\w", re.IGNORECASE)
_SPOKEN = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur|[Yy]ou|[Yy]our)\b")
_TURN_SENSE = CueSense("assert", "neutral")
_QUESTION_TURN_SENSE = CueSense("question", "neutral")
# A headline's speaker before its colon (:func:`_can_speak`): at most this many words, and nouns
# (lemmas) that head a speaker.
_MAX_HEADLINE_SPEAKER_TOKENS = 6
_FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
_KICKERS = {
    "breaking", "exclusive", "update", "updated", "watch", "video", "revealed", "wow", "look", "boom", "busted",
    "bombshell", "rumor", "hoax", "report", "leaked", "latest", "opinion", "analysis", "editorial", "review",
}
_HEADLINE_SPEAKER_NOUNS = {
    "official", "police", "minister", "ministry", "government", "president", "governor", "mayor", "spokesman",
    "spokeswoman", "spokesperson", "source", "witness", "expert", "analyst", "scientist", "researcher", "doctor",
    "lawyer", "prosecutor", "authority", "military", "army", "report", "study", "survey", "poll",
}


@dataclass
class Found:
    """A statement found in a parse, as character offsets, before speakers are resolved."""

    kind: StatementKind
    cue: tuple[int, int]
    cue_lemma: str
    sense: CueSense
    speaker: tuple[int, int] | None
    speaker_token: Token | None
    content: list[tuple[int, int]] | None = field(default=None)

    @property
    def start(self) -> int:
        starts = [self.cue[0]] + ([self.speaker[0]] if self.speaker else [])
        return min(starts + [f[0] for f in self.content or []])

    @property
    def end(self) -> int:
        ends = [self.cue[1]] + ([self.speaker[1]] if self.speaker else [])
        return max(ends + [f[1] for f in self.content or []])


@dataclass(frozen=True)
class Quoting:
    """A doc's text (``Doc.text`` rebuilds it on every access), its direct quotations and, per token,
    whether the token lies inside one: computed once and shared by the rules and the tagger."""

    text: str
    quotes: list[Quote]
    in_quote: list[bool]


def quoting(doc: Doc) -> Quoting:
    """The :class:`Quoting` of ``doc`` (cached on the doc: framing reads the same quotations)."""
    cached = doc.user_data.get("claimledger.quoting")
    if cached is None or len(cached.in_quote) != len(doc):
        text = document_text(doc)
        quotes = find_quotes(text)
        cached = doc.user_data["claimledger.quoting"] = Quoting(text, quotes, tokens_in_quotes(doc, quotes))
    return cached


def find_statements(
    doc: Doc, quoted: Quoting | None = None, title_span: tuple[int, int] | None = None
) -> list[Found]:
    """Every attributed statement of ``doc`` the rules find, in text order.

    ``quoted`` is the doc's :func:`quoting`, when the caller has it already; ``title_span`` is the
    headline's ``[start, end)``, where directives are read too (:func:`_directive`).
    """
    quoted = quoted or quoting(doc)
    in_quote = quoted.in_quote
    used: set[int] = set()
    found = _direct_statements(doc, quoted, used)
    found += _according_to_statements(doc, in_quote, used)
    found += _headline_colon_statements(doc, title_span)
    found += _indirect_statements(doc, in_quote, used, title_span)
    found += _transcript_turns(doc)
    return sorted(found, key=lambda f: (f.start, f.cue[0]))


# --- direct quotes ---------------------------------------------------------------------------


def _direct_statements(doc: Doc, quoted: Quoting, used: set[int]) -> list[Found]:
    found: list[Found] = []
    in_quote = quoted.in_quote
    for quote in quoted.quotes:
        if looks_like_scare_quote(quoted.text, quote):
            continue
        signed = _signature(doc, quoted.text, quote)
        if signed is not None:
            found.append(signed)
            continue
        verb = _cue_after(doc, quoted.text, quote, in_quote) or _cue_before(doc, quote, in_quote)
        if verb is None or verb.i in used:
            if found and _continues(quoted.text, found[-1], quote):
                found[-1].content = (found[-1].content or []) + list(quote.fragments)
            continue
        statement = _statement_for_verb(verb, in_quote, used, kind="direct")
        if statement is not None:
            statement.content = list(quote.fragments)
            found.append(statement)
    return found


def _signature(doc: Doc, text: str, quote: Quote) -> Found | None:
    """``“…” ― Name`` closing a line: the name is the speaker and the dash the cue (as PolNeAR marks it)."""
    match = _SIGNATURE.match(text, quote.end)
    if match is None:
        return None
    name_start, name_end = match.span("name")
    name_end = name_start + len(text[name_start:name_end].rstrip("."))
    name = doc.char_span(name_start, name_end, alignment_mode="expand")
    if name is None or not all(word[:1].isupper() for word in name.text.split()):
        return None
    return Found(
        "direct", match.span("dash"), match.group("dash"), _SIGNATURE_SENSE, (name_start, name_end), name.root,
        list(quote.fragments),
    )


def _cue_after(doc: Doc, text: str, quote: Quote, in_quote: list[bool]) -> Token | None:
    """The reporting verb right after a quote: ``“…,” the minister said``."""
    inner_end = text[quote.end - 2 : quote.end - 1]
    following = text[quote.end : quote.end + 3].lstrip(" ")
    if inner_end == "." and not following[:1].islower():
        return None  # the quote closed its own sentence; what follows is a new one
    for token in _tokens_from(doc, quote.end, _MAX_TAIL_TOKENS):
        if in_quote[token.i] or "\n" in token.text or token.text in _SENTENCE_END:
            return None
        if _is_cue_verb(token):
            return token
    return None


def _cue_before(doc: Doc, quote: Quote, in_quote: list[bool]) -> Token | None:
    """The reporting verb right before a quote introduced by a colon or comma: ``He said: “…”``."""
    tokens = list(_tokens_before(doc, quote.start))
    if not tokens or tokens[0].text not in {":", ","} and not _is_cue_verb(tokens[0]):
        return None
    for token in tokens:
        if in_quote[token.i] or token.text in _SENTENCE_END:
            return None
        if _is_cue_verb(token):
            return token
    return None


def _continues(text: str, previous: Found, quote: Quote) -> bool:
    """``“X,” he said. “Y”``: a cue-less quote in the same paragraph right after a direct statement."""
    if previous.kind != "direct":
        return False
    between = text[previous.end : quote.start].strip()
    # What separates them is the rest of the cue's sentence (" on Tuesday.") or nothing.
    return _REST_OF_SENTENCE.fullmatch(between) is not None


# --- "according to" --------------------------------------------------------------------------


def _according_to_statements(doc: Doc, in_quote: list[bool], used: set[int]) -> list[Found]:
    found = []
    for i, word in enumerate(token_strings(doc, "LOWER")):
        if word != "according" or in_quote[i] or i + 1 >= len(doc):
            continue
        token = doc[i]
        to = doc[token.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if to.lower_ != "to" or source is None:
            continue
        phrase_end = max(t.i for t in to.subtree) + 1
        content = _clause_around(doc, token.sent, token.i, phrase_end)
        if not content:
            continue
        used.update({token.i, to.i})
        speaker = span_of(noun_phrase(source, in_quote, used))
        found.append(
            Found("indirect", (token.idx, to.idx + len(to)), "according to", cue_sense("according to"),
                  speaker, source, content)
        )
    return found


def _headline_colon_statements(doc: Doc, title_span: tuple[int, int] | None) -> list[Found]:
    """A headline that gives its speaker before a colon ("Pentagon: Somali militant leader killed in
    U.S. airstrike"): the colon is the cue, as PolNeAR marks it, and the rest of the headline the content.
    Kickers before a colon ("BREAKING:", "Zombie Cat:", "Rumor:") are no speakers: see :func:`_can_speak`."""
    if title_span is None:
        return []
    words = [t for t in doc if in_title(title_span, t.idx) and not t.is_space]
    colon = next((i for i, t in enumerate(words) if t.text == ":"), None)
    if colon is None or not 0 < colon <= _MAX_HEADLINE_SPEAKER_TOKENS:
        return []
    content = words[colon + 1 :]
    while content and content[-1].is_punct and content[-1].text not in QUOTE_MARKS:
        content.pop()
    # A statement has a verb; in title case ("Wealthy Voters Abandon Republican Party") the tagger finds
    # none, and four words stand for one.
    verb = (len(content) >= 4 and is_title_case(content)) or any(t.pos_ in {"VERB", "AUX"} or t.text in QUOTE_MARKS for t in content)
    if len(content) < 2 or not verb:
        return []  # a label and its topic, not a statement ("Jasmine Tridevil: The woman with three breasts")
    if not _can_speak(words[:colon], content):
        return []
    speaker, cue = words[:colon], words[colon]
    return [
        Found("indirect", (cue.idx, cue.idx + 1), ":", cue_sense(":"), (speaker[0].idx, _end(speaker[-1])),
              speaker[-1], [(content[0].idx, _end(content[-1]))])  # fmt: skip
    ]


def _transcript_turns(doc: Doc) -> list[Found]:
    """The turns of an interview transcript ("WALLACE: Let’s start with …" / "PENCE: Well, look, …"), as
    PolNeAR marks them: the label is the speaker, the colon the cue and the rest of the paragraph the
    content, a question when it ends with one. A turn runs on over the paragraphs up to the next turn or
    stage direction ("(CROSSTALK.)") that are quoted like it, or, in a transcript without quotation marks,
    that speak in the first or second person: a paragraph between turns may be the writer's own ("The ads
    are too tough huh?"). Labels count as turns only where two of them speak twice or more each: a kicker
    ("BOOM: …"), notes ("UPDATE: …") or a fact-check's verdicts ("FACT: …" five times, "FICTION: …" once)
    make no dialogue."""
    text = document_text(doc)
    turns = transcript_turn_labels(doc)
    found = []
    for number, turn in enumerate(turns):
        until = turns[number + 1].start() if number + 1 < len(turns) else len(text)
        fragments = _turn_fragments(text, turn.end(), until, quoted=bool(turn["quote"]))
        label = doc.char_span(turn.start("label"), turn.end("label"), alignment_mode="contract")
        if label is None or not fragments:
            continue
        colon = text.index(":", turn.end("label"))
        last = text[fragments[-1][0] : fragments[-1][1]].rstrip("\"”’' ")
        sense = _QUESTION_TURN_SENSE if last.endswith("?") else _TURN_SENSE
        speaker = (label.start_char, label.end_char)
        found.append(Found("direct", (colon, colon + 1), ":", sense, speaker, label[-1], fragments))
    return found


def transcript_turn_labels(doc: Doc) -> list[re.Match]:
    """The labels that open a transcript's turns in ``doc`` (group "label"; see :func:`_transcript_turns`),
    none where they make no dialogue; found once per doc, for the rules and the resolver."""
    cached = doc.user_data.get("claimledger.turns")
    if cached is None:
        text = document_text(doc)
        turns = [m for m in _TURN.finditer(text) if m["label"].replace("’", "'") not in _NOT_TURNS]
        speakers = [m["label"].split()[-1].strip(".") for m in turns]
        dialogue = sum(speakers.count(speaker) > 1 for speaker in set(speakers)) >= 2
        cached = doc.user_data["claimledger.turns"] = turns if dialogue else []
    return cached


def _turn_fragments(text: str, start: int, until: int, quoted: bool) -> list[tuple[int, int]]:
    """A turn's paragraphs from ``start`` to at most ``until`` (the next turn), one fragment each, without
    the quotation marks that open them (see :func:`_transcript_turns`)."""
    fragments = []
    for paragraph in re.finditer(r"[^\n]+", text[start:until]):
        words = paragraph[0].strip()
        if fragments and not (words[:1] in "\"“" if quoted else _SPOKEN.search(words)):
            break  # a paragraph of the writer's
        words = words.lstrip("\"“") if fragments else words
        if not words or words[0] in "([" or set(words) <= set(".…—- ") or _SIGN_OFF.match(words):
            break  # a stage direction, an elision or a sign-off ends the turn
        first = start + paragraph.start() + paragraph[0].index(words)
        fragments.append((first, first + len(words)))
    return fragments


def is_title_case(words: Iterable[Token]) -> bool:
    """A headline-style line: no word of four letters or more starts with a small letter."""
    return not any(t.is_alpha and len(t) > 3 and t.text[0].islower() for t in words)


def _can_speak(phrase: list[Token], content: list[Token]) -> bool:
    """Whether a headline's words before a colon name a speaker. Measured on Emergent's headlines, most
    names there label the story's topic ("Kim Jong-un: North Korean leader recovering", "Syria: British
    jihadi killed"), so only these count: a noun for speakers at the head ("US officials", "Source"), an
    organisation's name of one or two words ("Pentagon", "NASA"), or a person's name when the content
    speaks in the first person ("Tim Cook: I wear my Apple Watch in the shower") or quotes ("Pence: …
    Trump Was ‘Mocking’ Clinton Camp"; PolNeAR's headlines draw 51 of their 79 colon speakers so, and
    three names that are topics). Title case hides such a name from the NER, so up to three capitalised
    nouns that are no kicker's words ("Breaking", "Wow") count as one."""
    if any(t.pos_ in {"PRON", "VERB", "AUX"} for t in phrase):
        return False  # a clause, not a name ("IT'S OFFICIAL:")
    head = phrase[-1]
    if head.lemma_.lower() in _HEADLINE_SPEAKER_NOUNS:
        return True
    named = {
        e.label_ for e in head.doc.ents if e.start == phrase[0].i and e.end == phrase[-1].i + 1 and len(e) <= 2
    }
    first_person = any(t.pos_ == "PRON" and t.lower_ in _FIRST_PERSON for t in content)  # not "US"
    speaks = first_person or any(t.text in QUOTE_MARKS for t in content)
    # Title case hides names from the NER and the tagger ("Pence: … Trump Was ‘Mocking’ Clinton Camp", a
    # lone "Sanders" read as a noun): up to three capitalised nouns, none a kicker's.
    name_like = len(phrase) <= 3 and all(
        t.text[:1].isupper() and t.pos_ in {"PROPN", "NOUN"} and t.lower_ not in _KICKERS for t in phrase
    )
    return "ORG" in named or (speaks and ("PERSON" in named or name_like))


def _end(token: Token) -> int:
    return token.idx + len(token)


def _clause_around(doc: Doc, sentence, phrase_start: int, phrase_end: int) -> list[tuple[int, int]]:
    """The sentence without the "according to X" phrase: one fragment each side, edges trimmed."""
    fragments = []
    for first, last in ((sentence.start, phrase_start), (phrase_end, sentence.end)):
        tokens = [t for t in doc[first:last] if not t.is_space]
        while tokens and tokens[-1].is_punct and tokens[-1].text not in QUOTE_MARKS:
            tokens.pop()
        while tokens and tokens[0].is_punct and tokens[0].text not in QUOTE_MARKS:
            tokens.pop(0)
        if tokens:
            fragments.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1])))
    return fragments


# --- indirect speech -------------------------------------------------------------------------


def _indirect_statements(
    doc: Doc, in_quote: list[bool], used: set[int], title_span: tuple[int, int] | None = None
) -> list[Found]:
    found = []
    for token in _possible_cues(doc):
        if token.i in used or in_quote[token.i]:
            continue
        refusal = _refusal(token)
        if refusal is not None:
            found.append(refusal)
            used.add(token.i)
            continue
        if not _is_cue_verb(token):
            continue
        content = _reported_content(token, in_quote, read_directives=in_title(title_span, token.idx))
        if not content:
            continue
        statement = _statement_for_verb(token, in_quote, used, kind="indirect")
        if statement is None:
            continue
        statement.content = content
        if any(in_quote[t.i] for start, end in content for t in doc.char_span(start, end, alignment_mode="expand") or []):
            statement.kind = "mixed"
        found.append(statement)
    return found


def _reported_content(
    verb: Token, in_quote: list[bool], read_directives: bool = False
) -> list[tuple[int, int]] | None:
    """The fragments a reporting verb reports: its clausal complement, the clause it is set into
    ("All of this, he acknowledges, could be undone"), or its object for acts like deny; with
    ``read_directives``, what an addressee is told to do (:func:`_directive`)."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None) or _complement_hung_on_addressee(verb)
    directive = _directive(verb) if clause is None and read_directives else None
    if directive is not None:
        tokens = sorted((t for c in verb.rights if c.i <= directive.i for t in c.subtree), key=lambda t: t.i)
        return _as_fragments(_trimmed(_same_paragraph(tokens, verb)))
    if clause is not None:
        tokens = sorted(clause.subtree, key=lambda t: t.i)
        if not any(c.dep_ in _SUBJECTS for c in clause.children):
            # "denies purge is happening": the parser hangs the clause's subject on the verb as an object.
            tokens = sorted([t for c in verb.rights if c.dep_ == "dobj" and c.i < clause.i for t in c.subtree]
                            + tokens, key=lambda t: t.i)
        if all(in_quote[t.i] or t.is_punct for t in tokens):
            return None  # the complement is a direct quote, found already
        return _as_fragments(_trimmed(_same_paragraph(tokens, verb)))
    if verb.dep_ == "parataxis" and any(c.dep_ in _SUBJECTS for c in verb.children):
        return _clause_set_around(verb, in_quote)
    sense = cue_sense(verb.lemma_)
    if sense is None or sense.act not in _OBJECT_ACTS:
        return None
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "detainees were denied medical care" reports nobody's speech
    right = [c for c in verb.rights if c.dep_ in _OBJECT_DEPS]
    if not right or not any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in right):
        return None
    tokens = sorted((t for c in right for t in c.subtree), key=lambda t: t.i)
    return _as_fragments(_trimmed(_same_paragraph(tokens, verb)))


def _as_fragments(span: tuple[int, int] | None) -> list[tuple[int, int]] | None:
    return None if span is None else [span]


def _clause_set_around(verb: Token, in_quote: list[bool]) -> list[tuple[int, int]] | None:
    """The sentence around a report set off by commas ("To understand it, Roberts said, one should
    visit", "The plan failed, he said."), which the parser reads as parataxis: one fragment each side
    of the speaker and cue, within the verb's paragraph."""
    sentence = _same_paragraph(list(verb.sent), verb)
    first, last = sentence[0].i, sentence[-1].i + 1
    fragments = _clause_around(verb.doc, verb.doc[first:last], verb.left_edge.i, verb.right_edge.i + 1)
    tokens = [t for start, end in fragments for t in verb.doc.char_span(start, end, alignment_mode="expand") or []]
    if not tokens or all(in_quote[t.i] or t.is_punct for t in tokens):
        return None  # a direct quote, found already
    return fragments


def _complement_hung_on_addressee(verb: Token) -> Token | None:
    """"told a meeting of ambassadors that his government would …": the parser often hangs the
    reported clause on the addressee as a relative clause, which a real one is not when "that" only
    marks it and the clause has a subject of its own."""
    for child in verb.rights:
        if child.dep_ not in {"dobj", "dative"}:
            continue
        for token in child.subtree:
            children = list(token.children)
            if (token.dep_ == "relcl" and any(_marks_complement(c, token) for c in children)
                    and any(c.dep_ in _SUBJECTS for c in children)):
                return token
    return None


def _marks_complement(word: Token, clause_verb: Token) -> bool:
    """Whether ``word`` is a "that" introducing ``clause_verb``'s clause: marked so, or parsed as the
    object of a passive verb, which has none ("told a meeting of ambassadors in the capital that
    Varnia would not be lectured")."""
    if word.lower_ != "that":
        return False
    passive = any(c.dep_ == "auxpass" for c in clause_verb.children)
    return word.dep_ == "mark" or (word.dep_ == "dobj" and passive)


def _directive(verb: Token) -> Token | None:
    """"tells foreign critics to find proof", "urges the council to act": the infinitive after the
    addressee, what the addressee is told to do. The content runs from the addressee to its end, as
    PolNeAR draws it about as often as without the addressee ("them to reconsider").

    Read in headlines only, where the rules win and the tagger, which learnt from PolNeAR's
    headline-less articles, finds no content. In body text they are left to the tagger: rule spans
    are its features, and these moved its reading of nearby statements (PolNeAR dev source exact F1
    fell from 78.07 to 77.98)."""
    addressee = next((c.i for c in verb.rights if c.dep_ in {"dobj", "dative"}), None)
    if addressee is None:
        return None
    return next(
        (c for c in verb.rights if c.dep_ == "xcomp" and c.i > addressee
         and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)),
        None,
    )


def _possible_cues(doc: Doc) -> list[Token]:
    """The tokens that may be reporting verbs or refusals: verbs of the lexicon, and the words of
    "declined to comment", "would not say"."""
    lemmas, tags = token_strings(doc, "LEMMA"), token_strings(doc, "POS")
    return [
        doc[i] for i, (lemma, pos) in enumerate(zip(lemmas, tags))
        if lemma in _REFUSAL_LEMMAS or (pos == "VERB" and cue_sense(lemma) is not None)
    ]


def _refusal(token: Token) -> Found | None:
    """"declined to comment", "refused to comment", "would not say" — a statement with no content;
    "refused to confirm the figure" withholds one about its object, the content."""
    topic = None
    if token.lemma_ in {"decline", "refuse"}:
        complement = next(
            (c for c in token.children if c.dep_ == "xcomp" and c.lemma_ in _WITHHELD_WHEN_REFUSED), None
        )
        if complement is None:
            return None
        cue_end = complement
        topic = next((c for c in complement.children if c.dep_ in {"dobj", "ccomp"}), None)
    elif token.lemma_ in {"say", "comment"} and any(c.dep_ == "neg" for c in token.children):
        if any(c.dep_ == "dobj" or c.dep_ == "ccomp" and not _asks(c) for c in token.children):
            return None
        cue_end = token
    elif token.lemma_ in _UNANSWERED_LEMMAS and any(c.dep_ == "neg" for c in token.children):
        cue_end = _request_for_comment(token)
        if cue_end is None:
            return None
    else:
        return None
    subject = _subject(token)
    cue_start = _cue_tokens(token)[0]
    return Found(
        "indirect", (cue_start.idx, cue_end.idx + len(cue_end)), "decline to comment",
        CueSense("refuse_comment", "neutral"), span_of(noun_phrase(subject, None, set())) if subject else None,
        subject, [span_of(list(topic.subtree))] if topic is not None else None,
    )


def _request_for_comment(verb: Token) -> Token | None:
    """The word "comment" in what a negated respond/return/reach leaves unanswered ("to a request for
    comment", "calls seeking comment", "for comment"), not further than its own clause."""
    return next(
        (t for t in verb.subtree if t.lower_ == "comment" and t.i > verb.i and t.dep_ in {"pobj", "dobj"}
         and not any(a.dep_ in {"ccomp", "relcl"} for a in t.ancestors if a.i > verb.i and verb in a.ancestors)),
        None,
    )


def _asks(clause: Token) -> bool:
    """"how many fish died", "whether it will reopen": a clause that names a question, not an answer."""
    return opens_a_question(min(clause.subtree, key=lambda t: t.i).text)


# --- shared helpers --------------------------------------------------------------------------


def _statement_for_verb(verb: Token, in_quote: list[bool], used: set[int], kind: StatementKind) -> Found | None:
    sense = cue_sense(verb.lemma_)
    if sense is None:
        return None
    cue_tokens = _cue_tokens(verb)
    used.update(t.i for t in cue_tokens)
    subject = _subject(verb)
    if subject is not None and in_quote[subject.i]:
        subject = _adjacent_noun(verb, cue_tokens, in_quote)
    if subject is None:
        subject = _inverted_subject(verb, cue_tokens, in_quote)
    if subject is not None and subject.ent_type_ in _WHEN_ENTITIES:
        # "Flynn, a top Trump surrogate, said Thursday morning": the parse took the time for the subject.
        subject = None
    speaker_tokens = noun_phrase(subject, in_quote, used) if subject is not None else []
    return Found(
        kind, (cue_tokens[0].idx, cue_tokens[-1].idx + len(cue_tokens[-1])), verb.lemma_, sense,
        span_of(speaker_tokens), subject,
    )


def _adjacent_noun(verb: Token, cue_tokens: list[Token], in_quote: list[bool]) -> Token | None:
    """The head of the noun phrase just before the cue, or just after it ("…,” said Anna Petrov)."""
    doc = verb.doc
    before = cue_tokens[0].i - 1
    if before >= 0 and not in_quote[before] and doc[before].pos_ in {"NOUN", "PROPN", "PRON"}:
        token = doc[before]
        while token.head.i != token.i and token.dep_ in {"compound", "flat"} and token.head.i < cue_tokens[0].i:
            token = token.head
        return token
    after = cue_tokens[-1].i + 1
    if after < len(doc) and not in_quote[after]:
        token = doc[after]
        while token.dep_ in {"compound", "det", "amod", "poss"} and token.head.i > token.i:
            token = token.head
        return token if token.pos_ in {"NOUN", "PROPN", "PRON"} else None
    return None


def _inverted_subject(verb: Token, cue_tokens: list[Token], in_quote: list[bool]) -> Token | None:
    """After a report, the speaker named right after the cue, which the small parser can read as the
    verb's object: "…, reported the Independent", "“…,” added the source", or as the subject of a
    clause of its own: "…, say doctors writing in the Lancet" (the participle heads the speaker).
    Not for verbs whose object is the one spoken to ("tells Breitbart News"), and only for a finite verb.
    """
    doc = verb.doc
    before, after = cue_tokens[0].i - 1, cue_tokens[-1].i + 1
    if verb.tag_ not in _FINITE_TAGS or before < 0 or not doc[before].is_punct:
        return None  # not "…, citing an instance", whose subject is the sentence's
    if addresses_the_object(verb.lemma_, cue_sense(verb.lemma_)):
        return None
    inverted = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == after), None)
    if inverted is None:
        inverted = next((c for c in verb.children if _is_participle_after_its_subject(c, after)), None)
        noun = inverted.doc[after] if inverted is not None else None
    else:
        noun = inverted
    if noun is None or noun.pos_ not in {"NOUN", "PROPN"} or in_quote[noun.i]:
        return None
    return inverted


def _is_participle_after_its_subject(clause: Token, start: int) -> bool:
    """Whether ``clause`` is a participle whose subject opens it at token ``start`` ("doctors writing in …")."""
    return clause.dep_ == "ccomp" and clause.tag_ == "VBG" and clause.left_edge.i == start and any(
        c.dep_ == "nsubj" and c.left_edge.i == start for c in clause.children
    )


def _is_cue_verb(token: Token) -> bool:
    """A reporting verb from the lexicon, not an infinitive inside another report ("dared them to find")."""
    if token.pos_ != "VERB" or cue_sense(token.lemma_) is None:
        return False
    return not any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def _cue_tokens(verb: Token) -> list[Token]:
    """The verb with the auxiliaries, negation and adverbs directly before it ("has also denied"), and
    the "without" it hangs on ("claimed, without explaining what …": the cue of what is left unsaid),
    or the passive verb it completes ("was quoted as saying", as PolNeAR draws it)."""
    quoted_as = passive_quoted_as(verb)
    if quoted_as is not None:
        return [*_cue_tokens(quoted_as)[:-1], *verb.doc[quoted_as.i : verb.i + 1]]
    first = verb.i - 1 if _after_without(verb) else verb.i
    doc = verb.doc
    while first > 0 and doc[first - 1].head == verb and doc[first - 1].dep_ in _CUE_MODIFIERS:
        first -= 1
    last = verb.i
    while last + 1 < len(doc) and doc[last + 1].head == verb and doc[last + 1].dep_ == "prt":
        last += 1
    return list(doc[first : last + 1])


def passive_quoted_as(verb: Token) -> Token | None:
    """"quoted" of "The mayor was quoted as saying …" or "Francis was quoted by Italian media as saying
    …": the passive verb whose "as" the cue completes (its subject speaks; who quoted is in the cue);
    ``None`` otherwise, and in the active "quoted the mayor as saying", whose subject is the one who quotes."""
    marker = verb.head
    if verb.dep_ != "pcomp" or marker.lower_ != "as" or marker.i != verb.i - 1:
        return None
    passive = marker.head
    between = range(passive.i + 1, marker.i)
    agents = [c for c in passive.children if c.dep_ == "agent"]
    if not all(any(a.left_edge.i <= i <= a.right_edge.i for a in agents) for i in between):
        return None
    return passive if any(c.dep_ in {"auxpass", "nsubjpass"} for c in passive.children) else None


def _says_of_its_noun(verb: Token) -> bool:
    """"with witnesses saying …", "a statement warning that …": a verb of saying in "-ing" hung on a
    noun, which speaks. Only these verbs: the parser hangs other "-ing" verbs on nouns that do not act
    ("in effect daring him", "Trump avoids condemning")."""
    return (
        verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.lemma_ in _SAID_OF_A_NOUN
        and verb.head.pos_ in {"NOUN", "PROPN"}
    )


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or its head's for "…, saying …", coordinated verbs, "…, without explaining
    …" and "was quoted as saying"."""
    quoted_as = passive_quoted_as(verb)
    if quoted_as is not None:
        return _subject(quoted_as)
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None and _says_of_its_noun(verb):
        return verb.head
    if subject is None and verb.dep_ in _INHERITS_SUBJECT and verb.head != verb:
        return _subject(verb.head)
    if subject is None and _after_without(verb) and verb.head.head != verb.head:
        return _subject(verb.head.head)
    return subject


def negated_by_without(verb: Token) -> bool:
    """Whether ``verb`` is a gerund under "without" ("claimed, without explaining what …"), which leaves
    it undone; not "It goes without saying", which asserts."""
    return verb.dep_ == "pcomp" and verb.head.lower_ == "without" and verb.head.head.lemma_ != "go"


def _after_without(verb: Token) -> bool:
    """Whether ``verb`` is negated by a "without" right before it ("without explaining")."""
    return negated_by_without(verb) and verb.head.i == verb.i - 1


def noun_phrase(head: Token, in_quote: list[bool] | None, used: set[int]) -> list[Token]:
    """The whole noun phrase of ``head`` (appositives and relative clauses included), outside quotes."""
    tokens = sorted(head.subtree, key=lambda t: t.i)
    # Keep the contiguous run around the head that stays out of quotes and cues.
    allowed = {t.i for t in _same_paragraph(tokens, head) if not (in_quote and in_quote[t.i]) and t.i not in used}
    first = last = head.i
    while first - 1 in allowed:
        first -= 1
    while last + 1 in allowed:
        last += 1
    phrase = [t for t in head.doc[first : last + 1]]
    while phrase and (phrase[-1].is_punct or phrase[-1].is_space) and phrase[-1] is not head:
        if phrase[-1].text == ")" and any(t.text == "(" for t in phrase):
            break  # "Civic Rights Monitor (CRM)" keeps its closing bracket
        phrase.pop()
    while phrase and (phrase[0].is_punct or phrase[0].is_space) and phrase[0] is not head:
        phrase.pop(0)
    return _without_trailing_date(phrase, head)


def _without_trailing_date(phrase: list[Token], head: Token) -> list[Token]:
    """"the minister on Friday" -> "the minister": the parser often hangs the date on the subject."""
    end = len(phrase)
    while end > 0 and phrase[end - 1].ent_type_ in {"DATE", "TIME"} and phrase[end - 1] is not head:
        end -= 1
    if end < len(phrase) and end > 0 and phrase[end - 1].pos_ == "ADP":
        return phrase[: end - 1]
    return phrase


def _same_paragraph(tokens: list[Token], anchor: Token) -> list[Token]:
    """The tokens in ``anchor``'s paragraph: a headline has no full stop, and the parser may run it
    into the first paragraph."""
    paragraphs = paragraph_numbers(anchor.doc)
    return [t for t in tokens if paragraphs[t.i] == paragraphs[anchor.i]]


def paragraph_numbers(doc: Doc) -> list[int]:
    """For each token, the number of line breaks before it (cached on the doc)."""
    numbers = doc.user_data.get("claimledger.paragraphs")
    if numbers is None or len(numbers) != len(doc):
        numbers, count = [], 0
        for i, space in enumerate(doc.to_array([IS_SPACE]).tolist()):
            numbers.append(count)
            count += bool(space) and "\n" in doc[i].text
        doc.user_data["claimledger.paragraphs"] = numbers
    return numbers


def _trimmed(tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of ``tokens`` without trailing punctuation other than quotation marks, and
    with the other mark of a quotation they open or close: the parser often hangs it on the main
    verb ("tells critics to 'find proof'", "says 'purge is not happening'")."""
    tokens = [t for t in tokens if not t.is_space]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in QUOTE_MARKS:
        tokens.pop()
    while tokens and tokens[0].is_punct and tokens[0].text not in QUOTE_MARKS:
        tokens.pop(0)
    if not tokens:
        return None
    first, last = tokens[0], tokens[-1]
    if sum(t.text in QUOTE_MARKS for t in tokens) % 2 == 1:
        if not last.whitespace_ and last.i + 1 < len(last.doc) and last.nbor().text in QUOTE_MARKS:
            last = last.nbor()
        elif first.i > 0 and first.nbor(-1).text in QUOTE_MARKS and not first.nbor(-1).whitespace_:
            first = first.nbor(-1)
    return first.idx, last.idx + len(last)


def span_of(tokens: list[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def first_token_at(doc: Doc, offset: int) -> int:
    """Index of the first token starting at or after character ``offset``."""
    return bisect_left(token_starts(doc), offset)


def _tokens_from(doc: Doc, offset: int, limit: int):
    """Up to ``limit`` tokens starting at character ``offset``."""
    start = first_token_at(doc, offset)
    return doc[start : start + limit]


def _tokens_before(doc: Doc, offset: int):
    """Tokens before character ``offset``, nearest first, up to the paragraph start.

    A paragraph that ends with a colon introduces the next one ("In a statement, he said:"), so the
    walk crosses one paragraph break when the text just before it is a colon.
    """
    end = first_token_at(doc, offset)
    for token in reversed(doc[:end]):
        if "\n" in token.text:
            previous = doc[token.i - 1] if token.i > 0 else None
            if previous is None or previous.text != ":":
                return
            continue
        yield token


def tokens_in_quotes(doc: Doc, quotes: list[Quote]) -> list[bool]:
    """For each token, whether it lies inside a quotation (its marks included)."""
    inside = [False] * len(doc)
    if not quotes:
        return inside
    starts = token_starts(doc)
    for start, end in (f for q in quotes for f in q.fragments):
        for i in range(bisect_left(starts, start), bisect_left(starts, end)):
            inside[i] = True
    return inside
