"""The REST API's request and response types: what ``/openapi.json`` publishes.

Lists are pages (:class:`Page`): ``total`` is the number of items across all pages, ``limit`` and
``offset`` echo the request. Whole stories, claims and documents are returned as the contract
objects themselves (``claimledger.ledger/1`` and ``claimledger.document/1``), described by the
package's own JSON Schemas (:mod:`claimledger.web.contracts`) rather than a pydantic copy that could drift.
"""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, Field, WithJsonSchema

from claimledger.web import contracts

T = TypeVar("T")

DEFAULT_LIMIT = 20
MAX_LIMIT = 200


class Page(BaseModel, Generic[T]):
    """One page of a list: ``items`` from ``offset`` on, at most ``limit`` of them, out of ``total``."""

    total: int
    limit: int
    offset: int
    items: list[T]


class StanceCounts(BaseModel):
    """How many statements support, deny, or speak neutrally about a claim."""

    support: int
    deny: int
    neutral: int


class StorySummary(BaseModel):
    """A story in a list: its dates, its outlets and how independent its coverage is."""

    id: str
    title: str | None
    first_seen: str | None
    last_seen: str | None
    documents: int
    outlets: list[str]
    independent_sources: int = Field(description="Documents once wire copies are collapsed to their original.")
    claims: int
    central_claim: str | None
    stance: StanceCounts = Field(description="Statements toward the story's central (else first) claim.")


class ClaimSummary(BaseModel):
    """A claim in a list, with the story it belongs to."""

    id: str
    story: str
    text: str
    central: bool
    independent_sources: int
    stance: StanceCounts
    disagreements: int


class ClaimDetail(BaseModel):
    """A claim as the ledger holds it (a ``claimledger.ledger/1`` claim object), with its story."""

    story: str
    story_title: str | None
    # Wrapped in allOf: pydantic resolves a bare $ref among its own definitions, and this one is not.
    claim: Annotated[dict[str, Any], WithJsonSchema({"allOf": [contracts.ref(contracts.CLAIM)]})]


class SpeakerSummary(BaseModel):
    """A speaker (a statement's resolved name) with how much they said, in how many outlets."""

    name: str
    statements: int
    outlets: int


class SpeakerStatement(BaseModel):
    """One thing a speaker said, with the document that carried it."""

    document_id: str
    statement_id: str
    speaker: str | None
    act: str
    kind: str
    cue_lemma: str
    content: str | None
    sentence: str
    stance: str | None
    outlet: str | None
    title: str | None
    published: str | None


class DocumentSummary(BaseModel):
    """A stored document in a list."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    duplicate_of: str | None


class ArticleIn(BaseModel):
    """An article to ingest, as one JSON Lines record: ``text`` is the body, ``title`` the headline."""

    text: str = Field(min_length=1)
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    id: str | None = Field(default=None, description="The article's own id; else a hash of outlet and text.")


class IngestResult(BaseModel):
    """What ``POST /api/documents`` did with the articles it was given."""

    documents: list[str] = Field(description="Ids of the given articles, each now stored.")
    added: int
    already_stored: int
    rejected: list[str] = Field(description="One line per input that could not be read or analysed.")
    relinking: bool = Field(description="The ledger is being relinked in the background to include what was added.")


class Problem(BaseModel):
    """An error: what went wrong, in one line."""

    detail: str
