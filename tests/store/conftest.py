"""Fixtures for the store tests: an empty store on each backend.

The PostgreSQL store is real: ``$CLAIMLEDGER_TEST_PG`` or ``postgresql://postgres@127.0.0.1:5432/test``;
each test gets a schema of its own (a random name, on the connection's ``search_path``), dropped
after. Without a server the PostgreSQL cases are skipped with a message — under ``CI=true`` they fail.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import make_url

from claimledger.store import Store, open_store

PG_ENV = "CLAIMLEDGER_TEST_PG"
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgresql_server() -> str:
    """The test server's URL; skips (fails under CI=true) when it cannot be reached."""
    url = os.environ.get(PG_ENV, PG_DEFAULT)
    try:
        with psycopg.connect(url, connect_timeout=3) as connection:
            connection.execute("SELECT 1")
    except psycopg.OperationalError as error:
        message = f"no PostgreSQL server at {url} ({str(error).strip().splitlines()[0]}); set {PG_ENV} to test it"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return url


@pytest.fixture
def postgresql_url(postgresql_server: str) -> Iterator[str]:
    """A URL whose connections work in a fresh schema, dropped after the test."""
    schema = f"claimledger_test_{secrets.token_hex(6)}"
    with psycopg.connect(postgresql_server, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    try:
        url = make_url(postgresql_server).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with psycopg.connect(postgresql_server, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store URL on each backend: a SQLite file in tmp_path, a PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'claimledger.db'}"
    return request.getfixturevalue("postgresql_url")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open, empty store on each backend."""
    with open_store(store_url) as opened:
        yield opened
