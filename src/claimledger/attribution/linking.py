"""From tagged spans to statements: each cue with its source and content, act and kind.

The tagger labels spans independently; a statement needs them grouped. Every cue makes a
statement. Its source is the tagged source of the same sentence nearest to it in the dependency
tree (the subject of "said", the object of "according to"). Each content goes to the one cue of its
paragraph that it is set around (``“X,” he said. “Y”``), else to the nearest — in the tree when they
share a sentence, in the text otherwise — so that a cue with two contents ("X said A and added B"
aside) makes one statement per content.

The act and the cue's neutrality come from the lexicon by the cue's lemma, else from the acts of
cues that report no speech on their own ("thinks" asserts, "agreed" confirms, "called for" requests:
``data/found_cue_acts.tsv``); any other cue counts as ``assert`` when it introduces a direct quote
(only speech is quoted) and as ``other`` otherwise (PolNeAR annotates intentions too: "wants", "plans").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimledger.attribution.lexicon import CueSense, cue_sense, found_cue_sense
from claimledger.attribution.rules import SPEAKER_ENTITY_LABELS, Found, passive_quoted_as
from claimledger.attribution.tagging import CONTENT, CUE, SOURCE, TaggedSpan
from claimledger.model import StatementKind

_UNKNOWN_QUOTING_CUE = CueSense("assert", "neutral")
_UNKNOWN_CUE = CueSense("other", "neutral")
# A content in another sentence of the cue's paragraph is linked only when no cue shares its sentence:
# its cost starts above any in-sentence tree distance.
_OTHER_SENTENCE_COST = 1000
# Words the tagger sometimes takes for cues that never attribute: "so-called" marks a scare quote.
_NEVER_CUES = frozenset({"so - called", "so called"})
_FINDING_VERBS = frozenset({"find", "discover", "uncover", "see"})
_RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "whose"})
_TRAILING_PUNCTUATION = frozenset({".", ",", ";", ":"})
_SEPARATORS = frozenset({",", ";", "-", "–", "—", "--"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_VERB_POS = frozenset({"VERB", "AUX"})
_SOMEONE_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who"})
# Words of a cue's verb group the tagger sometimes cuts off from it ("Nor | have | they | explained"):
# an auxiliary tagged as a cue of its own, a conjunction or negation tagged as content.
_AUXILIARY_DEPS = frozenset({"aux", "auxpass", "neg"})
_VERB_GROUP_DEPS = frozenset({"cc", "preconj", "neg"})


def link_statements(doc: Doc, spans: list[TaggedSpan], in_quote: list[bool], paragraphs: list[int]) -> list[Found]:
    """The statements the tagged ``spans`` of ``doc`` make, one per cue and content."""
    spans = _without_stray_verb_words(doc, [part for span in spans for part in _split_at_a_comma(doc, span)])
    cues = [s for s in spans if s.type == CUE]
    if not cues:
        return []
    sources = [s for s in spans if s.type == SOURCE]
    sentence_of = _sentence_numbers(doc)
    cue_heads = [_cue_head(doc, cue.fragments[0]) for cue in cues]
    contents_of: list[list[TaggedSpan]] = [[] for _ in cues]
    for content in (s for s in spans if s.type == CONTENT and not _is_relative_clause(doc, s)):
        best = _nearest_cue(doc, content, cue_heads, sentence_of, paragraphs, in_quote)
        if best is not None:
            contents_of[best].append(content)
    statements = []
    for cue, head, contents in zip(cues, cue_heads, contents_of):
        source = None if done_by_an_object(head) else _source_for(doc, head, sources, sentence_of)
        if len(contents) > 1:
            contents = [c for c in contents if not _is_passive_subject(c, head)]
        for content in contents or [None]:
            statement = _found(doc, cue, head, source, content, in_quote)
            if _cue_phrase(doc, cue) not in _NEVER_CUES and not _reports_a_thing(doc, statement, head, content):
                statements.append(statement)
    return statements


def _split_at_a_comma(doc: Doc, span: TaggedSpan) -> list[TaggedSpan]:
    """A cue the tagger ran over a comma into a second verb ("claimed, without explaining") as two cues,
    each to have its own content: the quote is claimed, "what the ministry had looked for" left unexplained."""
    if span.type != CUE or len(span.fragments) != 1:
        return [span]
    tokens = span.fragments[0]
    commas = [k for k, t in enumerate(tokens) if doc[t].text == ","]
    if len(commas) != 1:
        return [span]
    before, after = tokens[: commas[0]], tokens[commas[0] + 1 :]
    if not all(any(doc[t].pos_ == "VERB" for t in part) for part in (before, after)):
        return [span]
    return [TaggedSpan(CUE, [before]), TaggedSpan(CUE, [after])]


def _without_stray_verb_words(doc: Doc, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """``spans`` without the pieces of a cue's verb group that the tagger labelled apart from it: "Nor have
    they explained the photographs" is one statement (cue "explained"), not a cue "have" with no content
    and a content "Nor" beside the real one."""
    cue_tokens = {t for s in spans if s.type == CUE for f in s.fragments for t in f}

    def hangs_on_another_cue(span: TaggedSpan, deps: frozenset[str]) -> bool:
        tokens = [t for f in span.fragments for t in f]
        return all(doc[t].dep_ in deps and doc[t].head.i in cue_tokens and doc[t].head.i not in tokens for t in tokens)

    return [
        span for span in spans
        if not (span.type == CUE and hangs_on_another_cue(span, _AUXILIARY_DEPS))
        and not (span.type == CONTENT and len(span.fragments) == 1 and len(span.fragments[0]) == 1
                 and hangs_on_another_cue(span, _VERB_GROUP_DEPS))
    ]  # fmt: skip


def _reports_a_thing(doc: Doc, statement: Found, head: Token, content: TaggedSpan | None) -> bool:
    """"Police found the bodies": a verb of finding whose content is its plain object says nothing.

    Only verbs of finding: PolNeAR counts most other verbs with an object as attributions
    ("announced a plan", "called for an inquiry"); dropping them all cost 3 points of F1 on dev.
    """
    if content is None or statement.kind != "indirect" or head.lemma_ not in _FINDING_VERBS:
        return False
    root = _span_root(doc, [t for f in content.fragments for t in f])
    return root.head.i == head.i and root.dep_ == "dobj"


def _is_passive_subject(content: TaggedSpan, head: Token) -> bool:
    """"Brandt was accused of lying": the one the cue is done to, which the tagger sometimes takes for
    a content of its own beside what the cue reports (a second statement "was accused of | Brandt")."""
    tokens = [t for f in content.fragments for t in f]
    subjects = [c for c in head.children if c.dep_ == "nsubjpass"]
    return any(all(s.left_edge.i <= t <= s.right_edge.i for t in tokens) for s in subjects)


def _is_relative_clause(doc: Doc, content: TaggedSpan) -> bool:
    """"…, as reported by the Ledger, which first published the accounts": a relative clause the tagger
    took for content says what the noun it modifies did, not what anybody reported."""
    first = doc[content.first]
    return first.lower_ in _RELATIVE_PRONOUNS and first.head.dep_ == "relcl"


def _found(
    doc: Doc, cue: TaggedSpan, head: Token, source: TaggedSpan | None, content: TaggedSpan | None,
    in_quote: list[bool],
) -> Found:
    kind = _kind(content, in_quote)
    lemma, sense = _cue_sense(doc, cue, head, kind)
    speaker = None
    speaker_token = None
    if source is not None:
        source_tokens = _after_clause_boundary(doc, head, _without_separators(doc, [t for f in source.fragments for t in f]))
        speaker = _char_span(doc, source_tokens)
        speaker_token = _span_root(doc, source_tokens)
    return Found(
        kind, _char_span(doc, _without_separators(doc, [t for f in cue.fragments for t in f])), lemma, sense,
        speaker, speaker_token, _content_fragments(doc, content, kind),
    )


def _after_clause_boundary(doc: Doc, head: Token, tokens: list[int]) -> list[int]:
    """A source that runs over the clause before the cue's ("The Ressa supplies drinking water to 60,000
    people, but the regional water utility said …") starts where the cue's subject does, when what is
    cut ends at a clause boundary (", but", ", and", ";")."""
    # The parser may hang both clauses' subjects on the cue ("supplies" and "utility"): the nearest is its own.
    subject = max((c for c in head.children if c.dep_ in _SUBJECT_DEPS and c.i in tokens), key=lambda c: c.i, default=None)
    if subject is None or subject.left_edge.i <= tokens[0]:
        return tokens
    start = subject.left_edge.i
    before = [doc[i] for i in range(max(tokens[0], start - 2), start)]
    boundary = (before and before[-1].text == ";") or (
        len(before) == 2 and before[0].text == "," and before[1].dep_ == "cc"
    )
    return [t for t in tokens if t >= start] if boundary else tokens


def _content_fragments(doc: Doc, content: TaggedSpan | None, kind: StatementKind) -> list[tuple[int, int]] | None:
    """The content's character fragments; an unquoted content ends before its sentence's full stop
    or a trailing comma (the tagger sometimes takes them in; a quote keeps its own punctuation)."""
    if content is None:
        return None
    fragments = [list(f) for f in content.fragments]
    if kind != "direct":
        last = fragments[-1]
        while len(last) > 1 and doc[last[-1]].text in _TRAILING_PUNCTUATION:
            last.pop()
    return TaggedSpan(content.type, fragments).char_fragments(doc)


def _without_separators(doc: Doc, tokens: list[int]) -> list[int]:
    """A source or cue without the commas and dashes at its edges, nor any symbol it starts with.

    PolNeAR's sources often keep the comma that closes an appositive ("Ilya Varga, a diplomat,");
    the eval strips edge punctuation anyway, and a reader is better off without it. A Markdown
    headline's "#" is no part of its speaker. A colon ending a cue stays: it is part of the cue by
    PolNeAR's convention ("said:").
    """
    first, last = 0, len(tokens) - 1
    while first < last and not any(character.isalnum() for character in doc[tokens[first]].text):
        first += 1
    while last > first and doc[tokens[last]].text in _SEPARATORS:
        last -= 1
    return tokens[first : last + 1]


def _cue_sense(doc: Doc, cue: TaggedSpan, head: Token, kind: StatementKind) -> tuple[str, CueSense]:
    """The cue's lemma and sense: the whole cue as a phrase ("according to"), else its head's lemma."""
    phrase = _cue_phrase(doc, cue)
    sense = cue_sense(phrase)
    if sense is not None:
        return phrase, sense
    lemma = head.lemma_.lower()
    in_cue = {i for f in cue.fragments for i in f}
    particle = next((t for t in head.rights if t.i in in_cue and t.dep_ in {"prep", "prt"}), None)
    with_particle = f"{lemma} {particle.lower_}" if particle is not None else lemma  # "has called for" -> "call for"
    sense = cue_sense(lemma) or found_cue_sense(with_particle) or found_cue_sense(lemma)
    if sense is None:
        sense = _UNKNOWN_QUOTING_CUE if kind == "direct" else _UNKNOWN_CUE
    return lemma, sense


def _cue_phrase(doc: Doc, cue: TaggedSpan) -> str:
    """The cue's words, lower-cased and joined by spaces ("according to", "so - called")."""
    return " ".join(doc[i].lower_ for f in cue.fragments for i in f)


def _kind(content: TaggedSpan | None, in_quote: list[bool]) -> StatementKind:
    """``direct`` when every content token is quoted, ``mixed`` when some are, else ``indirect``."""
    if content is None:
        return "indirect"
    quoted = [in_quote[t] for f in content.fragments for t in f]
    if all(quoted):
        return "direct"
    return "mixed" if any(quoted) else "indirect"


def _nearest_cue(
    doc: Doc, content: TaggedSpan, cue_heads: list[Token], sentence_of: list[int], paragraphs: list[int],
    in_quote: list[bool],
) -> int | None:
    """Index of the cue a content belongs to, or ``None`` when no cue can have it (see
    :func:`_belongs_to_its_sentence`)."""
    content_tokens = [t for f in content.fragments for t in f]
    content_paragraphs = {paragraphs[t] for t in content_tokens}
    # The content's root within each sentence it spans, found once for all the cues of that sentence.
    roots_by_sentence = {
        number: _span_root(doc, [t for t in content_tokens if sentence_of[t] == number])
        for number in {sentence_of[t] for t in content_tokens}
    }
    only_here = _belongs_to_its_sentence(doc, content_tokens, in_quote)
    best, best_cost = None, None
    for number, head in enumerate(cue_heads):
        if paragraphs[head.i] not in content_paragraphs:
            continue
        if sentence_of[head.i] in roots_by_sentence:
            tree_distance, text_distance = _tree_distance(head, roots_by_sentence[sentence_of[head.i]]), 0
        elif only_here:
            continue
        else:
            tree_distance = _OTHER_SENTENCE_COST
            text_distance = min(abs(head.i - t) for t in (content_tokens[0], content_tokens[-1]))
        cost = (_outside_gaps(head.i, content.fragments), tree_distance, text_distance)
        if best_cost is None or cost < best_cost:
            best, best_cost = number, cost
    return best


def _belongs_to_its_sentence(doc: Doc, content_tokens: list[int], in_quote: list[bool]) -> bool:
    """Whether no cue in another sentence can have the content: it hangs on a reporting verb of its
    own sentence, tagged as a cue or not ("Meridian Wire was unable to confirm the figure"), or, unquoted,
    on any word of it ("The reports, released by CRM, were published on Monday" says nothing that the
    sentence before reports). A quote may run on from a cue in the sentence before (``He said: “X. Y”``),
    and so may a content that spaCy cut off from its cue's sentence (then it hangs on nothing there)."""
    governor = _span_root(doc, content_tokens).head
    if governor.i in content_tokens:
        return False
    return cue_sense(governor.lemma_) is not None or not any(in_quote[t] for t in content_tokens)


def _outside_gaps(cue: int, fragments: list[list[int]]) -> bool:
    """Whether a cue stands anywhere but in a gap between a content's fragments. A content set
    around a report belongs to it (``“X,” he said. “Y”``; "Silence, Ms. Varga said, is a form of
    protest … as Anna Petrov said", where the parser hangs the whole content on the second cue)."""
    return not any(before[-1] < cue < after[0] for before, after in zip(fragments, fragments[1:]))


def _source_for(doc: Doc, cue_head: Token, sources: list[TaggedSpan], sentence_of: list[int]) -> TaggedSpan | None:
    """The source of the cue's sentence nearest to the cue in the tree (then in the text); where the
    tagger found none there, the subject of the cue's verb when it names or stands for someone."""
    candidates = [s for s in sources if sentence_of[s.first] == sentence_of[cue_head.i]]
    if not candidates:
        subject = _someone_as_subject(cue_head)
        return None if subject is None else TaggedSpan(SOURCE, [_phrase_before_a_relative_clause(subject)])
    return min(
        candidates,
        key=lambda s: (_tree_distance(cue_head, _span_root(doc, s.fragments[0])), abs(s.first - cue_head.i)),
    )


def _phrase_before_a_relative_clause(head: Token) -> list[int]:
    """The token indices of ``head``'s phrase, up to a relative clause set off by a comma ("Britain, |
    which has Europe's most powerful military,")."""
    end = head.right_edge.i
    for clause in (c for c in head.children if c.dep_ == "relcl" and c.i > head.i):
        if clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].text == ",":
            end = min(end, clause.left_edge.i - 2)
    return list(range(head.left_edge.i, end + 1))


def _someone_as_subject(cue_head: Token) -> Token | None:
    """The active subject of a cue's verb that is a person's pronoun, or a name of a person or body
    (itself or in apposition: "An attorney for Pagliano, Mark MacDougall"). Other subjects are left
    unlinked: "The image appears to show …" is nobody's statement, and would give the next "he" away."""
    subject = next((c for c in cue_head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.lower_ in _SOMEONE_PRONOUNS:
        return subject
    named = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    return subject if any(t.ent_type_ in SPEAKER_ENTITY_LABELS for t in named) else None


def done_by_an_object(cue_head: Token) -> bool:
    """Whether the cue is the act of someone its sentence's subject addresses: "telling them to find
    proof before accusing his administration" — those told would accuse, not the governor — found by
    climbing the tree to a verb with a subject of its own, through an infinitive whose verb has an object."""
    token = cue_head
    while token.head != token and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
        if token.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in token.head.children):
            return True
        token = token.head
    return False


def _span_root(doc: Doc, tokens: list[int]) -> Token:
    """The token of a span whose head lies outside it (the first such, a verb if there is one; a
    copula counts: "fathers … would not be eligible for paid leave, and when pressed on why …" is
    headed by "be", not by "pressed", which hangs on the next clause's "replied")."""
    inside = set(tokens)
    roots = [doc[i] for i in tokens if doc[i].head.i not in inside or doc[i].head.i == i]
    return next((t for t in roots if t.pos_ in _VERB_POS), roots[0] if roots else doc[tokens[0]])


def _cue_head(doc: Doc, tokens: list[int]) -> Token:
    """The word a cue's act is read from: its root, the verb a preposition governs ("without
    explaining"), or the verb that completes a passive one ("saying" of "was quoted as saying")."""
    root = _span_root(doc, tokens)
    completing = next((doc[i] for i in tokens if passive_quoted_as(doc[i]) == root), None)
    if completing is not None:
        return completing
    if root.pos_ != "ADP":
        return root
    return next((doc[i] for i in tokens if doc[i].pos_ == "VERB" and doc[i].head == root), root)


def _tree_distance(first: Token, second: Token) -> int:
    """The number of dependency arcs between two tokens of one sentence."""
    depth_of = {}
    node, depth = first, 0
    while True:
        depth_of[node.i] = depth
        if node.head.i == node.i:
            break
        node, depth = node.head, depth + 1
    node, depth = second, 0
    while node.i not in depth_of:
        if node.head.i == node.i:
            return _OTHER_SENTENCE_COST
        node, depth = node.head, depth + 1
    return depth + depth_of[node.i]


def _sentence_numbers(doc: Doc) -> list[int]:
    """For each token, the number of its sentence."""
    numbers = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        numbers[sentence.start : sentence.end] = [number] * (sentence.end - sentence.start)
    return numbers


def _char_span(doc: Doc, tokens: list[int]) -> tuple[int, int]:
    """``[start, end)`` from the first token's start to the last token's end."""
    return doc[tokens[0]].idx, doc[tokens[-1]].idx + len(doc[tokens[-1]])
