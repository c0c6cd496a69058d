"""Evidence: what a statement cites — reports, tests, documents, video — as noun phrases with offsets.

A noun phrase is an evidence noun ("report", "samples", "footage", …), with the determiner and up
to two modifiers before it when there is a determiner ("the laboratory tests"), and the source after
it when one is named in capitals ("a report by Human Rights Watch"). Read with a pattern over the
statement's sentence rather than the parse: the ledger works from stored documents, not parses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger.model import Document, Statement

_NOUNS = (
    r"reports?|stud(?:y|ies)|tests?|testing|analys[ie]s|documents?|documentation|videos?|footage|"
    r"photo(?:graph)?s?|images?|recordings?|testimon(?:y|ies)|samples?|data|records?|surveys?|audits?|"
    r"findings|investigations?|autops(?:y|ies)|post-mortems?|letters?|memos?|e-?mails?|files|dossiers?|"
    r"satellite imagery|medical certificates?|x-rays?|results|count"
)
_DETERMINER = r"(?:a|an|the|its|their|his|her|our|this|these|those|two|three|four|several|new|its own)"
_NAME = r"(?:[A-Z][\w’'-]*)(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[A-Z][\w’'-]*)*(?:\s+\([A-Z]{2,}\))?"
# Determiner and noun match in any case ("Report" in a headline); the named source must be capitalised.
EVIDENCE = re.compile(
    rf"\b(?:(?i:{_DETERMINER})\s+(?:[\w’'-]+\s+){{0,2}}?)?(?i:{_NOUNS})\b"
    rf"(?:\s+(?:by|from|of|on|into)\s+(?:the\s+)?{_NAME})?"
)


@dataclass(frozen=True)
class Evidence:
    """One cited piece of evidence: the phrase, exactly as in ``document.text[start:end]``."""

    text: str
    document: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"text": self.text, "document": self.document, "start": self.start, "end": self.end}


def cited_evidence(document: Document, statement: Statement) -> list[Evidence]:
    """The evidence phrases in the statement's sentence."""
    sentence = statement.sentence
    return [
        Evidence(document.text[sentence.start + m.start() : sentence.start + m.end()], document.id,
                 sentence.start + m.start(), sentence.start + m.end())
        for m in EVIDENCE.finditer(sentence.text)
    ]
