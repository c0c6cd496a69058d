"""Read queries the web needs that :class:`~claimledger.store.Store` does not offer.

Lists of documents and of speakers are paged and counted in SQL over the store's tables, so a page
never loads whole documents (each document row's ``body`` holds the full text and analysis).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import distinct, func, select, union_all

from claimledger.store import Store
from claimledger.store.schema import documents, statement_speakers, statements

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

    A speaker is a statement's resolved name, or one of several who made it together ("Civic Rights
    Monitor and Frontier Legal Aid" counts for each); unnamed speakers ("it was reported") are left out.
    """
    said = union_all(
        select(statements.c.speaker_name.label("name"), statements.c.document_id)
        .where(statements.c.speaker_name.is_not(None)),
        select(statement_speakers.c.name, statement_speakers.c.document_id),
    ).subquery()
    count = func.count().label("statements")
    query = (
        select(said.c.name, count, func.count(distinct(documents.c.outlet)).label("outlets"))
        .join(documents, documents.c.id == said.c.document_id)
        .group_by(said.c.name)
        .order_by(count.desc(), said.c.name)
        .limit(limit)
        .offset(offset)
    )
    with store.engine.connect() as connection:
        total = connection.scalar(select(func.count(distinct(said.c.name))))
        rows = [dict(row._mapping) for row in connection.execute(query)]
    return total, rows
