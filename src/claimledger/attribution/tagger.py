"""The learned attribution pass: a linear-chain CRF over whole documents, merged with the rules.

By default a small network (:mod:`.convnet`, ``cnn-1``) reads the same features beside the CRF
and the two decode together; ``--accurate`` joins the fine-tuned transformer to the CRF instead.

The shipped model ``crf-1`` lives in ``claimledger/attribution/models/`` as three files: the CRF
(``crf-1.crfsuite``), the cue rates of lemmas it was trained with (``crf-1.cue-rates.tsv``, a
feature input) and its card (``crf-1.json``: training command, data digest, dev scores, date).
``claimledger train attribution`` rebuilds all three (:mod:`claimledger.attribution.training`).

The rules run first and their spans are features of the CRF; the two passes' statements are then
merged (:func:`merge_statements`).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import pycrfsuite
from spacy.attrs import IS_PUNCT
from spacy.tokens import Doc

from claimledger.attribution.convnet import ConvTagger
from claimledger.attribution.features import DocumentFeatures, RuleSpans, document_features, rule_labels
from claimledger.attribution.linking import link_statements
from claimledger.attribution.rules import Found, Quoting, paragraph_numbers, passive_quoted_as
from claimledger.attribution.tagging import CONTENT, CUE, LABELS, SOURCE, decode_tags
from claimledger.attribution.transformer import TransformerTagger, combined_tags
from claimledger.errors import ModelNotFoundError
from claimledger.model import in_title

MODEL_NAME = "crf-1"
MODELS_FOLDER = Path(__file__).parent / "models"
# Rule statements (by cue lemma) that win over tagged statements they overlap: see merge_statements.
_RULES_FIRST = frozenset({"according to", "decline to comment", ":"})


@dataclass(frozen=True)
class ModelFiles:
    """Where the files of one attribution model are."""

    crf: Path
    cue_rates: Path
    card: Path

    @classmethod
    def named(cls, folder: Path, name: str) -> "ModelFiles":
        """The files of model ``name`` in ``folder``."""
        return cls(folder / f"{name}.crfsuite", folder / f"{name}.cue-rates.tsv", folder / f"{name}.json")


@dataclass
class AttributionModel:
    """A trained CRF and the cue rates its features were computed with."""

    tagger: pycrfsuite.Tagger
    cue_rates: dict[str, float]

    @classmethod
    def load(cls, files: ModelFiles) -> "AttributionModel":
        """Open the model's files; a missing file raises :class:`ModelNotFoundError`."""
        for path in (files.crf, files.cue_rates):
            if not path.is_file():
                raise ModelNotFoundError(f"attribution model file missing: {path} (run `claimledger train attribution`)")
        tagger = pycrfsuite.Tagger()
        tagger.open(str(files.crf))
        return cls(tagger, read_cue_rates(files.cue_rates))

    @cached_property
    def info(self) -> Any:
        """The CRF's weights (``pycrfsuite`` ``ParsedDump``); read once, on first use, as it takes a second."""
        return self.tagger.info()

    @cached_property
    def transitions(self) -> list[list[float]]:
        """The CRF's weight of each transition between :data:`LABELS` (``[from][to]``, 0 where it has
        none)."""
        weights = self.info.transitions
        return [[weights.get((first, then), 0.0) for then in LABELS] for first in LABELS]


def shipped_files(name: str = MODEL_NAME) -> ModelFiles:
    """The files of the model shipped in the package."""
    return ModelFiles.named(MODELS_FOLDER, name)


@lru_cache(maxsize=1)
def shipped_model() -> AttributionModel:
    """The shipped model, loaded once per process (:func:`shipped_model.cache_clear` after retraining)."""
    return AttributionModel.load(shipped_files())


def read_cue_rates(path: Path) -> dict[str, float]:
    """``lemma<TAB>rate`` lines -> {lemma: rate}."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {lemma: float(rate) for lemma, rate in csv.reader(handle, delimiter="\t")}


def write_cue_rates(path: Path, rates: dict[str, float]) -> None:
    """Write cue rates as ``lemma<TAB>rate`` lines, sorted by lemma."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter="\t", lineterminator="\n").writerows(sorted(rates.items()))


def rule_spans(ruled: list[Found]) -> RuleSpans:
    """The spans of rule-found statements as (type, character fragments)."""
    spans: RuleSpans = []
    for found in ruled:
        if found.speaker is not None:
            spans.append((SOURCE, [found.speaker]))
        spans.append((CUE, [found.cue]))
        if found.content:
            spans.append((CONTENT, list(found.content)))
    return spans


def sequence_features(doc: Doc, quoted: Quoting, ruled: list[Found], cue_rates: dict[str, float]) -> DocumentFeatures:
    """The CRF's input for ``doc``: the same at training and at tagging time."""
    labels = rule_labels(doc, rule_spans(ruled))
    return document_features(doc, quoted.in_quote, paragraph_numbers(doc), labels, cue_rates)


def tagged_statements(
    doc: Doc, quoted: Quoting, ruled: list[Found], model: AttributionModel, accurate: TransformerTagger | None = None,
    convnet: ConvTagger | None = None,
) -> list[Found]:
    """The statements the CRF finds in ``doc`` (rules' statements ``ruled`` are features); with
    ``accurate``, the fine-tuned encoder's label scores join the CRF's; else with ``convnet`` (which
    carries ``model``'s weights), the network's."""
    sequence = sequence_features(doc, quoted, ruled, model.cue_rates)
    if not sequence.tokens:
        return []
    tags = sequence_tags(doc, sequence, quoted, ruled, model, accurate, convnet)
    return statements_from_tags(doc, tags, sequence.tokens, quoted)


def sequence_tags(
    doc: Doc, sequence: DocumentFeatures, quoted: Quoting, ruled: list[Found], model: AttributionModel,
    accurate: TransformerTagger | None = None, convnet: ConvTagger | None = None,
) -> list[str]:
    """The decoded label of each token of ``sequence`` (non-empty), read as :func:`tagged_statements` says."""
    if accurate is None and convnet is not None:
        return convnet.tags(doc, sequence)
    if accurate is None:
        return model.tagger.tag(sequence.features)
    encoder = accurate.label_log_probs(doc, sequence.tokens, quoted, rule_labels(doc, rule_spans(ruled)))
    marginals = crf_marginals(model.tagger, sequence.features)
    return combined_tags(encoder, marginals, model.transitions, accurate.crf_weight, accurate.transition_weight)


def statements_from_tags(doc: Doc, tags: list[str], tokens: list[int], quoted: Quoting) -> list[Found]:
    """The statements that the labels ``tags`` of the doc tokens ``tokens`` draw, speakers linked to cues."""
    paragraphs = paragraph_numbers(doc)
    words = (doc.to_array([IS_PUNCT]) == 0).tolist()
    spans = decode_tags(tags, tokens, paragraphs, quoted.in_quote, words)
    linked = link_statements(doc, spans, quoted.in_quote, paragraphs)
    return _quotes_resumed_after_a_second_act(doc, [_corrected(doc, found) for found in linked], quoted)


def _quotes_resumed_after_a_second_act(doc: Doc, statements: list[Found], quoted: Quoting) -> list[Found]:
    """"“X,” said Caddell, speaking of Clinton’s health. “Y”" (or "“X,” she said of the election. “Y”"): the
    quote resumed after a second act of the speaker, or after what the cue is said of, is the rest of the
    first quote, as PolNeAR draws it, and the second act reports only its own clause; the taggers, one
    label per word, run the second act's content on into the resumed quote."""
    statements = _quotes_set_around_one_cue(statements)
    for second in statements:
        first_fragment, *resumed = second.content or [None]
        if not resumed or _is_quoted(doc, first_fragment, quoted) or not all(
            _is_quoted(doc, fragment, quoted) for fragment in resumed
        ):
            continue
        sentence = _sentence_start(doc, second.cue)
        quote = next((
            found for found in statements
            if found is not second and found.kind == "direct" and found.content and found.cue[0] <= second.cue[0]
            and found.content[-1][1] <= found.cue[0] and _sentence_start(doc, found.cue) == sentence
        ), None)
        if quote is not None:
            quote.content = [*quote.content, *resumed]
            second.content = [first_fragment]
            tokens = doc.char_span(*first_fragment, alignment_mode="expand") or []
            second.kind = "mixed" if any(quoted.in_quote[t.i] for t in tokens) else "indirect"
    return statements


def _quotes_set_around_one_cue(statements: list[Found]) -> list[Found]:
    """"“X,” he told the host, “Y”" drawn as two quotes of the same cue: one statement in two fragments."""
    merged: list[Found] = []
    by_cue: dict[tuple[int, int], list[Found]] = {}
    for found in statements:
        before = next((
            f for f in by_cue.get(found.cue, []) if f.kind == found.kind == "direct" and f.content
            and found.content and f.content[-1][1] <= found.cue[0] and found.content[0][0] >= found.cue[1]
        ), None)
        if before is None:
            merged.append(found)
            by_cue.setdefault(found.cue, []).append(found)
        else:
            before.content = [*before.content, *found.content]
    return merged


def _sentence_start(doc: Doc, span: tuple[int, int]) -> int | None:
    tokens = doc.char_span(*span, alignment_mode="expand")
    return tokens[0].sent.start if tokens is not None and len(tokens) else None


def _is_quoted(doc: Doc, fragment: tuple[int, int], quoted: Quoting) -> bool:
    tokens = doc.char_span(*fragment, alignment_mode="expand")
    return tokens is not None and all(quoted.in_quote[t.i] for t in tokens if not t.is_space)


def _corrected(doc: Doc, found: Found) -> Found:
    """A tagged statement after the corrections where PolNeAR's conventions are plainer in the tree
    than in the networks' neighbours, in order."""
    for correct in (
        _modifier_back_to_content, _nothing_joins_the_cue, _cut_at_a_second_act, _relative_pronoun_speaks,
        _coordinator_leaves_the_speaker, _the_one_quoted_speaks,
    ):
        found = correct(doc, found)
    return found


def _modifier_back_to_content(doc: Doc, found: Found) -> Found:
    """A cue that ends in a modifier of the content's first noun ("rejected mounting | international
    criticism") gives the modifier back to the content: the network, which reads neighbours rather
    than the tree, sometimes draws the boundary one word late."""
    if not found.content:
        return found
    cue = doc.char_span(*found.cue, alignment_mode="expand")
    first, *rest = found.content
    if cue is None or len(cue) < 2:
        return found
    last = cue[-1]
    if last.dep_ not in ("amod", "compound", "nummod") or not first[0] <= last.head.idx < first[1]:
        return found
    before = cue[-2]
    return replace(found, cue=(found.cue[0], before.idx + len(before)), content=[(last.idx, first[1]), *rest])


def _cut_at_a_second_act(doc: Doc, found: Found) -> Found:
    """"denied reports that …, calling the allegations 'fabricated'", "rejected the criticism, telling
    ambassadors that …": a participle after a comma that hangs on the cue's own verb is a second act of
    the speaker, not part of what the first reports (the rules find that act as a statement of its own)."""
    cue = doc.char_span(*found.cue, alignment_mode="expand")
    if not found.content or cue is None or not len(cue):
        return found
    verb = cue.root
    start, end = found.content[-1]
    second = next(
        (t for t in verb.children if t.dep_ == "advcl" and t.tag_ == "VBG" and start < t.idx < end
         and t.i > 0 and doc[t.i - 1].text == ","),
        None,
    )
    if second is None:
        return found
    comma = doc[second.i - 1]
    return replace(found, content=[*found.content[:-1], (start, comma.idx)])


def _relative_pronoun_speaks(doc: Doc, found: Found) -> Found:
    """"…, the Kestrel Ledger, which first published the accounts": the source is "which", as PolNeAR
    draws it (568 such sources in train, none with the noun phrase before it); the resolver then names
    the noun phrase it stands for."""
    speaker = doc.char_span(*found.speaker, alignment_mode="expand") if found.speaker else None
    if speaker is None or len(speaker) < 3:
        return found
    pronoun = speaker[-1]
    if pronoun.tag_ not in ("WDT", "WP") or speaker[-2].text != ",":
        return found
    return replace(found, speaker=(pronoun.idx, pronoun.idx + len(pronoun)), speaker_token=pronoun)


def _coordinator_leaves_the_speaker(doc: Doc, found: Found) -> Found:
    """"An Amazon spokeswoman neither confirmed nor denied …": a "neither", "either" or "both" that opens
    the coordinated verbs is no part of the speaker, where the networks sometimes end the source."""
    speaker = doc.char_span(*found.speaker, alignment_mode="expand") if found.speaker else None
    if speaker is None or len(speaker) < 2 or speaker[-1].dep_ != "preconj":
        return found
    last = speaker[-2]
    return replace(found, speaker=(speaker[0].idx, last.idx + len(last)))


def _the_one_quoted_speaks(doc: Doc, found: Found) -> Found:
    """"“…,” Jorge Santamaria, a resident, was quoted by The Associated Press as saying": the one quoted
    speaks, not the agent that quoted him, where the taggers take the agent for the source (the rules
    read it so: :func:`~claimledger.attribution.rules.passive_quoted_as`)."""
    cue = doc.char_span(*found.cue, alignment_mode="expand")
    speaker = doc.char_span(*found.speaker, alignment_mode="expand") if found.speaker else None
    if cue is None or speaker is None or not len(cue) or not len(speaker) or cue.root.lemma_ != "quote":
        return found
    verb = cue.root
    completing = (c for marker in verb.children if marker.lower_ == "as" for c in marker.children)
    if not any(passive_quoted_as(c) == verb for c in completing):
        return found
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if agent is None or subject is None or not agent.left_edge.i <= speaker.root.i <= agent.right_edge.i:
        return found
    first, last = subject.left_edge, subject.right_edge
    while last.i > first.i and last.is_punct:
        last = doc[last.i - 1]
    return replace(found, speaker=(first.idx, last.idx + len(last)), speaker_token=subject)


def _nothing_joins_the_cue(doc: Doc, found: Found) -> Found:
    """"The ministry said nothing": the object "nothing" is no content but part of the cue, as PolNeAR
    draws it (and the negation of the act reads it), where the taggers leave it out or call it content."""
    cue = doc.char_span(*found.cue, alignment_mode="expand")
    if cue is None or not len(cue) or cue[-1].i + 1 >= len(doc):
        return found
    after = doc[cue[-1].i + 1]
    if after.lower_ != "nothing" or after.head != cue[-1]:
        return found
    if found.content and found.content != [(after.idx, after.idx + len(after))]:
        return found
    return replace(found, cue=(found.cue[0], after.idx + len(after)), content=None)


def crf_marginals(tagger: pycrfsuite.Tagger, features: list[list[str]]) -> list[list[float]]:
    """Per token, the CRF's marginal probability of each of :data:`LABELS` (0 for a label it never saw)."""
    tagger.set(features)
    known = set(tagger.labels())
    return [[tagger.marginal(label, t) if label in known else 0.0 for label in LABELS] for t in range(len(features))]


def merge_statements(
    ruled: list[Found], tagged: list[Found], text: str, title_span: tuple[int, int] | None = None
) -> list[Found]:
    """The statements of both passes, the more exact one winning where they overlap (measured on
    PolNeAR dev; statements overlap when their cues or contents do).

    The CRF wins in general, direct quotes included: it has learnt the rules' spans as features and
    PolNeAR's boundaries besides. The rules win in the headline (``title_span``), for "according
    to", refusals, a transcript's turns (the tagger reads the statements inside them) and quotes that
    run over paragraphs (the quote pairing sees the whole quote, the tagger often its last paragraph
    only), and against a tagged statement without a speaker that reads a rule statement's cue as
    content ("The minister rejected the findings, saying …" taken as what "saying" reports), and
    against a tagged statement that lost the content the rules found for the same cue.
    """
    first = [found for found in ruled if _rules_know_better(found, text, title_span)]
    others = [found for found in ruled if not _rules_know_better(found, text, title_span)]
    second = [
        _with_ruled_speaker(found, ruled) for found in _not_overlapping(tagged, first)
        if not _misreads(found, ruled) and not _headline_colon(found, text, title_span)
    ]
    rest = _not_overlapping(others, first + second)
    return sorted(first + second + rest, key=lambda f: (f.start, f.cue[0]))


def _rules_know_better(found: Found, text: str, title_span: tuple[int, int] | None) -> bool:
    if found.cue_lemma in _RULES_FIRST:
        return True
    if text[found.cue[0] : found.cue[1]].lower().startswith("without "):
        return True  # "claimed, without explaining what …": the tagger may give what is left unsaid to "claimed"
    if in_title(title_span, found.cue[0]):
        return True  # headlines are telegraphic, and PolNeAR gives its own only as plain first lines
    fragments = found.content or []
    if found.kind == "indirect" and fragments and fragments[0][1] <= found.cue[0] and found.cue[1] <= fragments[-1][0]:
        return True  # a report set into its content ("The water, the minister said, would be tested")
    # A quote over paragraphs: fragments separated by nothing but paragraph breaks.
    return len(fragments) > 1 and all(
        not text[end:start].strip() and "\n" in text[end:start] for (_, end), (start, _) in zip(fragments, fragments[1:])
    )


def _headline_colon(found: Found, text: str, title_span: tuple[int, int] | None) -> bool:
    """A tagged headline statement whose cue is a colon: the rules decide whether the words before
    a headline's colon name a speaker ("Pentagon:") or label a topic ("Zombie Cat:"), which the tagger,
    with no headlines in its training data, cannot tell apart."""
    return in_title(title_span, found.cue[0]) and text[found.cue[0] : found.cue[1]].strip() == ":"


def _misreads(tagged: Found, ruled: list[Found]) -> bool:
    """A tagged statement without a speaker that reads a rule statement's cue as content, or the
    speaker the rules found for the same cue ("…, reported the Independent"), or one without content
    where the rules found the content of the same cue (headlines, which PolNeAR gives only as first lines, are
    where the tagger loses content most)."""
    return any(
        (tagged.speaker is None and found.speaker is not None and not _overlap(tagged.cue, found.cue)
         and _overlapping(tagged, found))
        or (tagged.speaker is None and found.speaker is not None and _overlap(tagged.cue, found.cue)
            and any(_overlap(fragment, found.speaker) for fragment in tagged.content or []))
        or (tagged.content is None and found.content is not None and _overlap(tagged.cue, found.cue))
        for found in ruled
    )


def _with_ruled_speaker(tagged: Found, ruled: list[Found]) -> Found:
    """A tagged statement without a speaker takes the speaker the rules found for the same cue."""
    if tagged.speaker is not None:
        return tagged
    found = next((f for f in ruled if f.speaker is not None and _overlap(tagged.cue, f.cue)), None)
    return tagged if found is None else replace(tagged, speaker=found.speaker, speaker_token=found.speaker_token)


def _not_overlapping(candidates: list[Found], kept: list[Found]) -> list[Found]:
    return [found for found in candidates if not any(_overlapping(found, other) for other in kept)]


def _overlapping(first: Found, second: Found) -> bool:
    return any(_overlap(a, b) for a in _cue_and_content(first) for b in _cue_and_content(second))


def _cue_and_content(found: Found) -> list[tuple[int, int]]:
    return [found.cue, *(found.content or [])]


def _overlap(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] < second[1] and second[0] < first[1]
