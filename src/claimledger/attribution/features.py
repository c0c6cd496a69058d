"""Token features for the attribution tagger, computed once per document from the spaCy parse.

The tagger labels every non-space token of a whole document, so each token gets a list of
``name=value`` strings (python-crfsuite's cheapest input form): the word itself, its parse, where it
sits in the dependency tree relative to the nearest cue-like word and to the sentence root, which
subtrees start or end at it (content and source boundaries are subtree boundaries), quotation marks,
position in sentence and paragraph, named-entity type, what the rules made of it, and a few facts
about its neighbours.

The parse is read once into plain lists (``Doc.to_array``): building a spaCy ``Token`` per access
would cost more than the tagging itself, and :mod:`claimledger.pipeline` must stay within 80% of
the bare parse's speed.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_SPACE, LEMMA, LOWER, POS, SENT_START, SHAPE, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc

from claimledger.attribution.lexicon import cue_lexicon

_COLUMNS = (LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, SHAPE, IS_SPACE, SENT_START)
# Tokens whose relation to a cue-like word is this far up the tree or more share one depth feature.
_MAX_DEPTH = 4
# How far up the tree the path-to-root feature looks.
_PATH_LENGTH = 3
# Cue rates of lemmas outside the lexicon, as classes; below the last threshold a lemma is no cue.
_RATE_CLASSES = ((0.5, "cue>50%"), (0.2, "cue>20%"), (0.05, "cue>5%"))
_WEAK_CUE = _RATE_CLASSES[-1][1]

RuleSpans = list[tuple[str, list[tuple[int, int]]]]


@dataclass(frozen=True)
class DocumentFeatures:
    """The tagger's view of one document: which ``doc`` tokens it labels, and their features.

    The features are kept as they are built: in :class:`Column` s (every token has one feature of
    each) and per-token extras (any number). The network looks up each column's distinct strings
    once; :attr:`features` gives pycrfsuite its one list of strings per token.
    """

    tokens: list[int]  # indices into the doc of the non-space tokens, in order
    columns: tuple["Column", ...]
    extras: list[tuple[str, ...]]  # per entry of ``tokens``, its further "name=value" strings

    @cached_property
    def features(self) -> list[list[str]]:
        """One list of "name=value" strings per entry of ``tokens``."""
        per_column = [column.per_token() for column in self.columns]
        return [[*row, *extra] for row, extra in zip(zip(*per_column), self.extras)]


@dataclass(frozen=True)
class Column:
    """One feature of every tagged token, as codes into its distinct "name=value" strings: a
    document's strings repeat, so each is built and looked up once (the lookup is most of the
    default tagger's time)."""

    strings: list[str]
    codes: np.ndarray  # per tagged token, an index into ``strings``

    def per_token(self) -> list[str]:
        """The string of each token."""
        strings = self.strings
        return [strings[code] for code in self.codes.tolist()]


# A column's values before naming: the distinct values and each token's index into them.
_Factor = tuple[list[str], np.ndarray]


@dataclass(frozen=True)
class _Parse:
    """Per-token attributes of the whole doc as plain lists."""

    lower: list[str]
    lemma: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    head: list[int]  # absolute index of the head; the root is its own head
    entity: list[str]
    shape: list[str]
    space: list[bool]
    sentence_start: list[bool]
    act: list[str]  # the lexicon act of a verb, else the cue-rate class of the lemma, else ""


def document_features(
    doc: Doc, in_quote: list[bool], paragraphs: list[int], rule_labels: list[str], cue_rates: dict[str, float]
) -> DocumentFeatures:
    """The features of every non-space token of ``doc``.

    Args:
        doc: a spaCy parse with tagger, parser, lemmatizer and NER.
        in_quote: per doc token, whether it lies inside a direct quotation (marks included).
        paragraphs: per doc token, the number of the paragraph it is in.
        rule_labels: per doc token, the BIO label the rule pass gave it ("O" when none).
        cue_rates: lemma -> how often the lemma is part of a cue in the training data (shipped
            with the model), so that cues outside the lexicon ("thinks", "statement") count too.
    """
    parse = _read_parse(doc, cue_rates)
    tokens = [i for i, space in enumerate(parse.space) if not space]
    if not tokens:
        return DocumentFeatures([], (), [])
    # Each attribute is factored over the whole doc once, then read at the tagged tokens and their heads.
    tagged = np.array(tokens)
    heads = np.array(parse.head)[tagged]
    lower = _factor(parse.lower, tagged)
    lemmas, dependencies = _factor(parse.lemma), _factor(parse.dep)
    words = _named("w=", lower)
    tags = _named("t=", _factor(parse.tag, tagged))
    deps = _named("d=", _at(dependencies, tagged))
    marks = _named("q=", _factor(["1" if mark else "0" for mark in in_quote], tagged))
    rules = _named("rule=", _factor(rule_labels, tagged))
    columns = (
        words, tags, deps, rules,
        _named("l=", _at(lemmas, tagged)),
        _named("p=", _factor(parse.pos, tagged)),
        _named("s=", _factor(parse.shape, tagged)),
        _named("e=", _factor(parse.entity, tagged)),
        _named("act=", _factor(parse.act, tagged)),
        _paired("l|d=", _at(lemmas, tagged), _at(dependencies, tagged)),
        _paired("d|hl=", _at(dependencies, tagged), _at(lemmas, heads)),
        _named("hd=", _at(dependencies, heads)),
        _named("path=", _factor(_root_paths(parse, tokens))),
        _named("quote=", _factor(_quote_positions(in_quote, tokens))),
        _neighbours(words, -1), _neighbours(tags, -1), _neighbours(deps, -1), _neighbours(marks, -1),
        _neighbours(rules, -1), _neighbours(words, 1), _neighbours(tags, 1), _neighbours(deps, 1),
        _neighbours(marks, 1), _neighbours(rules, 1), _neighbours(words, -2), _neighbours(words, 2),
        _paired("-1w|w=", _shifted_factor(lower), lower),
    )
    ancestors = _cue_ancestors(parse, tokens)
    edges = _subtree_edges(parse)
    sentences = _sentence_features(parse, in_quote, tokens)
    starts_paragraph = _paragraph_starts(paragraphs, tokens)
    extras = [
        ancestors[n] + edges[i] + sentences[n] + starts_paragraph[n] for n, i in enumerate(tokens)
    ]
    return DocumentFeatures(tokens, columns, extras)


def _factor(values: list[str], at: np.ndarray | None = None) -> _Factor:
    """``values`` as their distinct values and each one's index into them; with ``at``, the
    indices of those positions only."""
    distinct = list(dict.fromkeys(values))
    position = {value: k for k, value in enumerate(distinct)}
    codes = np.fromiter(map(position.__getitem__, values), dtype=np.int64, count=len(values))
    return (distinct, codes) if at is None else _at((distinct, codes), at)


def _at(factor: _Factor, positions: np.ndarray) -> _Factor:
    """The factor's codes at ``positions``."""
    return factor[0], factor[1][positions]


def _named(prefix: str, factor: _Factor) -> Column:
    """The column of ``prefix + value`` strings."""
    values, codes = factor
    return Column([prefix + value for value in values], codes)


def _paired(prefix: str, first: _Factor, second: _Factor) -> Column:
    """The column of ``prefix + first|second`` strings."""
    (first_values, first_codes), (second_values, second_codes) = first, second
    width = len(second_values)
    pairs, codes = np.unique(first_codes * width + second_codes, return_inverse=True)
    strings = [f"{prefix}{first_values[pair // width]}|{second_values[pair % width]}" for pair in pairs.tolist()]
    return Column(strings, codes.reshape(-1))


def _shifted_factor(factor: _Factor) -> _Factor:
    """Each token's previous value, "^" for the first."""
    values, codes = factor
    return [*values, "^"], _shifted(codes, -1, len(values))


def _neighbours(column: Column, offset: int) -> Column:
    """Each token's neighbour ``offset`` away in ``column``, prefixed with the offset ("-1w=said");
    "^" past the document's edges."""
    prefix = f"{offset:+d}"
    name = column.strings[0].split("=", 1)[0]
    strings = [prefix + string for string in column.strings] + [f"{prefix}{name}=^"]
    return Column(strings, _shifted(column.codes, offset, len(column.strings)))


def _shifted(codes: np.ndarray, offset: int, edge: int) -> np.ndarray:
    """Each token's neighbour ``offset`` away in ``codes``; ``edge`` past the document's edges."""
    count = len(codes)
    padding = np.full(min(abs(offset), count), edge, dtype=np.int64)
    if offset < 0:
        return np.concatenate([padding, codes[: count - len(padding)]])
    return np.concatenate([codes[len(padding) :], padding])


def rule_labels(doc: Doc, spans: RuleSpans) -> list[str]:
    """Per doc token, the BIO label of the rule-found span (type, character fragments) it lies in."""
    labels = ["O"] * len(doc)
    starts = doc.to_array([IDX]).tolist() if len(doc) else []
    for span_type, fragments in spans:
        for number, (start, end) in enumerate(sorted(fragments)):
            first = bisect_left(starts, start)
            last = bisect_left(starts, end) - 1
            for i in range(first, last + 1):
                labels[i] = f"{'B' if i == first and number == 0 else 'I'}-{span_type}"
    return labels


def _read_parse(doc: Doc, cue_rates: dict[str, float]) -> _Parse:
    columns = doc.to_array(list(_COLUMNS)).T.astype("int64").tolist() if len(doc) else [[] for _ in _COLUMNS]
    lower, lemma, pos, tag, dep, head, entity, shape, space, sentence_start = columns
    strings = doc.vocab.strings
    lemmas = _texts(strings, lemma, lowercase=True)
    parts_of_speech = _texts(strings, pos)
    lexicon = cue_lexicon()
    act = [
        lexicon[lem].act if part == "VERB" and lem in lexicon else _rate_class(cue_rates.get(lem, 0.0))
        for lem, part in zip(lemmas, parts_of_speech)
    ]
    return _Parse(
        lower=_texts(strings, lower), lemma=lemmas, pos=parts_of_speech, tag=_texts(strings, tag),
        dep=_texts(strings, dep), head=[i + offset for i, offset in enumerate(head)],
        entity=_texts(strings, entity), shape=_texts(strings, shape), space=[bool(s) for s in space],
        sentence_start=[s == 1 for s in sentence_start], act=act,
    )


def _texts(strings: StringStore, hashes: list[int], lowercase: bool = False) -> list[str]:
    """The strings of a column of hashes, each distinct hash looked up once."""
    table = {}
    for value in set(hashes):
        text = strings[value & 0xFFFFFFFFFFFFFFFF] if value else ""
        table[value] = text.lower() if lowercase else text
    return [table[value] for value in hashes]


def _rate_class(rate: float) -> str:
    """A lemma's cue rate as a class; "" for lemmas that are (almost) never cues."""
    for threshold, name in _RATE_CLASSES:
        if rate >= threshold:
            return name
    return ""


def _is_cue_like(act: str) -> bool:
    """A lexicon verb, or a lemma that is part of a cue at least a fifth of the time in training."""
    return act not in ("", _WEAK_CUE)


def _cue_ancestors(parse: _Parse, tokens: list[int]) -> list[tuple[str, ...]]:
    """Per tagged token, its relation to the nearest ancestor that is cue-like.

    The branch is the relation under which the token's subtree hangs from that word (``nsubj`` for
    the speaker, ``ccomp`` for reported clauses); with the depth and the side it says "part of what
    was said" or "who said it" however far apart the words are in the text.
    """
    cue_like = [_is_cue_like(act) for act in parse.act]
    head = parse.head
    result: list[tuple[str, ...]] = []
    for i in tokens:
        child, node, depth = i, head[i], 1
        while not cue_like[node] and head[node] != node:
            child, node, depth = node, head[node], depth + 1
        if not cue_like[node] or node == i:
            result.append(("anc=none",))
            continue
        branch = parse.dep[child]
        result.append((
            f"anc|side={branch}|{'L' if i < node else 'R'}",
            f"anc|depth={branch}|{min(depth, _MAX_DEPTH)}",
            f"anc|act={branch}|{parse.act[node]}",
        ))
    return result


def _root_paths(parse: _Parse, tokens: list[int]) -> list[str]:
    """Per tagged token, the relations on its way up towards the sentence root ("dobj/ccomp/ROOT")."""
    head, dep = parse.head, parse.dep
    result = []
    for i in tokens:
        path, node = [], i
        while head[node] != node and len(path) < _PATH_LENGTH:
            path.append(dep[node])
            node = head[node]
        result.append("/".join(path))
    return result


def _subtree_edges(parse: _Parse) -> list[tuple[str, ...]]:
    """For each token, the relations of the multi-token subtrees that start and that end at it, and
    whether the subtree hangs from a cue-like word: content and source spans are such subtrees."""
    head = parse.head
    count = len(head)
    left, right = list(range(count)), list(range(count))
    # Push each token's reach up to all its ancestors (parse trees are shallow).
    for i in range(count):
        node = i
        while head[node] != node:
            node = head[node]
            if i < left[node]:
                left[node] = i
            if i > right[node]:
                right[node] = i
    edges: list[tuple[str, ...]] = [()] * count
    for i in range(count):
        if left[i] == right[i]:
            continue
        hangs = "cue" if head[i] != i and _is_cue_like(parse.act[head[i]]) else "x"
        edges[left[i]] += (f"starts={parse.dep[i]}|{hangs}",)
        edges[right[i]] += (f"ends={parse.dep[i]}|{hangs}",)
    return edges


def _sentence_features(parse: _Parse, in_quote: list[bool], tokens: list[int]) -> list[tuple[str, ...]]:
    """Per tagged token: whether its sentence holds a cue-like word and a quotation (sentences with
    neither rarely hold any span), and whether the token is the sentence's first or last word."""
    count = len(parse.head)
    by_token: list[tuple[str, ...]] = [()] * count
    starts = [i for i in range(count) if parse.sentence_start[i] or i == 0] + [count]
    for start, end in zip(starts, starts[1:]):
        has_cue = any(_is_cue_like(parse.act[i]) for i in range(start, end))
        has_quote = any(in_quote[start:end])
        fact = (f"sent={has_cue:d}{has_quote:d}",)
        by_token[start:end] = [fact] * (end - start)
        words = [i for i in range(start, end) if not parse.space[i]]
        if words:
            by_token[words[0]] += ("sent_first",)
            by_token[words[-1]] += ("sent_last",)
    return [by_token[i] for i in tokens]


def _quote_positions(in_quote: list[bool], tokens: list[int]) -> list[str]:
    """Per tagged token: outside quotes, opening a quote, closing it, or inside."""
    count = len(in_quote)
    result = []
    for i in tokens:
        if not in_quote[i]:
            result.append("out")
        elif i == 0 or not in_quote[i - 1]:
            result.append("open")
        elif i + 1 == count or not in_quote[i + 1]:
            result.append("close")
        else:
            result.append("in")
    return result


def _paragraph_starts(paragraphs: list[int], tokens: list[int]) -> list[tuple[str, ...]]:
    """Per tagged token, whether it is the first of its paragraph."""
    previous = [-1] + [paragraphs[i] for i in tokens[:-1]]
    return [("para_start",) if paragraphs[i] != before else () for i, before in zip(tokens, previous)]
