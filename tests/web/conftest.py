"""Fixtures for the web tests: one real SQLite store filled by ingesting invented articles, the app over it,
and the app served by uvicorn on 127.0.0.1 for the browser.

The articles are invented: ``examples/`` (two invented stories from eight invented outlets, see
``examples/README.md``) and :data:`HOSTILE`, an invented article whose text and metadata carry script
payloads. Ingesting runs the spaCy pipeline (about 20 seconds), so the store is built once per session
and the tests only read it — except ``POST`` tests, which get their own store.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from claimledger.store import Store, open_store
from claimledger.store.ingest import ingest_paths
from claimledger.web import create_app
from claimledger.linking.stored import relink
from claimledger.web.uploads import ingest_record

EXAMPLES = Path(__file__).parent.parent.parent / "examples"
ARTIFACTS = Path(__file__).parent.parent / "artifacts"
TOKEN = "test-token-not-secret"

# Invented. Each payload would set window.__pwned or document.title if it ever ran.
HOSTILE = {
    "id": "hostile-0001",
    "title": "Council denies <script>window.__pwned = 'title'</script> leak",
    "text": (
        "The Tarnby town council denied on Monday that it had leaked the river report, "
        "calling the claim <img src=x onerror=\"window.__pwned='img';document.title='pwned'\"> baseless.\n\n"
        "“We never saw <script>window.__pwned = 'quote'</script> any report,” said Mara Quill, the council's clerk.\n\n"
        "Residents shared a link, <a href=\"javascript:window.__pwned='link'\">read the proof</a>, "
        "which the council said proved nothing."
    ),
    "outlet": "The Tarnby Crier",
    "published": "2026-05-21",
    "url": "javascript:window.__pwned='url'",
}


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A store holding the examples and the hostile article, linked into stories."""
    with open_store(str(tmp_path_factory.mktemp("web") / "ledger.db")) as filled:
        ingest_paths([EXAMPLES], filled)
        ingest_record(filled, HOSTILE)  # the web's own ingest path
        relink(filled)
        yield filled


@pytest.fixture(scope="session")
def client(store: Store) -> TestClient:
    """The app over the shared store, read-only (no token)."""
    return TestClient(create_app(store, None))


@pytest.fixture(scope="session")
def story_ids(store: Store) -> dict[str, str]:
    """Story ids by a word of their first headline: ``orvik`` (detentions), ``fishermen`` (dead fish)."""
    ids = {}
    for story in store.stories():
        title = story["title"].lower()
        ids["orvik" if "orvik" in title else "fishermen" if "fishermen" in title else story["id"]] = story["id"]
    return ids


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[tuple[TestClient, Store]]:
    """An app with writes on (:data:`TOKEN`) over an empty store of its own."""
    with open_store(str(tmp_path / "writable.db")) as empty:
        yield TestClient(create_app(empty, TOKEN)), empty


@pytest.fixture(scope="session")
def server_url(store: Store) -> Iterator[str]:
    """The app served by uvicorn on a free port of 127.0.0.1, in a thread, for the browser."""
    server = uvicorn.Server(uvicorn.Config(create_app(store, None), host="127.0.0.1", port=free_port(),
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{server.config.port}"
    server.should_exit = True
    thread.join(timeout=10)


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on (yet)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]

