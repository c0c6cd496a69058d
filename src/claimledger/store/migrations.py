"""The store's schema versions: an ordered list of steps and a ``schema_version`` table.

Opening a store applies, in one write transaction, every step past the version it records, so a
fresh file gets the whole schema and an older store is brought up to date. Alembic is not used:
it would bring its own environment (ini file, env.py, revision scripts) and a separate
``upgrade`` command for a handful of tables, while the store must upgrade itself when opened; and
its autogenerate cannot see what most of this schema's dialect work is — FTS5 virtual tables,
triggers, generated ``tsvector`` columns.

A released step never changes what it does: a later change to the tables is a new step (an
ALTER) with :mod:`.schema` updated to match — and step 1, which builds the tables from
:mod:`.schema`, is then frozen into its own version-1 DDL, so a fresh store still passes through
every step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, func, inspect, select

from claimledger.errors import StoreError
from claimledger.store.schema import (
    documents, embeddings, metadata, schema_version, settings, statement_speakers, statements, stories,
)


@dataclass(frozen=True)
class Migration:
    """One schema step: the version it brings the store to, and how."""

    version: int
    description: str
    apply: Callable[[Connection], None]


def _create_tables(connection: Connection) -> None:
    metadata.create_all(connection, tables=[documents, statements, stories])
    for statement in _SEARCH_DDL[connection.dialect.name]:
        connection.exec_driver_sql(statement)


# SQLite: FTS5 tables (Porter stemming, like PostgreSQL's english configuration) that triggers keep
# in step with the rows in the same transaction. The statements index reads its text from the
# statements table (external content); the documents index holds its own copy, keyed by the text
# id, as documents have no stable integer row id — its rare rewrites (a changed title or text) scan it.
_SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE documents_fts USING fts5("
    "document_id UNINDEXED, title, text, tokenize='porter unicode61')",
    "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts (document_id, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
    "DELETE FROM documents_fts WHERE document_id = old.id; END",
    "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents "
    "WHEN old.title IS NOT new.title OR old.text IS NOT new.text BEGIN "
    "DELETE FROM documents_fts WHERE document_id = old.id; "
    "INSERT INTO documents_fts (document_id, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE VIRTUAL TABLE statements_fts USING fts5("
    "speaker_name, content, content='statements', content_rowid='pk', tokenize='porter unicode61')",
    "CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN "
    "INSERT INTO statements_fts (rowid, speaker_name, content) VALUES (new.pk, new.speaker_name, new.content); END",
    "CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN "
    "INSERT INTO statements_fts (statements_fts, rowid, speaker_name, content) "
    "VALUES ('delete', old.pk, old.speaker_name, old.content); END",
    "CREATE TRIGGER statements_fts_update AFTER UPDATE ON statements BEGIN "
    "INSERT INTO statements_fts (statements_fts, rowid, speaker_name, content) "
    "VALUES ('delete', old.pk, old.speaker_name, old.content); "
    "INSERT INTO statements_fts (rowid, speaker_name, content) VALUES (new.pk, new.speaker_name, new.content); END",
]
# PostgreSQL: generated columns cannot drift from their rows. A tsvector holds at most 1 MB, so only
# the first 500,000 characters of a (rare) very long article are indexed.
_POSTGRESQL_SEARCH = [
    "ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', left(text, 500000)), 'B')) STORED",
    "CREATE INDEX documents_search ON documents USING GIN (search)",
    "ALTER TABLE statements ADD COLUMN search tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(speaker_name, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(content, '')), 'B')) STORED",
    "CREATE INDEX statements_search ON statements USING GIN (search)",
]
_SEARCH_DDL = {"sqlite": _SQLITE_SEARCH, "postgresql": _POSTGRESQL_SEARCH}


def _create_settings_and_embeddings(connection: Connection) -> None:
    metadata.create_all(connection, tables=[settings, embeddings])


def _create_statement_speakers(connection: Connection) -> None:
    # Nothing to fill: documents analysed before version 3 name no members (`reanalyze` adds them).
    metadata.create_all(connection, tables=[statement_speakers])


MIGRATIONS = [
    Migration(1, "documents, statements and stories, with full-text search", _create_tables),
    Migration(2, "store settings, and sentence embeddings kept for linking by meaning", _create_settings_and_embeddings),
    Migration(3, "each of several speakers who make a statement together", _create_statement_speakers),
]
LATEST_VERSION = MIGRATIONS[-1].version


def current_version(connection: Connection) -> int:
    """The schema version the store records; 0 for an empty database."""
    if not inspect(connection).has_table(schema_version.name):
        return 0
    return connection.scalar(select(func.max(schema_version.c.version))) or 0


def migrate(connection: Connection) -> list[int]:
    """Apply every step past the store's version (inside the caller's write transaction).

    Returns the versions applied. A store written by a newer claimledger is refused rather than
    guessed at.
    """
    version = current_version(connection)
    if version > LATEST_VERSION:
        raise StoreError(
            f"the store has schema version {version}, newer than this claimledger knows ({LATEST_VERSION}); "
            "upgrade claimledger"
        )
    if version == 0:
        metadata.create_all(connection, tables=[schema_version])
    applied = []
    for step in MIGRATIONS[version:]:
        step.apply(connection)
        connection.execute(
            schema_version.insert(),
            {"version": step.version, "description": step.description, "applied_at": datetime.now(UTC)},
        )
        applied.append(step.version)
    return applied
