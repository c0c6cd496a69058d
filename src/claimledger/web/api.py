"""The REST API under ``/api``: stories, claims, speakers, documents, search, and ingest.

Every list is a :class:`~claimledger.web.schemas.Page` (``limit``/``offset`` in, ``total`` out).
Whole stories and documents are the contract objects of PRODUCT.md (``claimledger.ledger/1``,
``claimledger.document/1``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from claimledger.ingest import default_max_bytes
from claimledger.store import SearchHit, Store
from claimledger.web import contracts, ledger, queries, uploads
from claimledger.web.schemas import (
    DEFAULT_LIMIT, MAX_LIMIT, ArticleIn, ClaimDetail, ClaimSummary, DocumentSummary, IngestResult, Page, Problem,
    SpeakerStatement, SpeakerSummary, StorySummary,
)
from claimledger.web.index import LedgerCache
from claimledger.web.security import require_token

T = TypeVar("T")
SEARCH_CAP = 1000  # hits counted (and pageable) per search
MAX_OFFSET = 2**31 - 1  # past any real list; keeps OFFSET inside every database's integer range

router = APIRouter(prefix="/api", tags=["ledger"], responses={404: {"model": Problem}})
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]


def get_store(request: Request) -> Store:
    """The app's store (a dependency, so that every handler names what it reads)."""
    return request.app.state.store


def get_ledger(request: Request) -> LedgerCache:
    """The app's index of the stored ledger."""
    return request.app.state.ledger


StoreDep = Annotated[Store, Depends(get_store)]
LedgerDep = Annotated[LedgerCache, Depends(get_ledger)]


def page(items: Sequence[T], limit: int, offset: int, convert: Callable[[T], Any] = lambda item: item) -> dict:
    """One page of an in-memory list; only that page's items are converted."""
    return {"total": len(items), "limit": limit, "offset": offset,
            "items": [convert(item) for item in items[offset : offset + limit]]}


def found(value: T | None, what: str) -> T:
    """``value``, or a 404 naming what was not found."""
    if value is None:
        raise HTTPException(404, f"no {what}")
    return value


@router.get("/stories", response_model=Page[StorySummary])
def list_stories(cache: LedgerDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict:
    """Stories, earliest first, with dates, outlets, independent sources and the stance on their central claim."""
    return page(cache.index().stories, limit, offset)


@router.get("/stories/{story_id}", response_model=None,
            responses=contracts.json_response(contracts.STORY, "A claimledger.ledger/1 story object"))
def get_story(story_id: str, store: StoreDep) -> dict:
    """One story object of ``claimledger.ledger/1``: documents, claims with their voices, figures, framing."""
    return found(store.story(story_id), f"story {story_id}")


@router.get("/claims", response_model=Page[ClaimSummary])
def list_claims(
    store: StoreDep, cache: LedgerDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
    story: Annotated[str | None, Query(description="Only this story's claims.")] = None,
) -> dict:
    """Claims story by story (each story's central claim first), with their stance counts."""
    if story is None:
        return page(cache.index().claims, limit, offset)
    pairs = ledger.story_claims([found(store.story(story), f"story {story}")])  # one story: read it fresh
    return page([ledger.claim_summary(*pair) for pair in pairs], limit, offset)


@router.get("/claims/{claim_id}", response_model=ClaimDetail)
def get_claim(claim_id: str, cache: LedgerDep) -> dict:
    """One claim of the ledger: supporters, deniers, neutral voices, evidence, figures and disagreements."""
    story, claim = found(cache.story_of_claim(claim_id), f"claim {claim_id}")
    return {"story": story["id"], "story_title": story.get("title"), "claim": claim}


@router.get("/speakers", response_model=Page[SpeakerSummary])
def list_speakers(store: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict:
    """Speakers (statements' resolved names), most statements first."""
    total, rows = queries.speaker_page(store, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


@router.get("/speakers/{name:path}", response_model=Page[SpeakerStatement])
def get_speaker(name: str, store: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict:
    """Everything a speaker said (any case of the name), by publication date."""
    statements = store.statements_by_speaker(name)
    if not statements:
        raise HTTPException(404, f"no statements by {name}")
    return page(statements, limit, offset, asdict)


@router.get("/documents", response_model=Page[DocumentSummary])
def list_documents(store: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict:
    """Stored documents by publication date (undated last)."""
    total, rows = queries.document_page(store, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


@router.get("/documents/{document_id:path}", response_model=None,
            responses=contracts.json_response(contracts.DOCUMENT, "A claimledger.document/1 object"))
def get_document(document_id: str, store: StoreDep) -> dict:
    """One ``claimledger.document/1`` object: text, statements with speaker, cue and content spans, claims,
    figures, framing markers."""
    return found(store.document(document_id), f"document {document_id}").to_dict()


@router.get("/search", response_model=Page[SearchHit])
def search(
    store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find, all of them.")],
    limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
) -> dict:
    """Documents and statements containing every word of ``q``, best first; ``total`` counts up to 1,000 hits."""
    return page(store.search(q, limit=SEARCH_CAP), limit, offset, lambda hit: hit.to_dict())


_ARTICLE_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": ArticleIn.model_json_schema()},
        "multipart/form-data": {
            "schema": {"type": "object", "required": ["file"],
                       "properties": {"file": {"type": "string", "format": "binary",
                                               "description": "An article file; its extension picks the reader."}}},
        },
    },
}


@router.post(
    "/documents", status_code=201, response_model=IngestResult, dependencies=[Depends(require_token)],
    openapi_extra={"requestBody": _ARTICLE_BODY},
    responses={200: {"model": IngestResult, "description": "Every article was stored already"},
               401: {"model": Problem}, 403: {"model": Problem}, 413: {"model": Problem},
               415: {"model": Problem}, 422: {"model": Problem}},
)
async def post_document(request: Request, response: Response) -> dict:
    """Ingest an article (a JSON object, or a file as ``multipart/form-data`` field ``file``).

    Needs ``Authorization: Bearer <CLAIMLEDGER_TOKEN>``. 201 when something was added (the ledger is
    then relinked in the background), 200 when it was stored already, 422 when nothing in it could be
    read or analysed.
    """
    store: Store = request.app.state.store
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        result = await run_in_threadpool(uploads.ingest_record, store, await _article_record(request))
    elif content_type == "multipart/form-data":
        result = await _ingest_form(request, store)
    else:
        raise HTTPException(415, "send application/json or multipart/form-data")
    result["relinking"] = bool(result["added"])
    if result["added"]:
        request.app.state.relink.request()
    if not result["documents"]:
        raise HTTPException(422, "; ".join(result["rejected"]) or "no article in the request")
    if not result["added"]:
        response.status_code = 200
    return result


async def _article_record(request: Request) -> dict:
    """The JSON body validated as :class:`ArticleIn`, as a JSON Lines record (unset fields left out)."""
    try:
        return ArticleIn.model_validate_json(await request.body()).model_dump(exclude_none=True)
    except ValidationError as error:
        raise HTTPException(422, f"not an article: {error.errors()[0]['msg']}") from error


async def _ingest_form(request: Request, store: Store) -> dict:
    """Ingest the form's ``file`` field."""
    max_bytes = default_max_bytes()
    form = await request.form(max_files=1, max_fields=10, max_part_size=max_bytes)
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise HTTPException(422, "the form needs a file field named 'file'")
    try:
        return await run_in_threadpool(uploads.ingest_upload, store, upload.filename, upload.file, max_bytes)
    except uploads.UploadTooLarge as error:
        raise HTTPException(413, str(error)) from error
