"""What keeps untrusted article text inert and writes authorised.

Every response carries a Content-Security-Policy that allows scripts, styles and images from this
server only — no inline script, no inline style, no plugins, no framing — so even a slip in escaping
could not run an article's ``<script>``. Writes need ``Authorization: Bearer <token>``; a server
started without a token has no writes at all (403), rather than writes open to anyone.
"""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}
TOKEN_ENV = "CLAIMLEDGER_TOKEN"


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response, errors and static files included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode().lower() not in SECURITY_HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def require_token(request: Request) -> None:
    """Dependency of every write endpoint: 403 when writes are off, 401 without the right bearer token."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(403, f"writes are off: start the server with {TOKEN_ENV} set to enable them")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    # compare_digest: the time taken does not reveal how much of a guessed token was right.
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})
