"""The server-rendered pages: stories, story ledger, claim, speaker, article, search.

Templates are Jinja2 with autoescaping on for everything: article text, titles, names and quotes
reach the HTML only escaped. The few filters that return markup (:func:`snippet_html`,
:func:`claimledger.web.highlight.highlight`) build it from escaped pieces.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from claimledger import __version__
from claimledger.linking.stored import store_linking
from claimledger.store import HIGHLIGHT, name_as_stored
from claimledger.web import charts, ledger, queries
from claimledger.web.api import SEARCH_CAP, Offset, found, get_ledger, get_store
from claimledger.web.highlight import describe_quantity, document_marks, highlight, speaker_name

PAGE_SIZE = 25
ACT_LABELS = {
    "assert": "asserted", "deny": "denied", "confirm": "confirmed", "accuse": "accused", "question": "questioned",
    "challenge": "challenged", "refuse_comment": "declined to comment", "report": "reported", "other": "other",
}

router = APIRouter(include_in_schema=False)


# Links are built here, each part percent-encoded: Starlette's url_for would put a speaker's name
# ("Smith & Sons #2") into the path as it is.
def story_url(story_id: str) -> str:
    """The story ledger page."""
    return f"/stories/{quote(story_id, safe='')}"


def claim_url(claim_id: str) -> str:
    """The claim page."""
    return f"/claims/{quote(claim_id, safe='')}"


def speaker_url(name: str) -> str:
    """The speaker page."""
    return f"/speakers/{quote(name, safe='')}"


def document_url(document_id: str, statement_id: str | None = None) -> str:
    """The article page, at a statement when given (its cue carries the statement id)."""
    anchor = f"#{quote(statement_id, safe='')}" if statement_id else ""
    return f"/documents/{quote(document_id, safe='')}{anchor}"


def http_url(url: str | None) -> str | None:
    """``url`` when it is http(s); anything else (``javascript:``, ``data:``) must never become a link."""
    return url if url and urlsplit(url).scheme.lower() in {"http", "https"} else None


def snippet_html(snippet: str) -> Markup:
    """A search snippet with its matched words (wrapped in ``**`` by the store) in ``<mark>``, all else escaped."""
    parts = snippet.split(HIGHLIGHT)
    return Markup("").join(Markup("<mark>{}</mark>").format(p) if i % 2 else escape(p) for i, p in enumerate(parts))


def day(published: str | None) -> str:
    """The date part of an ISO date or timestamp, "undated" when absent."""
    return (published or "")[:10] or "undated"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,  # every template, whatever its extension: nothing untrusted is ever left raw
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        story_url=story_url, claim_url=claim_url, speaker_url=speaker_url, document_url=document_url,
        static_url=lambda name: f"/static/{name}?v={__version__}", version=__version__,
        stance_bar=charts.stance_bar, claim_stance=ledger.stance_counts, act_labels=ACT_LABELS,
    )
    env.filters.update(http_url=http_url, snippet_html=snippet_html, day=day, quantity=describe_quantity)
    return env


TEMPLATES = _environment()


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A template rendered into a response; ``q`` (the search box's text) is always defined."""
    context.setdefault("q", "")
    html = TEMPLATES.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """The page shown for a missing story, claim, speaker or document, or a bad request."""
    return render(request, "error.html", status, status=status, message=message)


def pager(total: int, offset: int, limit: int = PAGE_SIZE) -> dict[str, Any]:
    """Where a list page is and its previous/next offsets (None at either end)."""
    return {"total": total, "first": offset + 1, "last": min(offset + limit, total),
            "previous": max(offset - limit, 0) if offset > 0 else None,
            "next": offset + limit if offset + limit < total else None}


@router.get("/", response_class=HTMLResponse)
def stories_page(request: Request, offset: Offset = 0) -> HTMLResponse:
    """Every story with its dates, outlets, independent sources and a stance bar."""
    stories = get_ledger(request).index().stories
    return render(request, "stories.html", stories=stories[offset : offset + PAGE_SIZE], paging=pager(len(stories), offset),
                  linking=store_linking(get_store(request)).value)  # fmt: skip


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    """A story's ledger: its claims with supporters and deniers, figures, framing and a coverage timeline."""
    store = get_store(request)
    story = found(store.story(story_id), "story")
    claims = story.get("claims") or []
    return render(
        request, "story.html", story=story, summary=ledger.story_summary(story), claims=claims,
        voices=ledger.resolved_voices(store, claims), timeline=charts.timeline(story["documents"]),
        framing=_framing_by_outlet(story), titles={d["id"]: d.get("title") for d in story["documents"]},
    )


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, claim_id: str) -> HTMLResponse:
    """One claim: who supports and who denies it, with evidence, quote variants and figures."""
    story, claim = found(get_ledger(request).story_of_claim(claim_id), "claim")
    return render(
        request, "claim.html", story=story, claim=claim, voices=ledger.resolved_voices(get_store(request), [claim]),
        titles={d["id"]: d.get("title") for d in story["documents"]},
    )


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request, offset: Offset = 0) -> HTMLResponse:
    """Speakers, most statements first."""
    total, speakers = queries.speaker_page(get_store(request), PAGE_SIZE, offset)
    return render(request, "speakers.html", speakers=speakers, paging=pager(total, offset))


@router.get("/speakers/{name:path}", response_class=HTMLResponse)
def speaker_page(request: Request, name: str) -> HTMLResponse:
    """Everything a speaker said, grouped by speech act."""
    statements = get_store(request).statements_by_speaker(name)
    if not statements:
        raise HTTPException(404, f"no statements by {name}")
    by_act = defaultdict(list)
    for statement in statements:
        by_act[statement.act].append(statement)
    groups = [(act, by_act[act]) for act in ACT_LABELS if act in by_act]
    outlets = sorted({s.outlet for s in statements if s.outlet})
    return render(request, "speaker.html", name=name_as_stored(statements, name), groups=groups,
                  total=len(statements), outlets=outlets)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, offset: Offset = 0) -> HTMLResponse:
    """Every stored article, by publication date."""
    total, documents = queries.document_page(get_store(request), PAGE_SIZE, offset)
    return render(request, "documents.html", documents=documents, paging=pager(total, offset))


@router.get("/documents/{document_id:path}", response_class=HTMLResponse)
def document_page(request: Request, document_id: str) -> HTMLResponse:
    """An article with its speakers, cues, quotes, figures and framing markers highlighted."""
    store = get_store(request)
    document = found(store.document(document_id), "article")
    return render(
        request, "document.html", document=document, text=highlight(document.text, document_marks(document)),
        central=next((c for c in document.claims if c.central), None),
        story=get_ledger(request).story_of_document(document.id),
        speaker_name=speaker_name,
        speakers=list(dict.fromkeys(speaker_name(s) for s in document.statements if s.speaker is not None)),
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, q: Annotated[str, Query(max_length=500)] = "", offset: Offset = 0,
) -> HTMLResponse:
    """Full-text search over articles and statements."""
    hits = get_store(request).search(q, limit=SEARCH_CAP) if q.strip() else []
    return render(request, "search.html", q=q, hits=hits[offset : offset + PAGE_SIZE], paging=pager(len(hits), offset),
                  capped=len(hits) >= SEARCH_CAP)


def _framing_by_outlet(story: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The story's framing entries grouped by outlet: ``[(outlet, [{"document", "markers"}, …]), …]``."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in story.get("framing") or []:
        grouped[entry.get("outlet") or "(no outlet)"].append(entry)
    return sorted(grouped.items())
