"""A store filled once per test session by ingesting ``examples/`` (invented articles, two stories), for
the tests of the ledger views and exports; and the command runner those tests share."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"
_STORES: dict[str, str] = {}  # one ingest per session, whichever test module asks first


def claimledger(*args: str) -> subprocess.CompletedProcess:
    """The command as a user runs it (``run()``: exit statuses and one-line errors included)."""
    command = [sys.executable, "-c", "from claimledger.cli import run; run()", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def examples_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The path of a SQLite store holding ``examples/``, ingested (and linked) on first use."""
    if "examples" not in _STORES:
        db = str(tmp_path_factory.mktemp("ledger") / "examples.db")
        result = claimledger("ingest", str(EXAMPLES), "--db", db)
        assert result.returncode == 0, result.stderr
        _STORES["examples"] = db
    return _STORES["examples"]


def schema(name: str) -> dict:
    """A shipped JSON Schema (``ledger-1``, ``document-1``)."""
    return json.loads(resources.files("claimledger").joinpath(f"schema/{name}.schema.json").read_text("utf-8"))
