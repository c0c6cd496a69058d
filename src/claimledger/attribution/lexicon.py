"""The cue lexicon: which lemmas report speech, with their speech act and neutrality.

The entries are data (``claimledger/data/cue_lexicon.tsv``), each with the source it comes from.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from claimledger.model import Neutrality, SpeechAct


@dataclass(frozen=True)
class CueSense:
    """What a cue lemma means: its speech act and how neutral the verb is."""

    act: SpeechAct
    neutrality: Neutrality


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, CueSense]:
    """Lemma (or phrase such as ``according to``) -> its :class:`CueSense`."""
    return _read_senses("cue_lexicon.tsv")


def _read_senses(filename: str) -> dict[str, CueSense]:
    """A ``lemma act neutrality …`` table of ``claimledger/data``, ``#`` lines skipped."""
    table = resources.files("claimledger.data").joinpath(filename).read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in table.splitlines() if not line.startswith("#")), delimiter="\t")
    return {row["lemma"]: CueSense(row["act"], row["neutrality"]) for row in rows}  # type: ignore[arg-type]


def cue_sense(lemma: str) -> CueSense | None:
    """The sense of a cue lemma, or ``None`` when it does not report speech."""
    return cue_lexicon().get(lemma.lower())


@lru_cache(maxsize=1)
def _found_cue_acts() -> dict[str, CueSense]:
    return _read_senses("found_cue_acts.tsv")


def found_cue_sense(lemmas: str) -> CueSense | None:
    """The sense of a cue the tagger found that does not report speech on its own ("thinks", "agreed",
    "called for"; ``data/found_cue_acts.tsv``), or ``None``."""
    return _found_cue_acts().get(lemmas.lower())


# A demand for proof disputes what the addressee says: "tells foreign critics to 'find proof'", "urged
# them to prove it", "told reporters to show evidence". The telling verb alone reads as an assertion.
# The content is the directive itself: a few words of addressee, then the infinitive ("The governor
# does not need to find proof", said in reply, demands nothing).
_PROOF_DEMAND = re.compile(
    r"(?:[\w’'-]+\s+){0,4}?to\s+[\"'“‘]?(?:prove|(?:find|show|produce|provide|present|offer|bring)\s+(?:any\s+|some\s+|the\s+)?"
    r"(?:proof|evidence))\b",
    re.IGNORECASE,
)
_TELLING_ACTS = {"assert", "other"}
# Verbs of making something known: refused or negated, they withhold it ("refused to confirm the figure",
# "has not disclosed the list").
DISCLOSING_VERBS = frozenset({"confirm", "disclose", "reveal", "specify", "discuss", "detail", "identify"})
# Negated, these verbs leave something unsaid: "did not explain why", "has not confirmed the figure". Not
# answering a question is no refusal to comment (a negated respond, reply or answer is ``other``): only a
# request for comment left unanswered is (:mod:`.rules`).
_WITHHELD_WHEN_NEGATED = DISCLOSING_VERBS | {"say", "explain", "comment", "elaborate", "tell", "acknowledge"}
# "never said that the plant was safe" reports what was not said (``other``); "did not say why" withholds.
_SAYING = {"say", "tell"}
# The words that open a clause naming a question rather than an answer: "did not say why", "whether it
# will reopen".
QUESTION_WORDS = frozenset({"why", "how", "whether", "what", "when", "where", "who", "whom", "whose", "which", "if"})
_FIRST_WORD = re.compile(r"\w+")
# "asked residents not to touch dead fish": a request, not a question.
_REQUEST = re.compile(r"(?:[\w’'-]+\s+){1,4}?(?:not\s+)?to\s+\w", re.IGNORECASE)


# Acts whose passive makes the speaker the one spoken to: "Asked about the bomb, Clinton said …",
# "he was accused of lying" — Clinton asks nothing, he accuses no one.
_ACTS_ON_THE_ADDRESSEE = {"question", "accuse", "challenge"}
_ADDRESSING = {"tell", "inform", "warn", "urge"}


def statement_act(lemma: str, sense: CueSense, content: str | None, negated: bool = False) -> SpeechAct:
    """The speech act of a statement: its cue's, except that telling someone to find proof challenges,
    asking someone to do something is a request (``other``), not a question, and a ``negated`` cue
    does not do its act: not saying, explaining or confirming withholds a statement
    (``refuse_comment``), and "did not deny" is no denial — nor a confirmation (``other``)."""
    if negated and sense.act != "refuse_comment":
        withheld = lemma in _WITHHELD_WHEN_NEGATED and not (lemma in _SAYING and _states_a_proposition(content))
        return "refuse_comment" if withheld else "other"
    if content is None:
        return sense.act
    if sense.act in _TELLING_ACTS and _PROOF_DEMAND.match(content):
        return "challenge"
    if lemma == "ask" and _REQUEST.match(content):
        return "other"
    return sense.act


def addresses_the_object(lemma: str, sense: CueSense) -> bool:
    """Whether the cue's object is the one spoken to ("asked the minister", "accused Brandt of",
    "warned residents"), so that in the passive its subject is no speaker."""
    return sense.act in _ACTS_ON_THE_ADDRESSEE or lemma in _ADDRESSING


def opens_a_question(text: str) -> bool:
    """Whether ``text`` opens on a question word: "how many fish died", "whether it will reopen" name a
    question, not an answer."""
    first = _FIRST_WORD.match(text)
    return first is not None and first.group().lower() in QUESTION_WORDS


def _states_a_proposition(content: str | None) -> bool:
    """"never said that the plant was safe" reports a proposition; "did not say why" names a question."""
    return bool(content) and _FIRST_WORD.match(content) is not None and not opens_a_question(content)
