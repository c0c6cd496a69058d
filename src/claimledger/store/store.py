"""The store: analysed documents, their statements and the ledger's stories, in SQLite or PostgreSQL.

A document is stored whole (its ``claimledger.document/1`` object) and in columns for the queries
that need them: one row per statement for search and speaker views, the text's SHA-256 for wire
copies, the analyzer models for re-analysis. Each call that writes is one transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Select, delete, func, select, tuple_
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from claimledger.batching import batched
from claimledger.errors import StoreError
from claimledger.model import Document, Statement
from claimledger.store import search as full_text
from claimledger.store.engine import database_url, make_engine, writing
from claimledger.store.migrations import current_version, migrate
from claimledger.store.schema import documents, embeddings, settings, statement_speakers, statements, stories

# Both dialects the store runs on can insert a row unless its key is there already.
_DIALECT_INSERTS = {"sqlite": sqlite_insert, "postgresql": postgresql_insert}
_STREAM_ROWS = 100  # documents fetched at a time when streaming
_IDS_PER_QUERY = 500  # ids per IN (…) list: SQLite caps the number of bound parameters


@dataclass
class AddResult:
    """What :meth:`Store.add_documents` did with each document, by id.

    ``wire_copies`` are the added documents whose text an earlier document (another outlet's) already has.
    """

    added: list[str] = field(default_factory=list)
    already_stored: list[str] = field(default_factory=list)
    wire_copies: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StoredStatement:
    """One statement row with the document it comes from (a speaker view's line)."""

    document_id: str
    statement_id: str
    speaker: str | None
    entity: str | None
    act: str
    kind: str
    cue_lemma: str
    content: str | None
    sentence: str
    stance: str | None
    outlet: str | None
    title: str | None
    published: str | None


def name_as_stored(rows: Iterable[StoredStatement], query: str) -> str:
    """How the statements ``rows`` found for ``query`` write that speaker's name (any case of it), or
    ``query`` when it only speaks together with others there (whose rows carry the joint name)."""
    return next((row.speaker for row in rows if (row.speaker or "").casefold() == query.casefold()), query)


@dataclass(frozen=True)
class StoreCounts:
    """How much the store holds."""

    documents: int
    wire_copies: int
    statements: int
    stories: int


def open_store(url: str | None = None) -> Store:
    """Open (creating or upgrading its schema if needed) the store at ``url``.

    ``url``: a SQLAlchemy URL (``sqlite:///path.db``, ``postgresql://user@host/db``), a plain path
    to a SQLite file, or None for ``$CLAIMLEDGER_DB``, else ``./claimledger.db``.
    Raises :class:`~claimledger.errors.StoreError` when it cannot be opened.
    """
    parsed = database_url(url)
    shown = parsed.render_as_string(hide_password=True)
    try:
        engine = make_engine(parsed)
        with writing(engine) as connection:
            migrate(connection)
    except (DBAPIError, ArgumentError, NoSuchModuleError) as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise StoreError(f"cannot open the store {shown}: {reason}") from error
    return Store(engine)


class Store:
    """The documents, statements and stories of one database; see :func:`open_store`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    def schema_version(self) -> int:
        """The schema version the store records."""
        with self.engine.connect() as connection:
            return current_version(connection)

    # Documents

    def add_documents(self, batch: Iterable[Document]) -> AddResult:
        """Store the documents not stored yet, in one transaction (all of them or none).

        A document whose id is stored already is left alone. One whose text the store already holds
        under another id (another outlet's copy) is stored with ``duplicate_of`` set to the earliest
        document with that text; the given objects are not modified.
        """
        result = AddResult()
        with writing(self.engine) as connection:
            for document in batch:
                if _has_document(connection, document.id):
                    result.already_stored.append(document.id)
                    continue
                stored = replace(document, duplicate_of=_original_of(connection, text_digest(document.text)))
                _insert_document(connection, stored)
                result.added.append(stored.id)
                if stored.duplicate_of is not None:
                    result.wire_copies.append(stored.id)
        return result

    def replace_document(self, document: Document) -> None:
        """Overwrite a stored document and its statements with ``document`` as given (one transaction)."""
        with writing(self.engine) as connection:
            self._replace_document(connection, document)

    def _replace_document(self, connection: Connection, document: Document) -> None:
        if not _has_document(connection, document.id):
            raise StoreError(f"no document {document.id} in the store {self.url}")
        connection.execute(documents.update().where(documents.c.id == document.id), _document_row(document))
        connection.execute(delete(statements).where(statements.c.document_id == document.id))
        connection.execute(delete(statement_speakers).where(statement_speakers.c.document_id == document.id))
        _insert_statements(connection, document)

    def has_document(self, document_id: str) -> bool:
        """Whether a document with this id is stored."""
        with self.engine.connect() as connection:
            return _has_document(connection, document_id)

    def document(self, document_id: str) -> Document | None:
        """The stored document, or None."""
        return next(self.documents([document_id]), None)

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """The stored documents (those of ``ids`` when given), in the order they were stored, streamed."""
        query = select(documents.c.body).order_by(documents.c.ingested_at, documents.c.id)
        if ids is None:
            yield from self._stream(query)
            return
        for chunk in batched(ids, _IDS_PER_QUERY):
            yield from self._stream(query.where(documents.c.id.in_(chunk)))

    def _stream(self, query: Select) -> Iterator[Document]:
        with self.engine.connect() as connection:
            for row in connection.execution_options(yield_per=_STREAM_ROWS).execute(query):
                yield Document.from_dict(row.body)

    def outdated_documents(self, models: dict[str, str]) -> list[str]:
        """Ids of the documents analysed with other models than ``models`` (name -> version), in store order."""
        query = select(documents.c.id, documents.c.analyzer_models).order_by(
            documents.c.ingested_at, documents.c.id
        )
        # Compared in Python: JSON equality is not portable SQL (SQLite keeps JSON as text).
        with self.engine.connect() as connection:
            return [row.id for row in connection.execute(query) if row.analyzer_models != models]

    def statements_by_speaker(self, name: str) -> list[StoredStatement]:
        """Every statement whose speaker's resolved name is ``name`` (any case), or that ``name`` makes
        together with others, by publication date."""
        together = select(statement_speakers.c.document_id, statement_speakers.c.statement_id).where(
            func.lower(statement_speakers.c.name) == name.lower()
        )
        query = (
            _stored_statements()
            .where(
                (func.lower(statements.c.speaker_name) == name.lower())
                | tuple_(statements.c.document_id, statements.c.statement_id).in_(together)
            )
            .order_by(documents.c.published, statements.c.document_id, statements.c.pk)
        )
        with self.engine.connect() as connection:
            return [StoredStatement(**row._mapping) for row in connection.execute(query)]

    def statements_at(self, refs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], StoredStatement]:
        """The stored statements of ``(document id, statement id)`` pairs (those still stored)."""
        wanted = set(refs)
        found = {}
        with self.engine.connect() as connection:
            for chunk in batched(sorted({document for document, _ in wanted}), _IDS_PER_QUERY):
                for row in connection.execute(_stored_statements().where(statements.c.document_id.in_(chunk))):
                    if (row.document_id, row.statement_id) in wanted:
                        found[row.document_id, row.statement_id] = StoredStatement(**row._mapping)
        return found

    def search(self, text: str, limit: int = 20, offset: int = 0) -> list[full_text.SearchHit]:
        """Documents and statements containing every word of ``text``, best match first."""
        with self.engine.connect() as connection:
            return full_text.search(connection, text, limit, offset)

    def counts(self) -> StoreCounts:
        """How many documents, wire copies, statements and stories are stored."""
        with self.engine.connect() as connection:
            return StoreCounts(
                documents=connection.scalar(select(func.count()).select_from(documents)),
                wire_copies=connection.scalar(select(func.count()).where(documents.c.duplicate_of.is_not(None))),
                statements=connection.scalar(select(func.count()).select_from(statements)),
                stories=connection.scalar(select(func.count()).select_from(stories)),
            )

    # Stories (claimledger.ledger/1 story objects, written by the linker)

    def replace_stories(self, new_stories: list[dict[str, Any]], changed: Iterable[Document] = ()) -> None:
        """Replace every stored story with ``new_stories`` and overwrite the ``changed`` documents (the
        wire copies linking found), in one transaction: a store never holds half a linking."""
        rows = [
            {"id": story["id"], "title": story.get("title"), "first_seen": story.get("first_seen"),
             "last_seen": story.get("last_seen"), "body": story}
            for story in new_stories
        ]
        with writing(self.engine) as connection:
            for document in changed:
                self._replace_document(connection, document)
            connection.execute(delete(stories))
            if rows:
                connection.execute(stories.insert(), rows)

    def stories(self) -> list[dict[str, Any]]:
        """Every stored story, earliest first."""
        with self.engine.connect() as connection:
            return list(connection.scalars(select(stories.c.body).order_by(stories.c.first_seen, stories.c.id)))

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One stored story, or None."""
        with self.engine.connect() as connection:
            return connection.scalar(select(stories.c.body).where(stories.c.id == story_id))

    # Settings (how the store is linked) and kept sentence embeddings

    def setting(self, key: str) -> str | None:
        """The value of a store setting, ``None`` when it was never set."""
        with self.engine.connect() as connection:
            return connection.scalar(select(settings.c.value).where(settings.c.key == key))

    def set_setting(self, key: str, value: str) -> None:
        """Set a store setting (one transaction)."""
        with writing(self.engine) as connection:
            connection.execute(delete(settings).where(settings.c.key == key))
            connection.execute(settings.insert(), {"key": key, "value": value})

    def embeddings(self, encoder: str, digests: Iterable[str]) -> dict[str, bytes]:
        """The kept vectors of ``encoder`` for the texts of these SHA-256 ``digests`` (those kept), by digest."""
        found = {}
        with self.engine.connect() as connection:
            for chunk in batched(sorted(set(digests)), _IDS_PER_QUERY):
                query = select(embeddings.c.text_sha256, embeddings.c.vector).where(
                    embeddings.c.encoder == encoder, embeddings.c.text_sha256.in_(chunk)
                )
                found.update((row.text_sha256, bytes(row.vector)) for row in connection.execute(query))
        return found

    def add_embeddings(self, encoder: str, vectors: dict[str, bytes]) -> None:
        """Keep ``encoder``'s vectors by text digest, those not kept yet (one transaction): a text that
        another process kept meanwhile is left as it is."""
        rows = [{"encoder": encoder, "text_sha256": digest, "vector": vector} for digest, vector in vectors.items()]
        if not rows:
            return
        with writing(self.engine) as connection:
            insert = _DIALECT_INSERTS[connection.dialect.name](embeddings).on_conflict_do_nothing()
            connection.execute(insert, rows)


def _stored_statements() -> Select:
    """Statement rows as :class:`StoredStatement` fields, joined to their documents."""
    return select(
        statements.c.document_id, statements.c.statement_id, statements.c.speaker_name.label("speaker"),
        statements.c.speaker_entity.label("entity"), statements.c.act, statements.c.kind,
        statements.c.cue_lemma, statements.c.content, statements.c.sentence,
        statements.c.stance_label.label("stance"), documents.c.outlet, documents.c.title, documents.c.published,
    ).join(documents, documents.c.id == statements.c.document_id)


def _has_document(connection: Connection, document_id: str) -> bool:
    return connection.scalar(select(documents.c.id).where(documents.c.id == document_id)) is not None


def _original_of(connection: Connection, digest: str) -> str | None:
    """The earliest stored document with this text: the one its later copies point to."""
    query = (
        select(documents.c.id)
        .where(documents.c.text_sha256 == digest)
        .order_by(documents.c.ingested_at, documents.c.id)
        .limit(1)
    )
    return connection.scalar(query)


def text_digest(text: str) -> str:
    """The SHA-256 of a text, as the store keys texts."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _insert_document(connection: Connection, document: Document) -> None:
    connection.execute(documents.insert(), {**_document_row(document), "ingested_at": datetime.now(UTC)})
    _insert_statements(connection, document)


def _document_row(document: Document) -> dict[str, Any]:
    """The documents columns of ``document`` (all but ``ingested_at``)."""
    return {
        "id": document.id, "outlet": document.outlet, "url": document.url, "title": document.title,
        "published": document.published, "path": document.path, "language": document.language,
        "text": document.text, "text_sha256": text_digest(document.text), "duplicate_of": document.duplicate_of,
        "analyzer_version": document.analyzer.version, "analyzer_models": dict(document.analyzer.models),
        "body": document.to_dict(),
    }


def _insert_statements(connection: Connection, document: Document) -> None:
    rows = [_statement_row(document.id, statement) for statement in document.statements]
    if rows:
        connection.execute(statements.insert(), rows)
    members = [
        {"document_id": document.id, "statement_id": statement.id, "name": member.name}
        for statement in document.statements if statement.speaker is not None
        for member in statement.speaker.members
    ]  # fmt: skip
    if members:
        connection.execute(statement_speakers.insert(), members)


def _statement_row(document_id: str, statement: Statement) -> dict[str, Any]:
    speaker = statement.speaker.to_dict() if statement.speaker else None
    return {
        "document_id": document_id, "statement_id": statement.id,
        "speaker_name": speaker["name"] if speaker else None, "speaker_entity": speaker["entity"] if speaker else None,
        "act": statement.act, "kind": statement.kind, "cue_lemma": statement.cue.lemma,
        "content": statement.content.text if statement.content else None, "sentence": statement.sentence.text,
        "stance_label": statement.stance.label if statement.stance else None,
    }
