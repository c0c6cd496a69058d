"""Read queries the web needs that :class:`~claimledger.store.Store` does not offer.

Lists of documents and of speakers are paged and counted in SQL over the store's tables, and the
statements a ledger page quotes are fetched as rows, so a page never loads whole documents (each
document row's ``body`` holds the full text and analysis).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import distinct, func, select

from claimledger.batching import batched
from claimledger.store import Store, StoredStatement
from claimledger.store.schema import documents, statements

StatementRow = StoredStatement
_IDS_PER_QUERY = 500  # SQLite caps the number of bound parameters of one query

# The ledger's document order: dated documents by date, then undated ones; ties by id.
_DOCUMENT_ORDER = (documents.c.published.is_(None), documents.c.published, documents.c.id)


def document_page(store: Store, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """The total number of documents and one page of their summaries (no text)."""
    columns = (documents.c.id, documents.c.title, documents.c.outlet, documents.c.published, documents.c.url,
               documents.c.duplicate_of)
    query = select(*columns).order_by(*_DOCUMENT_ORDER).limit(limit).offset(offset)
    with store.engine.connect() as connection:
        total = connection.scalar(select(func.count()).select_from(documents))
        rows = [dict(row._mapping) for row in connection.execute(query)]
    return total, rows


def speaker_page(store: Store, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """The number of distinct speakers and one page of them, most statements first.

    A speaker is a statement's resolved name; unnamed speakers ("it was reported") are left out.
    """
    named = statements.c.speaker_name.is_not(None)
    count = func.count().label("statements")
    query = (
        select(statements.c.speaker_name.label("name"), count,
               func.count(distinct(documents.c.outlet)).label("outlets"))
        .join(documents, documents.c.id == statements.c.document_id)
        .where(named)
        .group_by(statements.c.speaker_name)
        .order_by(count.desc(), statements.c.speaker_name)
        .limit(limit)
        .offset(offset)
    )
    with store.engine.connect() as connection:
        total = connection.scalar(select(func.count(distinct(statements.c.speaker_name))).where(named))
        rows = [dict(row._mapping) for row in connection.execute(query)]
    return total, rows


def statement_rows(store: Store, refs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], StatementRow]:
    """The statement rows of ``(document id, statement id)`` pairs, with their documents' outlet and title."""
    wanted = set(refs)
    query = (
        select(
            statements.c.document_id, statements.c.statement_id, statements.c.speaker_name.label("speaker"),
            statements.c.speaker_entity.label("entity"), statements.c.act, statements.c.kind,
            statements.c.cue_lemma, statements.c.content, statements.c.sentence,
            statements.c.stance_label.label("stance"), documents.c.outlet, documents.c.title, documents.c.published,
        )
        .join(documents, documents.c.id == statements.c.document_id)
    )
    found = {}
    with store.engine.connect() as connection:
        for chunk in batched(sorted({document for document, _ in wanted}), _IDS_PER_QUERY):
            for row in connection.execute(query.where(statements.c.document_id.in_(chunk))):
                key = (row.document_id, row.statement_id)
                if key in wanted:
                    found[key] = StatementRow(**row._mapping)
    return found
