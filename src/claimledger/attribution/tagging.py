"""The tagger's labels: spans of a whole document as one label per token, and back.

Every non-space token of a document gets one label: ``B-``/``I-`` for the start and inside of a
SOURCE, CUE or CONTENT span, ``O`` outside, ``C-CONTENT`` for the first token of a fragment that
continues the content span left open before it (``“X,” he said. “Y”``), and ``L-CONTENT`` for the
last token of a run of content (content boundaries are what the tagger gets wrong most; a label of
its own for the end lets it weigh the last word's features as well as the next one's, which is worth
about a point of content F1 on dev). A content span that runs on over a paragraph break simply stays
``I-CONTENT`` and is cut into one fragment per paragraph when decoded. Tagging whole documents this way can represent almost every discontinuous gold span (the
PolNeAR README puts the ceiling at about 99 exact F1), where sentence-level BIO tagging caps content
at about 80.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import numpy as np
from hmmlearn.base import BaseHMM
from scipy.special import logsumexp
from spacy.tokens import Doc

SOURCE, CUE, CONTENT = "SOURCE", "CUE", "CONTENT"
SPAN_TYPES = (SOURCE, CUE, CONTENT)
OUTSIDE = "O"
CONTINUE_CONTENT = f"C-{CONTENT}"
LAST_CONTENT = f"L-{CONTENT}"
LABELS = (OUTSIDE, *(f"{p}-{t}" for t in SPAN_TYPES for p in "BI"), CONTINUE_CONTENT, LAST_CONTENT)

Fragment = tuple[int, int]


@dataclass
class TaggedSpan:
    """A span the tagger found: its type and its fragments, each a list of doc token indices."""

    type: str
    fragments: list[list[int]] = field(default_factory=list)

    def char_fragments(self, doc: Doc) -> list[Fragment]:
        """Each fragment as ``[start, end)`` character offsets into ``doc.text``."""
        return [(doc[f[0]].idx, doc[f[-1]].idx + len(doc[f[-1]])) for f in self.fragments]

    @property
    def first(self) -> int:
        return self.fragments[0][0]

    @property
    def last(self) -> int:
        return self.fragments[-1][-1]


def encode_tags(doc: Doc, tokens: list[int], spans: list[tuple[str, list[Fragment]]]) -> list[str]:
    """The labels of ``tokens`` (doc indices) for gold ``spans`` given as (type, character fragments).

    A token belongs to a span when it overlaps one of its fragments. Sources and cues are drawn from
    their first start to their last end. Where spans overlap (rare: PolNeAR is univocal), sources and
    cues are written over content, as they are the more specific.
    """
    starts = [doc[i].idx for i in tokens]
    ends = [doc[i].idx + len(doc[i]) for i in tokens]
    tags = [OUTSIDE] * len(tokens)
    for span_type, fragments in sorted(spans, key=lambda s: s[0] != CONTENT):
        if span_type != CONTENT:
            fragments = [(min(f[0] for f in fragments), max(f[1] for f in fragments))]
        previous_last = None
        for start, end in sorted(fragments):
            # Tokens overlapping [start, end): those starting before `end` and ending after `start`.
            first, last = bisect_right(ends, start), bisect_left(starts, end) - 1
            if first > last:
                continue
            if previous_last is None:
                tags[first] = f"B-{span_type}"
            elif first > previous_last + 1:
                tags[first] = CONTINUE_CONTENT
            else:
                tags[first] = f"I-{span_type}"
            tags[first + 1 : last + 1] = [f"I-{span_type}"] * (last - first)
            previous_last = last
    return _mark_content_ends(tags)


def _mark_content_ends(tags: list[str]) -> list[str]:
    """``L-CONTENT`` on the last token of each run of content labels longer than one token."""
    inside = f"I-{CONTENT}"
    for position, tag in enumerate(tags):
        following = tags[position + 1] if position + 1 < len(tags) else OUTSIDE
        if tag == inside and following != inside:
            tags[position] = LAST_CONTENT
    return tags


def decode_tags(
    tags: list[str], tokens: list[int], paragraphs: list[int], in_quote: list[bool], words: list[bool] | None = None,
) -> list[TaggedSpan]:
    """The spans a label sequence describes, in order of their first token.

    An ``I-`` or ``L-`` label that does not follow its own type starts a span, as ``B-`` would;
    ``C-CONTENT`` with no content before it does too. ``L-CONTENT`` closes its fragment. Only a
    quotation runs on over a paragraph break (``in_quote``, per doc token), as one more fragment of
    its content; any other span ends at the break, so that a headline's content never swallows
    the first paragraph.

    With ``words`` (per doc token: not punctuation), ``C-CONTENT`` continues the content before
    it only across one report (``“X,” he said. “Y”``, ``“X,” he said on Friday. “Y”``). Where a
    word outside every span comes first ("… X.” The museum, Mr. Obama said, would …", the tagger
    having missed "The museum") or a second report follows the words after the first ("“X,” Mr.
    Obama said. And perhaps, he said, it …"), it starts a content of its own.
    """
    spans: list[TaggedSpan] = []
    current: TaggedSpan | None = None
    open_content: TaggedSpan | None = None
    # Since the open content: nothing yet (0), a report (1), words after the report (2).
    gap = 0
    previous_token = -1
    for tag, token in zip(tags, tokens):
        if tag == OUTSIDE:
            current = None
            if words is not None and words[token]:
                if gap == 0:
                    open_content = None
                gap = 2 if gap else 0
            continue
        prefix, span_type = tag.split("-", 1)
        if span_type == CONTENT:
            gap = 0
        else:
            if gap == 2:
                open_content = None
            gap = 1
        new_paragraph = current is not None and paragraphs[token] != paragraphs[previous_token]
        quote_runs_on = in_quote[token] and in_quote[previous_token] and span_type == CONTENT
        if prefix in "IL" and current is not None and current.type == span_type and (
            not new_paragraph or quote_runs_on
        ):
            if new_paragraph:
                current.fragments.append([token])
            else:
                current.fragments[-1].append(token)
        elif prefix == "C" and open_content is not None:
            open_content.fragments.append([token])
            current = open_content
        else:
            current = TaggedSpan(span_type, [[token]])
            spans.append(current)
            if span_type == CONTENT:
                open_content = current
        if prefix == "L":
            current = None
        previous_token = token
    return spans


def best_tags(emissions: np.ndarray, transitions: np.ndarray) -> list[str]:
    """The best sequence of :data:`LABELS` under per-token label scores ``emissions`` (tokens × labels)
    and the score of each pair of neighbours ``transitions[from][to]``.

    pycrfsuite decodes only with its own state scores, and the taggers that join the CRF
    (:mod:`.convnet`, :mod:`.transformer`) add theirs to its, so the Viterbi search is hmmlearn's
    (compiled; a numpy loop over tokens cost a tenth of the default pipeline's own time). An HMM
    wants each row of transitions to be probabilities: each row is normalised, and what it loses
    is given back to the emissions of every token that a transition leaves, so that every path
    keeps its score.
    """
    if not len(emissions):
        return []
    transitions = np.asarray(transitions, dtype=np.float64)
    row_totals = logsumexp(transitions, axis=1)
    scores = np.array(emissions, dtype=np.float64)
    scores[:-1] += row_totals
    count = len(transitions)
    hmm = _GivenScores(n_components=count)
    hmm.startprob_ = np.full(count, 1 / count)
    hmm.transmat_ = np.exp(transitions - row_totals[:, None])
    _, path = hmm.decode(scores, algorithm="viterbi")
    return [LABELS[i] for i in path]


class _GivenScores(BaseHMM):
    """An HMM whose log-likelihood of each state at each step is given (hmmlearn's way to bring
    one's own emission model)."""

    def _compute_log_likelihood(self, X: np.ndarray) -> np.ndarray:
        return X
