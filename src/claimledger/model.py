"""Every result type of claimledger, in one place.

Ingest produces :class:`Article` (text plus metadata); the pipeline turns each article into a
:class:`Document`, whose :meth:`Document.to_dict` is exactly the ``claimledger.document/1`` schema
(``src/claimledger/schema/document-1.schema.json``).

All offsets are Python ``str`` indices into ``Document.text`` (see "Documents, text and offsets" in
PRODUCT.md); every span type checks that its text is the slice it claims to be.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any, Literal, TypeVar

SCHEMA_DOCUMENT = "claimledger.document/1"
T = TypeVar("T")

StatementKind = Literal["direct", "indirect", "mixed"]
SpeechAct = Literal[
    "assert", "deny", "confirm", "accuse", "question", "challenge", "refuse_comment", "report", "other"
]
Neutrality = Literal["neutral", "doubt", "presuppose"]
StanceLabel = Literal["support", "deny", "neutral"]
Bound = Literal["exact", "lower", "upper", "approx", "range"]
MarkerType = Literal["editorializing", "loaded_verb", "scare_quote", "headline_stronger_than_body"]


def in_title(title_span: tuple[int, int] | None, offset: int) -> bool:
    """Whether the character at ``offset`` lies in the title ``[start, end)`` (never, without one)."""
    return title_span is not None and title_span[0] <= offset < title_span[1]


def document_id(outlet: str | None, text: str) -> str:
    """The default document id: the first 16 hex digits of SHA-256 of ``outlet + "\\n" + text``."""
    return hashlib.sha256(f"{outlet or ''}\n{text}".encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One input article as ingest read it, before any analysis.

    ``text`` is the exact string every later offset indexes into; ``title_span`` locates the title
    inside it (``None`` when there is no title).
    """

    text: str
    title: str | None = None
    title_span: tuple[int, int] | None = None
    path: str | None = None
    id: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None

    def __post_init__(self) -> None:
        if self.title_span is not None:
            start, end = self.title_span
            if self.text[start:end] != self.title:
                raise ValueError(f"title_span {self.title_span} does not hold the title {self.title!r}")

    @property
    def document_id(self) -> str:
        """The input's own id when it has one, else the content hash of outlet and text."""
        return self.id or document_id(self.outlet, self.text)

    @classmethod
    def with_title(cls, title: str | None, body: str, **meta: Any) -> "Article":
        """An article whose title arrives separately: ``text`` is ``title + "\\n\\n" + body``."""
        title = (title or "").strip() or None
        if title is None:
            return cls(text=body, **meta)
        return cls(text=f"{title}\n\n{body}", title=title, title_span=(0, len(title)), **meta)


@dataclass(frozen=True)
class Span:
    """A stretch of ``Document.text``: ``text == document.text[start:end]``."""

    text: str
    start: int
    end: int

    @classmethod
    def of(cls, doc_text: str, start: int, end: int) -> "Span":
        """The span ``[start, end)`` of ``doc_text``."""
        return cls(doc_text[start:end], start, end)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Span":
        """The span that :meth:`to_dict` wrote."""
        return cls(data["text"], data["start"], data["end"])


@dataclass(frozen=True)
class Member:
    """One of several who speak together ("Jonas Reiter and Mira Castell said …"): name and entity id."""

    name: str
    entity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "entity": self.entity}


@dataclass(frozen=True)
class Speaker(Span):
    """The speaker mention as written (the whole subject noun phrase) and its resolved name; when
    several speak together, ``name`` joins theirs and ``members`` lists each."""

    name: str = ""
    entity: str | None = None
    members: tuple[Member, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "name": self.name or self.text, "entity": self.entity,
                "members": [m.to_dict() for m in self.members]}  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Speaker":
        """The speaker that :meth:`to_dict` wrote (documents stored before ``members`` existed have none)."""
        members = tuple(Member(m["name"], m["entity"]) for m in data.get("members", ()))
        return cls(data["text"], data["start"], data["end"], name=data["name"], entity=data["entity"], members=members)

    @property
    def names(self) -> tuple[str, ...]:
        """Each who speaks: the members' names, else the one name (or the mention as written)."""
        return tuple(m.name for m in self.members) or (self.name or self.text,)


@dataclass(frozen=True)
class Cue(Span):
    """The reporting verb with auxiliaries, negation and adverbs, "according to", or a colon."""

    lemma: str = ""
    neutrality: Neutrality = "neutral"
    negated: bool = False  # "did not deny", "never said", "No one confirmed", "without explaining"

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "lemma": self.lemma, "neutrality": self.neutrality, "negated": self.negated}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Cue":
        """The cue that :meth:`to_dict` wrote (documents stored before ``negated`` existed read as not negated)."""
        return cls(
            data["text"], data["start"], data["end"], lemma=data["lemma"], neutrality=data["neutrality"],
            negated=data.get("negated", False),
        )


@dataclass(frozen=True)
class Content(Span):
    """What was reported. Interrupted content runs from the first fragment's start to the last's end."""

    fragments: tuple[tuple[int, int], ...] = ()

    @classmethod
    def from_fragments(cls, doc_text: str, fragments: list[tuple[int, int]]) -> "Content":
        """Content made of one or more ``[start, end)`` fragments, in text order."""
        ordered = tuple(sorted(fragments))
        start, end = ordered[0][0], ordered[-1][1]
        return cls(doc_text[start:end], start, end, fragments=ordered)

    def to_dict(self) -> dict[str, Any]:
        fragments = self.fragments or ((self.start, self.end),)
        return {**super().to_dict(), "fragments": [list(f) for f in fragments]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Content":
        """The content that :meth:`to_dict` wrote."""
        fragments = tuple((start, end) for start, end in data["fragments"])
        return cls(data["text"], data["start"], data["end"], fragments=fragments)


@dataclass(frozen=True)
class Stance:
    """A statement's stance toward a claim."""

    claim: str
    label: StanceLabel
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"claim": self.claim, "label": self.label, "score": round(self.score, 4)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Stance":
        """The stance that :meth:`to_dict` wrote."""
        return cls(data["claim"], data["label"], data["score"])


@dataclass
class Statement:
    """One attributed statement: who (speaker) said (cue) what (content), and the speech act."""

    id: str
    kind: StatementKind
    act: SpeechAct
    speaker: Speaker | None
    cue: Cue
    content: Content | None
    sentence: Span
    in_headline: bool = False
    stance: Stance | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "act": self.act,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict() if self.content else None,
            "sentence": self.sentence.to_dict(),
            "in_headline": self.in_headline,
            "stance": self.stance.to_dict() if self.stance else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Statement":
        """The statement that :meth:`to_dict` wrote."""
        return cls(
            id=data["id"], kind=data["kind"], act=data["act"],
            speaker=_optional(Speaker.from_dict, data["speaker"]), cue=Cue.from_dict(data["cue"]),
            content=_optional(Content.from_dict, data["content"]), sentence=Span.from_dict(data["sentence"]),
            in_headline=data["in_headline"], stance=_optional(Stance.from_dict, data["stance"]),
        )


@dataclass
class Entity:
    """A person or organisation of one document, with every mention of it."""

    id: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "roles": list(self.roles),
            "mentions": [list(m) for m in sorted(set(self.mentions))],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Entity":
        """The entity that :meth:`to_dict` wrote."""
        mentions = [(start, end) for start, end in data["mentions"]]
        return cls(data["id"], data["name"], data["type"], roles=list(data["roles"]), mentions=mentions)


@dataclass
class Quantity:
    """A figure with its qualifier (bound), unit and the event it counts."""

    id: str
    text: str
    start: int
    end: int
    value: float
    bound: Bound
    unit: str | None = None
    event: str | None = None
    value_max: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "value": _plain_number(self.value),
            "value_max": _plain_number(self.value_max), "bound": self.bound, "unit": self.unit,
            "event": self.event, "start": self.start, "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Quantity":
        """The quantity that :meth:`to_dict` wrote."""
        return cls(
            id=data["id"], text=data["text"], start=data["start"], end=data["end"], value=data["value"],
            bound=data["bound"], unit=data["unit"], event=data["event"], value_max=data["value_max"],
        )


@dataclass
class Claim:
    """A check-worthy sentence or the document's central claim."""

    id: str
    text: str
    start: int
    end: int
    normalized: str
    central: bool = False
    checkworthy: float | None = None
    quantities: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "normalized": self.normalized, "start": self.start,
            "end": self.end, "central": self.central,
            "checkworthy": None if self.checkworthy is None else round(self.checkworthy, 4),
            "quantities": list(self.quantities),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Claim":
        """The claim that :meth:`to_dict` wrote."""
        return cls(
            id=data["id"], text=data["text"], start=data["start"], end=data["end"], normalized=data["normalized"],
            central=data["central"], checkworthy=data["checkworthy"], quantities=list(data["quantities"]),
        )


@dataclass
class FramingMarker:
    """An editorializing marker: a judging adverb, a loaded verb, scare quotes, an overstated headline."""

    text: str
    start: int
    end: int
    where: Literal["headline", "body"]
    type: MarkerType

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "where": self.where, "type": self.type}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "FramingMarker":
        """The marker that :meth:`to_dict` wrote."""
        return cls(data["text"], data["start"], data["end"], where=data["where"], type=data["type"])


@dataclass
class Analyzer:
    """Which package and model versions produced a result, so that stale results can be re-analysed."""

    version: str
    models: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "models": dict(self.models)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Analyzer":
        """The analyzer stamp that :meth:`to_dict` wrote."""
        return cls(data["version"], dict(data["models"]))


@dataclass
class Document:
    """The analysis of one article: the ``claimledger.document/1`` record."""

    id: str
    text: str
    analyzer: Analyzer
    title: str | None = None
    title_span: tuple[int, int] | None = None
    path: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    language: str = "en"
    duplicate_of: str | None = None
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    framing_markers: list[FramingMarker] = field(default_factory=list)

    @classmethod
    def from_article(cls, article: Article, analyzer: Analyzer, language: str = "en") -> "Document":
        """An empty analysis of ``article``, carrying its text and metadata."""
        return cls(
            id=article.document_id, text=article.text, analyzer=analyzer, title=article.title,
            title_span=article.title_span, path=article.path, outlet=article.outlet, url=article.url,
            published=article.published, author=article.author, language=language,
        )

    def in_headline(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside the title."""
        return self.title_span is not None and self.title_span[0] <= start and end <= self.title_span[1]

    def to_dict(self) -> dict[str, Any]:
        """The ``claimledger.document/1`` JSON object."""
        return {
            "schema": SCHEMA_DOCUMENT,
            "document": {
                "id": self.id, "path": self.path, "title": self.title,
                "title_span": list(self.title_span) if self.title_span else None,
                "outlet": self.outlet, "url": self.url, "published": self.published, "author": self.author,
                "language": self.language, "duplicate_of": self.duplicate_of,
                "analyzer": self.analyzer.to_dict(), "text": self.text,
            },
            "entities": [e.to_dict() for e in self.entities],
            "statements": [s.to_dict() for s in self.statements],
            "claims": [c.to_dict() for c in self.claims],
            "quantities": [q.to_dict() for q in self.quantities],
            "framing": {"markers": [m.to_dict() for m in self.framing_markers]},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        """The document whose :meth:`to_dict` is ``data`` (a stored ``claimledger.document/1`` object)."""
        if data.get("schema") != SCHEMA_DOCUMENT:
            raise ValueError(f"not a {SCHEMA_DOCUMENT} object (schema {data.get('schema')!r})")
        meta = data["document"]
        title_span = meta["title_span"]
        return cls(
            id=meta["id"], text=meta["text"], analyzer=Analyzer.from_dict(meta["analyzer"]), title=meta["title"],
            title_span=tuple(title_span) if title_span else None, path=meta["path"], outlet=meta["outlet"],
            url=meta["url"], published=meta["published"], author=meta["author"], language=meta["language"],
            duplicate_of=meta["duplicate_of"],
            entities=[Entity.from_dict(e) for e in data["entities"]],
            statements=[Statement.from_dict(s) for s in data["statements"]],
            claims=[Claim.from_dict(c) for c in data["claims"]],
            quantities=[Quantity.from_dict(q) for q in data["quantities"]],
            framing_markers=[FramingMarker.from_dict(m) for m in data["framing"]["markers"]],
        )


def _plain_number(value: float | None) -> float | int | None:
    """2000.0 -> 2000 so that counts print as integers."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _optional(from_dict: Callable[[dict[str, Any]], T], data: dict[str, Any] | None) -> T | None:
    """``from_dict(data)``, or None for a field the schema leaves null."""
    return None if data is None else from_dict(data)
