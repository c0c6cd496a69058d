"""The web application: the REST API under ``/api``, the server-rendered pages, the static files.

``create_app(store, token)`` builds one app over one store; ``claimledger serve`` runs it with
uvicorn. Handlers are plain (synchronous) functions: FastAPI runs them in its thread pool, so a slow
query or an ingest (spaCy) never blocks the event loop.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.responses import Response

from claimledger import __version__
from claimledger.store import Store
from claimledger.web import api, contracts, pages
from claimledger.web.index import LedgerCache
from claimledger.web.relinking import BackgroundRelink
from claimledger.web.security import SecurityHeaders

STATIC = Path(__file__).parent / "static"


def create_app(store: Store, token: str | None = None) -> FastAPI:
    """The claimledger web app over ``store``; ``token`` enables the write endpoints (None: read-only)."""
    app = FastAPI(
        title="claimledger",
        version=__version__,
        summary="Who claims what in the news, who denies it, and where the numbers disagree.",
        # The interactive docs pages load their scripts from a CDN, which the CSP (rightly) forbids.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.ledger = LedgerCache(store)
    app.state.relink = BackgroundRelink(store, on_done=app.state.ledger.invalidate)
    app.state.token = token or None
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(HTTPException, _error_page)
    contracts.install(app)
    return app


async def _error_page(request: Request, error: HTTPException) -> Response:
    """JSON errors for the API, an HTML page for people (unknown paths included: Starlette's own 404)."""
    if request.url.path.startswith("/api/"):
        return await http_exception_handler(request, error)
    return pages.error_page(request, error.status_code, str(error.detail))
