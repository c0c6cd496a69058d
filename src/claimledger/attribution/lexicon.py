"""The cue lexicon: which lemmas report speech, with their speech act and neutrality.

The entries are data (``claimledger/data/cue_lexicon.tsv``), each with the source it comes from.
"""

from __future__ import annotations

import csv
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
    table = resources.files("claimledger.data").joinpath("cue_lexicon.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in table.splitlines() if not line.startswith("#")), delimiter="\t")
    return {row["lemma"]: CueSense(row["act"], row["neutrality"]) for row in rows}  # type: ignore[arg-type]


def cue_sense(lemma: str) -> CueSense | None:
    """The sense of a cue lemma, or ``None`` when it does not report speech."""
    return cue_lexicon().get(lemma.lower())
