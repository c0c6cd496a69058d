"""Database URLs and engines: SQLite by default, PostgreSQL (psycopg 3) by URL.

Every write goes through :func:`writing`, which serializes writers: ``BEGIN IMMEDIATE`` on SQLite,
a transaction-scoped advisory lock on PostgreSQL. A batch's "is it stored? which text came first?"
checks and its inserts then see one consistent store, however many ingests run at once.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL

DB_ENV = "CLAIMLEDGER_DB"
DEFAULT_URL = "sqlite:///./claimledger.db"
_WRITE = "claimledger_write"  # execution option: this connection's transaction will write
_WRITER_LOCK = 0x636C6C67  # "cllg": the advisory lock key every claimledger writer takes on PostgreSQL
_BUSY_TIMEOUT_S = 60  # SQLite: how long a writer waits for another writer's batch to commit


def database_url(url: str | None = None) -> URL:
    """The store's SQLAlchemy URL.

    ``None`` means ``$CLAIMLEDGER_DB`` or ``sqlite:///./claimledger.db``; a string without ``://`` is
    a path to a SQLite file; ``postgresql://`` (or ``postgres://``) is driven by psycopg 3.
    """
    given = url or os.environ.get(DB_ENV) or DEFAULT_URL
    if "://" not in given:
        return URL.create("sqlite", database=given)
    parsed = make_url(given)
    if parsed.drivername in {"postgresql", "postgres"}:
        return parsed.set(drivername="postgresql+psycopg")
    return parsed


def make_engine(url: URL) -> Engine:
    """An engine for ``url``; SQLite gets real transactions, WAL and foreign keys (see the module doc)."""
    if url.get_backend_name() != "sqlite":
        return create_engine(url)
    engine = create_engine(url, connect_args={"timeout": _BUSY_TIMEOUT_S})
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


def _configure_sqlite(dbapi_connection, _record) -> None:
    # The sqlite3 module's legacy mode skips BEGIN before SELECT and DDL: migrations would not be
    # atomic and reads not repeatable. SQLAlchemy's documented recipe: switch it off, emit BEGIN ourselves.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL: readers (a search, the kill test's polling) never block the writer, nor it them.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _begin_sqlite(connection: Connection) -> None:
    # A writer takes the write lock up front: a deferred transaction that reads, then writes, fails
    # with "database is locked" instead of waiting when another writer got there first.
    immediate = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A connection in a write transaction, committed on success, rolled back on any error."""
    with engine.connect() as connection:
        connection.execution_options(**{_WRITE: True})
        with connection.begin():
            if engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITER_LOCK})
            yield connection
