"""The store's tables (SQLAlchemy Core), at the latest schema version.

Full-text search lives outside these definitions, in dialect-specific DDL (:mod:`.migrations`):
FTS5 tables kept up to date by triggers on SQLite, generated ``tsvector`` columns on PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON, Column, DateTime, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table, Text, UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()
_JSON = JSON().with_variant(JSONB(), "postgresql")

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("description", Text, nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String, primary_key=True),
    Column("outlet", Text),
    Column("url", Text),
    Column("title", Text),
    Column("published", Text),
    Column("path", Text),
    Column("language", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("text_sha256", String(64), nullable=False, index=True),
    Column("duplicate_of", String, index=True),
    Column("analyzer_version", String, nullable=False),
    Column("analyzer_models", _JSON, nullable=False),
    Column("body", _JSON, nullable=False),  # the whole claimledger.document/1 object
    # Per row, not per batch: the earliest document with a text is the original its copies point to.
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

statements = Table(
    "statements", metadata,
    # An integer key of its own: SQLite's FTS5 index refers to rows by a stable integer.
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String, ForeignKey("documents.id"), nullable=False),
    Column("statement_id", String, nullable=False),
    Column("speaker_name", Text),
    Column("speaker_entity", String),
    Column("act", String(32), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("cue_lemma", Text, nullable=False),
    Column("content", Text),
    Column("sentence", Text, nullable=False),
    Column("stance_label", String(16)),
    UniqueConstraint("document_id", "statement_id"),
)
Index("statements_speaker", func.lower(statements.c.speaker_name))

stories = Table(
    "stories", metadata,
    Column("id", String, primary_key=True),
    Column("title", Text),
    Column("first_seen", Text),
    Column("last_seen", Text),
    Column("body", _JSON, nullable=False),  # one story object of claimledger.ledger/1
)

# Since version 2. How this store is linked ("claim_linking": "words" or "meaning"), kept so that every
# relink (ingest, reanalyze, the web server's uploads) links it the same way.
settings = Table(
    "settings", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# Since version 2. Sentence embeddings computed once per text (its SHA-256) and encoder, so that a
# relink by meaning embeds only what is new.
embeddings = Table(
    "embeddings", metadata,
    Column("encoder", String(64), primary_key=True),
    Column("text_sha256", String(64), primary_key=True),
    Column("vector", LargeBinary, nullable=False),
)

# Since version 3. Each of several who make a statement together ("CRM and Amnesty International said"),
# whose joint name is the statement's speaker_name, so that each one's speaker view finds it.
statement_speakers = Table(
    "statement_speakers", metadata,
    Column("document_id", String, ForeignKey("documents.id"), nullable=False),
    Column("statement_id", String, nullable=False),
    Column("name", Text, nullable=False),
)
Index("statement_speakers_name", func.lower(statement_speakers.c.name))
