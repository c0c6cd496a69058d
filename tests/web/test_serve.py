"""``claimledger serve`` as a user starts it: a real process on 127.0.0.1, the token from the environment."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .conftest import TOKEN, free_port


def serve(db: Path, token: str | None) -> tuple[subprocess.Popen, str]:
    """Start ``claimledger serve`` and wait until it answers."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "CLAIMLEDGER_TOKEN"}
    if token:
        env["CLAIMLEDGER_TOKEN"] = token
    command = [sys.executable, "-c", "from claimledger.cli import run; run()", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            httpx.get(base + "/openapi.json", timeout=1)
            return process, base
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    pytest.fail(f"claimledger serve did not start: {process.communicate()[1]}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    process, base = serve(tmp_path / "served.db", TOKEN)
    yield base, process
    process.terminate()
    process.wait(timeout=10)


def test_serve_answers_with_an_empty_store_and_guards_writes(served) -> None:
    base, process = served
    assert httpx.get(base + "/api/stories").json() == {"total": 0, "limit": 20, "offset": 0, "items": []}
    assert "No stories yet" in httpx.get(base + "/").text
    assert httpx.post(base + "/api/documents", json={"text": "x"}).status_code == 401
    process.terminate()
    assert "writes need the token" in process.communicate(timeout=10)[1]


def test_serve_without_a_token_is_read_only(tmp_path: Path) -> None:
    process, base = serve(tmp_path / "read-only.db", None)
    try:
        response = httpx.post(base + "/api/documents", json={"text": "x"}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 403
    finally:
        process.terminate()
        process.wait(timeout=10)
