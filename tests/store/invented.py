"""Invented documents built by hand, with known ids and statements (every article, outlet and person
here is invented), so that store and search tests do not depend on what the analyzer finds."""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.model import Analyzer, Content, Cue, Document, Span, Speaker, Statement, document_id

MODELS = {"parser": "en_core_web_sm-3.8.0", "attribution": "rules-1", "checkworthy": "checkworthy-1"}


@dataclass(frozen=True)
class Said:
    """One attributed sentence of an invented article: the speaker and cue as written, and the content."""

    sentence: str
    speaker: str
    cue: str
    content: str
    name: str | None = None
    lemma: str = "say"
    act: str = "assert"


def invented(outlet: str, title: str, said: list[Said], tail: str = "", published: str | None = None,
             models: dict[str, str] | None = None) -> Document:
    """A document built by hand: title, the sentences, then ``tail``; one statement per sentence."""
    text = "\n\n".join([title, *(s.sentence for s in said), *([tail] if tail else [])])
    document = Document(
        id=document_id(outlet, text), text=text, analyzer=Analyzer("0.1.0", dict(models or MODELS)),
        title=title, title_span=(0, len(title)), outlet=outlet, published=published,
    )
    document.statements = [_statement(text, number, s) for number, s in enumerate(said, start=1)]
    return document


def _statement(text: str, number: int, said: Said) -> Statement:
    start = text.index(said.sentence)

    def at(part: str) -> tuple[str, int, int]:
        begin = text.index(part, start)
        return part, begin, begin + len(part)

    return Statement(
        id=f"s{number}", kind="direct" if said.content.startswith("“") else "indirect", act=said.act,
        speaker=Speaker(*at(said.speaker), name=said.name or said.speaker),
        cue=Cue(*at(said.cue), lemma=said.lemma), content=Content(*at(said.content)),
        sentence=Span(*at(said.sentence)),
    )


NORTHGATE = invented(
    "Northgate Daily", "Minister denies reports of abuse in Vostok province",
    [
        Said("“We have found no evidence of any wrongdoing,” Interior Minister Dariusz Halvorsen said on Tuesday.",
             "Interior Minister Dariusz Halvorsen", "said", "“We have found no evidence of any wrongdoing,”",
             name="Dariusz Halvorsen"),
        Said("Civic Rights Monitor said that more than 100 people had been detained since March.",
             "Civic Rights Monitor", "said", "that more than 100 people had been detained since March"),
    ],
    published="2026-03-03",
)
HARBOUR = invented(
    "The Harbour Courier", "Dead fish found in the Lanra river",
    [
        Said("Environmental officer Anna Petrov said that more than 2,000 fish had died near the plant.",
             "Environmental officer Anna Petrov", "said", "that more than 2,000 fish had died near the plant",
             name="Anna Petrov"),
        Said("The plant’s owner denied any leak.", "The plant’s owner", "denied", "any leak", lemma="deny", act="deny"),
    ],
    tail="Residents said the river smelled of chlorine for days.",
    published="2026-03-04",
)
MERIDIAN = invented(
    "Meridian Wire", "Halvorsen dares critics to find proof",
    [
        Said("Halvorsen dared foreign leaders to “find proof” of any detentions.", "Halvorsen", "dared",
             "to “find proof” of any detentions", name="Dariusz Halvorsen", lemma="dare", act="challenge"),
    ],
    published="2026-03-05",
)
FERRY = invented(
    "Lanra Valley Herald", "Ferry service resumes after the storm",
    [
        Said("The operator said that the morning ferry would run on time from Monday.", "The operator", "said",
             "that the morning ferry would run on time from Monday"),
    ],
    tail="Crossings to the far bank of the river had been suspended for a week while crews repaired the pier, "
         "the harbour office said, and timetables for the summer season are to follow.",
    published="2026-03-06",
)
CORPUS = [NORTHGATE, HARBOUR, MERIDIAN, FERRY]
